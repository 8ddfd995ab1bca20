"""Blocks to entries: which markers are questions, where chapters start, and
which lines belong to which page.

Every non-blank line ends up in exactly one place: an entry's statement or
body, a chapter's title or introduction, or a ``Drop`` with its reason.
"""

from __future__ import annotations

import re
import textwrap
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from . import titles
from .markdown import plain_text
from .detect import BOLD_LINE, BY_NAME, heading_text, question_level
from .model import Block, Chapter, Document, Drop, DropRule, Entry, Marker, Source, Text
from .structure import decide

# A wrapper line holds only tags and the summary label; ``<details><summary>Show
# answer</summary>`` is usually written on one line.
DETAILS_LINE = re.compile(r"^\s*(?:(?:</?details[^>]*>|<summary[^>]*>.*?</summary>)\s*)+$", re.IGNORECASE)
WORD = re.compile(r"\w")


@dataclass
class Group:
    """A question marker with the repeats that were merged into it."""

    marker: Marker
    statement: str
    statement_end: int
    header: str = ""  # a repeated (usually bold) header that names the question
    drops: list[Drop] = field(default_factory=list)

    @property
    def line(self) -> int:
        return self.marker.line


def block_text(block: Block, lines) -> str:
    return "\n".join(lines[block.start:block.end])


def residue(blocks, lines, rules: tuple[DropRule, ...]) -> dict[int, str]:
    """Blocks that are not content (chatbot residue, promo lines): block start -> reason."""
    found = {}
    compiled = [(re.compile(r.pattern, re.IGNORECASE | re.DOTALL), r.reason) for r in rules]
    for block in blocks:
        text = " ".join(line.strip() for line in lines[block.start:block.end]).strip()
        text = re.sub(r"^#{1,6}\s+", "", text)
        for pattern, reason in compiled:
            if pattern.fullmatch(text):
                found[block.start] = reason
                break
    return found


def blank_between(lines, start: int, end: int, dropped: set[int]) -> bool:
    return all(not lines[i].strip() or i in dropped for i in range(start, end))


def accept(markers: list[Marker], strong: bool, lines, dropped: set[int]) -> list[Group]:
    """Walk the markers in order and keep the questions.

    A marker repeating the current question's number before any answer text is
    merged into it. Weak markers (numbered headings) must sit at the question
    level, repeat an earlier question, or continue the numbering (unless a later
    question-level heading takes that number).
    """
    level = question_level(markers)
    last_at_level = {m.number: i for i, m in enumerate(markers) if level and m.level and m.level <= level}
    groups: list[Group] = []
    seen: set[tuple[int | None, str]] = set()
    for index, marker in enumerate(markers):
        if marker.line in dropped:
            continue
        current = groups[-1] if groups else None
        if (current and marker.number is not None and marker.number == current.marker.number
                and blank_between(lines, current.statement_end, marker.line, dropped)):
            merge(current, marker)
            continue
        key = (marker.number, plain_text(marker.text).casefold())
        if not strong:
            expected = (current.marker.number or 0) + 1 if current else 1
            at_level = bool(marker.level and level and marker.level <= level)
            # a later question-level heading with this number is the real question;
            # a deeper '#### 2.' before it numbers a step inside the current answer
            claimed_later = last_at_level.get(marker.number, -1) > index
            if not (at_level or key in seen or (marker.number == expected and not claimed_later)):
                continue
        seen.add(key)
        groups.append(Group(marker, marker.text, marker.end, drops=repeat_drops(marker)))
    return groups


def repeat_drops(marker: Marker) -> list[Drop]:
    return [Drop(line, text, "repeated question marker") for line, text in marker.repeats]


