"""Tokens and TF-IDF vectors: what makes two texts alike."""

from __future__ import annotations

import numpy as np
import pytest

from converter.links import similarity

STOP = frozenset({"the", "is", "what", "hai", "kya"})


def test_hyphenated_terms_count_whole_and_by_part():
    assert similarity.tokens("Self-attention is the key", STOP) == ["self-attention", "self", "attention", "key"]


@pytest.mark.parametrize("word, folded", [("embeddings", "embedding"), ("queries", "query"),
                                          ("loss", "loss"), ("bias", "bias"), ("corpus", "corpus"), ("llms", "llm")])
def test_plurals_fold_to_the_singular(word, folded):
    assert similarity.fold(word) == folded


def test_stop_words_and_single_letters_are_left_out():
    assert similarity.tokens("What is a RAG kya hai?", STOP) == ["rag"]


def test_prose_drops_fences_urls_marks_and_tags():
    text = 'Intro <b>bold</b> see https://x.org/a\n\n```python\nimport torch\n```\n\nEnd.\n{: lang="hi-Latn" }'
    kept = similarity.prose(text)
    assert "torch" not in kept and "x.org" not in kept and "lang" not in kept
    assert "Intro" in kept and "bold" in kept and "End." in kept


def test_rows_are_unit_length_and_identical_texts_score_one():
    matrix, vocabulary, idf = similarity.tfidf([["lora", "rank"], ["lora", "rank"], ["rlhf", "reward"]])
    table = similarity.cosine(matrix, matrix)
    assert np.allclose(np.diag(table), 1.0)
    assert table[0, 1] == pytest.approx(1.0)
    assert table[0, 2] == pytest.approx(0.0)
    assert set(vocabulary) == {"lora", "rank", "rlhf", "reward"}


def test_other_texts_use_the_same_space():
    matrix, vocabulary, idf = similarity.tfidf([["lora", "rank"], ["rlhf", "reward"]])
    titles, _, _ = similarity.tfidf([["lora"], ["unknown"]], vocabulary, idf)
    assert titles.shape == (2, len(vocabulary))
    assert similarity.cosine(titles, matrix)[0, 0] > 0.5
    assert titles[1].nnz == 0


def test_rare_words_weigh_more_than_common_ones():
    docs = [["model", "lora"], ["model", "rlhf"], ["model", "gan"], ["model", "lora"]]
    matrix, vocabulary, _ = similarity.tfidf(docs)
    row = matrix[0].toarray().ravel()
    assert row[vocabulary["lora"]] > row[vocabulary["model"]]
