"""Writing the generated tree: all at once or not at all.

With a ``manifest`` (the converter keeps it in its cache folder), a file whose
text is the same as in the tree it replaces is hard-linked from there instead
of written again. After one edit nearly every file is the same, and creating
20,000 files and freeing the old ones cost more than the rest of a rebuild at
30 times the corpus. Linked files keep their modification times, so
``mkdocs serve --dirty`` (``make serve``) renders only the pages that changed.
Some files are part of every page (the navigation, the abbreviations appended
to each page): when one of them changed, no page is linked, and every page is
new to the watcher. Files kept by content elsewhere (the drawn link-preview
cards, in the converter's cache) are given as paths and linked from there.

The new tree is built beside the old one and exchanged with it in one step
(``renameat2`` with ``RENAME_EXCHANGE`` on Linux), so that a run killed at any
moment leaves one whole tree in place. Where the system has no such exchange,
two renames are used and a run that finds only the old tree, put aside, puts
it back first. Trees left beside by killed runs are removed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from functools import cache
from pathlib import Path

AT_FDCWD, RENAME_EXCHANGE = -100, 2  # <fcntl.h>, <linux/fs.h>

PAGES = (".md", ".ipynb")  # files MkDocs renders as pages, with the navigation (notebooks: mkdocs-jupyter)
Record = tuple[str, int, int]  # a written file's digest, size and modification time (ns)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_manifest(path: Path | None) -> dict[str, Record]:
    """What the last run wrote; nothing when there is no readable manifest."""
    try:
        return {name: tuple(record) for name, record in json.loads(path.read_text(encoding="utf-8")).items()}
    except (AttributeError, OSError, ValueError, TypeError):
        return {}


def linked(old: Path, new: Path, record: Record | None, wanted: str) -> bool:
    """Whether ``new`` could be made a link to ``old``: only when the last run wrote ``old`` with
    this digest and nothing has touched it since (same size and time)."""
    if record is None or record[0] != wanted:
        return False
    try:
        status = os.stat(old)
        if (status.st_size, status.st_mtime_ns) != record[1:]:
            return False
        os.link(old, new)
    except OSError:
        return False
    return True


def write_files(out: Path, staging: Path, files: dict[str, str | bytes | Path], before: dict[str, Record]
                ) -> dict[str, Record]:
    """A ``Path`` among ``files`` is a file kept by content elsewhere (a drawn card, named by its
    key): it is linked from there, or copied across file systems, and never read."""
    written: dict[str, Record] = {}
    for folder in sorted({os.path.dirname(relative) for relative in files} - {""}):
        (staging / folder).mkdir(parents=True, exist_ok=True)  # once each: 10,000 short links have one
    for relative, content in sorted(files.items()):
        kept = isinstance(content, Path)
        data = content.encode("utf-8") if isinstance(content, str) else content  # pages, pictures, kept files
        wanted, target = ("kept:" + content.name) if kept else digest(data), staging / relative
        if linked(out / relative, target, before.get(relative), wanted):
            written[relative] = before[relative]
            continue
        if kept:
            try:
                os.link(content, target)
            except OSError:
                shutil.copyfile(content, target)
        else:
            with open(target, "wb") as stream:
                stream.write(data)
        status = os.stat(target)
        written[relative] = (wanted, status.st_size, status.st_mtime_ns)
    return written


def reusable(files: dict[str, str], before: dict[str, Record], site_wide: tuple[str, ...]) -> dict[str, Record]:
    """What the last run wrote; when one of the ``site_wide`` files changed, only its files that
    are not pages (pictures, cards, lists), which no page's rendering depends on."""
    changed = any(name in files and before.get(name, ("",))[0] != digest(files[name].encode("utf-8"))
                  for name in site_wide)
    return {name: record for name, record in before.items() if not name.endswith(PAGES)} if changed else before


@cache
def renameat2():
    """libc's renameat2, or None where there is none (not Linux, or an old C library)."""
    try:
        function = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return function


def exchanged(a: Path, b: Path) -> bool:
    """Whether ``a`` and ``b`` were swapped in one step; False where the system cannot."""
    function = renameat2()
    if function is None:
        return False
    return function(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


@contextmanager
def output_lock(out: Path, waiting):
    """The output held by this run alone: a second converter on the same folder (``make site``
    while ``make serve`` converts) waits for the first, after calling ``waiting`` once. The lock
    is on the folder that holds the output, so that no lock file is left beside it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(out.parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(folder, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)


def leftovers(out: Path) -> list[Path]:
    """Trees that runs killed midway left beside ``out``: staged ones and set-aside old ones."""
    return sorted(p for p in out.parent.glob(f".{out.name}.*") if p.is_dir())


def recover(out: Path) -> None:
    """Before a run (holding the output's lock): a tree set aside by a run killed between its two
    renames is put back when ``out`` is missing, and every other leftover removed."""
    aside = [p for p in leftovers(out) if ".old-" in p.name]
    if not out.exists() and aside:
        max(aside, key=lambda p: p.stat().st_mtime_ns).rename(out)
    for path in leftovers(out):
        shutil.rmtree(path, ignore_errors=True)


def swap_in(staging: Path, out: Path) -> Path | None:
    """``staging`` put at ``out``; returns where the old tree now is, for the caller to remove."""
    if not out.exists():
        staging.rename(out)
        return None
    if exchanged(staging, out):
        return staging
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    out.rename(old)
    staging.rename(out)
    return old


def write_tree(out: Path, files: dict[str, str | bytes | Path], report_data: dict, report_path: Path | None,
               manifest: Path | None = None, site_wide: tuple[str, ...] = ()) -> None:
    """Build the whole tree beside ``out`` and swap it in, so a failed run leaves
    the previous output untouched and a reader never sees half a site. With a ``manifest``,
    unchanged files are linked, unless one of the ``site_wide`` files changed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    recover(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        before = reusable(files, read_manifest(manifest), site_wide) if manifest else {}
        written = write_files(out, staging, files, before)
        report_text = json.dumps(report_data, ensure_ascii=False, indent=1) + "\n"
        if report_path is None:
            (staging / "report.json").write_text(report_text, encoding="utf-8")
        else:
            report_path.parent.mkdir(parents=True, exist_ok=True)
            report_path.write_text(report_text, encoding="utf-8")
        old = swap_in(staging, out)
        if manifest is not None:
            manifest.parent.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps(written, sort_keys=True), encoding="utf-8")
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
