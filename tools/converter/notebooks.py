"""A downloadable Jupyter notebook for each page that has Python code.

A reader who wants to run an answer's code should not have to copy block by
block, nor lose the sentence that says what a block is for; so the notebook
keeps the question, each Python block and the few lines that introduce it.
Blocks are found through markdown-it's token stream, never with regexes over
the raw text: a ``# comment`` inside code is not a heading, and a fence nested
in a list item comes back already de-indented.

Pure: text in, text out. The caller decides where (and whether) to write.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from markdown_it.token import Token

from .markdown import plain_text
from .sanitise import code_lines, masked
from .markdown import tokens_of

# Labels a reader would expect to run as Python; a fence without one is not
# guessed at, because an untagged block is as often pseudo-code or output.
FENCE_OPENER = re.compile(r"^[ \t>]*(?:`{3,}|~{3,})", re.M)
PYTHON = frozenset({"python", "py", "python3", "py3", "ipython", "ipython3", "pycon"})

CONTEXT_LIMIT = 600  # a context cell introduces the code; it must not retell the answer
LEAD_LIMIT = 150  # an enclosing list item's lead is a signpost, so it gets less room
MIN_BUDGET = 200  # a long heading must not squeeze the paragraph to nothing

KERNEL = {"name": "python3", "display_name": "Python 3", "language": "python"}
NBFORMAT = (4, 5)  # the notebook format version written, as nbformat's v4 writer would

SENTENCE_END = re.compile(r"[.!?][)\"'*_]*(?=\s)")
# Markers that must come in pairs, or a cut would leave the rest of the cell
# in code, bold or maths.
PAIRED = ("`", "**", "$")


@dataclass(frozen=True)
class _Context:
    heading: str | None
    prose: str


def notebook(title: str, question: str | None, body: str, answer_url: str) -> str | None:
    """The .ipynb JSON text for a page, or None when the page has no Python code block. Its first
    cell links to ``answer_url``, the answer's page (relative to the notebook's page)."""
    return notebook_of(title, question, page_cells(title, body), answer_url)


def page_cells(title: str, body: str) -> tuple[tuple[str, str], ...]:
    """The page's notebook cells after its header, or none when it has no Python code: they
    depend on the page alone, so emit finds them with the per-document stages."""
    if not FENCE_OPENER.search(body):  # most pages: no fence at all, so no parse
        return ()
    cells = answer_cells(body, title=title)
    return tuple(cells) if any(kind == "code" for kind, _ in cells) else ()


def notebook_of(title: str, question: str | None, cells: tuple[tuple[str, str], ...], answer_url: str) -> str | None:
    if not cells:
        return None
    header = [("markdown", _header(title, question, answer_url))]
    # Ids numbered, not nbformat's random ones: rebuilding the site must not change a notebook
    # nobody edited. Written as JSON the way nbformat's v4 writer writes it (sources as lists of
    # lines, keys sorted, one-space indent), without nbformat: importing it (and the JSON schema
    # library it loads) took 0.15 s of every converter run; the tests validate the notebooks.
    nb = {"nbformat": NBFORMAT[0], "nbformat_minor": NBFORMAT[1],
          "metadata": {"kernelspec": dict(KERNEL), "language_info": {"name": "python"}},
          "cells": [_cell(kind, text, number) for number, (kind, text) in enumerate(header + list(cells), 1)]}
    return json.dumps(nb, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False) + "\n"


def inert_html(markdown: str) -> str:
    """A Markdown cell with each ``<`` outside code written ``&lt;``: nbconvert renders a cell's raw
    HTML as it is, and a notebook's page is nbconvert's template around its cells, where a stray
    ``</div>`` would end a cell early and leave what follows outside the site's cleaning."""
    if "<" not in markdown:
        return markdown
    lines = markdown.split("\n")
    code = code_lines(lines)
    for index, line in enumerate(lines):
        if index not in code and "<" in line:
            view = masked(line)
            lines[index] = "".join("&lt;" if char == "<" and view[at] == "<" else char for at, char in enumerate(line))
    return "\n".join(lines)


def _cell(kind: str, text: str, number: int) -> dict:
    text = inert_html(text) if kind == "markdown" else text
    cell = {"id": f"cell-{number}", "cell_type": kind, "metadata": {}, "source": text.splitlines(True)}
    return cell | ({"execution_count": None, "outputs": []} if kind == "code" else {})


