"""Sites built from a synthetic corpus at N times the real one, once per search backend.

``python benchmarks/build.py --times 30 --out DIR --backends material pagefind``
writes DIR/corpus and DIR/data (benchmarks/synthetic.py), converts them into
DIR/pages, and builds DIR/site-<backend> for each backend, printing how long
each step took, and the build's warnings: not strict, because at 30 times a
strict build stopped after 24 minutes on a warning of the synthetic text, and
a benchmark measures rather than gates. Nothing here is committed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))
sys.path.insert(0, str(HERE))

from checks.project import ROOT, build_site  # noqa: E402
from synthetic import synthesise  # noqa: E402


def timed(label: str, step):
    start = time.perf_counter()
    result = step()
    print(f"{label}: {time.perf_counter() - start:.1f} s", flush=True)
    return result


CONVERTER_ENV = {"PYTHONPATH": str(ROOT / "tools")}


def converter_command(corpus: Path, data: Path, pages: Path, cache: Path | None = None,
                      site: Path | None = ROOT / "mkdocs.yml") -> list[str]:
    """The converter as ``make pages`` runs it: with ``site``, a link-preview card per page."""
    return [sys.executable, "-m", "converter", "--source", str(corpus), "--data", str(data), "--out", str(pages),
            *(["--cache", str(cache)] if cache else []), *(["--site", str(site)] if site else [])]


def convert(corpus: Path, data: Path, pages: Path) -> None:
    result = subprocess.run(converter_command(corpus, data, pages), capture_output=True, text=True,
                            env={**os.environ, **CONVERTER_ENV})
    if result.returncode:
        raise SystemExit(f"the converter failed on {corpus}:\n{result.stderr[-3000:]}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--times", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--backends", nargs="+", default=["material", "pagefind"])
    args = parser.parse_args(argv)
    documents = timed(f"synthetic corpus x{args.times}",
                      lambda: synthesise(args.source, ROOT / "tools" / "data", args.out, args.times))
    print(f"  {len(documents)} documents, {sum(p.stat().st_size for p in documents) / 1e6:.1f} MB")
    timed("converter", lambda: convert(args.out / "corpus", args.out / "data", args.out / "pages"))
    for backend in args.backends:
        project = args.out / f"project-{backend}"
        site = timed(f"mkdocs build ({backend} search)",
                     lambda: build_site(args.out / "pages", project, search_backend=backend, strict=False))
        target = args.out / f"site-{backend}"
        shutil.rmtree(target, ignore_errors=True)
        site.rename(target)
        shutil.rmtree(project)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
