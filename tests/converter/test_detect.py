"""Detectors: which pattern a document nobody configured is read with, and the
markers each detector finds (or must not find) in the pattern fixtures."""

from __future__ import annotations

import pytest

from converter import blocks, detect, structure
from helpers import PATTERNS, fixture


def markers(name: str, detector: str):
    lines = (PATTERNS / name).read_text(encoding="utf-8").split("\n")
    parsed, _ = blocks.parse(lines)
    return detect.BY_NAME[detector].find(parsed, lines)


PATTERN_OF = {
    "numbered_headings.md": "numbered_heading",
    "q_colon_headings.md": "q_number",
    "q_bare_colon.md": "q_number",
    "setext_q_headings.md": "q_number",
    "question_n_headings.md": "question_number",
    "question_n_bold_lines.md": "question_number",
    "bold_questions.md": "bold_question",
    "list_item_bold_questions.md": "list_question",
    "details_answers.md": "heading_question",
    "topic_headings_between_questions.md": "numbered_heading",
    "question_without_answer.md": "q_number",
    "code_fence_hash_comments.md": "numbered_heading",
    "numbered_subheadings_inside_answer.md": "numbered_heading",
    "repeated_bold_header.md": "question_number",
}


def test_the_table_covers_every_fixture():
    assert set(PATTERN_OF) == {p.name for p in PATTERNS.glob("*.md")}


@pytest.mark.parametrize("name", sorted(PATTERN_OF))
def test_auto_detection_picks_the_pattern(name):
    document, _ = fixture(name)
    assert document.pattern == PATTERN_OF[name]
    assert "not listed in sources.yml: settings auto-detected" in document.warnings


@pytest.mark.parametrize("text, expected", [
    ("Q12. What is X?", ("Q12.", "What is X?", 12)),
    ("Q12: What is X?", ("Q12:", "What is X?", 12)),
    ("Q 7) What is X?", ("Q 7)", "What is X?", 7)),
    ("Q: What is X?", ("Q:", "What is X?", None)),
    ("**Q: What is X?**", ("Q:", "What is X?", None)),
    ("**Q:** What is X?", ("Q:", "What is X?", None)),
    ("**Q3. What is X?", ("Q3.", "**What is X?", 3)),  # bold goes on past the line
])
def test_q_prefix(text, expected):
    assert detect.split_prefix(text, detect.Q_PREFIX) == expected


@pytest.mark.parametrize("text, expected", [
    ("Question 5: What is Y?", ("Question 5:", "What is Y?", 5)),
    ("**Question 5:** What is Y?", ("Question 5:", "What is Y?", 5)),
    ("**Question 5: What is Y?**", ("Question 5:", "What is Y?", 5)),
    ("Question 3 - What is Y?", ("Question 3 -", "What is Y?", 3)),
    ("Question: What is Y?", ("Question:", "What is Y?", None)),
])
def test_question_prefix(text, expected):
    assert detect.split_prefix(text, detect.QUESTION_PREFIX) == expected


@pytest.mark.parametrize("text", ["Questions remain.", "Q-learning is a method.", "Quick: what is X?"])
def test_prefixes_need_a_marker(text):
    assert detect.split_prefix(text, detect.Q_PREFIX) is None
    assert detect.split_prefix(text, detect.QUESTION_PREFIX) is None


def test_numbered_headings_markers():
    found = markers("numbered_headings.md", "numbered_heading")
    assert [(m.line, m.number, m.prefix, m.text) for m in found] == [
        (4, 1, "1.", "What is overfitting?"),
        (8, 2, "2.", "What is a validation set?"),
        (12, 3, "3.", "What does _regularisation_ do?"),
    ]
    assert {m.level for m in found} == {2}


def test_hash_comments_in_code_fences_are_never_markers():
    lines = (PATTERNS / "code_fence_hash_comments.md").read_text(encoding="utf-8").split("\n")
    inside = {5, 7, 13}
    assert [lines[i].split()[0] for i in sorted(inside)] == ["#", "##", "#"]
    for detector in detect.DETECTORS:
        assert not inside & {m.line for m in markers("code_fence_hash_comments.md", detector.name)}
    assert [m.line for m in markers("code_fence_hash_comments.md", "numbered_heading")] == [2, 10]


def test_details_question_is_the_heading_not_the_summary_label():
    found = markers("details_answers.md", "details")
    assert [(m.line, m.text, m.form) for m in found] == [
        (2, "Explain consistent hashing", "heading"),
        (10, "Explain a write-ahead log", "heading"),
    ]


def test_details_needs_the_details_block_right_after_the_heading():
    lines = ["## Explain A", "", "Some text first.", "", "<details><summary>Show answer</summary>",
             "", "A.", "", "</details>"]
    parsed, _ = blocks.parse(lines)
    assert detect.details_questions(parsed, lines) == []


def test_list_item_questions_keep_the_answer_indent():
    found = markers("list_item_bold_questions.md", "list_question")
    assert [(m.line, m.number, m.prefix, m.text, m.indent, m.body_start) for m in found] == [
        (2, 1, "1.", "What is a list comprehension?", 3, 3),
        (10, 2, "2.", "What is a generator?", 3, 11),
        (14, 3, "3.", "What is a decorator?", 3, 15),
    ]


def test_bold_questions_need_a_question_mark():
    lines = ["**What is A?**", "", "A.", "", "**Important note**", "", "B.", "", "__Why B?__", "", "B."]
    parsed, _ = blocks.parse(lines)
    assert [m.text for m in detect.bold_questions(parsed, lines)] == ["What is A?", "Why B?"]


def test_setext_heading_text_is_every_line_above_the_underline():
    lines = ["Q1. What is a", "heap?", "------", "", "A tree."]
    parsed, _ = blocks.parse(lines)
    assert detect.heading_text(parsed[0], lines) == "Q1. What is a heap?"
    marker = detect.marker_from_heading(parsed[0], lines, detect.Q_PREFIX)
    assert (marker.line, marker.end, marker.number, marker.text) == (0, 3, 1, "What is a heap?")


def test_one_marker_is_not_a_question_structure():
    lines = ["# Notes", "", "## 1. What is A?", "", "Answer.", "", "## Summary", "", "Text."]
    parsed, _ = blocks.parse(lines)
    assert structure.decide(parsed, lines, ("what",)) is None


def test_question_level_is_the_most_common_heading_level():
    found = markers("numbered_subheadings_inside_answer.md", "numbered_heading")
    assert [(m.line, m.level) for m in found] == [(2, 2), (6, 4), (10, 4), (14, 2), (18, 2)]
    assert detect.question_level(found) == 2


def test_a_bold_question_nested_in_an_answer_is_not_a_list_question():
    lines = ["1. **What is A?**", "", "   Steps:", "", "   - **Why B?** is asked later", "",
             "2. **What is C?**", "", "   C."]
    parsed, _ = blocks.parse(lines)
    assert [m.line for m in detect.list_questions(parsed, lines)] == [0, 6]
