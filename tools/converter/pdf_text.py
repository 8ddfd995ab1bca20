"""Words broken by a PDF export, put back together.

A PDF's ligature glyphs (ﬁ, ﬀ, ﬂ, ﬃ, ﬄ) are often lost when its text is copied out, leaving a
space where they stood ('con dence', 'di erent', 'and  nd'), and a word hyphenated at a line end
keeps its hyphen and gains a space ('engi\\- neer', 'per- forming'). A repair is made only where
an English word list says the joined word is a word and a fragment is not, and only in a
document that shows at least two such breaks: one 'o spring' is not evidence of an export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Mapping

LIGATURES = ("ffi", "ffl", "ff", "fi", "fl")
# a fragment of a word, standing alone; two in a row with one or two spaces between may be one
# word whose ligature was lost
FRAGMENT = re.compile(r"(?<![\w\\/.-])[A-Za-z]+(?![\w-])")
# a word hyphenated at a line end, the line end now a space
HYPHEN = re.compile(r"(?<![\w\\/.-])(?P<left>[A-Za-z]+)\\?- (?P<right>[a-z]+)(?![\w-])")
# a fragment that lost its first letters: 'rst', or 'nd' after a doubled space
HEADLESS = re.compile(r"(?:^|(?<=\s))(?P<space>\s?)(?P<right>[a-z]+)(?![\w-])")
COMMON = 1000  # how often the joined word must be seen in English for a word-initial repair
MIN_EVIDENCE = 2


@dataclass(frozen=True)
class Repair:
    start: int
    end: int
    word: str
    reason: str


@cache
def english() -> Mapping[str, int]:
    """An English word list with frequencies (pyspellchecker's), loaded once per process."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1).word_frequency.dictionary


def known(word: str, words: Mapping[str, int]) -> bool:
    return word.lower() in words


def stray(fragment: str, words: Mapping[str, int]) -> bool:
    """Not a word on its own: unknown, or a lone letter other than 'a' and 'I'."""
    return not known(fragment, words) or (len(fragment) == 1 and fragment.lower() not in "ai")


def with_ligature(left: str, right: str, words: Mapping[str, int]) -> str | None:
    for ligature in LIGATURES:
        if known(left + ligature + right, words):
            return left + ligature + right
    return None


def repairs_in(line: str, words: Mapping[str, int]) -> list[Repair]:
    found: list[Repair] = []
    for match in HYPHEN.finditer(line):
        left, right = match.group("left"), match.group("right")
        joined = left + right if known(left + right, words) else with_ligature(left, right, words)
        if joined and (stray(left, words) or stray(right, words) or match.group(0).count("\\")):
            found.append(Repair(match.start(), match.end(), joined, "word hyphenated at a PDF line end joined"))
    taken = {i for r in found for i in range(r.start, r.end)}
    fragments = list(FRAGMENT.finditer(line))
    for first, second in zip(fragments, fragments[1:]):
        left, right = first.group(), second.group()
        if (line[first.end():second.start()] not in (" ", "  ") or not right.islower()
                or first.start() in taken or second.start() in taken
                or not (stray(left, words) or stray(right, words))):
            continue
        joined = with_ligature(left, right, words)
        if joined:
            found.append(Repair(first.start(), second.end(), joined, "PDF ligature restored"))
            taken.update(range(first.start(), second.end()))
    for match in HEADLESS.finditer(line):
        right = match.group("right")
        if match.start("right") in taken or not (not known(right, words) or match.group("space")):
            continue
        joined = next((lig + right for lig in LIGATURES if words.get(lig + right, 0) >= COMMON), None)
        if joined and words.get(right, 0) * 100 < words[joined]:
            found.append(Repair(match.start(), match.end(), joined, "PDF ligature restored"))
    return sorted(found, key=lambda r: r.start)


def repaired(line: str, repairs: list[Repair]) -> str:
    for repair in reversed(repairs):
        line = line[:repair.start] + repair.word + line[repair.end:]
    return line


def pdf_repairs(lines: list[str], skip: set[int], words: Mapping[str, int]) -> dict[int, list[Repair]]:
    """Line index -> its repairs, when the document shows enough breaks to be a PDF export."""
    found = {i: r for i, line in enumerate(lines) if i not in skip and (r := repairs_in(line, words))}
    return found if sum(len(r) for r in found.values()) >= MIN_EVIDENCE else {}
