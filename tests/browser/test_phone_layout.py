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
