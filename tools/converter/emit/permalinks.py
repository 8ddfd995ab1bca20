"""Short links and redirects: wherever a pasted link points, it lands on a page.

- ``q/<n>/`` for each entry: its short link, redirecting to its page;
- ``<old path>/`` for each page an entry had before: redirects to where it is;
- ``q/<n>.md`` for each removed entry: a page saying so, with the nearest questions
  still here; its old pages redirect there;
- ``<source>/notebooks/<old slug>/`` for each earlier page: its notebook's address then,
  redirecting to the notebook's address now (or to the page, when it has no notebook any
  more), so that a link to a notebook survives its page's renames as a link to the page does.

The redirects are listed in one file, ``redirects.json`` (address -> page, title,
description, the page's link-preview card or ""), which ``tools/hooks/redirects.py``
turns into small HTML pages after the build: at 30 times the corpus, 10,590 folders of one file each took the
converter seconds to write, link and delete on every run. Removed-entry pages are
Markdown pages like any other.
"""

from __future__ import annotations

import json

from hooks.contract import REDIRECTS

from ..identity.assign import Identities, Removed
from .cards import card_file
from .crosslinks import Pages, href, reference
from .markup import escape_inline, front_matter

SHORT = "q"  # folder of the short links: /q/<n>/


def short_link(n: int) -> str:
    return f"{SHORT}/{n}"


def removed_page(removed: Removed, pages: Pages, sources: dict[str, str]) -> str:
    record = removed.record
    folder, _, slug = record.path.partition("/")
    page = short_link(record.n) + ".md"
    name = slug.replace("-", " ").capitalize()
    source = sources.get(folder)
    data = {"title": f"Removed: {name}", "kind": "removed", "removed": record.n,
            "description": "This question is no longer in the reference; the nearest questions still here are linked.",
            "search": {"exclude": True}}
    where = f"in [{escape_inline(source)}]({href(folder + '/index.md', page)})" if source else "in a source that is gone"
    lines = ["# This question was removed", "",
             f"The question at this link (*{escape_inline(name)}*, {where}) is no longer in the reference: "
             f"its document dropped or rewrote it. Its number, {record.n}, is not given to any other question.", ""]
    if removed.nearest:
        lines += ["## Nearest questions still here", ""]
        lines += [f"- {reference(path, page, pages)}" for path in removed.nearest if path in pages]
    else:
        lines.append("No question still here is close to it.")
    lines += ["", f"Browse [all topics]({href('topics/index.md', page)}) or search above."]
    return front_matter(data) + "\n" + "\n".join(lines) + "\n"


def notebook_address(page: str) -> str:
    """Where the notebook of the page at ``page`` (``<source>/<slug>``) is served."""
    source, _, slug = page.partition("/")
    return f"{source}/notebooks/{slug}"


def permalink_files(identities: Identities, pages: Pages, with_notebooks: frozenset[str] = frozenset(),
                    carded: bool = False) -> dict[str, str]:
    """The list of redirects (short links, earlier pages and their notebooks) and the removed-entry
    pages, keyed by path; ``with_notebooks``: the paths of the pages that have a notebook;
    ``carded``: whether pages have link-preview cards, which their redirects show too."""
    files: dict[str, str] = {}
    redirects: dict[str, tuple[str, str, str, str]] = {}
    live = {entry.path.removesuffix(".md") for entry, _ in pages.values()}
    by_number = {entry.qid: entry for entry, _ in pages.values()}
    taken = live | {notebook_address(path.removesuffix(".md")) for path in with_notebooks}

    def redirect(old: str, target: str, title: str, description: str, card: str = "") -> None:
        if old not in taken:
            taken.add(old)
            redirects[old] = (target, title, description, card)

    for record in identities.registry.entries:
        entry = by_number.get(record.n)
        if entry is None:
            continue  # its document failed to read this time: no page to point to
        target = entry.path.removesuffix(".md")
        notebook = notebook_address(target) if entry.path in with_notebooks else target
        card = card_file(entry.path) if carded else ""
        redirect(short_link(record.n), target, entry.title, entry.description, card)
        for old in reversed(record.was):
            if old not in live:  # else its notebook address is that page's
                redirect(notebook_address(old), notebook, entry.title, entry.description, card)
            redirect(old, target, entry.title, entry.description, card)
    sources = {document.source.slug: document.source.title for _, document in pages.values()}
    for removed in identities.removed:
        record = removed.record
        files[short_link(record.n) + ".md"] = removed_page(removed, pages, sources)
        for old in (record.path, *reversed(record.was)):
            if old not in live:
                redirect(notebook_address(old), short_link(record.n), "This question was removed", "")
            redirect(old, short_link(record.n), "This question was removed", "")
    files[REDIRECTS] = json.dumps(redirects, ensure_ascii=False, sort_keys=True, indent=0) + "\n"
    return files
