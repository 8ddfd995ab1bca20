"""Front matter, inline text and anchors, written the same way by every emitter."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from ..sources import slugify

INLINE_MARKUP = re.compile(r"([\\`*_\[\]<>#|])")
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml when present: same output, faster


# Search: a page listing other pages' titles (a source index, the topic index) ranks below the
# pages themselves. Topic pages keep the default: at 0.5 a topic's name found its page in the
# top 3 for 40% of topics instead of 95%, and one more concept query found its page first
# (`make search-check`).
SEARCH_LISTING = {"boost": 0.2}


def front_matter(data: dict) -> str:
    return f"---\n{dump(data)}---\n"


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
