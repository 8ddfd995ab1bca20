"""Which structure explains a document best, for a document nobody configured.

Every block that could mark a question becomes a candidate (a heading at each level, a bold
or marked line, a numbered or bulleted list item, a ``<summary>`` label), with what it says
about itself: a number, a marker style, whether its text asks something, whether a table of
contents links to it. Candidates of one shape are then weighed together: a numbered shape by
the sequence its numbers form (restarting only under a new section), an unnumbered one by how
many of its members ask something. The shape that explains the most answered questions wins;
a member of another shape joins it only where it fills a gap in its numbering. The choice
carries a confidence and a description, for the report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Sequence

from .markdown import plain_text
from .titles import without_trailing_links
from .detect import BOLD_LINE, heading_text
from .model import Block, Marker

KEYCAP = re.compile(r"^(?P<num>\d)\ufe0f?\u20e3")


def marker_pattern(head: str, separator: str, flags: int = 0) -> re.Pattern:
    """``head`` (the marker), bold or italics that may close around it, its separator, and bold
    that may close after that: '**Q1**.', '**Question 3:**', 'Q7-'."""
    return re.compile(rf"^{head}(?P<em>[*_]*)\s*(?P<sep>{separator})(?P<after>[*_]*)", flags)


STYLES = (
    ("Q#", marker_pattern(r"Q\s*\.?\s*(?P<num>\d{1,4})", r"[.:)\-–—]|(?=\s)|$", re.I)),
    ("Question#", marker_pattern(r"Question\s*(?P<num>\d{1,4})?", r"[.:)\-–—]", re.I)),
    ("Q:", marker_pattern("Q", r"[:)\-–—]", re.I)),
    ("#", marker_pattern(r"(?P<num>\d{1,4})", r"[.)](?!\d)")),
)
WEIGHT = {"Q#": 1.0, "Question#": 1.0, "Q:": 1.0, "#": 0.9, "": 0.8}
HINT = {"Q#": "q_number", "Q:": "q_number", "Question#": "question_number"}
SUMMARY = re.compile(r"<summary[^>]*>(?P<text>.*?)</summary>", re.I)
TOC_LINK = re.compile(r"\]\(#(?P<anchor>[^)\s]+)\)")
ITEM_NUMBER = re.compile(r"^\s*(\d{1,9})[.)]")
WORD = re.compile(r"\w")
CONFIDENT = 0.75


@dataclass(frozen=True)
class Shape:
    """What a family of candidates looks like: the same form, level, marker style, emphasis."""

    form: str  # heading, line (a paragraph's first line), item (numbered), bullet, summary
    level: int  # heading level; 0 otherwise
    style: str  # Q#, Question#, Q:, # (a bare number) or "" (no marker)
    bold: bool = False

    def describe(self) -> str:
        where = {"any": "headings and lines", "heading": f"level-{self.level} headings", "line": "bold lines" if self.bold else "lines",
                 "item": "numbered list items", "bullet": "bulleted list items",
                 "summary": "<details> summaries"}[self.form]
        marker = {"Q#": " marked 'Q12'", "Question#": " marked 'Question 12'", "Q:": " marked 'Q:'",
                  "#": " numbered '12.'", "": ""}[self.style]
        return where + marker

    def hint(self) -> str:
        if self.style in HINT:
            return HINT[self.style]
        return {"heading": "numbered_heading" if self.style == "#" else "heading_question",
                "item": "list_question", "summary": "details"}.get(self.form, "bold_question")


@dataclass(frozen=True)
class Candidate:
    marker: Marker
    shape: Shape
    asks: bool  # the text is phrased as a question or a task
    linked: bool = False  # a table of contents links to it


@dataclass(frozen=True)
class Structure:
    shape: Shape
    markers: tuple[Marker, ...]
    confidence: float  # 0.5 (a coin toss with the runner-up) to 1
    description: str

    @property
    def confident(self) -> bool:
        return self.confidence >= CONFIDENT


def undecorated(text: str) -> tuple[str, int | None]:
    """The text without leading emoji and symbols; a keycap digit ('1️⃣') is a number."""
    text = text.strip()
    keycap = KEYCAP.match(text)
    if keycap:
        return text[keycap.end():].strip(), int(keycap.group("num"))
    position = 0
    while position < len(text) and (unicodedata.category(text[position]) in ("So", "Sk", "Cf", "Mn")
                                     or text[position] in "\ufe0f\u200d"):
        position += 1
    return text[position:].strip(), None


def balanced(text: str) -> str:
    """Bold that opened around the marker and closes after the statement, or the other way round."""
    for mark in ("**", "__"):
        if text.count(mark) % 2:
            text = text[: -len(mark)].rstrip() if text.endswith(mark) else text.removeprefix(mark).lstrip()
    return text


def read_marker(text: str) -> tuple[str, int | None, str, str]:
    """(style, number, prefix as written, statement) of a line that may open with a marker."""
    original = text.strip()
    text, keycap = undecorated(text)
    if keycap is not None:
        return "#", keycap, original[: len(original) - len(text)].strip(), balanced(text)
    lead = re.match(r"^[*_]*\s*", text).group()
    head = text[len(lead):]
    for style, pattern in STYLES:
        match = pattern.match(head)
        if match:
            number = match.groupdict().get("num")
            rest, bold = head[match.end():].strip(), lead.strip()
            if bold and not (match.group("em") or match.group("after")):  # bold around marker and statement
                rest = rest[: -len(bold)].rstrip() if rest.endswith(bold) else bold + rest
            else:
                rest = balanced(rest)
            prefix = head[: match.end()].replace("*", "").replace("_", "").strip()
            return style, int(number) if number else None, prefix, rest
    return "", None, "", text


def asks(statement: str, openers: tuple[str, ...]) -> bool:
    """A question ('…?', even before a trailing link or badge) or a task ('Explain …')."""
    text = plain_text(statement)
    if without_trailing_links(text).rstrip(" *_.:").endswith("?"):
        return True
    first = text[:40].casefold()
    return any(first.startswith(opener + " ") for opener in openers)


def anchor_of(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation gone, spaces as hyphens."""
    text = plain_text(heading).casefold()
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def toc_anchors(blocks: Sequence[Block], lines: Sequence[str]) -> set[str]:
    """Anchors linked from lists and tables: where a table of contents points."""
    anchors = set()
    for block in blocks:
        if block.kind in ("bullet_list", "ordered_list", "table"):
            for line in lines[block.start:block.end]:
                anchors.update(m.group("anchor").casefold() for m in TOC_LINK.finditer(line))
    return anchors


