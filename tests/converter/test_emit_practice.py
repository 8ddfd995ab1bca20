"""What practice mode reads: every page with the sets it belongs to, keyed for good."""

import json
from dataclasses import replace

from converter.emit.practice import practice_data, practice_json
from converter.enrich.tags import Group, Tag, Vocabulary
from converter.model import Attribution, Document, Entry, Source

VOCABULARY = Vocabulary(groups=(Group("core", "Core"),), tags=(
    Tag("basics", "Basics", "core", "The basics.", keywords=("thing",)),
    Tag("unused", "Unused", "core", "Nobody.", keywords=("none",))))
SOURCE = Source(file="book.md", slug="book", title="A Book", attribution=Attribution("", ""))


def entry(title: str, slug: str, chapter: str | None, qid: int | None, tags=("basics",)) -> Entry:
    return replace(Entry("question", title, title, "Answer.", 1, 2, 1, "Q1.", chapter, slug, f"book/{slug}.md"),
                   qid=qid, tags=tags)


def book() -> Document:
    document = Document(source=SOURCE, pattern="q_number")
    document.entries += [entry("What is X?", "what-is-x", "Fine Tuning", 7),
                         entry("What is Y?", "what-is-y", "Fine Tuning", None, ()),
                         entry("Why Z?", "why-z", "Other Things", 9)]
    return document


def test_pages_come_in_reading_order_with_their_source_chapter_and_topics():
    data = practice_data([book()], VOCABULARY, {"basics"})
    assert data["pages"] == [["q7", "book/what-is-x/", "What is X?", "book", "fine-tuning", ["basics"]],
                             ["book/what-is-y", "book/what-is-y/", "What is Y?", "book", "fine-tuning", []],
                             ["q9", "book/why-z/", "Why Z?", "book", "other-things", ["basics"]]]


def test_a_page_is_kept_under_its_permanent_number_so_a_new_title_keeps_its_mark():
    renamed = book()
    renamed.entries[0] = replace(renamed.entries[0], title="What exactly is X?", slug="what-exactly-is-x",
                                 path="book/what-exactly-is-x.md")
    before, after = (practice_data([d], None, set())["pages"][0] for d in (book(), renamed))
    assert before[0] == after[0] == "q7" and before[1] != after[1]


def test_sources_list_their_chapters_and_only_topics_in_use_are_listed():
    data = json.loads(practice_json([book()], VOCABULARY, {"basics"}))
    assert data["sources"] == [{"id": "book", "title": "A Book", "url": "book/",
                                "chapters": [["fine-tuning", "Fine Tuning"], ["other-things", "Other Things"]]}]
    assert data["topics"] == [{"id": "basics", "title": "Basics", "url": "topics/basics/"}]
