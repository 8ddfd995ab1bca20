import json

import pytest
import yaml

from converter import emit
from converter.model import Attribution, Document, Drop, Entry, Source

SOURCE = Source(file="book.md", slug="book", title="A Book", attribution=Attribution("Ann Author", "https://example.org/book"))


def sample() -> Document:
    document = Document(source=SOURCE, pattern="q_number")
    document.entries.append(Entry("question", "What is X?", "What is _X_?", "X is a thing.", 4, 9, 1, "Q1.",
                                  "Basics", "what-is-x", "book/what-is-x.md"))
    document.drops.append(Drop(0, "# A Book", "front matter before the first question"))
    document.warnings.append("line 3: something odd")
    return document


def test_page_has_front_matter_and_body():
    text = emit.render_page(sample().entries[0], sample())
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    assert data["title"] == "What is X?" and data["chapter"] == "Basics" and data["number"] == 1
    assert data["lines"] == [5, 9] and data["marker"] == "Q1." and data["question"] == "What is _X_?"
    assert body.strip() == "# What is X?\n\nX is a thing."


def test_long_statement_is_quoted_above_the_answer():
    document = sample()
    document.entries[0].statement = "Some premise. What is X?"
    body = emit.render_page(document.entries[0], document).split("---\n", 2)[2]
    assert body.lstrip().startswith("# What is X?\n\n> Some premise. What is X?")


def test_report_has_the_documented_shape():
    data = emit.report([sample()])
    assert data == {
        "documents": [{"file": "book.md", "pattern": "q_number",
                       "entries": [{"title": "What is X?", "path": "book/what-is-x.md", "lines": [5, 9]}],
                       "warnings": ["line 3: something odd"]}],
        "dropped": [{"file": "book.md", "line": 1, "text": "# A Book",
                     "reason": "front matter before the first question"}],
        "changed": [],
    }


def test_index_lists_chapters_questions_and_attribution():
    index = emit.render_index(sample())
    assert "By Ann Author." in index and "<https://example.org/book>" in index
    assert "## Basics" in index and "- Q1. [What is X?](what-is-x.md)" in index


def test_write_tree_replaces_the_output_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.md").write_text("old")
    emit.write_tree(out, {"a/b.md": "new"}, {"documents": [], "dropped": []}, None)
    assert (out / "a" / "b.md").read_text() == "new"
    assert not (out / "stale.md").exists()
    assert json.loads((out / "report.json").read_text()) == {"documents": [], "dropped": []}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_failed_write_leaves_previous_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.md").write_text("old")
    with pytest.raises(TypeError):
        emit.write_tree(out, {"a.md": None}, {}, None)
    assert (out / "kept.md").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_titles_are_escaped_in_headings_and_links():
    document = sample()
    document.entries[0].title = "Why does `<UNK>` use *stars* and [brackets]?"
    heading = emit.render_page(document.entries[0], document).split("---\n", 2)[2].strip().splitlines()[0]
    assert heading == r"# Why does \`\<UNK\>\` use \*stars\* and \[brackets\]?"
    assert r"[Why does \`\<UNK\>\` use \*stars\* and \[brackets\]?](what-is-x.md)" in emit.render_index(document)
