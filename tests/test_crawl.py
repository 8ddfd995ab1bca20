"""The built corpus site crawled over HTTP from its home page: every internal link,
every ``#anchor`` and every asset resolves, and the only external links are those
the raw documents (or their attribution in sources.yml) hold."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
import yaml
from lxml import html as lxml_html

from checks.search import served
from site_build import ROOT, configured_site_url

URL = re.compile(r"https?://[^\s<>\"'`)\]]+")
SITE_URL = configured_site_url()


def local(url: str, base: str) -> str:
    """The site's own public address (a short link to copy) as served here."""
    return base + url[len(SITE_URL):] if url.startswith(SITE_URL) else url


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), response.headers.get_content_type()
    except urllib.error.HTTPError as err:
        return err.code, b"", ""


@pytest.fixture(scope="module")
def crawled(built_site, tmp_path_factory):
    """Every page reachable from the home page: {url: (ids on it, links on it)}, assets checked too."""
    with served(built_site, tmp_path_factory.mktemp("crawl")) as base:
        pages, assets, broken, queue = {}, {}, [], deque([base])
        while queue:
            url = queue.popleft()
            if url in pages:
                continue
            status, body, kind = fetch(url)
            if status != 200:
                broken.append(url)
                pages[url] = (set(), [])
                continue
            if kind != "text/html":
                pages[url] = (set(), [])
                continue
            tree = lxml_html.fromstring(body)
            ids = set(tree.xpath("//@id")) | set(tree.xpath("//a/@name"))
            links = []
            for element in tree.xpath("//a[@href]"):
                target = local(urljoin(url, element.get("href")), base)
                links.append((target, element.get("target"), element.get("rel") or ""))
                page, _ = urldefrag(target)
                if page.startswith(base) and page not in pages:
                    queue.append(page)
            for source in tree.xpath("//link[@rel='stylesheet']/@href | //script/@src | //img/@src"):
                asset = urljoin(url, source)
                if asset.startswith(base) and asset not in assets:
                    assets[asset] = fetch(asset)[0]
            pages[url] = (ids, links)
        yield base, pages, assets, broken


def test_every_internal_link_anchor_and_asset_resolves(crawled):
    base, pages, assets, broken = crawled
    assert len(pages) > 400 and broken == []
    missing_anchors, checked = [], 0
    for url, (_, links) in pages.items():
        for target, _, _ in links:
            page, fragment = urldefrag(target)
            if not page.startswith(base):
                continue
            checked += 1
            if fragment and fragment not in pages.get(page, (set(), []))[0]:
                missing_anchors.append((url, target))
    assert checked > 10_000
    assert missing_anchors == []
    assert assets and [a for a, status in assets.items() if status != 200] == []


def test_external_links_are_the_sources_own_and_new_tabs_get_noopener(crawled, corpus):
    base, pages, _, _ = crawled
    allowed = {url.rstrip(".,;:") for path in corpus.glob("*") for url in URL.findall(path.read_text("utf-8", "replace"))}
    sources = yaml.safe_load((ROOT / "tools" / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    allowed |= {s["origin"] for s in sources.values() if s.get("origin")}
    external = {(target, new_tab, rel) for _, links in pages.values() for target, new_tab, rel in links
                if urlsplit(target).scheme in ("http", "https") and not target.startswith(base)}
    assert external and {target for target, _, _ in external} - allowed == set()
    assert all("noopener" in rel for _, new_tab, rel in external if new_tab == "_blank")
