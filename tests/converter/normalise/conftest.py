"""Shared by the normalise unit tests: the real style settings, the small
fixture documents, and rendering the way MkDocs renders a page."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SETTINGS, normalise

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "normalise"


@pytest.fixture(scope="session")
def style():
    return SETTINGS.style


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
