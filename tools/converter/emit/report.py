"""report.json: what each document became, and every word dropped or changed."""

from __future__ import annotations

from ..model import Document


def report(results: list[Document], summaries: dict | None = None) -> dict:
    """``summaries``: the written English summaries a maintainer has to write or review (enrich.written)."""
    documents, dropped, changed = [], [], []
    for document in results:
        documents.append({
            "file": document.source.file,
            "pattern": document.pattern,
            "structure": document.structure,
            "confidence": None if document.confidence is None else round(document.confidence, 2),
            "chapters": [{"title": c.title, "line": c.line + 1} for c in document.chapters],
            "entries": [{"title": e.title, "path": e.path, "lines": [e.start + 1, e.end]}
                        for e in document.entries],
            "warnings": list(document.warnings),
        })
        dropped += [{"file": document.source.file, "line": d.line + 1, "text": d.text, "reason": d.reason}
                    for d in document.drops]
        changed += [{"file": document.source.file, "line": c.line + 1, "before": c.before, "after": c.after,
                     "reason": c.reason} for c in document.changes]
    found = {"documents": documents, "dropped": dropped, "changed": changed}
    if summaries is not None:
        found["summaries"] = summaries
    return found
