"""Writing the generated tree: all at once or not at all.

With a ``manifest`` (the converter keeps it in its cache folder), a file whose
text is the same as in the tree it replaces is hard-linked from there instead
of written again. After one edit nearly every file is the same, and creating
20,000 files and freeing the old ones cost more than the rest of a rebuild at
30 times the corpus. Linked files keep their modification times, so
``mkdocs serve --dirty`` (``make serve``) renders only the pages that changed.
Some files are part of every page (the navigation, the abbreviations appended
to each page): when one of them changed, nothing is linked, and every page is
new to the watcher.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

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


def write_files(out: Path, staging: Path, files: dict[str, str], before: dict[str, Record]) -> dict[str, Record]:
    written: dict[str, Record] = {}
    for folder in sorted({os.path.dirname(relative) for relative in files} - {""}):
        (staging / folder).mkdir(parents=True, exist_ok=True)  # once each: 10,000 short links have one
    for relative, text in sorted(files.items()):
        data = text.encode("utf-8")
        wanted, target = digest(data), staging / relative
        if linked(out / relative, target, before.get(relative), wanted):
            written[relative] = before[relative]
            continue
        with open(target, "wb") as stream:
            stream.write(data)
        status = os.stat(target)
        written[relative] = (wanted, status.st_size, status.st_mtime_ns)
    return written


def reusable(files: dict[str, str], before: dict[str, Record], site_wide: tuple[str, ...]) -> dict[str, Record]:
    """What the last run wrote, or nothing when one of the ``site_wide`` files changed."""
    changed = any(name in files and before.get(name, ("",))[0] != digest(files[name].encode("utf-8"))
                  for name in site_wide)
    return {} if changed else before


def write_tree(out: Path, files: dict[str, str], report_data: dict, report_path: Path | None,
               manifest: Path | None = None, site_wide: tuple[str, ...] = ()) -> None:
    """Build the whole tree beside ``out`` and swap it in, so a failed run leaves
    the previous output untouched and a reader never sees half a site. With a ``manifest``,
    unchanged files are linked, unless one of the ``site_wide`` files changed."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
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
        old = None
        if out.exists():
            old = out.with_name(f".{out.name}.old-{os.getpid()}")
            out.rename(old)
        staging.rename(out)
        if manifest is not None:
            manifest.parent.mkdir(parents=True, exist_ok=True)
            manifest.write_text(json.dumps(written, sort_keys=True), encoding="utf-8")
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
