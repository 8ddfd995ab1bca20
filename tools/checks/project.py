"""A site built from generated pages in a throwaway copy of the project, so that
tests and benchmarks never touch the working tree's docs/ or site/."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def configured_backend() -> str:
    """The search backend mkdocs.yml chooses (``extra.search_backend``)."""
    found = re.search(r"(?m)^  search_backend: (\w+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return found.group(1) if found else "material"


class BuildError(Exception):
    """mkdocs failed; the message ends with its output."""


def project_copy(generated: Path, project: Path, site_url: str | None = None,
                 search_backend: str | None = None) -> Path:
    """A copy of the project with ``generated`` as its docs/library (at ``site_url``, with
    ``search_backend`` in place of the configured one); returns its mkdocs.yml."""
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if site_url is not None:
        config = re.sub(r"(?m)^site_url: .*$", f"site_url: {site_url}", config)
    if search_backend is not None:
        config = re.sub(r"(?m)^(  search_backend:) .*$", rf"\1 {search_backend}", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "tools" / "hooks", project / "tools" / "hooks")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("library"))
    shutil.copytree(generated, project / "docs" / "library", ignore=shutil.ignore_patterns("report.json"))
    return project / "mkdocs.yml"


def mkdocs_command(config: Path, strict: bool = True) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config)]


MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
              "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}  # as the Makefile sets them


def build_site(generated: Path, project: Path, site_url: str | None = None, search_backend: str | None = None,
               strict: bool = True) -> Path:
    """`mkdocs build --strict` of ``generated`` pages in a copy of the project (at ``site_url``, with
    ``search_backend`` in place of the configured one); returns the site folder. Not ``strict``,
    warnings are printed instead of failing the build."""
    config = project_copy(generated, project, site_url, search_backend)
    result = subprocess.run(mkdocs_command(config, strict), capture_output=True, text=True,
                            env={**os.environ, **MKDOCS_ENV}, cwd=project)
    problems = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("INFO"))
    if result.returncode:
        raise BuildError(f"mkdocs build failed in {project}:\n{problems[-3000:]}")
    if problems:
        print(problems[-3000:], file=sys.stderr)
    return project / "site"
