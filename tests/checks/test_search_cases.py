"""The search check's queries: distinctive title words, one swap per typo, glossary concepts."""

from __future__ import annotations

import random

import pytest
import yaml

from checks.project import ROOT
from checks.search import Case, concept_cases, glossary_cases, swapped, title_cases

ENTRIES = [("What is LoRA and QLoRA?", "book/lora/"), ("What is the attention mechanism?", "book/attention/"),
           ("How does LoRA work?", "book/lora-work/")]


def test_title_queries_keep_the_rarest_words_in_title_order():
    cases = title_cases(ENTRIES)
    titles = [c for c in cases if c.kind == "title"]
    assert [c.query for c in titles] == ["lora qlora", "attention mechanism", "lora work"]
    assert [c.kind for c in cases].count("typo") == 3


def test_a_typo_swaps_two_letters_of_the_longest_word_but_never_the_first():
    rnd = random.Random(0)
    for _ in range(50):
        typo = swapped("lora mechanism", rnd)
        first, second = typo.split()
        assert first == "lora" and second != "mechanism" and sorted(second) == sorted("mechanism")
        assert second[0] == "m"
    assert swapped("rag ai", rnd) == "rag ai"  # too short to mistype


def test_concepts_come_from_the_glossary_through_the_registry():
    glossary = {"terms": [{"term": "LoRA", "page": 7}, {"term": "gone", "page": 99}]}
    registry = {"entries": [{"n": 7, "path": "book/lora"}]}
    assert glossary_cases(glossary, registry) == [Case("glossary", "lora", "book/lora/")]


def test_labelled_concepts_accept_any_of_their_pages():
    [case] = concept_cases({"queries": [{"query": "lora vs qlora", "page": "a/x", "also": ["b/y"]}]})
    assert case.rank(["c/z/", "b/y/", "a/x/"]) == 2 and case.rank(["c/z/"]) is None


LABELLED = [ROOT / "tests" / "data" / name for name in ("search_concepts.yml", "search_natural.yml", "search_heldout.yml")]


@pytest.mark.integration  # the corpus converted
@pytest.mark.parametrize("labelled", LABELLED, ids=lambda path: path.stem)
def test_labelled_queries_name_pages_of_the_corpus(labelled, report):
    pages = {entry["path"].removesuffix(".md") + "/" for document in report["documents"] for entry in document["entries"]}
    cases = concept_cases(yaml.safe_load(labelled.read_text(encoding="utf-8")))
    assert [c.query for c in cases if not {c.want, *c.also} <= pages] == []


def test_the_held_out_queries_are_not_the_ones_the_ranking_was_tuned_on():
    concepts, natural, held = ({q["query"].casefold() for q in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]}
                               for path in LABELLED)
    assert len(held) >= 45 and not (concepts | natural) & held