def candidate(marker_line: int, end: int, text: str, form: str, level: int, openers, bold: bool = False,
              number: int | None = None, indent: int = 0, body_start: int | None = None,
              linked: bool = False) -> Candidate | None:
    style, found, prefix, statement = read_marker(text)
    if number is not None:
        style, found = style or "#", found if found is not None else number
    if not (WORD.search(plain_text(statement) or "") or style in HINT):
        return None  # a bare 'Question 12:' may head the question written out below it
    if form in ("line", "bullet") and not style and not bold:
        return None  # a plain paragraph or bullet that opens with no marker is prose
    marker_form = {"item": "list_item", "bullet": "list_item", "line": "bold" if bold else "paragraph"}
    marker = Marker(marker_line, end, found, statement, prefix, marker_form.get(form, form), level, indent,
                    body_start)
    return Candidate(marker, Shape(form, level, style, bold), asks(statement, openers), linked)


def from_heading(block: Block, following: Block | None, lines, openers, anchors) -> Candidate | None:
    """A heading; one answered in a ``<details>`` block right below it asks, whatever its words."""
    text = heading_text(block, lines)
    made = candidate(block.start, block.end, text, "heading", block.level, openers,
                     linked=anchor_of(text) in anchors)
    if made and following is not None and following.kind == "html" and lines[
            following.start].lstrip().lower().startswith("<details"):
        return replace(made, asks=True)
    return made


def from_paragraph(block: Block, lines, openers) -> Candidate | None:
    first = lines[block.start].strip()
    bold = BOLD_LINE.match(first)
    style, _, _, statement = read_marker(first)
    if not (bold or style):
        return None
    body = block.start + 1 if block.start + 1 < block.end else None
    if style and not statement and body is not None:  # a bare 'Question 28:' line
        rest = " ".join(line.strip() for line in lines[block.start + 1:block.end])
        return candidate(block.start, block.end, first + " " + rest, "line", 0, openers, bool(bold))
    return candidate(block.start, block.start + 1, first, "line", 0, openers, bool(bold), body_start=body)


