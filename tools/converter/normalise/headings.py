"""Headings inside a page: a clean outline under the page's own title.

The page title is the only ``h1``. Body headings keep their relative order of
depth but never skip a level; bold wrappers, glyphs and trailing colons go;
a "heading" that is really a sentence leading into a list
(``## Here's how it works:``) becomes a paragraph, and one written on a list
item's own line (``- # Efficient storage: Vector databases…``) the item's text.
Levels a PDF or OCR scrambled are read from the sections' shapes: parallel
sections, repeated sub-headings, numbered sequences.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Style
from .bullets import GLYPHS
from ..markdown import tokens_of

BOLD = re.compile(r"(\*\*|__)(.+?)\1")
LEADING_GLYPH = re.compile(rf"^(?:[{GLYPHS}]|\\[*+-](?=\s))\s*")  # '❖ ', or an escaped '\* ' bullet


def unwrap(text: str) -> str:
    """Heading text without glyphs or bold (a heading is bold already); a colon
    inside the bold moves out so the caller sees it."""
    text = LEADING_GLYPH.sub("", text.strip())
    text = BOLD.sub(lambda m: m.group(2).rstrip(":").strip() + (":" if m.group(2).rstrip().endswith(":") else ""),
                    text)
    return LEADING_GLYPH.sub("", re.sub(r":\s*:$", ":", text.strip()))


def is_sentence(text: str, style: Style) -> bool:
    if not text.endswith(":"):
        return False
    plain = re.sub(r"[*_`]", "", text[:-1]).strip().casefold()
    return plain.startswith(style.sentence_heading_starts) or any(
        plain == end or plain.endswith(" " + end) for end in style.sentence_heading_ends)


def has_text(content: str) -> bool:
    return bool(content.rstrip(":").strip())


NUMBERED = re.compile(r"^(\d+)[.)]\s")
ITEM_PREFIX = re.compile(r"^\s*(?:(?:[-*+]|\d{1,9}[.)])\s+)+")


def level_siblings(headings: list[tuple[int, str]]) -> list[int]:
    """Numbered headings of one sequence (``1. Step``, ``2. Sigmoid``...) are
    siblings: one whose predecessor sits at another level takes that level,
    unless some heading numbered like the predecessor shares its own level
    (two sequences, one nested in the other)."""
    levels, seen = [], {}  # number -> levels it was written at, latest last
    for level, text in headings:
        found = NUMBERED.match(text)
        if found:
            number = int(found.group(1))
            before = seen.get(number - 1, [])
            if before and level not in before:
                level = before[-1]
            seen.setdefault(number, []).append(level)
        levels.append(level)
    return levels


def level_repeats(headings: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A heading written several times in one page (``Transformer`` and ``LSTM``
    under each numbered point) is always the same kind of section: each copy
    takes the level the author used most often (the deeper one on a tie)."""
    used: dict[str, Counter] = {}
    for level, text in headings:
        used.setdefault(text.casefold(), Counter())[level] += 1
    def usual(text: str, level: int) -> int:
        counts = used[text.casefold()]
        return level if sum(counts.values()) < 2 else max(counts, key=lambda lv: (counts[lv], lv))
    return [(usual(text, level), text) for level, text in headings]


LABELLED_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\*\*|__)?([^*_:\n]{1,40}?)(?:\*\*|__)?:")


def opening_label(body: list[str]) -> str | None:
    """The label of a section's first line when it is a labelled list item
    (``- **Description:** …``), the mark of a run of parallel sections."""
    first = next((line for line in body if line.strip()), "")
    found = LABELLED_ITEM.match(first)
    return found.group(1).strip().casefold() if found else None


