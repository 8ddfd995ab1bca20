"""axe-core in Chromium on the pages readers land on: the home page, a question page,
a Hinglish page, a topic page and search results. No serious or critical violation."""

from __future__ import annotations

import json

import pytest

from checks.axe import axe_script

PAGES = {
    "home": "",
    "question": "genai-book/how-does-lora-work/",
    "hinglish": "genai-qa-hinglish/what-are-the-key-ethical-principles-that-developers-and/",
    "topic": "topics/rag/",
    "topics": "topics/",
    "glossary": "glossary/",
    "practice": "practice/",
}
RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
    .map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


@pytest.fixture(scope="module")
def axe():
    return axe_script()


def violations(page, axe) -> list[dict]:
    """axe-core's findings once no transition is running: a result fading in is read at its end
    colour, not half-way (a search result was once measured at 4.47:1 mid-fade)."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=5_000)
    page.add_script_tag(content=axe)
    return page.evaluate(RUN)


@pytest.mark.parametrize("name", sorted(PAGES))
@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_or_critical_violation(browser, site_url, axe, name, scheme):
    context = browser.new_context(color_scheme="light" if scheme == "default" else "dark")
    page = context.new_page()
    page.goto(site_url + PAGES[name])
    page.wait_for_load_state("networkidle")
    found = violations(page, axe)
    context.close()
    assert found == [], json.dumps(found, indent=1)


def test_a_practice_run_has_no_serious_or_critical_violation(browser, site_url, axe):
    page = browser.new_page()
    page.goto(site_url + "topics/rag/")
    page.locator(".qa-practice-start button").first.click()
    page.wait_for_selector(".qa-practice")
    hidden = violations(page, axe)
    page.keyboard.press("r")
    shown = violations(page, axe)
    page.close()
    assert hidden == shown == [], json.dumps(hidden + shown, indent=1)


def test_search_results_have_no_serious_or_critical_violation(browser, site_url, axe):
    page = browser.new_page()
    page.goto(site_url)
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("attention")
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    found = violations(page, axe)
    page.close()
    assert found == [], json.dumps(found, indent=1)


def test_every_page_says_its_language_and_hinglish_answers_say_theirs(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + PAGES["hinglish"])
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("article [lang='hi-Latn']").count() >= 1
    page.close()
