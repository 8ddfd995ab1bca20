"""A pattern's matches, tried only where one of its alternatives' first words occurs.

``re`` cannot skip ahead in a long alternation guarded by a lookbehind (a tag's keywords): it
tries every position of the text against every alternative, and that was most of the time of
tagging. When every alternative begins with a known word, ``str.find`` finds the few positions
worth trying, and trying the pattern at those positions in order gives exactly the matches
``finditer`` gives: a match can start nowhere else. (The glossary's terms are too many first
words for this to pay: measured on the corpus, it was slower than the regex alone.)
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

# characters that Python's case-insensitive matching equates with an ASCII letter (K, s, i) but
# that lowercasing does not turn into it, or turns into two characters
UNLIKE_THEIR_LOWERCASE = frozenset("\u212a\u017f\u0130\u0131")


def occurrences(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def starts(text: str, words: Iterable[str], lowered_words: Iterable[str] = ()) -> list[int] | None:
    """Where one of ``words`` occurs as written, or one of ``lowered_words`` (lowercase) in any
    case, in order; None when a case-insensitive search cannot be done by lowercasing."""
    lowered_words = tuple(lowered_words)
    found = {at for word in words for at in occurrences(text, word)}
    if lowered_words:
        if not text.isascii() and UNLIKE_THEIR_LOWERCASE.intersection(text):
            return None
        lowered = text.lower()
        found.update(at for word in lowered_words for at in occurrences(lowered, word))
    return sorted(found)


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
