"""Headings inside a page: a clean outline under the page's own title.

The page title is the only ``h1``. Body headings keep their relative order of
depth but never skip a level; bold wrappers, glyphs and trailing colons go;
a "heading" that is really a sentence leading into a list
(``## Here's how it works:``) becomes a paragraph.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Style
from .bullets import GLYPHS
from .layout import tokens_of

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
    sentences = {start for start, _, _, content in kept if is_sentence(content, style)}
    titled = [(level, content) for start, _, level, content in kept if start not in sentences and has_text(content)]
    levels = outline(level_siblings(level_repeats(titled)))
    replacement: dict[int, list[str]] = {}
    position = 0
    for start, end, level, content in kept:
        indent = " " * (len(lines[start]) - len(lines[start].lstrip(" ")))
        if start in sentences:
            replacement[start] = [indent + content]
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
