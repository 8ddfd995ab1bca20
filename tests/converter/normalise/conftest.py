"""Shared by the normalise unit tests: the real style settings, the small
fixture documents, and rendering the way MkDocs renders a page."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup

from converter import sources
from converter.normalise import normalise

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "normalise"


def mkdocs_extensions() -> tuple[list[str], dict[str, dict]]:
    """``markdown_extensions`` of mkdocs.yml, as Python-Markdown takes them."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            configs[name] = options or {}
        else:
            names.append(entry)
    return names, configs


EXTENSIONS, EXTENSION_CONFIGS = mkdocs_extensions()


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


@pytest.fixture(scope="session")
def markdown_config() -> tuple[list[str], dict[str, dict]]:
    return EXTENSIONS, EXTENSION_CONFIGS


@pytest.fixture(scope="session")
def style():
    return sources.load().style


@pytest.fixture(scope="session")
def fixture_text():
    def read(name: str) -> str:
        return (FIXTURES / name).read_text(encoding="utf-8")
    return read


@pytest.fixture(scope="session")
def normalised(fixture_text, style):
    """A fixture document through the whole normalise stage."""
    def run(name: str) -> str:
        return normalise(fixture_text(name), style)
    return run


@pytest.fixture(scope="session")
def render():
    """Markdown -> parsed HTML, rendered by Python-Markdown with mkdocs.yml's extensions."""
    def run(text: str) -> BeautifulSoup:
        return BeautifulSoup(to_html(text), "html.parser")
    return run
