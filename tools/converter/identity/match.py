"""Which registry record each entry is: by content, never by position.

First the entries whose fingerprints are unchanged (nearly all of them on a
rebuild), then the rest by similarity, best pair first, each record and entry
used once. Only the leftovers of the first pass are compared pairwise, so the
cost grows with what changed, not with the corpus.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .fingerprint import answer_similarity, title_similarity
from .registry import Record
from .rules import IdentityRules


@dataclass(frozen=True)
class Print:
    """An entry as the registry sees it."""

    source: str
    path: str  # its page: preferred among unchanged twins; what ``nearest`` returns
    title: str
    answer: str


def score(record: Record, entry: Print, rules: IdentityRules) -> float | None:
    """How surely ``entry`` is ``record``; None when it is not."""
    t = title_similarity(record.title, entry.title)
    a = answer_similarity(record.answer, entry.answer)
    if t >= rules.title or a >= rules.answer or t + a >= rules.combined:
        return t + a + (rules.same_source if record.source == entry.source else 0.0)
    return None


def match(records: list[Record], entries: list[Print], rules: IdentityRules) -> dict[int, Record]:
    """Entry index -> its record. ``records`` in order of preference (live ones first)."""
    found: dict[int, Record] = {}
    taken: set[int] = set()
    unchanged: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for record in records:
        unchanged[record.title, record.answer].append(record)
    for i, entry in enumerate(entries):
        candidates = [r for r in unchanged.get((entry.title, entry.answer), ()) if r.n not in taken]
        if (entry.title or entry.answer) and candidates:
            best = min(candidates, key=lambda r: (r.path != entry.path, r.source != entry.source))
            found[i] = best
            taken.add(best.n)
    rest = [r for r in records if r.n not in taken]
    pairs = []
    for i, entry in enumerate(entries):
        if i in found:
            continue
        for order, record in enumerate(rest):
            value = score(record, entry, rules)
            if value is not None:
                pairs.append((-value, order, i, record))
    for _, _, i, record in sorted(pairs, key=lambda p: p[:3]):
        if i not in found and record.n not in taken:
            found[i] = record
            taken.add(record.n)
    return found


def nearest(record: Record, entries: list[Print], rules: IdentityRules) -> list[str]:
    """Paths of the live entries most like a removed one, best first."""
    scored = []
    for entry in entries:
        value = (title_similarity(record.title, entry.title) + answer_similarity(record.answer, entry.answer)) / 2
        if value >= rules.nearest_min:
            scored.append((-value, entry.path))
    return [path for _, path in sorted(scored)[:rules.nearest]]
