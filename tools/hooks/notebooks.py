"""MkDocs hook: notebook pages that share their styles and link back from a download.

mkdocs-jupyter writes the same 590 KB of Jupyter styles into every notebook page; here
each distinct style sheet is written once under ``assets/notebooks/`` and the pages link
it (relative links, so the site works below a sub-path), so a notebook page is a few tens
of KB and a reader's browser fetches the styles once. The styles are taken out of the
page's content, before the theme and the other hooks go through the page.

The converter's first cell links each notebook back to its answer page relatively, so the
notebook's page works wherever the site is hosted. Its page gets the answer page's facts
(source, chapter, number, kind ``notebook``), from which the theme draws the same strip as
under a question's title (overrides/partials/qa-meta.html), with a link back to the answer.
The copy a reader downloads is opened far from the site, where a relative link leads nowhere: in that copy (mkdocs-jupyter's
``include_source``) the first cell's links are made absolute from ``site_url``. Only that
cell's: the answer's own cells quote code, where ``[i](x)`` is not a link.

What makes notebook pages faster to build by changing nbconvert's and mkdocs-jupyter's
internals is in ``adapters.py``, behind version guards.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urljoin

from contract import FOLDER
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

# any text up to the first </style>, a run of other characters at a time (`.*?` was 10 ms a page)
INLINE_STYLE = re.compile(r'<style type="text/css">([^<]*(?:<(?!/style>)[^<]*)*)</style>')
STYLES = "assets/notebooks"
# a Markdown link's destination, bare or in <...>; followed by its title or the closing parenthesis
LINK = re.compile(r"(\]\()(<[^>\n]*>|[^\s()<>]+)(?=[\s)])")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def shared_styles(html: str, page_url: str) -> tuple[str, dict[str, str]]:
    """The page with each inline style sheet replaced by a link, and the sheets by site path."""
    sheets: dict[str, str] = {}

    def link(match: re.Match) -> str:
        css = match.group(1)
        path = f"{STYLES}/{hashlib.sha256(css.encode()).hexdigest()[:16]}.css"
        sheets[path] = css
        return f'<link rel="stylesheet" href="{get_relative_url(path, page_url)}">'
    return INLINE_STYLE.sub(link, html), sheets


def on_page_content(html, page, config, files):
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html, sheets = shared_styles(html, page.url)
    for path, css in sheets.items():
        target = Path(config.site_dir) / path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(css, encoding="utf-8")
    return html


def absolute_links(notebook: str, base: str) -> str:
    """The .ipynb text with each relative link of its first cell, the converter's header,
    resolved against ``base`` (the address of the notebook's page), in the converter's layout."""
    def resolved(match: re.Match) -> str:
        written = match.group(2)
        destination = written[1:-1] if written.startswith("<") else written
        if SCHEME.match(destination) or destination.startswith("#"):
            return match.group(0)
        url = urljoin(base, destination)
        return match.group(1) + (f"<{url}>" if written.startswith("<") else url)

    book = json.loads(notebook)
    header = book["cells"][0] if book["cells"] else {}
    if header.get("cell_type") == "markdown":
        header["source"] = LINK.sub(resolved, "".join(header["source"])).splitlines(True)
    return json.dumps(book, indent=1, sort_keys=True, separators=(",", ": "), ensure_ascii=False) + "\n"


@event_priority(-100)  # after mkdocs-jupyter has copied the notebook beside its page
def on_post_page(output, page, config):
    if not page.file.src_uri.endswith(".ipynb") or not page.canonical_url:  # no site_url, no address
        return output
    download = Path(page.file.abs_dest_path).parent / Path(page.file.src_uri).name
    if download.is_file():
        text = absolute_links(download.read_text(encoding="utf-8"), page.canonical_url)
        download.write_text(text, encoding="utf-8")
    return output


ANSWER_FACTS = ("source", "source_title", "chapter", "chapter_anchor", "number", "qid", "language", "card")


class NotebookPages:
    """Each notebook page with its answer page's facts: the files are kept from ``on_files``,
    and by ``on_page_context`` every page's front matter has been read."""

    def __init__(self):
        self.files = None

    def on_files(self, files, config):
        self.files = files
        return files

    def on_page_context(self, context, page, config, nav):
        parts = page.file.src_uri.split("/")  # library/<source>/notebooks/<slug>.ipynb
        if len(parts) != 4 or parts[0] != FOLDER or parts[2] != "notebooks" or not parts[3].endswith(".ipynb") \
                or self.files is None:
            return context
        answer = self.files.get_file_from_path(f"{FOLDER}/{parts[1]}/{parts[3].removesuffix('.ipynb')}.md")
        if answer is not None and answer.page is not None:
            page.meta.update({key: answer.page.meta.get(key) for key in ANSWER_FACTS}, kind="notebook",
                             answer_kind=answer.page.meta.get("kind"), answer=get_relative_url(answer.url, page.url))
        return context


_pages = NotebookPages()
on_files = _pages.on_files
on_page_context = _pages.on_page_context
