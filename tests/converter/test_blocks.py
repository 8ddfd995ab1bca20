"""The shared markdown-it parsers: what they skip must never change what they find."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from converter.blocks import block_parser, lean, markdown


def found(md: MarkdownIt, text: str) -> list[tuple]:
    return [(t.type, t.map, t.content) for t in md.parse(text)]


@pytest.mark.parametrize("text", ["# Title\n\nText.\n", "a\r\nb\r\n\r\n- c\r", "x\0y\n\n```\ncode\0\n```\n"])
def test_lean_parsers_find_what_the_stock_ones_find_line_breaks_and_nuls_included(text):
    stock = MarkdownIt("commonmark").enable("table")
    assert found(markdown(), text) == found(stock, text)
    stock.core.ruler.disable("inline")
    assert found(block_parser(), text) == found(stock, text)


def test_lean_skips_the_rewrite_only_where_there_is_nothing_to_rewrite():
    seen = []
    md = lean(MarkdownIt("commonmark"))
    md.core.ruler.after("normalize", "spy", lambda state: seen.append(state.src))
    md.parse("a\r\nb\0")
    md.parse("plain\n")
    assert seen == ["a\nb\ufffd", "plain\n"]
