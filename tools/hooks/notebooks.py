"""MkDocs hook: notebook pages built without redoing the same work for each one.

mkdocs-jupyter makes a new nbconvert application and exporter for every notebook,
twice (the page, then its table of contents from a Markdown export), and every
exporter builds a fresh Jinja environment that compiles the same templates
again. Here the application and the exporters it makes are made once for the
same arguments and reused for every notebook, as ``jupyter nbconvert`` itself
converts many notebooks with one exporter: each template is compiled once per
build (a shared bytecode cache did that here before), and the configuration
and the eleven preprocessors of an exporter are set up once. Converting the 42
notebooks of today's corpus and their tables of contents takes a third less
time (the tables of contents alone 60% less); the pages built are byte for
byte the same.

nbconvert's HTML exporter then parses each whole page with BeautifulSoup only to
add ``tabindex="0"`` to the cells' input and output wrappers and a default
``alt`` to images without one, and serialises the tree again: 28 ms a notebook,
as long as everything else it does. Here the same attributes are added to the
tags the template writes, by pattern (``tidied``); the pages parse to the
same tree as before, less an attribute named "," that the soup made of a stray
comma in the template.

mkdocs-jupyter also writes the same 590 KB of Jupyter styles into every
notebook page; here each distinct style sheet is written once under
``assets/notebooks/`` and the pages link it (relative links, so the site
works below a sub-path), so a notebook page is a few tens of KB and a reader's
browser fetches the styles once. The styles are taken out of the page's content,
before the theme and the other hooks go through the page.

The converter's first cell links each notebook back to its answer page relatively,
so the notebook's page works wherever the site is hosted. The copy a reader
downloads is opened far from the site, where a relative link leads nowhere: in
that copy (mkdocs-jupyter's ``include_source``) the first cell's links are made
absolute from ``site_url``. Only that cell's: the answer's own cells quote code,
where ``[i](x)`` is not a link.

A notebook still takes about 40 ms to render (42 took 1.3 s at 1×), and the
build would render each in turn. mkdocs-jupyter keeps each rendered notebook in
its cache (``.cache/mkdocs-jupyter``) and reads it from there when present; so
once the files are known, a forked process renders the notebooks the cache
lacks into that cache while the build renders the Markdown pages. A notebook
the build reaches first is rendered by the build as before; the worker is
stopped when the build ends.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from pathlib import Path
from urllib.parse import urljoin

import nbconvert.exporters.html as html_exporter
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from mkdocs_jupyter import convert, nbconvert2
from mkdocs_jupyter import plugin as jupyter_plugin

# any text up to the first </style>, a run of other characters at a time (`.*?` was 10 ms a page)
INLINE_STYLE = re.compile(r'<style type="text/css">([^<]*(?:<(?!/style>)[^<]*)*)</style>')
STYLES = "assets/notebooks"
# what mkdocs-jupyter makes anew for each notebook, with the same arguments each time
REUSED = ("get_nbconvert_app", "HTMLExporter", "MarkdownExporter")
# the plugin's settings its page rendering reads (mkdocs_jupyter.plugin, on_pre_page)
RENDERING = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt", "remove_tag_config",
             "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")
# the wrappers nbconvert's lab template writes for a cell's input and each output, and images without alt text
WRAPPER = re.compile(r'<div class="(jp-Cell-inputWrapper|jp-OutputArea-output\b[^"]*)"')
NO_ALT = re.compile(r"<img\b(?![^>]*\balt=)")
ALT = "No description has been provided for this image"  # nbconvert's words


# a Markdown link's destination, bare or in <...>; followed by its title or the closing parenthesis
LINK = re.compile(r"(\]\()(<[^>\n]*>|[^\s()<>]+)(?=[\s)])")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")

# mkdocs-jupyter's template writes a comma between two attributes of its copy button
STRAY_COMMA = re.compile(r'(<clipboard-copy for="[^"]*"),')


def tidied(html: str) -> str:
    """What nbconvert's BeautifulSoup pass did to a notebook page, done in place: the attributes
    it adds. The copy button's stray comma, which the soup turned into an attribute named ",",
    is dropped."""
    html = STRAY_COMMA.sub(r"\1", html)
    return NO_ALT.sub(f'<img alt="{ALT}"', WRAPPER.sub(r'<div class="\1" tabindex="0"', html))


class Unparsed:
    """Stands in for BeautifulSoup in nbconvert's HTML exporter: nothing for its selectors to
    edit, and the page back ``tidied``."""

    def __init__(self, html: str, features: str | None = None) -> None:
        self.html = html

    def select(self, selector: str) -> list:
        return []

    def __str__(self) -> str:
        return tidied(self.html)


def frozen(value):
    """A hashable stand-in for an argument: functions by their code and the values they captured."""
    if isinstance(value, dict):
        return tuple((key, frozen(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(frozen(item) for item in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(frozen(item) for item in value)
    if hasattr(value, "__code__"):
        return value.__code__, frozen([cell.cell_contents for cell in value.__closure__ or ()])
    return value


def reused(make):
    """``make``, returning what it made before when called with the same arguments."""
    made = {}

    def reuse(*args, **kwargs):
        key = frozen([args, kwargs])
        if key not in made:
            made[key] = make(*args, **kwargs)
        return made[key]
    reuse.reuses, reuse.__wrapped__ = True, make
    return reuse


def on_config(config):
    html_exporter.BeautifulSoup = Unparsed
    for name in REUSED:
        if not getattr(getattr(nbconvert2, name), "reuses", False):  # `mkdocs serve` loads hooks again
            setattr(nbconvert2, name, reused(getattr(nbconvert2, name)))
    return config


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


def cache_entry(path: str, options) -> Path:
    """Where mkdocs-jupyter looks for a notebook's rendered page (not executed: this site's setting)."""
    return jupyter_plugin._get_cache_path(options["cache_dir"],
                                          jupyter_plugin._compute_cache_key(path, options, False))


def prerender(jobs: list[tuple[str, Path]], options) -> None:
    """Each notebook's page, table of contents and title, as mkdocs-jupyter renders them, into its
    cache entry; written beside it and renamed, so the build never reads half an entry."""
    for path, entry in jobs:
        body = convert.nb2html(path, execute=False, **{name: options[name] for name in RENDERING})
        toc_tokens, title = jupyter_plugin._get_nb_toc_tokens(path, options["toc_depth"])
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_suffix(".part")
        partial.write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}), encoding="utf-8")
        os.replace(partial, entry)


def notebook_plugin(config):
    """mkdocs-jupyter, when it renders from its cache without executing, and the system can fork."""
    jupyter = config.plugins.get("mkdocs-jupyter")
    usable = jupyter is not None and jupyter.config["cache"] and not jupyter.config["execute"]
    return jupyter if usable and "fork" in multiprocessing.get_all_start_methods() else None


@event_priority(-100)  # after mkdocs-jupyter has marked its notebooks
def on_files(files, config):
    jupyter = notebook_plugin(config)
    if jupyter is None:
        return files
    jobs = [(file.abs_src_path, entry) for file in files.documentation_pages() if jupyter.should_include(file)
            and not (entry := cache_entry(file.abs_src_path, jupyter.config)).exists()]
    if jobs:
        worker = multiprocessing.get_context("fork").Process(target=prerender, args=(jobs, jupyter.config),
                                                             daemon=True)
        worker.start()
        jupyter.prerendering = worker  # the plugin lives as long as the build: on_post_build stops it
    return files


def on_post_build(config):
    jupyter = notebook_plugin(config)
    worker = getattr(jupyter, "prerendering", None)
    if worker is None:
        return
    worker.terminate()  # every notebook page is written by now: what it has left is not needed
    worker.join()
    jupyter.prerendering = None
    for partial in Path(jupyter.config["cache_dir"]).glob("*.part"):
        partial.unlink()
