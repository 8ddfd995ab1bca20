"""MkDocs hook: the navigation the converter wrote, and previous/next links
that stay inside a chapter.

``mkdocs.yml`` names ``library/nav.yml`` where the generated part of the nav
goes; the converter knows the sources, chapters and topics, MkDocs does not.
Material's footer shows ``page.previous_page``/``next_page``; by default they
run through the whole site, so the last question of one chapter would lead into
the next chapter. Here they run through the pages of the page's own section.

The navigation is read with libyaml's loader where PyYAML has it: the pure
Python one took 0.7 s for the 640 KB of navigation at 10 times today's corpus,
libyaml 0.09 s, for the same navigation.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from contract import FOLDER, NAVIGATION
from mkdocs.exceptions import PluginError

GENERATED = f"{FOLDER}/{NAVIGATION}"
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def on_config(config):
    if not config.nav or GENERATED not in config.nav:
        return config
    path = Path(config.docs_dir) / GENERATED
    if not path.is_file():
        raise PluginError(f"{path} is missing: run `make pages` (the converter writes it)")
    generated = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or []
    index = config.nav.index(GENERATED)
    config.nav = config.nav[:index] + generated + config.nav[index + 1:]
    return config


def on_nav(nav, config, files):
    for page in nav.pages:
        if page.parent is None:
            continue
        siblings = [item for item in page.parent.children if item.is_page]
        at = siblings.index(page)
        page.previous_page = siblings[at - 1] if at > 0 else None
        page.next_page = siblings[at + 1] if at + 1 < len(siblings) else None
    return nav
