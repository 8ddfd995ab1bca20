"""Fingerprints: hashes only, alike for edited text, apart for different text."""

from __future__ import annotations

import re

from converter.identity.fingerprint import answer_print, answer_similarity, title_print, title_similarity

STOP = frozenset({"what", "is", "the", "a", "of", "how", "does"})
ANSWER = ("Low-rank adaptation freezes the pretrained weights and trains two small matrices per layer. "
          "Their product is added to the frozen weight, so only a fraction of parameters change. "
          "Adapters can be merged after training, adding no latency at inference time.")
OTHER = ("Beam search keeps the k most probable partial sequences at each decoding step and expands "
         "each of them by every vocabulary token, pruning back to k by cumulative log probability.")


def test_prints_hold_hashes_not_words():
    title = title_print("What is LoRA fine-tuning?", STOP)
    assert re.fullmatch(r"[0-9a-f]{4}( [0-9a-f]{4})*", title)
    assert "lora" not in title
    assert re.fullmatch(r"[0-9a-f]{64}", answer_print(ANSWER, STOP))


def test_prints_are_deterministic_and_ignore_order_and_case():
    assert title_print("What is LoRA?", STOP) == title_print("what is   lora", STOP)
    assert answer_print(ANSWER, STOP) == answer_print(ANSWER, STOP)


def test_a_reworded_title_shares_most_words():
    before = title_print("How does LoRA fine-tuning reduce memory?", STOP)
    assert title_similarity(before, title_print("How does LoRA fine-tuning reduce GPU memory?", STOP)) >= 0.8
    assert title_similarity(before, title_print("What is beam search?", STOP)) == 0


def test_an_edited_answer_stays_close_and_a_different_one_does_not():
    edited = ANSWER.replace("adding no latency at inference time", "so serving costs nothing extra")
    assert answer_similarity(answer_print(ANSWER, STOP), answer_print(ANSWER, STOP)) == 1
    assert answer_similarity(answer_print(ANSWER, STOP), answer_print(edited, STOP)) >= 0.6
    assert answer_similarity(answer_print(ANSWER, STOP), answer_print(OTHER, STOP)) < 0.2


def test_empty_text_is_like_nothing():
    assert answer_print("```\ncode only\n```", STOP) == ""
    assert answer_similarity("", "") == 0 and title_similarity("", "") == 0
