"""The site's public address is set in one place: built with ``SITE_URL`` (as ``make site
SITE_URL=…`` builds it), every absolute link the site makes to itself is at that address
and none at mkdocs.yml's placeholder; the notebook pages link back relatively."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from converter import cli
from site_build import build_site, configured_site_url, make_pages

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "patterns" / "list_item_bold_questions.md"
ADDRESS = "https://prep.acme-learning.io/genai/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site-url")
    (folder / "source").mkdir()
    shutil.copy(FIXTURE, folder / "source" / FIXTURE.name)
    assert cli.main(make_pages(folder / "source", folder / "pages", folder / "r.yml")) == 0
    return build_site(folder / "pages", folder / "project", site_url=ADDRESS)


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def test_the_placeholder_appears_nowhere(site, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    placeholder = configured_site_url()
    assert placeholder and placeholder != ADDRESS
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".ipynb", ".json")]
    assert len(files) > 10
    assert [str(p.relative_to(site)) for p in files if placeholder in p.read_text(encoding="utf-8")] == []


def test_canonical_and_preview_addresses_follow_the_address(site):
    pages = [p for p in site.rglob("index.html") if "assets" not in p.parts]
    assert len(pages) > 5
    for page in pages:
        soup = html(page)
        canonical = soup.select_one('link[rel="canonical"]')["href"]
        assert canonical.startswith(ADDRESS), page
        image = soup.select_one('meta[property="og:image"]')["content"]
        assert image.startswith(ADDRESS) and (site / image.removeprefix(ADDRESS)).is_file(), page
        if page.parent.parent.name != "q":  # a short link's redirect page names only its target
            assert soup.select_one('meta[property="og:url"]')["content"] == canonical
    short_links = list(site.glob("q/*/index.html"))
    assert short_links and all(html(p).select_one('link[rel="canonical"]')["href"].startswith(ADDRESS)
                               for p in short_links)
    locations = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    assert locations and all(location.startswith(ADDRESS) for location in locations)


def test_notebook_pages_link_back_relatively_and_downloads_absolutely(site):
    downloads = sorted(site.glob("*/notebooks/*/*.ipynb"))
    assert downloads
    for download in downloads:
        source, slug = download.parent.parent.parent.name, download.stem
        back = html(download.parent / "index.html").find("a", string="the answer page")
        assert back["href"] == f"../../{slug}/"
        assert (download.parent / back["href"] / "index.html").resolve().is_file()
        first = "".join(json.loads(download.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert f"From [the answer page]({ADDRESS}{source}/{slug}/)" in first
