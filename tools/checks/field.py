"""The field corpus: real documents nobody configured, scored against their answer key.

``../shared/field`` holds the documents, ``key.json`` and the scorer ``score.py``, which is
its owners' measure, so it is run as they publish it rather than rewritten here. On top of
its figures this adds what the key lists and the scorer does not check: the chapters.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DocumentScore:
    file: str
    kind: str  # questions (scored) or notes (listed)
    pattern: str | None
    key: int
    entries: int
    own: int
    extras: int
    merged: int
    wrongly_dropped: int
    chapters_key: int
    chapters_found: int
    nowhere: int  # questions on no page at all: not on their own, not inside another entry


@dataclass(frozen=True)
class FieldScore:
    documents: tuple[DocumentScore, ...]

    def scored(self) -> tuple[DocumentScore, ...]:
        return tuple(d for d in self.documents if d.kind == "questions")

    def total(self, figure: str) -> int:
        """A figure summed over the question documents (notes are listed, not scored)."""
        return sum(getattr(d, figure) for d in self.scored())

    @property
    def recall(self) -> float:
        return self.total("own") / max(1, self.total("key"))

    @property
    def extra_rate(self) -> float:
        return self.total("extras") / max(1, self.total("entries"))


def chapters_found(key_chapters: list[dict], chapters: list[dict]) -> int:
    """Key chapters that the report has a chapter for, within two lines."""
    lines = [c["line"] for c in chapters]
    return sum(any(abs(line - c["line"]) <= 2 for line in lines) for c in key_chapters)


def on_no_page(questions: list[dict], entries: list[dict]) -> int:
    return sum(not any(start <= q["line"] <= end for start, end in (e["lines"] for e in entries))
               for q in questions)


def score(field: Path, report_file: Path, details_file: Path) -> FieldScore:
    """Run the field's scorer on a converter report; its per-document details, with chapters."""
    subprocess.run([sys.executable, str(field / "score.py"), str(report_file), str(field / "key.json"),
                    "/dev/null", str(details_file)], check=True, capture_output=True)
    details = json.loads(details_file.read_text(encoding="utf-8"))
    key = json.loads((field / "key.json").read_text(encoding="utf-8"))
    report = {d["file"]: d for d in json.loads(report_file.read_text(encoding="utf-8"))["documents"]}
    documents = []
    for file, found in sorted(details.items()):
        expected = key[file].get("chapters") or []
        documents.append(DocumentScore(
            file, key[file].get("kind", "questions"), found["pattern"], found["key"], found["entries"],
            found["own"], len(found["extras"]), sum(len(m[2]) - 1 for m in found["merges"]),
            len(found["bad_dropped"]), len(expected),
            chapters_found(expected, report.get(file, {}).get("chapters", [])),
            on_no_page(key[file]["questions"], report.get(file, {}).get("entries", []))))
    return FieldScore(tuple(documents))


def table(result: FieldScore) -> str:
    rows = ["| document | pattern | key | entries | own | extras | merged | on no page | drops inside | chapters |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for d in result.documents:
        if d.kind != "questions":
            rows.append(f"| {d.file} | {d.pattern} | notes: {d.key} topics | {d.entries} pages | {d.own} | | | | | |")
            continue
        rows.append(f"| {d.file} | {d.pattern} | {d.key} | {d.entries} | {d.own} | {d.extras} | {d.merged} "
                    f"| {d.nowhere} | {d.wrongly_dropped} | {d.chapters_found}/{d.chapters_key} |")
    total = result.total
    rows.append(f"| **all {len(result.scored())}** | | {total('key')} | {total('entries')} "
                f"| {total('own')} ({result.recall:.1%}) | {total('extras')} ({result.extra_rate:.1%}) "
                f"| {total('merged')} | {total('nowhere')} | {total('wrongly_dropped')} "
                f"| {total('chapters_found')}/{total('chapters_key')} |")
    return "\n".join(rows)
