"""The sanitiser: what a reader's browser could run is taken out and reported; what the
corpus legitimately uses, and anything inside code, stays as written."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from converter.sanitise import sanitise
from helpers import convert

WORD = re.compile(r"\w+")
BLOCKED = [
    ("<script>alert(1)</script> after", " after", "<script> element"),
    ('<img src="x.png" onerror="alert(1)" alt="pic">', '<img src="x.png" alt="pic">', "attribute removed from <img>"),
    ('<input onfocus="alert(1)" autofocus>', "", "tag not allowed: <input>"),
    ("[click](javascript:alert(1)) and [ok](https://x.org)", "[click] and [ok](https://x.org)", "unsafe link target"),
    ("[click](JaVaScRiPt:alert(1) 'title')", "[click]", "unsafe link target"),
    ("![pic](data:text/html;base64,PHNjcmlwdD4=)", "![pic]", "unsafe link target"),
    ('<a href="jav&#x61;script:alert(1)">x</a>', "<a>x</a>", "attribute removed from <a>"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "<a>x</a>", "attribute removed from <a>"),
    ("<javascript:alert(1)> <https://fine.org>", " <https://fine.org>", "unsafe link removed"),
    ('Para {: onclick="alert(1)" .cls }', "Para {: .cls }", "attribute list: onclick"),
    ('<iframe src="https://evil.example"></iframe>', "", "<iframe> element"),
    ('<object data="x.swf"></object><embed src="x.swf">', "", "<object> element"),
    ('<div onmouseover="alert(1)">d</div>', "<div>d</div>", "attribute removed from <div>"),
    ('<a href="https://x.org" target="_blank">x</a>', '<a href="https://x.org">x</a>', "attribute removed from <a>"),
    ('<svg onload="alert(1)"><circle/></svg>', "", "<svg> element"),
    ("[ref]: javascript:alert(1)", "", "unsafe link definition"),
    ('<form action="https://evil.example"><input name="q"></form>', "", "tag not allowed: <form>"),
]


@pytest.mark.parametrize("line, expected, reason", BLOCKED)
def test_each_payload_is_taken_out_and_reported(line, expected, reason):
    out, drops = sanitise([line])
    assert out == [expected]
    assert drops and all(d.line == 0 for d in drops) and any(reason in d.reason for d in drops)
    assert not Counter(WORD.findall(line)) - Counter(WORD.findall(expected + " ".join(d.text for d in drops)))


KEPT = [
    "Hello <b>bold</b>, <i>it</i> and <br> a break.",
    '<ul style="list-style-type: none"><li>a</li></ul>',
    "<details open><summary>Show answer</summary>Body.</details>",
    '<a href="https://example.org/x">link</a> and <img src="figure.png" alt="Figure">',
    "Compare x < y and 3 > 2, <https://example.org> and <me@example.org>.",
    "An id and a class: {: #anchor .note } and {: lang=hi-Latn }",
    "`<script>alert(1)</script>` is code, and so is $a<b>c$.",
    "A special token such as '<UNK>' or List<T> is text, escaped later (normalise.code).",
]


@pytest.mark.parametrize("line", KEPT)
def test_what_the_corpus_uses_stays_as_written(line):
    assert sanitise([line]) == ([line], [])


def test_a_link_whose_text_spans_two_lines_still_loses_an_unsafe_target():
    out, drops = sanitise(["[click", "here](javascript:alert(1)) now"])
    assert out == ["[click", "here] now"] and [d.line for d in drops] == [1]


def test_code_blocks_are_never_touched_even_under_an_html_block():
    lines = ['<img src="a.png">', "```html", "<script>alert(1)</script>", "```", "",
             "    <script>indented</script>"]
    assert sanitise(lines) == (lines, [])


def test_code_is_found_when_a_line_above_it_needs_a_change():
    lines = ["<script>x</script> text", "```", "<script>kept</script>", "```", "<b onclick=go()>b</b>"]
    out, drops = sanitise(lines)
    assert out == [" text", "```", "<script>kept</script>", "```", "<b>b</b>"]
    assert [d.line for d in drops] == [0, 0, 4]  # the element, then its content


def test_an_element_removed_with_its_content_keeps_every_line_and_reports_each():
    lines = ["Before", "<style>", "body { display: none }", "</style> after", "<!-- note", "still note --> seen"]
    out, drops = sanitise(lines)
    assert out == ["Before", "", "", " after", "", " seen"]
    assert [d.line for d in drops] == [1, 2, 3, 4, 4, 5]
    assert "body { display: none }" in [d.text for d in drops]


HOSTILE = Path(__file__).resolve().parents[1] / "fixtures" / "hostile" / "hostile_html.md"
RUNNABLE = re.compile(r"<(?:script|iframe|object|embed|svg|style|form|button|input)\b|\son\w+\s*=|javascript:|data:text",
                      re.IGNORECASE)


def test_a_hostile_document_converts_to_pages_with_nothing_runnable_and_every_removal_reported():
    document, _ = convert(HOSTILE.read_bytes(), "hostile_html.md")
    for entry in document.entries:
        text = re.sub(r"(?ms)^```.*?^```|`[^`]*`", "", entry.body)
        text = re.sub(r"&lt;[^>]*>", "", text)  # escaped into text: shown, never run
        assert not RUNNABLE.search(text), (entry.title, RUNNABLE.search(text))
    assert any('window.CANARY = "fenced code' in e.body for e in document.entries)  # code stays code
    removed = [d for d in document.drops if d.reason.startswith(("unsafe", "HTML tag not allowed"))]
    assert len(removed) >= 20 and all(d.text.strip() for d in removed)
