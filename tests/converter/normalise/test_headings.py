"""headings: a clean outline under the page's own title."""

from __future__ import annotations

import pytest

from converter.model import Style
from converter.normalise.headings import headings, is_sentence, outline, unwrap


@pytest.fixture
def heads(style):
    return lambda text: headings(text, style)


@pytest.mark.parametrize("levels, expected", [
    ([], []),
    ([2, 2], [2, 2]),
    ([1, 2, 3], [2, 3, 4]),  # an h1 in the body becomes h2
    ([3, 5, 3], [2, 3, 2]),  # no level skipped
    ([1, 3, 3, 2, 4, 1], [2, 3, 3, 3, 4, 2]),
    ([4, 2], [2, 2]),  # a shallower heading after a deep one starts again at 2
])
def test_outline(levels, expected):
    assert outline(levels) == expected


@pytest.mark.parametrize("text, expected", [
    ("**Key Points:**", "Key Points:"),
    ("**Limitations**:", "Limitations:"),
    ("__Underscored__", "Underscored"),
    ("❖ Benefits", "Benefits"),
    ("**\\*** Text Generation:", "Text Generation:"),  # an escaped asterisk made bold, as a glyph
    ("\\*args and kwargs", "\\*args and kwargs"),  # an escaped asterisk that is text
    ("**➤ Benefits**", "Benefits"),
    ("Plain", "Plain"),
    ("Uses of **RAG** today", "Uses of RAG today"),
])
def test_unwrap(text, expected):
    assert unwrap(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Here's how it works:", True),
    ("Here is the plan:", True),
    ("The main steps are:", True),
    ("Common uses include:", True),
    ("Key differences such as:", True),
    ("**Here are** the steps:", True),
    ("Advantages:", False),  # a label, not a sentence
    ("Here's how it works", False),  # no colon
    ("Software:", False),  # "are" must be a word of its own
])
def test_is_sentence(text, expected, style):
    assert is_sentence(text, style) is expected


def test_is_sentence_reads_the_style():
    style = Style(sentence_heading_starts=("consider",), sentence_heading_ends=("below",))
    assert is_sentence("Consider these:", style)
    assert is_sentence("Listed below:", style)
    assert not is_sentence("Here's how it works:", style)


def test_bold_and_trailing_colons_go(fixture_text, heads):
    assert heads(fixture_text("bold_heading_with_colon.md")) == (
        "## Key Points\n"
        "\n"
        "Attention is central.\n"
        "\n"
        "### Limitations\n"
        "\n"
        "Cost grows with length.\n"
    )


def test_outline_of_a_page(fixture_text, heads):
    # h1 -> h2, a skipped level closed up, setext made ATX, glyph stripped,
    # an empty heading removed.
    assert heads(fixture_text("heading_outline.md")) == (
        "## Overview\n"
        "\n"
        "Intro text.\n"
        "\n"
        "### Details\n"
        "\n"
        "Deep text.\n"
        "\n"
        "### Setext Part\n"
        "\n"
        "### Glyph Part\n"
        "\n"
        "\n"
        "End text.\n"
    )


def test_setext_headings_become_atx(heads):
    assert heads("Overview\n========\n\ntext\n\nDetails\n-------\n\nmore") == (
        "## Overview\n\ntext\n\n### Details\n\nmore"
    )


def test_a_two_line_setext_heading_stays_one_heading(heads):
    assert heads("Attention in\nshort form\n==========\n\ntext") == "## Attention in short form\n\ntext"


def test_sentence_headings_become_paragraphs(fixture_text, heads):
    assert heads(fixture_text("sentence_heading.md")) == (
        "Here's how it works:\n"
        "- Split the text\n"
        "- Embed each piece\n"
        "\n"
        "Common uses include:\n"
        "\n"
        "- Search\n"
    )


def test_a_sentence_heading_does_not_use_up_a_level(heads):
    assert heads("## Here are the parts:\n\n### Part A\n\ntext") == "Here are the parts:\n\n## Part A\n\ntext"


def test_a_sentence_heading_in_a_list_item_keeps_its_indent(heads):
    assert heads("- a\n\n    ## Here is why:\n") == "- a\n\n    Here is why:\n"


@pytest.mark.parametrize("text", ["## \n\nbody", "###\n\nbody", "## **:**\n\nbody", "## ❖\n\nbody"])
def test_empty_headings_are_removed(text, heads):
    assert heads(text) == "\nbody"  # the heading line is gone, the blank line stays


def test_closing_hashes_go(heads):
    assert heads("## Title ##\ntext") == "## Title\ntext"


def test_headings_in_code_are_code(heads):
    assert heads("```\n# comment\n```\n## Real") == "```\n# comment\n```\n## Real"


def test_rendered_outline(normalised, render):
    html = render(normalised("heading_outline.md"))
    found = [(h.name, h.find(string=True, recursive=False).strip()) for h in html.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
    assert found == [("h2", "Overview"), ("h3", "Details"), ("h3", "Setext Part"), ("h3", "Glyph Part")]


def test_rendered_sentence_heading_is_a_paragraph_before_its_list(normalised, render):
    html = render(normalised("sentence_heading.md"))
    assert html.find(["h1", "h2", "h3"]) is None
    assert [p.get_text() for p in html.find_all("p")] == ["Here's how it works:", "Common uses include:"]
    assert [len(ul.find_all("li")) for ul in html.find_all("ul")] == [2, 1]


def test_parallel_sections_take_one_level_whatever_the_pdf_gave_them(fixture_text, heads):
    out = heads(fixture_text("parallel_sections_at_scrambled_levels.md"))
    assert [line for line in out.split("\n") if line.startswith("#")] == [
        "## Text Generation", "## Image Generation", "## Music Generation", "## Summary"]


def test_two_sections_are_not_a_run_of_parallel_ones(heads):
    out = heads("## A\n\n- Description: a.\n\n### B\n\n- Description: b.\n")
    assert [line for line in out.split("\n") if line.startswith("#")] == ["## A", "### B"]


def test_repeated_sub_headings_sit_under_the_headings_that_open_them(fixture_text, heads):
    out = heads(fixture_text("repeated_sub_headings_under_two_parents.md"))
    assert [line for line in out.split("\n") if line.startswith("#")] == [
        "## Attention Mechanism", "### Descriptions", "### Example",
        "## Self-Attention Mechanism", "### Descriptions", "### Example", "## Key Difference"]


def test_one_group_of_repeated_headings_is_no_pattern(heads):
    out = heads("### A\n\n#### Notes\n\ntext\n\n## Notes\n\nmore")
    assert [line for line in out.split("\n") if line.startswith("#")] == ["## A", "### Notes", "### Notes"]


def test_a_heading_on_a_list_item_line_is_the_items_text(fixture_text, heads):
    assert heads(fixture_text("heading_on_a_list_item_line.md")) == (
        "## Why a vector database\n"
        "\n"
        "- Efficient storage: Vectors take less space than raw data.\n"
        "- Fast retrieval: Similar points are found quickly.\n"
    )
