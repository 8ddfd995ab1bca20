"""Block layout that Python-Markdown (MkDocs) reads the way CommonMark does.

The authors wrote for CommonMark renderers (GitHub, chat tools): lists nested
by 2 or 3 spaces, a list right under a paragraph line, a fence right under a
list item. Python-Markdown needs 4 spaces per list level and blank lines
between blocks. This pass reads the body with markdown-it (CommonMark, plus
``$$`` maths blocks), then rewrites only the indentation of each line and the
blank lines between blocks; the text of every line is kept as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..markdown import tokens_of
from .fences import in_code, maths_blocks

MARKER = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( *)")
BLOCK_OPENERS = {"paragraph_open", "heading_open", "fence", "code_block", "table_open", "html_block",
                 "math_block", "math_block_label", "hr", "blockquote_open", "bullet_list_open", "ordered_list_open"}
VERBATIM = {"fence", "code_block", "math_block", "math_block_label", "html_block"}
LIST_OPENERS = {"bullet_list_open", "ordered_list_open"}
INDENT = 4


@dataclass(frozen=True)
class Item:
    start: int
    depth: int
    marker: str
    content: int  # column where the item's text starts in the raw line


def leading(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def item_of(line: str, start: int, depth: int, parent: Item | None) -> Item:
    offset = parent.content if parent else 0
    rest = line[offset:] if line[:offset].strip() == "" else line.lstrip(" ")
    shift = len(line) - len(rest)
    found = MARKER.match(rest)
    if not found:
        return Item(start, depth, "-", shift + leading(rest))
    spaces = len(found.group(3))
    after = found.end(2) + (spaces if 0 < spaces <= 4 and found.end() < len(rest) else 1)
    return Item(start, depth, found.group(2), shift + after)


def separate_maths(lines: list[str]) -> list[str]:
    """A ``$$`` block right under a paragraph line gets a blank line before it:
    CommonMark's maths extension does not let it interrupt a paragraph."""
    starts = {start for start, _ in maths_blocks(lines)}
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in starts and out and out[-1].strip():
            out.append("")
        out.append(line)
    return out


def deepen_short_indents(lines: list[str]) -> list[str]:
    """A list indented less than the text of the item above it (``  - x`` under
    ``3. Label``) is nested by its author, though CommonMark reads it as a new
    list: it moves right to the item's text, with everything indented under it."""
    out: list[str] = []
    shift, shift_from = 0, 0
    above: tuple[int, int] | None = None  # marker column and text column of the last item
    for line, is_code in zip(lines, in_code(lines)):
        indent = leading(line)
        if shift and line.strip() and indent < shift_from and not is_code:
            shift = 0
        found = MARKER.match(line) if line.strip() and not is_code else None
        if found and not shift and above and above[0] < indent < above[1]:
            shift, shift_from = above[1] - indent, indent
        if shift and line.strip():
            line = " " * shift + line
        if found and found.end() < len(found.string):
            above = (leading(line), leading(line) + len(found.group(2)) + max(1, min(len(found.group(3)), 4)))
        out.append(line)
    return out


def verbatim_lines(text: str) -> set[int]:
    """Lines of code, maths and HTML blocks (indented code included), which no
    prose pass may touch."""
    found: set[int] = set()
    for token in tokens_of(text):
        if token.type in VERBATIM and token.map:
            found.update(range(*token.map))
    return found


def rewrite(text: str) -> str:
    lines = text.expandtabs(INDENT).split("\n") if "\t" in text else text.split("\n")
    lines = separate_maths(deepen_short_indents(lines))
    text = "\n".join(lines)
    tokens = tokens_of(text)
    owner: list[Item | None] = [None] * len(lines)
    firsts: dict[int, Item] = {}
    blank_before: set[int] = set()
    fences: list[tuple[int, int, Item | None]] = []
    stack: list[Item] = []
    verbatim: set[int] = set()
    quoted = 0
    opening_paragraphs: set[int] = set()  # lines of each item's first paragraph
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.map and stack and token.map[0] == stack[-1].start:
            opening_paragraphs.update(range(*token.map))
        if token.type == "blockquote_open":
            quoted += 1
        elif token.type == "blockquote_close":
            quoted -= 1
        if quoted and token.type != "blockquote_open":
            continue
        if token.type == "list_item_open" and token.map:
            start, end = token.map
            follows_item = index > 0 and tokens[index - 1].type == "list_item_close"
            if follows_item and lines[start - 1].strip() and start - 1 not in opening_paragraphs:
                blank_before.add(start)  # the item before ends in a second block: Python-Markdown would swallow this one
            item = item_of(lines[start], start, len(stack) + 1, stack[-1] if stack else None)
            stack.append(item)
            firsts.setdefault(start, item)
            owner[start:end] = [item] * (min(end, len(lines)) - start)
        elif token.type == "list_item_close":
            stack.pop()
        if token.type in BLOCK_OPENERS and token.map and token.map[0] > 0:
            start = token.map[0]
            parent = stack[-1] if stack else None
            under_item_line = parent is not None and start - 1 == parent.start
            if not (under_item_line and token.type in LIST_OPENERS) and start not in firsts:
                blank_before.add(start)
        if token.type == "fence" and token.map:
            fences.append((token.map[0], token.map[1], stack[-1] if stack else None))
        if token.type in VERBATIM and token.map:
            verbatim.update(range(*token.map))
    fence_indent = {}
    for start, end, item in fences:
        base = item.content if item else 0
        extra = max(0, leading(lines[start]) - base)
        for index in range(start, min(end, len(lines))):
            fence_indent[index] = extra
    out: list[str] = []
    for index, line in enumerate(lines):
        new = place(line, owner[index], firsts.get(index), fence_indent.get(index), index in verbatim)
        if index in blank_before and out and out[-1].strip():
            out.append("")
        out.append(new)
    return "\n".join(out)


def place(line: str, item: Item | None, first: Item | None, fence_extra: int | None, verbatim: bool) -> str:
    """The line re-indented for its list depth; blank and top-level lines as they were."""
    if not line.strip():
        return ""
    if first is not None:
        stripped = line.lstrip(" ")
        found = MARKER.match(stripped)
        text = stripped[found.end():] if found else stripped
        hard_break = "  " if text.endswith("  ") and text.strip() else ""  # kept for whitespace() to judge
        return " " * (INDENT * (first.depth - 1)) + f"{first.marker} {text}".rstrip() + hard_break
    if item is None:
        if fence_extra is not None:
            return line[min(fence_extra, leading(line)):]
        return line
    width = leading(line)
    rest = line[item.content:] if width >= item.content else line.lstrip(" ")
    if fence_extra is not None:
        rest = rest[min(fence_extra, leading(rest)):]
    elif not verbatim:
        rest = rest.lstrip(" ")
    return " " * (INDENT * item.depth) + rest
