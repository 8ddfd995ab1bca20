import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from converter import emit
from converter.emit import tree
from converter.emit.indexes import tag_usage, topic_page
from converter.emit.site import counts, navigation
from converter.enrich.tags import Group, Tag, Vocabulary
from converter.model import Attribution, Document, Drop, Entry, Library, Source, Summary
from helpers import SETTINGS

VOCABULARY = Vocabulary(groups=(Group("core", "Core"),), tags=(
    Tag("basics", "Basics", "core", "The basics.", keywords=("thing",)),
    Tag("depth", "In depth", "core", "Deeper.", keywords=("deep",))))

SOURCE = Source(file="book.md", slug="book", title="A Book", attribution=Attribution("Ann Author", "https://example.org/book"))


def sample(**changes) -> Document:
    """A one-question document; ``changes`` to its entry, as the enrich steps would make them."""
    document = Document(source=SOURCE, pattern="q_number")
    document.entries.append(replace(Entry("question", "What is X?", "What is _X_?", "X is a thing.", 4, 9, 1, "Q1.",
                                          "Basics", "what-is-x", "book/what-is-x.md"), **changes))
    document.drops.append(Drop(0, "# A Book", "front matter before the first question"))
    document.warnings.append("line 3: something odd")
    return document


def test_page_has_front_matter_and_body():
    text = emit.render_page(sample().entries[0], sample())
    _, front, body = text.split("---\n", 2)
    data = yaml.safe_load(front)
    assert data["title"] == "What is X?" and data["chapter"] == "Basics" and data["number"] == 1
    assert data["lines"] == [5, 9] and data["marker"] == "Q1." and data["question"] == "What is _X_?"
    # what the theme draws the strip under the title from (overrides/partials/qa-meta.html)
    assert (data["source"], data["source_title"], data["chapter_anchor"]) == ("book", "A Book", "basics")
    assert "language" not in data and "notebook" not in data and "qid" not in data
    heading, answer = body.strip().split("\n\n")
    assert heading == "# What is X?" and answer == "X is a thing."


def test_page_front_matter_carries_tags_description_and_language():
    document = sample(tags=("basics",), description="X is a thing.", language="hinglish")
    entry = document.entries[0]
    data = yaml.safe_load(emit.render_page(entry, document, VOCABULARY).split("---\n", 2)[1])
    assert data["tags"] == ["Basics"] and data["description"] == "X is a thing." and data["language"] == "hinglish"


def test_hinglish_page_has_english_summary_then_question():
    document = sample(statement="Some premise. What is X?", language="hinglish",
                      summary=Summary("digest", "- **Privacy**\n    - **Data**"))
    entry = document.entries[0]
    _, front, body = emit.render_page(entry, document).split("---\n", 2)
    assert yaml.safe_load(front)["language"] == "hinglish"  # the theme's badge
    quote, summary = body.index("> Some premise"), body.index('!!! abstract "English digest (automatic)"')
    assert summary < quote < body.index("X is a thing.")  # the English first: on a phone, on the first screen
    assert "\n    - **Privacy**\n        - **Data**\n" in body and "nobody has written" in body


def test_own_summary_is_titled_in_short():
    document = sample(language="hinglish", summary=Summary("own", "In short, X is a thing."))
    entry = document.entries[0]
    body = emit.render_page(entry, document)
    assert '!!! abstract "In short (English)"\n\n    In short, X is a thing.' in body


def test_a_page_with_a_notebook_names_it_for_the_theme():
    text = emit.render_page(sample().entries[0], sample(), notebook=True)
    assert yaml.safe_load(text.split("---\n", 2)[1])["notebook"] == "what-is-x"


def test_long_statement_is_quoted_above_the_answer():
    document = sample(statement="Some premise. What is X?")
    body = emit.render_page(document.entries[0], document).split("---\n", 2)[2]
    assert "\n\n> Some premise. What is X?\n\n" in body


def test_report_has_the_documented_shape():
    data = emit.report([sample()])
    assert data == {
        "documents": [{"file": "book.md", "pattern": "q_number", "structure": "", "confidence": None,
                       "chapters": [],
                       "entries": [{"title": "What is X?", "path": "book/what-is-x.md", "lines": [5, 9]}],
                       "warnings": ["line 3: something odd"]}],
        "dropped": [{"file": "book.md", "line": 1, "text": "# A Book",
                     "reason": "front matter before the first question"}],
        "changed": [],
    }


