"""Shared by the converter's unit tests: rendering Markdown the way MkDocs does."""

from __future__ import annotations

import markdown
import pytest
from bs4 import BeautifulSoup

from checks.project import configuration


def mkdocs_extensions() -> tuple[list[str], dict[str, dict]]:
    """``markdown_extensions`` of mkdocs.yml, as Python-Markdown takes them. Snippets'
    ``auto_append`` is left out: it names a generated file (the glossary's abbreviations)
    that a fresh clone has not built yet, and fragments are not site pages."""
    config = configuration()
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, options), = entry.items()
            names.append(name)
            configs[name] = {k: v for k, v in (options or {}).items() if k != "auto_append"}
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
def render():
    """Markdown -> parsed HTML, rendered by Python-Markdown with mkdocs.yml's extensions: the
    ``<body>`` lxml wraps it in, so that its top-level elements are the page's."""
    def run(text: str) -> BeautifulSoup:
        soup = BeautifulSoup(to_html(text), "lxml")
        return soup.body or soup
    return run
