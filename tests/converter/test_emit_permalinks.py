"""Short links, redirects from earlier pages and removed-entry pages: the list of redirects
(``tools/hooks/redirects.py`` writes them) and the removed pages."""

from __future__ import annotations

import json
import re

from converter.emit.permalinks import REDIRECTS, permalink_files
from converter.identity.assign import Identities, Removed
from converter.identity.registry import Record, Registry
from converter.model import Document, Entry, Source

SOURCE = Source(file="book.md", slug="book", title="A Book")
X_CARD = "cards/book/what-is-x-now.png"


def page(qid: int, slug: str, title: str) -> Entry:
    return Entry(kind="question", title=title, statement=title, body="Answer.", start=0, end=1,
                 slug=slug, path=f"book/{slug}.md", description=f"About {title}", qid=qid)


def test_short_links_old_paths_and_removed_entries():
    """Each redirect carries its page's link-preview card (none for a removed entry)."""
    x, y = page(1, "what-is-x-now", "What is X now?"), page(2, "what-is-y", "What is Y?")
    document = Document(source=SOURCE, pattern=None, entries=[x, y])
    pages = {e.path: (e, document) for e in (x, y)}
    gone = Record(3, "book/what-was-z", "", "", ("book/what-is-z-old",))
    registry = Registry(4, (Record(1, "book/what-is-x-now", "", "", ("book/what-is-x", "book/what-is-y")),
                            Record(2, "book/what-is-y", "", "")), (gone,))
    files = permalink_files(Identities(registry, (Removed(gone, ("book/what-is-y.md",)),)), pages, carded=True)
    assert sorted(files) == ["q/3.md", REDIRECTS]
    assert json.loads(files[REDIRECTS]) == {  # none over the live what-is-y
        "q/1": ["book/what-is-x-now", "What is X now?", "About What is X now?", X_CARD],
        "q/2": ["book/what-is-y", "What is Y?", "About What is Y?", "cards/book/what-is-y.png"],
        "book/what-is-x": ["book/what-is-x-now", "What is X now?", "About What is X now?", X_CARD],
        "book/what-was-z": ["q/3", "This question was removed", "", ""],
        "book/what-is-z-old": ["q/3", "This question was removed", "", ""],
        # the notebooks the earlier pages had: x has none now, so its page; z is removed
        "book/notebooks/what-is-x": ["book/what-is-x-now", "What is X now?", "About What is X now?", X_CARD],
        "book/notebooks/what-was-z": ["q/3", "This question was removed", "", ""],
        "book/notebooks/what-is-z-old": ["q/3", "This question was removed", "", ""]}
    removed = files["q/3.md"]
    assert "search:\n  exclude: true" in removed and "# This question was removed" in removed
    assert "*What was z*, in [A Book](../book/index.md)" in removed
    assert re.search(r"^- \[What is Y\?\]\(\.\./book/what-is-y\.md\)", removed, re.M)


def test_a_renamed_pages_notebook_address_leads_to_its_notebook_now():
    x = page(1, "what-is-x-now", "What is X now?")
    pages = {x.path: (x, Document(source=SOURCE, pattern=None, entries=[x]))}
    registry = Registry(2, (Record(1, "book/what-is-x-now", "", "", ("book/what-is-x",)),), ())
    files = permalink_files(Identities(registry, ()), pages, frozenset({x.path}))
    assert json.loads(files[REDIRECTS])["book/notebooks/what-is-x"] == [
        "book/notebooks/what-is-x-now", "What is X now?", "About What is X now?", ""]  # no cards: none named