def merge(group: Group, marker: Marker) -> None:
    """The same question marked twice (a '### Question 1:' heading, then the
    'Question 1: ...' paragraph, then maybe a bold '### **Question 1: Topic**')."""
    if not group.statement and marker.text:
        group.statement = marker.text
        group.drops.append(Drop(marker.line, marker.prefix, "repeated question marker"))
        group.drops += repeat_drops(marker)
        group.statement_end = marker.end
    elif marker.text and not group.header:
        group.header = marker.text  # stays in the body; may name a case study


def introduces(heading: Block, group: Group, lines, dropped: set[int]) -> bool:
    """Nothing but blank or dropped lines between the heading and the question: it labels the
    questions that follow ('### Intermediate') rather than closing the answer before it."""
    return blank_between(lines, heading.end, group.line, dropped)


def chapters_of(blocks, groups: list[Group], lines, dropped: set[int]) -> list[Chapter]:
    """Chapters are the section headings between questions: above the questions' level when they
    are headings (when they are not: '#' and '##', or a heading directly above a question), and
    up to the questions' level before a question that restarts the numbering at 1. Of the headings
    between two questions, not counting a label that leads into another ('Questions:'), the
    highest (the last of equals) starts the chapter, the deeper ones are its
    introduction; in a document that puts labels under its chapter headings ('## Basics',
    '### Easy'), a gap holding only a deeper label ('Advanced'), with numbering that goes on,
    starts a chapter named after both."""
    question_lines = {g.line for g in groups}
    levels = [g.marker.level for g in groups if g.marker.form == "heading"]
    top = min(levels) if levels else 3
    headings = [b for b in blocks if b.kind == "heading" and b.start not in question_lines
                and b.start not in dropped and plain_text(heading_text(b, lines))]
    if len(headings) > 1 and groups and headings[0].start < groups[0].line and (
            headings[0].level < min(h.level for h in headings[1:])):
        headings = headings[1:]  # the document's title, above a chapter
    chapters: list[Chapter] = []
    current: tuple[str, int, bool] | None = None  # the chapter's title, its level, whether a label follows it
    position = 0
    for group in groups:
        gap = []
        while position < len(headings) and headings[position].start < group.line:
            gap.append(headings[position])
            position += 1
        gap = [b for b in gap if b.level < top or (group.marker.number == 1 and b.level <= max(2, top))
               or (not levels and introduces(b, group, lines, dropped))]
        labels = [b for b in gap if plain_text(heading_text(b, lines)).endswith(":")]
        if len(labels) < len(gap):
            gap = [b for b in gap if b not in labels]  # 'List of questions:' leads into the chapter below it
        if not gap:
            continue
        chapter = min(gap, key=lambda b: (b.level, -b.start))
        title = titles.topic_title(heading_text(chapter, lines))
        if current and current[2] and chapter.level > current[1] and group.marker.number != 1:
            chapters.append(Chapter(f"{current[0]}: {title}", chapter.start))
            continue
        current = (title, chapter.level, any(b.start > chapter.start for b in gap))
        chapters.append(Chapter(title, chapter.start))
    if len(chapters) == 1 and groups and chapters[0].line < groups[0].line and (
            headings[0].level == 1 or not any(lines[i].strip() for i in range(chapters[0].line))):
        return []  # a lone heading above the first question is the document's title
    return chapters


def body_lines(lines, start: int, end: int, dropped: set[int], indent: int = 0,
               item_end: int | None = None) -> list[str]:
    out = []
    for index in range(start, end):
        if index in dropped:
            continue
        line = lines[index]
        if indent and item_end is not None and index < item_end:
            line = line[indent:] if line[:indent].strip() == "" else line.lstrip()
        out.append(line)
    return trim(out)


def trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def unwrap_details(start: int, end: int, lines, dropped: set[int]) -> list[Drop]:
    """An answer hidden in <details><summary>Show answer</summary>: the wrapper
    and its label are not content."""
    first = next((i for i in range(start, end) if lines[i].strip() and i not in dropped), None)
    if first is None or not lines[first].lstrip().lower().startswith("<details"):
        return []
    drops = []
    for index in range(first, end):
        if DETAILS_LINE.match(lines[index]):
            drops.append(Drop(index, lines[index].strip(), "collapsible-answer wrapper"))
            dropped.add(index)
            if lines[index].strip().lower() == "</details>":
                break
    return drops


