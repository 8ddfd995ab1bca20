"""The cross-link stage over entries: backlinks mirror every outgoing link."""

from __future__ import annotations

from converter.links import backlinks_of, outgoing
from converter.model import DuplicateGroup, Entry, TermLink


def entry(path, related=(), terms=(), duplicates=None):
    e = Entry(kind="question", title=path, statement=path, body="", start=0, end=1)
    e.path, e.related, e.terms, e.duplicates = path, tuple(related), tuple(terms), duplicates
    return e


def test_backlinks_list_every_way_a_page_links_in_page_order():
    group = DuplicateGroup("a.md", ("a.md", "c.md"), "same answer")
    entries = [entry("a.md", related=["b.md"], duplicates=group),
               entry("b.md", related=["a.md"], terms=[TermLink(0, 3, "RAG", "a.md")]),
               entry("c.md", related=["b.md"], duplicates=group)]
    found = dict(zip([e.path for e in entries], backlinks_of(entries)))
    assert [(b.path, b.via) for b in found["a.md"]] == [("b.md", ("related", "glossary: RAG")),
                                                       ("c.md", ("duplicate",))]
    assert [(b.path, b.via) for b in found["b.md"]] == [("a.md", ("related",)), ("c.md", ("related",))]
    assert [(b.path, b.via) for b in found["c.md"]] == [("a.md", ("duplicate",))]


def test_every_outgoing_link_has_its_backlink():
    group = DuplicateGroup("b.md", ("b.md", "d.md"), "same answer")
    entries = [entry("a.md", related=["b.md", "c.md"]), entry("b.md", duplicates=group),
               entry("c.md", terms=[TermLink(0, 1, "x", "a.md")]), entry("d.md", related=["a.md"], duplicates=group)]
    back = dict(zip([e.path for e in entries], backlinks_of(entries)))
    for e in entries:
        for target, via in outgoing(e):
            assert any(b.path == e.path and via in b.via for b in back[target])
    assert sum(len(b) for b in back.values()) == len({(e.path, t) for e in entries for t, _ in outgoing(e)})
