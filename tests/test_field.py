"""Floors on the field corpus: real documents converted with no hints, scored by its own scorer."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from checks.field import score
from converter import cli
from site_build import ROOT

FIELD = Path(os.environ.get("FIELD", ROOT.parent / "shared" / "field"))
FLOORS = yaml.safe_load((ROOT / "tests" / "data" / "field_floors.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def field_out(tmp_path_factory) -> Path:
    if not (FIELD / "key.json").is_file():
        pytest.fail(f"the field corpus is expected at {FIELD} (set FIELD=<dir> to point elsewhere)")
    out = tmp_path_factory.mktemp("field") / "out"
    assert cli.main(["--source", str(FIELD / "documents"), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def field_score(field_out):
    return score(FIELD, field_out / "report.json", field_out.parent / "details.json")


def test_recall_and_extras_hold_their_floors(field_score):
    assert field_score.recall >= FLOORS["recall"]
    assert field_score.extra_rate <= FLOORS["extra_rate"]


@pytest.mark.parametrize("file", sorted(FLOORS["own"]))
def test_no_document_slides_back(field_score, file):
    document = next(d for d in field_score.documents if d.file == file)
    assert document.own >= FLOORS["own"][file], document


def test_no_question_is_on_no_page(field_score):
    assert field_score.total("nowhere") <= FLOORS["on_no_page"]


def test_chapters_hold_their_floor(field_score):
    assert field_score.total("chapters_found") >= FLOORS["chapters"]


def test_every_document_is_converted(field_score):
    assert {d.file for d in field_score.documents} == {p.name for p in (FIELD / "documents").iterdir()}
    assert all(d.entries for d in field_score.documents)


def test_every_hinglish_page_gets_an_english_digest_with_each_section_once(field_out):
    pages = [p.read_text(encoding="utf-8") for p in sorted(field_out.glob("*/*.md"))]
    hinglish = [page for page in pages if '\nlanguage: "hinglish"\n' in page.split("\n---\n", 1)[0]]
    assert len(hinglish) >= 100
    for page in hinglish:
        assert '!!! abstract "English digest (automatic)"' in page or '!!! abstract "In short (English)"' in page
        block = page.split("!!! abstract", 1)[1].split("\n\n", 2)[2].split("\n\n")[0]
        labels = re.findall(r"^\s*- \*\*(.+?)\*\*", block, re.M)
        assert len(labels) == len({label.casefold() for label in labels}), labels
        description = yaml.safe_load(page.split("---\n", 2)[1])["description"]
        assert description and not description.endswith(":"), description
