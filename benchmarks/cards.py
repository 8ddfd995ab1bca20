"""What the link-preview cards add to ``make site``: ``make bench-cards``.

At each size (a synthetic corpus N times the real one, benchmarks/synthetic.py), the converter
runs as ``make pages`` runs it, with and without ``--site`` (which draws a card per page), each
from an empty cache, in alternation ``--repeats`` times; the difference of the medians is what
the cards cost a first build. Then, with the cache kept, one document is edited twice:

- a sentence appended (what a maintainer does most): no title changes, no card is drawn;
- one word swapped throughout it ("model" for "system"), which renames many of its questions:
  their cards are drawn again, the others come from the cache.

Each edit is timed with and without ``--site``, from the same starting point. The MkDocs build of
the pages with cards is timed once, to give the cards' share of the whole of ``make site``
(converter and build); the build's part of the cards is copying them into the site, timed alone
(file by file, as MkDocs copies static files): two whole builds differ by more than that from run
to run. Cards' bytes are the site's cards/ folder.

``python benchmarks/cards.py --times 1 30 --json build/bench/cards.json``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))
sys.path.insert(0, str(HERE))

from bench import markdown_table, measured, saved  # noqa: E402
from build import CONVERTER_ENV, converter_command  # noqa: E402
from checks.project import MKDOCS_ENV, ROOT, mkdocs_command, project_copy  # noqa: E402
from synthetic import synthesise  # noqa: E402

SITE = ROOT / "mkdocs.yml"
EDITS = {"a sentence appended": lambda text: text + "\nOne more sentence, added between two builds.\n",
         "a word swapped throughout": lambda text: text.replace("model", "system")}


def converter(out: Path, cards: bool) -> list[str]:
    kind = "cards" if cards else "none"
    return converter_command(out / "corpus", out / "data", out / f"pages-{kind}", cache=out / f"cache-{kind}",
                             site=SITE if cards else None)


def cold(out: Path, cards: bool) -> float:
    shutil.rmtree(out / f"cache-{'cards' if cards else 'none'}", ignore_errors=True)
    return measured(converter(out, cards), env=CONVERTER_ENV)["seconds"]


def copied(cards: Path, into: Path) -> float:
    """Seconds to copy the cards file by file, as MkDocs copies a site's static files."""
    shutil.rmtree(into, ignore_errors=True)
    start = time.perf_counter()
    for path in sorted(cards.rglob("*.png")):
        target = into / path.relative_to(cards)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    seconds = time.perf_counter() - start
    shutil.rmtree(into)
    return round(seconds, 1)


def bench(times: int, source: Path, work: Path, repeats: int) -> dict:
    out = work / f"cards-x{times}"
    documents = synthesise(source, ROOT / "tools" / "data", out, times)
    runs: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(repeats):
        for cards in (False, True):
            runs[cards].append(cold(out, cards))
    without, with_cards = statistics.median(runs[False]), statistics.median(runs[True])
    pages = sorted((out / "pages-cards" / "cards").rglob("*.png"))
    project = project_copy(out / "pages-cards", out / "project")
    build = measured(mkdocs_command(project, strict=False), cwd=project.parent, env=MKDOCS_ENV)["seconds"]
    copying = copied(out / "pages-cards" / "cards", out / "copied")
    cost = with_cards - without + copying
    row = {"times": times, "cards": len(pages), "card_mb": round(sum(p.stat().st_size for p in pages) / 1e6, 1),
           "converter_without": without, "converter_with": with_cards, "runs": {"without": runs[False],
                                                                                 "with": runs[True]},
           "copying": copying, "cards_cold": round(cost, 1), "mkdocs_build": build,
           "share_of_make_site": round(cost / (with_cards + build), 3), "edits": {}}
    shutil.rmtree(project.parent)
    edited = documents[0]
    for name, edit in EDITS.items():
        original = edited.read_text(encoding="utf-8")
        timings = {}
        for cards in (False, True):
            measured(converter(out, cards), env=CONVERTER_ENV)  # the cache holds the document as it was
            edited.write_text(edit(original), encoding="utf-8")
            timings["with" if cards else "without"] = measured(converter(out, cards), env=CONVERTER_ENV)["seconds"]
            edited.write_text(original, encoding="utf-8")
        row["edits"][name] = {**timings, "cards": round(timings["with"] - timings["without"], 1)}
    return row


def table(rows: list[dict]) -> str:
    cells = [("cards (MB)", [f"{r['cards']} ({r['card_mb']} MB)" for r in rows]),
             ("converter, cold, without / with cards",
              [f"{r['converter_without']} s / {r['converter_with']} s" for r in rows]),
             ("cards, first build (converter, and copying them into the site)",
              [f"{r['cards_cold']} s ({r['copying']} s copying)" for r in rows]),
             ("`make site` (converter with cards + mkdocs build)",
              [f"{round(r['converter_with'] + r['mkdocs_build'], 1)} s" for r in rows]),
             ("cards' share of `make site`", [f"{r['share_of_make_site']:.1%}" for r in rows])]
    for name in EDITS:
        cells.append((f"after one document's edit ({name}): cards, converter without / with",
                      [f"{r['edits'][name]['cards']} s ({r['edits'][name]['without']} s / {r['edits'][name]['with']} s)"
                       for r in rows]))
    return markdown_table([r["times"] for r in rows], cells)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 30])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--repeats", type=int, default=3, help="cold runs of each converter, alternated")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    rows = [bench(times, args.source, args.work, args.repeats if times < 10 else 1) for times in args.times]
    print(table(rows))
    saved(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
