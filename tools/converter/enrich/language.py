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

from ..normalise.layout import tokens_of
from .english_labels import LabelWords, label_words_of
from .labels import LabelRule

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


def rule_of(data: dict) -> LanguageRule:
    markers = frozenset(str(word).casefold() for word in data.get("markers") or ())
    if not markers:
        raise ValueError("language.yml: markers is empty")
    patterns = {}
    for key in ("summary_labels", "in_short", "outline_skip"):
        if data.get(key):
            try:
                patterns[key] = re.compile(str(data[key]), re.I)
            except re.error as err:
                raise ValueError(f"language.yml: {key}: {err}") from err
    for key in ("answer_labels", "numbered_label"):
        try:
            patterns[key] = re.compile(str(data.get(key) or "(?!)"), re.I)
        except re.error as err:
            raise ValueError(f"language.yml: {key}: {err}") from err
    labels = LabelRule(str(data.get("answer_label") or "Answer"), patterns.pop("answer_labels"),
                       patterns.pop("numbered_label"))
    return LanguageRule(markers, int(data.get("min_markers", 2)), float(data.get("min_share", 0.15)),
                        float(data.get("page_share", 0.5)), labels=labels,
                        not_english=frozenset(str(w).casefold() for w in data.get("not_english") or ()),
                        label_words=label_words_of(data.get("label_words")), **patterns)


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
