"""The registry file: one readable line per entry, refused when malformed."""

from __future__ import annotations

import pytest

from converter.identity.registry import Record, Registry, dump, parse

A = Record(1, "book/what-is-x", "0a1b 2c3d", "1e" + "0" * 62, ("book/what-was-x",))
B = Record(2, "book/what-is-y", "", "")


def test_dump_is_one_line_per_entry_and_parses_back():
    text = dump(Registry(4, (B, A), (Record(3, "notes/gone", "ffff", ""),)))
    lines = text.splitlines()
    assert lines[lines.index("entries:") + 1].startswith("- {n: 1, path: book/what-is-x")
    assert "was: [book/what-was-x]" in text
    assert parse(text) == Registry(4, (A, B), (Record(3, "notes/gone", "ffff", ""),))


@pytest.mark.parametrize("text, problem", [
    ("next: 3\nentries:\n- {n: 1, path: a/b}\n- {n: 1, path: a/c}\n", "used twice: \\[1\\]"),
    ("next: 1\nentries:\n- {n: 1, path: a/b}\n", "next \\(1\\) must be above"),
    ("entries:\n- {path: a/b}\n", "needs a number"),
    ("entries: [\n", "not valid YAML"),
    ("- 1\n", "expected a mapping"),
    ("next: 3\nentries:\n- {n: 1, path: a/b, was: [.]}\n", "entry 1: '.' is not a page path"),
    ("next: 3\nentries:\n- {n: 1, path: a/b, was: [topics]}\n", "'topics' is not a page path"),
    ("next: 3\nentries:\n- {n: 1, path: a/b, was: [q/2]}\n", "'q/2' is not a page path"),
    ("next: 3\nentries:\n- {n: 1, path: a/b, was: [topics/rag]}\n", "'topics/rag' is not a page path"),
    ("next: 3\nentries:\n- {n: 1, path: a/b, was: [../../..]}\n", "'../../..' is not a page path"),
    ("next: 3\nentries:\n- {n: 1, path: /etc/x}\n", "'/etc/x' is not a page path"),
    ("next: 3\nremoved:\n- {n: 1, path: a/b/c}\n", "removed: entry 1: 'a/b/c' is not a page path"),
])
def test_malformed_registries_are_refused(text, problem):
    with pytest.raises(ValueError, match=problem):
        parse(text, "registry.yml")
