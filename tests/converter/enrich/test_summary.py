"""English summaries for Hinglish answers, and the one-line page descriptions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from converter.enrich.language import rule_of
from converter.enrich.summary import DIGEST_LEAD, description, shorten, summary
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
    found = summary(body, rule)
    assert found.kind == "own" and found.markdown.startswith("Ethics must guide every deployment.\n\n- Audit the data.")
    assert DIGEST_LEAD in found.markdown  # the digest of the sections follows the document's own words


def test_hinglish_conclusion_falls_back_to_an_english_in_short(rule):
    body = HINGLISH_POINTS + ("\n### Conclusion\n\nIsko samajhna zaroori hai aur yeh kaam karta hai.\n\n"
                              "In short, each model has its strengths.\n")
    found = summary(body, rule)
    assert found.kind == "own" and found.markdown.startswith("In short, each model has its strengths.\n\n")


def test_otherwise_a_digest_of_every_section_in_english(rule):
    body = HINGLISH_POINTS + "\n**Conclusion**:\nRisks ko reduce karne ke liye proactive approach chahiye.\n"
    found = summary(body, rule)
    assert found.kind == "digest"
    # "Answer" is structure; every section once, its label in English, with the English phrases of
    # its text (a lone word only when it is technical: "Developers" and "privacy" are not)
    assert found.markdown == (
        "- **Ethical Principles**\n"
        "    - **Privacy**: data leak\n"
        "    - **Bias and Fairness**: diverse data\n"
        "- **How Principles Guide in Industries**\n"
        "    - **Healthcare**\n"
        "    - **Conclusion**: proactive approach")


def test_a_label_the_page_repeats_gives_its_terms_to_the_section_above(rule):
    body = ("**Tokenizer:**\n\n- **Example**: Word pieces ko subword units mein todta hai.\n\n"
            "**Embedding:**\n\n- **Example**: Har token ek dense vector ban jata hai.\n")
    assert summary(body, rule).markdown == (
        "- **Tokenizer**: Word pieces\n- **Embedding**: dense vector")


def test_an_answer_without_labels_lists_its_terms(rule):
    found = summary("Main pehle model drift monitor karti hoon aur SHAP se explain karti hoon.", rule)
    assert found == Summary("digest", "- Terms used: model drift monitor, SHAP")


def test_no_english_no_summary(rule):
    assert summary("Yeh kuch nahi batata hai.", rule) is None


def test_description_is_the_first_real_paragraph():
    body = "## Overview\n\nShort one.\n\nLoRA adds two small trainable matrices to frozen weights, so fine-tuning is cheap."
    assert description(body, None) == "LoRA adds two small trainable matrices to frozen weights, so fine-tuning is cheap."


def test_description_of_a_digest_names_its_sections_once():
    text = description("ignored", Summary("digest", "- **Privacy**: data\n    - **Data**: x\n- **Finance**"))
    assert text == "An answer in Hinglish on Privacy and Finance, with an English outline of its sections."
    assert description("", Summary("digest", "- Terms used: model drift, SHAP, SHAP")) == (
        "An answer in Hinglish on model drift and SHAP, with an English outline of its sections.")


def test_a_lead_in_is_joined_to_what_it_leads_to_and_never_ends_a_description():
    body = "To reduce hallucination in RAG models:\n\n- **Better retrieval:** rank the passages well\n- Check facts"
    assert description(body, None) == "To reduce hallucination in RAG models: Better retrieval: rank the passages well."


def test_a_description_is_plain_text_without_tex():
    body = "Adds two small trainable matrices $A$ and $\\Delta W$ to the frozen weights $W_0$ of a large pretrained model."
    assert description(body, None) == ("Adds two small trainable matrices A and Delta W to the frozen weights W_0 of a "
                                       "large pretrained model.")


def test_an_answer_without_prose_is_described_by_its_question_and_what_it_is():
    text = description("```python\nprint(1)\n```", None, "Create a function that decodes greedily.")
    assert text == "Create a function that decodes greedily. The answer is worked code, to read, copy and run."
    table = description("| Model | Size |\n| --- | --- |\n| GPT | big |", None, "OpenAI-based LLM models")
    assert table == "OpenAI-based LLM models. It is answered with a table, to read on the page."


def test_a_structured_formula_drops_its_sentence_and_a_lead_in_to_code_ends_there():
    body = ("Attention scores are $\\frac{QK^T}{\\sqrt{d_k}}$ for each pair.\n\n"
            "There are three kinds of attention used in transformer models:\n\n```python\nx = 1\n```\n\n"
            "In practice the second kind is the most common one in large language models.")
    assert description(body, None) == ("There are three kinds of attention used in transformer models. "
                                       "In practice the second kind is the most common one in large language models.")


def test_a_short_answer_is_opened_by_its_question_and_a_price_is_no_formula():
    text = description("A: $0.13 per million tokens, or free with $n$ servers.", None, "How much does embedding cost")
    assert text == "How much does embedding cost. A: $0.13 per million tokens, or free with n servers."


def test_a_long_first_sentence_ends_at_its_first_clause_long_enough():
    body = ("Incorporating visual or audio cues alongside textual data significantly enhances sentiment analysis "
            "in hard cases, especially in complex contexts like social media where sarcasm, irony and mixed "
            "signals are common and text alone often misleads the model badly.")
    text = description(body, None)
    assert text == ("Incorporating visual or audio cues alongside textual data significantly enhances sentiment "
                    "analysis in hard cases.")


def test_shorten_cuts_at_a_word():
    text = "word " * 50
    short = shorten(text, 40)
    assert len(short) <= 40 and short.endswith("word…")
