"""The one Markdown reading: parsers that skip work never find less, and one answer to
"which lines are code?"."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from converter.markdown import code_lines, normalize_if_needed, parser, plain_text


def found(md: MarkdownIt, text: str) -> list[tuple]:
    return [(t.type, t.map, t.content) for t in md.parse(text)]


@pytest.mark.parametrize("text", ["# Title\n\nText.\n", "a\r\nb\r\n\r\n- c\r", "x\0y\n\n```\ncode\0\n```\n"])
def test_lean_parsers_find_what_the_stock_ones_find_line_breaks_and_nuls_included(text):
    stock = MarkdownIt("commonmark").enable("table")
    assert found(parser(), text) == found(stock, text)
    stock.core.ruler.disable("inline")
    assert found(parser(inline=False), text) == found(stock, text)


def test_the_line_break_rewrite_runs_only_where_there_is_something_to_rewrite():
    seen = []
    md = MarkdownIt("commonmark")
    md.core.ruler.at("normalize", normalize_if_needed)
    md.core.ruler.after("normalize", "spy", lambda state: seen.append(state.src))
    md.parse("a\r\nb\0")
    md.parse("plain\n")
    assert seen == ["a\nb\ufffd", "plain\n"]


def test_each_configuration_is_made_once():
    assert parser() is parser() and parser(inline=False) is not parser()


def test_without_html_blocks_a_fence_under_an_html_line_stays_a_fence():
    text = "<div>\n```\ncode\n```\n"
    assert "fence" not in [t.type for t in parser(inline=False).parse(text)]
    assert "fence" in [t.type for t in parser(inline=False, html_blocks=False).parse(text)]


def test_code_is_fences_indented_code_and_maths_blocks_at_any_depth():
    text = ("Intro.\n\n"          # 0-1
            "    indented\n\n"    # 2-3
            "- item\n\n"          # 4-5
            "  ```python\n"       # 6
            "  x = 1\n"           # 7
            "  ```\n\n"           # 8-9
            "$$\na + b\n$$\n\n"   # 10-13
            "Inline `code` and $x$ are prose.\n")  # 14
    assert code_lines(text) == {2, 6, 7, 8, 10, 11, 12}


def test_an_unclosed_fence_runs_to_the_end_as_it_renders():
    assert code_lines("Text.\n\n```\ncode\n\nmore\n") == {2, 3, 4, 5}


@pytest.mark.parametrize("inline, plain", [
    ("**What** is _RAG_?", "What is RAG?"),
    ("See [the docs](https://x.org) and `code`", "See the docs and code"),
    ("a <b>bold</b>\nline", "a bold line"),
])
def test_plain_text_is_what_the_reader_sees(inline, plain):
    assert plain_text(inline) == plain
