"""Floors on the field corpus: real documents converted with no hints, scored by its own scorer."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from checks.field import score
from converter import cli
from site_build import ROOT

FIELD = Path(os.environ.get("FIELD", ROOT.parent / "shared" / "field"))
FLOORS = yaml.safe_load((ROOT / "tests" / "data" / "field_floors.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def field_score(tmp_path_factory):
    if not (FIELD / "key.json").is_file():
        pytest.fail(f"the field corpus is expected at {FIELD} (set FIELD=<dir> to point elsewhere)")
    out = tmp_path_factory.mktemp("field") / "out"
    assert cli.main(["--source", str(FIELD / "documents"), "--out", str(out)]) == 0
    return score(FIELD, out / "report.json", out.parent / "details.json")


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
