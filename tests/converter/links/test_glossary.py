"""Glossary links: the first mention in running text, never in code, headings,
links or maths, never to the page itself; abbreviations for tooltips."""

from __future__ import annotations

import pytest

from converter.links.glossary import Glossary, Term, abbreviations, glossary_of, linked, mentions

GLOSSARY = glossary_of({"terms": [
    {"term": "RAG", "expansion": "Retrieval-Augmented Generation", "page": "book/what-is-rag"},
    {"term": "attention", "page": "book/attention"},
    {"term": "self-attention", "page": "book/self-attention"},
    {"term": "multi-head attention", "page": "book/multi-head"},
    {"term": "embedding", "aliases": ["embeddings"], "page": "notes/embeddings"},
]})
KNOWN = {"book/what-is-rag.md", "book/attention.md", "book/self-attention.md", "book/multi-head.md",
         "notes/embeddings.md", "book/page.md"}


def found(body: str, path: str = "book/page.md") -> list[tuple[str, str]]:
    return [(body[m.offset:m.offset + m.length], m.term) for m in mentions(body, GLOSSARY, path, KNOWN)]


def test_the_first_mention_of_each_term_is_linked_once():
    body = "RAG adds retrieval. Then RAG again, with attention.\n\nMore attention here."
    assert found(body) == [("RAG", "RAG"), ("attention", "attention")]


def test_linked_makes_relative_links_to_the_defining_page():
    body = "RAG uses embeddings."
    out = linked(body, mentions(body, GLOSSARY, "llms/q1.md", KNOWN), "llms/q1.md")
    assert out == "[RAG](../book/what-is-rag.md){ .qa-term } uses [embeddings](../notes/embeddings.md){ .qa-term }."
    same_folder = linked(body, mentions(body, GLOSSARY, "book/q1.md", KNOWN), "book/q1.md")
    assert same_folder.startswith("[RAG](what-is-rag.md){ .qa-term }")


@pytest.mark.parametrize("body", [
    "# RAG in a heading\n\nplain words",
    "Use `RAG` in code.",
    "```\nRAG in a fence\n```",
    "    RAG in an indented code block",
    "See [RAG explained](https://example.org) for more.",
    "See <https://example.org/RAG> for more.",
    "A formula $RAG + attention$ here.",
    "Some <abbr title='RAG'>x</abbr> markup.",
    "| RAG | attention |\n| --- | --- |\n| a | b |",
    'Hinglish line\n{: lang="hi-Latn" RAG }',
])
def test_mentions_outside_running_text_are_left_alone(body):
    assert found(body) == []


def test_a_page_never_links_to_itself():
    assert found("RAG is this page's subject.", path="book/what-is-rag.md") == []


def test_terms_whose_page_is_gone_are_not_linked():
    assert mentions("RAG here.", GLOSSARY, "book/page.md", {"book/page.md"}) == ()


def test_capitalised_terms_match_their_case_only_and_plain_terms_any_case():
    assert found("a rag doll") == []
    assert found("Attention matters.") == [("Attention", "attention")]


def test_the_longest_term_wins_and_hyphens_join_words():
    assert found("Multi-head attention and self-attention.") == [
        ("Multi-head attention", "multi-head attention"), ("self-attention", "self-attention")]
    assert found("RAG-based systems") == []


def test_a_term_split_across_lines_is_one_mention():
    assert found("Use multi-head\nattention in blocks.") == [("multi-head\nattention", "multi-head attention")]


def test_mentions_in_list_items_and_quotes_count():
    assert found("- first item\n- uses RAG\n\n> quoted attention") == [("RAG", "RAG"), ("attention", "attention")]


def test_abbreviations_give_every_form_a_tooltip():
    text = abbreviations(glossary_of({"terms": [
        {"term": "LLM", "aliases": ["LLMs"], "expansion": "Large language model", "page": "a/b"},
        {"term": "perplexity", "page": "a/c"}]}))
    assert text == "*[LLM]: Large language model\n*[LLMs]: Large language model\n"


@pytest.mark.parametrize("data, problem", [
    ({"terms": [{"term": "RAG"}]}, "needs `term` and `page`"),
    ({"terms": [{"term": "RAG", "page": "a/b", "aliases": "RAGs"}]}, "aliases must be a list"),
    ({"terms": [{"term": "LoRA", "page": "a/b"}, {"term": "x", "aliases": ["LoRA"], "page": "a/c"}]},
     "already a form of 'LoRA'"),
])
def test_bad_glossaries_are_refused_with_the_term_named(data, problem):
    with pytest.raises(ValueError, match=problem):
        glossary_of(data)


def test_an_empty_glossary_links_nothing():
    assert mentions("RAG", Glossary(()), "a.md", {"a.md"}) == ()
    assert Term("X", "a/b").path == "a/b.md"
