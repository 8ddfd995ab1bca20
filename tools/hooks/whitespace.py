"""MkDocs hook: the whitespace Material's templates leave between tags is collapsed.

The navigation templates indent every loop and condition, and loop over each
section's children even where the section is pruned, so two thirds of a page's
bytes were blank lines and indentation: more the larger the site. A run of
whitespace that holds a line break renders as one space, so it becomes one
line break, except inside the elements that show whitespace as written
(``pre``, ``code``, ``kbd``, ``textarea``) and inside scripts and styles.
"""

from __future__ import annotations

import re

KEPT_AS_WRITTEN = re.compile(r"<(pre|code|kbd|textarea|script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
RUN = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")


def compacted(html: str) -> str:
    parts, last = [], 0
    for kept in KEPT_AS_WRITTEN.finditer(html):
        parts += [RUN.sub("\n", html[last:kept.start()]), kept.group()]
        last = kept.end()
    parts.append(RUN.sub("\n", html[last:]))
    return "".join(parts)


def on_post_page(output: str, page, config) -> str:
    return compacted(output)
