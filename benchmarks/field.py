"""The field corpus: convert ``../shared/field/documents`` with no hints, time it, score it.

Prints the score table (the field's own ``score.py``, plus chapters found) and the converter's
time; ``--json`` keeps the figures. ``python benchmarks/field.py --json build/bench/field.json``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tools"))

from checks.field import score, table  # noqa: E402
from converter import cli  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--field", type=Path, default=HERE.parent.parent / "shared" / "field")
    parser.add_argument("--out", type=Path, default=HERE.parent / "build" / "bench" / "field")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    status = cli.main(["--source", str(args.field / "documents"), "--out", str(args.out)])
    seconds = time.perf_counter() - started
    if status:
        return status
    result = score(args.field, args.out / "report.json", args.out.parent / "field-details.json")
    print(table(result))
    print(f"\nconverter: {seconds:.2f} s for {len(result.documents)} documents")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"seconds": seconds, "recall": result.recall,
                                         "extra_rate": result.extra_rate,
                                         "documents": [asdict(d) for d in result.documents]}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
