"""Search backends compared on a built site: index size, bytes downloaded before
the first result, and time from the last keystroke to the results.

``python benchmarks/search.py SITE [SITE...] --json OUT`` takes sites built with
either backend (``extra.search_backend``) and, for each:

- sizes the index: Material's ``search/search_index.json``, or the whole
  ``pagefind/`` bundle, raw and gzipped, in total and per indexed page;
- opens a question page in a fresh browser (nothing cached) and counts the bytes
  the server sent until the page is loaded and the network quiet: what a reader
  who opens a link and never searches costs (first view);
- then types a query at once, as a reader who came to search would, and counts
  the bytes the server sent for search (and in all) until the results are on
  screen, and the time from the last keystroke to them (cold);
- then types more queries in the same page and takes the median (warm).

The server counts bytes itself: a worker's downloads are invisible to the
page's resource timing. It serves files uncompressed, so each file is also
counted at its gzipped size, which is what a host that compresses would send.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from checks.browser import CHROMIUM, CHROMIUM_ARGS, Quiet, serving  # noqa: E402
from checks.search import SPY, typed  # noqa: E402

QUERIES = ("attention mechanism", "lora qlora", "perplexity", "positional encoding", "beam search",
           "vector database", "kaise kaam karta hai", "rlhf", "word embeddings", "hallucination")
SEARCH_FILES = ("search/", "pagefind/", "assets/javascripts/workers/", "assets/javascripts/search-")


def gzipped_size(path: Path) -> int:
    data = path.read_bytes()
    return len(data) if data[:2] == b"\x1f\x8b" else len(gzip.compress(data, 6))


def sizes(files: list[Path]) -> dict:
    return {"files": len(files), "raw": sum(p.stat().st_size for p in files),
            "gzip": sum(gzipped_size(p) for p in files)}


def index_size(site: Path) -> dict:
    """The search index as built, and per page it indexes."""
    bundle = site / "pagefind"
    if bundle.is_dir():
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        files = [p for p in bundle.rglob("*") if p.is_file() and "ui" not in p.name and "highlight" not in p.name
                 and "playground" not in p.parts]
        backend = "pagefind"
    else:
        index = site / "search" / "search_index.json"
        pages = sum(1 for doc in json.loads(index.read_text(encoding="utf-8"))["docs"] if "#" not in doc["location"])
        files = [index]
        backend = "material"
    total = sizes(files)
    return {"backend": backend, "pages": pages, **total,
            "raw_per_page": round(total["raw"] / max(pages, 1)), "gzip_per_page": round(total["gzip"] / max(pages, 1))}


class Counting(Quiet):
    """Serves the site and notes each file it sends; their sizes are added up afterwards,
    so that gzipping a 33 MB index does not delay the response being timed."""

    def __init__(self, *args, sent: list, **kwargs):
        self.sent = sent
        super().__init__(*args, **kwargs)

    def send_head(self):
        head = super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if head is not None and path.is_file():
            self.sent.append(path)
        return head


def downloaded(site: Path, sent: list[Path]) -> dict:
    search = [p for p in sent if p.relative_to(site).as_posix().startswith(SEARCH_FILES)]
    every, searched = sizes(sent), sizes(search)
    return {"requests": every["files"], "raw": every["raw"], "gzip": every["gzip"],
            "search_requests": searched["files"], "search_raw": searched["raw"], "search_gzip": searched["gzip"],
            "search_files": sorted({p.relative_to(site).as_posix() for p in search})}


def measure(browser, site: Path, page_path: str) -> dict:
    sent: list[Path] = []
    with serving(site.resolve(), Counting, sent=sent) as base:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(SPY)
        page.goto(base + page_path)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)  # a worker's downloads are not the page's network
        view = downloaded(site.resolve(), list(sent))
        page.click("input.md-search__input")
        cold = typed(page, QUERIES[0], timeout_ms=600_000)
        first = downloaded(site.resolve(), list(sent))
        warm = [typed(page, query) for query in QUERIES[1:]]
        context.close()
    return {"cold_ms": round(cold), "warm_median_ms": round(statistics.median(warm)),
            "warm_max_ms": round(max(warm)), "first_view": view, "before_first_result": first}


def question_page(site: Path) -> str:
    """A question page of the first source, as a reader arriving from a link would open it."""
    for folder in sorted(site.iterdir()):
        if folder.is_dir() and folder.name not in ("assets", "search", "pagefind", "topics", "q", "glossary"):
            pages = sorted(p.parent for p in folder.glob("*/index.html") if p.parent.name != "notebooks")
            if pages:
                return pages[0].relative_to(site).as_posix() + "/"
    return ""


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for site in args.sites:
            row = {"site": str(site), "index": index_size(site), **measure(browser, site, question_page(site))}
            rows.append(row)
            index, first, view = row["index"], row["before_first_result"], row["first_view"]
            print(f"{site}: first view of a question page {view['gzip'] / 1e3:.0f} KB gzipped "
                  f"({view['search_gzip'] / 1e3:.0f} KB of it search, {view['requests']} requests)")
            print(f"{site}: {index['backend']}, {index['pages']} pages; index {index['raw'] / 1e6:.2f} MB raw, "
                  f"{index['gzip'] / 1e6:.2f} MB gzipped ({index['raw_per_page']} / {index['gzip_per_page']} B per page); "
                  f"before the first result {first['search_gzip'] / 1e6:.2f} MB for search "
                  f"({first['gzip'] / 1e6:.2f} MB in all, gzipped); first result {row['cold_ms']} ms after the "
                  f"last keystroke, then a median of {row['warm_median_ms']} ms")
        browser.close()
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
