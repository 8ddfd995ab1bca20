"""Property-based tests: arbitrary text and arbitrary Markdown-like documents never
crash the converter, every word stays accounted for, and a second run agrees."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import convert, lost_words

def examples(count: int):
    """Derandomised, so a run in CI tries the same documents as one on a laptop."""
    return settings(max_examples=count, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

WORDS = st.sampled_from(["attention", "LoRA", "token", "kya", "hai", "model", "RAG", "embedding", "x", "42",
                         "naïve", "â€™", "café", "यह", "_under_", "**bold**", "`code`", "$x^2$", "&amp;"])
TEXT = st.lists(WORDS, min_size=1, max_size=12).map(" ".join)
LINES = st.one_of(
    TEXT,
    TEXT.map(lambda t: f"{'#' * 2} {t}?"),
    st.tuples(st.integers(1, 6), TEXT).map(lambda p: f"{'#' * p[0]} {p[1]}"),
    st.tuples(st.integers(1, 30), TEXT).map(lambda p: f"## {p[0]}. What is {p[1]}?"),
    st.tuples(st.integers(1, 30), TEXT).map(lambda p: f"**Q{p[0]}. {p[1]}?**"),
    st.tuples(st.integers(1, 30), TEXT).map(lambda p: f"Question {p[0]}: {p[1]}?"),
    TEXT.map(lambda t: f"- {t}"), TEXT.map(lambda t: f"• {t}"), TEXT.map(lambda t: f"    1. {t}"),
    TEXT.map(lambda t: f"> {t}"), TEXT.map(lambda t: f"{t}\t{t}\t{t}"), TEXT.map(lambda t: f"| {t} | {t} |"),
    st.sampled_from(["```", "```python", "~~~", "$$", "---", "***", "", "", "", "<details>", "</details>",
                     "<summary>Show answer</summary>", "<script>alert(1)</script>", "<b>", "</b>", "<br>",
                     "[link](javascript:alert(1))", "{: onclick=x }", "<!--", "-->", "\\begin{aligned}",
                     "# comment inside code?", "Sure! Here's an answer:", "Answer:", "\u00a0", "\ufeff"]),
)
DOCUMENTS = st.lists(LINES, min_size=0, max_size=60).map("\n".join)


def accounted(data: bytes) -> None:
    document, _ = convert(data, "generated.md")
    if document.failed:
        assert document.warnings  # said why, never a traceback
        return
    again, _ = convert(data, "generated.md")
    assert [(e.title, e.body, e.path) for e in document.entries] == \
        [(e.title, e.body, e.path) for e in again.entries]
    assert not lost_words(document, data.decode("utf-8", errors="replace"))


@examples(500)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_crashes_and_loses_no_word(text):
    accounted(text.encode("utf-8", errors="surrogatepass"))


@examples(1000)
@given(DOCUMENTS)
def test_arbitrary_markdown_like_documents_never_crash_and_lose_no_word(document):
    accounted(document.encode("utf-8"))


@examples(300)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    document, _ = convert(data, "generated.md")
    assert document.failed is (not document.entries)


UNITS = st.sampled_from(["<", "`", "[", "](", "[a](", "![", "[^", "*[", "{", "{:", "\\(", "$", "$$", "*", "_",
                         "<a ", "<!--", "&#", "- ", "> ", "|", "](javascript:x", "<b>", "\\"])
LONG_LINES = st.tuples(UNITS, st.integers(2_000, 30_000), TEXT).map(
    lambda p: f"{p[2]} {(p[0] * (p[1] // len(p[0]) + 1))[:p[1]]} {p[2]}")


@examples(40)
@given(st.lists(LONG_LINES, min_size=1, max_size=3))
def test_long_adversarial_lines_convert_render_and_lose_no_word(render, lines):
    """Their time is measured by benchmarks/adversarial.py; here, that they convert like any
    other text and that Python-Markdown renders each page."""
    data = ("## 1. What is A?\n\n" + "\n\n".join(lines) + "\n\n## 2. What is B?\n\nB.\n").encode()
    accounted(data)
    document, _ = convert(data, "generated.md")
    for entry in document.entries:
        assert render(entry.body).get_text()
