"""List items as their authors typed them, made into Markdown list items.

- Glyph bullets (``❖ ★ ◆ ➔ ➤ ♣ ■ ♦ • → ◦``), with or without a ``- `` before them.
- ``- 1. Label:** text`` or ``- Label:** text``: a label that lost its opening
  ``**``. The numbered ones start items of a numbered list, as the items
  around them do. Any other number inside a bullet is kept as text, so the
  bullet is not read as a second, nested list.
- ``**3. Label:** text`` alone in its paragraph, continuing a numbered list
  that the PDF broke: a numbered item again.
- Bullets with nothing after them.
- A labelled line indented by a space or two right after a list of labelled
  items (`` Relational DB: …`` after ``• Vector DB: …``): an item whose glyph
  the PDF or OCR lost.
- A glyph bullet that is only a bold label (``❖ **Deployment:**``) heads a section: the
  list below it is nested under it, not run into one list with its own points.
"""

from __future__ import annotations

import re

from .fences import in_code

GLYPHS = "❖★◆➔➤♣■♦•→▪●➢►✓✔◦‣○◾▸"
GLYPH_ITEM = re.compile(rf"^(\s*)(?:[-*+]\s+)?[{GLYPHS}]\s*(.*)$")
BULLET = re.compile(r"^(\s*[-*+]\s+)(?:(\d+)\.(\s+))?(.*)$")
LOST_BOLD = re.compile(r"^([^*]+?:)\*\*(.*)$")
BOLD_NUMBER = re.compile(r"^\*\*(\d+)\.\s+([^*]+)\*\*(.*)$")
EMPTY_BULLET = re.compile(r"^\s*[-*+]\s*$")
BOLD_LABEL = re.compile(r"^\*\*[^*]+(?::\*\*|\*\*:)\s*$")
LIST_LINE = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s")
NESTED = "    "
LABELLED = re.compile(r"^(?:\*\*)?[A-Z][\w()/-]*(?: [\w()/-]+){0,3}:")
STRAY_INDENT = re.compile(r"^ {1,3}(?=\S)")
BULLET_LINE = re.compile(r"^[-*+]\s+")


def lost_glyph(line: str, out: list[str]) -> str:
    """A labelled line, indented by a space or two, after a labelled list item, as an item."""
    if not STRAY_INDENT.match(line) or not LABELLED.match(line.lstrip()):
        return line
    previous = next((before for before in reversed(out) if before.strip()), "")
    found = BULLET_LINE.match(previous)
    return f"- {line.lstrip()}" if found and LABELLED.match(previous[found.end():]) else line


def item(line: str) -> str | None:
    """The line as a Markdown list item, or None when it is an empty bullet."""
    glyph = GLYPH_ITEM.match(line)
    if glyph:
        indent, text = glyph.groups()
        return f"{indent}- {text}" if text.strip() else None
    if EMPTY_BULLET.match(line):
        return None
    bullet = BULLET.match(line)
    if not bullet:
        return line
    marker, number, space, text = bullet.groups()
    lost = LOST_BOLD.match(text)
    if lost and number:
        return f"{marker[:len(marker) - len(marker.lstrip())]}{number}. **{lost.group(1)}**{lost.group(2)}"
    if lost:
        return f"{marker}**{lost.group(1)}**{lost.group(2)}"
    return f"{marker}{number}\\.{space}{text}" if number else line


def numbered_paragraph(line: str, previous: str) -> str:
    found = BOLD_NUMBER.match(line)
    if not found or previous.strip():
        return line
    number, label, rest = found.groups()
    return f"{number}. **{label.strip()}**{rest}"


def section_label(line: str) -> str | None:
    """The indent of a glyph bullet that holds only a bold label, else None."""
    glyph = GLYPH_ITEM.match(line)
    return glyph.group(1) if glyph and BOLD_LABEL.match(glyph.group(2).strip()) else None


def under_label(line: str, indent: str) -> bool:
    """Part of the list below a section label at ``indent``: one of its items, or their text."""
    found = LIST_LINE.match(line)
    if found:
        return found.group(1) == indent and section_label(line) is None
    return line.startswith(indent + " ") and bool(line.strip())


def list_items(lines: list[str]) -> list[str]:
    code = in_code(lines)
    out: list[str] = []
    label: str | None = None  # the indent of the section label whose list is nested under it
    for line, is_code in zip(lines, code):
        if label is not None and line.strip() and (is_code or not under_label(line, label)):
            label = None
        fixed = line if is_code else item(numbered_paragraph(lost_glyph(line, out), out[-1] if out else ""))
        if fixed is not None:
            out.append(NESTED + fixed if label is not None and fixed.strip() else fixed)
        if not is_code and section_label(line) is not None:
            label = section_label(line)
    return out
