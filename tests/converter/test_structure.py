"""Structure: what a document nobody configured is read as, one fixture per way real
documents mark their questions (tests/fixtures/structure/)."""

from __future__ import annotations

import pytest

from converter import blocks, structure
from helpers import STRUCTURES, fixture, lost_words

OPENERS = ("what", "how", "why", "explain", "write", "implement", "name")


def read(name: str):
    return fixture(name, STRUCTURES)


def titles(name: str) -> list[str]:
    return [e.title for e in read(name)[0].entries]


def reasons(name: str) -> list[tuple[int, str]]:
    return [(d.line + 1, d.reason) for d in read(name)[0].drops]


@pytest.mark.parametrize("name", sorted(p.name for p in STRUCTURES.glob("*.md")))
def test_no_word_is_lost(name):
    document, raw = read(name)
    assert not lost_words(document, raw)


@pytest.mark.parametrize("name", sorted(p.name for p in STRUCTURES.glob("*.md")))
def test_the_choice_is_reported_with_its_confidence(name):
    document, _ = read(name)
    if document.pattern == "topics":
        assert document.confidence is None and "no question structure found" in " ".join(document.warnings)
    else:
        assert document.structure and 0.5 <= document.confidence <= 1


def test_a_summary_that_asks_is_the_question():
    document, _ = read("details_summary_questions.md")
    assert [e.title for e in document.entries] == [
        "What is an inverted index?", "Why compress postings?", "What does BM25 score?"]
    assert [(c.title, c.line + 1) for c in document.chapters] == [("Indexing", 8), ("Ranking", 24)]
    assert document.entries[0].body == "A map from each term to the documents that hold it."
    assert (3, "question without an answer") in reasons("details_summary_questions.md")  # only '!'
    assert [line for line, reason in reasons("details_summary_questions.md")
            if reason == "collapsible-answer wrapper"] == [6, 15, 22, 31]


def test_decorated_markers_are_markers():
    assert titles("emoji_and_decorated_markers.md") == [
        "What is a convolution?", "Why pool feature maps", "What is a receptive field?", "Explain stride."]
    assert [e.number for e in read("emoji_and_decorated_markers.md")[0].entries] == [1, 2, 3, 4]


def test_keycap_digits_number_questions():
    assert titles("keycap_numbers.md") == ["What is overfitting?", "How do you spot it?", "Name two remedies."]


def test_the_sequence_decides_not_the_question_mark():
    assert titles("numbered_sequence_without_question_marks.md") == [
        "What is self-attention?", "Explain positional encoding.", "Encoder-only vs decoder-only",
        "Why scale the dot products?"]
    assert titles("list_items_without_question_marks.md") == [
        "What is a system prompt?", "Write a function that formats a few-shot prompt.",
        "Implement a retry on malformed JSON.", "How do you test prompt variants?"]


def test_a_trailing_link_or_badge_leaves_the_question_a_question():
    assert titles("heading_question_with_trailing_link.md") == [
        "What is variance?", "What is bias?", "How are they traded off?"]


def test_the_first_line_can_be_the_first_question():
    document, _ = read("first_line_is_a_question.md")
    assert [e.title for e in document.entries] == ["What is a tokenizer?", "What is a vocabulary?"]
    assert not document.drops


def test_headings_a_table_of_contents_links_to_are_questions():
    document, _ = read("toc_anchor_links.md")
    assert [e.title for e in document.entries] == [
        "Model Monitoring", "Explain model drift", "Blue-green deployment"]
    assert [line for line, reason in reasons("toc_anchor_links.md") if reason == "navigation link"] == [
        10, 15, 20, 23]
    assert (3, "front matter before the first question") in reasons("toc_anchor_links.md")
    assert "Back to top" not in document.entries[0].body


def test_a_table_listing_the_questions_is_not_questions():
    assert titles("question_table_of_contents.md") == ["What is an embedding?", "How are embeddings compared?"]
    assert (3, "front matter before the first question") in reasons("question_table_of_contents.md")


def test_sections_between_questions_are_chapters_and_numbering_restarts_under_them():
    document, _ = read("sections_restart_numbering.md")
    assert [(e.number, e.title, e.chapter) for e in document.entries] == [
        (1, "What is a retriever?", "Section 1: Retrieval"), (2, "What is reranking?", "Section 1: Retrieval"),
        (1, "What is grounding?", "Section 2: Generation"),
        (2, "What is a hallucination?", "Section 2: Generation")]
    assert "Section 2" not in document.entries[1].body


def test_a_label_between_list_questions_is_a_sub_chapter_not_the_end_of_an_answer():
    document, _ = read("list_items_without_question_marks.md")
    assert [(c.title, c.line + 1) for c in document.chapters] == [("Basics", 3), ("Basics: Intermediate", 15)]
    assert "Easy" in document.chapters[0].intro
    assert "Intermediate" not in document.entries[1].body


def test_a_deeper_section_is_its_own_chapter_where_chapters_have_no_labels_under_them():
    from helpers import convert
    document, _ = convert(b"# Notes\n\n## FAQ\n\n**1. What is A?**\n\nA.\n\n### Models\n\n**2. What is B?**\n\nB.\n")
    assert [c.title for c in document.chapters] == ["FAQ", "Models"]


def test_chat_residue_is_dropped_and_reported():
    document, _ = read("chat_residue.md")
    assert [(line, reason) for line, reason in reasons("chat_residue.md") if line > 1] == [
        (5, "chatbot residue"), (9, "chatbot residue"), (11, "chatbot residue"), (13, "promo line")]
    first, second = document.entries
    assert first.body.startswith("Ans: A decoder block applies masked self-attention")
    assert second.body == "Ans: A query asks, a key answers whether it matches."


