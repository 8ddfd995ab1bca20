"""A pasted link as a chat app's crawler reads it (issue 30): the HTML alone, no JavaScript. For a
sample of question pages and their short links: a title, a description that stands alone, the
page's own card at 1200 x 630 under 300 KB, and the canonical address; for every page and short
link (and notebook page), its own card."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from site_build import configured_site_url

SITE = configured_site_url()  # the address the test site is built with


@pytest.fixture(scope="module")
def short(converted) -> dict[str, str]:
    """Each page's short link (``q/<n>``), by the page's URL."""
    redirects = json.loads((converted / "redirects.json").read_text(encoding="utf-8"))
    return {target: at for at, (target, *_) in redirects.items() if at.startswith("q/")}


def head_of(soup: BeautifulSoup) -> dict[str, str]:
    meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("head meta[content]")}
    canonical = soup.select_one('head link[rel="canonical"]')
    return {**meta, "title": soup.title.get_text(), "canonical": canonical["href"] if canonical else ""}


def card_of(url: str) -> str:
    """The address of the card of the page at ``url`` (``<source>/<slug>``)."""
    return SITE + "cards/" + url + ".png"


def image_in(path: Path) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)"', path.read_text(encoding="utf-8"))[1]


def test_question_pages_and_their_short_links_preview_well(built_site, parsed, short, report):
    entries = [e for d in report["documents"] for e in d["entries"]][::12]  # every twelfth page
    assert len(entries) >= 25 and len(short) >= 300
    for entry in entries:
        url = entry["path"].removesuffix(".md")
        for page in (url, short[url]):
            head = head_of(parsed(page))
            assert head["og:title"] == entry["title"] and head["title"].startswith(entry["title"][:30]), page
            assert head["description"] == head["og:description"] and 70 <= len(head["description"]) <= 200, page
            assert head["canonical"] == head["og:url"] == SITE + url + "/", page
            assert head["twitter:card"] == "summary_large_image", page
            assert head["og:image"] == card_of(url), page
            image = built_site / head["og:image"].removeprefix(SITE)
            with Image.open(image) as picture:
                assert picture.size == (1200, 630), page
            assert image.stat().st_size < 300_000, page


def test_every_page_and_short_link_previews_with_its_own_card(built_site, converted, short, report):
    urls = [e["path"].removesuffix(".md") for d in report["documents"] for e in d["entries"]]
    assert len(urls) >= 350 and set(urls) <= set(short)
    for url in urls:
        card = card_of(url)
        assert image_in(built_site / url / "index.html") == image_in(built_site / short[url] / "index.html") == card
        assert (built_site / card.removeprefix(SITE)).stat().st_size < 300_000
    assert len({(built_site / card_of(url).removeprefix(SITE)).read_bytes() for url in urls}) == len(urls)  # all drawn apart
    notebooks = sorted(converted.glob("*/notebooks/*.ipynb"))  # a notebook's page shows its answer's card
    assert len(notebooks) >= 30
    for notebook in notebooks:
        source, slug = notebook.parent.parent.name, notebook.stem
        assert image_in(built_site / source / "notebooks" / slug / "index.html") == card_of(f"{source}/{slug}")
