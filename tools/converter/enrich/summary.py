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
from ..markdown import plain_text
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


def description(body: str, found_summary: Summary | None, limit: int = 160) -> str:
    """The answer's opening words as plain text, for ``<meta name="description">``
    and link previews; Hinglish pages use their English summary."""
    if found_summary is not None and found_summary.kind == "digest":
        return shorten(digest_description(found_summary.markdown), limit)
    source = found_summary.markdown if found_summary is not None else body
    for unit in units(source):
        text = plain_text(unit.text)
        if unit.kind == "paragraph" and len(text.split()) >= 5:
            return shorten(text, limit)
    return ""


def digest_description(markdown: str) -> str:
    """``Answer in Hinglish on A, B and C.``: the digest's sections, else the terms it lists."""
    found = [DIGEST_ITEM.match(line) for line in markdown.split("\n")]
    labels = [m.group("label") for m in found if m and m.group("label")]
    if not labels:
        labels = [t for m in found if m and m.group("terms") for t in m.group("terms").split(", ")][:8]
    if not labels:
        return ""
    listed = ", ".join(labels[:-1]) + (" and " if len(labels) > 1 else "") + labels[-1]
    return f"Answer in Hinglish on {plain_text(listed)}."


SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)\s+(?=[A-Z0-9\"“(])")


def first_sentence(text: str, limit: int = 200) -> str:
    """The first sentence of a written summary, for link previews (shortened past ``limit``)."""
    plain = re.sub(r"\s+", " ", plain_text(text)).strip()
    return shorten(SENTENCE_END.split(plain, maxsplit=1)[0], limit)


def shorten(text: str, limit: int) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"
