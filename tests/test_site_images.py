"""Pictures beside a document, end to end: copied into the site where both a Markdown image
and an HTML one find them; a missing, disguised, SVG or outside one becomes its alt text,
is reported, and stops nothing (the site builds with --strict)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from converter import cli
from site_build import build_site

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "images"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("images")
    shutil.copytree(FIXTURE, folder / "source")
    assert cli.main(["--source", str(folder / "source"), "--out", str(folder / "pages"),
                     "--registry", str(folder / "registry.yml")]) == 0
    report = json.loads((folder / "pages" / "report.json").read_text(encoding="utf-8"))
    return build_site(folder / "pages", folder / "project"), report


def article(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml").select_one("article")


def test_a_picture_beside_the_document_is_shown_both_ways(built):
    site, _ = built
    page = "images-beside-the-document/what-does-attention-look-like"
    sources = [img["src"] for img in article(site, page).select("img")]
    assert len(sources) == 2
    picture = (FIXTURE / "img" / "diagram.png").read_bytes()
    assert all((site / page / src).resolve().read_bytes() == picture for src in sources)


def test_an_image_that_cannot_be_shown_is_its_alt_text_and_reported(built):
    site, report = built
    text = article(site, "images-beside-the-document/what-if-an-image-is-missing-or-wrong")
    assert not text.select("img")
    assert "A missing chart, a renamed file, a drawing and a secret." in text.get_text()
    assert "![an example in code](img/missing.png)" in text.select_one("pre").get_text()
    assert sorted((d["text"], d["reason"]) for d in report["dropped"] if d["line"] == 7) == [
        ("../../secret.png", "image outside the source folder: not copied"),
        ("img/drawing.svg", "SVG image not copied (it can hold scripts)"),
        ("img/missing.png", "image not found next to the document"),
        ("img/not_a_picture.png", "not the picture its name says")]
