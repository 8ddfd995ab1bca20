"""Writing the generated tree: all at once or not at all."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path


def write_tree(out: Path, files: dict[str, str], report_data: dict, report_path: Path | None) -> None:
    """Build the whole tree beside ``out`` and swap it in, so a failed run leaves
    the previous output untouched and a reader never sees half a site."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        for folder in sorted({os.path.dirname(relative) for relative in files} - {""}):
            (staging / folder).mkdir(parents=True, exist_ok=True)  # once each: 10,000 short links have one
        for relative, text in sorted(files.items()):
            with open(staging / relative, "w", encoding="utf-8") as target:
                target.write(text)
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
