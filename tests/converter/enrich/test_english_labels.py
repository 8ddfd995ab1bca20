"""english_labels: a Hinglish section label read in English with a small bilingual list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from converter.enrich.digest import reads_as_hinglish
from converter.enrich.english_labels import english
from converter.enrich.language import rule_of

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def read():
    rule = rule_of(yaml.safe_load((ROOT / "tools" / "data" / "language.yml").read_text(encoding="utf-8")))
    return lambda label: english(label, rule.label_words, lambda t: reads_as_hinglish(t, rule), rule.markers)


@pytest.mark.parametrize("label, expected", [
    ("Bias aur Fairness", "Bias and Fairness"),  # a word of the list
    ("Low-resource languages ke challenges", "Challenges of Low-resource languages"),  # A ka B: B of A
    ("Biased Models ka Trust par Impact", "Impact on Trust of Biased Models"),  # postposition: preposition
    ("Gemma ko Hugging Face Models ke sath Integrate karna", "Integrate Gemma with Hugging Face Models"),
    ("a. Pre-Trained Model Select Karna", "Select Pre-Trained Model"),  # numbering goes, the verb first
    ("3. Industry Demands Ke Liye Model Ki Performance Ensure Karna",
     "Ensure Performance of Model for Industry Demands"),
    ("Query Expansion Se User Queries Ki Limitations Ko Kaise Overcome Kiya Jata Hai",
     "How to Overcome Limitations of User Queries with Query Expansion"),
    ("Industries Mein Principles Kaise Guide Karte Hain", "How Principles Guide in Industries"),
    ("Model versioning kyun zaroori hai?", "Why is Model versioning important"),
    ("Neural Networks Ke Prakar", "Types of Neural Networks"),
    ("Model Selection (Model ko Select Karna)", "Model Selection"),  # the label's own English
    ("Neural Network Kya Hai? (What is a Neural Network?)", "What is a Neural Network?"),
    ("Forward Propagation (Aage Badhna)", "Forward Propagation"),
    ("Using the pipeline for translation", "Using the pipeline for translation"),  # English stays
    ("Advanced Models (BERT/GPT) Se Ranking", "Ranking with Advanced Models (BERT/GPT)"),
])
def test_labels_in_english(read, label, expected):
    assert read(label) == expected
