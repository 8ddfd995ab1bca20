"""Glossary links: the first mention in running text, never in code, headings,
links or maths, never to the page itself; abbreviations for tooltips."""

from __future__ import annotations

import pytest

from converter.emit.crosslinks import linked
from converter.links.glossary import (Glossary, Term, abbreviations, expansions, first_mentions, glossary_of,
                                      linkable, mentions, resolved)

PAGES = {1: "book/what-is-rag.md", 2: "book/attention.md", 3: "book/self-attention.md", 4: "book/multi-head.md",
         5: "notes/embeddings.md"}
GLOSSARY = resolved(glossary_of({"terms": [
    {"term": "RAG", "expansion": "Retrieval-Augmented Generation", "page": 1},
    {"term": "attention", "page": 2},
    {"term": "self-attention", "page": 3},
    {"term": "multi-head attention", "page": 4},
    {"term": "embedding", "aliases": ["embeddings"], "page": 5},
]}), PAGES)[0]
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


def every_first_mention(body: str) -> list[tuple[int, str]]:
    """What first_mentions finds, by trying the glossary's pattern at every place of every paragraph."""
    firsts: dict[str, int] = {}
    offset = 0
    for paragraph in body.split("\n\n"):
        for match in GLOSSARY.pattern.finditer(paragraph):
            firsts.setdefault(GLOSSARY.term_of(match.group()).term, offset + match.start())
        offset += len(paragraph) + 2
    return sorted((offset, term) for term, offset in firsts.items())


def test_mentions_are_those_a_search_of_every_place_finds_whatever_the_letters():
    import random
    pieces = ["RAG", "rag", "Rag", "attention", "ATTENTION", "aTtention", "self-attention", "multi-head",
              " attention", "embeddings", "embedding", "storage", " ", "-", "x", "\u017felf-attention",
              "\u0130", "\u0131", "\u212aey", "\u00e9", "\u2014"]
    chooser = random.Random(4)
    for _ in range(400):
        paragraphs = ["".join(chooser.choice(pieces) for _ in range(chooser.randint(1, 8))).strip() or "x"
                      for _ in range(chooser.randint(1, 3))]
        body = "\n\n".join(dict.fromkeys(paragraphs))
        got = [(m.offset, m.term) for m in first_mentions(body, GLOSSARY)]
        assert got == every_first_mention(body), body


def test_a_term_split_across_lines_is_one_mention():
    assert found("Use multi-head\nattention in blocks.") == [("multi-head\nattention", "multi-head attention")]


def test_mentions_in_list_items_and_quotes_count():
    assert found("- first item\n- uses RAG\n\n> quoted attention") == [("RAG", "RAG"), ("attention", "attention")]


def test_abbreviations_give_every_form_a_tooltip():
    text = abbreviations(glossary_of({"terms": [
        {"term": "LLM", "aliases": ["LLMs"], "expansion": "Large language model", "page": 1},
        {"term": "perplexity", "page": 2}]}))
    assert text == "*[LLM]: Large language model\n*[LLMs]: Large language model\n"


@pytest.mark.parametrize("data, problem", [
    ({"terms": [{"term": "RAG"}]}, "glossary.yml: terms.0.page: Field required"),
    ({"terms": [{"term": "RAG", "page": "book/what-is-rag"}]}, "terms.0.page: Input should be a valid integer"),
    ({"terms": [{"term": "RAG", "page": 1, "aliases": "RAGs"}]}, "terms.0.aliases: Input should be a valid list"),
    ({"terms": [{"term": "RAG", "page": 1, "definiton": "typo"}]}, "terms.0.definiton: Extra inputs are not permitted"),
    ({"terms": [{"term": " ", "page": 1}]}, "terms.0.term: String should have at least 1 character"),
    ({"terms": [{"term": "LoRA", "page": 1}, {"term": "x", "aliases": ["LoRA"], "page": 2}]},
     "glossary.yml: terms.1: 'LoRA' is already a form of 'LoRA'"),
])
def test_bad_glossaries_are_refused_with_the_term_named(data, problem):
    with pytest.raises(ValueError, match=problem):
        glossary_of(data)


def test_an_empty_glossary_links_nothing():
    assert mentions("RAG", Glossary(()), "a.md", {"a.md"}) == ()



def test_terms_are_resolved_through_permanent_numbers_and_a_missing_entry_is_reported():
    glossary, warnings = resolved(Glossary((Term("X", 7), Term("Y", 8))), {7: "a/renamed.md"})
    assert [t.path for t in glossary.terms] == ["a/renamed.md", ""]
    assert warnings == ["glossary.yml: 'Y' points to entry 8, which is no page: not linked"]
    assert mentions("X and Y", glossary, "a/other.md", {"a/renamed.md", "a/other.md"})[0].target == "a/renamed.md"
    assert [m.term for m in mentions("X and Y", glossary, "a/other.md", {"a/renamed.md", "a/other.md"})] == ["X"]


def test_expansions_give_search_the_words_each_abbreviation_stands_for():
    glossary = glossary_of({"terms": [
        {"term": "RAG", "aliases": ["RAGs", "retrieval augmented generation"], "expansion": "Retrieval-Augmented Generation",
         "page": 1},
        {"term": "perplexity", "page": 2}]})
    assert expansions(glossary) == {"rag": "Retrieval-Augmented Generation", "rags": "Retrieval-Augmented Generation"}


def test_mentions_are_found_before_paths_are_known_and_linked_once_they_are():
    """The per-document half finds every term's first mention, its own page's term too; the
    half across documents links those whose page is another one that exists."""
    body = "RAG uses attention and embeddings."
    unresolved = glossary_of({"terms": [{"term": t.term, "page": t.page, "aliases": list(t.aliases)}
                                        for t in GLOSSARY.terms]})
    found_early = first_mentions(body, unresolved)
    assert [m.term for m in found_early] == ["RAG", "attention", "embedding"]
    assert linkable(found_early, GLOSSARY, "book/attention.md", KNOWN - {"notes/embeddings.md"}) == \
        mentions(body, GLOSSARY, "book/attention.md", KNOWN - {"notes/embeddings.md"})
    assert [link.term for link in linkable(found_early, GLOSSARY, "book/attention.md", KNOWN)] == ["RAG", "embedding"]
