"""MkDocs hook: the one place this site changes other packages' internals.

Each change makes the build faster, never different, and each is written against one
installed version of the package it changes (``CHECKED``). When a version differs, the
change is left out and the build is slower but right; ``tests/hooks/test_adapters.py``
fails on the upgrade, so whoever upgrades reads the package's new code, checks the
change against it and moves its version here. Material is in maintenance mode and its
successor runs no hooks: none of this is needed for the pages to be right.

- ``nbconvert``: its HTML exporter parses each whole notebook page with BeautifulSoup
  only to add ``tabindex="0"`` to the cells' input and output wrappers and a default
  ``alt`` to images without one, then serialises the tree again (28 ms a notebook, as
  long as everything else it does). ``Unparsed`` adds the same attributes by pattern
  (``tidied``); the pages parse to the same tree, less an attribute named "," that the
  soup made of a stray comma in the template.
- ``mkdocs-jupyter`` makes a new nbconvert application and exporter for every notebook,
  twice (the page, then its table of contents), and each exporter compiles the same
  templates again. ``reused`` makes each once for the same arguments, as ``jupyter
  nbconvert`` converts many notebooks with one exporter (a third less time for the
  corpus's notebooks, pages byte for byte the same).
- ``mkdocs-jupyter`` renders each notebook in turn (about 40 ms each), and reads a
  rendered notebook from its cache when present. Once the files are known, a forked
  process renders the notebooks the cache lacks into that cache (through the plugin's
  own private cache-key functions) while the build renders the Markdown pages; a
  notebook the build reaches first is rendered by the build as before.
- ``mkdocs-material``: with the Pagefind backend its search plugin would still parse
  every page into index entries that are then thrown away (about a second of a build);
  its index makes none.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import re
from importlib import metadata
from pathlib import Path

from mkdocs.plugins import event_priority

log = logging.getLogger("mkdocs.hooks.adapters")

# the version of each package whose internals the changes below were checked against
CHECKED = {"nbconvert": "7.17.2", "mkdocs-jupyter": "0.26.3", "mkdocs-material": "9.8.1"}

# what mkdocs-jupyter makes anew for each notebook, with the same arguments each time
REUSED = ("get_nbconvert_app", "HTMLExporter", "MarkdownExporter")
# the plugin's settings its page rendering reads (mkdocs_jupyter.plugin, on_pre_page)
RENDERING = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt", "remove_tag_config",
             "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")
# the wrappers nbconvert's lab template writes for a cell's input and each output, and images without alt text
WRAPPER = re.compile(r'<div class="(jp-Cell-inputWrapper|jp-OutputArea-output\b[^"]*)"')
NO_ALT = re.compile(r"<img\b(?![^>]*\balt=)")
ALT = "No description has been provided for this image"  # nbconvert's words
# mkdocs-jupyter's template writes a comma between two attributes of its copy button
STRAY_COMMA = re.compile(r'(<clipboard-copy for="[^"]*"),')


def checked(package: str) -> bool:
    """Whether the installed ``package`` is the version its change was checked against."""
    try:
        found = metadata.version(package)
    except metadata.PackageNotFoundError:
        return False
    if found != CHECKED[package]:
        log.info("%s %s is installed, not %s: its change (tools/hooks/adapters.py) is left out",
                 package, found, CHECKED[package])
        return False
    return True


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


def without_soup() -> None:
    import nbconvert.exporters.html as html_exporter
    html_exporter.BeautifulSoup = Unparsed


def with_reused_exporters() -> None:
    from mkdocs_jupyter import nbconvert2
    for name in REUSED:
        if not getattr(getattr(nbconvert2, name), "reuses", False):  # `mkdocs serve` loads hooks again
            setattr(nbconvert2, name, reused(getattr(nbconvert2, name)))


def no_entry(page) -> None:
    """Material's index entries for a page, not made: Pagefind indexes the built page."""


def without_index_entries(config) -> None:
    from material.plugins.search.plugin import SearchIndex
    for plugin in config.plugins.values():
        if isinstance(getattr(plugin, "search_index", None), SearchIndex):
            plugin.search_index.add_entry_from_context = no_entry


@event_priority(-100)  # after Material's search plugin has made its index (in its own on_config)
def on_config(config):
    if checked("nbconvert"):
        without_soup()
    if checked("mkdocs-jupyter"):
        with_reused_exporters()
    if (config.extra or {}).get("search_backend") == "pagefind" and checked("mkdocs-material"):
        without_index_entries(config)
    return config


def cache_entry(path: str, options) -> Path:
    """Where mkdocs-jupyter looks for a notebook's rendered page (not executed: this site's setting)."""
    from mkdocs_jupyter import plugin as jupyter_plugin
    return jupyter_plugin._get_cache_path(options["cache_dir"],
                                          jupyter_plugin._compute_cache_key(path, options, False))


def prerender(jobs: list[tuple[str, Path]], options) -> None:
    """Each notebook's page, table of contents and title, as mkdocs-jupyter renders them, into its
    cache entry; written beside it and renamed, so the build never reads half an entry."""
    from mkdocs_jupyter import convert
    from mkdocs_jupyter import plugin as jupyter_plugin
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
    if jupyter is None or not checked("mkdocs-jupyter"):
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
