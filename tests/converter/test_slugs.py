"""slugs: URL slugs and heading ids from any text, transliterated, never empty for words."""

from __future__ import annotations

import pytest

from converter.slugs import slugify


@pytest.mark.parametrize("text, expected", [
    ("What is LoRA?", "what-is-lora"),
    ("Naïve Bayes", "naive-bayes"),  # was na-ve-bayes
    ("न्यूरल नेटवर्क क्या है?", "nyurl-netvrk-kya-hai"),  # was untitled
    ("Train, Test, and Validation (CRITICAL 🔥)", "train-test-and-validation-critical"),  # emoji are no words
    ("Why divide by √dₖ?", "why-divide-by-dk"),
    ("Ελληνικά", "ellinika"),
    ("🔥 ✓ →", "untitled"),  # nothing to spell
])
def test_slugs(text, expected):
    assert slugify(text) == expected


def test_a_long_slug_is_cut_at_a_word():
    slug = slugify("word " * 30)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.endswith("word")
