"""Text defects between and inside paragraphs.

- A sentence cut by a PDF page break (a blank line, maybe a dropped footer,
  then the rest starting in lower case, after a line ending in a word, a comma
  or a quoted word) is joined again, unless the paragraph above breaks its
  lines on purpose (a hard break: short lines of a figure).
- Trailing spaces, whitespace-only lines and runs of blank lines go; two or
  more trailing spaces before a line of the same paragraph are a deliberate
  hard line break and stay (as exactly two).
"""

from __future__ import annotations

import re

from .fences import in_code
from .layout import verbatim_lines

OPEN_END = re.compile(r"(?:[\w,]|\w[\"”’'])$")  # a word, a comma, or a word in quotes: the sentence goes on
STARTS_LOWER = re.compile(r"^[a-z]")
NOT_PROSE = re.compile(r"^\s*(?:#|\||<|>|[-*+]\s|\d+[.)]\s|\$\$|```|~~~)")


def is_prose(line: str) -> bool:
    return bool(line.strip()) and not NOT_PROSE.match(line)


def broken_on_purpose(out: list[str]) -> bool:
    """The paragraph ending ``out`` has a hard line break: its author set its lines."""
    for line in reversed(out):
        if not line.strip():
            return False
        if line.endswith("  "):
            return True
    return False


def join_page_breaks(lines: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The lines with cut sentences joined, and each join: (the line above, the line joined)."""
    verbatim = verbatim_lines("\n".join(lines))  # fences, indented code, maths, HTML
    code = [index in verbatim for index in range(len(lines))]
    out: list[str] = []
    joins: list[tuple[str, str]] = []
    pending_blanks = 0
    for index, line in enumerate(lines):
        if not line.strip() and not code[index]:
            pending_blanks += 1
            continue
        previous = out[-1] if out else ""
        if (pending_blanks and out and not code[index] and is_prose(line) and STARTS_LOWER.match(line.lstrip())
                and OPEN_END.search(previous.rstrip()) and (is_prose(previous) or re.match(r"^\s*(?:[-*+]|\d+[.)])\s", previous))
                and not code[index - pending_blanks - 1]  # a code line never ends a sentence
                and not broken_on_purpose(out)):
            joins.append((previous, line))
            out[-1] = previous.rstrip() + " " + line.strip()
        else:
            out += [""] * pending_blanks + [line]
        pending_blanks = 0
    return out, joins


def whitespace(lines: list[str]) -> list[str]:
    code = in_code(lines)
    out: list[str] = []
    for index, line in enumerate(lines):
        if code[index]:
            out.append(line.rstrip())
            continue
        stripped = line.rstrip()
        if not stripped:
            if out and out[-1] != "":
                out.append("")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else ""
        hard_break = len(line) - len(stripped) >= 2 and is_prose(following) and not code[index + 1]
        indent = len(stripped) - len(stripped.lstrip())
        body = stripped[:indent] + re.sub(r"\t", " ", stripped[indent:])
        out.append(body + ("  " if hard_break else ""))
    while out and out[-1] == "":
        out.pop()
    return out