def from_items(block: Block, lines, openers) -> list[Candidate]:
    found = []
    for item in block.items:
        first = lines[item.start]
        content = first[item.content_indent:].strip()
        bold = bool(BOLD_LINE.match(content))
        number = ITEM_NUMBER.match(first) if block.kind == "ordered_list" else None
        form = "item" if number else "bullet"
        made = candidate(item.start, item.start + 1, content, form, 0, openers, bold,
                         int(number.group(1)) if number else None, item.content_indent, item.start + 1)
        if made and not made.marker.prefix:  # the item's own marker ('12.') is the prefix
            made = replace(made, marker=replace(made.marker, prefix=first[: item.content_indent].strip()))
        if made:
            found.append(made)
    return found


def from_html(block: Block, lines, openers) -> list[Candidate]:
    """A ``<summary>`` that holds the question: the marker spans the ``<details>`` line above it."""
    found = []
    for index in range(block.start, block.end):
        match = SUMMARY.search(lines[index])
        if not match:
            continue
        start = index - 1 if index > block.start and lines[index - 1].strip().lower().startswith(
            "<details") else index
        text = re.sub(r"<[^>]+>", "", match.group("text")).strip()
        made = candidate(start, index + 1, text, "summary", 0, openers)
        if made:
            found.append(made)
    return found


def candidates(blocks: Sequence[Block], lines: Sequence[str], openers: tuple[str, ...]) -> list[Candidate]:
    anchors = toc_anchors(blocks, lines)
    found: list[Candidate] = []
    for block, following in zip(blocks, [*blocks[1:], None]):
        if block.kind == "heading":
            made = from_heading(block, following, lines, openers, anchors)
            found += [made] if made else []
        elif block.kind == "paragraph":
            made = from_paragraph(block, lines, openers)
            found += [made] if made else []
        elif block.kind in ("ordered_list", "bullet_list"):
            found += from_items(block, lines, openers)
        elif block.kind == "html":
            found += from_html(block, lines, openers)
    return found


def section_between(sections: Sequence[Block], start: int, end: int, shape: Shape) -> bool:
    """A section heading (one that asks nothing and carries no marker) between two lines, no
    deeper than the questions: numbering may restart under it."""
    return any(start < h.start < end and (shape.form != "heading" or h.level <= shape.level) for h in sections)


def in_sequence(members: list[Candidate], headings: Sequence[Block]) -> list[Candidate]:
    """The members whose numbers follow on: the next number, the same one again, a restart at 1
    under a new section, or a skip of a few numbers by something that asks."""
    kept: list[Candidate] = []
    for member in members:
        number = member.marker.number
        if number is None:
            continue
        if kept:
            before = kept[-1].marker.number
            restart = number == 1 and section_between(headings, kept[-1].marker.line, member.marker.line,
                                                      member.shape)
            if not (number in (before, before + 1) or restart or (member.asks and before < number <= before + 3)):
                continue
        kept.append(member)
    return kept


def answered(markers: list[Marker], lines: Sequence[str]) -> list[bool]:
    """Per question (a marker and the ones repeating its number right after it): whether any
    text other than the markers comes before the next question."""
    own = {i for m in markers for i in range(m.line, m.end)}
    questions: list[list[Marker]] = []
    for m in markers:
        if questions and m.number is not None and m.number == questions[-1][0].number:
            questions[-1].append(m)
        else:
            questions.append([m])
    ends = [q[0].line for q in questions[1:]] + [len(lines)]
    return [any(WORD.search(lines[i]) for i in range(q[0].line, end) if i not in own or (
        q[-1].body_start is not None and i >= q[-1].body_start)) for q, end in zip(questions, ends)]


def opens_questions(member: Candidate, asking: dict[int, int], lines: Sequence[str]) -> bool:
    """A heading whose first content is a deeper heading that asks: a section ('Basic questions')."""
    following = next((i for i in range(member.marker.end, len(lines)) if lines[i].strip()), None)
    return following is not None and asking.get(following, 0) > member.marker.level > 0


