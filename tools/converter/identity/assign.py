"""Permanent numbers and stable paths, from the committed registry.

Runs once over all documents, after their paths are first assigned and before
the cross-link stage, which links pages by their final paths. Each entry is
matched to the record it was (``match``), keeps its number, and keeps its page
path while its title's slug is unchanged; new entries get the next numbers;
records left unmatched are removed entries, whose links lead to a page naming
the nearest questions still here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Document
from ..paths import assign_paths
from ..slugs import slugify
from .match import Print, match, nearest
from .registry import Record, Registry
from .rules import IdentityRules


@dataclass(frozen=True)
class Removed:
    record: Record
    nearest: tuple[str, ...]  # page paths (.md), most alike first


@dataclass(frozen=True)
class Identities:
    registry: Registry  # to write back
    removed: tuple[Removed, ...]


def keeps_slug(record: Record, source: str, title: str) -> bool:
    """An entry keeps its page while its title gives the same slug (``-2`` suffixes included)."""
    folder, _, slug = record.path.partition("/")
    base = slugify(title)
    return folder == source and (slug == base or re.fullmatch(re.escape(base) + r"-\d+", slug) is not None)


def history(was: tuple[str, ...], path: str) -> tuple[str, ...]:
    return tuple(p for p in dict.fromkeys(was) if p != path)


def identify(documents: list[Document], registry: Registry, rules: IdentityRules) -> Identities:
    """Each entry's permanent number (``qid``) and stable path, from the prints found per document."""
    live = [d for d in documents if not d.failed]
    places = [(d, i) for d in live for i in range(len(d.entries))]
    prints = [Print(d.source.slug, d.entries[i].path.removesuffix(".md"), *d.entries[i].features.prints)
              for d, i in places]
    failed = {d.source.slug for d in documents if d.failed}
    carried = [r for r in registry.entries if r.source in failed]  # a document that failed to read is not deleted
    candidates = [r for r in registry.entries if r.source not in failed] + list(registry.removed)
    found = match(candidates, prints, rules)
    at = {(id(d), i): k for k, (d, i) in enumerate(places)}
    for document in live:
        keep = {}
        for i, entry in enumerate(document.entries):
            record = found.get(at[id(document), i])
            if record is not None and keeps_slug(record, document.source.slug, entry.title):
                keep[i] = record.path.partition("/")[2]
        assign_paths(document, keep)
    number = registry.next
    records = list(carried)
    for k, (document, i) in enumerate(places):
        entry, record = document.entries[i], found.get(k)
        if record is None:
            qid, was = number, ()
            number += 1
        else:
            qid, was = record.n, record.was + (record.path,)
        document.entries[i] = replace(entry, qid=qid)
        path = entry.path.removesuffix(".md")
        records.append(Record(qid, path, prints[k].title, prints[k].answer, history(was, path)))
    matched = {r.n for r in found.values()}
    gone = [r for r in candidates if r.n not in matched]
    here = [Print(d.source.slug, d.entries[i].path, p.title, p.answer) for (d, i), p in zip(places, prints)]
    removed = tuple(Removed(r, tuple(nearest(r, here, rules))) for r in sorted(gone, key=lambda r: r.n))
    return Identities(Registry(number, tuple(sorted(records, key=lambda r: r.n)), tuple(x.record for x in removed)),
                      removed)
