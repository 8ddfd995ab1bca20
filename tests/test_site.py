"""The site half: MkDocs builds the converted corpus in strict mode, offline."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from checks.defects import check_site

ROOT = Path(__file__).resolve().parent.parent


def test_every_page_is_built(built_site, report):
    for document in report["documents"]:
        for entry in document["entries"]:
            html = built_site / entry["path"].removesuffix(".md") / "index.html"
            assert html.is_file(), entry["path"]


def test_question_page_shows_its_title_and_answer(built_site):
    html = (built_site / "genai-book/how-does-lora-work/index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "How does LoRA work?" in html
    assert "LoRA" in re.sub(r"<[^>]+>", " ", html.split("<article", 1)[1])


def test_site_requests_no_other_host(built_site):
    """No Google Fonts, no CDN: every src/href is local (links in answers may point anywhere)."""
    for html in [built_site / "index.html", built_site / "genai-book/how-does-lora-work/index.html"]:
        text = html.read_text(encoding="utf-8")
        assets = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(https?:[^"]+)"', text)
        assert [a for a in assets if "example.org" not in a] == []
        assert "fonts.googleapis" not in text


def test_topic_page_with_its_own_h1_headings_still_shows_its_title(built_site):
    html = (built_site / "genai-notes/attention-vs-self-attention/index.html").read_text(encoding="utf-8")
    first_h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert "Attention vs self-attention" in first_h1


def test_built_pages_have_no_rendering_defects(built_site):
    """The defect checker's goal on the real corpus: zero of every kind."""
    found = check_site(built_site)
    assert Counter(d.kind for d in found) == Counter(), [f"{d.page}: {d.kind}: {d.text}" for d in found[:10]]


def test_formulas_are_mathml_and_no_tex_is_left(built_site):
    html = (built_site / "genai-book/what-are-activation-functions-tell-me-the-type-of-the/index.html"
            ).read_text(encoding="utf-8")
    assert html.count("<math") >= 6 and "\\frac" not in html
    repaired = (built_site / "genai-notes/positional-encoding/index.html").read_text(encoding="utf-8")
    assert "<mfrac>" in repaired and "ext{" not in repaired and "rac{" not in repaired
