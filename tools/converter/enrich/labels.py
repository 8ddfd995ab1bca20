"""The document's own labels inside an answer, made into one plain label.

Bilingual documents head an answer with their numbering and a label
("Question 18 ka Samjhawa (Hinglish mein)", then "Answer in Hinglish"): the
reader sees the question's number twice and the page's outline starts with
labels, not content. The first such heading becomes one label (``answer_label``
in language.yml), later ones go; a heading that only repeats the question's
number before its topic ("Question 26: Gemma") keeps the topic. Each edit is a
change in the report, at the line it was read from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..markdown import plain_text
from ..model import Change, Entry
from ..normalise.fences import in_code

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
GONE = object()  # where a heading went: the blank line after it goes too


@dataclass(frozen=True)
class LabelRule:
    label: str  # the one label the answer gets ("Answer in Hinglish")
    labels: re.Pattern  # headings that are the document's label for the answer; group "n": a number
    numbered: re.Pattern  # a question's number before a heading's topic; group "n": the number


def label_rule(label: str, labels: str, numbered: str) -> LabelRule:
    """The rule from language.yml's patterns, where ``{n}`` stands for a question's number:
    compiled once, the number a group that each entry compares with its own."""
    def compiled(pattern: str) -> re.Pattern:
        return re.compile(pattern.replace("{n}", r"(?P<n>\d+)"), re.I)
    return LabelRule(label, compiled(labels), compiled(numbered))


def own(pattern: re.Pattern, text: str, number: int | None) -> re.Match | None:
    """A match of ``pattern`` at the start of ``text`` whose number, when it names one, is ``number``."""
    found = pattern.match(text)
    named = found.groupdict().get("n") if found else None
    return found if found and (named is None or number is None or int(named) == number) else None


LABEL = "the document's own label for the answer: one on a Hinglish page, none on an English one"
NUMBER = "the question's number before a heading's topic"
TITLE = "the page's title repeated as a heading"


def relabel(body: str, number: int | None, rule: LabelRule, title: str = "",
            hinglish: bool = True) -> tuple[str, list[tuple[str, str, str]]]:
    """The body with its answer labels made one (none on an English page, whose document may still
    say "Answer in Hinglish"), and each heading edited: (before, after or "" when it went, why)."""
    lines, edits, labelled = body.split("\n"), [], False
    code = in_code(lines)
    out = []
    for line, is_code in zip(lines, code):
        if not is_code and not line.strip() and out and out[-1] is GONE:
            continue  # the blank line after a heading that went
        found = None if is_code else HEADING.match(line)
        text = plain_text(found.group(2)).strip() if found else ""
        label, numbered = own(rule.labels, text, number), own(rule.numbered, text, number)
        if not found or not (label or numbered):
            out.append(line)
            continue
        topic = text[numbered.end():].strip() if numbered else text
        if label or own(rule.labels, topic, number) or not topic:
            after, why = ("" if labelled or not hinglish else f"{found.group(1)} {rule.label}"), LABEL
            labelled = True
        elif topic.casefold() == title.casefold():
            after, why = "", TITLE
        else:
            after, why = f"{found.group(1)} {topic}", NUMBER
        if after.strip() != line.strip():
            edits.append((line, after, why))
        out.append(after or GONE)
    return "\n".join(line for line in out if line is not GONE), edits


def label_changes(edits: list[tuple[str, str, str]], lines, start: int, end: int) -> list[Change]:
    """Each edit as a change at the raw line whose words the heading held."""
    changes = []
    for before, after, why in edits:
        words = plain_text(HEADING.sub(r"\2", before)).strip().rstrip(":").casefold()
        first = words.split()[0] if words else ""  # a cheap look before the parse
        span = range(start, min(end, len(lines)))
        holding = [i for i in span if first and first in lines[i].casefold() and words in plain_text(lines[i]).casefold()]
        line = next((i for i in holding if lines[i].lstrip().startswith("#")), holding[0] if holding else start)
        changes.append(Change(line, lines[line] if holding else before, after, why))
    return changes


def relabel_entry(entry: Entry, rule: LabelRule, lines, hinglish: bool) -> tuple[Entry, list[Change]]:
    """The entry with its answer relabelled (once its language is known), and the changes to report."""
    body, edits = relabel(entry.body, entry.number, rule, entry.title, hinglish)
    return replace(entry, body=body), label_changes(edits, lines, entry.start, entry.end)
