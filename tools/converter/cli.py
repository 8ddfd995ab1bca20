"""``python -m converter --source DIR --out DIR``: the maintainer's entry point.

Prints one line per document (entries found, pattern used) and its warnings.
Exit status: 0 when pages were written, 1 when no document could be converted,
2 for a usage or settings error. No traceback reaches the user.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
import traceback
from dataclasses import replace
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from . import emit, images, sources
from .cache import DocumentCache, FileCache, environment_digest, key
from .identity import registry as registry_file
from .model import Document, Drop, Source
from .parallel import chunks
from .paths import distinct_sources
from .pipeline import convert_bytes, emitted, features_of, link_documents
from .settings import Settings


def arguments(argv):
    parser = argparse.ArgumentParser(prog="converter", description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="folder of raw documents")
    parser.add_argument("--out", type=Path, required=True, help="folder for the generated pages (replaced)")
    parser.add_argument("--report", type=Path, help="where to write report.json (default: OUT/report.json)")
    parser.add_argument("--data", type=Path, default=sources.DATA, help="folder with sources.yml and cleanup.yml")
    parser.add_argument("--registry", type=Path,
                        help="the entries' permanent numbers: read, and updated after the pages are written "
                             "(`make pages` passes tools/data/registry.yml). Without it DATA/registry.yml, "
                             "the numbers glossary.yml refers to, is read and left unchanged")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    parser.add_argument("--cache", type=Path,
                        help="folder keeping each document's converted form by content: a rebuild converts "
                             "only documents (or settings) that changed, and links the generated files that "
                             "did not change from the last output (`make pages` uses build/cache)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes converting documents side by side (default: one per CPU)")
    parser.add_argument("--site", type=Path,
                        help="the MkDocs configuration of the site the pages are for (`make pages` passes "
                             "mkdocs.yml): a link-preview card with its name is drawn for every page; "
                             "without it, pages show the site's one preview image")
    parser.add_argument("--watch", action="store_true",
                        help="after converting, convert again whenever a document or setting changes")
    return parser.parse_args(argv)


def snapshot(*folders: Path) -> tuple:
    """What a rebuild depends on: names, sizes and times of the files in ``folders``."""
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns)
                        for folder in folders if folder.is_dir() for p in folder.iterdir() if p.is_file()))


WATCH_INTERVAL = 0.25  # seconds between looks: half of it is added to the time from save to page


def watch(args) -> int:
    """Poll rather than depend on inotify: the folders are small (a look costs a stat per
    file) and this runs only under ``make serve``."""
    seen = snapshot(args.source, args.data)
    while True:
        time.sleep(WATCH_INTERVAL)
        now = snapshot(args.source, args.data)
        if now != seen:
            seen = now
            print("change detected: converting again", file=sys.stderr)
            convert(args)


def failed(source: Source, problem: str) -> Document:
    document = Document(source=source, pattern=None, failed=True)
    document.warnings.append(problem)
    return document


def convert_one(source: Source, data: bytes, settings, debug: bool) -> Document:
    try:
        return convert_bytes(data, source, settings)[0]
    except Exception as err:  # a converter bug must not cost the other documents
        if debug:
            traceback.print_exc()
        return failed(source, f"internal error ({type(err).__name__}: {err}); please report it with this file")


def convert_chunk(jobs: list[tuple[Source, bytes]], settings, debug: bool) -> list[Document]:
    return [convert_one(source, data, settings, debug) for source, data in jobs]


def convert_all(jobs: list[tuple[Source, bytes]], settings, debug: bool, workers: int) -> list[Document]:
    """The documents converted in order, across ``workers`` processes when there are several:
    the per-document stages are pure, and they are most of the converter's time."""
    if workers < 2 or len(jobs) < 2:
        return convert_chunk(jobs, settings, debug)
    groups = chunks([len(data) for _, data in jobs], workers * 2)
    results: list[Document | None] = [None] * len(jobs)
    with ProcessPoolExecutor(workers) as pool:
        for group, documents in zip(groups, pool.map(convert_chunk, [[jobs[i] for i in g] for g in groups],
                                                     repeat(settings), repeat(debug))):
            for index, document in zip(group, documents):
                results[index] = document
    return results


