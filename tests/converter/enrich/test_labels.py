"""labels: the document's own labels inside an answer made into one plain label."""

from __future__ import annotations

import pytest

from converter.enrich.labels import LABEL, NUMBER, TITLE, label_rule, relabel
from helpers import PATTERNS, convert

RULE = label_rule("Answer in Hinglish", r"^(?:question\s*{n}\b.*\bsamjhawa\b.*|answer in hinglish)$",
                  r"^(?:question|q)\s*{n}\s*[:.)-]?\s*")


def test_the_documents_labels_become_one():
    body = "## Question 7 ka Samjhawa (Hinglish mein)\n\nMatlab yeh hai.\n\n## Answer in Hinglish\n\nPoints.\n"
    out, edits = relabel(body, 7, RULE)
    assert out == "## Answer in Hinglish\n\nMatlab yeh hai.\n\nPoints.\n"
    assert edits == [("## Question 7 ka Samjhawa (Hinglish mein)", "## Answer in Hinglish", LABEL),
                     ("## Answer in Hinglish", "", LABEL)]


def test_a_number_before_a_topic_leaves_the_topic():
    out, edits = relabel("## Question 26: **Gemma at a glance**\n\nText.", 26, RULE)
    assert out == "## Gemma at a glance\n\nText."
    assert edits[0][2] == NUMBER


def test_an_english_page_keeps_no_label_that_says_hinglish():
    out, edits = relabel("## Overview\n\nText.\n\n## Answer in Hinglish\n\nMore text.", 27, RULE, hinglish=False)
    assert out == "## Overview\n\nText.\n\nMore text." and edits[0][1:] == ("", LABEL)


def test_a_heading_that_repeats_the_title_goes():
    out, edits = relabel("## Question 28: Fine-Tuning Methods\n\nText.", 28, RULE, title="Fine-tuning methods")
    assert out == "Text." and edits[0][2] == TITLE


@pytest.mark.parametrize("body", [
    "## Question 8: another question's number\n\ntext",  # not this entry's number
    "## Answering in Hinglish is hard\n\ntext",
    "```\n## Question 7: in code\n```",
])
def test_other_headings_stay(body):
    assert relabel(body, 7, RULE) == (body, [])


def test_relabelled_in_a_converted_document_and_reported_at_its_line():
    raw = (PATTERNS.parent / "hinglish" / "numbered_answer_labels.md").read_bytes()
    document, _ = convert(raw, "numbered_answer_labels.md")
    first, second = document.entries
    assert "## Answer in Hinglish" in first.body and "Samjhawa" not in first.body
    assert first.body.count("Answer in Hinglish") == 1
    assert "## Embeddings at a glance" in second.body and "### Question 2: inside code stays" in second.body
    reported = {(c.line + 1, c.reason) for c in document.changes if c.reason in (LABEL, NUMBER)}
    assert reported == {(5, LABEL), (9, LABEL), (15, NUMBER)}
