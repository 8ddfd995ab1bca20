"""Rendering defects in built pages: Markdown that did not render as its author meant.

Run as ``python -m checks.defects SITE_DIR``; prints a count per kind and exits 1
when any is found. Only the article of each page is read, and text inside code,
maths and preformatted blocks is never judged as prose.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import lxml.html

KINDS = {
    "list-marker-paragraph": "a paragraph that starts with a bullet glyph, '- ' or '1. '",
    "literal-emphasis": "literal ** or __ in text",
    "literal-maths": "literal $$ or an unrendered TeX command",
    "tab": "a tab character in text (or the run of spaces Markdown expands it to)",
    "mojibake": "mojibake sequences",
    "html-as-text": "an HTML tag shown as text",
    "empty-list-item": "an empty list item",
    "heading-colon": "a heading that ends in ':'",
    "skipped-heading": "a heading more than one level below the one before",
    "code-as-paragraph": "code shown as a paragraph",
    "literal-attribute": "an attribute list ({: lang=... }) shown as text",
}

PLACEHOLDER = "\ufffc"
NOT_PROSE = {"code", "pre", "math", "kbd", "script", "style", "samp"}
GLYPHS = "❖★◆➔➤♣■♦•→▪●○◦✓✔➢►"
LIST_MARKER = re.compile(rf"^\s*(?:[{GLYPHS}]|[-*+]\s|\d+[.)]\s)")
EMPHASIS = re.compile(r"\*\*|__(?=\w)|(?<=\w)__")  # a lone "__" is a blank to fill in
MATHS = re.compile(r"\$\$|\\(?:frac|text|sum|sqrt|begin|end|left|right|mathrm|cdot|times|alpha|beta|sigma|partial|log)\b")
MOJIBAKE = re.compile(r"â€|â‰|ðŸ|Ã[\x80-\xbf¡-¿]|Â[\xa0-\xbf ]|ï¿½|\ufffd")
TAB = re.compile(r"\t|\S {3,}\S")
ATTRIBUTES = re.compile(r"\{:?\s*(?:lang|#|\.)[^}]*\}")
HTML_TAG = re.compile(r"</?(?:b|i|u|p|ul|ol|li|br|div|span|strong|em|details|summary|table|tr|td|th|img|a|sup|sub|code|pre|h[1-6])(?:\s[^<>]*)?/?>",
                      re.IGNORECASE)
CODE_LINE = re.compile(r"^\s*(?:import \w|from [\w.]+ import |def \w+\(|class \w+[(:]|print\(|return\b|for \w+ in .+:$|```)"
                       r"|^\s*\w+(?:\.\w+)* = \w+(?:\.\w+)*\(")


@dataclass(frozen=True)
class Defect:
    page: str
    kind: str
    text: str


def prose(element, skip: frozenset = frozenset()) -> str:
    """The element's text with code, maths or preformatted descendants as one
    placeholder character each; children tagged ``skip`` are left out (their
    tails stay)."""
    parts = [element.text or ""] if element.tag not in NOT_PROSE else []
    for child in element:
        if isinstance(child.tag, str) and child.tag not in skip:
            parts.append(prose(child) if child.tag not in NOT_PROSE else PLACEHOLDER)
        parts.append(child.tail or "")
    return "".join(parts)


def article_of(html: str):
    root = lxml.html.fromstring(html)
    found = root.xpath('//article[contains(@class, "md-content__inner")]')
    return found[0] if found else None


def check_html(html: str, page: str = "") -> list[Defect]:
    article = article_of(html)
    if article is None:
        return []
    for tag in article.xpath('.//*[contains(@class, "headerlink")]'):
        tag.drop_tree()  # the permalink pilcrow is ours, not content
    found: list[Defect] = []

    def add(kind: str, text: str) -> None:
        found.append(Defect(page, kind, " ".join(text.split())[:120]))

    for p in article.iter("p"):
        text = prose(p)
        if LIST_MARKER.match(text):
            add("list-marker-paragraph", text)
        if any(CODE_LINE.search(line) for line in text.splitlines()):
            add("code-as-paragraph", text)
    blocks = article.xpath(".//p | .//li | .//td | .//th | .//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6 | .//dd | .//dt")
    for block in blocks:
        own = own_text(block)
        for kind, pattern in (("literal-emphasis", EMPHASIS), ("literal-maths", MATHS),
                              ("mojibake", MOJIBAKE), ("html-as-text", HTML_TAG),
                              ("literal-attribute", ATTRIBUTES)):
            if pattern.search(own):
                add(kind, own)
        if TAB.search(own):
            add("tab", own)
    for li in article.iter("li"):
        if not li.text_content().strip() and not li.xpath(".//img | .//math"):
            add("empty-list-item", lxml.html.tostring(li, encoding="unicode"))
    previous = 0
    for heading in article.xpath(".//h1 | .//h2 | .//h3 | .//h4 | .//h5 | .//h6"):
        level = int(heading.tag[1])
        text = heading.text_content().strip()
        if text.endswith(":"):
            add("heading-colon", text)
        if previous and level > previous + 1:
            add("skipped-heading", f"h{previous} then h{level}: {text}")
        previous = level
    return found


NESTED_BLOCKS = frozenset({"p", "ul", "ol", "li", "table", "div", "blockquote", "details"})


def own_text(block) -> str:
    """Prose that belongs to this block and not to a nested block (a <p> in an <li>)."""
    return prose(block, NESTED_BLOCKS)


def check_site(site: Path, under: str = "library") -> list[Defect]:
    found = []
    for path in sorted((site / under).rglob("*.html")):
        found += check_html(path.read_text(encoding="utf-8"), str(path.relative_to(site)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks.defects", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument("--under", default="library", help="only pages below this folder (default: library)")
    parser.add_argument("--examples", type=int, default=3, help="examples to print per kind")
    args = parser.parse_args(argv)
    found = check_site(args.site, args.under)
    counts = Counter(d.kind for d in found)
    for kind, description in KINDS.items():
        print(f"{counts[kind]:6d}  {kind:24s} {description}")
        for defect in [d for d in found if d.kind == kind][:args.examples]:
            print(f"        {defect.page}: {defect.text}")
    print(f"{len(found):6d}  total")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
