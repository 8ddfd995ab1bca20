"""`make site` as a maintainer runs it, in a throwaway copy of the project (its .venv shared):
it stops on the warnings that --strict is there to catch, and shows them, without MkDocs'
INFO lines."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from site_build import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "patterns" / "q_colon_headings.md"


def project_copy(folder: Path) -> Path:
    """The tracked files, with their times (so make finds .venv up to date), and the same .venv."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True)
    for name in filter(None, tracked.stdout.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    (folder / ".venv").symlink_to(ROOT / ".venv")
    return folder


def make_site(project: Path, source: Path) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("MAKE", "MFLAGS"))}
    return subprocess.run(["make", "site", f"SOURCE={source}", f"REGISTRY={project / 'registry.yml'}"],
                          cwd=project, capture_output=True, text=True, env=environment)


def test_make_site_stops_on_a_warning_and_shows_it(tmp_path):
    project = project_copy(tmp_path / "project")
    (tmp_path / "source").mkdir()
    shutil.copy(FIXTURE, tmp_path / "source" / FIXTURE.name)
    assert make_site(project, tmp_path / "source").returncode == 0
    (project / "docs" / "about.md").write_text("# About\n\nSee [the missing page](missing.md).\n")
    result = make_site(project, tmp_path / "source")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "WARNING" in output and "'missing.md'" in output and "Aborted with 2 warnings in strict mode" in output
    assert not [line for line in output.splitlines() if line.startswith("INFO")]
