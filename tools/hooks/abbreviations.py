"""MkDocs hook: each abbreviation explained once per page, never in a heading.

Python-Markdown's ``abbr`` extension (with the glossary's abbreviations appended to every page)
marks every occurrence: the page on LLMs carried twenty dotted "LLM"s, its title included.
Here the first mention in running text keeps its ``<abbr>`` (and its tooltip); the later ones,
and any in a heading, are plain text again.
"""

from __future__ import annotations

import re

ABBR = re.compile(r"<abbr\b[^>]*>(.*?)</abbr>", re.S)
HEADING = re.compile(r"<(h[1-6])\b.*?</\1>", re.S)


def explained_once(html: str) -> str:
    """``html`` with the ``<abbr>`` of a heading, and of every mention after the first, unwrapped."""
    headings = [match.span() for match in HEADING.finditer(html)]
    seen: set[str] = set()

    def kept(match: re.Match) -> str:
        text = match.group(1)
        if any(start <= match.start() < end for start, end in headings) or text in seen:
            return text
        seen.add(text)
        return match.group(0)

    return ABBR.sub(kept, html)


def on_page_content(html, page, config, files):
    return explained_once(html) if "<abbr" in html else html
