"""The Hinglish rule, measured on a human-labelled sample of corpus lines, and
the marks that give Hinglish blocks ``lang="hi-Latn"`` in the HTML."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from converter.enrich.language import (ENGLISH, HINGLISH, LANG_ATTRIBUTE, is_hinglish, mark, page_language,
                                       prose_words, rule_of, unmark)

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "tests" / "data" / "language_sample.yml"


@pytest.fixture(scope="module")
def rule():
    return rule_of(yaml.safe_load((ROOT / "tools" / "data" / "language.yml").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def sample(corpus):
    """(line text, label) for each labelled line; fails if the corpus moved under the sample."""
    entries = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["lines"]
    files: dict[str, list[str]] = {}
    labelled = []
    for entry in entries:
        lines = files.setdefault(entry["file"], (corpus / entry["file"]).read_text(encoding="utf-8").split("\n"))
        text = lines[entry["line"] - 1]
        digest = hashlib.sha1(text.strip().encode()).hexdigest()[:12]
        assert digest == entry["sha"], f"{entry['file']}:{entry['line']} changed since it was labelled"
        labelled.append((text, entry["label"], f"{entry['file']}:{entry['line']}"))
    return labelled


def test_sample_is_big_enough_and_balanced(sample):
    labels = [label for _, label, _ in sample]
    assert len(sample) >= 150
    assert labels.count("hinglish") >= 50 and labels.count("english") >= 50


def test_rule_is_at_least_98_percent_accurate_on_the_sample(sample, rule):
    wrong = [(where, label, text.strip()[:80]) for text, label, where in sample
             if is_hinglish(text, rule) != (label == "hinglish")]
    accuracy = 1 - len(wrong) / len(sample)
    print(f"language rule: {accuracy:.1%} on {len(sample)} labelled lines; wrong: {wrong}")
    assert accuracy >= 0.98, wrong


@pytest.mark.parametrize("text, expected", [
    ("Developers ko yeh ensure karna chahiye ki data safe rahe.", True),
    ("**Bias aur Fairness**:", True),
    ("The model is used to translate text.", False),
    ("Use `ko` and `hai` as variable names in Python.", False),  # code is not prose
    ("See [kya hai](https://example.org/kya-hai) for more.", True),  # link text is prose, its target is not
    ("", False),
])
def test_is_hinglish(rule, text, expected):
    assert is_hinglish(text, rule) is expected


def test_prose_words_skip_code_urls_and_maths():
    assert prose_words("Use `from_pretrained()` at https://hf.co/x with $W' = W + BA$ now") == ("use", "at", "with", "now")


def test_page_language_weighs_words(rule):
    hinglish = "Yeh model data ko samajhta hai aur output deta hai.\n\n" * 3
    assert page_language(hinglish + "A short English line here.", rule)[0] == HINGLISH
    assert page_language("An English answer.\n\nWith two paragraphs of text.", rule) == (ENGLISH, 0.0)
    assert page_language("", rule) == (ENGLISH, 0.0)


def test_mark_paragraphs_items_headings_and_quotes(rule, render):
    body = "\n".join([
        "## Fine-tuning kaise kaam karta hai",
        "",
        "Yeh ek paragraph hai jo model ko samjhata hai.",
        "",
        "- Pehla point: data ko clean karna zaroori hai.",
        "- An English point about tokenizers.",
        "",
        "1. **Privacy**:  ",
        "    Developers ko yeh ensure karna chahiye ki data leak na ho.",
        "",
        "> Yeh quote bhi Hinglish mein hai.",
        "",
        "A closing English sentence.",
    ])
    html = render(mark(body, rule))
    hinglish = [el.get_text(" ", strip=True)[:20] for el in html.select('[lang="hi-Latn"]')]
    assert hinglish == ["Fine-tuning kaise ka", "Yeh ek paragraph hai", "Pehla point: data ko",
                        "Privacy : Developers", "Yeh quote bhi Hingli"]
    assert "{:" not in html.get_text()
    assert html.find("h2").get("lang") == "hi-Latn"


def test_mark_leaves_code_and_tables_alone(rule):
    body = "```python\n# yeh comment hai aur code ka hissa hai\nx = 1\n```\n\n| a | b |\n|---|---|\n| yeh hai | aur kya |"
    assert mark(body, rule) == body


def test_unmark_restores_the_body(rule):
    body = "## Kya hai yeh\n\nYeh model kaam karta hai.\n\n- Ek item hai yeh\n- English item"
    marked = mark(body, rule)
    assert marked.count(LANG_ATTRIBUTE) == 3
    assert unmark(marked) == body
