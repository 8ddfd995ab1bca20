"""The cross-link stage over entries: backlinks mirror every outgoing link."""

from __future__ import annotations

from converter.links import backlinks_of, outgoing
from converter.model import DuplicateGroup, Links, TermLink


def entry(path, related=(), terms=(), duplicates=None) -> tuple[str, Links]:
    return path, Links(tuple(related), duplicates, tuple(terms))


def backlinks(entries: list[tuple[str, Links]]) -> dict:
    paths = [path for path, _ in entries]
    return dict(zip(paths, backlinks_of(paths, [links for _, links in entries])))


def test_backlinks_list_every_way_a_page_links_in_page_order():
    group = DuplicateGroup("a.md", ("a.md", "c.md"), "same answer")
    entries = [entry("a.md", related=["b.md"], duplicates=group),
               entry("b.md", related=["a.md"], terms=[TermLink(0, 3, "RAG", "a.md")]),
               entry("c.md", related=["b.md"], duplicates=group)]
    found = backlinks(entries)
    assert [(b.path, b.via) for b in found["a.md"]] == [("b.md", ("related", "glossary: RAG")),
                                                       ("c.md", ("duplicate",))]
    assert [(b.path, b.via) for b in found["b.md"]] == [("a.md", ("related",)), ("c.md", ("related",))]
    assert [(b.path, b.via) for b in found["c.md"]] == [("a.md", ("duplicate",))]


def test_every_outgoing_link_has_its_backlink():
    group = DuplicateGroup("b.md", ("b.md", "d.md"), "same answer")
    entries = [entry("a.md", related=["b.md", "c.md"]), entry("b.md", duplicates=group),
               entry("c.md", terms=[TermLink(0, 1, "x", "a.md")]), entry("d.md", related=["a.md"], duplicates=group)]
    back = backlinks(entries)
    for path, links in entries:
        for target, via in outgoing(path, links):
            assert any(b.path == path and via in b.via for b in back[target])
    assert sum(len(b) for b in back.values()) == len({(p, t) for p, links in entries for t, _ in outgoing(p, links)})
