"""scan: a pattern tried only where its alternatives' first words occur finds what finditer finds."""

from __future__ import annotations

import random
import re

from converter import scan

# a keyword list as tags.py and glossary.py build them: whole words, longest first, some in any case
PATTERN = re.compile(r"(?<![\w-])(?:attention heads?|attention|(?i:self[\s-]?attention)|at|RAG|(?i:rag)s?)(?![\w-])")
EXACT, ANY_CASE = ("attention", "at", "RAG"), ("self", "rag")


def found(pattern, text, positions):
    return [(m.start(), m.group()) for m in scan.matches(pattern, text, positions)]


def test_the_same_matches_as_finditer_on_random_texts():
    pieces = ["attention", "attention heads", "at", "Self-Attention", "self attention", "RAG", "Rags", "rag",
              "-", " ", "x", "at-", "heads", "SELF", "ſelf", "İ"]
    chooser = random.Random(8)
    for _ in range(500):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        expected = [(m.start(), m.group()) for m in PATTERN.finditer(text)]
        assert found(PATTERN, text, scan.starts(text, EXACT, ANY_CASE)) == expected, text


def test_candidates_inside_a_match_are_skipped():
    text = "self-attention at attention"
    positions = scan.starts(text, EXACT, ANY_CASE)
    assert positions == [0, 5, 15, 18]  # "attention" and "at" start at 5, inside the first match
    assert found(PATTERN, text, positions) == [(0, "self-attention"), (15, "at"), (18, "attention")]


def test_any_case_words_are_found_in_any_case():
    assert found(PATTERN, "SELF-ATTENTION and RAGs", scan.starts("SELF-ATTENTION and RAGs", EXACT, ANY_CASE)) == [
        (0, "SELF-ATTENTION"), (19, "RAGs")]


def test_text_that_lowercasing_cannot_match_in_any_case_is_scanned_whole():
    assert scan.starts("ſelf attention", EXACT, ANY_CASE) is None  # re's (?i) reads the long s as an s
    assert scan.starts("İ rag", EXACT, ANY_CASE) is None  # lowercases to two characters
    assert scan.starts("ſelf attention", EXACT) == [5]  # only exact words: no lowercasing needed
    assert found(PATTERN, "ſelf attention", None) == [(0, "ſelf attention")]


def test_occurrences_overlap():
    assert scan.occurrences("aaaa", "aa") == [0, 1, 2]
    assert scan.occurrences("abc", "d") == []
