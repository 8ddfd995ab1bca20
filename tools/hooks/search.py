"""MkDocs hook: the search backend, chosen by one setting, ``extra.search_backend``.

``pagefind`` (this site's choice, in ``mkdocs.yml``) indexes the built pages with
Pagefind after the build, into ``pagefind/``. A query then downloads only the index
chunks for its words and the fragments of the results it shows. Material's search
box, result list and highlighting stay as they are:
assets/javascripts/search-worker.js answers them from Pagefind instead of lunr
(``overrides/main.html`` tells it which backend), and Material's index is cut down to
its settings so nobody downloads it.

``material`` (what a configuration without the setting gets) is Material's own
search: the whole index, ``search/search_index.json``, is downloaded on the first
page a reader opens and searched in the browser with lunr. It grows with the corpus (1.2 MB raw at
today's size, 35 MB at 30 times it).

Either way each page marks what belongs in the index, the article, with the
same choices Material's index makes: pages excluded from search are left out,
and a page's ``search.boost`` becomes its Pagefind weight.

With ``pagefind``, Material's search plugin would still parse every page into index
entries that are thrown away; ``adapters.py`` stops that.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pagefind_bin
from contract import NOT_CONTENT
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

BACKENDS = ("material", "pagefind")
ARTICLE = '<article class="md-content__inner md-typeset">'
BUNDLE = "pagefind"
# Pagefind reads the article: permalink pilcrows and buttons are not content, and
# what Material keeps out of its index stays out. The converter marks its blocks
# data-search-exclude ("Another version of", the home page's counts), but md_in_html
# drops the attribute from a block's output; the theme draws the strip under a title.
IGNORED = ", ".join([".headerlink", ".md-clipboard", *(f".{name}" for name in NOT_CONTENT), "[data-search-exclude]"])
EXCLUDED_HEADING = re.compile(r"<h([1-6]) data-search-exclude[^>]*>")


def backend(config) -> str:
    chosen = (config.extra or {}).get("search_backend", "material")
    if chosen not in BACKENDS:
        raise PluginError(f"mkdocs.yml: extra.search_backend is {chosen!r}; it must be one of {', '.join(BACKENDS)}")
    return chosen


def on_config(config):
    backend(config)  # a misspelt backend stops the build before any page is rendered
    return config


def marked(output: str, meta: dict) -> str:
    """The page with its article marked for Pagefind, or left out of it like Material's index leaves it out."""
    search = meta.get("search") or {}
    if search.get("exclude"):
        return output
    attributes = " data-pagefind-body"
    boost = search.get("boost")
    if boost is not None and float(boost) != 1:
        attributes += f' data-pagefind-weight="{float(boost):g}"'
    return excluded_sections(output.replace(ARTICLE, ARTICLE[:-1] + attributes + ">", 1))


def excluded_sections(output: str) -> str:
    """Material leaves out a heading marked ``data-search-exclude`` with its whole section; so does Pagefind."""
    found = EXCLUDED_HEADING.search(output)
    if not found:
        return output
    level = int(found.group(1))
    rest = output[found.start():]
    end = re.compile(rf"<h[1-{level}][\s>]|</article>").search(rest, found.end() - found.start())
    stop = found.start() + (end.start() if end else len(rest))
    section = output[found.start():stop]
    return (output[:found.start()] + f'<div data-pagefind-ignore="all">{section}</div>'
            + excluded_sections(output[stop:]))


def on_post_page(output, page, config):
    return marked(output, page.meta) if backend(config) == "pagefind" else output


def pagefind_command(site_dir: str) -> list[str]:
    """The binary that pagefind[bin] installs, run directly: ``python -m pagefind`` only starts a
    second interpreter to find it (0.1 to 0.3 s of every build)."""
    return [str(pagefind_bin.get_executable()), "--site", site_dir, "--output-subdir", BUNDLE,
            "--exclude-selectors", IGNORED, "--force-language", "en", "--include-characters", "_", "--silent"]


def settings_only(index_file: Path) -> None:
    """Keep Material's index settings (the search box reads them) and drop its documents."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index["docs"] = []
    index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")


@event_priority(-100)  # after Material's search plugin has written its index
def on_post_build(config):
    if backend(config) != "pagefind":
        return
    result = subprocess.run(pagefind_command(config.site_dir), capture_output=True, text=True)
    if result.returncode:
        raise PluginError(f"pagefind could not index {config.site_dir}: {(result.stderr or result.stdout).strip()}")
    settings_only(Path(config.site_dir) / "search" / "search_index.json")
