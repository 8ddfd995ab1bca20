"""The per-page half of cross-linking runs with the per-document stages; the half
across documents gives the same links whether or not it was run."""

from __future__ import annotations

import copy
from dataclasses import replace

from converter import sources
from converter.links import cross_link
from converter.links.glossary import Glossary, Term
from converter.pipeline import convert_bytes

DOCUMENT = b"""## 1. What is RAG?

RAG retrieves passages, then generates with attention over them.

## 2. What is attention?

Attention weighs tokens against each other; RAG systems rely on it.

## 3. How do embeddings help retrieval?

Embeddings place passages near their questions, so retrieval finds them.
"""


def test_features_found_per_document_give_the_links_a_cold_cross_link_gives():
    glossary = Glossary((Term("RAG", 1, path="doc/what-is-rag.md"), Term("attention", 2, path="doc/what-is-attention.md")))
    settings = replace(sources.load(), glossary=glossary)
    document, _ = convert_bytes(DOCUMENT, sources.source_for("doc.md", settings), settings)
    assert all(e.words is not None and e.mentions is not None for e in document.entries)
    assert [m.term for m in document.entries[2].mentions] == []
    cold = copy.deepcopy(document)
    for entry in cold.entries:
        entry.words = entry.mentions = None
    cross_link([document], settings)
    cross_link([cold], settings)
    assert [(e.related, e.terms) for e in document.entries] == [(e.related, e.terms) for e in cold.entries]
    assert [link.term for link in document.entries[1].terms] == ["RAG"]
