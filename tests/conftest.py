"""Shared fixtures: the real corpus beside the repo, converted once per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from converter import cli

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus is expected at {CORPUS} (set CORPUS=<dir> to point elsewhere)")
    return CORPUS


@pytest.fixture(scope="session")
def converted(corpus, tmp_path_factory) -> Path:
    """``make convert`` on the corpus: the pages and report.json in one folder."""
    out = tmp_path_factory.mktemp("converted") / "out"
    assert cli.main(["--source", str(corpus), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def report(converted) -> dict:
    return json.loads((converted / "report.json").read_text(encoding="utf-8"))
