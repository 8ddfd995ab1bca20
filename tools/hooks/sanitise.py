"""MkDocs hook: the security boundary. Every page's content goes through an allow-list.

Documents are pastes from web pages and chats that nobody here wrote. The
converter takes unsafe HTML out of them (tools/converter/sanitise.py, which also
reports each removal), but it reads raw text, and Python-Markdown, the snippets
extension, the maths hook and Material's tooltips each read that text their own
way: every difference was a way for a script through. So the HTML each page's
content has become, after Markdown, snippets, maths and every other hook, is
cleaned here, last, with nh3: only the elements, attributes and classes the
site's own Markdown extensions, the converter's page parts and the corpus use;
links to http(s), mailto or this site; images from this site (or a host listed
in ``extra.trusted_image_hosts``; any other is shown as a link to it, with its
alt text, so that no document makes readers' browsers contact a host of its
choosing, a tracking pixel say); no event handler, script, style sheet or
frame; MathML without links, styles or classes; tooltip text (``title``) as
plain text, because Material's tooltips show it as HTML.

A notebook page is nbconvert's template (its own scripts and styles) around the
cells, which come from the documents: there the cells are cleaned, one by one,
and the template is left as it is.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

import nh3
from lxml import html as lxml_html
from mkdocs.plugins import event_priority
from pygments.token import STANDARD_TYPES

TEXT = {"p", "br", "hr", "blockquote", "pre", "code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s",
        "del", "ins", "mark", "small", "sub", "sup", "abbr", "span", "div", "a", "img", "ul", "ol", "li", "dl",
        "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "details", "summary",
        "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "center", "nav", "button", "input", "label"}
MATHML = {"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "msup", "msub",
          "msubsup", "mfrac", "msqrt", "mroot", "munder", "mover", "munderover", "mtable", "mtr", "mtd",
          "mlabeledtr", "mstyle", "mpadded", "mphantom", "menclose", "merror", "mmultiscripts", "mprescripts",
          "none"}
MATHML_ATTRIBUTES = {"display", "xmlns", "mathvariant", "stretchy", "fence", "separator", "form", "lspace",
                     "rspace", "accent", "accentunder", "movablelimits", "largeop", "symmetric", "minsize",
                     "maxsize", "width", "height", "depth", "linethickness", "columnalign", "rowalign",
                     "columnspacing", "rowspacing", "columnlines", "rowlines", "frame", "displaystyle",
                     "scriptlevel", "notation", "mathsize", "mathcolor", "mathbackground", "encoding"}
ATTRIBUTES = {
    "*": {"id", "lang", "title", "dir"},
    "a": {"href", "class", "download"},
    "img": {"src", "alt", "width", "height", "class"},
    "ol": {"start", "style", "reversed"}, "ul": {"style"}, "li": {"value"},
    "th": {"style", "colspan", "rowspan", "align"}, "td": {"style", "colspan", "rowspan", "align"},
    "p": {"class", "align", "data-search-exclude"}, "div": {"class", "align", "data-search-exclude",
                                                           "data-pagefind-ignore"},
    "span": {"class"}, "code": {"class"}, "pre": {"class"}, "kbd": {"class"}, "details": {"class", "open"},
    "summary": {"class"}, "nav": {"class"}, "table": {"class"}, "label": {"for"},
    "button": {"class", "type", "data-copy-link", "data-link"},
    "h2": {"data-search-exclude"}, "h3": {"data-search-exclude"},
    **{tag: MATHML_ATTRIBUTES for tag in MATHML},
}
# pymdownx.tabbed's tabs are radio buttons: every input is made one, so that none is a form field
INPUT = {"attributes": {"name", "checked"}, "set": {"type": "radio"}}
STYLE_PROPERTIES = {"text-align", "list-style-type"}
WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "applet", "noscript", "template", "textarea",
                "select", "frameset", "frame", "noembed", "noframes", "xmp", "plaintext", "title"}
URL_ATTRIBUTES = {"href", "src", "data-link"}
URL_SCHEMES = {"http", "https", "mailto"}

ADMONITIONS = {"note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success",
               "check", "done", "question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
               "missing", "danger", "error", "bug", "example", "quote", "cite"}
CLASSES = (ADMONITIONS | set(STANDARD_TYPES.values()) - {""}) | {
    "admonition", "admonition-title", "arithmatex", "highlight", "headerlink", "keys", "md-tag", "md-tags",
    "tabbed-set", "tabbed-alternate", "tabbed-labels", "tabbed-content", "tabbed-block", "critic", "caret",
    "tilde", "inline", "end", "center", "left", "right", "anchor-link"}
CLASS_PATTERN = re.compile(r"(?:qa|key|language|tabbed)-[A-Za-z0-9_-]+")
# Material's own element ids begin with "__" (__search, __drawer); the extensions' ids that do are these
OWN_IDS = re.compile(r"__(?:tabbed|codelineno|span|fn|fnref)_")
COLOUR = re.compile(r"#?[A-Za-z0-9]{1,20}")
MARKUP = re.compile(r"<[^>]*>?|>")


def as_browsers_read(url: str) -> str:
    """Browsers drop tabs and line breaks anywhere in a URL and control characters and spaces at
    its ends, and read "\\" as "/"."""
    return re.sub(r"[\t\n\r]", "", url).strip("".join(map(chr, range(0x21)))).replace("\\", "/")


def loads_from_elsewhere(src: str, trusted_hosts: frozenset[str]) -> bool:
    """Whether an image at ``src`` would be fetched from a host that is neither the site nor trusted."""
    url = as_browsers_read(src)
    parts = urlsplit(url)
    if not parts.scheme and not url.startswith("//"):
        return False
    return not (parts.scheme in ("http", "https") and parts.hostname in trusted_hosts)


def kept_url(value: str, tag: str, trusted_hosts: frozenset[str]) -> str | None:
    """``value`` if it leads to this site, to a listed scheme or (for images) a trusted host."""
    if tag == "img":
        return None if loads_from_elsewhere(value, trusted_hosts) else value
    url = as_browsers_read(value)
    parts = urlsplit(url)
    if url.startswith("//"):
        return None
    return value if not parts.scheme or parts.scheme.lower() in URL_SCHEMES else None


def kept_classes(value: str) -> str | None:
    """The site's own classes of ``value``: another could dress content up as Material's dialogs."""
    kept = [name for name in value.split() if name in CLASSES or CLASS_PATTERN.fullmatch(name)]
    return " ".join(kept) or None


def attribute_filter(trusted_hosts: frozenset[str]):
    """nh3's callback: each allowed attribute's value kept, rewritten or (None) dropped."""
    def kept(tag: str, attribute: str, value: str) -> str | None:
        if attribute in URL_ATTRIBUTES:
            return kept_url(value, tag, trusted_hosts)
        if attribute == "title":
            return MARKUP.sub("", value) or None  # Material's tooltips show it as HTML
        if attribute == "class":
            return kept_classes(value)
        if attribute in ("id", "for") and value.startswith("__") and not OWN_IDS.match(value):
            return None
        if attribute in ("mathcolor", "mathbackground"):
            return value if COLOUR.fullmatch(value) else None
        if attribute == "xmlns":
            return value if value == "http://www.w3.org/1998/Math/MathML" else None
        return value
    return kept


@cache
def cleaner(trusted_hosts: frozenset[str]) -> nh3.Cleaner:
    return nh3.Cleaner(tags=TEXT | MATHML | {"input"}, clean_content_tags=WITH_CONTENT,
                       attributes={**ATTRIBUTES, "input": INPUT["attributes"]},
                       set_tag_attribute_values={"input": INPUT["set"]}, attribute_filter=attribute_filter(trusted_hosts),
                       url_schemes=URL_SCHEMES, filter_style_properties=STYLE_PROPERTIES, link_rel=None,
                       strip_comments=True)


def parsed(html: str):
    """An HTML fragment as one element holding it (``inner`` gives the fragment back)."""
    return lxml_html.fragment_fromstring(html, create_parent="div")


def inner(element) -> str:
    """The HTML inside ``element``."""
    return (element.text or "") + "".join(lxml_html.tostring(child, encoding="unicode") for child in element)


def images_as_links(html: str, trusted_hosts: frozenset[str]) -> str:
    """Each image that would load from another host replaced by a link to it, named by its alt
    text: the reader sees what it was and can open it, and nothing is fetched unasked."""
    if "<img" not in html:
        return html
    root = parsed(html)
    remote = [image for image in root.iter("img") if loads_from_elsewhere(image.get("src") or "", trusted_hosts)]
    if not remote:
        return html
    for image in remote:
        source = as_browsers_read(image.get("src"))
        link = lxml_html.Element("a", href="https:" + source if source.startswith("//") else source)
        link.text = "Image: " + ((image.get("alt") or "").strip() or urlsplit(link.get("href")).hostname or "link")
        link.tail = image.tail
        image.getparent().replace(image, link)
    return inner(root)


def clean(html: str, trusted_hosts: frozenset[str] = frozenset()) -> str:
    """``html`` with nothing outside the allow-list, and remote images as links."""
    return cleaner(trusted_hosts).clean(images_as_links(html, trusted_hosts))


NOTEBOOK_CELL = "jp-Cell"


def clean_notebook(html: str, trusted_hosts: frozenset[str] = frozenset()) -> str:
    """A notebook page with the inside of each cell's rendered Markdown and outputs cleaned; nbconvert's
    template around them (its scripts, styles and copy buttons) is the project's and stays."""
    if NOTEBOOK_CELL not in html:  # not nbconvert's page after all: cleaned whole
        return clean(html, trusted_hosts)
    root = parsed(html)
    for part in root.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " jp-RenderedHTMLCommon ")'
                           ' or contains(concat(" ", normalize-space(@class), " "), " jp-OutputArea-output ")]'):
        cleaned = parsed(clean(inner(part), trusted_hosts))
        part.text, part[:] = cleaned.text, list(cleaned)
    return inner(root)


@event_priority(-100)  # last: after Markdown, snippets, the maths hook and every other hook
def on_page_content(html, page, config, files):
    trusted = frozenset(config.extra.get("trusted_image_hosts") or ())
    if page.file.src_uri.endswith(".ipynb"):
        return clean_notebook(html, trusted)
    return clean(html, trusted)
