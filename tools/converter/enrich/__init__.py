"""Enrich stage: in which language each answer is, its English summary, its tags.

Runs per document after normalise; the marks that give Hinglish blocks their
``lang`` attribute are written last, so that no other step reads them.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Document
from ..settings import Settings
from . import language, summary, tags
from .labels import relabel_entry


def enrich_document(document: Document, settings: Settings, lines=()) -> None:
    entries = []
    for entry in document.entries:
        if settings.language is not None:
            entry = replace(entry, language=language.page_language(entry.body, settings.language)[0])
            if settings.language.labels is not None:
                entry, changes = relabel_entry(entry, settings.language.labels, lines,
                                               entry.language == language.HINGLISH)
                document.changes += changes
            if entry.language == language.HINGLISH:
                entry = replace(entry, summary=summary.summary(entry.body, settings.language))
        entry = replace(entry, description=summary.description(entry.body, entry.summary, entry.title))
        if settings.vocabulary is not None:
            entry = replace(entry, tags=tags.assign(entry.title, entry.body, document.source.slug, entry.chapter,
                                                    entry.language, settings.vocabulary))
        if settings.language is not None:
            entry = replace(entry, body=language.mark(entry.body, settings.language))
        entries.append(entry)
    document.entries = entries
