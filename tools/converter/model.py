"""The document model every pipeline stage reads and returns.

Line numbers are 0-based and end-exclusive inside the pipeline (they index
``Text.lines``); they become 1-based and inclusive only in reports and pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np


# Folders of the site's own pages and files: no source, short link or earlier page may take one
RESERVED_FOLDERS = ("topics", "home", "glossary", "q", "assets", "search", "pagefind", "practice", "cards")

@dataclass(frozen=True)
class Attribution:
    author: str | None = None
    origin: str | None = None


@dataclass(frozen=True)
class TopicHint:
    """One topic start in a notes document: the heading text as written, and
    the title its page gets (defaults to the heading)."""

    heading: str
    title: str | None = None


@dataclass(frozen=True)
class Source:
    """A raw document's settings from ``sources.yml`` (or auto-detected ones)."""

    file: str
    slug: str
    title: str
    attribution: Attribution = Attribution()
    pattern: str | None = None  # a detector name, "topics", or None = auto
    topics: tuple[TopicHint, ...] = ()
    titles: tuple[tuple[int, str], ...] = ()  # (original number, title) overrides
    configured: bool = True
    note: str = ""  # where the text comes from, shown on the source's index page
    shelf: str = ""  # the group it is listed under in a library too long to list flat


@dataclass(frozen=True)
class Library:
    """How the navigation lists the sources: flat while there are at most ``flat_up_to``,
    else by shelf, in ``shelves`` order, with unshelved sources last under ``other``."""

    shelves: tuple[str, ...] = ()
    flat_up_to: int = 12
    other: str = "Other sources"


@dataclass(frozen=True)
class DropRule:
    """A block whose whole text matches ``pattern`` is not content."""

    pattern: str
    reason: str


@dataclass(frozen=True)
class Erratum:
    """An editor's fix, applied wherever ``find`` occurs exactly in the named files.

    ``find`` and ``replace`` hold the same number of line breaks, so line numbers
    stay valid for every later stage.
    """

    find: str
    replace: str
    files: tuple[str, ...]
    reason: str = "erratum"


@dataclass(frozen=True)
class Style:
    """How the normalise stage recognises what the author meant (from cleanup.yml)."""

    sentence_heading_starts: tuple[str, ...] = ()  # a heading opening so is a sentence
    sentence_heading_ends: tuple[str, ...] = ()  # ... or ending so (before its colon)
    code_languages: tuple[tuple[str, str], ...] = ()  # (language, regex a line of it matches)


