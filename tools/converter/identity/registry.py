"""The registry file: each entry's permanent number, its page now, the pages it had
before, and its fingerprints. One line per entry, in number order, so that its diff
reads as "entry 12 moved", "entry 40 was removed", "entry 354 is new"."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..model import RESERVED_FOLDERS
from ..sources import LOADER

HEADER = """\
# Permanent numbers: the short link /q/<n>/ always leads to entry n. Written by the
# converter on every `make site`; commit it with the documents' changes.
# n: the number; path: its page now (<source>/<slug>); was: pages it had before, which
# redirect to it; title, answer: fingerprints (hashes of words, never the text) that
# recognise the entry after edits. Removed entries keep their number: their links lead
# to a page that says so. Numbers are never reused.
"""


@dataclass(frozen=True)
class Record:
    n: int
    path: str  # <source>/<slug>, no .md
    title: str  # fingerprint.title_print
    answer: str  # fingerprint.answer_print
    was: tuple[str, ...] = ()  # earlier paths, oldest first

    @property
    def source(self) -> str:
        return self.path.split("/", 1)[0]


@dataclass(frozen=True)
class Registry:
    next: int = 1
    entries: tuple[Record, ...] = ()
    removed: tuple[Record, ...] = ()


PAGE_PATH = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")  # <source>/<slug>, as slugify makes them


def page_path(value, where: str) -> str:
    """``value`` when it is a page's path: pages are redirected from it and written to it, so
    ``.``, ``../..``, ``q/2`` or ``topics/x`` would turn the site's own pages into redirects
    or write outside the site."""
    text = str(value)
    if not PAGE_PATH.fullmatch(text) or text.split("/")[0] in RESERVED_FOLDERS:
        raise ValueError(f"{where}: {text!r} is not a page path (<source>/<slug>, in lower-case letters, digits "
                         f"and hyphens, and not in {', '.join(RESERVED_FOLDERS)})")
    return text


def record_of(raw, where: str) -> Record:
    if not isinstance(raw, dict) or not isinstance(raw.get("n"), int) or not raw.get("path"):
        raise ValueError(f"{where}: each record needs a number `n` and a `path`")
    where = f"{where}: entry {raw['n']}"
    return Record(raw["n"], page_path(raw["path"], where), str(raw.get("title") or ""), str(raw.get("answer") or ""),
                  tuple(page_path(p, where) for p in raw.get("was") or ()))


def parse(text: str, where: str = "registry.yml") -> Registry:
    """A registry from its YAML text; ValueError naming the problem when it is malformed."""
    try:
        data = yaml.load(text, Loader=LOADER) or {}
    except yaml.YAMLError as err:
        raise ValueError(f"{where}: not valid YAML: {err}") from err
    if not isinstance(data, dict):
        raise ValueError(f"{where}: expected a mapping with `next`, `entries` and `removed`")
    entries = tuple(record_of(r, f"{where}: entries") for r in data.get("entries") or ())
    removed = tuple(record_of(r, f"{where}: removed") for r in data.get("removed") or ())
    numbers = [r.n for r in entries + removed]
    if len(set(numbers)) != len(numbers):
        twice = sorted({n for n in numbers if numbers.count(n) > 1})
        raise ValueError(f"{where}: numbers used twice: {twice}")
    next_number = int(data.get("next") or 1)
    if numbers and next_number <= max(numbers):
        raise ValueError(f"{where}: next ({next_number}) must be above every number in use ({max(numbers)})")
    return Registry(next_number, entries, removed)


def line(record: Record) -> str:
    data = {"n": record.n, "path": record.path, "title": record.title, "answer": record.answer}
    if record.was:
        data["was"] = list(record.was)
    return "- " + yaml.safe_dump(data, default_flow_style=True, sort_keys=False, width=10**9).strip()


def dump(registry: Registry) -> str:
    parts = [HEADER, f"next: {registry.next}", "entries:"]
    parts += [line(r) for r in sorted(registry.entries, key=lambda r: r.n)]
    parts.append("removed:" + ("" if registry.removed else " []"))
    parts += [line(r) for r in sorted(registry.removed, key=lambda r: r.n)]
    return "\n".join(parts) + "\n"