def unwrap_summary(start: int, end: int, lines, dropped: set[int]) -> list[Drop]:
    """The question was the <summary>: the tags left around its answer are not content."""
    drops = [Drop(i, lines[i].strip(), "collapsible-answer wrapper") for i in range(start, end)
             if i not in dropped and DETAILS_LINE.match(lines[i])]
    dropped.update(d.line for d in drops)
    return drops


def drop_blocks(blocks, start: int, end: int, lines, reasons: dict[int, str], default: str) -> list[Drop]:
    drops = []
    for block in blocks:
        if start <= block.start < end:
            reason = reasons.get(block.start) or (
                "HTML banner before the first question" if block.kind == "html" else default)
            drops.append(Drop(block.start, block_text(block, lines), reason))
    return drops


def dropped_lines(document: Document, blocks, reasons: dict[int, str]) -> set[int]:
    """Lines no page may show: those read already dropped and residue blocks."""
    dropped = {d.line for d in document.drops}
    for block in blocks:
        if block.start in reasons:
            dropped.update(range(block.start, block.end))
    return dropped


def drop_preamble_and_residue(blocks, first: int, lines, reasons, default: str) -> list[Drop]:
    """Blocks before the first entry, and residue blocks anywhere after it."""
    return drop_blocks(blocks, 0, first, lines, reasons, default) + [
        Drop(b.start, block_text(b, lines), reasons[b.start])
        for b in blocks if b.start in reasons and b.start >= first]


def split_questions(text: Text, source: Source, blocks, markers: list[Marker], strong: bool,
                    reasons: dict[int, str], document: Document, pointers: frozenset[str] = frozenset()) -> None:
    lines = text.lines
    dropped = dropped_lines(document, blocks, reasons)
    groups = accept(markers, strong, lines, dropped)
    chapters = chapters_of(blocks, groups, lines, dropped)
    boundaries = sorted({g.line for g in groups} | {c.line for c in chapters} | {len(lines)})
    document.drops += drop_preamble_and_residue(blocks, boundaries[0], lines, reasons,
                                                "front matter before the first question")
    def end_of(line: int) -> int:
        return boundaries[bisect_right(boundaries, line)]

    for chapter in chapters:
        intro = "\n".join(body_lines(lines, chapter.line + 1, end_of(chapter.line), dropped))
        document.chapters.append(Chapter(chapter.title, chapter.line, intro))
    overrides = dict(source.titles)
    chapter_lines = [c.line for c in chapters]
    item_ends = {item.start: item.end for b in blocks for item in b.items}
    for group in groups:
        place = bisect_right(chapter_lines, group.line)
        current_chapter = chapters[place - 1].title if place else None
        end = end_of(group.line)
        marker = group.marker
        body_start = marker.body_start if marker.body_start is not None else group.statement_end
        for drop in group.drops:
            dropped.add(drop.line)
        document.drops += group.drops
        document.drops += (unwrap_summary(body_start, end, lines, dropped) if marker.form == "summary"
                           else unwrap_details(body_start, end, lines, dropped))
        body = body_lines(lines, body_start, end, dropped, marker.indent, item_ends.get(marker.line))
        if marker.form == "summary":  # an answer indented inside its <details>
            body = textwrap.dedent("\n".join(body)).split("\n")
        title = overrides.get(marker.number) or titles.derive(group.statement, group.header, pointers)
        entry = Entry("question", title, group.statement, "\n".join(body), marker.line, end,
                      marker.number, marker.prefix, current_chapter)
        if not WORD.search(entry.body):
            document.warnings.append(
                f"line {marker.line + 1}: question {title!r} has no answer: reported, no page")
            document.drops.append(Drop(marker.line, "\n".join(lines[marker.line:end]).strip(),
                                       "question without an answer"))
            continue
        document.entries.append(entry)