def converted_documents(paths: list[Path], settings, args) -> list[Document]:
    """Each document from the cache when its bytes, settings and the converter are unchanged,
    else converted."""
    cache = DocumentCache(args.cache) if args.cache else None
    environment = environment_digest(args.data) if cache else ""
    results: list[Document | None] = [None] * len(paths)
    todo: list[tuple[int, str, Source, bytes]] = []
    for index, path in enumerate(paths):
        source = sources.source_for(sources.shown_name(path), settings)
        if (target := sources.leaves(path, path.parent)) is not None:
            results[index] = failed(source, f"a link to {target}, outside the source folder: not read")
            continue
        try:
            data = path.read_bytes()
        except OSError as err:
            results[index] = failed(source, f"cannot read: {err.strerror or err}")
            continue
        name = key(data, source, environment) if cache else ""
        results[index] = cache.get(name) if cache else None
        if results[index] is None:
            todo.append((index, name, source, data))
    documents = convert_all([(source, data) for _, _, source, data in todo], settings, args.debug, args.jobs)
    for (index, name, _, _), document in zip(todo, documents):
        results[index] = document
        if cache and not document.failed:
            cache.put(name, document)
    if cache:
        cache.prune()
        if len(todo) < len(paths):
            print(f"{len(paths) - len(todo)} documents unchanged (cached), {len(todo)} converted")
    return results


def with_images(documents: list[Document], paths: list[Path], settings: Settings) -> dict[str, bytes]:
    """The pictures the pages show from beside their documents, by their place in the output
    (next to the source's pages, as the pages name them); an image that cannot be copied is
    replaced by its alt text and reported (converter/images.py). A page whose text changed
    gets its features found again: its glossary mentions are offsets into that text."""
    files: dict[str, bytes] = {}
    for document, path in zip(documents, paths):
        if document.failed:
            continue
        entries = []
        for entry in document.entries:
            body = entry.body
            for image in images.local_images(body):
                reason = images.problem(path.parent, image)
                if reason is None:
                    files[f"{document.source.slug}/{image.path}"] = (path.parent / image.path).read_bytes()
                    body = images.served(body, image.src, image.path)
                else:
                    body = images.without(body, image.src)
                    document.drops.append(Drop(entry.start, image.src, reason))
            if body != entry.body:
                entry = replace(entry, body=body)
                entry = replace(entry, features=features_of(entry, settings))
            entries.append(entry)
        document.entries = entries
    return files


def drawn_cards(cards: dict[str, emit.Card], cache: Path | None, workers: int) -> dict[str, bytes | Path]:
    """Each card from the cache when the same card was drawn by the same code before (as the
    path the tree links it from), else drawn; a card that could not be drawn is reported."""
    if not cards:
        return {}
    store = FileCache(cache / "cards", ".png", emit.PNG_END) if cache else None
    drawing = emit.drawing_digest() if store else ""
    found: dict[str, bytes | Path | None] = {path: store.get(card.key(drawing)) if store else None
                                             for path, card in cards.items()}
    todo = [path for path, kept in found.items() if kept is None]
    for path, (picture, problem) in zip(todo, emit.drawn([cards[path] for path in todo], workers)):
        if problem:
            print(f"  warning: {path}: the card could not be drawn ({problem}); it shows the site's name alone",
                  file=sys.stderr)
        found[path] = store.put(cards[path].key(drawing), picture) if store and not problem else picture
    if store:
        store.prune()
    print(f"{len(cards)} link-preview cards: {len(todo)} drawn, {len(cards) - len(todo)} unchanged")
    return found


