"""Where the fenced code and ``$$`` maths blocks are, for the passes that read
lines rather than tokens."""

from __future__ import annotations

import re

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def closes(line: str, opener: str) -> bool:
    found = FENCE.match(line)
    return bool(found) and found.group(1)[0] == opener[0] and len(found.group(1)) >= len(opener) \
        and not line.strip().lstrip(opener[0])


def fenced_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(opening line, line after the closing fence); an unterminated fence runs
    to the end, as CommonMark reads it."""
    blocks, start, opener = [], 0, None
    for index, line in enumerate(lines):
        if opener is None:
            found = FENCE.match(line)
            if found:
                start, opener = index, found.group(1)
        elif closes(line, opener):
            blocks.append((start, index + 1))
            opener = None
    if opener is not None:
        blocks.append((start, len(lines)))
    return blocks


def in_code(lines: list[str]) -> list[bool]:
    flags = [False] * len(lines)
    for start, end in fenced_blocks(lines):
        flags[start:end] = [True] * (end - start)
    return flags


def maths_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, line after the last) of each ``$$`` block outside code; a
    block opened and closed on one line counts too."""
    code = in_code(lines)
    blocks, start = [], None
    for index, line in enumerate(lines):
        text = line.strip()
        if code[index]:
            continue
        if start is None and text.startswith("$$"):
            if len(text) > 2 and text.endswith("$$"):
                blocks.append((index, index + 1))
            else:
                start = index
        elif start is not None and text.endswith("$$"):
            blocks.append((start, index + 1))
            start = None
    return blocks


def in_maths(lines: list[str]) -> list[bool]:
    flags = [False] * len(lines)
    for start, end in maths_blocks(lines):
        flags[start:end] = [True] * (end - start)
    return flags
