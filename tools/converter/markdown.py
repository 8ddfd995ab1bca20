"""Markdown, read one way: markdown-it's CommonMark with tables and ``$$`` maths blocks.

Every pass that parses Markdown gets its parser and token stream from here, and plain text;
``code_lines`` answers which lines are code for the page passes (tags). The sanitiser asks
another question of the raw document (which lines Python-Markdown will show as written,
with HTML blocks off and display maths), and the line passes that run before the text is
valid Markdown use ``normalise.fences``. A pass that needs less
asks for less: no inline parsing (half the cost) when it reads only line maps and the raw
text of blocks, no HTML blocks where a fence under an HTML line must stay a fence (as
Python-Markdown reads it). Ground floor: imports no stage.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore, normalize
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin

VERBATIM = {"fence", "code_block", "math_block", "math_block_label"}  # shown as written, never as prose


def normalize_if_needed(state: StateCore) -> None:
    """markdown-it's first rule rewrites every line break of a text with a regular expression
    (2% of the converter's time, which parses each page several times); here it runs only on a
    text holding one of the two characters it changes, which decoded documents never do."""
    if "\r" in state.src or "\0" in state.src:
        normalize(state)


@cache
def parser(inline: bool = True, maths: bool = False, html_blocks: bool = True) -> MarkdownIt:
    """One parser per configuration and process: building one costs more than parsing a heading.
    ``maths`` reads ``$$`` blocks (and ``$…$`` inline) as maths, as the site renders them."""
    md = MarkdownIt("commonmark").enable("table")
    if maths:
        md.use(dollarmath_plugin, double_inline=True)
    if not html_blocks:
        md.disable("html_block")
    if not inline:
        md.core.ruler.disable("inline")
    md.core.ruler.at("normalize", normalize_if_needed)
    return md


@lru_cache(maxsize=1024)
def tokens_of(text: str) -> tuple[Token, ...]:
    """The text's block tokens (maths blocks included, no inline children), kept for the passes
    after: a pass that changes nothing hands the next the same text, and the language, glossary,
    heading-id and notebook passes all read a page's final text. 1024 holds every text of the
    longest document's pages, which each stage goes through in turn. Callers must not change
    the tokens."""
    return tuple(parser(inline=False, maths=True).parse(text))


def code_lines(text: str) -> frozenset[int]:
    """The lines (0-based) of the text's fences, indented code and ``$$`` maths blocks, at any
    depth (a fence inside a list item is code too)."""
    return frozenset(line for token in tokens_of(text) if token.type in VERBATIM and token.map
                     for line in range(*token.map))


@lru_cache(maxsize=4096)
def plain_text(inline_markdown: str) -> str:
    """Inline Markdown as the reader sees it: no ``**``, ``_`` or link targets. Cached: a page's
    question is read by the splitter, the deduplicator and the emitter, a unit by each summary."""
    tokens = parser().parseInline(inline_markdown)
    parts: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return re.sub(r"\s+", " ", "".join(parts)).strip()
