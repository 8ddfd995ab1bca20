"""What practice mode reads (``practice/pages.json``, beside the Practice page; used by
docs/assets/javascripts/practice.js):
every page with the sets it belongs to (its source, chapter and topics), so that a run over a
topic, a chapter or a source, a random question and the progress marks in lists need no other
request. Progress is kept under each page's permanent number (``qid``, the short link's), so a
page whose title, and so its URL, changes keeps its mark; a page without one (no registry) is
kept under its URL."""

from __future__ import annotations

import json

from ..enrich.tags import Vocabulary
from ..model import Document, Entry
from .markup import anchor


def page_url(path: str) -> str:
    """``genai-book/what-is-lora/``: the page's URL relative to the site's root (the generated
    folder is served from the root: tools/hooks/urls.py)."""
    return f"{path.removesuffix('.md')}/"


def key_of(entry: Entry) -> str:
    return f"q{entry.qid}" if entry.qid is not None else entry.path.removesuffix(".md")


def practice_data(documents: list[Document], vocabulary: Vocabulary | None, used: set[str]) -> dict:
    """Sources with their chapters, the topics in ``used``, and the pages in reading order
    (each as [key, url, title, source, chapter anchor or "", topic ids])."""
    sources, pages = [], []
    for document in documents:
        chapters = list(dict.fromkeys(e.chapter for e in document.entries if e.chapter))
        sources.append({"id": document.source.slug, "title": document.source.title,
                        "url": f"{document.source.slug}/",
                        "chapters": [[anchor(chapter), chapter] for chapter in chapters]})
        pages += [[key_of(e), page_url(e.path), e.title, document.source.slug,
                   anchor(e.chapter) if e.chapter else "", list(e.tags)] for e in document.entries]
    topics = [] if vocabulary is None else [
        {"id": t.id, "title": t.label, "url": f"topics/{t.id}/"} for t in vocabulary.tags if t.id in used]
    return {"sources": sources, "topics": topics, "pages": pages}


def practice_json(documents: list[Document], vocabulary: Vocabulary | None, used: set[str]) -> str:
    return json.dumps(practice_data(documents, vocabulary, used), ensure_ascii=False,
                      separators=(",", ":")) + "\n"
