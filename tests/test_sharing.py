"""A pasted link as a chat app's crawler reads it (issue 30): the HTML alone, no JavaScript. For a
sample of question pages and their short links: a title, a description that stands alone, an
image that exists at 1200 x 630 under 300 KB, and the canonical address."""

from __future__ import annotations

import json
import struct
from pathlib import Path

from bs4 import BeautifulSoup

SITE = "https://example.org/genai-reference/"  # the placeholder site_url the test site is built with


def head_of(path: Path) -> dict[str, str]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("head meta[content]")}
    canonical = soup.select_one('head link[rel="canonical"]')
    return {**meta, "title": soup.title.get_text(), "canonical": canonical["href"] if canonical else ""}


def jpeg_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a JPEG's frame header."""
    at = 2
    while at < len(data):
        marker, length = data[at + 1], struct.unpack(">H", data[at + 2:at + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    raise ValueError("no frame header")


def test_question_pages_and_their_short_links_preview_well(built_site, converted, report):
    entries = [e for d in report["documents"] for e in d["entries"]][::12]  # every twelfth page
    redirects = json.loads((converted / "redirects.json").read_text(encoding="utf-8"))
    short = {target: at for at, (target, _, _) in redirects.items() if at.startswith("q/")}
    assert len(entries) >= 25 and len(short) >= 300
    for entry in entries:
        url = entry["path"].removesuffix(".md")
        for page in (built_site / url / "index.html", built_site / short[url] / "index.html"):
            head = head_of(page)
            assert head["og:title"] == entry["title"] and head["title"].startswith(entry["title"][:30]), page
            assert head["description"] == head["og:description"] and 70 <= len(head["description"]) <= 200, page
            assert head["canonical"] == head["og:url"] == SITE + url + "/", page
            assert head["twitter:card"] == "summary_large_image", page
            image = built_site / head["og:image"].removeprefix(SITE)
            data = image.read_bytes()
            assert jpeg_size(data) == (1200, 630) and len(data) < 300_000, page
