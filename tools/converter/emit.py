"""Pages, source indexes and report.json, written all at once or not at all."""

from __future__ import annotations

import json
import re
import os
import shutil
import tempfile
from pathlib import Path

import yaml

from .blocks import plain_text

DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster
from .model import Document, Entry


def front_matter(data: dict) -> str:
    dumped = yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=10**9)
    return f"---\n{dumped}---\n"


def render_page(entry: Entry, document: Document) -> str:
    source = document.source
    data = {"title": entry.title, "kind": entry.kind, "source": source.slug, "source_title": source.title,
            "source_file": source.file, "chapter": entry.chapter, "number": entry.number}
    if entry.prefix:
        data["marker"] = entry.prefix
    data["lines"] = [entry.start + 1, entry.end]
    lead = ""
    if entry.statement and entry.statement != entry.title:
        data["question" if entry.kind == "question" else "heading"] = entry.statement
        if entry.kind == "question" and plain_text(entry.statement) != entry.title:
            lead = "> " + entry.statement + "\n\n"  # the whole question, when the title is a part of it
    heading = f"# {escape_inline(entry.title)}\n\n"  # Material shows no title when the body has its own '#'
    return front_matter(data) + "\n" + heading + lead + entry.body.rstrip() + "\n"


def render_index(document: Document) -> str:
    """A minimal source index so every page is reachable; the site issue styles it."""
    source = document.source
    data = {"title": source.title, "kind": "source", "source": source.slug, "source_file": source.file}
    if source.attribution.author:
        data["author"] = source.attribution.author
    if source.attribution.origin:
        data["origin"] = source.attribution.origin
    lines = [front_matter(data), f"# {source.title}", ""]
    if source.attribution.author:
        lines += [f"By {source.attribution.author}.", ""]
    if source.attribution.origin:
        lines += [f"Origin: <{source.attribution.origin}>", ""]
    chapters = {c.title: c for c in document.chapters}
    current = object()
    for entry in document.entries:
        if entry.chapter != current:
            current = entry.chapter
            if current is not None:
                lines += ["", f"## {current}", ""]
                if chapters.get(current) and chapters[current].intro:
                    lines += [chapters[current].intro, ""]
        number = f"{entry.prefix} " if entry.prefix else ""
        lines.append(f"- {number}[{escape_inline(entry.title)}]({entry.slug}.md)")
    return "\n".join(lines).rstrip() + "\n"


def escape_inline(text: str) -> str:
    """Plain text safe inside a heading or link text: no emphasis, tags or links."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def report(results: list[Document]) -> dict:
    documents, dropped, changed = [], [], []
    for document in results:
        documents.append({
            "file": document.source.file,
            "pattern": document.pattern,
            "entries": [{"title": e.title, "path": e.path, "lines": [e.start + 1, e.end]}
                        for e in document.entries],
            "warnings": list(document.warnings),
        })
        dropped += [{"file": document.source.file, "line": d.line + 1, "text": d.text, "reason": d.reason}
                    for d in document.drops]
        changed += [{"file": document.source.file, "line": c.line + 1, "before": c.before, "after": c.after,
                     "reason": c.reason} for c in document.changes]
    return {"documents": documents, "dropped": dropped, "changed": changed}


def files_for(results: list[Document]) -> dict[str, str]:
    files = {}
    for document in results:
        if document.failed:
            continue
        files[f"{document.source.slug}/index.md"] = render_index(document)
        for entry in document.entries:
            files[entry.path] = render_page(entry, document)
    return files


def write_tree(out: Path, files: dict[str, str], report_data: dict, report_path: Path | None) -> None:
    """Build the whole tree beside ``out`` and swap it in, so a failed run leaves
    the previous output untouched and a reader never sees half a site."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for relative, text in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        report_text = json.dumps(report_data, ensure_ascii=False, indent=1) + "\n"
        if report_path is None:
            (staging / "report.json").write_text(report_text, encoding="utf-8")
        else:
            report_path.parent.mkdir(parents=True, exist_ok=True)
            report_path.write_text(report_text, encoding="utf-8")
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
        staging.rename(out)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
