"""Cross-link stage: related questions, duplicate groups, glossary links and backlinks.

Runs once over all documents, after every page has its final path: unlike the
stages before it, it needs the whole corpus. It fills the entries' ``related``,
``duplicates``, ``terms`` and ``linked_from``. Glossary terms must be
``glossary.resolved`` to their pages first.
"""

from __future__ import annotations

from collections import defaultdict

from ..enrich.language import HINGLISH, unmark
from ..model import Backlink, Document, Entry
from ..settings import Settings
from . import duplicates, glossary, related, similarity

__all__ = ["cross_link", "page_features", "pages_of"]


def page_features(document: Document, settings: Settings) -> None:
    """What cross-linking reads of each page alone (its words and word sequences, its first
    glossary mentions), found with the per-document stages: they run in parallel and are
    cached, so the steps across documents only compare."""
    for entry in document.entries:
        if settings.links is not None:
            text = similarity.prose(unmark(entry.body))
            entry.words = (tuple(similarity.tokens(entry.title, settings.links.stop_words)),
                           tuple(similarity.tokens(text, settings.links.stop_words)))
            entry.shingles = duplicates.shingles(text, settings.links.shingle)
        if settings.glossary is not None:
            entry.mentions = glossary.first_mentions(entry.body, settings.glossary)


def pages_of(entries: list[Entry]) -> list[related.Page]:
    """Words found by ``page_features`` come along; ``related.vectors`` finds them where missing."""
    return [related.Page(e.path, e.title, similarity.prose(unmark(e.body)),
                         tuple(t for t in e.tags if t != HINGLISH), e.words, e.shingles)
            for e in entries]


def cross_link(documents: list[Document], settings: Settings, workers: int = 1) -> None:
    """``workers``: processes for the related questions' scores, the one step here that grows
    with the square of the corpus."""
    entries = [e for d in documents if not d.failed for e in d.entries]
    if settings.links is not None and entries:
        pages = pages_of(entries)
        vectors = related.vectors(pages, settings.links)
        groups = duplicates.groups(pages, vectors, settings.links)
        exclude = {path: frozenset(g.members) for path, g in groups.items()}
        ranked = related.related(pages, settings.links, vectors, exclude, workers)
        for entry in entries:
            entry.duplicates = groups.get(entry.path)
            entry.related = ranked[entry.path]
    if settings.glossary is not None:
        known = {e.path for e in entries}
        for entry in entries:
            found = entry.mentions if entry.mentions is not None else \
                glossary.first_mentions(entry.body, settings.glossary)
            entry.terms = glossary.linkable(found, settings.glossary, entry.path, known)
    for entry, backlinks in zip(entries, backlinks_of(entries)):
        entry.linked_from = backlinks


def outgoing(entry: Entry) -> list[tuple[str, str]]:
    """(target path, via) for every link the page's cross-link sections and glossary make."""
    links = [(path, "related") for path in entry.related]
    if entry.duplicates is not None:
        links += [(path, "duplicate") for path in entry.duplicates.members if path != entry.path]
    links += [(link.target, f"glossary: {link.term}") for link in entry.terms]
    return links


def backlinks_of(entries: list[Entry]) -> list[tuple[Backlink, ...]]:
    """For each entry, the pages linking to it, in page order, each with every way it links."""
    order = {e.path: i for i, e in enumerate(entries)}
    incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for entry in entries:
        for target, via in outgoing(entry):
            incoming[target][entry.path].append(via)
    return [tuple(Backlink(path, tuple(vias)) for path, vias in sorted(incoming[e.path].items(),
                                                                        key=lambda item: order[item[0]]))
            for e in entries]
