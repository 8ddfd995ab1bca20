"""MkDocs hook: a page's topic chips lead to the topic's own page.

Material's tags plugin links each chip to the closest listing of the tag, which
here is the long listing on the topic index. Each topic has a page of its own
(``library/topics/<id>.md``, with ``topic:`` in its front matter) that lists its
questions by source; readers who click a chip want that page.
Notebook pages rendered by mkdocs-jupyter are kept out of search here too: they
repeat the code of a question page and would double its results.
"""

from __future__ import annotations

from contract import TOPIC_INDEX
from mkdocs.structure.nav import Link


class TopicPages:
    def __init__(self):
        self.by_label: dict[str, str] = {}

    def on_config(self, config):
        self.by_label.clear()  # `mkdocs serve` rebuilds in the same process
        return config

    def on_page_content(self, html, page, config, files):
        if page.meta.get("kind") == TOPIC_INDEX and page.meta.get("topic"):
            self.by_label[page.meta["title"]] = page.url
        if page.file.src_uri.endswith(".ipynb"):
            page.meta["search"] = {"exclude": True}
        return html

    def on_page_context(self, context, page, config, nav):
        for reference in context.get("tags") or ():
            url = self.by_label.get(reference.name)
            if url is not None:
                reference.links = [Link(reference.name, url)]
        return context


_hook = TopicPages()
on_config = _hook.on_config
on_page_content = _hook.on_page_content
on_page_context = _hook.on_page_context
