"""The converter's stages in order for one document, and the checks across documents.

Pure: bytes in, data for ``emit`` to write out.
"""

from __future__ import annotations

from dataclasses import replace

from . import blocks as blocks_stage
from .clean import clean
from .dedupe import dedupe
from .enrich import enrich_document
from .identity.fingerprint import page_prints
from .identity.rules import IdentityRules
from .links import page_features
from .model import RESERVED_FOLDERS, Document, Source
from .settings import Settings
from .normalise import normalise_document
from .read import ReadError, decode
from .slugs import slugify
from .split import split


def convert_bytes(data: bytes, source: Source, settings: Settings) -> tuple[Document, tuple[str, ...]]:
    """One document through read, split and dedupe; returns it with its lines."""
    document = Document(source=source, pattern=None)
    if not source.configured:
        document.warnings.append("not listed in sources.yml: settings auto-detected")
    try:
        text, drops = decode(source.file, data, settings.max_line_length)
    except ReadError as err:
        document.warnings.append(str(err))
        document.failed = True
        return document, ()
    document.warnings += text.notes
    document.drops += drops
    text, cleaned = clean(text, settings)
    document.changes += cleaned.changes
    document.warnings += cleaned.warnings
    parsed, notes = blocks_stage.parse(text.lines)
    document.warnings += notes
    split(text, source, parsed, settings.drop_rules, set(settings.label_headings), document,
          settings.question_openers, settings.pointing_words)
    document.drops += cleaned.drops  # after the split: a cut sentence leaves the rest of its line on the page
    dedupe(document, text.lines)
    normalise_document(document, settings.style, text.lines)
    enrich_document(document, settings, text.lines)
    page_features(document, settings)
    page_prints(document, (settings.identity or IdentityRules()).stop_words)
    if not document.entries:
        document.warnings.append("nothing left to convert: no page could be made")
        document.failed = True
    assign_paths(document)
    document.drops.sort(key=lambda d: d.line)
    document.changes.sort(key=lambda c: c.line)
    return document, text.lines


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
    for i, entry in enumerate(document.entries):
        slug = claimed.get(i)
        if slug is None:
            base = slugify(entry.title)
            slug, n = base, 2
            while slug in used:
                slug, n = f"{base}-{n}", n + 1
            used.add(slug)
        set_path(document, entry, slug)


def set_path(document: Document, entry, slug: str) -> None:
    entry.slug = slug
    entry.path = f"{document.source.slug}/{slug}.md"


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
