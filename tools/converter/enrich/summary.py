"""An English summary for a page whose answer is in Hinglish, when nobody wrote one.

A reader who does not read Hinglish still gets the gist: the document's own
English summary when it has one ("In short, ...", a Summary or Conclusion
section written in English), then an automatic digest of the answer's sections
(``digest``), which says that it is automatic. Reviewed summaries written by
people replace both (``written``).
"""

from __future__ import annotations

import re
import textwrap

from ..markdown import code_lines, plain_text
from ..model import Summary
from .digest import digest, label_of, opens_section
from .language import LanguageRule, Unit, is_hinglish, units

DIGEST_LEAD = "The sections of the Hinglish answer, from its English labels and terms (automatic):"
DIGEST_ITEM = re.compile(r"^- (?:\*\*(?P<label>.+?)\*\*|Terms used)(?:: (?P<terms>.*))?$")

def standalone(unit: Unit) -> bool:
    label, rest = label_of(unit)
    return bool(label) and opens_section(unit, rest)


def own_summary(body: str, found: tuple[Unit, ...], rule: LanguageRule) -> str | None:
    lines = body.split("\n")
    for index, unit in enumerate(found):
        label, rest = label_of(unit)
        if not (label and opens_section(unit, rest) and rule.summary_labels.match(label)):
            continue
        section = []
        for later in found[index + 1:]:
            if standalone(later) and later.level <= unit.level:
                break
            section.append(later)
        if section and not any(is_hinglish(u.text, rule) for u in section):
            text = "\n".join(lines[section[0].start:section[-1].end])
            return textwrap.dedent(text).strip()
    for unit in found:
        if unit.kind == "paragraph" and rule.in_short.match(unit.text.strip()) and not is_hinglish(unit.text, rule):
            return textwrap.dedent("\n".join(lines[unit.start:unit.end])).strip()
    return None


def summary(body: str, rule: LanguageRule) -> Summary | None:
    found = units(body)
    own = own_summary(body, found, rule)
    built = digest(found, rule)
    if own:
        return Summary("own", own + (f"\n\n{DIGEST_LEAD}\n\n{built}" if built else ""))
    return Summary("digest", built) if built else None


CLAUSE_END = re.compile(r"[,;](?= [a-z])| (?=[—–] )")  # where a clause ends: a comma or a dash before more words
SHORTEST, LONGEST = 70, 200  # a description's length in characters: a link preview's line or two
TEX = re.compile(r"\$\$?(?!\d)([^$]+?)\$\$?")  # not a price: "$0.13"
TEX_COMMAND = re.compile(r"\\([A-Za-z]+|.)")
FORMULA_LEFT = re.compile("\u2063")
ENDS = re.compile(r"[.!?…]$")


def description(body: str, found_summary: Summary | None, title: str = "") -> str:
    """One or two complete sentences saying what the answer says, as plain text (no Markdown, no
    TeX), SHORTEST to LONGEST characters, for ``<meta name="description">`` and link previews:
    the answer's first sentences (a lead-in ending in a colon joined to what it leads to);
    Hinglish pages use their English summary; an answer with no prose (code alone) is described
    by its question (``title``), which also opens a description too short alone."""
    if found_summary is not None and found_summary.kind == "digest":
        text = digest_description(found_summary.markdown)
    else:
        source = found_summary.markdown if found_summary is not None else body
        text = opening(sentences(source))
    if len(text) < SHORTEST and title:
        text = f"{asked(title)} {text or without_prose(body)}"
    return shorten(text, LONGEST)


def asked(title: str) -> str:
    """The question (or a note's topic) as a sentence, to open a description too short without it."""
    question = re.sub(r"\s+", " ", plain_text(title)).strip()
    return question if ENDS.search(question) else question + "."


def sentences(markdown: str) -> list[str]:
    """The prose's sentences in order, as plain text; a list item's words end as a sentence."""
    found: list[str] = []
    last_end = 0
    for unit in units(markdown):
        text = TEX.sub(lambda m: formula(m.group(1)), plain_text(unit.text))
        text = re.sub(r"\s+", " ", text).strip()
        if unit.kind != "paragraph" or len(text.split()) < 3:
            continue
        if found and found[-1].endswith(":") and unit.start > last_end + 2:
            found[-1] = found[-1][:-1] + "."  # a lead-in to something other than prose (code, a table)
        for sentence in SENTENCE_END.split(text):
            if FORMULA_LEFT.search(sentence):
                continue  # a sentence around a formula that reads as nothing without it
            found.append(sentence if ENDS.search(sentence) or sentence.endswith(":") else sentence + ".")
        last_end = unit.end
    return found


def formula(tex: str) -> str:
    """An inline formula as text when it is a plain symbol or two ("A", "W_0"); a structured one
    (fractions, roots, sums) as a mark that drops its sentence (FORMULA_LEFT)."""
    if re.search(r"\\[A-Za-z]+\s*\{|[{}]", tex):
        return "\u2063"
    return TEX_COMMAND.sub(r"\1", tex).strip()


def opening(found: list[str]) -> str:
    """The first sentences, SHORTEST characters or more when they can be (never over LONGEST); a
    lead-in ("To reduce hallucination:") joined to the sentence after it."""
    text = ""
    for sentence in found:
        if text.endswith(":"):
            text = f"{text} {sentence}"
        elif not text:
            text = sentence
        elif len(text) < SHORTEST and len(text) + 1 + len(sentence) <= LONGEST:
            text = f"{text} {sentence}"
        else:
            break
    return text.removesuffix(":").rstrip() + ("." if text.endswith(":") else "")


def without_prose(body: str) -> str:
    """What an answer without sentences is: its code, a table, or something to see on the page."""
    if code_lines(body):
        return "The answer is worked code, to read, copy and run."
    if re.search(r"^\s*\|?\s*:?-{3,}", body, re.M):
        return "It is answered with a table, to read on the page."
    return "The answer is on the page."


def digest_description(markdown: str) -> str:
    """``An answer in Hinglish on A, B and C.``: the digest's sections, else the terms it lists."""
    found = [DIGEST_ITEM.match(line) for line in markdown.split("\n")]
    labels = [m.group("label") for m in found if m and m.group("label")]
    if not labels:
        labels = [t for m in found if m and m.group("terms") for t in m.group("terms").split(", ")][:8]
    labels = list(dict.fromkeys(plain_text(label).strip() for label in labels))
    if not labels:
        return ""
    listed = ", ".join(labels[:-1]) + (" and " if len(labels) > 1 else "") + labels[-1]
    return f"An answer in Hinglish on {listed}, with an English outline of its sections."


SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)\s+(?=[A-Z0-9\"“(])")


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of a written summary, for link previews (shortened past ``limit``)."""
    plain = re.sub(r"\s+", " ", plain_text(text)).strip()
    return shorten(SENTENCE_END.split(plain, maxsplit=1)[0], limit)


def shorten(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters: whole sentences when the first fits, else cut at a word."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept = f"{kept} {sentence}".strip()
    if len(kept) >= SHORTEST:
        return kept
    ends = [m.start() for m in CLAUSE_END.finditer(text[:limit - 1])
            if m.start() >= SHORTEST and text.count("(", 0, m.start()) == text.count(")", 0, m.start())]
    if ends:  # the sentence up to its first clause long enough (a later one may split a list)
        return text[:ends[0]].rstrip(",;: ") + "."
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
