"""Every built page parses without an error in html5lib's strict mode (the HTML5
parsing algorithm, as browsers run it): our templates, hooks and content, and
Material's and mkdocs-jupyter's markup around them."""

from __future__ import annotations

import html5lib


def parse_error(path) -> str | None:
    """The first error html5lib meets (what strict mode would raise), with where it is."""
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(path.read_bytes())
    if not parser.errors:
        return None
    (line, column), code, data = parser.errors[0]
    text = path.read_text(encoding="utf-8").splitlines()[line - 1] if line else ""
    return f"{path} line {line} column {column}: {code} {data or ''} near {text[max(0, column - 60):column + 20]!r}"


def test_every_page_parses_without_error(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 700
    assert [e for e in map(parse_error, pages) if e] == []
