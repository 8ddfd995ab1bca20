"""Front matter, inline text and anchors, written the same way by every emitter."""

from __future__ import annotations

import json
import re
from functools import lru_cache

import yaml
from pymdownx.snippets import SnippetPreprocessor

from ..slugs import slugify

INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>#|])")
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster


# Search: a page listing other pages' titles (a source index, the topic index) ranks below the
# pages themselves. Topic pages keep the default: at 0.5 a topic's name found its page in the
# top 3 for 40% of topics instead of 95%, and one more concept query found its page first
# (`make search-check`).
SEARCH_LISTING = {"boost": 0.2}


def inert_snippets(text: str) -> str:
    """A generated page whose lines pymdownx.snippets would act on made plain text again.

    Snippets reads every page before Markdown does, code blocks included: ``--8<-- "file"``
    would put another file of the site into the page raw, a lone ``--8<--`` would start a block
    of file names (and stop the build at the first that does not exist), and ``--8<--
    [start:name]`` would be deleted. A document quoting that syntax means it as text; a ``;``
    before the marker is snippets' own escape, which it removes. The extension's own patterns
    decide, so the two always agree. The front matter is left alone."""
    if "8<" not in text:
        return text
    head, fence, body = text.partition("\n---\n") if text.startswith("---\n") else ("", "", text)
    if not fence:
        head, body = "", text
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if "8<" not in line:
            continue
        snippet = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        section = None if snippet else SnippetPreprocessor.RE_SNIPPET_SECTION.match(line)
        at = len(snippet.group("space")) if snippet else len(section.group("pre")) if section else None
        if at is not None:
            lines[number] = f"{line[:at]};{line[at:]}"
    return head + fence + "\n".join(lines)


def front_matter(data: dict) -> str:
    """YAML written directly, not by ``yaml.dump`` (a third of the time spent emitting pages): a
    mapping of strings, numbers, booleans, lists and mappings; every string double-quoted."""
    return "---\n" + "".join(entries(data, "")) + "---\n"


def entries(data: dict, indent: str):
    for key, value in data.items():
        if isinstance(value, dict) and value:
            yield f"{indent}{key_of(key)}:\n"
            yield from entries(value, indent + "  ")
        else:
            yield f"{indent}{key_of(key)}: {scalar(value)}\n"


PLAIN_KEY = re.compile(r"[a-z_]+\Z")
# What YAML reads raw inside double quotes: printable characters but its line breaks (NEL and the
# Unicode line and paragraph separators, which it would fold into spaces) and a byte-order mark.
NOT_RAW = re.compile("[^\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]")


def scalar(value) -> str:
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    if isinstance(value, dict):  # inside a list: written inline
        return "{" + ", ".join(f"{key_of(key)}: {scalar(item)}" for key, item in value.items()) + "}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    return quoted(str(value))


def key_of(key: str) -> str:
    return key if PLAIN_KEY.match(key) else quoted(key)


def quoted(text: str) -> str:
    """A double-quoted YAML string: JSON's escapes are YAML's too."""
    return NOT_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def dump(data) -> str:
    return yaml.dump(data, Dumper=DUMPER, sort_keys=False, allow_unicode=True, width=10**9)


@lru_cache(maxsize=1 << 16)
def escape_inline(text: str) -> str:
    """Plain text safe inside a heading or link text: no emphasis, tags or links. Cached: a
    page's title is written again in every list that links to it."""
    return INLINE_MARKUP.sub(r"\\\1", text)


def anchor(text: str) -> str:
    """An explicit heading id: stable, and the same wherever the heading is linked from."""
    return slugify(text)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
