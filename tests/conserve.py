"""Conservation: every word of a raw document is on a page or in the drop report.

Words are compared as multisets, so a word repeated ten times in the source
must be accounted for ten times. HTML tags and character references are markup,
not words: a ``<b>`` the converter turned into ``**`` is not lost, nor the
``amp`` of an ``&amp;`` a title shows as ``&``.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from typing import Iterable

from converter.normalise.code import HTML_ELEMENTS, TAG

WORD = re.compile(r"\w+")


def words(text: str) -> Counter:
    """``__bold__`` markup is not part of a word; ``snake_case`` is one word."""
    text = html.unescape(TAG.sub(lambda m: " " if m.group(1).lower() in HTML_ELEMENTS else m.group(0), text))
    found = (w.strip("_") for w in WORD.findall(unicodedata.normalize("NFKC", text).casefold()))
    return Counter(w for w in found if w)


def missing_words(raw: str, outputs: Iterable[str]) -> Counter:
    """Words of ``raw`` not found (as often) in ``outputs``; empty when nothing is lost."""
    found = Counter()
    for text in outputs:
        found.update(words(text))
    return words(raw) - found
