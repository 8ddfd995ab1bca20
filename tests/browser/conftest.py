"""Browser fixtures: the built site served over HTTP under a sub-path, and
Debian's chromium driven by playwright (never `playwright install`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.browser import CHROMIUM, CHROMIUM_ARGS
from checks.search import served


@pytest.fixture(scope="session")
def site_url(built_site, tmp_path_factory):
    """http://127.0.0.1:<port>/genai-reference/ serving the built site (the sub-path of site_url)."""
    with served(built_site, tmp_path_factory.mktemp("served")) as address:
        yield address


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.fail("browser tests need Debian's chromium: apt-get install -y chromium fonts-lohit-deva")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
