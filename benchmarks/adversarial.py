"""Time on long adversarial lines: no step may grow with the square of a line's length.

A document is one question whose answer holds a single line of one markup unit repeated
(``<``, ``](``, ``[``, backticks, ``\\(``...), at several lengths up to the converter's line
limit. For each unit and length: the converter on the document (``convert_bytes``, every
per-document stage) and Python-Markdown with mkdocs.yml's extensions on the page it wrote.
Growth is the time at the longest length over the time at half of it: about 2 when the
work is linear, 4 when quadratic.

``python benchmarks/adversarial.py --lengths 24000 48000 96000 --json build/bench/adversarial.json``
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))
sys.path.insert(0, str(HERE))

import markdown  # noqa: E402

from bench import saved  # noqa: E402

from checks.project import configuration  # noqa: E402
from converter import sources  # noqa: E402
from converter.pipeline import convert_bytes  # noqa: E402

UNITS = ["<", "`", "[", "](", "[a](", "![", "[^", "*[", "{", "{:", "\\(", "$", "$$", "*", "_", "<a ", "<!--", "&#",
         "http://x.io/", "- ", "> ", "|"]


def extensions() -> tuple[list[str], dict]:
    """mkdocs.yml's Markdown extensions, as MkDocs gives them to Python-Markdown (without the
    snippets' auto_append, a generated file)."""
    names, configs = [], {}
    for entry in configuration()["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        names.append(name)
        configs[name] = {key: value for key, value in (options or {}).items() if key != "auto_append"}
    return names, configs


def seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def measure(unit: str, length: int, settings, names, configs) -> dict:
    line = (unit * (length // len(unit) + 1))[:length]
    data = f"## 1. What is A?\n\nWords before. {line} Words after.\n\n## 2. What is B?\n\nB.\n".encode()
    source = sources.source_for("adversarial.md", settings)
    documents = []
    converter = seconds(lambda: documents.append(convert_bytes(data, source, settings)[0]))
    page = "\n\n".join(entry.body for entry in documents[0].entries)
    render = seconds(lambda: markdown.markdown(page, extensions=names, extension_configs=configs))
    return {"unit": unit, "length": length, "converter_s": round(converter, 3), "markdown_s": round(render, 3)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[24_000, 48_000, 96_000])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    settings, (names, configs) = sources.load(), extensions()
    rows = [measure(unit, length, settings, names, configs) for unit in UNITS for length in sorted(args.lengths)]
    longest, half = max(args.lengths), max(args.lengths) // 2
    print(f"{'unit':14} {'converter':>22} {'markdown':>22}   (seconds at {half:,} -> {longest:,}, growth)")
    for unit in UNITS:
        at = {row["length"]: row for row in rows if row["unit"] == unit}
        cells = []
        for step in ("converter_s", "markdown_s"):
            low, high = at.get(half, at[min(at)])[step], at[longest][step]
            cells.append(f"{low:6.2f} -> {high:6.2f} ({high / max(low, 0.01):4.1f})")
        print(f"{unit!r:14} {cells[0]:>22} {cells[1]:>22}")
    saved(args.json, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