@dataclass(frozen=True)
class Text:
    """A decoded document: its lines (no line ends) and what reading noticed."""

    file: str
    lines: tuple[str, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListItem:
    start: int
    end: int
    content_indent: int


@dataclass(frozen=True)
class Block:
    """A top-level Markdown block and the lines it spans."""

    kind: str  # heading, paragraph, bullet_list, ordered_list, fence, code, html, hr, table, blockquote
    start: int
    end: int
    level: int = 0  # heading level
    items: tuple[ListItem, ...] = ()


@dataclass(frozen=True)
class Marker:
    """Where a question (or topic) starts, as a detector saw it.

    ``text`` is the statement after the marker (inline Markdown, may be empty);
    ``prefix`` is the marker as written (``Q12.``, ``Question 5:``, ``12.``);
    the statement spans lines ``line``..``end``.
    """

    line: int
    end: int
    number: int | None
    text: str
    prefix: str
    form: str  # heading, bold, paragraph, list_item
    level: int = 0
    indent: int = 0
    body_start: int | None = None  # first body line when the body starts inside the marker's block
    repeats: tuple[tuple[int, str], ...] = ()  # (line, text) of the marker written again


@dataclass(frozen=True)
class Drop:
    line: int  # 0-based first line
    text: str
    reason: str


@dataclass(frozen=True)
class Change:
    """Text replaced in place (mojibake, an erratum): the line as it was and as it is."""

    line: int
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Chapter:
    title: str
    line: int
    intro: str = ""


@dataclass(frozen=True)
class Summary:
    """An English summary shown above a Hinglish answer."""

    kind: str  # "written", "stale": summaries.yml; "own": the document's own words; "digest": automatic
    markdown: str


@dataclass(frozen=True)
class Written:
    """One reviewed summary (summaries.yml): what a reader who knows no Hindi is told the answer says."""

    qid: int
    answer: str  # the fingerprint of the answer it was written for
    summary: str = ""
    title: str | None = None  # a title that stands on its own, where the document's needs its context


@dataclass(frozen=True)
class DuplicateGroup:
    """Pages with the same answer (or the same question): one canonical page, the others
    versions of it. Every member holds the same group, so the banners agree."""

    canonical: str  # page path
    members: tuple[str, ...]  # page paths, canonical first
    reason: str  # what they share, as measured ("same answer: 100% of word 5-grams")


@dataclass(frozen=True)
class TermLink:
    """A glossary term's first mention on a page, linked to the page that defines it."""

    offset: int  # in the entry's body
    length: int
    term: str
    target: str  # page path
    definition: str = ""  # the glossary's one sentence: the link's tooltip


@dataclass(frozen=True)
class Mention:
    """A glossary term's first mention on a page, before it is known whether it can be linked."""

    offset: int  # in the entry's body
    length: int
    term: str


@dataclass(frozen=True)
class Backlink:
    """A page that links to this one, and through what."""

    path: str
    via: tuple[str, ...]  # "related", "duplicate", "glossary: <term>"


@dataclass(frozen=True)
class Features:
    """What the later steps read of one page alone, found with the per-document stages (in
    parallel, and cached with the document), so the steps across documents only compare and
    the emitter only writes. Made by ``pipeline.features_of`` for every page."""

    words: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # title's and answer's words (links.similarity)
    shingles: np.ndarray | None = field(default=None, compare=False)  # answer's word sequences (links.duplicates)
    mentions: tuple[Mention, ...] = ()  # first mention of each glossary term
    prints: tuple[str, str] = ("", "")  # title and answer fingerprints (identity.fingerprint)
    # heading ids (emit.anchors.text_free_ids); None where an id depends on its section's text,
    # which the glossary links change: those are found on the final text, when the page is written
    anchors: tuple[tuple[int, str, bool], ...] | None = None
    cells: tuple[tuple[str, str], ...] = ()  # notebook cells ("code" or "markdown", text)


@dataclass(frozen=True)
class Links:
    """A page's place among all pages, found by the cross-link step."""

    related: tuple[str, ...] = ()  # page paths, most related first
    duplicates: DuplicateGroup | None = None
    terms: tuple[TermLink, ...] = ()  # glossary links, in body order
    linked_from: tuple[Backlink, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One page: a question with its answer, or one topic of a notes document. Frozen: each
    step returns new entries (``dataclasses.replace``) with the fields it owns."""

    kind: str  # question or topic
    title: str
    statement: str
    body: str
    start: int
    end: int
    number: int | None = None  # as numbered in the document; may change when it is edited
    prefix: str = ""
    chapter: str | None = None
    slug: str = ""
    path: str = ""
    language: str = "en"  # or "hinglish": the answer is mainly Hinglish
    summary: Summary | None = None
    description: str = ""  # one or two plain sentences for link previews
    tags: tuple[str, ...] = ()  # tag ids from tags.yml
    qid: int | None = None  # permanent number from the registry: the short link /q/<qid>/
    features: Features = Features()
    links: Links = Links()


@dataclass
class Document:
    """What the pipeline knows about one raw document once it has been split."""

    source: Source
    pattern: str | None
    structure: str = ""  # for a document nobody configured: what was chosen, on what evidence
    confidence: float | None = None  # of that choice, 0.5 (a coin toss) to 1
    entries: list[Entry] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    drops: list[Drop] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: bool = False
