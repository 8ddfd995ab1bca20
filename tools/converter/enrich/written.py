"""English summaries and titles that people wrote for Hinglish answers (``summaries.yml``).

Each is keyed by the entry's permanent number and holds the fingerprint of the
answer it was written for. When the answer changes, the summary is still shown,
marked as written for an earlier version, and reported as stale until someone
reads it again and updates the fingerprint; a summary whose entry is gone is a
warning. Runs after identity (the permanent numbers) and before cross-linking
(related lists show the titles).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..model import Document, Summary, Written
from .language import HINGLISH, unmark
from .summary import first_sentence

WRITTEN, STALE = "written", "stale"


@dataclass(frozen=True)
class Review:
    """What a maintainer has to look at: each as (permanent number, page path, the answer's fingerprint now)."""

    missing: tuple[tuple[int, str, str], ...] = ()  # Hinglish answers with no written summary
    stale: tuple[tuple[int, str, str], ...] = ()  # written for an earlier version of the answer
    orphaned: tuple[int, ...] = ()  # written for an entry that is gone

    def warnings(self) -> list[str]:
        where = "tools/data/summaries.yml"
        return ([f"{where}: the summary of /q/{qid}/ ({path}) was written for an earlier version of its answer: "
                 f"read it again, then set its answer to {now}" for qid, path, now in self.stale]
                + [f"{where}: /q/{qid}/ is no page: its summary is not shown" for qid in self.orphaned])

    def as_report(self) -> dict:
        return {"missing": [{"qid": q, "path": p, "answer": a} for q, p, a in self.missing],
                "stale": [{"qid": q, "path": p, "answer": a} for q, p, a in self.stale],
                "orphaned": list(self.orphaned)}


def written_of(raw: dict | None, where: str) -> tuple[Written, ...]:
    """The ``summaries`` mapping of summaries.yml, checked: a bad entry is named, never skipped."""
    found = []
    for key, item in ((raw or {}).get("summaries") or {}).items():
        if not isinstance(key, int) or not isinstance(item, dict):
            raise ValueError(f"{where}: {key!r}: expected a permanent number holding answer, summary and/or title")
        summary, title, answer = (str(item.get(k) or "").strip() for k in ("summary", "title", "answer"))
        if not answer or not (summary or title):
            raise ValueError(f"{where}: {key}: needs answer (the fingerprint in report.json) and a summary or title")
        found.append(Written(key, answer, summary, title or None))
    return tuple(found)


def fingerprint(body: str) -> str:
    """12 hex digits of the answer's text: any change to its words changes it, re-wrapping lines does not."""
    return hashlib.sha256(" ".join(unmark(body).split()).encode("utf-8")).hexdigest()[:12]


def apply_written(documents: list[Document], items: tuple[Written, ...]) -> Review:
    """Each entry with a written summary shows it (and its title); the rest is reviewed."""
    written = {item.qid: item for item in items}
    missing, stale, seen = [], [], set()
    for document in documents:
        for entry in document.entries:
            item = written.get(entry.qid) if entry.qid is not None else None
            if item is None:
                if entry.language == HINGLISH:
                    missing.append((entry.qid, entry.path, fingerprint(entry.body)))
                continue
            seen.add(item.qid)
            now = fingerprint(entry.body)
            if item.title:
                entry.title = item.title
            if item.summary:
                entry.summary = Summary(WRITTEN if now == item.answer else STALE, item.summary)
                entry.description = first_sentence(item.summary)
            if now != item.answer:
                stale.append((item.qid, entry.path, now))
    return Review(tuple(missing), tuple(stale), tuple(sorted(set(written) - seen)))
