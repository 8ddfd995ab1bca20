"""One Markdown page per entry: front matter for MkDocs, then what the reader sees.

The strip under the title (source, chapter, number, language badge, copy-link
button) is marked ``data-search-exclude``: it repeats on every page and would
only add noise to search results.
"""

from __future__ import annotations

import posixpath

from hooks.contract import META, RELATED

from ..markdown import plain_text
from ..enrich.language import HINGLISH
from ..enrich.tags import Vocabulary
from ..links.rules import LinkRules
from ..model import Document, Entry
from .anchors import HeadingId, heading_ids, text_free_ids, with_ids
from .crosslinks import Pages, duplicate_banner, linked, related_section
from .markup import anchor, escape_inline, front_matter
from .permalinks import short_link

SUMMARY_TITLES = {"written": "English summary", "stale": "English summary, written for an earlier version of this answer",
                  "own": "In short (English)", "digest": "English digest (automatic)"}
SUMMARY_NOTES = {
    "stale": "The answer below has changed since this summary was written; it is being reviewed.",
    "digest": "Made by the converter from the answer's English labels and terms: nobody has written an English "
              "summary of this answer yet. The full answer below is in Hinglish.",
}


def render_page(entry: Entry, document: Document, vocabulary: Vocabulary | None = None,
                notebook: bool = False, pages: Pages | None = None, shown: int = LinkRules.shown) -> str:
    """``pages`` (every page by path) is needed once the entry has cross-links; ``shown`` is how
    many pages its growing lists name."""
    pages = pages if pages is not None else {entry.path: (entry, document)}
    source = document.source
    data = {"title": entry.title}
    if entry.description:
        data["description"] = entry.description
    if entry.tags and vocabulary is not None:
        data["tags"] = list(vocabulary.labels(entry.tags))
    data.update({"kind": entry.kind, "source": source.slug, "source_title": source.title,
                 "source_file": source.file, "chapter": entry.chapter, "number": entry.number})
    if entry.prefix:
        data["marker"] = entry.prefix
    if entry.language == HINGLISH:
        data["language"] = HINGLISH
    data["lines"] = [entry.start + 1, entry.end]
    if entry.qid is not None:
        data["qid"] = entry.qid
    if entry.statement and entry.statement != entry.title:
        data["question" if entry.kind == "question" else "heading"] = entry.statement
    parts = [f"# {escape_inline(entry.title)}", meta_strip(entry, document, notebook),
             duplicate_banner(entry, pages, shown)]
    if entry.summary is not None:  # first: on a phone, the English is on the first screen
        parts.append(summary_block(entry))
    if entry.kind == "question" and entry.statement and plain_text(entry.statement) != entry.title:
        parts.append("> " + entry.statement)  # the whole question, when the title is a part of it
    body = linked(entry.body, entry.links.terms, entry.path)
    ids = entry.features.anchors if entry.features.anchors is not None else heading_ids(body, reserved_ids(entry))
    parts.append(with_ids(body, ids).rstrip())
    parts.append(related_section(entry, pages, shown))
    return front_matter(data) + "\n" + "\n\n".join(p for p in parts if p) + "\n"


def reserved_ids(entry: Entry) -> frozenset[str]:
    """Ids the answer's headings never take: the title's and the related section's."""
    return frozenset({anchor(entry.title), RELATED})


def page_anchors(entry: Entry) -> tuple[HeadingId, ...] | None:
    """The answer's heading ids when they can be found before cross-linking, else None."""
    return text_free_ids(entry.body, reserved_ids(entry))


def meta_strip(entry: Entry, document: Document, notebook: bool) -> str:
    source = document.source
    where = [f"[{escape_inline(source.title)}](index.md)"]
    if entry.chapter:
        where.append(f"[{escape_inline(entry.chapter)}](index.md#{anchor(entry.chapter)})")
    if entry.number is not None:
        where.append(f"{'Q' if entry.kind == 'question' else 'Topic '}{entry.number}")
    items = []
    if entry.language == HINGLISH:
        items.append('<span class="qa-badge" title="The answer is written in Hinglish (Hindi-English)">'
                     "Hinglish answer</span>")
    items.append('<span class="qa-where">' + " › ".join(where) + "</span>")
    if notebook:
        items.append(f"[Notebook](notebooks/{entry.slug}.ipynb)"
                     f'<a class="qa-download" href="../notebooks/{entry.slug}/{entry.slug}.ipynb" download>'
                     "Download notebook</a>")
    items.append(copy_button(entry))
    return f'<div class="{META}" data-search-exclude markdown>\n' + "\n".join(items) + "\n</div>"


def copy_button(entry: Entry) -> str:
    """Copies the short link when the entry has a permanent number, else the page's address."""
    if entry.qid is None:
        return ('<button class="qa-copy-link" type="button" data-copy-link '
                'title="Copy a link to this answer">Copy link</button>')
    short = posixpath.relpath(short_link(entry.qid), entry.path.removesuffix(".md")) + "/"
    return (f'<button class="qa-copy-link" type="button" data-copy-link data-link="{short}" '
            f'title="Copy the permanent link to this answer (/{short_link(entry.qid)}/)">Copy link</button>')


def summary_block(entry: Entry) -> str:
    summary = entry.summary
    lines = [f'!!! abstract "{SUMMARY_TITLES[summary.kind]}"', ""]
    if summary.kind in SUMMARY_NOTES:
        lines += ["    " + SUMMARY_NOTES[summary.kind], ""]
    lines += [("    " + line).rstrip() for line in summary.markdown.split("\n")]
    return "\n".join(lines)