def _header(title: str, question: str | None, answer_url: str) -> str:
    parts = [f"# {_escape(title)}"]
    # The same test as the page's own lead: quote the question only when the
    # title is a shortened form of it.
    if question and question.strip() and plain_text(question) != plain_text(_escape(title)):
        parts.append("\n".join(f"> {line}".rstrip() for line in question.strip().splitlines()))
    parts.append(f"From [the answer page]({_destination(answer_url)})")
    return "\n\n".join(parts)


def answer_cells(body: str, title: str | None) -> list[tuple[str, str]]:
    """The answer as (kind, text) cells: 'code' for each fenced block whose info string is
    python/py/python3 (or ipython/pycon), 'markdown' for the short context before it."""
    tokens = tokens_of(body)
    cells: list[tuple[str, str]] = []
    previous: _Context | None = None
    for index, token in enumerate(tokens):
        if token.type != "fence" or not _is_python(token.info):
            continue
        context = _context_before(tokens, index, title)
        if context != previous:
            # A heading already shown above a sibling block would only repeat
            # itself in the notebook's outline.
            shown_heading = context.heading if previous is None or context.heading != previous.heading else None
            text = _render(shown_heading, context.prose)
            if text:
                cells.append(("markdown", text))
        previous = context
        cells.append(("code", token.content.rstrip("\n")))
    return cells


def _is_python(info: str) -> bool:
    words = info.split()
    if not words:
        return False
    language = words[0].strip("{}").lstrip(".").lower()  # also ``{.python}``, as superfences reads it
    return language in PYTHON


def _context_before(tokens: list[Token], fence: int, title: str | None) -> _Context:
    """The nearest heading, the enclosing list items' leads and the paragraph
    just before the fence: what a reader of the page saw on the way to it."""
    heading: str | None = None
    paragraph: tuple[int, str] | None = None
    items: list[tuple[int, str] | None] = []  # per open list item: its leading paragraph
    for index in range(fence):
        token = tokens[index]
        if token.type == "heading_open":
            text = tokens[index + 1].content.strip()
            # The page's own title heading, when a whole page body is given.
            is_title = title is not None and plain_text(text) == plain_text(_escape(title))
            heading = None if is_title else text
            paragraph = None  # text from an earlier section introduces nothing here
        elif token.type == "list_item_open":
            items.append(None)
        elif token.type == "list_item_close" and items:
            items.pop()
        elif token.type == "paragraph_open":
            text = tokens[index + 1].content.strip()
            paragraph = (index, text)
            if items and items[-1] is None and tokens[index - 1].type == "list_item_open":
                items[-1] = (index, text)
    leads = {lead for lead in items if lead is not None and lead != paragraph}
    parts = [_trim(text, LEAD_LIMIT) for _, text in sorted(leads)]
    budget = CONTEXT_LIMIT - sum(len(part) + 2 for part in parts) - (len(heading) + 5 if heading else 0)
    if paragraph is not None:
        parts.append(_trim(paragraph[1], max(budget, MIN_BUDGET)))
    return _Context(heading, "\n\n".join(part for part in parts if part))


def _render(heading: str | None, prose: str) -> str:
    # Every context heading sits one level under the notebook's title, so the
    # notebook's outline stays flat whatever levels the page used.
    parts = ([f"## {heading}"] if heading else []) + ([prose] if prose else [])
    return "\n\n".join(parts)


def _trim(text: str, limit: int) -> str:
    """At most ``limit`` characters, ending on a sentence if one ends late
    enough, else on a word, and never inside a code span, bold or maths."""
    if len(text) <= limit:
        return text
    window = text[: limit - 2]  # room for " …"
    sentences = [m.end() for m in SENTENCE_END.finditer(window) if m.end() >= limit // 2]
    words = [m.start() for m in re.finditer(r"\s+", window) if m.start() > 0]
    for cut in sorted(sentences, reverse=True):
        if _balanced(text[:cut]):
            return text[:cut] + " …"
    for cut in sorted(words, reverse=True):
        piece = text[:cut].rstrip(",;:-–—")
        if piece and _balanced(piece):
            return piece + "…"
    return window.rstrip() + "…"


def _balanced(text: str) -> bool:
    stripped = text
    counts = []
    for marker in PAIRED:
        counts.append(stripped.count(marker))
        stripped = stripped.replace(marker, "")
    return all(count % 2 == 0 for count in counts)


def _escape(text: str) -> str:
    """Plain text safe inside a heading or link text, as the page escapes its title."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _destination(url: str) -> str:
    return f"<{url}>" if re.search(r"[\s()<>]", url) else url
