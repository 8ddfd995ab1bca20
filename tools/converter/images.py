"""Images a page shows from beside its document: found, checked, and copied with it.

A document's ``![diagram](img/attention.png)`` names a file next to the
document; the page must show it, so the file goes into the site at the same
place relative to the page (MkDocs resolves an image's path from the page's
Markdown file, and a source's pages sit together in one folder). An image that
is not there, that lies outside the source folder, that is not a picture, or
that is SVG (a page could be opened from it, and SVG runs scripts) would stop
a strict build or publish what it should not: its reference is replaced by its
alt text, and the report says so. Images from other hosts are left to the site's
boundary (tools/hooks/sanitise.py), which shows them as links.

Finding references is pure (text in); ``gathered`` reads the files, at the edge.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .markdown import parser
from .sanitise import code_lines, masked

PICTURES = {".png": b"\x89PNG", ".jpg": b"\xff\xd8", ".jpeg": b"\xff\xd8", ".gif": b"GIF8", ".webp": b"RIFF"}
MAX_BYTES = 5_000_000  # a picture in a study note; anything larger is not one
# [^<>]: a tag never holds another "<", and without it a block of lines of "<img a" is searched
# in square time
HTML_SRC = re.compile(r"""<img\b[^<>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s<>]+))""", re.IGNORECASE)


@dataclass(frozen=True)
class Image:
    src: str  # as written in the page
    path: str  # the file, relative to the document's folder


def local_path(src: str) -> str | None:
    """The file an image address names from the document's folder (``problem`` judges whether it
    may be copied), or None when it names another host."""
    parts = urlsplit(src.strip())
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(unquote(parts.path))


def references(markdown: str) -> tuple[str, ...]:
    """Addresses of the images the page shows (Markdown images and HTML ``<img>``), in order, each
    once; code is not read."""
    if "![" not in markdown and "<img" not in markdown.lower():  # most pages: no parse
        return ()
    found: list[str] = []
    for token in parser().parse(markdown):
        if token.type == "html_block":
            found += [next(filter(None, m.groups())) for m in HTML_SRC.finditer(token.content) if any(m.groups())]
        for child in token.children or ():
            if child.type == "image":
                found.append(str(child.attrs.get("src", "")))
            elif child.type == "html_inline":
                found += [next(filter(None, m.groups())) for m in HTML_SRC.finditer(child.content) if any(m.groups())]
    return tuple(dict.fromkeys(src for src in found if src))


def local_images(markdown: str) -> tuple[Image, ...]:
    return tuple(Image(src, path) for src in references(markdown) if (path := local_path(src)) is not None)


def without(markdown: str, src: str) -> str:
    """The page with the image at ``src`` replaced by its alt text."""
    return rewritten(markdown, src, lambda text, alt: alt)


def served(markdown: str, src: str, path: str) -> str:
    """The page with each HTML ``<img>`` of ``src`` pointing where the picture is served: MkDocs
    makes a Markdown image's address relative to the page's URL (``<source>/<slug>/``), but
    passes HTML through as it is, where ``img/x.png`` would name ``<source>/<slug>/img/x.png``."""
    def moved(text: str, alt: str) -> str:
        if text.startswith("!"):
            return text
        return HTML_SRC.sub(lambda m: m.group(0)[:m.start(m.lastindex) - m.start()] + html.escape("../" + path)
                            + m.group(0)[m.end(m.lastindex) - m.start():], text, count=1)
    return rewritten(markdown, src, moved)


def rewritten(markdown: str, src: str, change) -> str:
    """The page with each image of ``src`` (Markdown, by reference too, or HTML) replaced by
    ``change(text, alt)``, outside code, where the same text is an example, not an image."""
    address = re.escape(src)
    forms = [rf"!\[([^\]\n]*)\]\(\s*<?{address}>?(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)))?\s*\)",
             rf"""<img\b[^<>]*?\bsrc\s*=\s*["']?{address}["']?[^<>]*>"""]
    definition = re.compile(rf"^ {{0,3}}\[([^\]\n]+)\]:[ \t]*<?{address}>?(?:[ \t]|$)", re.MULTILINE)
    for label in {re.escape(found.group(1).strip()) for found in definition.finditer(markdown)}:
        forms += [rf"!\[([^\]\n]*)\]\[\s*{label}\s*\]", rf"!\[({label})\](?:\[\])?(?![\[(])"]
    image = re.compile("|".join(f"(?:{form})" for form in forms), re.IGNORECASE)
    lines = markdown.split("\n")
    code = code_lines(lines)
    for index, line in enumerate(lines):
        if index in code or (src not in line and "![" not in line):
            continue
        found = list(image.finditer(masked(line)))  # positions hold: masking keeps the length
        for match in reversed(found):
            text = line[match.start():match.end()]
            alt = next((group for group in match.groups() if group is not None), "") if text.startswith("!") \
                else alt_of(text)
            line = line[:match.start()] + change(text, alt) + line[match.end():]
        lines[index] = line
    return "\n".join(lines)


def alt_of(tag: str) -> str:
    found = re.search(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", tag, re.IGNORECASE)
    return next(filter(None, found.groups()), "") if found else ""


def problem(folder: Path, image: Image) -> str | None:
    """Why the file cannot be copied into the site, or None when it can."""
    file = folder / image.path
    if image.path.startswith(("/", "../")) or image.path == "..":
        return "image outside the source folder: not copied"
    if file.suffix.lower() == ".svg":
        return "SVG image not copied (it can hold scripts)"
    if file.suffix.lower() not in PICTURES:
        return "not a picture (.png, .jpg, .gif, .webp)"
    try:
        if "\x00" in image.path or not file.resolve().is_relative_to(folder.resolve()):
            return "image outside the source folder: not copied"
        if not file.is_file():
            return "image not found next to the document"
        if file.stat().st_size > MAX_BYTES:
            return f"image larger than {MAX_BYTES:,} bytes: not copied"
        with open(file, "rb") as picture:
            head = picture.read(4)
    except (OSError, ValueError) as err:
        return f"image cannot be read: {getattr(err, 'strerror', None) or err}"
    return None if head.startswith(PICTURES[file.suffix.lower()]) else "not the picture its name says"
