"""Numbers and paths over whole documents: kept, new, moved, removed."""

from __future__ import annotations

import re
from dataclasses import replace

from converter.identity.assign import identify
from converter.identity.registry import Registry, dump
from converter.identity.rules import IdentityRules
from helpers import convert

RULES = IdentityRules(stop_words=frozenset({"what", "is", "a", "the", "how", "and"}))
ANSWERS = {
    "A": "Attention weighs every token against every other token to build contextual vectors.",
    "B": "Dropout zeroes random activations during training so units cannot co-adapt.",
    "C": "Quantization stores weights in fewer bits, shrinking memory and speeding inference.",
}


def book(*questions: tuple[str, str]) -> bytes:
    body = "".join(f"## {n}. {title}\n\n{ANSWERS[key]}\n\n" for n, (title, key) in enumerate(questions, 1))
    return f"# Notes\n\n{body}".encode()


def run(data: bytes, registry: Registry = Registry(), failed: bool = False):
    document = convert(data, "notes.md")[0]
    if failed:
        document = replace(document, entries=[], failed=True)
    result = identify([document], registry, RULES)
    return document, result


def test_first_run_numbers_in_order_and_second_run_changes_nothing():
    document, first = run(book(("What is attention?", "A"), ("What is dropout?", "B")))
    assert [(e.qid, e.path) for e in document.entries] == [(1, "notes/what-is-attention.md"),
                                                           (2, "notes/what-is-dropout.md")]
    assert first.registry.next == 3 and first.removed == ()
    again = run(book(("What is attention?", "A"), ("What is dropout?", "B")), first.registry)[1]
    assert again.registry == first.registry


def test_the_registry_holds_no_word_of_the_questions_or_answers():
    text = dump(run(book(("What is attention?", "A"), ("What is dropout?", "B")))[1].registry).split("entries:")[1]
    words = {w for answer in ANSWERS.values() for w in answer.casefold().split()} | {"attention", "dropout"}
    assert "notes/what-is-attention" in text  # slugs are kept, by design
    assert not [w for w in words if len(w) > 3 and re.search(rf"(?<![-/\w]){re.escape(w.strip('.'))}(?![-\w])", text)]


def test_a_renamed_entry_keeps_its_number_and_remembers_its_old_path():
    first = run(book(("What is attention?", "A"), ("What is dropout?", "B")))[1]
    document, second = run(book(("What is attention?", "A"), ("Why drop activations at random?", "B")), first.registry)
    assert [(e.qid, e.path) for e in document.entries][1] == (2, "notes/why-drop-activations-at-random.md")
    assert second.registry.entries[1].was == ("notes/what-is-dropout",)


def test_same_titled_pages_keep_their_suffixes_when_one_is_inserted_above():
    first_doc, first = run(book(("What is attention?", "A"), ("What is attention?", "B")))
    assert [e.path for e in first_doc.entries] == ["notes/what-is-attention.md", "notes/what-is-attention-2.md"]
    document, _ = run(book(("What is attention?", "C"), ("What is attention?", "A"), ("What is attention?", "B")),
                      first.registry)
    assert [(e.qid, e.path) for e in document.entries] == [
        (3, "notes/what-is-attention-3.md"), (1, "notes/what-is-attention.md"), (2, "notes/what-is-attention-2.md")]


def test_a_deleted_entry_is_removed_with_its_nearest_questions_and_its_number_is_not_reused():
    first = run(book(("What is attention?", "A"), ("What is dropout?", "B"), ("What is quantization?", "C")))[1]
    document, second = run(book(("What is attention?", "A"), ("What is quantization?", "C")), first.registry)
    assert [r.record.n for r in second.removed] == [2]
    assert second.registry.removed[0].path == "notes/what-is-dropout"
    assert second.registry.next == 4
    third = run(book(("What is attention?", "A"), ("What is quantization?", "C"), ("What is LoRA?", "A")),
                second.registry)[0]
    assert third.entries[2].qid == 4


def test_a_restored_entry_gets_its_number_back():
    first = run(book(("What is attention?", "A"), ("What is dropout?", "B")))[1]
    second = run(book(("What is attention?", "A")), first.registry)[1]
    document, third = run(book(("What is attention?", "A"), ("What is dropout?", "B")), second.registry)
    assert document.entries[1].qid == 2 and third.removed == () and third.registry.removed == ()


def test_a_document_that_failed_to_read_loses_nothing():
    first = run(book(("What is attention?", "A"), ("What is dropout?", "B")))[1]
    _, second = run(b"", first.registry, failed=True)
    assert second.removed == () and second.registry.entries == first.registry.entries
