"""paragraphs: sentences cut by a page break joined again, and whitespace."""

from __future__ import annotations

import pytest

from converter.clean import clean
from converter.model import Text
from helpers import SETTINGS, normalise
from converter.normalise.paragraphs import is_prose, join_page_breaks, whitespace


def join(text: str) -> str:
    return "\n".join(join_page_breaks(text.split("\n"))[0])


def tidy(text: str) -> str:
    return "\n".join(whitespace(text.split("\n")))


@pytest.mark.parametrize("text, expected", [
    ("The model learns\n\nfrom data.", "The model learns from data."),
    ("A list of things,\n\n\nand more", "A list of things, and more"),  # several blank lines
    ("- an item that runs\n\non here", "- an item that runs on here"),
    ("1. a step that runs\n\non here", "1. a step that runs on here"),
    ("- an item\n    whose paragraph runs\n\n    on here", "- an item\n    whose paragraph runs on here"),
    ('- whether the model "trusts"\n\nits own answers.', '- whether the model "trusts" its own answers.'),
    ("the “best”\n\nof them", "the “best” of them"),
])
def test_a_lower_case_continuation_is_joined(text, expected):
    assert join(text) == expected


@pytest.mark.parametrize("text", [
    "The model learns.\n\nfrom data.",  # the sentence was complete
    "Is it?\n\nno.",
    "A colon:\n\nthen text",
    "## A heading\n\nlower case text",
    "| a | b |\n\nlower case text",
    "The model learns\n\nFrom data.",  # an upper-case start is a new paragraph
    "The model learns\n\n- a list item",
    "The model learns\n\n`code` first",
    'He said "stop."\n\nthen left',  # the quote closes a sentence
    "![image](a.png)\n\nwhere:",  # a bracket is no open end

    "The model learns\nfrom data.",  # no break at all
    "```\ncode line\n\nmore code\n```",
    "```\nx = f(a\n\nb)\n```",
    "```\nlast code line\n```\n\nlower case after",
    "words\n\n```\ncode\n```",
    "how h will  \nchange as  \n g changes\n\nwas h too  \nhigh?",  # lines set on purpose: a figure
])
def test_not_joined(text):
    assert join(text) == text


def test_each_join_is_reported_at_the_line_it_joined():
    from helpers import convert
    document, _ = convert(b"## 1. What is A?\n\nThe model learns\n\nfrom data.\n\n## 2. What is B?\n\nB.\n")
    assert document.entries[0].body == "The model learns from data."
    assert [(c.line + 1, c.before, c.after, c.reason) for c in document.changes] == [
        (3, "The model learns\n\nfrom data.", "The model learns from data.", "sentence cut by a page break joined")]


def test_a_page_break_sentence_through_clean_and_normalise(fixture_text):
    settings = SETTINGS
    raw = fixture_text("page_break_sentence.md")
    text, cleaned = clean(Text("doc.md", tuple(raw.split("\n"))), settings)
    assert [d.reason for d in cleaned.drops] == ["PDF page footer"]
    assert normalise("\n".join(text.lines), settings.style) == (
        "The encoder reads the whole sequence at once.\n"
        "\n"
        "The decoder stops here.\n"
        "\n"
        "then this starts a new paragraph."
    )


def test_an_indented_code_block_is_not_joined(normalised):
    assert normalised("indented_code_block.md") == "Example:\n\n    x = 1\n\n    y = 2"


@pytest.mark.parametrize("line, expected", [
    ("plain text", True),
    ("    indented text", True),
    ("", False),
    ("   ", False),
    ("# heading", False),
    ("| cell |", False),
    ("<div>", False),
    ("> quote", False),
    ("- item", False),
    ("12. item", False),
    ("3) item", False),
    ("$$", False),
    ("```python", False),
    ("~~~", False),
    ("-dash", True),
])
def test_is_prose(line, expected):
    assert is_prose(line) is expected


@pytest.mark.parametrize("text, expected", [
    ("text   \t", "text"),  # trailing spaces and tabs go
    ("a\n   \nb", "a\n\nb"),  # whitespace-only lines are blank
    ("a\n\n\n\nb", "a\n\nb"),  # runs of blank lines collapse
    ("\n\na\n\n", "a"),  # no blank lines at the ends
    ("line one  \nline two", "line one  \nline two"),  # hard break kept
    ("line one      \nline two", "line one  \nline two"),  # ... as exactly two spaces
    ("line one \nline two", "line one\nline two"),  # one space is not a hard break
    ("line one  \n\nline two", "line one\n\nline two"),  # not before a blank line
    ("line one  \n- item", "line one\n- item"),  # nor before a list item
    ("line one  ", "line one"),  # nor at the end
    ("a\tb", "a b"),  # a tab inside text is a space
    ("    - nested\tx", "    - nested x"),  # the indent stays
])
def test_whitespace(text, expected):
    assert tidy(text) == expected


def test_code_keeps_its_blank_lines_and_indentation():
    text = "```\na = 1\n\n\n\n    b\t= 2\n```"
    assert tidy(text) == text


def test_trailing_whitespace_in_code_goes():
    assert tidy("```\ncode   \n```") == "```\ncode\n```"


def test_whitespace_fixture(normalised):
    assert normalised("trailing_whitespace.md") == (
        "First line  \n"
        "second line of the same paragraph\n"
        "\n"
        "Next paragraph\n"
        "\n"
        "```\n"
        "a = 1\n"
        "\n"
        "\n"
        "    b = 2\n"
        "```"
    )


def test_rendered_hard_break(normalised, render):
    html = render(normalised("trailing_whitespace.md"))
    first = html.find("p")
    assert first.find("br") is not None
    assert first.get_text() == "First line\nsecond line of the same paragraph"
    assert html.find("code").get_text() == "a = 1\n\n\n    b = 2\n"
