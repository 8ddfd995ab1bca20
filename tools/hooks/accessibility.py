"""MkDocs hook: names for the two widgets Material leaves unnamed.

axe-core finds two serious violations on every page of a Material site: the
search dialog and the page-loading progress bar have a role but no accessible
name, so a screen reader announces "dialog" and "progress bar" and nothing
more. Each gets an ``aria-label`` here (two exact replacements rather than two
copied templates); the accessibility browser test runs axe-core on the result.
"""

from __future__ import annotations

LABELS = {
    '<div class="md-search" data-md-component="search" role="dialog">':
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">',
    '<div class="md-progress" data-md-component="progress" role="progressbar">':
        '<div class="md-progress" data-md-component="progress" role="progressbar" aria-label="Loading the page">',
}


def labelled(html: str) -> str:
    for unnamed, named in LABELS.items():
        html = html.replace(unnamed, named, 1)
    return html


def on_post_page(output, page, config):
    return labelled(output)
