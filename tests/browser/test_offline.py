"""In a real browser, reading and searching the site requests nothing from any
host but the one serving it, and the site works below a sub-path."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import yaml

PAGES = [
    "",
    "genai-book/how-does-lora-work/",
    "genai-qa-hinglish/what-are-the-key-ethical-principles-that-developers-and/",
    "genai-notes/positional-encoding/",
    "topics/",
    "topics/rag/",
    "genai-book/",
]


def test_no_request_leaves_localhost(browser, site_url):
    page = browser.new_page()
    requests, failed = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    for path in PAGES:
        response = page.goto(site_url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("lora")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    page.wait_for_load_state("networkidle")
    hosts = {urlsplit(url).netloc for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(site_url).netloc}, sorted(hosts)
    assert all(urlsplit(url).path.startswith("/genai-reference/") for url in requests if url.startswith("http"))
    assert failed == []
    page.close()


def test_instant_navigation_and_copy_link(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/").rsplit("/", 1)[0])
    page = context.new_page()
    page.goto(site_url + "genai-book/how-does-lora-work/")
    page.click(".md-footer__link--next")
    page.wait_for_url("**/how-do-you-train-an-llm-model-that-prevents-prompt/")
    page.click("button[data-copy-link]")
    page.wait_for_function("document.querySelector('button[data-copy-link]').textContent === 'Link copied'")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + f"q/{number_of('genai-book/how-do-you-train-an-llm-model-that-prevents-prompt')}/"
    page.goto(copied + "#qa-related")  # the short link, pasted with a section: both survive the redirect
    page.wait_for_url("**/genai-book/how-do-you-train-an-llm-model-that-prevents-prompt/#qa-related")
    assert page.locator("#qa-related").is_visible()
    context.close()


def test_each_section_of_an_answer_copies_its_short_link(browser, site_url):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/").rsplit("/", 1)[0])
    page = context.new_page()
    page.goto(site_url + "genai-book/what-is-lora-and-qlora/")
    heading = page.locator("article h3#how-lora-works")
    heading.hover()
    heading.locator(".qa-copy-section").click()
    page.wait_for_function("[...document.querySelectorAll('.qa-copy-section')].some(b => b.textContent === 'Link copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == site_url + f"q/{number_of('genai-book/what-is-lora-and-qlora')}/#how-lora-works"
    assert page.locator("#qa-related .qa-copy-section").count() == 0
    page.goto(copied)
    page.wait_for_url("**/genai-book/what-is-lora-and-qlora/#how-lora-works")
    context.close()


def number_of(path: str) -> int:
    """The entry's permanent number, from the committed registry the test site was built with."""
    registry = yaml.safe_load((Path(__file__).resolve().parents[2] / "tools/data/registry.yml").read_text())
    return next(r["n"] for r in registry["entries"] if r["path"] == path)
