"""The project root, the converter's arguments as ``make pages`` gives them, and the throwaway
site build (tools/checks/project.py), for the corpus fixtures (conftest.py), the permanent-link
suite and the search tests."""

from pathlib import Path

from checks.project import ROOT, build_site, configured_backend, configured_site_url

__all__ = ["ROOT", "build_site", "configured_backend", "configured_site_url", "make_pages"]


def make_pages(corpus: Path, out: Path, registry: Path) -> list[str]:
    """The converter's arguments as ``make pages`` gives them (a card per page), into ``out``."""
    return ["--source", str(corpus), "--out", str(out), "--registry", str(registry), "--site", str(ROOT / "mkdocs.yml")]
