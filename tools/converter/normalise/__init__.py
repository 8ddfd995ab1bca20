"""The normalise stage: each page's Markdown as its author meant it to render.

Passes run in order over one page body; each is a small pure function in its
own module. None of them removes a word (conservation is tested), so only the
text-level repairs in ``clean`` need report entries.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document, Style
from .bullets import list_items
from .code import fence_languages, pseudo_tags
from .headings import headings
from .layout import rewrite
from .paragraphs import join_page_breaks, whitespace
from .tables import tab_tables


def normalise(markdown: str, style: Style) -> str:
    lines = markdown.split("\n")
    lines = tab_tables(lines)
    lines = list_items(lines)
    lines = pseudo_tags(lines)
    lines = fence_languages(lines, style)
    text = headings(rewrite("\n".join(lines)), style)
    lines = whitespace(join_page_breaks(text.split("\n")))
    return "\n".join(lines)


def normalise_document(document: Document, style: Style) -> None:
    for entry in document.entries:
        entry.body = normalise(entry.body, style)
    document.chapters = [replace(c, intro=normalise(c.intro, style)) for c in document.chapters]
