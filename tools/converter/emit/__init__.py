"""Emit stage: the generated tree (pages, indexes, topic pages, notebooks,
navigation, home-page snippets) and report.json, written all at once."""

from __future__ import annotations

import json
import posixpath

from hooks.contract import FOLDER, NAVIGATION

from ..enrich.tags import Vocabulary
from ..identity.assign import Identities
from ..links.glossary import abbreviations
from ..links.rules import LinkRules
from ..model import Document, Entry
from ..notebooks import notebook_of
from ..parallel import chunks, forked_map
from ..search_words import search_data
from ..settings import Settings
from .cards import PNG_END, Card, DrawingError, card_file, cards_for, drawing_digest, drawn
from .crosslinks import Pages, glossary_page
from .indexes import render_index, tag_pages, tag_usage
from .markup import inert_snippets
from .pages import page_anchors, render_page
from .permalinks import permalink_files
from .practice import practice_json
from .report import report
from .site import counts, navigation, source_list, topic_list
from .tree import output_lock, write_tree

GLOSSARY = "glossary.md"
SEARCH_WORDS = "search/glossary.json"  # read by docs/assets/javascripts/search-worker.js
PRACTICE = "practice/pages.json"  # read by docs/assets/javascripts/practice.js
ABBREVIATIONS = "home/abbreviations.md"
SITE_WIDE = (NAVIGATION, ABBREVIATIONS)  # part of every page: mkdocs.yml appends the abbreviations to each

__all__ = ["PNG_END", "SITE_WIDE", "Card", "DrawingError", "drawing_digest", "drawn", "files_for", "output_lock",
           "page_anchors", "preview_cards", "render_index", "render_page", "report", "write_tree"]


def document_files(shared: tuple[list[Document], Vocabulary | None, Pages, int, bool],
                   group: list[int]) -> dict[str, str]:
    """The index, pages and notebooks of the documents at ``group``: they read the rest of the
    corpus (titles of the pages they link to) but write only their own files."""
    documents, vocabulary, pages, shown, carded = shared
    files = {}
    for document in (documents[i] for i in group):
        files[f"{document.source.slug}/index.md"] = render_index(document)
        for entry in document.entries:
            book = notebook_of(entry.title, entry.statement if entry.kind == "question" else None,
                               entry.features.cells, back_link(entry, document))
            if book is not None:
                files[notebook_path(entry, document)] = book
            files[entry.path] = render_page(entry, document, vocabulary, notebook=book is not None, pages=pages,
                                          shown=shown, card=card_file(entry.path) if carded else None)
    return files


def notebook_path(entry: Entry, document: Document) -> str:
    return f"{document.source.slug}/notebooks/{entry.slug}.ipynb"


def back_link(entry: Entry, document: Document) -> str:
    """The answer page's URL relative to its notebook's page, so that the link works wherever the
    site is hosted; tools/hooks/notebooks.py makes it absolute in the copy readers download."""
    return posixpath.relpath(entry.path.removesuffix(".md"), notebook_path(entry, document).removesuffix(".ipynb")) + "/"


def preview_cards(results: list[Document], settings: Settings) -> dict[str, Card]:
    """The link-preview card of every page, by its file; none without the site's name."""
    if settings.site_name is None:
        return {}
    return cards_for([d for d in results if not d.failed], settings.vocabulary, settings.site_name)


def files_for(results: list[Document], settings: Settings, identities: Identities | None = None,
              workers: int = 1) -> dict[str, str]:
    """Every generated file by its path in the tree, as ``settings`` say (the vocabulary, the
    glossary with its targets resolved, the library's shelves, how many pages a page's growing
    lists name). Without ``identities`` (no registry) there are no short links or redirects.
    The pages are rendered in ``workers`` processes."""
    vocabulary, glossary = settings.vocabulary, settings.glossary
    shown = settings.links.shown if settings.links else LinkRules.shown
    files = {}
    documents = [d for d in results if not d.failed]
    pages = {e.path: (e, d) for d in documents for e in d.entries}
    groups = chunks([len(d.entries) + 1 for d in documents], workers * 2)
    carded = settings.site_name is not None
    for part in forked_map(document_files, groups, (documents, vocabulary, pages, shown, carded), workers):
        files.update(part)
    by_tag = tag_usage(documents)
    if vocabulary is not None:
        defining = frozenset(t.path for t in glossary.terms if t.path) if glossary is not None else frozenset()
        files.update(tag_pages(by_tag, vocabulary, defining))
        files["home/topics.md"] = topic_list(vocabulary, by_tag, FOLDER)
    if glossary is not None:
        files[GLOSSARY] = glossary_page(glossary, pages, GLOSSARY)
    if identities is not None:
        with_notebooks = frozenset(path for path, (entry, document) in pages.items()
                                   if notebook_path(entry, document) in files)
        files.update(permalink_files(identities, pages, with_notebooks, carded))
    files[ABBREVIATIONS] = abbreviations(glossary) if glossary is not None else ""
    files[SEARCH_WORDS] = json.dumps(search_data(glossary, settings.search), ensure_ascii=False, sort_keys=True,
                                     indent=0) + "\n"
    files[NAVIGATION] = navigation(documents, vocabulary, by_tag, FOLDER, glossary=GLOSSARY if glossary else None,
                                  shelving=settings.library)
    files[PRACTICE] = practice_json(documents, vocabulary, set(by_tag))
    files["home/counts.md"] = counts(documents, by_tag)
    files["home/sources.md"] = source_list(documents, FOLDER)
    return {path: inert_snippets(text) if path.endswith(".md") else text for path, text in files.items()}
