"""A site built from generated pages in a throwaway copy of the project, so that
tests and benchmarks never touch the working tree's docs/ or site/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from hooks.contract import FOLDER

ROOT = Path(__file__).resolve().parents[2]


def configuration(config: Path = ROOT / "mkdocs.yml") -> dict:
    """``config`` read as MkDocs reads it: ``!ENV`` tags resolved (``SITE_URL`` sets site_url),
    ``INHERIT`` followed."""
    with open(config, encoding="utf-8") as file:
        return yaml_load(file)


def configured_backend() -> str:
    """The search backend mkdocs.yml chooses (``extra.search_backend``)."""
    return configuration().get("extra", {}).get("search_backend", "material")


def configured_site_url(config: Path = ROOT / "mkdocs.yml") -> str:
    """The site's public address as a build here gets it (``SITE_URL``, else mkdocs.yml's)."""
    return configuration(config).get("site_url") or ""


class BuildError(Exception):
    """mkdocs failed; the message ends with its output."""


def variant(config: Path, name: str, settings: dict) -> Path:
    """A configuration beside ``config`` that inherits it (MkDocs' ``INHERIT``) and sets
    ``settings`` over it: nested mappings are merged, lists replaced."""
    child = config.with_name(f"mkdocs.{name}.yml")
    child.write_text(yaml.safe_dump({"INHERIT": config.name, **settings}, allow_unicode=True, sort_keys=False),
                     encoding="utf-8")
    return child


def project_copy(generated: Path, project: Path, search_backend: str | None = None) -> Path:
    """A copy of the project with ``generated`` as its docs/library (with ``search_backend`` in
    place of the configured one); returns the configuration to build it with."""
    if project.exists():
        shutil.rmtree(project)
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "tools" / "hooks", project / "tools" / "hooks")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns(FOLDER))
    shutil.copytree(generated, project / "docs" / FOLDER, ignore=shutil.ignore_patterns("report.json"))
    if search_backend is None:
        return project / "mkdocs.yml"
    return variant(project / "mkdocs.yml", "search", {"extra": {"search_backend": search_backend}})


def mkdocs_command(config: Path, strict: bool = True) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(config.resolve())]


MKDOCS_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
              "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}  # as the Makefile sets them


def build_site(generated: Path, project: Path, site_url: str | None = None, search_backend: str | None = None,
               strict: bool = True) -> Path:
    """`mkdocs build --strict` of ``generated`` pages in a copy of the project (at ``site_url``, as
    ``make site SITE_URL=…`` builds it, with ``search_backend`` in place of the configured one);
    returns the site folder. Not ``strict``, warnings are printed instead of failing the build."""
    config = project_copy(generated, project, search_backend)
    address = {} if site_url is None else {"SITE_URL": site_url}
    result = subprocess.run(mkdocs_command(config, strict), capture_output=True, text=True,
                            env={**os.environ, **MKDOCS_ENV, **address}, cwd=project)
    problems = "\n".join(line for line in result.stderr.splitlines() if not line.startswith("INFO"))
    if result.returncode:
        raise BuildError(f"mkdocs build failed in {project}:\n{problems[-3000:]}")
    if problems:
        print(problems[-3000:], file=sys.stderr)
    return project / "site"
