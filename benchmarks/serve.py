"""Time from saving a raw document to the rebuilt page in ``make serve``.

Runs what ``make serve`` runs, in a throwaway copy of the project and of the
corpus: the converter watching the documents (with its cache) and ``mkdocs
serve``. Then, several times, appends a sentence to a raw document and polls
the page that sentence lands on until the served page shows it; the time from
the save to that moment is what a maintainer waits before the open page
reloads with the edit (live reload fires when the build ends).

``python benchmarks/serve.py --source ../shared/corpus --edits 3 --json build/bench/serve.json``
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))
sys.path.insert(0, str(HERE))

from build import CONVERTER_ENV, converter_command  # noqa: E402
from checks.project import MKDOCS_ENV, ROOT, configured_site_url, project_copy  # noqa: E402

TIMEOUT = 600


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, text: str, since: float) -> float:
    """Seconds from ``since`` until ``url`` serves a page holding ``text``."""
    while time.perf_counter() - since < TIMEOUT:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - since
        time.sleep(0.1)
    raise SystemExit(f"{url} did not show {text!r} within {TIMEOUT} s")


def last_page(pages: Path, document: str) -> str:
    """The URL path (below the site) of the page a sentence appended to ``document`` lands on."""
    report = json.loads((pages / "report.json").read_text(encoding="utf-8"))
    entries = next(d["entries"] for d in report["documents"] if d["file"] == document)
    return max(entries, key=lambda e: e["lines"][1])["path"].removesuffix(".md") + "/"


def measure(source: Path, document: str, edits: int, work: Path) -> dict:
    corpus, data, cache = work / "corpus", work / "data", work / "cache"
    shutil.copytree(source, corpus)
    shutil.copytree(ROOT / "tools" / "data", data)
    pages = work / "pages"
    subprocess.run(converter_command(corpus, data, pages, cache), check=True, capture_output=True,
                   env={**os.environ, **CONVERTER_ENV})
    config = project_copy(pages, work / "project")
    library = config.parent / "docs" / "library"
    prefix = urlparse(configured_site_url(config)).path
    port = free_port()
    page = f"http://127.0.0.1:{port}{prefix}{last_page(pages, document)}"
    environment = {**os.environ, **CONVERTER_ENV, **MKDOCS_ENV}
    watcher = subprocess.Popen([*converter_command(corpus, data, library, cache), "--watch"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config),
                               "-a", f"127.0.0.1:{port}"],
                              cwd=config.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    try:
        start = time.perf_counter()
        first = wait_for(page, "<html", start)
        times = []
        for number in range(1, edits + 1):
            marker = f"Edited while serving, number {number}."
            time.sleep(2)  # let the previous rebuild settle
            with open(corpus / document, "a", encoding="utf-8") as raw:
                raw.write(f"\n{marker}\n")
            times.append(round(wait_for(page, marker, time.perf_counter()), 1))
            print(f"edit {number}: {times[-1]} s", flush=True)
    finally:
        for process in (watcher, server):
            process.terminate()
            process.wait(timeout=30)
    return {"document": document, "page": page, "first_page_s": round(first, 1), "save_to_page_s": times,
            "median_s": statistics.median(times)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--document", help="the raw document to edit (default: the smallest)")
    parser.add_argument("--edits", type=int, default=2)
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench" / "serve.json")
    args = parser.parse_args(argv)
    document = args.document or min((p for p in args.source.iterdir() if p.is_file()),
                                    key=lambda p: p.stat().st_size).name
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as work:
        result = measure(args.source, document, args.edits, Path(work))
    print(json.dumps(result))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
