"""Related questions on small pages: ranking, limits, ties, exclusions."""

from __future__ import annotations

from converter.links.related import above, best_listed, best_of_rows, matched, related, scores, vectors
from converter.links.rules import LinkRules
from helpers import compared

import numpy as np

RULES = LinkRules(stop_words=frozenset({"what", "is", "how", "the", "a", "of", "in", "to", "and", "it"}))


def page(path, title, text, tags=()):
    return compared(path, title, text, tags, RULES)


PAGES = [
    page("a/rlhf.md", "What is RLHF?", "Reinforcement learning from human feedback trains a reward model "
         "on human preference rankings, then tunes the policy with PPO.", ["rlhf"]),
    page("b/rlhf-train.md", "How would you use RLHF to train an LLM?", "Collect human preference data, train "
         "a reward model, and optimise the policy with PPO against the reward.", ["rlhf"]),
    page("a/lora.md", "What is LoRA?", "Low-rank adaptation freezes the weights and trains small low-rank "
         "matrices.", ["peft"]),
    page("c/qlora.md", "LoRA and QLoRA", "QLoRA quantizes the frozen weights to 4 bits and trains low-rank "
         "adapters.", ["peft"]),
    page("a/gan.md", "What is a GAN?", "A generator and a discriminator play a minimax game.", ["generative"]),
]


def test_the_same_question_in_other_words_ranks_first():
    found = related(PAGES, RULES)
    assert found["a/rlhf.md"][0] == "b/rlhf-train.md"
    assert found["b/rlhf-train.md"][0] == "a/rlhf.md"
    assert found["a/lora.md"][0] == "c/qlora.md"


def test_a_page_is_never_its_own_relative_and_the_count_is_capped():
    rules = LinkRules(stop_words=RULES.stop_words, related_count=2, min_score=0.0)
    found = related(PAGES, rules)
    for path, paths in found.items():
        assert path not in paths
        assert len(paths) == 2


def test_unrelated_pages_stay_out_below_the_minimum_score():
    found = related(PAGES, RULES)
    assert "a/gan.md" not in found["a/rlhf.md"]
    assert found["a/gan.md"] == ()


def test_excluded_pages_are_not_listed():
    found = related(PAGES, RULES, exclude={"a/rlhf.md": frozenset({"b/rlhf-train.md"})})
    assert "b/rlhf-train.md" not in found["a/rlhf.md"]


def test_shared_tags_break_a_text_tie():
    pages = [page("x.md", "alpha", "alpha beta", ["t"]), page("y.md", "alpha", "alpha beta", []),
             page("z.md", "alpha", "alpha beta", ["t"])]
    assert related(pages, RULES)["x.md"][0] == "z.md"


def test_ties_go_to_the_earlier_page_and_runs_agree():
    pages = [page(f"p{n}.md", "same title", "same words here") for n in range(8)]
    rules = LinkRules(stop_words=frozenset(), related_count=3)
    first = related(pages, rules)
    assert first["p0.md"] == ("p1.md", "p2.md", "p3.md")
    assert all(len(paths) == 3 for paths in first.values())
    assert related(list(pages), rules) == first


def test_matched_fills_pairs_best_first_then_leftovers():
    candidates = [[(0.9, 1), (0.5, 2)], [(0.9, 0), (0.8, 2)], [(0.8, 1), (0.5, 0)]]
    assert matched(candidates, 1) == [[1], [0], [1]]
    assert matched(candidates, 2) == [[1, 2], [0, 2], [1, 0]]


def test_best_listed_keeps_ties_at_the_boundary_in_order_whatever_order_the_pairs_come_in():
    rows = np.array([1, 0, 0, 0, 0, 0, 1])
    columns = np.array([4, 2, 1, 3, 0, 4, 1])
    values = np.array([0.1, 0.5, 0.5, 0.9, 0.1, 0.5, 0.2])
    assert best_listed(rows, columns, values, 3, 3) == [[(0.9, 3), (0.5, 1), (0.5, 2)], [(0.2, 1), (0.1, 4)], []]
    assert best_listed(rows, columns, values, 2, 0) == [[], []]


def test_above_keeps_scores_at_or_over_the_floor_with_their_rows_in_the_corpus():
    block = np.array([[0.2, 0.1, 0.0], [0.15, -1.0, 0.3]])
    rows, columns, values = above(block, 512, 0.15)
    assert list(zip(rows.tolist(), columns.tolist(), values.tolist())) == [(512, 0, 0.2), (513, 0, 0.15), (513, 2, 0.3)]
    assert len(above(block, 0, 0.0)[0]) == 5


def test_best_of_rows_counts_equal_scores_apart_and_pads_short_rows():
    block = np.array([[1.0, 0.5, 0.5, 0.2], [0.3, 1.0, 0.9, 0.9]])
    assert best_of_rows(block, 3).tolist() == [[1.0, 0.5, 0.5], [1.0, 0.9, 0.9]]
    assert best_of_rows(block[:, :1], 2).tolist() == [[1.0, -np.inf], [0.3, -np.inf]]
    assert block[0, 0] == 1.0  # the caller's block is left as it was


def test_scores_are_the_same_to_the_bit_either_way_round():
    words = ["attention", "token", "model", "reward", "policy", "lora", "rank", "weights", "gan", "loss"]
    chooser = np.random.default_rng(3)
    pages = [page(f"p/{i}.md", " ".join(chooser.choice(words, 3)), " ".join(chooser.choice(words, 12)),
                  [str(t) for t in chooser.choice(["a", "b", "c"], 2)]) for i in range(40)]
    v = vectors(pages)
    one_way = scores(v, slice(0, 17), RULES, slice(17, None))
    assert np.array_equal(one_way, scores(v, slice(17, None), RULES, slice(0, 17)).T)
    assert np.array_equal(one_way, scores(v, slice(0, 17), RULES)[:, 17:])


def test_blocks_scored_in_several_processes_give_the_same_lists(monkeypatch):
    import converter.links.related as module
    alone = related(PAGES, RULES)
    monkeypatch.setattr(module, "BLOCK", 2)  # three blocks of rows for the two workers
    assert related(PAGES, RULES, workers=2) == alone
    assert alone["a/rlhf.md"][0] == "b/rlhf-train.md"