def level_parallel(headings: list[tuple[int, str]], labels: list[str | None]) -> list[tuple[int, str]]:
    """Three or more headings in a row whose sections open with the same labelled
    item (``Text Generation``, ``Image Generation``… each opening with
    ``- Description:``) are siblings, whatever levels a PDF or OCR gave them:
    each takes the level most of them have (the shallower on a tie)."""
    out = list(headings)
    start = 0
    while start < len(headings):
        end = start + 1
        while labels[start] and end < len(headings) and labels[end] == labels[start]:
            end += 1
        if end - start >= 3:
            counts = Counter(level for level, _ in headings[start:end])
            usual = max(counts, key=lambda lv: (counts[lv], -lv))
            out[start:end] = [(usual, text) for _, text in headings[start:end]]
        start = end
    return out


def level_groups(headings: list[tuple[int, str]], empty: list[bool]) -> list[tuple[int, str]]:
    """Headings that each open a group of the same repeated sub-headings
    (``Attention Mechanism`` then ``Descriptions``, ``Example``;
    ``Self-Attention Mechanism`` then the same two) are siblings, and the
    repeated ones sit one level under them. A group's heading has no text of its
    own before its first sub-heading; two such groups make the pattern."""
    count = Counter(text.casefold() for _, text in headings)
    repeated = [count[text.casefold()] > 1 for _, text in headings]
    parents = [index for index in range(len(headings) - 1)
               if empty[index] and not repeated[index] and repeated[index + 1]]
    if len(parents) < 2:
        return headings
    out = list(headings)
    level = min(headings[index][0] for index in parents)
    for index in parents:
        out[index] = (level, headings[index][1])
        after = index + 1
        while after < len(headings) and repeated[after]:
            out[after] = (level + 1, headings[after][1])
            after += 1
    return out


def outline(levels: list[int]) -> list[int]:
    """Levels under an h1 title: the same nesting, starting at 2, no level skipped."""
    out, stack = [], []  # stack of (original level, new level)
    for level in levels:
        while stack and stack[-1][0] >= level:
            stack.pop()
        new = stack[-1][1] + 1 if stack else 2
        stack.append((level, new))
        out.append(new)
    return out


def headings(text: str, style: Style) -> str:
    lines = text.split("\n")
    tokens = tokens_of(text)
    found = []  # (start, end, level, inline text)
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.map:
            text = " ".join(tokens[index + 1].content.split("\n"))  # a setext heading may span lines
            found.append((token.map[0], token.map[1], int(token.tag[1]), text))
    kept = [(start, end, level, unwrap(content)) for start, end, level, content in found]
    prefixes = {start: ITEM_PREFIX.match(lines[start]) for start, _, _, _ in kept}
    in_items = {start: prefix.group(0) for start, prefix in prefixes.items() if prefix}
    sentences = {start for start, _, _, content in kept if is_sentence(content, style) or start in in_items}
    titled = [(index, level, content) for index, (start, _, level, content) in enumerate(kept)
              if start not in sentences and has_text(content)]
    starts = [start for start, _, _, _ in kept[1:]] + [len(lines)]  # where each heading's section ends
    bodies = [lines[kept[index][1]:starts[index]] for index, _, _ in titled]
    parallel = level_parallel([(level, content) for _, level, content in titled],
                              [opening_label(body) for body in bodies])
    grouped = level_groups(level_repeats(parallel), [not any(line.strip() for line in body) for body in bodies])
    levels = outline(level_siblings(grouped))
    replacement: dict[int, list[str]] = {}
    position = 0
    for start, end, level, content in kept:
        indent = " " * (len(lines[start]) - len(lines[start].lstrip(" ")))
        if start in sentences:
            replacement[start] = [in_items.get(start, indent) + content]
        elif not has_text(content):
            replacement[start] = []
        else:
            title = re.sub(r"\s*:+$", "", content)
            replacement[start] = [f"{indent}{'#' * levels[position]} {title}"]
            position += 1
        for index in range(start + 1, end):  # a setext underline
            replacement[index] = []
    out = []
    for index, line in enumerate(lines):
        out += replacement.get(index, [line])
    return "\n".join(out)
