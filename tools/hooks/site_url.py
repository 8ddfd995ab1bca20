"""MkDocs hook: a site built for a placeholder address says so, in one line.

Canonical links, link previews (``og:url``, ``og:image``), the sitemap, the short links'
redirect pages and the links in downloaded notebooks are absolute, made from
``site_url``. A site built for mkdocs.yml's placeholder (an example domain) and
deployed elsewhere points all of them at a host that is not the site, and nothing
else shows it. The line is printed, not logged as a MkDocs warning: ``--strict``
would fail the builds that rightly use the placeholder (tests, a local look).
``mkdocs serve`` sets ``site_url`` to its own address, so it prints nothing.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

RESERVED_DOMAINS = ("example.com", "example.net", "example.org")  # RFC 2606: never anybody's site
RESERVED_SUFFIXES = ("example", "invalid", "test")  # RFC 2606 top-level names
HOW = "build with `make site SITE_URL=https://<address>/` or set site_url in mkdocs.yml"


def placeholder_problem(site_url: str | None) -> str | None:
    """What is wrong with ``site_url`` as a deployed site's address, or None when nothing is."""
    if not site_url:
        return "site_url is not set: pages have no canonical link and link previews no image"
    host = (urlsplit(site_url).hostname or "").rstrip(".")
    reserved = host in RESERVED_DOMAINS or host.endswith(tuple(f".{name}" for name in RESERVED_DOMAINS))
    if reserved or host.rsplit(".", 1)[-1] in RESERVED_SUFFIXES:
        return (f"site_url is the placeholder {site_url}: canonical links, link previews, short links and "
                "downloaded notebooks point there")
    return None


def on_config(config):
    problem = placeholder_problem(config.site_url)
    if problem:
        print(f"warning: {problem}; before deploying, {HOW}", file=sys.stderr)
    return config
