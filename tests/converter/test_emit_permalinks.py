"""Short links, redirects from earlier pages and removed-entry pages, as files."""

from __future__ import annotations

import re

from converter.emit.permalinks import permalink_files, redirect_page
from converter.identity.assign import Identities, Removed
from converter.identity.registry import Record, Registry
from converter.model import Document, Entry, Source

SOURCE = Source(file="book.md", slug="book", title="A Book")


def page(qid: int, slug: str, title: str) -> Entry:
    return Entry(kind="question", title=title, statement=title, body="Answer.", start=0, end=1,
                 slug=slug, path=f"book/{slug}.md", description=f"About {title}", qid=qid)


def test_a_redirect_page_is_relative_keeps_the_section_and_previews_the_target():
    html = redirect_page("q/12", "book/what-is-x", 'What is <X> & "Y"?', "Short.", "https://example.org/sub/")
    assert '<meta http-equiv="refresh" content="0; url=../../book/what-is-x/">' in html
    assert '<script>location.replace("../../book/what-is-x/" + location.hash)</script>' in html
    assert '<link rel="canonical" href="https://example.org/sub/book/what-is-x/">' in html
    assert "<title>What is &lt;X&gt; &amp; &quot;Y&quot;?</title>" in html
    assert "<X>" not in html
    assert "canonical" not in redirect_page("q/1", "book/x", "T", "", "")


def test_short_links_old_paths_and_removed_entries():
    x, y = page(1, "what-is-x-now", "What is X now?"), page(2, "what-is-y", "What is Y?")
    document = Document(source=SOURCE, pattern=None, entries=[x, y])
    pages = {e.path: (e, document) for e in (x, y)}
    gone = Record(3, "book/what-was-z", "", "", ("book/what-is-z-old",))
    registry = Registry(4, (Record(1, "book/what-is-x-now", "", "", ("book/what-is-x", "book/what-is-y")),
                            Record(2, "book/what-is-y", "", "")), (gone,))
    files = permalink_files(Identities(registry, (Removed(gone, ("book/what-is-y.md",)),)), pages, "")
    assert sorted(files) == ["book/what-is-x/index.html", "book/what-is-z-old/index.html", "book/what-was-z/index.html",
                             "q/1/index.html", "q/2/index.html", "q/3.md"]  # no stub over the live what-is-y
    assert "url=../../book/what-is-x-now/" in files["q/1/index.html"]
    assert "url=../what-is-x-now/" in files["book/what-is-x/index.html"]
    assert "url=../../q/3/" in files["book/what-was-z/index.html"]
    removed = files["q/3.md"]
    assert "search:\n  exclude: true" in removed and "# This question was removed" in removed
    assert "*What was z*, in [A Book](../book/index.md)" in removed
    assert re.search(r"^- \[What is Y\?\]\(\.\./book/what-is-y\.md\)", removed, re.M)
