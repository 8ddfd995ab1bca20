"""The cross-link parts of a page as Markdown: banner, related list, linked from,
glossary links in the body, the glossary page."""

from __future__ import annotations

from dataclasses import replace

import markdown

from converter import emit
from converter.emit.crosslinks import glossary_page, href, linked
from converter.links.glossary import glossary_of, resolved
from converter.model import Backlink, Document, DuplicateGroup, Entry, Links, Source, TermLink

BOOK = Source(file="book.md", slug="book", title="A Book")
NOTES = Source(file="notes.md", slug="notes", title="Notes")


def entry(path, title, number=None, chapter=None, body="Body.", **links):
    return Entry("question", title, title, body, 0, 1, number, chapter=chapter, path=path,
                 slug=path.split("/")[1][:-3], links=Links(**links))


def relinked(pages: dict, path: str, **links) -> Entry:
    """The page at ``path`` with other ``links``, put back into ``pages``."""
    page, document = pages[path]
    pages[path] = (replace(page, links=replace(page.links, **links)), document)
    return pages[path][0]


def corpus():
    book, notes = Document(source=BOOK, pattern="q"), Document(source=NOTES, pattern="topics")
    group = DuplicateGroup("book/a.md", ("book/a.md", "book/b.md"), "same answer (100% of 5-word sequences shared)")
    a = entry("book/a.md", "What is RAG?", 1, "Retrieval", body="RAG retrieves, then RAG generates.",
              duplicates=group, related=("notes/c.md",),
              linked_from=(Backlink("book/b.md", ("duplicate",)), Backlink("notes/c.md", ("related", "glossary: RAG"))))
    b = entry("book/b.md", "RAG again", 2, "Retrieval", duplicates=group)
    c = entry("notes/c.md", "Retrieval notes", body="About RAG here.", related=("book/a.md",),
              terms=(TermLink(6, 3, "RAG", "book/a.md"),))
    book.entries += [a, b]
    notes.entries.append(c)
    return {e.path: (e, d) for d in (book, notes) for e in d.entries}


def rendered(path: str) -> str:
    """The page body of ``path`` in the small corpus, front matter left out."""
    pages = corpus()
    page, document = pages[path]
    return emit.render_page(page, document, pages=pages).split("---\n", 2)[2]


def test_the_canonical_page_says_also_answered_in_and_the_other_another_version_of():
    canonical, other = rendered("book/a.md"), rendered("book/b.md")
    assert '<div class="qa-duplicates" data-search-exclude markdown>' in canonical
    assert "Also answered in: [RAG again](b.md) <small>A Book › Retrieval › Q2</small>." in canonical
    assert "Another version of [What is RAG?](a.md) <small>A Book › Retrieval › Q1</small>." in other
    assert "same answer (100% of 5-word sequences shared)" in other


def test_related_questions_come_after_the_answer_under_an_excluded_heading():
    text = rendered("book/a.md")
    answer = text.index("RAG retrieves")
    related = text.index("## Related questions { #qa-related data-search-exclude }")
    assert answer < related
    assert "- [Retrieval notes](../notes/c.md) <small>Notes</small>" in text[related:]


def test_linked_from_is_collapsed_and_says_how_each_page_links():
    text = rendered("book/a.md")
    assert '??? info "Linked from 2 questions"' in text
    assert "    - [RAG again](b.md) <small>A Book › Retrieval › Q2</small> <small>(same answer)</small>" in text
    assert "(related question, glossary: RAG)" in text


def test_glossary_mentions_become_links_in_the_body():
    text = rendered("notes/c.md")
    assert "About [RAG](../book/a.md){ .qa-term } here." in text


def test_a_page_without_cross_links_has_no_sections():
    pages = corpus()
    b = relinked(pages, "book/b.md", duplicates=None)
    text = emit.render_page(b, pages["book/b.md"][1], pages=pages)
    assert "Related questions" not in text and "qa-duplicates" not in text


