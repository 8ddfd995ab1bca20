"""Duplicated blocks: a question pasted twice, word for word, is one page.

Only whole entries with the same number and title are candidates; two
different questions that share an answer are both pages (cross-links group
them later).
"""

from __future__ import annotations

import re

from .markdown import plain_text
from .model import Document, Drop


def fingerprint(text: str) -> str:
    """Text with heading marks, emphasis and spacing ignored."""
    text = re.sub(r"(?m)^\s{0,3}#{1,6}\s*", "", text)
    return re.sub(r"\s+", " ", text).strip()


def dedupe(document: Document, lines: tuple[str, ...]) -> None:
    kept = []
    first_seen: dict[tuple, object] = {}
    for entry in document.entries:
        key = (entry.number, plain_text(entry.statement).casefold())
        original = first_seen.get(key)
        if original is None:
            first_seen[key] = entry
            kept.append(entry)
            continue
        if fingerprint(entry.body) == fingerprint(original.body):
            text = "\n".join(lines[entry.start:entry.end]).strip()
            document.drops.append(Drop(entry.start, text, (
                f"duplicate: same text as lines {original.start + 1}-{original.end} "
                f"({original.prefix} {original.title})")))
            continue
        document.warnings.append(
            f"line {entry.start + 1}: {entry.prefix} {entry.title!r} repeats the question at line "
            f"{original.start + 1} with a different answer: both kept")
        kept.append(entry)
    document.entries = kept
