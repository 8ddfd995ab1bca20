"""Shared fixtures: the real corpus beside the repo, converted once per session."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
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


@pytest.fixture(scope="session")
def built_site(converted, tmp_path_factory) -> Path:
    """`mkdocs build --strict` of the converted corpus in a copy of the project."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project)
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "tools" / "hooks", project / "tools" / "hooks")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("library"))
    shutil.copytree(converted, project / "docs" / "library", ignore=shutil.ignore_patterns("report.json"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                            capture_output=True, text=True, env=env, cwd=project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"
