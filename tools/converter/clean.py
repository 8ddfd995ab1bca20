"""Text-level repairs before any structure is read: mojibake, errata, PDF page
footers, chatbot sentences and unsafe HTML.

Every pass keeps the number of lines, so line numbers stay those of the raw
document, and reports what it took out (a ``Drop``) or replaced (a ``Change``).
Running before the split means titles get the repairs too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import ftfy

from .model import Change, Drop, DropRule, Erratum, Text
from .settings import Settings
from .pdf_text import english, pdf_repairs, repaired
from .sanitise import code_lines, masked, sanitise


@dataclass
class Cleaned:
    """The lines as repaired so far; ``raw`` keeps them as read, so each change
    quotes the original line even when two repairs touch it."""

    raw: tuple[str, ...]
    lines: list[str]
    drops: list[Drop] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def fix_mojibake(cleaned: Cleaned) -> None:
    """UTF-8 that was read as cp1252 somewhere upstream (``â‰¤`` for ``≤``)."""
    for index, line in enumerate(cleaned.lines):
        if line.isascii():
            continue
        fixed = ftfy.fix_encoding(line)
        if fixed != line:
            cleaned.changes.append(Change(index, line, fixed, "mojibake repaired"))
            cleaned.lines[index] = fixed


def apply_errata(cleaned: Cleaned, file: str, errata: tuple[Erratum, ...]) -> None:
    """Exact replacements; one that matches nothing is reported, since the text it
    fixed has changed and the erratum may now be wrong or useless."""
    for erratum in errata:
        if file not in erratum.files:
            continue
        text = "\n".join(cleaned.lines)
        hits = [m.start() for m in re.finditer(re.escape(erratum.find), text)]
        if not hits:
            cleaned.warnings.append(f"erratum {erratum.find!r} no longer matches anything: remove or update it")
            continue
        starts = {text.count("\n", 0, position) for position in hits}
        span = erratum.find.count("\n") + 1
        cleaned.lines = text.replace(erratum.find, erratum.replace).split("\n")
        for line in sorted(starts):
            after = "\n".join(cleaned.lines[line:line + span])
            before = "\n".join(cleaned.raw[line:line + span])
            cleaned.changes.append(Change(line, before, after, f"{erratum.reason}: {erratum.find!r} → {erratum.replace!r}"))


def drop_footers(cleaned: Cleaned, footer: str | None) -> None:
    if not footer:
        return
    pattern = re.compile(footer)
    for index, line in enumerate(cleaned.lines):
        if pattern.fullmatch(line.strip()):
            cleaned.drops.append(Drop(index, line.strip(), "PDF page footer"))
            cleaned.lines[index] = ""


def drop_sentences(cleaned: Cleaned, rules: tuple[DropRule, ...]) -> None:
    """Chatbot sentences inside a paragraph of real content; the rest of the line stays."""
    compiled = [(re.compile(r.pattern, re.IGNORECASE), r.reason) for r in rules]
    for index, line in enumerate(cleaned.lines):
        for pattern, reason in compiled:
            found = pattern.search(line)
            if not found:
                continue
            cleaned.drops.append(Drop(index, found.group(0).strip(), reason))
            head, tail = line[:found.start()], line[found.end():].lstrip()
            if tail and (not re.search(r"\w", head) or head.rstrip().endswith((":", ".", "!", "?"))):
                # the cut opened the sentence (or the list item, or what follows a label such as 'Ans:')
                tail = tail[0].upper() + tail[1:]
            line = head.rstrip() + " " + tail if head.strip() else head + tail
            cleaned.lines[index] = line.rstrip()


# a line's run of container markers: list items (`- `, `1. `) and quotes (`>`)
CONTAINERS = re.compile(r"^([ \t]*)((?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]*)+)")
MARKER = re.compile(r"([-*+]|\d{1,9}[.)]|>)([ \t]*)")
INDENT_PER_LEVEL = 4  # the layout pass writes 4 spaces a list level
THEMATIC_BREAK = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # `- - - - -` is a rule, not lists


def flatten_nesting(cleaned: Cleaned, limit: int) -> None:
    """Lists and quotes nested more than ``limit`` deep, on one line or by indentation, brought
    back to ``limit``: the markers past it are escaped (``\\-``) and stay as text, and an indent
    past ``limit`` levels is cut to it. Python-Markdown nests by recursion and would stop the
    build with a RecursionError (at a few hundred levels, fewer once the layout pass has
    indented them). An indent counts wherever it is, after a quote's ``>`` too; code is left alone."""
    widest = limit * INDENT_PER_LEVEL
    code: set[int] | None = None  # found only when a line is too deep: most documents have none

    def capped(space: str) -> str:
        return space if len(space.expandtabs(INDENT_PER_LEVEL)) <= widest else " " * widest
    for index, line in enumerate(cleaned.lines):
        found = CONTAINERS.match(line)
        if not found or THEMATIC_BREAK.match(line):
            continue
        indent, run = found.groups()
        markers = MARKER.findall(run)
        spaces = [indent, *(space for _, space in markers)]
        if len(markers) <= limit and all(capped(space) == space for space in spaces):
            continue
        code = code_lines(cleaned.lines) if code is None else code
        if index in code:
            continue
        kept = "".join(marker + capped(space) for marker, space in markers[:limit])
        escaped = "".join(f"{marker[:-1]}\\{marker[-1]}{capped(space)}" for marker, space in markers[limit:])
        fixed = capped(indent) + kept + escaped + line[found.end():]
        cleaned.changes.append(Change(index, line, fixed, f"nested more than {limit} levels deep: flattened"))
        cleaned.lines[index] = fixed


