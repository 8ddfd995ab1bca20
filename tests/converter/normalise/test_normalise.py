"""The normalise stage as a whole (normalise/__init__.py): the passes in order,
no word lost, and every entry and chapter intro of a document normalised."""

from __future__ import annotations

from pathlib import Path

import pytest

from conserve import missing_words
from converter.model import Chapter, Document, Entry, Source
from converter.normalise import normalise_document
from helpers import normalise

FIXTURES = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "fixtures" / "normalise").glob("*.md"))


def test_there_are_fixtures():
    assert len(FIXTURES) >= 12


def test_the_passes_together(style):
    raw = (
        "# **Attention:**\n"
        "It weighs every token\n"
        "\n"
        "against the others.\n"
        "❖ Fast on GPUs\n"
        "  • parallel\n"
        "\n"
        "Tokens like <UNK> appear.\n"
        "### Here are the costs:\n"
        "Size\tCost\n"
        "small\tlow\n"
        "big\thigh\n"
        "```\n"
        "import torch\n"
        "```"
    )
    assert normalise(raw, style) == (
        "## Attention\n"
        "\n"
        "It weighs every token against the others.\n"
        "\n"
        "- Fast on GPUs\n"
        "    - parallel\n"
        "\n"
        "Tokens like &lt;UNK> appear.\n"
        "\n"
        "Here are the costs:\n"
        "\n"
        "| Size | Cost |\n"
        "| --- | --- |\n"
        "| small | low |\n"
        "| big | high |\n"
        "\n"
        "```python\n"
        "import torch\n"
        "```"
    )


@pytest.mark.parametrize("name", FIXTURES)
def test_no_word_is_lost(name, fixture_text, normalised):
    assert missing_words(fixture_text(name), [normalised(name)]) == {}


@pytest.mark.parametrize("name", FIXTURES)
def test_normalising_twice_changes_nothing(name, normalised, style):
    once = normalised(name)
    assert normalise(once, style) == once


def test_normalise_document_normalises_entries_and_chapter_intros(style):
    entry = Entry("question", "What is BPE?", "What is BPE?", "❖ Merges pairs\n-\n  • often", 3, 9)
    document = Document(Source("doc.md", "doc", "Doc"), None, entries=[entry],
                        chapters=[Chapter("Basics", 1, "Intro:\n- a\n  - b")])
    normalise_document(document, style)
    assert document.entries[0].body == "- Merges pairs\n    - often"
    assert document.entries[0].title == "What is BPE?"
    assert document.chapters == [Chapter("Basics", 1, "Intro:\n\n- a\n    - b")]


def test_an_empty_body_stays_empty(style):
    assert normalise("", style) == ""
