"""Browsing as a learner does it on a desktop: the Topics index at a glance, a glossary term's
definition on hover or focus, a term's own address on the Glossary, a preview of the question
a link leads to."""

from __future__ import annotations

import yaml

from checks.project import ROOT

DESKTOP = {"width": 1280, "height": 900}


def test_the_topics_index_fits_in_two_screens(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "topics/")
    height = page.evaluate("document.documentElement.scrollHeight")
    topics = page.locator("article .qa-topic-groups li li a").count()
    page.close()
    assert topics >= 30 and height <= 2 * DESKTOP["height"], height


def test_a_glossary_link_shows_its_terms_definition_on_hover_and_on_focus(browser, site_url):
    definitions = {t["definition"] for t in yaml.safe_load((ROOT / "tools/data/glossary.yml").read_text("utf-8"))["terms"]}
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "genai-book/what-is-lora-and-qlora/")
    term = page.locator("article a.qa-term").first
    term.hover()
    tooltip = page.locator("[role=tooltip].md-tooltip2--active")
    tooltip.wait_for(timeout=5000)
    assert tooltip.inner_text().strip() in definitions
    page.mouse.move(0, 0)
    page.locator("article a.qa-term").nth(1).focus()
    page.wait_for_function("document.querySelectorAll('[role=tooltip].md-tooltip2--active').length === 1")
    assert page.locator("[role=tooltip].md-tooltip2--active").inner_text().strip() in definitions
    page.close()


def test_a_glossary_term_has_an_address_of_its_own(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "glossary/#lora")
    block = page.locator("#lora")
    assert block.is_visible() and "Low-Rank Adaptation" in block.inner_text()
    assert 0 <= block.evaluate("e => e.getBoundingClientRect().top") < DESKTOP["height"] / 2
    page.click("article .qa-az a[href$='#letter-r']")
    assert page.locator("#letter-r").evaluate("e => e.getBoundingClientRect().top") < DESKTOP["height"] / 2
    page.close()


def test_a_link_to_another_question_previews_it_on_hover_and_on_focus(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + "genai-book/what-is-lora-and-qlora/")
    link = page.locator("#qa-related ~ ul a").first
    target = link.inner_text()
    link.hover()
    card = page.locator(".qa-preview[role=tooltip]")
    card.wait_for(timeout=5000)
    assert card.locator("strong").inner_text() == target and "Fine Tuning" in card.inner_text()
    assert len(card.locator("p").inner_text()) >= 70  # the target's description
    page.keyboard.press("Escape")
    assert card.count() == 0
    page.mouse.move(0, 0)
    page.locator("#qa-related ~ ul a").nth(1).focus()
    card.wait_for(timeout=5000)
    assert page.locator("#qa-related ~ ul a").nth(1).get_attribute("aria-describedby") == "qa-preview"
    page.locator("article a.qa-term").first.focus()
    page.wait_for_timeout(600)
    assert card.count() == 0  # a glossary term shows its definition instead
    page.close()
