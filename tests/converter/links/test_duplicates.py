"""Duplicate groups: the same answer twice (or thrice) becomes one canonical page and its versions."""

from __future__ import annotations

from converter.links.duplicates import answer_overlaps, groups, reason, shingles
from converter.links.related import vectors
from converter.links.rules import LinkRules
from helpers import compared

RULES = LinkRules(stop_words=frozenset())
ANSWER = ("CLIP learns a shared embedding space for images and text by contrastive training on "
          "image caption pairs, which lets it classify images zero shot from text prompts alone.")


def page(path, text, title="Question"):
    return compared(path, title, text, rules=RULES)


def test_shingles_are_the_distinct_word_sequences_hashed_in_order():
    assert len(shingles("A b c d", 3)) == 2
    assert len(shingles("a b c a b c", 3)) == 3  # "a b c" twice, "b c a", "c a b"
    assert set(shingles("A, b. C", 3)) == set(shingles("a b c", 3))  # words, whatever the case and marks
    assert not set(shingles("a b c", 3)) & set(shingles("c b a", 3))
    assert len(shingles("too short", 5)) == 0


def test_the_same_answer_groups_pages_under_the_longest():
    pages = [page("b/one.md", ANSWER), page("a/other.md", "Something else entirely about GANs and VAEs."),
             page("a/two.md", ANSWER + " It was released by OpenAI in 2021 with DALL-E.")]
    found = groups(pages, vectors(pages), RULES)
    assert set(found) == {"b/one.md", "a/two.md"}
    group = found["b/one.md"]
    assert group is found["a/two.md"]
    assert group.canonical == "a/two.md"
    assert group.members == ("a/two.md", "b/one.md")
    assert "same answer" in group.reason


def test_equal_answers_choose_the_earlier_page():
    pages = [page("x/first.md", ANSWER), page("x/second.md", ANSWER)]
    assert groups(pages, vectors(pages), RULES)["x/second.md"].canonical == "x/first.md"


def test_groups_are_transitive():
    """a is all of b's first half, c all of its second: a and c share nothing, yet one group."""
    first, second = " ".join(f"x{n}" for n in range(30)), " ".join(f"y{n}" for n in range(30))
    pages = [page("a.md", first), page("b.md", first + " " + second), page("c.md", second)]
    assert answer_overlaps(pages).get((0, 2)) is None
    found = groups(pages, vectors(pages), RULES)
    assert found["a.md"] is found["c.md"]
    assert found["a.md"].members == ("b.md", "a.md", "c.md")


def test_answers_sharing_a_phrase_are_not_duplicates():
    pages = [page("a.md", "Attention lets every token look at every other token in the sequence."),
             page("b.md", "Dropout randomly zeroes units; it lets every token look at other units too.")]
    overlaps = answer_overlaps(pages)
    assert 0 < max(overlaps.values(), default=0) < RULES.same_answer
    assert answer_overlaps(pages, RULES.same_answer) == {}  # the floor leaves out what groups would
    assert groups(pages, vectors(pages), RULES) == {}


def test_same_question_rule_is_off_by_default_and_works_when_set():
    pages = [page("a.md", "Reward model then PPO.", "What is RLHF"), page("b.md", "Human rankings.", "RLHF what is")]
    assert groups(pages, vectors(pages), RULES) == {}
    on = LinkRules(stop_words=frozenset(), same_question=0.9)
    assert "same question" in groups(pages, vectors(pages), on)["a.md"].reason


def test_a_group_gives_each_kind_of_reason_once_with_the_range_of_its_measures():
    words = [f"x{n}" for n in range(30)]
    pages = [page("a.md", " ".join(words)), page("b.md", " ".join(words)),
             page("c.md", " ".join(words[:20] + [f"z{n}" for n in range(10)]))]
    found = groups(pages, vectors(pages), RULES)
    assert found["a.md"] is found["c.md"]
    assert found["a.md"].reason == "same answer (62–100% of 5-word sequences shared)"
    assert reason({"answer": [0.5, 0.504], "question": [0.91]}, 5) == \
        "same answer (50% of 5-word sequences shared); same question (title similarity 0.91)"
