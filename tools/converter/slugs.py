"""URL slugs and heading ids from any text.

Letters outside ASCII are transliterated (anyascii: "Naïve Bayes" → ``naive-bayes``,
a Devanagari title → its romanisation), so no title loses its words to ``-`` or
becomes ``untitled``; only text with no letter or digit at all does. Symbols and
emoji are not words of a title.
"""

from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

NOT_SLUG = re.compile(r"[^a-z0-9]+")


def romanised(text: str) -> str:
    """Letters and digits in ASCII; symbols and emoji (which anyascii names: 🔥 ``fire``) are gaps."""
    return "".join(c if c.isascii() else anyascii(c) if unicodedata.category(c)[0] in "LNM" else " "
                   for c in text)


def slugify(text: str, limit: int = 60) -> str:
    slug = NOT_SLUG.sub("-", romanised(text).casefold()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "untitled"