def test_the_glossary_page_lists_terms_a_to_z_each_with_an_anchor_and_its_answer():
    pages = corpus()
    glossary, _ = resolved(glossary_of({"terms": [
        {"term": "RAG", "expansion": "Retrieval-Augmented Generation", "definition": "Retrieve, then generate.",
         "page": 1},
        {"term": "attention", "definition": "Weighing | parts.", "page": 9},
        {"term": "3D attention", "definition": "Odd.", "page": 1}]}), {1: "book/a.md"})
    text = glossary_page(glossary, pages, "glossary.md")
    assert '<p class="qa-az"><a href="#letter-other">#</a> <a href="#letter-a">A</a> <a href="#letter-r">R</a></p>' in text
    assert text.index("## # { #letter-other }") < text.index("## A { #letter-a }") < text.index("## R { #letter-r }")
    rag = text.split('<div class="qa-glossary-term" id="rag" markdown>', 1)[1].split("</div>", 1)[0]
    assert '**RAG** <span class="qa-term-expansion">Retrieval-Augmented Generation</span>' in rag
    assert "Retrieve, then generate." in rag
    assert "Explained in [What is RAG?](book/a.md) <small>A Book › Retrieval › Q1</small>" in rag
    assert 'id="attention"' in text and "*(page missing)*" in text


def test_href_is_relpath_for_every_shape_of_path_in_the_tree():
    import posixpath
    paths = ["index.md", "glossary.md", "book/q.md", "book/other.md", "notes/q.md", "topics/rag.md",
             "q/12.md", "book/notebooks/q.ipynb", "bookish/q.md", "a/b/c.md", "a/c.md"]
    for page in paths:
        for target in paths:
            assert href(target, page) == posixpath.relpath(target, posixpath.dirname(page)), (target, page)


def test_linked_from_names_the_linking_questions_and_counts_glossary_mentions_apart():
    pages = corpus()
    a = relinked(pages, "book/a.md", linked_from=(
        Backlink("notes/c.md", ("glossary: RAG",)), Backlink("book/b.md", ("related",)),
        Backlink("notes/d.md", ("glossary: RAG",)), Backlink("notes/e.md", ("duplicate",))))
    book = pages["book/a.md"][1]
    for path in ("notes/d.md", "notes/e.md"):
        pages[path] = (entry(path, path), pages["notes/c.md"][1])
    text = emit.render_page(a, book, pages=pages, shown=2)
    assert '??? info "Linked from 2 questions"' in text
    listed = [line for line in text.splitlines() if line.startswith("    - ")]
    assert [line.split("]")[0] for line in listed] == ["    - [notes/e.md", "    - [RAG again"]
    assert "<small>RAG mentioned on 2 other pages, linked here through the glossary.</small>" in text
    listed = [line for line in emit.render_page(a, book, pages=pages, shown=1).splitlines() if line.startswith("    - ")]
    assert listed[-1] == "    - *and 1 more question*"


def test_a_duplicate_banner_names_at_most_shown_versions():
    pages = corpus()
    group = DuplicateGroup("book/a.md", ("book/a.md", "book/b.md", "notes/c.md"), "same answer (100% of 5-word sequences shared)")
    a, c = relinked(pages, "book/a.md", duplicates=group), relinked(pages, "notes/c.md", duplicates=group)
    book, notes = pages["book/a.md"][1], pages["notes/c.md"][1]
    assert "Also answered in: [RAG again](b.md) <small>A Book › Retrieval › Q2</small>; and 1 other version." in \
        emit.render_page(a, book, pages=pages, shown=1)
    other = emit.render_page(c, notes, pages=pages, shown=1)
    assert "Another version of [What is RAG?](../book/a.md) <small>A Book › Retrieval › Q1</small>. " \
           "Also answered in: [RAG again](../book/b.md) <small>A Book › Retrieval › Q2</small>." in other


def test_a_glossary_link_carries_the_terms_definition_as_its_tooltip():
    link = TermLink(6, 3, "RAG", "book/a.md", 'Retrieve, then "generate" \\ answer.')
    text = linked("About RAG here.", (link,), "notes/c.md")
    assert text == 'About [RAG](../book/a.md "Retrieve, then \'generate\' \\\\ answer."){ .qa-term } here.'
    html = markdown.markdown(text, extensions=["attr_list"])
    assert 'title="Retrieve, then \'generate\' \\ answer."' in html
