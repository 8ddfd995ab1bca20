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
from dataclasses import dataclass

from ..blocks import plain_text
from ..model import Change, Entry
from ..normalise.fences import in_code

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
GONE = object()  # where a heading went: the blank line after it goes too


@dataclass(frozen=True)
class LabelRule:
    label: str  # the one label the answer gets ("Answer in Hinglish")
    labels: re.Pattern  # headings that are the document's label for the answer, "{n}" its number
    numbered: re.Pattern  # the question's own number before a heading's topic, "{n}" its number


def pattern_for(pattern: re.Pattern, number: int | None) -> re.Pattern:
    return re.compile(pattern.pattern.replace("{n}", str(number) if number is not None else r"\d+"), re.I)


LABEL = "the document's own label for the answer: one on a Hinglish page, none on an English one"
NUMBER = "the question's number before a heading's topic"
TITLE = "the page's title repeated as a heading"


def relabel(body: str, number: int | None, rule: LabelRule, title: str = "",
            hinglish: bool = True) -> tuple[str, list[tuple[str, str, str]]]:
    """The body with its answer labels made one (none on an English page, whose document may still
    say "Answer in Hinglish"), and each heading edited: (before, after or "" when it went, why)."""
    labels, numbered = pattern_for(rule.labels, number), pattern_for(rule.numbered, number)
    lines, edits, labelled = body.split("\n"), [], False
    code = in_code(lines)
    out = []
    for line, is_code in zip(lines, code):
        if not is_code and not line.strip() and out and out[-1] is GONE:
            continue  # the blank line after a heading that went
        found = None if is_code else HEADING.match(line)
        text = plain_text(found.group(2)).strip() if found else ""
        if not found or not (labels.match(text) or numbered.match(text)):
            out.append(line)
            continue
        topic = numbered.sub("", text, count=1).strip()
        if labels.match(text) or labels.match(topic) or not topic:
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
        span = range(start, min(end, len(lines)))
        holding = [i for i in span if words and words in plain_text(lines[i]).casefold()]
        line = next((i for i in holding if lines[i].lstrip().startswith("#")), holding[0] if holding else start)
        changes.append(Change(line, lines[line] if holding else before, after, why))
    return changes


def relabel_entry(entry: Entry, rule: LabelRule, lines, hinglish: bool) -> list[Change]:
    """The entry's answer relabelled (once its language is known); the changes to report."""
    entry.body, edits = relabel(entry.body, entry.number, rule, entry.title, hinglish)
    return label_changes(edits, lines, entry.start, entry.end)
