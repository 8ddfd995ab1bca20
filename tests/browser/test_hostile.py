"""A site built from hostile documents (tests/fixtures/hostile/, one per way in): in
Chromium, no payload runs on load, hover, focus or click, and no request leaves
localhost, on any page of the site."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from checks.search import served
from converter import cli
from site_build import build_site

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
# Anything the content may have left in the page that runs code or loads a document.
RUNNABLE = """[...document.querySelectorAll('article *')].filter(e =>
  ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'BASE', 'META'].includes(e.tagName)
  || [...e.attributes].some(a => a.name.startsWith('on') || /^\\s*(javascript|data|vbscript):/i.test(a.value))
).map(e => e.outerHTML.slice(0, 120))"""

# What a reader hovers on a page: anything with a tooltip (Material shows it as HTML); and clicks:
# buttons, toggles, and links that lead nowhere ordinary (Material makes the others' hrefs absolute).
# The site's practice buttons lead to the next question by design: the theme draws them, no document.
HOVERED = "article [title]:not(.headerlink), article abbr"
CLICKED = "article button:not([data-practice]), article summary, article a:not([href^='http']):not([href^='#'])"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "source"
    shutil.copytree(FIXTURES, source)
    registry = folder / "registry.yml"
    assert cli.main(["--source", str(source), "--out", str(folder / "pages"), "--registry", str(registry)]) == 0
    site = build_site(folder / "pages", folder / "project")
    with served(site, folder / "served") as address:
        yield site, address


def test_no_payload_runs_and_no_request_leaves_localhost(browser, hostile_site):
    site, address = hostile_site
    paths = sorted(str(p.parent.relative_to(site)) for p in site.rglob("index.html")
                   if not p.relative_to(site).parts[0] in ("assets", "search"))
    assert len(paths) >= 10
    page = browser.new_page()
    requests, dialogs = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in paths:
        response = page.goto(address + ("" if path == "." else path + "/"))
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(50)  # an image's onerror fires after the load
        landed = page.url.split("#")[0]  # a short link's page has sent the browser on
        assert page.evaluate("window.CANARY") is None, (path, page.evaluate("window.CANARY"))
        assert page.evaluate(RUNNABLE) == [], path
        page.evaluate("""document.querySelectorAll('article *').forEach(element =>
            ['mouseover', 'mouseenter', 'focus', 'toggle'].forEach(kind => element.dispatchEvent(new Event(kind))))""")
        assert page.evaluate("window.CANARY") is None, path  # handlers for a reader's mouse, had any survived
        for element in page.locator(HOVERED).all()[:40]:
            if element.is_visible():
                element.hover(force=True, timeout=2000)
                page.wait_for_timeout(20)  # Material's tooltip is drawn on the next frame
        for element in page.locator(CLICKED).all()[:40]:
            if element.is_visible():
                element.click(force=True, timeout=2000, no_wait_after=True)
        page.wait_for_timeout(50)
        assert page.url.split("#")[0] == landed, path  # nothing led away
        assert page.evaluate("window.CANARY") is None, (path, page.evaluate("window.CANARY"))
    assert dialogs == []
    hosts = {urlsplit(url).netloc for url in requests if not url.startswith(("data:", "blob:"))}
    assert hosts == {urlsplit(address).netloc}, sorted(hosts)
    page.close()


def test_the_harmless_markup_still_renders(browser, hostile_site):
    site, address = hostile_site
    page = browser.new_page()
    page.goto(address + "hostile-html/what-is-left/")
    article = page.locator("article")
    assert article.locator("b", has_text="bold").count() == 1 and article.locator("br").count() >= 1
    assert "window.CANARY" in article.locator("pre code").first.inner_text()  # code is shown, not run
    page.goto(address + "hostile-html/what-about-links/")
    assert article.locator('a[href="https://example.org/"]').count() == 1
    page.goto(address + "snippet-lines/can-a-document-include-another-page/")
    assert '--8<-- "index.md"' in article.inner_text()  # shown as written, nothing included
    page.goto(address + "snippet-lines/can-a-section-marker-hide-a-line/")
    assert "Keep this line --8<-- [start:kept] in the answer." in article.inner_text()
    page.goto(address + "maths-payloads/does-ordinary-maths-still-render/")
    assert article.locator("math").count() == 2 and article.locator("mfrac msqrt").count() == 1
    page.goto(address + "external-images/does-a-remote-image-load/")
    assert article.locator('a[href="https://tracker.invalid/pixel.png"]').inner_text() == "Image: pixel"
    assert article.locator("img").count() == 0  # shown as a link to it, not loaded
    page.goto(address + "tooltip-payloads/can-a-link-title-run/")
    assert article.locator('a[href="https://example.org/"]').count() == 1  # the link stays, its markup title goes
    assert not [title for title in article.locator("[title]").evaluate_all("els => els.map(e => e.title)")
                if "<" in title]
    page.close()
