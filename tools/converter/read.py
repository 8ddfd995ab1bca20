"""Bytes to text: the only stage that sees raw bytes.

Every problem is either fatal for the file (``ReadError``: nothing sensible can
be made of it) or a note naming the line, so the other stages can trust that
they get clean ``str`` lines.
"""

from __future__ import annotations

import re

from .model import Drop, Text

BOM = b"\xef\xbb\xbf"
# Windows tools save "Unicode" text as UTF-16, always with its byte order mark; its NUL bytes
# would otherwise make the document look binary
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


class ReadError(Exception):
    """The file cannot be converted at all; the message names why."""


# Control characters but tab and form feed (whitespace to HTML), and DEL: HTML forbids
# them in a page. (C1 controls stay for ftfy, which reads them as traces of mojibake.)
CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes never occur in a text document."""
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(sample) * 0.05


def mixed_decode(raw: bytes) -> tuple[str, bool]:
    """UTF-8 with only the bytes that are not UTF-8 read as cp1252, so valid
    UTF-8 on the same line does not turn into mojibake. Also says whether some
    byte was not cp1252 either (and became U+FFFD)."""
    parts: list[str] = []
    lossy = False
    while raw:
        try:
            parts.append(raw.decode("utf-8"))
            break
        except UnicodeDecodeError as err:
            parts.append(raw[:err.start].decode("utf-8"))
            bad = raw[err.start:err.end].decode("cp1252", errors="replace")
            lossy = lossy or "\ufffd" in bad
            parts.append(bad)
            raw = raw[err.end:]
    return "".join(parts), lossy


def decode_line(raw: bytes) -> tuple[str, str | None]:
    """UTF-8 where possible; bytes that are not UTF-8 are read as cp1252 (the usual
    culprit when text was pasted through Windows tools) and the caller is told."""
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as err:
        column = err.start + 1
    line, lossy = mixed_decode(raw)
    if lossy:
        return line, f"invalid UTF-8 at column {column}; undecodable bytes replaced with U+FFFD"
    return line, f"invalid UTF-8 at column {column}; read as cp1252"


def decode(file: str, data: bytes, max_line_length: int) -> tuple[Text, list[Drop]]:
    """Decode a raw document, one line at a time so a bad byte costs one line."""
    notes: list[str] = []
    encoding = next((name for bom, name in UTF16_BOMS.items() if data.startswith(bom)), None)
    if encoding:
        try:
            data = data[2:].decode(encoding).encode("utf-8")
        except UnicodeDecodeError as err:
            raise ReadError(f"UTF-16 (by its byte order mark) but not valid UTF-16 at byte {err.start + 2}") from err
        notes.append(f"line 1: a UTF-16 document ({encoding[-2:].upper()}, by its byte order mark), read as such")
    if not data.strip():
        raise ReadError("empty file: nothing to convert")
    if looks_binary(data):
        raise ReadError("binary file (contains NUL or control bytes): not a text document")
    if data.startswith(BOM):
        data = data[len(BOM):]
        notes.append("line 1: UTF-8 byte order mark removed")
    if b"\r\n" in data:
        notes.append("CRLF line ends converted to LF")
    raw_lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    lines: list[str] = []
    drops: list[Drop] = []
    for number, raw in enumerate(raw_lines):
        line, problem = decode_line(raw)
        if problem:
            notes.append(f"line {number + 1}: {problem}")
        line = line.replace("\x00", "")
        if CONTROL.search(line):
            notes.append(f"line {number + 1}: control characters replaced by spaces (no page may hold them)")
            line = CONTROL.sub(" ", line)
        if len(line) > max_line_length:
            notes.append(
                f"line {number + 1}: {len(line):,} characters long (limit {max_line_length:,}): dropped"
            )
            drops.append(Drop(number, line, f"line longer than {max_line_length:,} characters"))
            line = ""
        lines.append(line)
    return Text(file=file, lines=tuple(lines), notes=tuple(notes)), drops
