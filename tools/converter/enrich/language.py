"""Which prose units of an answer are Hinglish, and whether the page is.

The unit is what a reader sees as one piece of text: a paragraph (one line or
one list item in this corpus) or a heading. A unit is Hinglish when Hindi
function words carry it; the word list and thresholds live in
``tools/data/language.yml`` and are measured against a labelled sample.
Marking writes an ``attr_list`` line so the HTML block carries ``lang="hi-Latn"``
(screen readers and hyphenation then treat it as Hindi in Latin script).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import Field

from ..markdown import tokens_of
from ..schema import Regex, Section, validated
from .english_labels import LabelWords
from .labels import LabelRule, label_rule

HINGLISH = "hinglish"
ENGLISH = "en"
LANG_ATTRIBUTE = '{: lang="hi-Latn" }'
WORD = re.compile(r"[a-z]+")
# no part runs over the bracket that would open another of its kind (linear on a line of "](")
NOT_PROSE = re.compile(r"`[^`]*`|\]\([^()\]]*\)|https?://\S+|\$[^$]*\$|<[^<>]+>")
MARKER = re.compile(r"\d{1,9}[.)]|[-*+]")


@dataclass(frozen=True)
class LanguageRule:
    markers: frozenset[str]
    min_markers: int = 2
    min_share: float = 0.15
    page_share: float = 0.5
    summary_labels: re.Pattern = re.compile(r"^(summary|conclusion|in short)\b", re.I)
    in_short: re.Pattern = re.compile(r"^in short\b", re.I)
    outline_skip: re.Pattern = re.compile(r"^answer\b", re.I)
    labels: LabelRule | None = None  # the document's own labels for an answer (enrich.labels)
    not_english: frozenset[str] = frozenset()  # Hindi words that are also English spellings ("se", "ho")
    label_words: LabelWords = field(default_factory=LabelWords, compare=False)  # Hinglish words of section labels in English (enrich.english_labels)


@dataclass(frozen=True)
class Unit:
    """A paragraph or heading of a page body: its lines and its text."""

    kind: str  # paragraph or heading
    start: int
    end: int
    text: str
    level: int = 0  # markdown-it nesting: 0 at top, deeper inside list items and quotes


class LabelWordsFile(Section):
    conjunctions: dict[str, str] = {}
    postpositions: dict[str, str] = {}
    possessives: list[str] = []
    objects: list[str] = []
    questions: dict[str, str] = {}
    verbs: list[str] = []
    copulas: list[str] = []
    words: dict[str, str] = {}


class LanguageFile(Section):
    """language.yml"""

    markers: list[str] = Field(min_length=1)
    min_markers: int = Field(2, ge=1)
    min_share: float = Field(0.15, gt=0, le=1)
    page_share: float = Field(0.5, gt=0, le=1)
    summary_labels: Regex | None = None
    in_short: Regex | None = None
    outline_skip: Regex | None = None
    answer_labels: Regex = "(?!)"
    numbered_label: Regex = "(?!)"
    answer_label: str = "Answer"
    not_english: list[str] = []
    label_words: LabelWordsFile = LabelWordsFile()


def rule_of(data: dict | None) -> LanguageRule:
    found = validated(LanguageFile, data, "language.yml")
    patterns = {key: re.compile(getattr(found, key), re.I)
                for key in ("summary_labels", "in_short", "outline_skip") if getattr(found, key)}
    words = found.label_words
    def lower(items) -> frozenset[str]:
        return frozenset(item.casefold() for item in items)
    def lowered(mapping: dict[str, str]) -> dict[str, str]:
        return {key.casefold(): value for key, value in mapping.items()}
    label_words = LabelWords(lowered(words.conjunctions), lowered(words.postpositions), lower(words.possessives),
                             lower(words.objects), lowered(words.questions), lower(words.verbs),
                             lower(words.copulas), lowered(words.words))
    labels = label_rule(found.answer_label, found.answer_labels, found.numbered_label)
    return LanguageRule(lower(found.markers), found.min_markers, found.min_share, found.page_share, labels=labels,
                        not_english=lower(found.not_english), label_words=label_words, **patterns)


@lru_cache(maxsize=4096)
def prose_words(text: str) -> tuple[str, ...]:
    """Words a reader reads as language: code spans, URLs, maths and link targets are not.
    Cached, as ``is_hinglish``: the page's language, its marks and its summary judge the same units."""
    text = NOT_PROSE.sub(" ", text)
    return tuple(WORD.findall(text.casefold()))


@lru_cache(maxsize=4096)
def is_hinglish(text: str, rule: LanguageRule) -> bool:
    words = prose_words(text)
    markers = sum(map(rule.markers.__contains__, words))
    return markers >= rule.min_markers or (markers > 0 and markers / len(words) >= rule.min_share)


@lru_cache(maxsize=16)
def units(body: str) -> tuple[Unit, ...]:
    """Paragraphs (also inside list items and quotes) and headings; tables and code are not prose.
    Cached: detection, summary, description and marking all read the same body."""
    found, opened = [], None
    for token in tokens_of(body):
        if token.type in ("paragraph_open", "heading_open") and token.map:
            opened = token
        elif token.type == "inline" and opened is not None:
            kind = "heading" if opened.type == "heading_open" else "paragraph"
            found.append(Unit(kind, opened.map[0], opened.map[1], token.content, opened.level))
            opened = None
        elif token.type in ("th_open", "td_open"):
            opened = None
    return tuple(found)


def page_language(body: str, rule: LanguageRule) -> tuple[str, float]:
    """The page's language and the share of its prose words in Hinglish units."""
    total = hinglish = 0
    for unit in units(body):
        count = len(prose_words(unit.text))
        total += count
        hinglish += count if is_hinglish(unit.text, rule) else 0
    share = hinglish / total if total else 0.0
    return (HINGLISH if total and share >= rule.page_share else ENGLISH), share


def mark(body: str, rule: LanguageRule) -> str:
    """The body with each Hinglish unit tagged for ``attr_list``."""
    lines = body.split("\n")
    after: dict[int, str] = {}
    for unit in units(body):
        if not is_hinglish(unit.text, rule):
            continue
        last = unit.end - 1
        if unit.kind == "heading":
            lines[unit.start] = lines[unit.start].rstrip() + " " + LANG_ATTRIBUTE
            continue
        content = unit.text.split("\n")[-1].strip()
        column = lines[last].rfind(content) if content else -1
        prefix = lines[last][:column] if column > 0 else re.match(r"[ >]*", lines[last]).group()
        after[last] = MARKER.sub(lambda m: " " * len(m.group()), prefix)
    out = []
    for number, line in enumerate(lines):
        out.append(line)
        if number in after:
            out.append(after[number] + LANG_ATTRIBUTE)
    return "\n".join(out)


def unmark(body: str) -> str:
    """The body without the marks ``mark`` added (for readers other than MkDocs)."""
    lines = [line for line in body.split("\n") if line.strip() != LANG_ATTRIBUTE]
    return "\n".join(lines).replace(" " + LANG_ATTRIBUTE, "")
