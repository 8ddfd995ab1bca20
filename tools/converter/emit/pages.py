"""One Markdown page per entry: front matter for MkDocs, then what the reader sees.

The strip under the title (source, chapter, number, language badge, notebook, copy-link
button) is drawn by the theme from the front matter (``overrides/partials/qa-meta.html``),
so a change of its look needs no new conversion; search leaves it out.
"""

from __future__ import annotations

from hooks.contract import RELATED

from ..enrich.language import HINGLISH
from ..enrich.tags import Vocabulary
from ..links.rules import LinkRules
from ..markdown import plain_text
from ..model import Document, Entry
from .anchors import HeadingId, heading_ids, text_free_ids, with_ids
from .crosslinks import Pages, duplicate_banner, linked, related_section
from .markup import anchor, escape_inline, front_matter

SUMMARY_TITLES = {"written": "English summary", "stale": "English summary, written for an earlier version of this answer",
                  "own": "In short (English)", "digest": "English digest (automatic)"}
SUMMARY_NOTES = {
    "stale": "The answer below has changed since this summary was written; it is being reviewed.",
    "digest": "Made by the converter from the answer's English labels and terms: nobody has written an English "
              "summary of this answer yet. The full answer below is in Hinglish.",
}


def render_page(entry: Entry, document: Document, vocabulary: Vocabulary | None = None,
                notebook: bool = False, pages: Pages | None = None, shown: int = LinkRules.shown,
                card: str | None = None) -> str:
    """``pages`` (every page by path) is needed once the entry has cross-links; ``shown`` is how
    many pages its growing lists name; ``card``: its link-preview card's file in the tree."""
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
    if entry.chapter:
        data["chapter_anchor"] = anchor(entry.chapter)
    if notebook:
        data["notebook"] = entry.slug
    if card is not None:
        data["card"] = card
    parts = [f"# {escape_inline(entry.title)}", duplicate_banner(entry, pages, shown)]
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


def summary_block(entry: Entry) -> str:
    summary = entry.summary
    lines = [f'!!! abstract "{SUMMARY_TITLES[summary.kind]}"', ""]
    if summary.kind in SUMMARY_NOTES:
        lines += ["    " + SUMMARY_NOTES[summary.kind], ""]
    lines += [("    " + line).rstrip() for line in summary.markdown.split("\n")]
    return "\n".join(lines)
