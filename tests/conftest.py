"""Shared fixtures: the real corpus beside the repo, converted once per session."""

from __future__ import annotations

import json
import os
import shutil
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from converter import cli
from site_build import ROOT, build_site, configured_backend, make_pages

TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    """The test files directly under tests/ and in tests/browser/ are integration tests."""
    for item in items:
        folder = Path(item.fspath).parent
        if folder in (TESTS, TESTS / "browser"):
            item.add_marker(pytest.mark.integration)

CORPUS = Path(os.environ.get("CORPUS", ROOT.parent / "shared" / "corpus"))
# The suite builds for mkdocs.yml's own address (tests that need another pass it to build_site):
# a SITE_URL exported for deploying must not change what the tests expect.
os.environ.pop("SITE_URL", None)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.fail(f"the corpus is expected at {CORPUS} (set CORPUS=<dir> to point elsewhere)")
    return CORPUS


REGISTRY = ROOT / "tools" / "data" / "registry.yml"


def corpus_registry(folder: Path) -> Path:
    """A copy of the committed registry: the corpus keeps its numbers, the repo is not written."""
    copy = folder / "registry.yml"
    shutil.copy(REGISTRY, copy)
    return copy


@pytest.fixture
def registry_copy(tmp_path) -> Path:
    return corpus_registry(tmp_path)


@pytest.fixture(scope="session")
def converted(corpus, tmp_path_factory) -> Path:
    """``make pages`` on the corpus, into one folder with report.json."""
    folder = tmp_path_factory.mktemp("converted")
    out = folder / "out"
    assert cli.main(make_pages(corpus, out, corpus_registry(folder))) == 0
    return out


@pytest.fixture(scope="session")
def report(converted) -> dict:
    return json.loads((converted / "report.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(converted, tmp_path_factory) -> Path:
    return build_site(converted, tmp_path_factory.mktemp("project"))


@pytest.fixture(scope="session")
def parsed(built_site):
    """``parsed("genai-book/x/")`` (or ``"glossary/index.html"``): that page of the built site,
    parsed with lxml once per session for every test that reads it. Shared: read it, never
    change it."""
    @cache
    def page(path: str) -> BeautifulSoup:
        file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
        return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return page


@pytest.fixture(scope="session")
def site_with(built_site, converted, tmp_path_factory):
    """``site_with(backend)``: the corpus site searched with ``backend``, built once per session
    (the configured backend's is ``built_site``)."""
    sites = {configured_backend(): built_site}

    def site(backend: str) -> Path:
        if backend not in sites:
            sites[backend] = build_site(converted, tmp_path_factory.mktemp(f"{backend}-project"),
                                        search_backend=backend)
        return sites[backend]

    return site
