"""Page layout as a learner on a phone sees it."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
HINGLISH_PAGES = [  # the longest titles and questions of the Hinglish source
    "genai-qa-hinglish/what-are-the-strengths-and-limitations-of-each-approach-and/",
    "genai-qa-hinglish/what-are-some-of-these-key-dilemmas-and-how-can/",
    "genai-qa-hinglish/what-factors-should-be-taken-into-account-when-selecting-a/",
]


@pytest.mark.parametrize("path", HINGLISH_PAGES)
def test_the_english_summary_starts_on_a_phones_first_screen(browser, site_url, path):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + path)
    first_line = page.evaluate("""() => {
        const summary = document.querySelector("article .admonition.abstract");
        const text = summary.querySelector("p:not(.admonition-title)");
        return text.getBoundingClientRect().top + 24;  // one line of its text
    }""")
    page.close()
    assert first_line <= PHONE["height"], first_line


FIRST_LINE = """() => {
    let node = document.querySelector("article .qa-meta").nextElementSibling;
    while (node && (node.tagName === "BLOCKQUOTE" || node.classList.contains("qa-duplicates"))) node = node.nextElementSibling;
    return node.getBoundingClientRect().top + 24;  // one line of it: the answer, or its English summary
}"""


def test_every_questions_first_screen_shows_the_start_of_its_answer(browser, site_url, report, parsed):
    """On the 30 pages with the most text above the answer (title and quoted question: the worst
    cases), the title, the strip under it, the quoted question and the first line of the answer,
    or of its English summary, fit in 844 px."""
    def above(url: str) -> int:
        article = parsed(url).select_one("article")
        quoted = article.select_one(".qa-meta + blockquote")
        return len(article.h1.get_text()) + (len(quoted.get_text()) if quoted else 0)

    urls = [e["path"].removesuffix(".md") + "/" for d in report["documents"] for e in d["entries"]]
    worst = sorted(urls, key=lambda url: (-above(url), url))[:30]
    page = browser.new_page(viewport=PHONE, is_mobile=True, has_touch=True)
    lines = {}
    for url in worst:
        page.goto(site_url + url)
        lines[url] = page.evaluate(FIRST_LINE)
    page.close()
    assert max(lines.values()) <= PHONE["height"], sorted(lines.items(), key=lambda item: -item[1])[:3]