# What Python-Markdown scans a line for the end of (a link or image, maths, a tag), unescaped (an
# even run of backslashes before), and the entity that shows it as text instead: an entity, not a
# backslash, as Python-Markdown makes each escape a placeholder and handles those in square time.
# A tag's "<" goes with every ">" of the line, or an unclosed tag before it would run on to one.
OPENERS = ((re.compile(r"(?<!\\)((?:\\\\)*)\["), "&#91;"),
           (re.compile(r"(?<!\\)((?:\\\\)*)\\\("), "&#92;("),
           (re.compile(r"()(?:<(?=[A-Za-z/!?])|>)"), {"<": "&lt;", ">": "&gt;"}))


def defuse_brackets(cleaned: Cleaned, budget: int) -> None:
    """In a line where an opener's count times the line's length passes ``budget``, each such
    opener written as an entity, so that it is shown as text: Python-Markdown's work on it grows
    with the square of the line, and a 100 KB line of ``[`` stopped the build for hours. Code
    (blocks and spans) is left alone, as Python-Markdown does not read inside it, and so are the
    line's leading list and quote markers."""
    code: set[int] | None = None  # found only when a line is over budget: most documents have none
    for index, line in enumerate(cleaned.lines):
        if len(line) * (line.count("[") + line.count("\\(") + line.count("<")) <= budget:  # cheap, and an upper bound
            continue
        code = code_lines(cleaned.lines) if code is None else code
        if index in code:
            continue
        start = found.end() if (found := CONTAINERS.match(line)) else 0
        rest = line[start:]
        for pattern, entity in OPENERS:
            matches = list(pattern.finditer(masked(rest)))  # masking keeps positions: code spans blank
            if len(line) * len(matches) <= budget:
                continue
            parts, position = [], 0  # joined once: rebuilding the line per match is quadratic
            for match in matches:
                written = entity if isinstance(entity, str) else entity[match.group(0)[-1]]
                parts += [rest[position:match.start()], match.group(1), written]
                position = match.end()
            rest = "".join(parts) + rest[position:]
        fixed = line[:start] + rest
        if fixed != line:
            cleaned.changes.append(Change(index, line, fixed, "too many brackets for one line: shown as text"))
            cleaned.lines[index] = fixed


def restore_pdf_words(cleaned: Cleaned) -> None:
    """Ligatures and line-end hyphens a PDF export broke; code (blocks and spans) is left alone."""
    found = pdf_repairs(cleaned.lines, code_lines(cleaned.lines), english())
    for index, repairs in found.items():
        before = cleaned.lines[index]
        shown = masked(before)  # masking keeps positions: a repair inside a code span is none
        repairs = [r for r in repairs if shown[r.start:r.end] == before[r.start:r.end]]
        if not repairs:
            continue
        cleaned.lines[index] = repaired(before, repairs)
        reasons = dict.fromkeys(r.reason for r in repairs)
        cleaned.changes.append(Change(index, before, cleaned.lines[index], "; ".join(reasons)))


def clean(text: Text, settings: Settings) -> tuple[Text, Cleaned]:
    cleaned = Cleaned(text.lines, list(text.lines))
    flatten_nesting(cleaned, settings.max_nesting)
    defuse_brackets(cleaned, settings.bracket_budget)
    fix_mojibake(cleaned)
    restore_pdf_words(cleaned)
    apply_errata(cleaned, text.file, settings.errata)
    drop_footers(cleaned, settings.footer)
    drop_sentences(cleaned, settings.sentence_rules)
    cleaned.lines, unsafe = sanitise(cleaned.lines)
    cleaned.drops += unsafe
    return Text(text.file, tuple(cleaned.lines), text.notes), cleaned
