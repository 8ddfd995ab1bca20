"""MkDocs hook: TeX formulas become MathML when the site is built.

``pymdownx.arithmatex`` (generic mode) keeps ``$...$`` and ``$$...$$`` away from
Markdown, so ``_``, ``|``, ``<`` and ``\\`` inside them survive; this hook turns
its wrappers into MathML, which browsers render natively. No script, font or
other host is involved, and the formulas are in the page for search and screen
readers. A formula that cannot be converted stays visible as TeX in ``<code>``
and is logged with its page.
"""

from __future__ import annotations

import html
import logging
import re

from latex2mathml.converter import convert

log = logging.getLogger("mkdocs.hooks.maths")

WRAPPED = re.compile(r'<(span|div) class="arithmatex">(.*?)</\1>', re.DOTALL)
DELIMITERS = re.compile(r"^\s*(?:\\\(|\\\[)(.*?)(?:\\\)|\\\])\s*$", re.DOTALL)
# environments latex2mathml lays out on one line, and ones it lays out as rows
ENVIRONMENTS = {"aligned": ("align*", ""), "gathered": ("array", "{c}"), "gather*": ("array", "{c}")}


def to_mathml(tex: str, display: bool) -> str:
    for old, (new, argument) in ENVIRONMENTS.items():
        tex = tex.replace(f"\\begin{{{old}}}", f"\\begin{{{new}}}{argument}").replace(f"\\end{{{old}}}", f"\\end{{{new}}}")
    if display and "\\\\" in tex and "\\begin" not in tex:
        tex = f"\\begin{{array}}{{c}} {tex} \\end{{array}}"  # rows of equations: MathML Core has no line breaks
    return convert(tex, display="block" if display else "inline")


def render(match: re.Match, where: str) -> str:
    tag, inner = match.group(1), html.unescape(match.group(2))
    found = DELIMITERS.match(inner)
    tex = found.group(1) if found else inner
    try:
        mathml = to_mathml(tex.strip(), display=tag == "div")
    except Exception as err:  # latex2mathml raises many kinds on bad TeX
        log.warning("%s: formula left as TeX (%s): %s", where, type(err).__name__, tex.strip()[:80])
        return f'<{tag} class="arithmatex"><code>{html.escape(tex)}</code></{tag}>'
    return f'<{tag} class="arithmatex">{mathml}</{tag}>'


def on_page_content(html_text: str, page, **kwargs) -> str:
    if 'class="arithmatex"' not in html_text:
        return html_text
    return WRAPPED.sub(lambda m: render(m, page.file.src_uri), html_text)
