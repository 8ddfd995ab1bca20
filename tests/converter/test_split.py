"""Splitting the pattern fixtures: exactly which entries, titles, numbers,
chapters and drops come out, and that no word is lost on the way."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from converter import split
from converter.detect import BY_NAME
from converter.model import Marker
from helpers import PATTERNS, convert, fixture, lost_words

FRONT = "front matter before the first question"
WRAPPER = "collapsible-answer wrapper"
REPEATED = "repeated question marker"

# fixture: ([(number, title, chapter)], [(1-based line, reason)] of the drops)
EXPECTED = {
    "numbered_headings.md": (
        [(1, "What is overfitting?", None), (2, "What is a validation set?", None),
         (3, "What does regularisation do?", None)],
        [(1, FRONT), (3, FRONT)]),
    "q_colon_headings.md": (
        [(1, "What is backpropagation?", None), (2, "What is a learning rate?", None),
         (3, "Why use dropout?", None)],
        [(1, FRONT)]),
    "q_bare_colon.md": (
        [(None, "What is a tensor?", None), (None, "What is an epoch?", None),
         (None, "What is a batch?", None)],
        [(1, FRONT)]),
    "setext_q_headings.md": (
        [(1, "What is a heap?", None), (2, "What is a trie?", None)],
        [(1, FRONT)]),
    "question_n_headings.md": (
        [(1, "What is tokenisation?", None), (2, "What is stemming?", None),
         (3, "What is an embedding?", None)],
        [(1, FRONT)]),
    "question_n_bold_lines.md": (
        [(1, "What is precision?", None), (2, "What is recall?", None), (3, "What is the F1 score?", None)],
        [(1, FRONT)]),
    "bold_questions.md": (
        [(None, "What is a p-value?", None), (None, "What is a confidence interval?", None),
         (None, "Why does sample size matter?", None)],
        [(1, FRONT)]),
    "list_item_bold_questions.md": (
        [(1, "What is a list comprehension?", None), (2, "What is a generator?", None),
         (3, "What is a decorator?", None)],
        [(1, FRONT)]),
    "details_answers.md": (
        [(None, "Explain consistent hashing", None), (None, "Explain a write-ahead log", None)],
        [(1, FRONT), (5, WRAPPER), (9, WRAPPER), (13, WRAPPER), (17, WRAPPER)]),
    "topic_headings_between_questions.md": (
        [(1, "What is supervised learning?", "Basics"), (2, "What is unsupervised learning?", "Basics"),
         (3, "What is meta-learning?", "Advanced"), (4, "What is curriculum learning?", "Advanced")],
        []),
    "question_without_answer.md": (
        [(1, "What is a region?", None), (3, "What is a CDN?", None)],
        [(1, FRONT), (7, "question without an answer")]),
    "code_fence_hash_comments.md": (
        [(1, "How do you list hidden files?", None), (2, "How do you count lines in a file?", None)],
        [(1, FRONT)]),
    "numbered_subheadings_inside_answer.md": (
        [(1, "How do you deploy a model?", None), (2, "What is model drift?", None),
         (3, "How do you monitor a model?", None)],
        [(1, FRONT)]),
    "repeated_bold_header.md": (
        [(1, "How would you detect fraud in card payments?", None),
         (2, "How would you rank search results for a shop?", None)],
        [(1, FRONT), (5, REPEATED), (11, REPEATED)]),
}
MARKUP = re.compile(r"\*\*|__|(?<!\w)_|_(?!\w)|^\s*(Q\s*\d*\s*[.:)]|Question\s*\d*\s*[.:)\-])|^#", re.I)


def test_the_table_covers_every_fixture():
    assert set(EXPECTED) == {p.name for p in PATTERNS.glob("*.md")}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entries(name):
    document, _ = fixture(name)
    entries, _ = EXPECTED[name]
    assert [(e.number, e.title, e.chapter) for e in document.entries] == entries
    assert all(e.kind == "question" for e in document.entries)
    assert not document.failed


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_drops(name):
    document, _ = fixture(name)
    _, drops = EXPECTED[name]
    assert [(d.line + 1, d.reason) for d in document.drops] == drops


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_carry_no_marker_or_markup(name):
    document, _ = fixture(name)
    for entry in document.entries:
        assert not MARKUP.search(entry.title), entry.title
        assert entry.body.strip() and entry.body == entry.body.strip()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_word_is_lost(name):
    document, raw = fixture(name)
    assert not lost_words(document, raw)


def test_lost_words_notices_a_lost_word():
    """The conservation helper itself can fail."""
    document, raw = fixture("numbered_headings.md")
    document.entries[0] = replace(document.entries[0], body=document.entries[0].body.replace("noise", ""))
    assert lost_words(document, raw) == {"noise": 1}


def test_prefixes_and_line_ranges():
    document, _ = fixture("q_colon_headings.md")
    assert [(e.prefix, e.start + 1, e.end) for e in document.entries] == [
        ("Q1:", 3, 6), ("Q2.", 7, 10), ("Q3)", 11, 13)]
    document, _ = fixture("question_n_headings.md")
    assert [e.prefix for e in document.entries] == ["Question 1:", "Question 2:", "Question 3 -"]


def test_setext_underline_is_not_in_the_answer():
    document, _ = fixture("setext_q_headings.md")
    assert [e.body for e in document.entries] == [
        "A tree where every parent is ordered before its children.",
        "A prefix tree that stores strings by their characters.",
    ]


def test_statement_keeps_inline_markdown():
    document, _ = fixture("numbered_headings.md")
    assert document.entries[2].statement == "What does _regularisation_ do?"


def test_list_item_answers_are_dedented():
    document, _ = fixture("list_item_bold_questions.md")
    assert document.entries[0].body == (
        "A compact way to build a list from an iterable.\n\n"
        "```python\nsquares = [n * n for n in range(5)]\n```")
    assert document.entries[2].body == "A callable that wraps another function."


def test_details_wrapper_is_dropped_and_the_answer_kept():
    document, _ = fixture("details_answers.md")
    assert [e.body for e in document.entries] == [
        "Keys and nodes share one hash ring, so adding a node moves few keys.",
        "Changes are appended to a log before they are applied, so a crash can be replayed.",
    ]
    wrappers = [d.text for d in document.drops if d.reason == WRAPPER]
    assert wrappers == ["<details><summary>Show answer</summary>", "</details>"] * 2
    assert not any("Show answer" in e.title + e.statement + e.body for e in document.entries)


@pytest.mark.parametrize("line", [
    "<details><summary>Show answer</summary>", "<details>", "</details>", "<summary>Answer</summary>",
    "  <details open> <summary>Show</summary>  ",
])
def test_details_wrapper_lines(line):
    assert split.DETAILS_LINE.match(line)


@pytest.mark.parametrize("line", ["<details>Keys are hashed.", "", "The <summary> tag labels it."])
def test_details_content_lines_are_not_wrappers(line):
    assert not split.DETAILS_LINE.match(line)


def test_topic_headings_between_questions_are_chapters():
    document, _ = fixture("topic_headings_between_questions.md")
    assert [(c.title, c.line + 1, c.intro) for c in document.chapters] == [
        ("Basics", 1, ""), ("Advanced", 11, "")]
    assert "Advanced" not in document.entries[1].body


def test_question_without_answer_is_reported_not_a_page():
    document, _ = fixture("question_without_answer.md")
    assert [e.number for e in document.entries] == [1, 3]
    [drop] = [d for d in document.drops if d.reason == "question without an answer"]
    assert drop.text == "### Q2. What is an availability zone?"
    assert [w for w in document.warnings if "no answer" in w] == [
        "line 7: question 'What is an availability zone?' has no answer: reported, no page"]


def test_code_fence_comments_stay_in_the_answer():
    document, _ = fixture("code_fence_hash_comments.md")
    first, second = document.entries
    assert first.body == (
        "```bash\n# show everything, including dotfiles\nls -a\n"
        "## 2. this is a comment, not a question\n```")
    assert second.body == "```bash\n# count lines\nwc -l notes.txt\n```"


def test_numbered_subheadings_stay_in_the_answer():
    document, _ = fixture("numbered_subheadings_inside_answer.md")
    assert [(e.start + 1, e.end) for e in document.entries] == [(3, 14), (15, 18), (19, 21)]
    assert document.entries[0].body == (
        "Two steps matter most.\n\n## 1. Package the model\n\n"
        "Save weights and preprocessing together.\n\n## 2. Serve it\n\n"
        "Put it behind an HTTP endpoint.")


def test_repeated_bold_header_is_one_entry():
    document, _ = fixture("repeated_bold_header.md")
    second = document.entries[1]
    assert (second.prefix, second.start + 1, second.end) == ("Question 2:", 9, 15)
    assert second.statement == "How would you rank search results for a shop?"
    assert second.body == (  # the heading's "Question 2:" goes in enrich (labels): the number is the page's
        "## Search ranking\n\n"
        "Combine text relevance with popularity and learn the weights from clicks.")
    assert [d.text for d in document.drops if d.reason == REPEATED] == ["Question 1:", "Question 2:"]


def marker(line: int, number: int, level: int) -> Marker:
    return Marker(line, line + 1, number, f"Item {line}", f"{number}.", "heading", level)


def accepted(markers: list[Marker]) -> list[tuple[int, int]]:
    """(line, number) of the markers ``split.accept`` keeps as questions."""
    groups = split.accept(markers, BY_NAME["numbered_heading"].strong, ["text"] * 60, set())
    return [(g.line, g.marker.number) for g in groups]


def test_a_deeper_heading_is_not_a_question_when_a_question_heading_takes_its_number():
    step, question = marker(5, 2, 3), marker(10, 2, 2)
    assert accepted([marker(0, 1, 2), step, question, marker(20, 3, 2)]) == [(0, 1), (10, 2), (20, 3)]
    assert accepted([marker(0, 3, 2), marker(5, 4, 3), question]) == [(0, 3), (5, 4), (10, 2)]  # 4 is not taken later
    assert accepted([marker(0, 1, 2), step, marker(10, 2, 4)]) == [(0, 1), (5, 2)]  # only deeper headings follow
    flat = [Marker(m.line, m.end, m.number, m.text, m.prefix, "paragraph") for m in (marker(0, 1, 0), marker(5, 2, 0), marker(10, 2, 0))]
    assert accepted(flat)[:2] == [(0, 1), (5, 2)]  # questions that are not headings


def test_a_deeper_heading_that_continues_the_numbering_is_still_a_question():
    """'## 1.', then '### 2.' (the level mistyped), then '## 3.': three questions."""
    text = b"## 1. What is A?\n\nA.\n\n### 2. What is B?\n\nB.\n\n## 3. What is C?\n\nC.\n\n## 4. What is D?\n\nD.\n"
    document, _ = convert(text)
    assert [(e.number, e.title) for e in document.entries] == [
        (1, "What is A?"), (2, "What is B?"), (3, "What is C?"), (4, "What is D?")]


def test_numbering_restart_under_a_new_heading_starts_a_chapter():
    text = (b"# Part A\n\n## 1. What is A?\n\nA.\n\n## 2. What is B?\n\nB.\n\n"
            b"# Part B\n\nIntro to part B.\n\n## 1. What is C?\n\nC.\n")
    document, _ = convert(text)
    assert [(e.number, e.chapter) for e in document.entries] == [(1, "Part A"), (2, "Part A"), (1, "Part B")]
    assert [(c.title, c.intro) for c in document.chapters] == [("Part A", ""), ("Part B", "Intro to part B.")]


def test_a_lone_heading_above_the_questions_is_the_title_not_a_chapter():
    document, _ = fixture("q_colon_headings.md")
    assert document.chapters == []
    assert document.drops[0].text == "# Deep learning questions"



def test_answer_on_the_line_after_a_paragraph_marker():
    document, _ = convert(b"Q1. What is A?\nA is the first letter.\n\nQ2. What is B?\nB comes next.\n")
    assert [(e.title, e.body) for e in document.entries] == [
        ("What is A?", "A is the first letter."), ("What is B?", "B comes next.")]


def test_headings_between_bold_questions_are_chapters():
    raw = (b"# Basics\n\n**Q1. What is A?**\n\nAnswer A.\n\n### Example\n\nStill A.\n\n"
           b"# Advanced\n\n**Q2. What is B?**\n\nAnswer B.\n")
    document, _ = convert(raw)
    assert [(e.title, e.chapter) for e in document.entries] == [
        ("What is A?", "Basics"), ("What is B?", "Advanced")]
    assert "## Example" in document.entries[0].body