def test_numbered_topic_headings_of_notes_are_topics():
    document, _ = read("numbered_topic_headings.md")
    assert document.pattern == "topics"
    assert [(e.kind, e.title) for e in document.entries] == [
        ("topic", "Supervised learning"), ("topic", "Unsupervised learning"), ("topic", "Reinforcement learning")]
    assert "## Regression" in document.entries[0].body


def test_a_follow_up_question_is_titled_with_its_premise():
    assert titles("case_study_statement.md")[0] == (
        "You are given a data set of 2 million rows and 800 columns on a laptop with little memory. "
        "Your manager wants a model by tomorrow. What would you do?")


def test_a_garbled_marker_that_fills_a_gap_in_the_numbering_is_a_question():
    document, _ = read("garbled_marker_in_sequence.md")
    assert [(e.number, e.title) for e in document.entries] == [
        (1, "What is a p-value?"), (2, "What is a confidence interval?"), (3, "What is the power of a test?"),
        (4, "What is a type I error?")]


@pytest.mark.parametrize("text, expected", [
    ("Q12. What is X?", ("Q#", 12, "Q12.", "What is X?")),
    ("Q.12) What is X?", ("Q#", 12, "Q.12)", "What is X?")),
    ("Q7- What is X?", ("Q#", 7, "Q7-", "What is X?")),
    ("📌 Q1: What is X?", ("Q#", 1, "Q1:", "What is X?")),
    ("**Q1**. What is X?", ("Q#", 1, "Q1.", "What is X?")),
    ("**Q: What is X?**", ("Q:", None, "Q:", "What is X?")),
    ("**Question 3:** What is X?", ("Question#", 3, "Question 3:", "What is X?")),
    ("**Q3. What is X?", ("Q#", 3, "Q3.", "**What is X?")),  # the bold goes on past the line
    ("1️⃣ What is X?", ("#", 1, "1️⃣", "What is X?")),
    ("12) What is X?", ("#", 12, "12)", "What is X?")),
    ("3.5 billion parameters", ("", None, "", "3.5 billion parameters")),
    ("Quantisation shrinks weights", ("", None, "", "Quantisation shrinks weights")),
])
def test_read_marker(text, expected):
    assert structure.read_marker(text) == expected


@pytest.mark.parametrize("text, asks", [
    ("What is X?", True), ("Explain positional encoding.", True), ("What is variance? [[src](http://x.io)]", True),
    ("Neural Network Kya Hai?", True), ("Advantages", False), ("Model Monitoring", False),
])
def test_asks(text, asks):
    assert structure.asks(text, OPENERS) is asks


def decide(text: str):
    lines = text.split("\n")
    return structure.decide(blocks.parse(lines)[0], lines, OPENERS)


def test_numbered_steps_inside_answers_do_not_outweigh_the_questions():
    text = "\n".join(f"# Q{n}. What is {n}?\n\n1. First step.\n2. Second step.\n3. Third step.\n" for n in (1, 2, 3))
    chosen = decide(text)
    assert chosen.shape.style == "Q#" and [m.number for m in chosen.markers] == [1, 2, 3]


def test_headings_that_mostly_name_topics_are_not_questions():
    assert decide("## Overview\n\nA.\n\n## What is B?\n\nB.\n\n## History\n\nC.\n\n## Summary\n\nD.") is None


def test_a_close_call_is_reported_as_one():
    text = "## What is A?\n\nA.\n\n## What is B?\n\nB.\n\n**What is C?**\n\nC.\n\n**What is D?**\n\nD.\n"
    chosen = decide(text)
    assert chosen.confidence == 0.5 and not chosen.confident
    assert "runner-up" in chosen.description


def test_a_low_confidence_choice_is_a_warning_naming_the_hint():
    from helpers import convert
    document, _ = convert(b"## What is A?\n\nA.\n\n## What is B?\n\nB.\n\n**What is C?**\n\nC.\n\n**What is D?**\n\nD.\n")
    warning = next(w for w in document.warnings if "low confidence" in w)
    assert "sources.yml" in warning and "pattern:" in warning


def test_a_line_holding_only_a_line_break_is_a_reported_spacer():
    from helpers import convert
    document, _ = convert(b"## 1. What is A?\n\nA.\n\n<br>\n\n## 2. What is B?\n\nB.\n\n<br/> <br>\n")
    assert [e.body for e in document.entries] == ["A.", "B."]
    assert [(d.line + 1, d.reason) for d in document.drops] == [(5, "spacer line"), (11, "spacer line")]


def test_the_heading_a_document_opens_with_titles_it():
    assert read("sections_restart_numbering.md")[0].source.title == "Interview questions"
    assert read("first_line_is_a_question.md")[0].source.title == "first line is a question"  # a page's title
    assert read("numbered_topic_headings.md")[0].source.title == "Machine learning notes"


def test_a_closing_line_that_asks_and_is_never_answered_leaves_the_topic():
    from helpers import convert
    document, _ = convert(b"# Notes\n\n## Multi-modal models\n\nThey read text and images.\n\n"
                          b"What is difference between A and B.\n\n## Vectors\n\nLists of numbers.\n\n"
                          b"Why do we normalise them? Because cosine needs unit length.\n")
    assert [(e.title, e.body) for e in document.entries] == [
        ("Multi-modal models", "They read text and images."),
        ("Vectors", "Lists of numbers.\n\nWhy do we normalise them? Because cosine needs unit length.")]
    assert (7, "question without an answer") in [(d.line + 1, d.reason) for d in document.drops]
