"""scan: a pattern tried only where its alternatives' first words occur finds what finditer finds."""

from __future__ import annotations

import random
import re

from converter import scan

# a keyword list as tags.py builds it: whole words, matched in lowercased text
PATTERN = re.compile(r"(?<!\w)(?:attention heads?|attention|self[\s-]?attention|at|rag(?:e?s)?)(?!\w)")
FIRST_WORDS = ("attention", "at", "self", "rag")


def found(pattern, text, positions):
    return [(m.start(), m.group()) for m in scan.matches(pattern, text, positions)]


def test_the_same_matches_as_finditer_on_random_texts():
    pieces = ["attention", "attention heads", "at", "self-attention", "self attention", "rag", "rags",
              "-", " ", "x", "at-", "heads", "self", "storage"]
    chooser = random.Random(8)
    for _ in range(500):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 12)))
        expected = [(m.start(), m.group()) for m in PATTERN.finditer(text)]
        assert found(PATTERN, text, scan.starts(text, FIRST_WORDS)) == expected, text


def test_words_that_begin_no_word_of_the_text_are_left_out_and_the_matches_stay():
    firsts = scan.FirstWords(FIRST_WORDS)
    chooser = random.Random(9)
    pieces = ["attention", "self-attention", "at", "rags", "storage", "x", " ", "-", "selfish", "attic"]
    for _ in range(500):
        text = "".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 10)))
        words = firsts.beginning(scan.word_heads(text))
        expected = [(m.start(), m.group()) for m in PATTERN.finditer(text)]
        assert found(PATTERN, text, scan.starts(text, words)) == expected, text
    assert firsts.beginning(scan.word_heads("storage at")) == ["at"]


def test_a_word_beginning_with_a_sign_is_never_left_out():
    assert scan.leading_letters("c++") == "c" and scan.leading_letters(".net") == ""
    assert scan.FirstWords((".net", "rag")).beginning(scan.word_heads("nothing here")) == [".net"]


def test_candidates_inside_a_match_are_skipped():
    text = "self-attention at attention"
    positions = scan.starts(text, FIRST_WORDS)
    assert positions == [0, 5, 15, 18]  # "attention" and "at" start at 5, inside the first match
    assert found(PATTERN, text, positions) == [(0, "self-attention"), (15, "at"), (18, "attention")]


def test_without_positions_every_position_is_tried():
    assert found(PATTERN, "rag storage", None) == [(0, "rag")]


def test_occurrences_overlap():
    assert scan.occurrences("aaaa", "aa") == [0, 1, 2]
    assert scan.occurrences("abc", "d") == []