def test_index_lists_chapters_questions_and_attribution():
    index = emit.render_index(sample())
    assert "**Author:** Ann Author" in index and "**Origin:** <https://example.org/book>" in index
    assert "1 question in 1 chapter." in index
    assert "## Basics { #basics }" in index and "- Q1 [What is X?](what-is-x.md)" in index


def test_write_tree_replaces_the_output_whole(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.md").write_text("old")
    emit.write_tree(out, {"a/b.md": "new"}, {"documents": [], "dropped": []}, None)
    assert (out / "a" / "b.md").read_text() == "new"
    assert not (out / "stale.md").exists()
    assert json.loads((out / "report.json").read_text()) == {"documents": [], "dropped": []}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_rebuild_links_unchanged_files_and_writes_the_rest(tmp_path):
    out, manifest, report = tmp_path / "out", tmp_path / "cache" / "written.json", {"documents": []}
    emit.write_tree(out, {"a/same.md": "same", "a/edited.md": "before", "touched.md": "mine", "gone.md": "x"},
                    report, None, manifest)
    inode = {name: (out / name).stat().st_ino for name in ("a/same.md", "a/edited.md", "touched.md")}
    (out / "touched.md").write_text("hand-edited")  # not as the last run wrote it: written again
    emit.write_tree(out, {"a/same.md": "same", "a/edited.md": "after", "touched.md": "mine"}, report, None, manifest)
    assert {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.md")} == {
        "a/same.md": "same", "a/edited.md": "after", "touched.md": "mine"}
    assert (out / "a/same.md").stat().st_ino == inode["a/same.md"]
    assert (out / "a/edited.md").stat().st_ino != inode["a/edited.md"]
    assert (out / "touched.md").stat().st_ino != inode["touched.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "out"]


def test_a_change_to_a_file_of_every_page_rewrites_every_page(tmp_path):
    out, manifest = tmp_path / "out", tmp_path / "written.json"
    site = {"nav.yml": "- a.md\n", "a.md": "same", "b.md": "same", "cards/a.png": b"\x89PNG a", "n/a.ipynb": "{}"}
    emit.write_tree(out, site, {}, None, manifest, ("nav.yml",))
    inode, picture, book = ((out / name).stat().st_ino for name in ("a.md", "cards/a.png", "n/a.ipynb"))
    emit.write_tree(out, {**site, "b.md": "edited"}, {}, None, manifest, ("nav.yml",))
    assert (out / "a.md").stat().st_ino == inode  # the navigation is the same: linked
    emit.write_tree(out, {**site, "nav.yml": "- a.md\n- c.md\n", "c.md": "new"}, {}, None, manifest, ("nav.yml",))
    assert (out / "a.md").stat().st_ino != inode and (out / "a.md").read_text() == "same"
    assert (out / "cards/a.png").stat().st_ino == picture  # no page's rendering reads it: linked
    assert (out / "n/a.ipynb").stat().st_ino != book  # a notebook is rendered as a page, with the navigation


def test_a_kept_file_is_linked_from_where_it_is_kept_and_never_read(tmp_path, monkeypatch):
    out, manifest, kept = tmp_path / "out", tmp_path / "written.json", tmp_path / "cache" / "key1.png"
    kept.parent.mkdir()
    kept.write_bytes(b"\x89PNG one")

    def opened(path, *args, **kwargs):
        assert "cache" not in str(path), f"{path} was read"
        return open(path, *args, **kwargs)
    monkeypatch.setattr(tree, "open", opened, raising=False)
    monkeypatch.setattr(Path, "read_bytes", lambda path: opened(path, "rb").read())
    monkeypatch.setattr(tree.shutil, "copyfile", lambda source, target: opened(source))
    emit.write_tree(out, {"a.md": "page", "cards/a.png": kept}, {}, None, manifest)
    assert (out / "cards/a.png").stat().st_ino == kept.stat().st_ino
    kept.unlink()  # the cache forgets it: the tree keeps its link, and the next run links that
    emit.write_tree(out, {"a.md": "page", "cards/a.png": kept}, {}, None, manifest)
    assert (out / "cards/a.png").read_bytes() == b"\x89PNG one"
    other = tmp_path / "cache" / "key2.png"  # another card: linked from its own file
    other.write_bytes(b"\x89PNG two")
    emit.write_tree(out, {"a.md": "page", "cards/a.png": other}, {}, None, manifest)
    assert (out / "cards/a.png").read_bytes() == b"\x89PNG two"


def test_without_a_readable_manifest_every_file_is_written(tmp_path):
    out, manifest = tmp_path / "out", tmp_path / "written.json"
    emit.write_tree(out, {"a.md": "same"}, {}, None, manifest)
    inode = (out / "a.md").stat().st_ino
    manifest.write_text("not json")
    emit.write_tree(out, {"a.md": "same"}, {}, None, manifest)
    assert (out / "a.md").stat().st_ino != inode and (out / "a.md").read_text() == "same"


def test_failed_write_leaves_previous_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "kept.md").write_text("old")
    with pytest.raises(TypeError):
        emit.write_tree(out, {"a.md": None}, {}, None)
    assert (out / "kept.md").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_titles_are_escaped_in_headings_and_links():
    document = sample(title="Why does `<UNK>` use *stars* and [brackets]?")
    heading = emit.render_page(document.entries[0], document).split("---\n", 2)[2].strip().splitlines()[0]
    assert heading == r"# Why does \`\<UNK\>\` use \*stars\* and \[brackets\]?"
    assert r"[Why does \`\<UNK\>\` use \*stars\* and \[brackets\]?](what-is-x.md)" in emit.render_index(document)


def test_topic_pages_list_questions_by_source():
    document = sample(tags=("basics",))
    files = emit.files_for([document], replace(SETTINGS, vocabulary=VOCABULARY, glossary=None))
    page = files["topics/basics.md"]
    assert "# Basics" in page and "The basics." in page and "1 page from 1 source." in page
    assert "## A Book <small>1</small> { #book }" in page
    assert "- [What is X?](../book/what-is-x.md) <small>Basics · Q1</small>" in page
    assert "Start here" not in page  # no title names the topic
    assert "topics/depth.md" not in files  # no page for an unused tag
    index = files["topics/index.md"]
    assert '- [Basics](basics.md) <span class="qa-topic-count">1</span>' in index
    assert '<span class="qa-topic-description">The basics.</span>' in index
    assert "What is X?" not in index  # each topic's page lists its pages, not the index


def test_a_topic_page_starts_with_the_definitions_that_name_it():
    vocabulary = replace(VOCABULARY, basics=("what is",))
    basics = vocabulary.by_id()["basics"]  # its keyword: "thing"
    document = sample(tags=("basics",))
    entries = [replace(document.entries[0], title=title, path=f"book/{n}.md", tags=("basics",))
               for n, title in enumerate(["How to use a thing?", "What is a thing?", "What is Y?", "Things explained"])]
    page = topic_page(basics, [(document, e) for e in entries], vocabulary.basics, frozenset({"book/3.md"}))
    start = page.split("## Start here { #start-here }", 1)[1].split("\n## ", 1)[0]
    assert [line.split("]")[0] for line in start.split("\n") if line.startswith("- ")] == \
        ["- [Things explained", "- [What is a thing?"]  # the glossary's page first, then a definition
    assert "## A Book <small>4</small> { #book }" in page


def test_navigation_goes_topics_then_sources_by_chapter():
    document = sample(tags=("basics",))
    nav = yaml.safe_load(navigation([document], VOCABULARY, tag_usage([document]), "library"))
    assert nav == [
        {"Topics": ["library/topics/index.md", {"Core": [{"Basics": "library/topics/basics.md"}]}]},
        {"Library": [{"A Book": ["library/book/index.md", {"Basics": [{"What is X?": "library/book/what-is-x.md"}]}]}]},
    ]


def shelf_document(title: str, shelf: str) -> Document:
    slug = title.lower()
    document = Document(source=Source(file=f"{slug}.md", slug=slug, title=title, shelf=shelf), pattern="q_number")
    document.entries.append(Entry("question", "Q?", "Q?", "A.", 1, 2, 1, "Q1.", None, "q", f"{slug}/q.md"))
    return document


def test_a_library_longer_than_flat_up_to_is_listed_by_shelf_in_shelf_order():
    documents = [shelf_document("N1", "Notes"), shelf_document("B1", "Books"), shelf_document("X", ""),
                 shelf_document("N2", "Notes")]
    library = Library(shelves=("Books", "Notes", "Empty"), flat_up_to=3)
    nav = yaml.safe_load(navigation(documents, None, tag_usage(documents), "library", shelving=library))
    shelves = nav[0]["Library"]
    assert [next(iter(shelf)) for shelf in shelves] == ["Books", "Notes", "Other sources"]
    assert [next(iter(s)) for s in shelves[1]["Notes"]] == ["N1", "N2"]
    assert shelves[0]["Books"] == [{"B1": ["library/b1/index.md", {"Q?": "library/b1/q.md"}]}]
    flat = yaml.safe_load(navigation(documents, None, tag_usage(documents), "library",
                                     shelving=Library(shelves=("Books", "Notes"), flat_up_to=4)))
    assert [next(iter(s)) for s in flat[0]["Library"]] == ["N1", "B1", "X", "N2"]


def test_a_shelf_longer_than_flat_up_to_is_listed_in_parts_of_that_many_sources():
    documents = [shelf_document(f"B{n}", "Books") for n in range(1, 6)] + [shelf_document("N1", "Notes")]
    library = Library(shelves=("Books", "Notes"), flat_up_to=2)
    shelves = yaml.safe_load(navigation(documents, None, tag_usage(documents), "library", shelving=library))[0]["Library"]
    parts = shelves[0]["Books"]
    assert [next(iter(part)) for part in parts] == ["Books 1–2", "Books 3–4", "Books 5"]
    assert [next(iter(s)) for s in parts[1]["Books 3–4"]] == ["B3", "B4"]
    assert [next(iter(s)) for s in shelves[1]["Notes"]] == ["N1"]


def test_home_counts():
    document = sample(language="hinglish", tags=("basics",))
    html = counts([document], tag_usage([document]))
    assert "<strong>1</strong> questions" in html and "<strong>1</strong> Hinglish answers" in html
    assert "<strong>1</strong> topics" in html and "<strong>1</strong> sources" in html
    assert '<a class="qa-count" href="topics/"><strong>1</strong> topics</a>' in html  # each card leads somewhere
    assert '<a class="qa-count" href="#browse-by-source"><strong>1</strong> questions</a>' in html
    tagged = sample(language="hinglish", tags=("basics", "hinglish"))
    assert 'href="topics/hinglish/"><strong>1</strong> Hinglish answers' in counts([tagged], tag_usage([tagged]))


def test_the_new_tree_is_exchanged_with_the_old_in_one_step(tmp_path, monkeypatch):
    out = tmp_path / "out"
    emit.write_tree(out, {"a.md": "old"}, {}, None)
    renames = []
    monkeypatch.setattr(tree.Path, "rename", lambda self, target: renames.append((self, target)))
    emit.write_tree(out, {"a.md": "new"}, {}, None)
    assert renames == [] and (out / "a.md").read_text() == "new"  # no moment without a tree at out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_without_an_exchange_a_tree_set_aside_by_a_killed_run_is_put_back(tmp_path, monkeypatch):
    out = tmp_path / "out"
    emit.write_tree(out, {"a.md": "old"}, {}, None)
    monkeypatch.setattr(tree, "exchanged", lambda a, b: False)
    real_rename = tree.Path.rename

    def killed_after_the_first(self, target):
        real_rename(self, target)
        if ".old-" in target.name:
            raise KeyboardInterrupt  # killed between the two renames
    monkeypatch.setattr(tree.Path, "rename", killed_after_the_first)
    with pytest.raises(KeyboardInterrupt):
        emit.write_tree(out, {"a.md": "new"}, {}, None)
    monkeypatch.setattr(tree.Path, "rename", real_rename)
    assert not out.exists()
    tree.recover(out.resolve())
    assert (out / "a.md").read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_trees_left_by_killed_runs_are_removed(tmp_path):
    out = tmp_path / "out"
    for leftover in (".out.k2j3h4", ".out.old-4242"):
        (tmp_path / leftover / "x").mkdir(parents=True)
    (tmp_path / ".other").mkdir()
    emit.write_tree(out, {"a.md": "new"}, {}, None)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other", "out"]


def test_a_second_converter_waits_for_the_first(tmp_path):
    out, events = tmp_path / "out", []

    def first():
        with emit.output_lock(out, lambda: events.append("first waited")):
            events.append("first holds")
            time.sleep(0.5)
            events.append("first done")
    holder = threading.Thread(target=first)
    holder.start()
    while "first holds" not in events:
        time.sleep(0.01)
    with emit.output_lock(out, lambda: events.append("second waits")):
        events.append("second holds")
    holder.join()
    assert events == ["first holds", "second waits", "first done", "second holds"]


def test_a_kept_file_on_another_file_system_is_copied(tmp_path, monkeypatch):
    kept = tmp_path / "key.png"
    kept.write_bytes(b"\x89PNG one")

    def cross_device(source, target):
        raise OSError(18, "Invalid cross-device link")
    monkeypatch.setattr(tree.os, "link", cross_device)
    emit.write_tree(tmp_path / "out", {"cards/a.png": kept}, {}, None)
    assert (tmp_path / "out/cards/a.png").read_bytes() == b"\x89PNG one"
    assert (tmp_path / "out/cards/a.png").stat().st_ino != kept.stat().st_ino
