"""tables: tab-separated rows become Markdown tables."""

from __future__ import annotations

import pytest

from converter.normalise.tables import cell_markdown, merge_cell, tab_tables


def tables(text: str) -> str:
    return "\n".join(tab_tables(text.split("\n")))


def test_a_table_cut_by_page_breaks_is_one_table(fixture_text):
    # Header with an empty first cell; a row cut by a page break (its rest starts
    # with a tab after a blank line); a plain row after another page break.
    assert tables(fixture_text("tab_table_split_by_page_break.md")) == (
        "Optimisers compared:\n"
        "\n"
        "|  | Speed | Memory |\n"
        "| --- | --- | --- |\n"
        "| SGD | fast | low |\n"
        "| Adam | slower per step but converges sooner | high |\n"
        "| RMSProp | medium | medium |\n"
        "\n"
        "\n"
        "After the table.\n"
    )


def test_header_with_an_empty_first_cell_keeps_the_column():
    assert tables("\tA\tB\nx\t1\t2") == "|  | A | B |\n| --- | --- | --- |\n| x | 1 | 2 |\n"


def test_a_single_cell_first_row_is_the_caption(fixture_text):
    assert tables(fixture_text("tab_table_with_caption.md")) == (
        "Table 1: Tokenisers\n"
        "\n"
        "| Name | Unit |\n"
        "| --- | --- |\n"
        "| BPE | subword |\n"
        "| WordPiece | subword |\n"
        "\n"
    )


def test_html_in_cells(fixture_text):
    assert tables(fixture_text("html_in_table_cells.md")) == (
        "| Term | Meaning |\n"
        "| --- | --- |\n"
        "| **Token** | *a piece* of text |\n"
        "| **Pipe** | the \\| character |\n"
        "| List | <ul><li>one</li><li>two</li></ul> |\n"
        "| Para | first<br>second |\n"
        "\n"
    )


@pytest.mark.parametrize("cell, expected", [
    ("<b>bold</b>", "**bold**"),
    ("<strong> spaced </strong>", "**spaced**"),
    ("<B>upper</B>", "**upper**"),
    ("<i>it</i> and <em>em</em>", "*it* and *em*"),
    ("<p>one</p><p>two</p>", "one<br>two"),
    ("<p>only</p>", "only"),
    ('<ul style="margin:0; padding:0"><li>a</li></ul>', "<ul><li>a</li></ul>"),
    ('<OL type="a"><li>a</li></ol>', "<ol><li>a</li></ol>"),
    ("a | b", "a \\| b"),
    ("already \\| escaped", "already \\| escaped"),
    ("  many   spaces\nand a break ", "many spaces and a break"),
])
def test_cell_markdown(cell, expected):
    assert cell_markdown(cell) == expected


@pytest.mark.parametrize("cell, more, expected", [
    ("<p>cut here</p>", "and here", "<p>cut here and here</p>"),
    ("<ul><li>alpha</li></ul>", "beta", "<ul><li>alpha beta</li></ul>"),
    ("plain", "rest", "plain rest"),
    ("<p>kept</p>", "<p>new paragraph</p>", "<p>kept</p> <p>new paragraph</p>"),
    ("unchanged", "", "unchanged"),
])
def test_merge_cell_continues_the_open_paragraph_or_item(cell, more, expected):
    assert merge_cell(cell, more) == expected


def test_a_list_cell_cut_by_a_page_break():
    text = "H\tD\nx\t<ul><li>one</li></ul>\ny\t<ul><li>alpha</li></ul>\n\n\tbeta"
    assert tables(text) == (
        "| H | D |\n| --- | --- |\n| x | <ul><li>one</li></ul> |\n| y | <ul><li>alpha beta</li></ul> |\n"
    )


def test_a_trailing_tab_on_every_row_is_not_a_column():
    assert tables("a\tb\t\nc\td\t") == "| a | b |\n| --- | --- |\n| c | d |\n"


def test_short_rows_are_padded():
    assert tables("a\tb\tc\nd\te") == "| a | b | c |\n| --- | --- | --- |\n| d | e |  |\n"


def test_a_table_right_under_a_paragraph_line_gets_a_blank_line():
    assert tables("Intro:\na\tb\nc\td") == "Intro:\n\n| a | b |\n| --- | --- |\n| c | d |\n"


def test_one_tab_row_alone_is_not_a_table():
    assert tables("a\tb\nplain text") == "a\tb\nplain text"


def test_tab_rows_inside_a_code_fence_stay_code():
    text = "```\nname\tvalue\nx\t1\n```"
    assert tables(text) == text


def test_lines_before_and_after_are_kept():
    assert tables("before\n\na\tb\nc\td\n\nafter") == (
        "before\n\n| a | b |\n| --- | --- |\n| c | d |\n\n\nafter"
    )
