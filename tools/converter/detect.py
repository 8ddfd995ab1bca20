"""Detectors: each finds one way interview documents mark their questions.

A detector looks at the blocks and lines and returns candidate ``Marker``s; it
does not decide which candidates are real questions (``split`` does, with the
numbering). These are the patterns ``sources.yml`` can name; a document with no
hint is read by ``structure``, which weighs every marker shape at once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from .markdown import plain_text
from .model import Block, Marker

ATX = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
ATX_CLOSE = re.compile(r"\s+#+\s*$")
BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<inner>.+?)(\*\*|__)\s*$")
OPEN = r"^(?P<open>\*\*|__)?\s*"
CLOSE = r"\s*(?P<close>\*\*|__)?\s*(?P<rest>.*)$"
Q_PREFIX = re.compile(OPEN + r"(?P<prefix>Q\s*\.?\s*(?P<num>\d{1,4})\s*[.:)\-–]|Q\s*:)" + CLOSE, re.I)
QUESTION_PREFIX = re.compile(
    OPEN + r"(?P<prefix>Question\s*(?P<num>\d{1,4})?\s*[.:)\-–])" + CLOSE, re.I
)
NUMBER_PREFIX = re.compile(OPEN + r"(?P<prefix>(?P<num>\d{1,4})\s*[.)])" + CLOSE)
NO_PREFIX = re.compile(OPEN + r"(?P<prefix>)(?P<num>)" + CLOSE)


@dataclass(frozen=True)
class Detector:
    name: str
    find: Callable[[Sequence[Block], Sequence[str]], list[Marker]]
    strong: bool  # a strong marker is a question wherever it appears
    description: str


def heading_text(block: Block, lines: Sequence[str]) -> str:
    line = lines[block.start]
    if not ATX.match(line):  # setext heading: every line above the underline
        return " ".join(text.strip() for text in lines[block.start:block.end - 1])
    return ATX_CLOSE.sub("", ATX.sub("", line, count=1)).strip()


def split_prefix(text: str, pattern: re.Pattern) -> tuple[str, str, int | None] | None:
    """(prefix, statement, number) when ``text`` starts with the marker."""
    match = pattern.match(text.strip())
    if not match:
        return None
    rest = match.group("rest").strip()
    if match.group("open") and not match.group("close"):
        closing = match.group("open")
        if rest.endswith(closing):
            rest = rest[: -len(closing)].rstrip()
        else:
            rest = closing + rest  # bold continues past the marker's line: keep it balanced
    number = match.group("num")
    return match.group("prefix").strip(), rest, int(number) if number else None


def marker_from_heading(block: Block, lines, pattern) -> Marker | None:
    found = split_prefix(heading_text(block, lines), pattern)
    if not found:
        return None
    prefix, text, number = found
    return Marker(block.start, block.end, number, text, prefix, "heading", block.level)


def marker_from_bold_line(block: Block, lines, pattern) -> Marker | None:
    """A paragraph whose first line is (or starts with) a bold marker."""
    first = lines[block.start]
    if not first.lstrip().startswith(("**", "__")):
        return None
    found = split_prefix(first, pattern)
    if not found:
        return None
    prefix, text, number = found
    end = block.start + 1
    return Marker(block.start, end, number, text, prefix, "bold", 0,
                  body_start=end if end < block.end else None)


def marker_from_paragraph(block: Block, lines, pattern) -> Marker | None:
    """A plain paragraph opening with the marker. A marker line with a question
    on it is the statement and the answer may follow on the next line; a bare
    marker line ('Question 28:') takes the rest of the paragraph as the statement."""
    found = split_prefix(lines[block.start], pattern)
    if not found:
        return None
    prefix, text, number = found
    if text:
        end = block.start + 1
        return Marker(block.start, end, number, text, prefix, "paragraph",
                      body_start=end if end < block.end else None)
    repeats = []
    for index in range(block.start + 1, block.end):
        line = lines[index].strip()
        again = split_prefix(line, pattern) if not text else None
        if again and again[2] == number:
            repeats.append((index, again[0]))
            line = again[1]
        text = " ".join(p for p in (text, line) if p)
    return Marker(block.start, block.end, number, text, prefix, "paragraph",
                  repeats=tuple(repeats))


def prefixed(pattern: re.Pattern, paragraphs: bool) -> Callable:
    def find(blocks: Sequence[Block], lines: Sequence[str]) -> list[Marker]:
        markers = []
        for block in blocks:
            marker = None
            if block.kind == "heading":
                marker = marker_from_heading(block, lines, pattern)
            elif block.kind == "paragraph":
                marker = marker_from_bold_line(block, lines, pattern)
                if marker is None and paragraphs:
                    marker = marker_from_paragraph(block, lines, pattern)
            if marker:
                markers.append(marker)
        return markers

    return find


def numbered_headings(blocks, lines) -> list[Marker]:
    markers = []
    for block in blocks:
        if block.kind == "heading":
            marker = marker_from_heading(block, lines, NUMBER_PREFIX)
            if marker and marker.text:
                markers.append(marker)
    return markers


def is_question(text: str) -> bool:
    return plain_text(text).rstrip(" *_").endswith("?")


def bold_questions(blocks, lines) -> list[Marker]:
    markers = []
    for block in blocks:
        if block.kind == "paragraph" and BOLD_LINE.match(lines[block.start]):
            marker = marker_from_bold_line(block, lines, NO_PREFIX)
            if marker and is_question(marker.text):
                markers.append(marker)
    return markers


def heading_questions(blocks, lines) -> list[Marker]:
    markers = []
    for block in blocks:
        if block.kind == "heading":
            marker = marker_from_heading(block, lines, NUMBER_PREFIX) or marker_from_heading(
                block, lines, NO_PREFIX)
            if marker and is_question(marker.text):
                markers.append(marker)
    return markers


def list_questions(blocks, lines) -> list[Marker]:
    """Numbered list items whose first line is a bold question; the rest of the
    item (indented) is the start of its answer."""
    markers = []
    for block in blocks:
        if block.kind != "ordered_list":
            continue
        for item in block.items:
            first = lines[item.start]
            number = re.match(r"\s*(\d+)", first)
            content = first[item.content_indent:]
            bold = BOLD_LINE.match(content)
            if not (number and bold and is_question(content)):
                continue
            prefix = first[: item.content_indent].strip()
            markers.append(Marker(item.start, item.start + 1, int(number.group(1)),
                                  bold.group("inner").strip(), prefix, "list_item", 0,
                                  item.content_indent, body_start=item.start + 1))
    return markers


def details_questions(blocks, lines) -> list[Marker]:
    """Any heading directly followed by a ``<details>`` answer is a question."""
    markers = []
    for block, following in zip(blocks, blocks[1:]):
        if block.kind == "heading" and following.kind == "html" and lines[
            following.start
        ].lstrip().lower().startswith("<details"):
            marker = marker_from_heading(block, lines, NUMBER_PREFIX) or marker_from_heading(
                block, lines, NO_PREFIX)
            if marker and marker.text:
                markers.append(marker)
    return markers


DETECTORS: tuple[Detector, ...] = (
    Detector("q_number", prefixed(Q_PREFIX, paragraphs=True), True,
             "'Q12.', 'Q12:' or 'Q:' headings or bold lines"),
    Detector("question_number", prefixed(QUESTION_PREFIX, paragraphs=True), True,
             "'Question 12:' headings, bold lines or paragraphs"),
    Detector("numbered_heading", numbered_headings, False, "numbered headings ('## 12.', '#### 12)')"),
    Detector("details", details_questions, True, "headings answered in <details> blocks"),
    Detector("list_question", list_questions, True, "numbered list items holding a bold question"),
    Detector("bold_question", bold_questions, True, "whole-line bold questions"),
    Detector("heading_question", heading_questions, True, "headings that end in '?'"),
)
BY_NAME = {d.name: d for d in DETECTORS}


def question_level(markers: Sequence[Marker]) -> int:
    """The heading level most questions use (0 when they are not headings)."""
    levels = Counter(m.level for m in markers if m.form == "heading")
    return levels.most_common(1)[0][0] if levels else 0
