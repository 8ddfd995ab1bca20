"""A pattern's matches, tried only where one of its alternatives' first words occurs.

``re`` cannot skip ahead in a long alternation guarded by a lookbehind (a tag's keywords, the
glossary's terms): it tries every position of the text against every alternative. When every
alternative begins with a known word, ``str.find`` finds the few positions worth trying, and
trying the pattern at those positions in order gives exactly the matches ``finditer`` gives: a
match can start nowhere else.

Most first words begin no word of a given text, and a whole-word pattern cannot match there:
``word_heads`` tells, once per text, which cannot, and ``FirstWords.beginning`` leaves them
unsearched.
Without that, the glossary's hundred first words cost more finds than the regex alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

WORD = re.compile(r"\w+")
HEAD = 4
CASE_ODD = re.compile("[\u0131\u017f]")  # dotless i and long s: (?i:i) and (?i:s) match them


def lowered(text: str) -> str | None:
    """The text lowercased, when a case-insensitive match of an ASCII word anywhere in it is a
    match of the lowercased word at the same place in the result; else None. Lowercasing keeps
    every place when it keeps the length, and only two letters match an ASCII one
    case-insensitively yet lowercase to themselves."""
    low = text.lower()
    return low if len(low) == len(text) and not CASE_ODD.search(text) else None


def word_heads(text: str) -> frozenset[str]:
    """The first one to HEAD characters of every word of the text (words as ``\\w`` sees them):
    enough to rule most first words out, and cheaper than every prefix."""
    words = set(WORD.findall(text))
    return frozenset(word[:end] for word in words for end in range(1, HEAD + 1))


def leading_letters(word: str) -> str:
    """What of ``word`` a word of the text must begin with: its leading ``\\w`` run ('' when the
    word begins with a sign, which ``FirstWords.beginning`` then never leaves out)."""
    found = WORD.match(word)
    return found.group() if found else ""


@dataclass(frozen=True)
class FirstWords:
    """The words a pattern's alternatives begin with (lowercased), and their leading letters."""

    words: tuple[str, ...]
    letters: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "letters", tuple(leading_letters(word) for word in self.words))

    def beginning(self, heads: frozenset[str]) -> list[str]:
        """The words that may begin a word of the text whose ``word_heads`` are given. A word
        kept may still not occur; one left out cannot."""
        return [word for word, lead in zip(self.words, self.letters) if not lead or lead[:HEAD] in heads]


def occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def starts(text: str, words: Iterable[str]) -> list[int]:
    """Where one of ``words`` occurs in the text, in order."""
    return sorted({at for word in words for at in occurrences(text, word)})


def matches(pattern: re.Pattern, text: str, positions: list[int] | None) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, trying the pattern only at ``positions`` (all of them when None)."""
    if positions is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for position in positions:
        if position >= end:
            found = pattern.match(text, position)
            if found:
                end = found.end()
                yield found