def normal_heading(text: str) -> str:
    return titles.topic_title(text).casefold()


BOLD_LEVEL = 7  # a whole-line bold paragraph ranks below every heading
TOPIC_NUMBER = re.compile(r"^\d{1,3}(\.[A-Za-z0-9]{1,3})*[.)]\s+")


def topic_candidates(blocks, lines) -> list[tuple[int, str, int]]:
    """Headings and whole-line bold paragraphs: (line, heading text, level)."""
    found = []
    for block in blocks:
        if block.kind == "heading":
            found.append((block.start, heading_text(block, lines), block.level))
        elif block.kind == "paragraph" and BOLD_LINE.match(lines[block.start]) and block.end == block.start + 1:
            found.append((block.start, lines[block.start].strip(), BOLD_LEVEL))
    return found


def is_document_title(first, rest, lines) -> bool:
    """The first heading names the document when no other heading is as high, or when it opens
    the document unnumbered above numbered headings of its level ('# Notes', '# 1. Basics')."""
    if first[2] < min(level for _, _, level in rest):
        return True
    peers = [text for _, text, level in rest if level == first[2]]
    at_top = not any(lines[i].strip() for i in range(first[0]))
    numbered = lambda text: bool(re.match(r"\d", titles.topic_title(text)))  # noqa: E731
    return at_top and not numbered(first[1]) and bool(peers) and numbered(peers[0])


def auto_topic_starts(candidates, labels: set[str], lines) -> list[tuple[int, str, str]]:
    """Topics of notes nobody configured: the highest headings under the document's title, not
    counting labels of a part ('Advantages', 'How it works:'); a topic's number is not its title."""
    kept = [(line, text, level) for line, text, level in candidates
            if re.search(r"[^\W\d_]", titles.topic_title(text)) and titles.topic_title(text).casefold() not in labels
            and not plain_text(text).rstrip(" *_").endswith(":")]
    headings = [c for c in kept if c[2] < BOLD_LEVEL] or kept
    if len(headings) > 1 and is_document_title(headings[0], headings[1:], lines):
        headings = headings[1:]
    if not headings:
        return []
    top = min(level for _, _, level in headings)
    starts: list[tuple[int, str, str]] = []
    for line, text, level in headings:
        title = TOPIC_NUMBER.sub("", titles.topic_title(text))
        if level != top or (starts and starts[-1][2].casefold() == title.casefold()):
            continue  # a part of the topic above, or the same topic headed twice in a row
        starts.append((line, text, title))
    return starts


def topic_starts(source: Source, candidates, labels: set[str], warnings: list[str], lines):
    """(line, heading, title) for each topic; from the hints when there are any."""
    if source.topics:
        starts = []
        position = -1
        for hint in source.topics:
            wanted = normal_heading(hint.heading)
            match = next(((line, text) for line, text, _ in candidates
                          if line > position and normal_heading(text) == wanted), None)
            if match is None:
                warnings.append(f"topic heading {hint.heading!r} from sources.yml not found")
                continue
            position = match[0]
            starts.append((match[0], match[1], hint.title or titles.topic_title(match[1])))
        return starts
    return auto_topic_starts(candidates, labels, lines)


UNANSWERED_WORDS = 15  # at most, in a closing line that asks and is never answered


def unanswered_close(blocks, start: int, end: int, lines, dropped: set[int], openers) -> Block | None:
    """A topic's last block when it is a one-line question nobody answered ('What is difference
    between TensorFlow and PyTorch.') below the topic's real content: not part of the topic."""
    inside = [b for b in blocks if start <= b.start < end and b.start not in dropped]
    if len(inside) < 2 or inside[-1].kind != "paragraph" or inside[-1].end - inside[-1].start != 1:
        return None
    words = lines[inside[-1].start].split()
    asking = bool(words) and words[0].casefold() in openers
    one_sentence = len(titles.sentences(" ".join(words))) == 1  # 'Why X? Because Y.' answers itself
    return inside[-1] if asking and one_sentence and len(words) <= UNANSWERED_WORDS else None


