"""written: reviewed English summaries and titles, stale when their answer changes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from converter.enrich.language import HINGLISH
from converter.enrich.summary import first_sentence
from converter.enrich.written import STALE, WRITTEN, apply_written, fingerprint, written_of
from converter.model import Document, Entry, Source, Written

ROOT = Path(__file__).resolve().parents[3]
ANSWER = "Tokenization ka matlab hai text ko\npieces mein todna.\n{: lang=\"hi-Latn\" }"


def document(*entries: Entry) -> Document:
    return Document(Source("doc.md", "Doc", "doc"), None, entries=list(entries))


def entry(qid: int, body: str = ANSWER, title: str = "What is it?") -> Entry:
    return Entry("question", title, title, body, 0, 1, qid=qid, path=f"doc/{qid}.md", language=HINGLISH)


def test_the_fingerprint_follows_the_words_not_the_layout_or_the_marks():
    assert fingerprint(ANSWER) == fingerprint("Tokenization ka matlab hai text ko pieces\n\nmein todna.")
    assert fingerprint(ANSWER) != fingerprint(ANSWER.replace("pieces", "parts"))


def test_a_fresh_summary_and_its_title_are_shown():
    doc = document(entry(3))
    review = apply_written([doc], (Written(3, fingerprint(ANSWER), "It splits text. More.", "Tokens?"),))
    page = doc.entries[0]
    assert page.summary.kind == WRITTEN and page.summary.markdown == "It splits text. More."
    assert page.title == "Tokens?" and page.statement == "What is it?"
    assert page.description == "It splits text."
    assert review.stale == () and review.missing == () and review.orphaned == ()


def test_an_edited_answer_makes_its_summary_stale_but_still_shown():
    doc = document(entry(3, ANSWER.replace("pieces", "parts")))
    review = apply_written([doc], (Written(3, fingerprint(ANSWER), "It splits text."),))
    page = doc.entries[0]
    assert page.summary.kind == STALE and page.summary.markdown == "It splits text."
    assert review.stale == ((3, "doc/3.md", fingerprint(page.body)),)
    assert "earlier version" in review.warnings()[0] and fingerprint(page.body) in review.warnings()[0]


def test_a_summary_whose_entry_is_gone_is_a_warning_and_an_unsummarised_answer_is_listed():
    review = apply_written([document(entry(4))], (Written(9, "0" * 12, "Gone."),))
    assert review.orphaned == (9,) and "/q/9/" in review.warnings()[0]
    assert review.missing == ((4, "doc/4.md", fingerprint(ANSWER)),)
    assert review.as_report()["missing"] == [{"qid": 4, "path": "doc/4.md", "answer": fingerprint(ANSWER)}]


def test_an_english_page_without_a_summary_is_not_missing_one():
    page = replace(entry(5), language="en")
    assert apply_written([document(page)], ()).missing == ()


@pytest.mark.parametrize("raw", [
    {"summaries": {"seven": {"answer": "ab", "summary": "x"}}},  # not a permanent number
    {"summaries": {7: {"summary": "x"}}},  # no fingerprint
    {"summaries": {7: {"answer": "ab"}}},  # neither summary nor title
    {"summaries": {7: "just text"}},
])
def test_a_bad_entry_is_named(raw):
    with pytest.raises(ValueError, match="summaries.yml"):
        written_of(raw, "summaries.yml")


def test_the_projects_summaries_are_well_formed():
    raw = yaml.safe_load((ROOT / "tools" / "data" / "summaries.yml").read_text(encoding="utf-8"))
    written = written_of(raw, "summaries.yml")
    assert len(written) >= 26
    for item in written:
        sentences = [s for s in item.summary.replace("e.g.", "eg").split(". ") if s]
        assert 3 <= len(sentences) <= 6, item.qid
        assert not item.title or (item.title.endswith("?") and len(item.title) <= 150), item.qid
        preview = first_sentence(item.summary)  # the page's description: a whole sentence that fits
        assert preview.endswith(".") and 70 <= len(preview) <= 200, (item.qid, preview)
