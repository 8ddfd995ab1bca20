"""Lines to top-level Markdown blocks, through markdown-it's token stream.

Working on tokens with line maps (not regexes over raw lines) is what keeps a
``# comment`` inside a code fence from ever looking like a heading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .markdown import parser
from .model import Block, ListItem

BLOCK_KINDS = {
    "heading_open": "heading",
    "paragraph_open": "paragraph",
    "bullet_list_open": "bullet_list",
    "ordered_list_open": "ordered_list",
    "fence": "fence",
    "code_block": "code",
    "html_block": "html",
    "hr": "hr",
    "table_open": "table",
    "blockquote_open": "blockquote",
}

ITEM_START = re.compile(r"^(\s*)(\d{1,9}[.)]|[-*+])(\s{1,4}|$)")
FENCE_OPEN = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
# Where an unterminated fence most plausibly should have ended: the next line
# that starts a question or a numbered heading.
RESUME_AT = re.compile(
    r"^\s{0,3}(#{1,6}\s+(\*\*)?\s*(Q\s*\d+|Question\s*\d+|\d+\s*[.)])|\*\*\s*(Q\s*\d+|Question\s*\d+))",
    re.IGNORECASE,
)


def item_indent(line: str) -> int:
    match = ITEM_START.match(line)
    if not match:
        return 0
    return len(match.group(1)) + len(match.group(2)) + max(1, len(match.group(3)))


def tokens_to_blocks(tokens, lines: list[str], offset: int) -> list[Block]:
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.level != 0 or token.nesting == -1 or token.map is None:
            continue
        kind = BLOCK_KINDS.get(token.type)
        if kind is None:
            continue
        start, end = token.map
        level = int(token.tag[1]) if kind == "heading" else 0
        items: tuple[ListItem, ...] = ()
        if kind.endswith("_list"):
            items = tuple(
                ListItem(t.map[0] + offset, t.map[1] + offset, item_indent(lines[t.map[0]]))
                for t in own_tokens(tokens, index)
                if t.type == "list_item_open" and t.level == 1 and t.map
            )
        blocks.append(Block(kind, start + offset, end + offset, level, items))
    return blocks


def own_tokens(tokens, index: int):
    """The tokens inside the block that ``tokens[index]`` opens, up to its closing token."""
    level = tokens[index].level
    for position in range(index + 1, len(tokens)):
        if tokens[position].level == level and tokens[position].nesting == -1:
            return
        yield tokens[position]


def unterminated_fence(blocks: list[Block], lines: list[str]) -> Block | None:
    """A fence markdown-it closed only because the input ended."""
    for block in blocks:
        if block.kind != "fence" or block.end != len(lines):
            continue
        opening = FENCE_OPEN.match(lines[block.start])
        closing = lines[block.end - 1].strip()
        if block.end - block.start < 2 or not (
            opening and closing.startswith(opening.group(1)) and set(closing) <= set(opening.group(1)[0])
        ):
            return block
    return None


def parse(lines: tuple[str, ...] | list[str]) -> tuple[list[Block], list[str]]:
    """Blocks of the whole document, and notes on fences that never closed.

    An unterminated fence would swallow every later question, so the document is
    cut where the next question plausibly starts and the rest parsed on its own.
    """
    md = parser(inline=False)
    lines = list(lines)
    blocks: list[Block] = []
    notes: list[str] = []
    offset = 0
    while offset < len(lines):
        part = lines[offset:]
        found = tokens_to_blocks(md.parse("\n".join(part) + "\n"), part, 0)
        fence = unterminated_fence(found, part)
        if fence is None:
            blocks += [shift(b, offset) for b in found]
            break
        resume = next(
            (i for i in range(fence.start + 1, len(part)) if RESUME_AT.match(part[i])), None
        )
        where = f"line {offset + fence.start + 1}: code fence is never closed"
        if resume is None:
            notes.append(f"{where}; it runs to the end of the document")
            blocks += [shift(b, offset) for b in found]
            break
        notes.append(f"{where}; closed before line {offset + resume + 1}")
        head = part[:resume]
        blocks += [shift(b, offset) for b in tokens_to_blocks(md.parse("\n".join(head) + "\n"), head, 0)]
        offset += resume
    return blocks, notes


def shift(block: Block, offset: int) -> Block:
    if not offset:
        return block
    return replace(
        block,
        start=block.start + offset,
        end=block.end + offset,
        items=tuple(replace(i, start=i.start + offset, end=i.end + offset) for i in block.items),
    )
