"""Cross-link stage: related questions, duplicate groups, glossary links and backlinks.

Runs once over all documents, after every page has its final path: unlike the
stages before it, it needs the whole corpus. It gives each entry its ``links``
(related, duplicates, glossary terms, linked from), from the ``features`` found
per document. Glossary terms must be ``glossary.resolved`` to their pages first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from ..enrich.language import HINGLISH, unmark
from ..model import Backlink, Document, Entry, Features, Links
from ..settings import Settings
from . import duplicates, glossary, related, similarity

__all__ = ["cross_link", "page_features", "pages_of"]


def page_features(entry: Entry, settings: Settings) -> Features:
    """What cross-linking reads of a page alone (its words and word sequences, its first
    glossary mentions), found with the per-document stages: they run in parallel and are
    cached, so the steps across documents only compare."""
    features = Features()
    if settings.links is not None:
        text = similarity.prose(unmark(entry.body))
        features = replace(features, words=(tuple(similarity.tokens(entry.title, settings.links.stop_words)),
                                             tuple(similarity.tokens(text, settings.links.stop_words))),
                           shingles=duplicates.shingles(text, settings.links.shingle))
    if settings.glossary is not None:
        features = replace(features, mentions=glossary.first_mentions(entry.body, settings.glossary))
    return features


def pages_of(entries: list[Entry]) -> list[related.Page]:
    return [related.Page(e.path, e.title, similarity.prose(unmark(e.body)), tuple(t for t in e.tags if t != HINGLISH),
                         e.features.words, e.features.shingles)
            for e in entries]


def cross_link(documents: list[Document], settings: Settings, workers: int = 1) -> None:
    """Each page's ``links``. ``workers``: processes for the related questions' scores, the one
    step here that grows with the square of the corpus."""
    live = [d for d in documents if not d.failed]
    entries = [e for d in live for e in d.entries]
    found = [Links() for _ in entries]
    if settings.links is not None and entries:
        pages = pages_of(entries)
        vectors = related.vectors(pages)
        groups = duplicates.groups(pages, vectors, settings.links)
        exclude = {path: frozenset(g.members) for path, g in groups.items()}
        ranked = related.related(pages, settings.links, vectors, exclude, workers)
        found = [replace(links, duplicates=groups.get(e.path), related=ranked[e.path])
                 for links, e in zip(found, entries)]
    if settings.glossary is not None:
        known = {e.path for e in entries}
        found = [replace(links, terms=glossary.linkable(e.features.mentions, settings.glossary, e.path, known))
                 for links, e in zip(found, entries)]
    found = [replace(links, linked_from=backlinks)
             for links, backlinks in zip(found, backlinks_of([e.path for e in entries], found))]
    at = iter(found)
    for document in live:
        document.entries = [replace(entry, links=next(at)) for entry in document.entries]


def outgoing(path: str, links: Links) -> list[tuple[str, str]]:
    """(target path, via) for every link the page's cross-link sections and glossary make."""
    found = [(target, "related") for target in links.related]
    if links.duplicates is not None:
        found += [(member, "duplicate") for member in links.duplicates.members if member != path]
    found += [(link.target, f"glossary: {link.term}") for link in links.terms]
    return found


def backlinks_of(paths: list[str], links: list[Links]) -> list[tuple[Backlink, ...]]:
    """For each page, the pages linking to it, in page order, each with every way it links."""
    order = {path: i for i, path in enumerate(paths)}
    incoming: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path, page_links in zip(paths, links):
        for target, via in outgoing(path, page_links):
            incoming[target][path].append(via)
    return [tuple(Backlink(source, tuple(vias)) for source, vias in sorted(incoming[path].items(),
                                                                            key=lambda item: order[item[0]]))
            for path in paths]
