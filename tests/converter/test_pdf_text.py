"""Words a PDF export broke: lost ligatures and line-end hyphens joined where a word list agrees."""

from __future__ import annotations

import pytest

from converter import pdf_text
from helpers import convert



def fixed(line: str) -> str:
    words = pdf_text.english()
    return pdf_text.repaired(line, pdf_text.repairs_in(line, words))


@pytest.mark.parametrize("broken, whole", [
    ("a con dence interval", "a confidence interval"),
    ("the di erent widths", "the different widths"),
    ("2 o spring, each", "2 offspring, each"),
    ("the e ciency of", "the efficiency of"),
    ("you  nd it", "you find it"),
    ("an engi\\- neer", "an engineer"),
    ("more con- dence", "more confidence"),
    ("the most im- portant", "the most important"),
])
def test_a_broken_word_is_joined(broken, whole):
    assert fixed(broken) == whole


@pytest.mark.parametrize("line", [
    "pre- and post-processing",  # a suspended hyphen: 'preand' is no word
    "machine learning of course",  # words that are words
    "the x axis and a b test",  # lone letters that join into nothing
    "kya hai aur kaise",  # Hinglish
    "Big O notation",
])
def test_text_that_is_not_broken_is_left_alone(line):
    assert fixed(line) == line


def test_one_break_is_not_evidence_of_a_pdf_export():
    words = pdf_text.english()
    assert pdf_text.pdf_repairs(["the di erent widths", "all fine here"], set(), words) == {}
    assert set(pdf_text.pdf_repairs(["the di erent widths", "a con dence interval"], set(), words)) == {0, 1}


def test_the_converter_logs_every_repair_and_leaves_code_alone():
    from pathlib import Path
    raw = (Path(__file__).resolve().parent.parent / "fixtures" / "pdf" / "lost_ligatures_and_hyphens.md").read_bytes()
    document, _ = convert(raw, "lost_ligatures_and_hyphens.md")
    first, second = document.entries
    assert first.title == "How would you explain a confidence interval to an engineer?"
    assert "the different widths reflect the" in first.body and "you find it" in first.body
    assert "more confidence and less precision" in first.body
    assert second.title == "What is the effect of offspring size on the estimate?"
    assert "`di erent`" in second.body and "pre- and post-processing" in second.body
    reasons = {reason for c in document.changes for reason in c.reason.split("; ")}
    assert reasons == {"PDF ligature restored", "word hyphenated at a PDF line end joined"}
    assert sorted(c.line + 1 for c in document.changes) == [1, 3, 4, 5, 7]
