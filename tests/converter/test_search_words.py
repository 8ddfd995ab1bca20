"""What the search box is told of words: ignored words, synonyms, defining pages."""

from __future__ import annotations

import pytest

from converter.search_words import SearchWords, search_data, search_words_of, synonyms
from converter.links.glossary import glossary_of, resolved

GLOSSARY, _ = resolved(glossary_of({"terms": [
    {"term": "RAG", "aliases": ["RAGs"], "expansion": "Retrieval-Augmented Generation", "page": 1},
    {"term": "perplexity", "page": 2}, {"term": "gone", "page": 3}]}), {1: "book/what-is-rag.md", 2: "llms/perplexity.md"})


def test_each_way_of_writing_a_term_leads_search_to_its_defining_page():
    assert search_data(GLOSSARY, None)["defines"] == {
        "rag": "book/what-is-rag/", "rags": "book/what-is-rag/", "retrieval-augmented generation": "book/what-is-rag/",
        "perplexity": "llms/perplexity/"}
    assert search_data(None, None) == {"ignored": [], "synonyms": {}, "expansions": {}, "defines": {}}


def test_an_abbreviation_and_what_it_stands_for_are_synonyms_both_ways():
    found = synonyms(SearchWords(), GLOSSARY)
    assert found["rag"] == ["retrieval-augmented generation"] and found["rags"] == ["retrieval-augmented generation"]
    assert found["retrieval-augmented generation"] == ["rag", "rags"]


def test_synonym_groups_join_where_they_share_a_form():
    words = search_words_of({"synonyms": [["seq2seq", "Sequence-to-sequence"], ["seq2seq", "encoder-decoder"]]})
    found = synonyms(words, None)
    assert found["seq2seq"] == ["sequence-to-sequence", "encoder-decoder"]
    assert found["sequence-to-sequence"] == ["seq2seq"]


def test_ignored_words_are_lowercase_and_sorted():
    words = search_words_of({"ignored": ["Kya", "hai", "vs"]})
    assert search_data(None, words)["ignored"] == ["hai", "kya", "vs"]


@pytest.mark.parametrize("data, message", [
    ({"synonyms": [["alone"]]}, "search.yml: synonyms.0: List should have at least 2 items"),
    ({"ignored": "kya"}, "search.yml: ignored: Input should be a valid list"),
    ({"stopwords": []}, "search.yml: stopwords: Extra inputs are not permitted"),
])
def test_a_bad_search_file_is_named(data, message):
    with pytest.raises(ValueError, match=message):
        search_words_of(data)


def test_the_projects_search_file_reads():
    from converter import sources
    words = sources.load().search
    assert {"kya", "hai", "vs", "what"} <= words.ignored
    assert ("seq2seq", "sequence-to-sequence", "sequence to sequence") in words.synonyms
