"""Short links and redirects: wherever a pasted link points, it lands on a page.

- ``q/<n>/index.html`` for each entry: its short link, redirecting to its page;
- ``<old path>/index.html`` for each page an entry had before: redirects to where it is;
- ``q/<n>.md`` for each removed entry: a page saying so, with the nearest questions
  still here; its old pages redirect there.

Redirects are small static HTML files that MkDocs copies as they are. Each names
its target's title and description (link previews of a pasted short link show
the question) and a canonical link; a script carries the ``#section`` along, which
a plain meta refresh would drop. Every URL is relative, so a site hosted under a
sub-path works without knowing it.
"""

from __future__ import annotations

import json
import posixpath
from html import escape

from ..identity.assign import Identities, Removed
from .crosslinks import Pages, href, reference
from .markup import escape_inline, front_matter

SHORT = "q"  # folder of the short links: /q/<n>/


def short_link(n: int) -> str:
    return f"{SHORT}/{n}"


def redirect_page(at: str, target: str, title: str, description: str, site_url: str) -> str:
    """The HTML file at folder ``at`` sending readers to the page at folder ``target``."""
    url = posixpath.relpath(target, at) + "/"
    head = [f"<title>{escape(title)}</title>", '<meta name="robots" content="noindex">']
    if site_url:
        head.append(f'<link rel="canonical" href="{escape(site_url + target + "/")}">')
    head += [f'<meta property="og:title" content="{escape(title)}">',
             f'<meta name="description" content="{escape(description)}">',
             f'<meta property="og:description" content="{escape(description)}">',
             f'<meta http-equiv="refresh" content="0; url={escape(url)}">',
             f"<script>location.replace({json.dumps(url)} + location.hash)</script>"]
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + "\n".join(head)
            + f'\n</head>\n<body>\n<p>This page is now at <a href="{escape(url)}">{escape(title)}</a>.</p>\n'
            "</body>\n</html>\n")


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


def permalink_files(identities: Identities, pages: Pages, site_url: str) -> dict[str, str]:
    """Short links, redirects from earlier pages, and removed-entry pages, keyed by path."""
    files: dict[str, str] = {}
    live = {entry.path.removesuffix(".md") for entry, _ in pages.values()}
    by_number = {entry.qid: entry for entry, _ in pages.values()}
    taken = set(live)

    def redirect(old: str, target: str, title: str, description: str) -> None:
        if old not in taken:
            taken.add(old)
            files[old + "/index.html"] = redirect_page(old, target, title, description, site_url)

    for record in identities.registry.entries:
        entry = by_number.get(record.n)
        if entry is None:
            continue  # its document failed to read this time: no page to point to
        target = entry.path.removesuffix(".md")
        redirect(short_link(record.n), target, entry.title, entry.description)
        for old in reversed(record.was):
            redirect(old, target, entry.title, entry.description)
    sources = {document.source.slug: document.source.title for _, document in pages.values()}
    for removed in identities.removed:
        record = removed.record
        files[short_link(record.n) + ".md"] = removed_page(removed, pages, sources)
        for old in (record.path, *reversed(record.was)):
            redirect(old, short_link(record.n), "This question was removed", "")
    return files
