"""Build speed and size at N times the corpus: ``make bench``.

For each size it synthesises the corpus (benchmarks/synthetic.py) and measures,
each step in its own process so that its peak memory is its own:

- the converter, end to end (MB of raw text per second), then again with its
  cache after one document was edited;
- the full build of the converted pages (`mkdocs build`, hooks, notebooks,
  search index);
- the baseline: a plain `mkdocs build` of the same pages with the same theme
  configuration, but none of this project's hooks and no notebook plugin (the
  generated navigation is written into its mkdocs.yml, as the hook would);
- the site's size, the median and 95th-percentile HTML page, and the search index.

The two builds run side by side, one per core (each is one Python process), so
that ``make bench`` fits in 20 minutes on two cores; ``--sequential`` builds
them one after the other. The smallest size is built ``--repeats`` times (3) and
its median run reported: it is the shortest and noisiest timing, and every
ratio against it divides by it.

``python benchmarks/bench.py --times 1 10 30 --json build/bench/bench.json``
prints a table and writes every figure to the JSON file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))
sys.path.insert(0, str(HERE))

from build import CONVERTER_ENV, converter_command  # noqa: E402
from checks.project import MKDOCS_ENV, ROOT, configuration, mkdocs_command, project_copy, variant  # noqa: E402
from hooks.contract import FOLDER, NAVIGATION  # noqa: E402
from search import index_size  # noqa: E402
from synthetic import synthesise  # noqa: E402


def measured(command: list[str], cwd: Path | None = None, env: dict | None = None) -> dict:
    """Seconds and peak memory (MB) of one command, which must succeed. A small Python shim
    runs it and reports the peak memory of its process tree on stderr."""
    shim = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
            "print('PEAK_KB=%d' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
            "sys.exit(code)")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", shim, *command], cwd=cwd, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if result.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    peak = re.search(r"PEAK_KB=(\d+)", result.stderr)
    return {"seconds": round(seconds, 1), "peak_mb": round(int(peak.group(1)) / 1024) if peak else None}


def plain_config(config: Path) -> Path:
    """The baseline, a variant of ``config``: the same theme, extensions and search, no hooks, no
    notebook plugin; returns its file."""
    nav = yaml.safe_load((config.parent / "docs" / FOLDER / NAVIGATION).read_text(encoding="utf-8")) or []
    plugins = [plugin for plugin in configuration(config)["plugins"]
               if "mkdocs-jupyter" not in (plugin if isinstance(plugin, str) else plugin)]
    return variant(config, "plain", {"hooks": [], "plugins": plugins, "nav": [{"Home": "index.md"}, *prefixed(nav)],
                                     "extra": {"search_backend": "material"}})


def prefixed(nav):
    """nav.yml names pages inside docs/library/; the hook that reads it is gone, so the paths say so."""
    if isinstance(nav, list):
        return [prefixed(item) for item in nav]
    if isinstance(nav, dict):
        return {key: prefixed(value) for key, value in nav.items()}
    return nav if nav.startswith((f"{FOLDER}/", "http")) else f"{FOLDER}/{nav}"


def page_sizes(site: Path) -> dict:
    sizes = sorted(p.stat().st_size for p in site.rglob("*.html"))
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"html_pages": len(sizes), "site_mb": round(total / 1e6, 1),
            "median_page_kb": round(statistics.median(sizes) / 1e3, 1),
            "p95_page_kb": round(sizes[int(0.95 * (len(sizes) - 1))] / 1e3, 1)}


KINDS = ("full", "plain")


def median_run(runs: list[dict]) -> dict:
    """The run of median time, with every run's seconds beside it."""
    middle = sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]
    return {**middle, "runs": [run["seconds"] for run in runs]}


