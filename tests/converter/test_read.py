"""Bad input: bytes that are not clean UTF-8 Markdown, through ``read`` and the
whole pipeline. Every input is generated here; nothing big is committed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from converter import pipeline, read
from helpers import GOOD, SETTINGS, convert

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
BIG = 5_000_000


def decode(data: bytes, limit: int = 100_000):
    return read.decode("doc.md", data, limit)


@pytest.mark.parametrize("data, why", [
    (b"", "empty file"),
    (b"  \n\t\n\r\n   ", "empty file"),
    (PNG, "binary file"),
    (b"# Title\n\nSome text\x00with a NUL byte.\n", "binary file"),
    (b"\x01\x02\x03\x04 not text \x05\x06\x07\x08\x0e\x0f", "binary file"),
])
def test_unreadable_files_fail_with_a_reason(data, why):
    with pytest.raises(read.ReadError, match=why):
        decode(data)
    document, lines = convert(data)
    assert document.failed and lines == ()
    assert document.entries == []
    assert any(w.startswith(why) for w in document.warnings)


def test_ordinary_control_characters_are_text():
    text, _ = decode(b"Tab\tseparated\fpage break\n")
    assert text.lines == ("Tab\tseparated\fpage break",)


def test_invalid_utf8_line_is_read_as_cp1252_and_named():
    data = b"## 1. What is A?\n\nA \xe9t\xe9 answer.\n\n## 2. What is B?\n\nAnswer B \xe2\x80\x94 fine.\n"
    document, lines = convert(data)
    assert lines[2] == "A été answer."
    assert lines[6] == "Answer B — fine."
    assert [w for w in document.warnings if "UTF-8" in w] == ["line 3: invalid UTF-8 at column 3; read as cp1252"]
    assert [(e.number, e.body) for e in document.entries] == [(1, "A été answer."), (2, "Answer B — fine.")]


def test_cp1252_file():
    text, _ = decode(b"caf\xe9 \x93quoted\x94\nsecond \x96 line\n")
    assert text.lines == ("café “quoted”", "second – line")
    assert text.notes == ("line 1: invalid UTF-8 at column 4; read as cp1252",
                          "line 2: invalid UTF-8 at column 8; read as cp1252")


def test_valid_utf8_beside_a_cp1252_byte_stays_intact():
    text, _ = decode("naïve “ok” ".encode() + b"it\x92s\n")
    assert text.lines == ("naïve “ok” it’s",)


def test_bytes_undecodable_even_as_cp1252_are_replaced_and_named():
    text, _ = decode(b"first\nx\x81y\n")
    assert text.lines == ("first", "x\ufffdy")
    assert text.notes == ("line 2: invalid UTF-8 at column 2; undecodable bytes replaced with U+FFFD",)


def test_utf8_bom_is_removed():
    document, lines = convert(read.BOM + GOOD)
    assert lines[0] == "# Notes"
    assert "line 1: UTF-8 byte order mark removed" in document.warnings
    assert [e.title for e in document.entries] == ["What is A?", "What is B?"]


@pytest.mark.parametrize("ending", [b"\r\n", b"\r"])
def test_crlf_and_cr_line_ends(ending):
    document, lines = convert(GOOD.replace(b"\n", ending))
    assert len(lines) == GOOD.count(b"\n")
    assert not any("\r" in line for line in lines)
    assert [(e.title, e.body) for e in document.entries] == [("What is A?", "Answer A."), ("What is B?", "Answer B.")]


def test_crlf_is_noted():
    text, _ = decode(b"a\r\nb\r\n")
    assert text.lines == ("a", "b") and text.notes == ("CRLF line ends converted to LF",)


def test_unterminated_fence_does_not_swallow_later_questions():
    data = (b"## 1. What is A?\n\n```python\nprint('a')\n\n"
            b"## 2. What is B?\n\nAnswer B.\n\n## 3. What is C?\n\nAnswer C.\n")
    document, _ = convert(data)
    assert [(e.number, e.title) for e in document.entries] == [(1, "What is A?"), (2, "What is B?"), (3, "What is C?")]
    assert document.entries[0].body == "```python\nprint('a')"
    assert document.entries[2].body == "Answer C."
    assert "line 3: code fence is never closed; closed before line 6" in document.warnings


def test_unterminated_fence_at_the_end_is_named():
    document, _ = convert(GOOD + b"\n~~~\nleft open\n")
    assert "line 11: code fence is never closed; it runs to the end of the document" in document.warnings
    assert document.entries[-1].body == "Answer B.\n\n~~~\nleft open"


def test_five_megabyte_line_is_dropped_and_named(monkeypatch):
    """The line is dropped before parsing, so the Markdown parser (the slow part)
    never sees it: that, not a clock, is what keeps this fast."""
    seen = []
    parse = pipeline.blocks_stage.parse

    def spy(lines):
        seen.append(max(map(len, lines)))
        return parse(lines)

    monkeypatch.setattr(pipeline.blocks_stage, "parse", spy)
    data = GOOD + b"x" * BIG + b"\n\n## 3. What is C?\n\nAnswer C.\n"
    document, lines = convert(data)
    assert seen and max(seen) < 100
    assert lines[9] == ""
    assert [e.title for e in document.entries] == ["What is A?", "What is B?", "What is C?"]
    [drop] = [d for d in document.drops if d.reason.startswith("line longer")]
    assert (drop.line, len(drop.text), drop.reason) == (9, BIG, "line longer than 100,000 characters")
    assert "line 10: 5,000,000 characters long (limit 100,000): dropped" in document.warnings
    assert all("x" * 1000 not in e.body for e in document.entries)


def test_line_length_limit_is_exact():
    text, drops = decode(b"a" * 10 + b"\n" + b"b" * 11 + b"\n", limit=10)
    assert text.lines == ("a" * 10, "")
    assert [(d.line, d.text) for d in drops] == [(1, "b" * 11)]


def test_a_document_that_is_one_huge_line_makes_no_page():
    document, _ = convert(b"y" * BIG)
    assert document.failed
    assert document.entries == []
    assert "line 1: 5,000,000 characters long (limit 100,000): dropped" in document.warnings
    assert [d.line for d in document.drops] == [0]


def test_a_document_of_only_dropped_text_fails():
    settings = replace(SETTINGS, max_line_length=20)
    document, _ = convert(b"a line far longer than twenty characters\n", settings=settings)
    assert document.failed and document.entries == []
    assert any("nothing left to convert" in w for w in document.warnings)


def test_plain_text_without_structure_is_one_page():
    document, _ = convert(b"Just a paragraph of notes.\n\nAnd another one.\n", "plain_notes.txt")
    assert not document.failed
    assert [(e.kind, e.title, e.body) for e in document.entries] == [
        ("topic", "plain notes", "Just a paragraph of notes.\n\nAnd another one.")]
