"""Raw HTML and link targets that could run code in a reader's browser are taken out.

Documents are pastes of web pages and chats, and Python-Markdown passes raw
HTML, attribute lists and any link target through to the page. So, outside
code (fences, indented code, maths and code spans, found through markdown-it's
token stream), every HTML tag goes through nh3 with an allow-list of what the
corpus legitimately uses; elements that carry code (``script``, ``style``,
``iframe``...) go with their content; Markdown links, autolinks and link
definitions whose target is a ``javascript:``, ``vbscript:``, ``data:`` or
``file:`` URL lose the target; attribute lists keep only ids, classes and
``lang``. Every removal is a ``Drop`` (line and text, so the report shows what
went), and every line keeps its place, so line numbers stay the raw document's.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import nh3

from .markdown import parser
from .model import Drop
from .normalise.code import HTML_ELEMENTS
from .normalise.fences import in_maths

ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "details": {"open"},
    "ul": {"style"}, "ol": {"style", "start"}, "li": set(), "p": {"align"}, "div": {"align"},
    "b": set(), "i": set(), "strong": set(), "em": set(), "u": set(), "s": set(), "sub": set(), "sup": set(),
    "br": set(), "hr": set(), "summary": set(), "code": set(), "pre": set(), "kbd": set(), "mark": set(),
    "span": set(), "small": set(), "blockquote": set(), "table": set(), "thead": set(), "tbody": set(),
    "tr": set(), "th": {"align"}, "td": {"align"},
    "h1": set(), "h2": set(), "h3": set(), "h4": set(), "h5": set(), "h6": set(), "center": set(),
}
STYLE_PROPERTIES = {"list-style-type", "text-align"}
URL_SCHEMES = {"http", "https", "mailto"}
# Elements whose content is code or a foreign document, not text for a reader: removed whole, up to
# their closing tag or the end of their block (a blank line), whichever comes first.
WITH_CONTENT = {"script", "style", "iframe", "object", "applet", "noscript", "template", "svg", "math",
                "textarea", "select"}
UNSAFE_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file|livescript):", re.IGNORECASE)

TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])((?:[^<>\"']|\"[^\"]*\"|'[^']*')*)>")
COMMENT = re.compile(r"<!--")
AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
LINK_TARGET = re.compile(r"\]\(")
DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*?)[ \t]*\}")
ATTR_ITEM = re.compile(r"""[#.][^\s#.}]+|([^\s=]+)=("[^"]*"|'[^']*'|\S+)|\S+""")
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
DOLLAR_MATHS = re.compile(r"\$[^$\n]+\$")
BACKTICKS = re.compile(r"`+")
SAFE_ATTR_KEYS = {"lang"}
SCHEME_WINDOW = 256  # characters of a link target read to judge its scheme (entities and spaces included)
# A line holding none of these has no tag, link, definition or attribute list to judge.
MARKUP_CHARS = re.compile(r"[<\[\]{]")


def link_end(line: str, start: int) -> int:
    """Where the ``(...)`` of a Markdown link that opens at ``start`` closes (nested parentheses
    and an ``<...>`` target counted, as Python-Markdown does); the line's end if it never does."""
    depth, position, bracketed = 0, start, False
    while position < len(line):
        char = line[position]
        if char == "\\":
            position += 2
            continue
        if char == "<" and depth == 1 and line[start + 1:position].strip() == "":
            bracketed = True
        elif char == ">" and bracketed:
            bracketed = False
        elif char == "(" and not bracketed:
            depth += 1
        elif char == ")" and not bracketed:
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    return len(line)


def unsafe_url(target: str) -> bool:
    """Browsers decode entities and ignore control characters and spaces before the scheme."""
    decoded = re.sub(r"[\x00-\x20]+", "", html.unescape(target))
    return bool(UNSAFE_SCHEME.match(decoded)) and not re.match(r"(?i)data:image/(png|gif|jpe?g|webp);", decoded)


def code_lines(lines: list[str]) -> set[int]:
    """Fences, indented code and display maths: what the page shows as written, never as HTML."""
    found = {index for index, maths in enumerate(in_maths(lines)) if maths}
    for token in parser(inline=False, html_blocks=False).parse("\n".join(lines) + "\n"):
        if token.type in ("fence", "code_block") and token.map:
            found.update(range(*token.map))
    return found


def blanked(line: str, spans: list[tuple[int, int]]) -> str:
    parts, position = [], 0
    for start, end in spans:
        parts += [line[position:start], " " * (end - start)]
        position = end
    return "".join(parts) + line[position:]


def code_spans(line: str) -> list[tuple[int, int]]:
    """CommonMark's code spans: a run of backticks closed by the next run of the same length.
    Paired in one pass over the runs; a pattern that looks for the closer from every opener is
    cubic on a line of backticks."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    following, seen = [None] * len(runs), {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index], seen[length] = seen.get(length), index
    spans, index = [], 0
    while index < len(runs):
        closer = following[index]
        if closer is None:
            index += 1
            continue
        spans.append((runs[index][0], runs[closer][1]))
        index = closer + 1
    return spans


def maths_spans(line: str) -> list[tuple[int, int]]:
    """``\\( … \\)``, scanned: each opener closed by the next closer."""
    spans, position = [], 0
    while (start := line.find("\\(", position)) >= 0 and (end := line.find("\\)", start + 2)) >= 0:
        spans.append((start, end + 2))
        position = end + 2
    return spans


def masked(line: str) -> str:
    """The line with its code spans and inline maths blanked, so a search in it finds neither."""
    line = blanked(line, code_spans(line)) if "`" in line else line
    line = DOLLAR_MATHS.sub(lambda m: " " * len(m.group()), line) if "$" in line else line
    return blanked(line, maths_spans(line)) if "\\(" in line else line


def attribute_names(tag: str) -> list[str]:
    """Attribute names of one tag, and each style property as ``style:<property>``."""
    inside = re.sub(r"^</?[A-Za-z][A-Za-z0-9-]*|/?>$", "", tag)
    names = []
    for name, value in ATTRIBUTE.findall(inside):
        name = name.lower()
        if name == "style":
            names += [f"style:{p.split(':')[0].strip().lower()}" for p in value.strip("\"'").split(";") if ":" in p]
        else:
            names.append(name)
    return sorted(names)


def clean_tag(tag: str, name: str, closing: bool) -> str | None:
    """The tag as nh3 lets it through, or None when nothing of it may stay. An allowed tag that
    loses nothing is kept as written."""
    if name not in ALLOWED_ATTRIBUTES:
        return None
    if closing:
        return tag
    cleaned = nh3.clean(f"{tag}</{name}>", tags=set(ALLOWED_ATTRIBUTES), attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=URL_SCHEMES, filter_style_properties=STYLE_PROPERTIES, link_rel=None)
    opening = cleaned[:cleaned.index(">") + 1] if ">" in cleaned else ""
    return tag if attribute_names(opening) == attribute_names(tag) else opening


def safe_attr_list(text: str) -> tuple[str, str]:
    """The attribute list with only ids, classes and ``lang``; and what was taken out."""
    inside = ATTR_LIST.fullmatch(text).group(1)
    kept, removed = [], []
    for item in ATTR_ITEM.finditer(inside):
        key = item.group(1)
        (kept if key is None or key.lower() in SAFE_ATTR_KEYS else removed).append(item.group())
    if not removed:
        return text, ""
    opening = "{:" if text.startswith("{:") else "{"
    return (f"{opening} {' '.join(kept)} }}" if kept else ""), " ".join(removed)


@dataclass(frozen=True)
class Change:
    start: int
    end: int
    replacement: str
    reason: str
    removed: str  # what the report quotes: the text taken out, or the tag as it was
    content_until: re.Pattern | None = None  # an element removed with its content: where that ends


def removed_attributes(tag: str, cleaned: str) -> list[str]:
    """Names of the attributes (and style properties) of ``tag`` that ``cleaned`` lost."""
    return sorted(set(attribute_names(tag)) - set(attribute_names(cleaned)))


def judged(pattern: re.Pattern, match: re.Match, line: str) -> Change | None:
    """What to do with one match in ``line``, or None when it is safe."""
    start, end = match.start(), match.end()
    text = line[start:end]
    if pattern is COMMENT:
        return Change(start, end, "", "HTML comment removed", text, re.compile(r"-->"))
    if pattern is AUTOLINK:
        return Change(start, end, "", "unsafe link removed", text) if unsafe_url(match.group(1)) else None
    if pattern is LINK_TARGET:
        # the scheme decides, and it is in the target's first few characters: finding where the
        # link ends costs a scan to the end of an unclosed one, so only an unsafe link pays it
        # (then everything up to that end goes), or a line of "](" would take minutes
        head = line[start + 2:start + 2 + SCHEME_WINDOW].lstrip().lstrip("<")
        if not unsafe_url(re.split(r"[\s)]", head, maxsplit=1)[0]):
            return None
        stop = link_end(line, start + 1)
        return Change(start, stop, "]", "unsafe link target removed", line[start + 1:stop])
    if pattern is ATTR_LIST:
        safe, removed = safe_attr_list(text)
        return Change(start, end, safe, f"unsafe attribute removed from an attribute list: {removed}", text) \
            if removed else None
    closing, name = match.group(1) == "/", match.group(2).lower()
    if name not in HTML_ELEMENTS | WITH_CONTENT:
        return None  # <UNK>, <T>: not HTML; normalise.code escapes them into text
    if name in WITH_CONTENT:
        content = None if closing or text.endswith("/>") else re.compile(rf"</{name}\s*>", re.IGNORECASE)
        return Change(start, end, "", f"unsafe HTML removed: <{name}> element", text, content)
    cleaned = clean_tag(text, name, closing)
    if cleaned is None:
        return Change(start, end, "", f"HTML tag not allowed: <{name}>", text)
    if cleaned == text:
        return None
    removed = ", ".join(removed_attributes(text, cleaned))
    return Change(start, end, cleaned, f"unsafe HTML attribute removed from <{name}>: {removed}", text)


def first_unsafe(view: str, line: str, position: int) -> Change | None:
    """The earliest change needed at or after ``position`` in the line (``view``: the line masked)."""
    if position == 0:
        definition = DEFINITION.match(view)
        if definition and unsafe_url(definition.group(1)):
            return Change(0, len(line), "", "unsafe link definition removed", line)
    found = []
    for pattern in (TAG, COMMENT, AUTOLINK, LINK_TARGET, ATTR_LIST):
        for match in pattern.finditer(view, position):
            change = judged(pattern, match, line)
            if change is not None:
                found.append(change)
                break
    return min(found, key=lambda change: change.start) if found else None


def sanitise(lines: list[str]) -> tuple[list[str], list[Drop]]:
    """The lines with everything unsafe taken out, the same number of them; a Drop for each removal."""
    out = list(lines)
    drops: list[Drop] = []
    code: set[int] | None = None  # parsed only when a line needs a change: most documents need none
    removing: tuple[str, re.Pattern] | None = None  # content being removed, up to the pattern
    for index, line in enumerate(lines):
        if not line.strip():
            removing = None  # an element left open ends with its block, as an HTML block does
        view = ""
        if removing is None:
            if not MARKUP_CHARS.search(line) or first_unsafe(view := masked(line), line, 0) is None:
                continue
            code = code_lines(lines) if code is None else code
            if index in code:
                continue
        kept, position, view = [], 0, view or masked(line)
        while position < len(line) or (removing is None and not kept):
            if removing is not None:
                reason, end = removing
                closing = end.search(line, position)
                stop = closing.end() if closing else len(line)
                if line[position:stop].strip():
                    drops.append(Drop(index, line[position:stop], reason))
                position, removing = stop, (None if closing else removing)
                continue
            change = first_unsafe(view, line, position)
            if change is None:
                kept.append(line[position:])
                break
            kept.append(line[position:change.start] + change.replacement)
            drops.append(Drop(index, change.removed, change.reason))
            position = change.end
            removing = (change.reason, change.content_until) if change.content_until is not None else None
        out[index] = "".join(kept)
    return out, drops
