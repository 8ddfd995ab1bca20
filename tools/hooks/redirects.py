"""MkDocs hook: the short links ``/q/<n>/`` and the redirects from pages' earlier addresses.

The converter lists them in ``docs/library/redirects.json`` (address -> page, title,
description, the page's link-preview card or ""; ``mkdocs.yml`` keeps the list itself out of
the site). After the build this writes each as a small static page that names its target's
title and description (link previews of a pasted short link show the question), links it as
canonical, and sends the reader there with the ``#section`` carried along, which a plain meta
refresh would drop. Every URL is relative, so a site hosted under a sub-path works without
knowing it.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from html import escape
from pathlib import Path

from contract import FOLDER
from contract import REDIRECTS as LISTED

REDIRECTS = f"{FOLDER}/{LISTED}"  # written by the converter (converter/emit/permalinks.py)
# a short link or a page's earlier path (the converter checks the registry's; this keeps any other
# list from writing over the site's own pages or outside the site)
ADDRESS = re.compile(r"q/[0-9]+|[a-z0-9][a-z0-9-]*/(?:notebooks/)?[a-z0-9][a-z0-9-]*")
CARD = re.compile(r"(?:cards/[a-z0-9][a-z0-9/-]*\.png)?")  # a page's link-preview card, or none
log = logging.getLogger("mkdocs.hooks.redirects")


def redirect_page(at: str, target: str, title: str, description: str, site_url: str, image: str = "") -> str:
    """The HTML file at folder ``at`` sending readers to the page at folder ``target``, with the
    target's link preview (``image``: the preview image's path in the site, shown when the site's
    address is known: a crawler needs it absolute)."""
    url = posixpath.relpath(target, at) + "/"
    head = [f"<title>{escape(title)}</title>", '<meta name="robots" content="noindex">']
    if site_url:
        head += [f'<link rel="canonical" href="{escape(site_url + target + "/")}">',
                 f'<meta property="og:url" content="{escape(site_url + target + "/")}">']
    head += ['<meta property="og:type" content="article">',
             f'<meta property="og:title" content="{escape(title)}">',
             f'<meta name="description" content="{escape(description)}">',
             f'<meta property="og:description" content="{escape(description)}">']
    if site_url and image:
        kind = "png" if image.endswith(".png") else "jpeg"
        head += [f'<meta property="og:image" content="{escape(site_url + image)}">',
                 f'<meta property="og:image:type" content="image/{kind}">',
                 '<meta property="og:image:width" content="1200">', '<meta property="og:image:height" content="630">']
    head += ['<meta name="twitter:card" content="summary_large_image">',
             f'<meta name="twitter:title" content="{escape(title)}">',
             f'<meta name="twitter:description" content="{escape(description)}">',
             f'<meta http-equiv="refresh" content="0; url={escape(url)}">',
             f"<script>location.replace({json.dumps(url)} + location.hash)</script>"]
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" + "\n".join(head)
            + f'\n</head>\n<body>\n<p>This page is now at <a href="{escape(url)}">{escape(title)}</a>.</p>\n'
            "</body>\n</html>\n")


def on_post_build(config) -> None:
    listed = Path(config.docs_dir) / REDIRECTS
    if not listed.is_file():
        return
    site_url = config.site_url.rstrip("/") + "/" if config.site_url else ""
    site = Path(config.site_dir)
    default = (getattr(config, "extra", None) or {}).get("og_image", "")
    for at, (target, title, description, card) in json.loads(listed.read_text(encoding="utf-8")).items():
        if not ADDRESS.fullmatch(at) or not ADDRESS.fullmatch(target) or not CARD.fullmatch(card):
            log.warning("%s: %r -> %r (%r) is not a short link or page path: not written", REDIRECTS, at, target, card)
            continue
        folder = site / at
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(redirect_page(at, target, title, description, site_url, card or default),
                                           encoding="utf-8")