def split_topics(text: Text, source: Source, blocks, reasons, labels, document: Document,
                 openers: tuple[str, ...] = ()) -> None:
    lines = text.lines
    dropped = dropped_lines(document, blocks, reasons)
    starts = topic_starts(source, topic_candidates(blocks, lines), labels, document.warnings, lines)
    if not starts:
        starts = [(0, "", source.title)]
    boundaries = [s[0] for s in starts] + [len(lines)]
    document.drops += drop_preamble_and_residue(blocks, boundaries[0], lines, reasons,
                                                "front matter before the first topic")
    for (line, heading, title), end in zip(starts, boundaries[1:]):
        body_start = line + 1 if heading else line
        close = unanswered_close(blocks, body_start, end, lines, dropped, openers)
        if close is not None:
            document.drops.append(Drop(close.start, lines[close.start].strip(), "question without an answer"))
            dropped.add(close.start)
        body = "\n".join(body_lines(lines, body_start, end, dropped))
        if not heading and not WORD.search(body):
            continue  # nothing but dropped lines: no empty page
        statement = plain_text(heading) if heading else ""
        document.entries.append(Entry("topic", title, statement, body, line, end))


def own_title(document: Document, blocks, lines) -> str | None:
    """The heading a document opens with, when it starts no page or chapter: its title, better
    than a file name for a document nobody configured."""
    first = next((b for b in blocks if any(lines[i].strip() for i in range(b.start, b.end))), None)
    if first is None or first.kind != "heading" or first.level > 2 or any(
            e.start == first.start for e in document.entries) or any(c.line == first.start for c in document.chapters):
        return None
    title = titles.topic_title(heading_text(first, lines))
    return title if re.search(r"[^\W\d_]", title) else None


def split(text: Text, source: Source, blocks: list[Block], rules: tuple[DropRule, ...],
          labels: set[str], document: Document, openers: tuple[str, ...] = (),
          pointers: frozenset[str] = frozenset()) -> None:
    """Fill ``document`` with the entries, chapters and drops of ``text``: by the pattern its
    source names, or else by the structure that explains it best."""
    split_document(text, source, blocks, rules, labels, document, openers, pointers)
    if not source.configured and (title := own_title(document, blocks, text.lines)):
        document.source = replace(source, title=title)


def split_document(text: Text, source: Source, blocks: list[Block], rules: tuple[DropRule, ...],
                   labels: set[str], document: Document, openers: tuple[str, ...],
                   pointers: frozenset[str]) -> None:
    reasons = residue(blocks, text.lines, rules)
    if source.pattern == "topics":
        document.pattern = "topics"
        split_topics(text, source, blocks, reasons, labels, document, openers)
        return
    if source.pattern:
        detector = BY_NAME[source.pattern]
        document.pattern = detector.name
        split_questions(text, source, blocks, detector.find(blocks, text.lines), detector.strong, reasons,
                        document, pointers)
        return
    structure = decide(blocks, text.lines, openers)
    if structure is None:
        document.pattern = "topics"
        document.warnings.append("no question structure found: split into topics by headings")
        split_topics(text, source, blocks, reasons, labels, document, openers)
        return
    document.pattern = structure.shape.hint()
    document.structure, document.confidence = structure.description, structure.confidence
    if not structure.confident:
        document.warnings.append(
            f"questions found with low confidence ({structure.confidence:.0%}): {structure.description}; "
            f"if they are marked otherwise, name the pattern in sources.yml (pattern: {structure.shape.hint()} "
            f"is what was chosen)")
    split_questions(text, source, blocks, list(structure.markers), True, reasons, document, pointers)
