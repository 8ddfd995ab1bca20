"""An English summary for a page whose answer is in Hinglish.

A reader who does not read Hinglish still gets the gist: the document's own
English summary when it has one ("In short, ...", a Summary or Conclusion
section written in English), otherwise an outline of the answer's English
headings and labels, which says that it is an outline.
"""

from __future__ import annotations

import re
import textwrap
from ..blocks import plain_text
from ..model import Summary
from .language import LanguageRule, Unit, is_hinglish, units

LABEL = re.compile(r"^\*\*(?P<label>[^*]+?)\*\*\s*:?\s*(?P<rest>.*)$", re.S)
OUTLINE_LIMIT = 24


def label_of(unit: Unit) -> str | None:
    """A heading's text, or the bold label a paragraph starts with (``**Privacy**: ...``)."""
    if unit.kind == "heading":
        return plain_text(unit.text).rstrip(":").strip()
    found = LABEL.match(unit.text.strip())
    if not found:
        return None
    return plain_text(found.group("label")).rstrip(":").strip() or None


def standalone(unit: Unit) -> bool:
    """A heading, or a paragraph that is only a bold label: it opens a section."""
    found = LABEL.match(unit.text.strip()) if unit.kind == "paragraph" else None
    return unit.kind == "heading" or bool(found and not found.group("rest").strip())


def own_summary(body: str, found: tuple[Unit, ...], rule: LanguageRule) -> str | None:
    lines = body.split("\n")
    for index, unit in enumerate(found):
        label = label_of(unit)
        if not (label and standalone(unit) and rule.summary_labels.match(label)):
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


def outline(found: tuple[Unit, ...], rule: LanguageRule) -> str | None:
    """Section labels at the top, the labels of their points nested under them."""
    items, section_open = [], False
    for unit in found:
        label = label_of(unit)
        if not label:
            continue
        opens_section = standalone(unit)
        if is_hinglish(label, rule) or rule.summary_labels.match(label) or rule.outline_skip.match(label):
            section_open = section_open and not opens_section
            continue
        nested = section_open and not opens_section
        section_open = section_open or opens_section
        items.append(("    - " if nested else "- ") + label)
        if len(items) == OUTLINE_LIMIT:
            break
    return "\n".join(items) or None


def summary(body: str, rule: LanguageRule) -> Summary | None:
    found = units(body)
    own = own_summary(body, found, rule)
    if own:
        return Summary("own", own)
    built = outline(found, rule)
    return Summary("outline", built) if built else None


def description(body: str, found_summary: Summary | None, limit: int = 160) -> str:
    """The answer's opening words as plain text, for ``<meta name="description">``
    and link previews; Hinglish pages use their English summary."""
    if found_summary is not None and found_summary.kind == "outline":
        labels = [plain_text(line.lstrip(" -")) for line in found_summary.markdown.split("\n") if line.startswith("-")]
        return shorten("Answer in Hinglish, covering " + ", ".join(labels) + ".", limit)
    source = found_summary.markdown if found_summary is not None else body
    for unit in units(source):
        text = plain_text(unit.text)
        if unit.kind == "paragraph" and len(text.split()) >= 5:
            return shorten(text, limit)
    return ""


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
