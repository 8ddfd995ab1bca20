"""The normalise stage: each page's Markdown as its author meant it to render.

Passes run in order over one page body; each is a small pure function in its
own module. None of them removes a word (conservation is tested); the one that
changes text, joining a sentence a page break cut, is reported like ``clean``'s
repairs.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Change, Document, Style
from .bullets import list_items
from .code import fence_languages, pseudo_tags
from .headings import headings
from .layout import rewrite
from .paragraphs import join_page_breaks, whitespace
from .tables import tab_tables


def normalised(markdown: str, style: Style) -> tuple[str, list[tuple[str, str]]]:
    """The page's Markdown, and the sentences joined across a page break (line above, line joined)."""
    lines = markdown.split("\n")
    lines = tab_tables(lines)
    lines = list_items(lines)
    lines = pseudo_tags(lines)
    lines = fence_languages(lines, style)
    text = headings(rewrite("\n".join(lines)), style)
    lines, joins = join_page_breaks(text.split("\n"))
    return "\n".join(whitespace(lines)), joins


def join_changes(joins: list[tuple[str, str]], lines, start: int, end: int) -> list[Change]:
    """Each join as a change: the raw lines from the one cut to the one joined to it, and the
    sentence made whole (the lines are found by their text between ``start`` and ``end``)."""
    changes = []
    span = range(start, min(end, len(lines)))
    for above, joined in joins:
        second = next((i for i in span if lines[i].strip() == joined.strip()), None)
        first = next((i for i in reversed(range(start, second)) if lines[i].strip()
                      and lines[i].strip().endswith(above.strip()[-40:])), None) if second is not None else None
        if first is None:
            continue  # the text was rewritten on its way here; the page still shows every word
        changes.append(Change(first, "\n".join(lines[first:second + 1]), f"{above.strip()} {joined.strip()}",
                              "sentence cut by a page break joined"))
    return changes


def normalise_document(document: Document, style: Style, lines=()) -> None:
    entries = []
    for entry in document.entries:
        body, joins = normalised(entry.body, style)
        entries.append(replace(entry, body=body))
        document.changes += join_changes(joins, lines, entry.start, entry.end)
    document.entries = entries
    chapters = []
    for position, chapter in enumerate(document.chapters):
        intro, joins = normalised(chapter.intro, style)
        following = document.chapters[position + 1].line if position + 1 < len(document.chapters) else len(lines)
        document.changes += join_changes(joins, lines, chapter.line, following)
        chapters.append(replace(chapter, intro=intro))
    document.chapters = chapters
