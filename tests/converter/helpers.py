"""Shared by the converter unit tests: fixture loading, conversion of bytes
that no sources.yml entry describes, conservation, and the bad inputs."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path

from converter import pipeline, sources
from conserve import missing_words
from converter.links.duplicates import shingles
from converter.links.related import Page
from converter.links.rules import LinkRules
from converter.links.similarity import tokens
from converter.model import Document, Style
from converter.settings import Settings
from converter.normalise import normalised

PATTERNS = Path(__file__).resolve().parent.parent / "fixtures" / "patterns"
STRUCTURES = PATTERNS.parent / "structure"
FIXTURE_DATA = PATTERNS.parent / "settings"
RULES = ("cleanup.yml", "language.yml", "links.yml", "identity.yml")  # the converter's rules, reviewed like code


def fixture_settings() -> Settings:
    """Settings for the unit tests: the converter's rules from tools/data/, with the tests' own
    small editorial files (sources, errata, vocabulary, glossary, summaries) instead of the
    site's, so that editing the site's tags, glossary or summaries never changes a unit test."""
    with tempfile.TemporaryDirectory(prefix="settings-") as folder:
        for name in RULES:
            shutil.copy(sources.DATA / name, Path(folder) / name)
        for path in FIXTURE_DATA.glob("*.yml"):
            shutil.copy(path, Path(folder) / path.name)
        return sources.load(Path(folder))


SETTINGS = fixture_settings()

GOOD = b"# Notes\n\n## 1. What is A?\n\nAnswer A.\n\n## 2. What is B?\n\nAnswer B.\n"


def convert(data: bytes, name: str = "doc.md", settings=SETTINGS) -> tuple[Document, tuple[str, ...]]:
    """Convert ``data`` as a document nobody configured (auto-detection)."""
    source = sources.source_for(name, settings)
    assert not source.configured, f"{name} must not be listed in sources.yml"
    return pipeline.convert_bytes(data, source, settings)


def fixture(name: str, folder: Path = PATTERNS) -> tuple[Document, str]:
    raw = (folder / name).read_bytes()
    document, _ = convert(raw, name)
    return document, raw.decode("utf-8")


def outputs(document: Document) -> list[str]:
    """Everything the converter kept or reported, as text."""
    texts = [t for e in document.entries for t in (e.title, e.statement, e.body, e.prefix)]
    texts += [t for c in document.chapters for t in (c.title, c.intro)]
    texts += [d.text for d in document.drops]
    texts += [c.before for c in document.changes]
    return texts


def lost_words(document: Document, raw: str) -> Counter:
    """Words of ``raw`` on no page and in no report entry (empty: nothing lost)."""
    return missing_words(raw, outputs(document))


def normalise(markdown: str, style: Style) -> str:
    """The page's Markdown after every normalise pass."""
    return normalised(markdown, style)[0]


def compared(path: str, title: str, text: str, tags=(), rules: LinkRules = LinkRules(frozenset())) -> Page:
    """A page as the steps across documents get it: with the words and word sequences that the
    per-document step (``links.page_features``) finds."""
    return Page(path, title, text, tuple(tags), (tuple(tokens(title, rules.stop_words)),
                                                 tuple(tokens(text, rules.stop_words))), shingles(text, rules.shingle))