def weigh(shape: Shape, members: list[Candidate], headings, lines,
          asking: dict[int, int]) -> tuple[float, list[Candidate]]:
    """How many answered questions the shape explains, weighted by how clear its marker is."""
    numbered = sum(m.marker.number is not None for m in members) >= 0.8 * len(members)
    if numbered:
        kept = in_sequence(members, headings)
        if shape.style == "#" and sum(m.asks for m in kept) < 0.4 * len(kept):
            return 0.0, []  # numbered topics or steps: a number alone does not make a question
    else:
        kept = [m for m in members if m.asks or (m.linked and not opens_questions(m, asking, lines))]
        if len(kept) < 0.6 * len(members):
            return 0.0, []  # mostly headings that name topics: notes, not questions
    if shape.form == "summary":
        kept = [m for m in kept if m.asks]
    if len(kept) < 2:
        return 0.0, []
    flags = answered([m.marker for m in kept], lines)
    score = sum(1.0 if ok else 0.25 for ok in flags) * WEIGHT[shape.style]
    if not numbered:  # a table of contents also links to sections: a link is weaker evidence than asking
        score *= 0.6 + 0.4 * sum(m.asks for m in kept) / len(kept)
    return score, kept


def gap_fillers(kept: list[Candidate], others: list[Candidate], lines: Sequence[str]) -> list[Marker]:
    """Markers for numbers missing from the sequence: another shape's candidate with the number,
    or a line that opens with it however garbled ('11222Q25.')."""
    found = []
    for before, after in zip(kept, kept[1:]):
        a, b = before.marker.number, after.marker.number
        if a is None or b is None or not 1 < b - a <= 3:
            continue
        for number in range(a + 1, b):
            between = [c.marker for c in others if before.marker.line < c.marker.line < after.marker.line
                       and c.marker.number == number]
            if between:
                found.append(between[0])
                continue
            pattern = re.compile(rf"^\W*\S{{0,8}}?(Q\s*)?{number}\s*[.:)]\s+(?P<text>\S.*)$", re.I)
            for index in range(before.marker.end, after.marker.line):
                match = pattern.match(lines[index].strip())
                if match:
                    found.append(Marker(index, index + 1, number, match.group("text").strip(),
                                        lines[index].strip()[: match.start("text")].strip(), "paragraph"))
                    break
    return found


def shapes(found: list[Candidate]) -> dict[Shape, list[Candidate]]:
    """Candidates by shape; and for each explicit marker ('Q12', 'Question 12', 'Q:') all of its
    forms together, headings no deeper than the level most of them use: a document may mark one
    question as a heading and the next as a bold line."""
    groups: dict[Shape, list[Candidate]] = defaultdict(list)
    for c in found:
        groups[c.shape].append(c)
    for style in HINT:
        members = [c for c in found if c.shape.style == style]
        levels = Counter(c.shape.level for c in members if c.shape.form == "heading")
        usual = levels.most_common(1)[0][0] if levels else 6
        members = [c for c in members if c.shape.form != "heading" or c.shape.level <= usual]
        if len({c.shape for c in members}) > 1:
            groups[Shape("any", 0, style)] = members
    return groups


def decide(blocks: Sequence[Block], lines: Sequence[str], openers: tuple[str, ...]) -> Structure | None:
    """The shape that explains the document best, or None when nothing looks like questions."""
    found = candidates(blocks, lines, openers)
    marked = {c.marker.line for c in found if c.shape.form == "heading" and (c.shape.style or c.asks)}
    headings = [b for b in blocks if b.kind == "heading" and b.start not in marked]
    groups = shapes(found)
    asking = {c.marker.line: c.marker.level for c in found if c.shape.form == "heading" and c.asks}
    weighed = sorted(((weigh(shape, members, headings, lines, asking), shape) for shape, members in groups.items()),
                     key=lambda item: (-item[0][0], -len(item[0][1])))  # of equals, the one explaining more markers
    if not weighed or weighed[0][0][0] == 0:
        return None
    (best, kept), shape = weighed[0]
    second = weighed[1][0][0] if len(weighed) > 1 else 0.0
    others = [c for c in found if c.shape != shape]
    markers = sorted([c.marker for c in kept] + gap_fillers(kept, others, lines), key=lambda m: m.line)
    confidence = best / (best + second) if best + second else 1.0
    numbers = [m.number for m in markers if m.number is not None]
    restarts = sum(b < a for a, b in zip(numbers, numbers[1:]))
    span = f", numbered {numbers[0]}–{max(numbers)}" if numbers else ""
    span += f", restarting {restarts} times" if restarts > 1 else ", restarting once" if restarts else ""
    description = f"{len(markers)} {shape.describe()}{span}"
    if second:
        description += f" (runner-up: {weighed[1][1].describe()}, {second:.0f} against {best:.0f})"
    return Structure(shape, tuple(markers), confidence, description)