def bench(times: int, source: Path, work: Path, sequential: bool = False, repeats: int = 1) -> dict:
    out = work / f"x{times}"
    documents = synthesise(source, ROOT / "tools" / "data", out, times)
    raw_mb = sum(p.stat().st_size for p in documents) / 1e6
    command = converter_command(out / "corpus", out / "data", out / "pages", cache=out / "cache")
    shutil.rmtree(out / "cache", ignore_errors=True)
    convert = measured(command, env=CONVERTER_ENV)
    with open(documents[0], "a", encoding="utf-8") as edited:  # what a maintainer does between two builds
        edited.write("\nOne more sentence, added between two builds.\n")
    row = {"times": times, "documents": len(documents), "raw_mb": round(raw_mb, 2), "converter": convert,
           "converter_mb_per_s": round(raw_mb / convert["seconds"], 2),
           "converter_after_one_edit": measured(command, env=CONVERTER_ENV)}
    configs = {kind: project_copy(out / "pages", out / f"project-{kind}") for kind in KINDS}
    configs["plain"] = plain_config(configs["plain"])

    def build(kind: str) -> dict:
        return measured(mkdocs_command(configs[kind], strict=False), cwd=configs[kind].parent, env=MKDOCS_ENV)
    runs: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for _ in range(max(1, repeats)):
        if sequential:
            builds = [build(kind) for kind in KINDS]
        else:
            with ThreadPoolExecutor(len(KINDS)) as pool:
                builds = list(pool.map(build, KINDS))
        for kind, figures in zip(KINDS, builds):
            runs[kind].append(figures)
    for kind in KINDS:
        row[kind] = median_run(runs[kind])
        site = configs[kind].parent / "site"
        row[f"{kind}_site"] = page_sizes(site)
        if kind == "full":
            row["search_index"] = index_size(site)
        shutil.rmtree(configs[kind].parent)
    row["overhead"] = round(row["full"]["seconds"] / row["plain"]["seconds"], 2)
    return row


def markdown_table(times: list[int], rows: list[tuple[str, list[str]]]) -> str:
    """A column per size, a row per (label, one value per size)."""
    lines = ["| | " + " | ".join(f"{t}×" for t in times) + " |", "|---" * (len(times) + 1) + "|"]
    return "\n".join(lines + [f"| {label} | " + " | ".join(values) + " |" for label, values in rows])


def saved(path: Path | None, rows: list[dict]) -> None:
    """The figures as JSON at ``path`` (none when there is no path)."""
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


def table(rows: list[dict]) -> str:
    cells = [("raw text", [f"{r['raw_mb']} MB" for r in rows]),
             ("converter", [f"{r['converter']['seconds']} s ({r['converter_mb_per_s']} MB/s, "
                            f"{r['converter']['peak_mb']} MB)" for r in rows]),
             ("converter after editing one document", [f"{r['converter_after_one_edit']['seconds']} s" for r in rows])]
    for kind, label in (("full", "full build"), ("plain", "plain mkdocs build")):
        cells.append((label, [f"{r[kind]['seconds']} s ({r[kind]['peak_mb']} MB)"
                              + (f", median of {'/'.join(map(str, r[kind]['runs']))}" if len(r[kind]["runs"]) > 1 else "")
                              for r in rows]))
    cells.append(("full / plain", [f"{r['overhead']}" for r in rows]))
    for kind in KINDS:
        cells.append((f"{kind} build, against {rows[0]['times']}×",
                      [f"{r[kind]['seconds'] / rows[0][kind]['seconds']:.1f}" for r in rows]))
    cells += [("HTML pages", [str(r["full_site"]["html_pages"]) for r in rows]),
              ("site", [f"{r['full_site']['site_mb']} MB" for r in rows]),
              ("median / p95 page", [f"{r['full_site']['median_page_kb']} / {r['full_site']['p95_page_kb']} KB"
                                     for r in rows]),
              ("search index", [f"{r['search_index']['raw'] / 1e6:.2f} MB ({r['search_index']['backend']})"
                                for r in rows])]
    return markdown_table([r["times"] for r in rows], cells)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench" / "bench.json")
    parser.add_argument("--sequential", action="store_true",
                        help="build the full and the plain site one after the other, not side by side")
    parser.add_argument("--repeats", type=int, default=3,
                        help="builds of the smallest size, whose median run is reported (default 3)")
    args = parser.parse_args(argv)
    rows = []
    for times in sorted(args.times):
        rows.append(bench(times, args.source, args.work, args.sequential,
                          args.repeats if times == min(args.times) else 1))
        print(f"{times}×: {json.dumps(rows[-1])}", flush=True)
    print(table(rows))
    saved(args.json, rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
