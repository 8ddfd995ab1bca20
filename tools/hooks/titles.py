"""MkDocs hook: titles and descriptions are text, whatever characters they hold.

Material prints page titles, front-matter titles and descriptions and the
navigation's section titles into the page as they are: a ``Q&A`` in a title
was invalid HTML, a quote in a description ended its ``content`` attribute,
and a title holding markup would have been markup. Once every page is read
(``on_env``: after the other hooks have used them, before any page is
rendered), each becomes escaped ``Markup``, which templates that escape again
(``| e``) leave as it is.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def escaped(value):
    return value if value is None or isinstance(value, Markup) else escape(str(value))


def on_nav(nav, config, files):
    for item in walk(nav.items):
        if item.is_section:
            item.title = escaped(item.title)
    return nav


def walk(items):
    for item in items:
        yield item
        yield from walk(getattr(item, "children", None) or [])


def on_env(env, config, files):
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escaped(page.meta[key])
        page.title = escaped(page.title)
    return env
