"""Page paths: readable, unique, and never a folder the site itself uses."""

from __future__ import annotations

from dataclasses import replace

from .model import RESERVED_FOLDERS, Document
from .slugs import slugify


def assign_paths(document: Document, keep: dict[int, str] | None = None) -> None:
    """Readable, unique page paths: ``<source>/<title-slug>.md``.

    ``keep`` (entry index -> slug) are slugs the entries had before and may keep:
    they are claimed first, so a same-titled page inserted above cannot take them.
    """
    used: set[str] = {"index", "notebooks"}
    claimed: dict[int, str] = {}
    for i, slug in sorted((keep or {}).items()):
        if slug not in used:
            used.add(slug)
            claimed[i] = slug
    entries = []
    for i, entry in enumerate(document.entries):
        slug = claimed.get(i)
        if slug is None:
            base = slugify(entry.title)
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
        entries.append(replace(entry, slug=slug, path=f"{document.source.slug}/{slug}.md"))
    document.entries = entries


def distinct_sources(documents: list[Document]) -> None:
    """Two documents must not share a URL folder (two unconfigured files named alike),
    nor take one of the folders the site itself uses."""
    used: set[str] = set(RESERVED_FOLDERS)
    for document in documents:
        slug, n = document.source.slug, 2
        while slug in used:
            slug, n = f"{document.source.slug}-{n}", n + 1
        used.add(slug)
        if slug != document.source.slug:
            document.warnings.append(f"URL folder {document.source.slug!r} is taken: using {slug!r}")
            document.source = replace(document.source, slug=slug)
            assign_paths(document)
