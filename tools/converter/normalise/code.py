"""Code the reader can read as code, and text that only looks like markup.

- A fenced block that names no language gets one when its lines show it.
- ``<UNK>`` and the like in prose are escaped: a browser would take them for
  unknown HTML tags and show nothing.
"""

from __future__ import annotations

import re

from ..model import Style
from .fences import FENCE, closes, fenced_blocks, in_code, in_maths

HTML_ELEMENTS = frozenset("""a abbr address area article aside audio b bdi bdo blockquote br button canvas caption
cite code col colgroup data dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form
h1 h2 h3 h4 h5 h6 header hr i iframe img input ins kbd label legend li link main mark math meta nav noscript
object ol optgroup option output p param picture pre progress q rp rt ruby s samp script section select small
source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time title tr track
u ul var video wbr center font big tt strike""".split())
TAG = re.compile(r"</?([A-Za-z][\w-]*)(?:\s[^<>]*)?/?>")
CODE_SPAN = re.compile(r"(`+).+?\1|\$[^$\s][^$]*\$")


def fence_languages(lines: list[str], style: Style) -> list[str]:
    out = list(lines)
    for start, end in fenced_blocks(lines):
        if lines[start].strip().strip("`~").strip():
            continue  # the author named one
        body = lines[start + 1:end]
        if body and closes(body[-1], FENCE.match(lines[start]).group(1)):
            body = body[:-1]
        language = next((name for name, pattern in style.code_languages
                         if any(re.search(pattern, line) for line in body)), None)
        if language:
            out[start] = lines[start].rstrip() + language
    return out


def escape_pseudo_tags(line: str) -> str:
    def escape(part: str) -> str:
        return TAG.sub(lambda m: m.group(0) if m.group(1).lower() in HTML_ELEMENTS
                       else "&lt;" + m.group(0)[1:], part)
    out, position = [], 0
    for span in CODE_SPAN.finditer(line):
        out += [escape(line[position:span.start()]), span.group(0)]
        position = span.end()
    out.append(escape(line[position:]))
    return "".join(out)


def pseudo_tags(lines: list[str]) -> list[str]:
    skip = [a or b for a, b in zip(in_code(lines), in_maths(lines))]
    return [line if skipped or "<" not in line else escape_pseudo_tags(line) for line, skipped in zip(lines, skip)]
