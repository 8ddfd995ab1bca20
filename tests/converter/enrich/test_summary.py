"""English summaries for Hinglish answers, and the one-line page descriptions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from converter.enrich.language import rule_of
from converter.enrich.summary import description, shorten, summary
from converter.model import Summary

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def rule():
    return rule_of(yaml.safe_load((ROOT / "tools" / "data" / "language.yml").read_text(encoding="utf-8")))


HINGLISH_POINTS = "\n".join([
    "## Answer",
    "",
    "**Ethical Principles:**",
    "",
    "1. **Privacy**:  ",
    "    Developers ko yeh ensure karna chahiye ki data leak na ho.",
    "2. **Bias aur Fairness**:  ",
    "    Models ko diverse data pe train karna zaroori hai.",
    "",
    "**Industries Mein Principles Kaise Guide Karte Hain:**",
    "",
    "- **Healthcare**: Yahan privacy sabse zyada important hai.",
    "",
])


def test_english_conclusion_is_the_summary(rule):
    body = HINGLISH_POINTS + "\n**Conclusion:**\n\nEthics must guide every deployment.\n\n- Audit the data.\n"
    assert summary(body, rule) == Summary("own", "Ethics must guide every deployment.\n\n- Audit the data.")


def test_hinglish_conclusion_falls_back_to_an_english_in_short(rule):
    body = HINGLISH_POINTS + ("\n### Conclusion\n\nIsko samajhna zaroori hai aur yeh kaam karta hai.\n\n"
                              "In short, each model has its strengths.\n")
    assert summary(body, rule) == Summary("own", "In short, each model has its strengths.")


def test_otherwise_an_outline_of_english_labels(rule):
    body = HINGLISH_POINTS + "\n**Conclusion**:\nRisks ko reduce karne ke liye proactive approach chahiye.\n"
    found = summary(body, rule)
    assert found.kind == "outline"
    # "Answer" is structure, Hinglish labels are left out, points nest under their section
    assert found.markdown == "- Ethical Principles\n    - Privacy\n- Healthcare"


def test_no_labels_no_summary(rule):
    assert summary("Yeh ek simple answer hai jo kuch nahi batata.", rule) is None


def test_description_is_the_first_real_paragraph():
    body = "## Overview\n\nShort one.\n\nLoRA adds two small trainable matrices to frozen weights, so fine-tuning is cheap."
    assert description(body, None) == "LoRA adds two small trainable matrices to frozen weights, so fine-tuning is cheap."


def test_description_of_an_outline_names_its_sections():
    text = description("ignored", Summary("outline", "- Privacy\n    - Data\n- Finance"))
    assert text == "Answer in Hinglish, covering Privacy, Finance."


def test_shorten_cuts_at_a_word():
    text = "word " * 50
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("word…")
