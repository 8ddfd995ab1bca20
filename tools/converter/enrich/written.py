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
from dataclasses import dataclass, replace

from pydantic import Field, model_validator

from ..model import Document, Summary, Written
from ..schema import Section, validated
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


class WrittenItem(Section):
    answer: str = Field(min_length=1)  # the fingerprint report.json gives
    summary: str = ""
    title: str | None = None

    @model_validator(mode="after")
    def says_something(self) -> WrittenItem:
        if not (self.summary.strip() or (self.title or "").strip()):
            raise ValueError("needs a summary or a title")
        return self


class SummariesFile(Section):
    """summaries.yml: the permanent number of each page, and what was written for it."""

    summaries: dict[int, WrittenItem] = {}


def written_of(raw: dict | None, where: str) -> tuple[Written, ...]:
    """summaries.yml, checked: a bad entry is named by its number and key, never skipped."""
    found = validated(SummariesFile, raw, where)
    return tuple(Written(qid, item.answer.strip(), " ".join(item.summary.split()), (item.title or "").strip() or None)
                 for qid, item in found.summaries.items())


def fingerprint(body: str) -> str:
    """12 hex digits of the answer's text: any change to its words changes it, re-wrapping lines does not."""
    return hashlib.sha256(" ".join(unmark(body).split()).encode("utf-8")).hexdigest()[:12]


def apply_written(documents: list[Document], items: tuple[Written, ...]) -> Review:
    """Each entry with a written summary shows it (and its title); the rest is reviewed."""
    written = {item.qid: item for item in items}
    missing, stale, seen = [], [], set()
    for document in documents:
        for i, entry in enumerate(document.entries):
            item = written.get(entry.qid)
            if item is None:
                if entry.language == HINGLISH:
                    missing.append((entry.qid, entry.path, fingerprint(entry.body)))
                continue
            seen.add(item.qid)
            now = fingerprint(entry.body)
            if item.title:
                entry = replace(entry, title=item.title)
            if item.summary:
                entry = replace(entry, summary=Summary(WRITTEN if now == item.answer else STALE, item.summary),
                                description=first_sentence(item.summary))
            document.entries[i] = entry
            if now != item.answer:
                stale.append((item.qid, entry.path, now))
    return Review(tuple(missing), tuple(stale), tuple(sorted(set(written) - seen)))
