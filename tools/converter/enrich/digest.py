"""An automatic English digest of a Hinglish answer nobody has summarised yet.

Every section of the answer appears once, in order: its label in English
(``english_labels``) and the English terms and phrases its text uses, which a
Hinglish answer is full of ("labeled data", "model drift", "SHAP"). A label
the page repeats ("Example" under each point) says nothing on its own: its
terms join the section above it. Nothing is capped; the digest says it is
automatic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markdown import plain_text
from ..pdf_text import english as english_words
from .english_labels import english
from .language import LanguageRule, Unit, is_hinglish

LABEL = re.compile(r"^\*\*(?P<label>[^*]+?)\*\*\s*:?\s*(?P<rest>.*)$", re.S)
BREAK = re.compile(r"[,;:.!?()\[\]{}\"“”]|\s[-–—]\s")
TOKEN = re.compile(r"[A-Za-z][\w'’/+.-]*[\w+]|[A-Za-z]|\d[\w.%-]*")
TECHNICAL = re.compile(r"[A-Z].*[A-Z]|\d|[a-z][A-Z]|/")
EDGE_WORDS = frozenset("a an the to of and or in on for with by from as at is are be this that it its their "
                       "these those very more most also only just like such".split())


@dataclass(frozen=True)
class Section:
    """One line of the digest: a label (or none) and the terms of its text."""

    depth: int  # 0: a section of the answer, 1: a point inside one
    label: str
    terms: tuple[str, ...]


def is_english_word(word: str, rule: LanguageRule) -> bool:
    """Known to an English word list, or technical (``XGBoost``, ``GPT-3``); a hyphenated word
    when its parts are (``real-world``, not ``dheere-dheere``); never a Hindi word."""
    low = word.casefold()
    if low in rule.markers or low in rule.not_english:
        return False
    if "-" in word.strip("-"):
        parts = [part for part in word.split("-") if part]
        return all(is_english_word(part, rule) for part in parts)
    return bool(TECHNICAL.search(word)) or low in english_words()


def reads_as_hinglish(text: str, rule: LanguageRule) -> bool:
    """Hinglish by the page rule, or mostly words no English list knows ("Aage Badhna")."""
    words = TOKEN.findall(plain_text(text))
    english_share = sum(is_english_word(w, rule) for w in words) / len(words) if words else 1
    return is_hinglish(text, rule) or english_share < 0.5


def terms_in(text: str, rule: LanguageRule) -> list[str]:
    """The English phrases of a piece of Hinglish text, in order: runs of English words between
    Hindi ones, without the small words at their edges; one word only when it is technical."""
    found = []
    for piece in BREAK.split(plain_text(text)):
        run: list[str] = []
        for word in [*TOKEN.findall(piece), ""]:
            if word and is_english_word(word, rule):
                run.append(word)
                continue
            while run and run[0].casefold() in EDGE_WORDS:
                run.pop(0)
            while run and run[-1].casefold() in EDGE_WORDS:
                run.pop()
            if len(run) > 1 or (run and TECHNICAL.search(run[0])):
                found.append(" ".join(run))
            run = []
    return found


def label_of(unit: Unit) -> tuple[str | None, str]:
    """A heading's text or a paragraph's bold label, and the text after the label."""
    if unit.kind == "heading":
        return plain_text(unit.text).rstrip(":").strip(), ""
    found = LABEL.match(unit.text.strip())
    if not found:
        return None, unit.text
    return plain_text(found.group("label")).rstrip(":").strip() or None, found.group("rest")


def opens_section(unit: Unit, rest: str) -> bool:
    """A heading, or a paragraph that is only a bold label: it opens a section."""
    return unit.kind == "heading" or not rest.strip()


def sections(found: tuple[Unit, ...], rule: LanguageRule) -> list[Section]:
    """The answer's sections and points in order, labels in English, terms not yet de-duplicated."""
    out: list[Section] = []
    in_section = False
    for unit in found:
        label, rest = label_of(unit)
        if label and rule.outline_skip.match(label):
            in_section = False
            label = None
        if label:
            opens = opens_section(unit, rest)
            english_label = english(label, rule.label_words, lambda t: reads_as_hinglish(t, rule), rule.markers)
            out.append(Section(0 if opens or not in_section else 1, english_label, tuple(terms_in(rest, rule))))
            in_section = in_section or opens
        elif out:
            out[-1] = Section(out[-1].depth, out[-1].label, out[-1].terms + tuple(terms_in(rest, rule)))
        else:
            out.append(Section(0, "", tuple(terms_in(rest, rule))))
    return out


def merged(found: list[Section]) -> list[Section]:
    """A label the page repeats gives its terms to the section above it; each term appears once."""
    counts: dict[str, int] = {}
    for section in found:
        counts[section.label.casefold()] = counts.get(section.label.casefold(), 0) + 1
    out: list[Section] = []
    seen: set[str] = set()
    for section in found:
        terms = tuple(t for t in dict.fromkeys(section.terms) if t.casefold() not in seen)
        seen.update(t.casefold() for t in terms)
        if section.label and counts[section.label.casefold()] > 1 and out:
            parent = out[-1]
            out[-1] = Section(parent.depth, parent.label, parent.terms + terms)
        elif section.label or terms:
            out.append(Section(section.depth, section.label, terms))
    return out


def digest(found: tuple[Unit, ...], rule: LanguageRule) -> str | None:
    lines = []
    found_sections = merged(sections(found, rule))
    for section in found_sections:
        indent = "    " * section.depth
        label = f"**{section.label}**" if section.label else "Opening" if len(found_sections) > 1 else "Terms used"
        lines.append(f"{indent}- {label}" + (": " + ", ".join(section.terms) if section.terms else ""))
    return "\n".join(lines) or None
