"""Tab-separated tables (pasted from PDFs and spreadsheets) become Markdown tables.

A table is a run of lines holding tabs. A page break can cut it: after blank
lines, a row that starts with a tab continues the row before it cell by cell,
and any other tab row continues the table. A first row with a single cell is
the table's caption. HTML in cells becomes Markdown or plain inline HTML, and
``|`` is escaped so it cannot split a cell.
"""

from __future__ import annotations

import re

from .fences import in_code

BOLD = re.compile(r"<(b|strong)>\s*(.*?)\s*</\1>", re.IGNORECASE | re.DOTALL)
ITALIC = re.compile(r"<(i|em)>\s*(.*?)\s*</\1>", re.IGNORECASE | re.DOTALL)
PARAGRAPHS = re.compile(r"\s*<p>\s*(.*?)\s*</p>\s*", re.IGNORECASE | re.DOTALL)
LIST_OPEN = re.compile(r"<(ul|ol)\b[^>]*>", re.IGNORECASE)


def cell_markdown(cell: str) -> str:
    cell = BOLD.sub(lambda m: f"**{m.group(2)}**", cell)
    cell = ITALIC.sub(lambda m: f"*{m.group(2)}*", cell)
    cell = PARAGRAPHS.sub(lambda m: m.group(1) + "<br>", cell).strip()
    cell = re.sub(r"(?:<br>\s*)+$", "", cell)
    cell = LIST_OPEN.sub(lambda m: f"<{m.group(1).lower()}>", cell)  # list styling is the theme's job
    cell = re.sub(r"(\*\*|\*) ([.,;:])", r"\1\2", cell)  # "<b>x</b> ." left a space before the stop
    cell = re.sub(r"(?<!\\)\|", r"\\|", cell)
    return " ".join(cell.split())


def is_row(line: str) -> bool:
    return "\t" in line and bool(line.strip())


def table_runs(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each table, blank lines inside it included."""
    code = in_code(lines)
    runs, index = [], 0
    while index < len(lines):
        if code[index] or not is_row(lines[index]):
            index += 1
            continue
        start = end = index
        while True:
            following = end + 1
            while following < len(lines) and not lines[following].strip():
                following += 1
            if following < len(lines) and not code[following] and is_row(lines[following]) \
                    and (following == end + 1 or end > start or lines[following].startswith("\t")):
                end = following
            else:
                break
        if end > start:  # one tab row alone is not a table
            runs.append((start, end + 1))
        index = end + 1
    return runs


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.rstrip("\n").split("\t")]


CLOSING = re.compile(r"((?:</(?:p|li|ul|ol)>\s*)+)$", re.IGNORECASE)


def merge_cell(cell: str, more: str) -> str:
    """A cell cut by a page break: the rest goes inside the paragraph or list item
    the cut left open, not after it."""
    if not more:
        return cell
    closing = CLOSING.search(cell)
    if closing and not more.startswith("<"):
        return f"{cell[:closing.start()].rstrip()} {more}{closing.group(1)}"
    return f"{cell} {more}".strip()


def rows_of(lines: list[str]) -> list[list[str]]:
    """Rows with page-break continuations merged into the row they continue."""
    rows: list[list[str]] = []
    after_blank = False
    for line in lines:
        if not line.strip():
            after_blank = True
            continue
        row = cells(line)
        if after_blank and len(rows) > 1 and line.startswith("\t"):
            previous = rows[-1]
            previous += [""] * (len(row) - len(previous))
            rows[-1] = [merge_cell(a, b) for a, b in zip(previous, row + [""] * (len(previous) - len(row)))]
        else:
            rows.append(row)
        after_blank = False
    return rows


def render(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    while width > 1 and all(len(r) < width or not r[width - 1] for r in rows):
        width -= 1  # a trailing tab on every row is not a column
    out = []
    for number, row in enumerate(rows):
        padded = [cell_markdown(c) for c in row[:width]] + [""] * (width - len(row))
        out.append("| " + " | ".join(padded) + " |")
        if number == 0:
            out.append("|" + " --- |" * width)
    return out


def tab_tables(lines: list[str]) -> list[str]:
    out: list[str] = []
    position = 0
    for start, end in table_runs(lines):
        out += lines[position:start]
        rows = rows_of(lines[start:end])
        captions = []
        while len(rows) > 1 and sum(1 for c in rows[0] if c) == 1 and rows[0][0]:
            captions.append(cell_markdown(rows.pop(0)[0]))
        if out and out[-1].strip():
            out.append("")
        for caption in captions:
            out += [caption, ""]
        out += render(rows) + [""]
        position = end
    out += lines[position:]
    return out
