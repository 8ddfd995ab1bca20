"""Synthetic corpora: copies keep every line's shape and the settings follow the words."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from synthetic import Perturbation, copy_name, synthesise  # noqa: E402

DOCUMENT = """# Chapter one

## Question 1: What is positional encoding in transformers?

Answer: positional encoding adds order information. Yeh bahut zaroori hai.

```python
model = load_pretrained("bert")  # comment
```

## Question 2: Why does attention need scaling?

Because dot products grow with dimension.
"""


def settings(folder: Path) -> Path:
    folder.mkdir()
    (folder / "sources.yml").write_text(yaml.safe_dump({"library": {"shelves": ["Notes"]}, "sources": {"doc.md": {
        "title": "Doc", "slug": "doc", "pattern": "topics", "shelf": "Notes",
        "topics": [{"heading": "Question 2: Why does attention need scaling?"}]}}}))
    (folder / "errata.yml").write_text(yaml.safe_dump({"errata": [
        {"find": "dot products grow", "replace": "dot products grow", "files": ["doc.md"]}]}))
    (folder / "cleanup.yml").write_text("label_headings: [answer]\n")
    (folder / "language.yml").write_text("markers: [yeh, bahut, zaroori, hai]\n")
    return folder


def test_a_copy_keeps_every_line_shape_and_swaps_about_a_third_of_the_words():
    words = tuple(sorted({"positional", "encoding", "attention", "scaling", "products", "dimension", "information"}))
    copy = Perturbation(3, words, frozenset({"answer"})).text(DOCUMENT)
    assert Perturbation(0, words, frozenset()).text(DOCUMENT) == DOCUMENT
    assert copy != DOCUMENT
    original, changed = DOCUMENT.splitlines(), copy.splitlines()
    assert len(original) == len(changed)
    shape = lambda line: re.sub(r"[a-z]+", "w", line)  # noqa: E731
    assert [shape(line) for line in original] == [shape(line) for line in changed]  # markers, fences, levels
    assert "## Question 1:" in copy and "```python" in copy and "Answer:" in copy


def test_html_tags_keep_their_names_and_attributes_while_the_words_around_them_swap():
    words = ("list", "none", "style", "type")
    line = '<ul style="list-style-type: none"><li>style is it</li></ul>\n'
    copy = next(p for p in (Perturbation(k, words, frozenset()) for k in range(1, 100)) if p.word("style") != "style")
    assert copy.text(line) == f'<ul style="list-style-type: none"><li>{copy.word("style")} is it</li></ul>\n'


def test_settings_words_are_never_swapped(tmp_path):
    data = settings(tmp_path / "data")
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "doc.md").write_text(DOCUMENT)
    written = synthesise(source, data, tmp_path / "out", 4)
    assert [p.name for p in written] == ["doc.md", "doc-copy01.md", "doc-copy02.md", "doc-copy03.md"]
    for path in written[1:]:
        assert "Yeh bahut zaroori hai." in path.read_text()


def test_each_copy_gets_its_own_source_and_its_settings_follow_its_words(tmp_path):
    data = settings(tmp_path / "data")
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "doc.md").write_text(DOCUMENT)
    synthesise(source, data, tmp_path / "out", 3)
    written = yaml.safe_load((tmp_path / "out" / "data" / "sources.yml").read_text())
    sources = written["sources"]
    assert sorted(sources) == ["doc-copy01.md", "doc-copy02.md", "doc.md"]
    assert written["library"] == {"shelves": ["Notes"]} and sources["doc-copy02.md"]["shelf"] == "Notes"
    assert sources["doc-copy02.md"]["slug"] == "doc-copy02"
    for name, settings_of in sources.items():
        text = (tmp_path / "out" / "corpus" / name).read_text()
        assert settings_of["topics"][0]["heading"] in text
    errata = yaml.safe_load((tmp_path / "out" / "data" / "errata.yml").read_text())["errata"]
    assert {tuple(e["files"]) for e in errata} == {("doc.md",), ("doc-copy01.md",), ("doc-copy02.md",)}
    for erratum in errata:
        assert erratum["find"] in (tmp_path / "out" / "corpus" / erratum["files"][0]).read_text()
    assert copy_name("a.txt", 0) == "a.txt" and copy_name("a.txt", 12) == "a-copy12.txt"
