"""Explicit, stable ids for the headings of a page, so that links keep working.

Python-Markdown's toc numbers repeated headings ``_1``, ``_2`` in page order, so
``page/#training`` points somewhere else once a heading is inserted above it.
Here every heading gets an attr list id (``## Training { #training }``) made from
its own text, then its parent heading's id, then a hash of its own section, and
never from its position. Headings that share a slug all get qualified ids: none of
them owns the plain one, so inserting another above or below renames no one.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import count
from typing import Iterator

from ..markdown import plain_text, tokens_of
from ..slugs import slugify

LINE_END = re.compile(r"(?<=\n)|(?<=\r)(?!\n)")
CLOSING_HASHES = re.compile(r"[ \t]+#+[ \t]*$")
# What Python-Markdown's attr_list takes off the end of a heading (its HEADER_RE).
ATTR_LIST = re.compile(r"[ ]+\{(:?)[ ]*([^}\n ][^\n]*)\}[ ]*$")
ID_IN_ATTRS = re.compile(r"(?:^|\s)(?:#|id=[\"']?)([^\s\"'}]+)")


@dataclass(frozen=True)
class Heading:
    line: int  # the line ending the heading's text: the only line that is edited
    atx: bool
    slug: str
    explicit: str | None  # the id its attr list already gives it
    parent: int | None  # index of the nearest heading of lower level above it
    section: str  # its lines up to the next heading of the same or higher level


HeadingId = tuple[int, str, bool]  # the heading's text line, its new id, whether it is an ATX heading


def heading_ids(markdown: str, reserved: frozenset[str] = frozenset()) -> tuple[HeadingId, ...]:
    """Ids for the headings that have none (``with_ids`` writes them as ``{ #id }``): unique on
    the page and outside ``reserved``."""
    return new_ids(assigned(markdown, reserved))


def text_free_ids(markdown: str, reserved: frozenset[str] = frozenset()) -> tuple[HeadingId, ...] | None:
    """``heading_ids`` when no id is told apart by its section's text, else None. Such ids can be
    found before glossary links are added to the paragraphs (they change no heading line);
    the others must be found on the final text, or published anchors would change."""
    pairs = assigned(markdown, reserved)
    for heading, ident in pairs:
        parent = pairs[heading.parent][1] if heading.parent is not None else None
        if heading.explicit is None and ident not in (heading.slug, f"{parent}-{heading.slug}"):
            return None
    return new_ids(pairs)


def assigned(markdown: str, reserved: frozenset[str]) -> list[tuple[Heading, str]]:
    found = headings(LINE_END.split(markdown))
    return list(zip(found, assign(found, reserved)))


def new_ids(pairs: list[tuple[Heading, str]]) -> tuple[HeadingId, ...]:
    return tuple((h.line, ident, h.atx) for h, ident in pairs if h.explicit is None)


def with_ids(markdown: str, ids: tuple[HeadingId, ...]) -> str:
    if not ids:  # most pages: splitting them into lines was 7% of emitting them
        return markdown
    lines = LINE_END.split(markdown)
    for line, ident, atx in ids:
        lines[line] = with_id(lines[line], ident, atx)
    return "".join(lines)


def headings(lines: list[str]) -> list[Heading]:
    """Every heading markdown-it parses, nested ones included, in page order."""
    tokens = tokens_of("".join(lines))
    spans = [(t.map, int(t.tag[1]), t.markup.startswith("#"), tokens[i + 1].content)
             for i, t in enumerate(tokens) if t.type == "heading_open" and t.map]
    found = []
    for index, ((start, end), level, atx, content) in enumerate(spans):
        attrs = ATTR_LIST.search(content)
        ids = ID_IN_ATTRS.findall(attrs.group(2)) if attrs else []
        parent = next((j for j in range(index - 1, -1, -1) if spans[j][1] < level), None)
        stop = next((s[0][0] for s in spans[index + 1:] if s[1] <= level), len(lines))
        found.append(Heading(
            line=start if atx else end - 2,
            atx=atx,
            slug=slugify(plain_text(content[:attrs.start()] if attrs else content)),
            explicit=ids[-1] if ids else None,
            parent=parent,
            section="".join(lines[start:stop]),
        ))
    return found


def assign(found: list[Heading], reserved: frozenset[str]) -> list[str]:
    """One id per heading: the plain slug for a heading whose slug no other heading shares;
    the rest in page order, so that a parent's id is known before its children need it."""
    ids = [h.explicit for h in found]
    taken = set(reserved) | {i for i in ids if i}
    shared = Counter(h.slug for h in found if h.explicit is None)
    for index, heading in enumerate(found):
        if ids[index] is None and shared[heading.slug] == 1 and heading.slug not in taken:
            ids[index] = heading.slug
            taken.add(ids[index])
    for index, heading in enumerate(found):
        if ids[index] is None:
            parent = ids[heading.parent] if heading.parent is not None else None
            ids[index] = next(c for c in candidates(heading, parent) if c not in taken)
            taken.add(ids[index])
    return ids


def candidates(heading: Heading, parent: str | None) -> Iterator[str]:
    """Qualified by the parent, then by the section's own text. Byte-identical
    sections are told apart last, by how many identical ones come before."""
    if parent:
        yield f"{parent}-{heading.slug}"
    yield f"{heading.slug}-{digest(heading.section)[:4]}"
    yield f"{heading.slug}-{digest(heading.section)[:8]}"
    for n in count(1):
        yield f"{heading.slug}-{digest(f'{heading.section}{n}')[:8]}"


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def with_id(line: str, ident: str, atx: bool) -> str:
    """The heading line with the id in an attr list at its end; the line's indent,
    ``>`` and list markers stay as they are."""
    text = line.rstrip("\r\n")
    ending = line[len(text):]
    text = text.rstrip(" \t")
    if atx:
        text = CLOSING_HASHES.sub("", text)
    attrs = ATTR_LIST.search(text)
    if attrs is None:
        return f"{text} {{ #{ident} }}{ending}"
    colon, inside = attrs.groups()
    return f"{text[:attrs.start()]} {{{colon} #{ident} {inside.strip()} }}{ending}"
