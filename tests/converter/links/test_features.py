"""The per-page half of cross-linking runs with the per-document stages; the half
across documents gives the same links whether or not it was run."""

from __future__ import annotations

import copy
from dataclasses import replace

from converter import sources
from converter.links import cross_link
from converter.links.glossary import Glossary, Term
from converter.pipeline import convert_bytes, features_of
from helpers import SETTINGS

DOCUMENT = b"""## 1. What is RAG?

RAG retrieves passages, then generates with attention over them.

## 2. What is attention?

Attention weighs tokens against each other; RAG systems rely on it.

## 3. How do embeddings help retrieval?

Embeddings place passages near their questions, so retrieval finds them.
"""


def test_features_are_found_per_document_and_the_links_read_them():
    glossary = Glossary((Term("RAG", 1, path="doc/what-is-rag.md"), Term("attention", 2, path="doc/what-is-attention.md")))
    settings = replace(SETTINGS, glossary=glossary)
    document, _ = convert_bytes(DOCUMENT, sources.source_for("doc.md", settings), settings)
    assert [e.features for e in document.entries] == [features_of(e, settings) for e in document.entries]
    assert all(e.features.words[1] and len(e.features.shingles) for e in document.entries)
    assert [m.term for m in document.entries[1].features.mentions] == ["attention", "RAG"]  # its own term too
    assert document.entries[2].features.mentions == ()
    unmentioned = copy.deepcopy(document)
    unmentioned.entries[1] = replace(unmentioned.entries[1],
                                     features=replace(unmentioned.entries[1].features, mentions=()))
    cross_link([document], settings)
    cross_link([unmentioned], settings)
    assert [link.term for link in document.entries[1].links.terms] == ["RAG"]
    assert unmentioned.entries[1].links.terms == ()  # read from the features, never found again
    assert [e.links.related for e in document.entries] == [e.links.related for e in unmentioned.entries]
