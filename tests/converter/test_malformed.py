"""Malformed documents, each alone in the source folder: the converter says what is wrong
(file and line), converts what it can, and reports what it left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from converter import cli
from helpers import GOOD

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "malformed"
EXPECTED = yaml.safe_load((FOLDER / "expected.yml").read_text(encoding="utf-8"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
# Too large or too binary to keep as files:
GENERATED = {
    "binary.png.md": PNG,
    "huge_line.md": GOOD.replace(b"Answer A.", b"Answer A.\n\n" + b"x" * 3_000_000),
    "hostile.md": b"## 1. What does a script tag do?\n\nIt runs <script>alert(1)</script> code.\n\n"
                  b"## 2. And an image?\n\n<img src=x onerror=alert(2)> loads.\n",
}


def data_of(name: str) -> bytes:
    return GENERATED[name] if name in GENERATED else (FOLDER / name).read_bytes()


def test_there_are_at_least_twenty_and_every_file_has_an_expectation():
    files = {p.name for p in FOLDER.glob("*.md")} | set(GENERATED)
    assert len(files) >= 20 and files == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_malformed_document_gets_its_expected_outcome(tmp_path, capsys, name):
    expected = EXPECTED[name]
    source = tmp_path / "source"
    source.mkdir()
    (source / name).write_bytes(data_of(name))
    status = cli.main(["--source", str(source), "--out", str(tmp_path / "out")])
    output = capsys.readouterr()
    said = output.out + output.err
    assert "Traceback" not in said
    assert status == (1 if expected.get("fails") else 0)
    lines = [line for line in said.splitlines() if name in line]
    for fragment in expected.get("warning", []):
        assert any(fragment in line for line in lines), (fragment, said)
    if expected.get("fails"):
        assert not (tmp_path / "out").exists()
        return
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    entries = report["documents"][0]["entries"]
    assert [e["title"] for e in entries] == expected["pages"]
    reasons = [d["reason"] for d in report["dropped"]]
    for fragment in expected.get("dropped", []):
        assert any(fragment in reason for reason in reasons), (fragment, reasons)
    pages = [(tmp_path / "out" / e["path"]).read_text(encoding="utf-8") for e in entries]
    for text in expected.get("page_has", []):
        assert any(text in page for page in pages), text
