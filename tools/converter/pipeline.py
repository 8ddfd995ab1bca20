"""The converter's steps, in order, in three phases (Quartz's transformers, filters and
emitters are the model). Pure: bytes in, files out; ``cli`` does the reading and writing.

1. Per document (``convert_bytes``: pure, cached by content, run in parallel):
   read → clean → blocks → split → dedupe → normalise → enrich → features (what the later
   steps read of each page alone: words, word sequences, glossary mentions, fingerprints,
   heading ids, notebook cells) → page paths.
2. Across documents (``link_documents``), after the command line has given every source a
   folder of its own and copied the pictures: identity (permanent numbers and stable paths)
   → written English summaries → glossary targets → cross-links (related questions,
   duplicate groups, glossary links, backlinks).
3. Emit (``emitted``): every page, index, navigation file and short link, report.json, and the
   link-preview cards to draw (the command line draws those it has not kept from a run before).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import blocks as blocks_stage
from . import emit
from .clean import clean
from .dedupe import dedupe
from .enrich import enrich_document
from .enrich.language import unmark
from .enrich.written import Review, apply_written
from .identity.assign import Identities, identify
from .identity.fingerprint import entry_prints
from .identity.registry import Registry
from .identity.rules import IdentityRules
from .links import cross_link, page_features
from .links.glossary import resolved
from .model import Document, Entry, Features, Source
from .normalise import normalise_document
from .notebooks import page_cells
from .paths import assign_paths
from .read import ReadError, decode
from .settings import Settings
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
    document.entries = [replace(entry, features=features_of(entry, settings)) for entry in document.entries]
    if not document.entries:
        document.warnings.append("nothing left to convert: no page could be made")
        document.failed = True
    assign_paths(document)
    document.drops.sort(key=lambda d: d.line)
    document.changes.sort(key=lambda c: c.line)
    return document, text.lines


def features_of(entry: Entry, settings: Settings) -> Features:
    """What the steps across documents and the emitter read of one page alone: found here, with
    the per-document steps, so that they run in parallel and are cached with the document."""
    return replace(page_features(entry, settings),
                   prints=entry_prints(entry, (settings.identity or IdentityRules()).stop_words),
                   anchors=emit.page_anchors(entry), cells=page_cells(entry.title, unmark(entry.body)))


@dataclass(frozen=True)
class Linked:
    """What the steps across documents found: the permanent numbers, the written summaries'
    review, the settings with the glossary's targets resolved, and warnings to print."""

    identities: Identities
    review: Review
    settings: Settings
    warnings: tuple[str, ...] = ()


def link_documents(documents: list[Document], registry: Registry, settings: Settings, workers: int = 1) -> Linked:
    identities = identify(documents, registry, settings.identity or IdentityRules())
    review = apply_written(documents, settings.written)
    warnings = review.warnings()
    if settings.glossary is not None:
        glossary, unresolved = resolved(settings.glossary, {e.qid: e.path for d in documents for e in d.entries})
        settings = replace(settings, glossary=glossary)
        warnings += unresolved
    cross_link(documents, settings, workers)
    return Linked(identities, review, settings, tuple(warnings))


def emitted(documents: list[Document], linked: Linked, workers: int = 1
            ) -> tuple[dict[str, str], dict, dict[str, emit.Card]]:
    """Every generated file by its path, the report, and the link-preview cards to draw by file."""
    files = emit.files_for(documents, linked.settings, linked.identities, workers)
    return files, emit.report(documents, linked.review.as_report()), emit.preview_cards(documents, linked.settings)