def summary(document: Document) -> list[str]:
    name = document.source.file
    if document.failed:
        return [f"{name}: FAILED, skipped: " + "; ".join(document.warnings)]
    reasons = Counter(d.reason.split(":")[0] for d in document.drops)
    dropped = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
    lines = [f"{name}: {len(document.entries)} entries, pattern {document.pattern}"
             + (f"; dropped: {dropped}" if dropped else "")]
    lines += [f"  warning: {name}: {w}" for w in document.warnings]
    return lines


def write_registry(path: Path, text: str, identities) -> None:
    """After the pages are written, and only when something changed: the file is committed."""
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    staging = path.with_name(f".{path.name}.new")
    staging.write_text(text, encoding="utf-8")
    staging.replace(path)
    removed = ", ".join(str(r.record.n) for r in identities.removed)
    print(f"registry updated: {path} (commit it)" + (f"; removed entries: {removed}" if removed else ""))


def collect_less_often() -> None:
    """The converter makes millions of short-lived tokens while it holds the corpus: at Python's
    default thresholds the collector scans that corpus again every 700 allocations, a fifth of the
    converter's time at 10x. The modules loaded so far leave its scans, and it runs less often
    (forked workers inherit both). Process-wide, so only ``python -m converter`` calls it."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def main(argv=None) -> int:
    args = arguments(argv)
    status = convert(args)
    if args.watch and status != 2:
        try:
            return watch(args)
        except KeyboardInterrupt:
            return status
    return status


def convert(args) -> int:
    if not args.source.is_dir():
        print(f"error: source folder {args.source} not found", file=sys.stderr)
        return 2
    with emit.output_lock(args.out.resolve(), lambda: print(
            f"another converter is writing {args.out}: waiting for it to finish", file=sys.stderr)):
        return convert_locked(args)


def convert_locked(args) -> int:
    try:
        settings = sources.load(args.data)
        if args.site is not None:
            settings = replace(settings, site_name=sources.site_name(args.site))
    except sources.SettingsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    paths = sources.documents_in(args.source)
    if not paths:
        print(f"error: no .txt or .md documents in {args.source}", file=sys.stderr)
        return 1
    registry_path = args.registry or args.data / "registry.yml"
    try:
        old = registry_file.parse(registry_path.read_text(encoding="utf-8"), str(registry_path)) \
            if registry_path.exists() else registry_file.Registry()
    except (OSError, UnicodeDecodeError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    documents = converted_documents(paths, settings, args)
    distinct_sources(documents)
    pictures = with_images(documents, paths, settings)
    linked = link_documents(documents, old, settings, args.jobs)
    for warning in linked.warnings:
        print(f"  warning: {warning}", file=sys.stderr)
    if linked.review.missing:
        print(f"  {len(linked.review.missing)} Hinglish answers have no written English summary yet "
              "(report.json: summaries.missing; handbook/hinglish.md)")
    for document in documents:
        for line in summary(document):
            print(line, file=sys.stderr if document.failed or line.startswith("  warning") else sys.stdout)
    if all(d.failed for d in documents):
        print("error: no document could be converted; previous output left as it was", file=sys.stderr)
        return 1
    files, report, cards = emitted(documents, linked, args.jobs)
    files.update(pictures)
    try:
        files.update(drawn_cards(cards, args.cache, args.jobs))  # into the cache, so that a full disk is said here
        emit.write_tree(args.out, files, report, args.report,
                        args.cache / "written.json" if args.cache else None, emit.SITE_WIDE)
        if args.registry is not None:
            write_registry(args.registry, registry_file.dump(linked.identities.registry), linked.identities)
    except emit.DrawingError as err:  # no card at all: Pillow or the font package is broken
        print(f"error: cannot draw link-preview cards: {err}; reinstall with `make clean site`; "
              "previous output left as it was", file=sys.stderr)
        return 1
    except OSError as err:  # a full disk, a read-only folder
        where = f" {err.filename}" if err.filename else ""
        print(f"error: cannot write{where}: {err.strerror or err}; previous output left as it was", file=sys.stderr)
        return 1
    pages = sum(len(d.entries) for d in documents)
    print(f"{pages} pages from {sum(not d.failed for d in documents)} documents written to {args.out}")
    return 0
