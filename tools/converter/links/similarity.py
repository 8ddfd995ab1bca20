"""How alike two pages' texts are: TF-IDF vectors and cosine similarity.

Sparse matrices (scipy) rather than Python loops over pairs: the product of
the matrix with its transpose is the whole similarity table, and it stays cheap
when the corpus grows thirtyfold. Tokens are casefolded words with a light
plural fold; stop words include the Hindi function words of ``language.yml``,
so that two Hinglish answers are not alike merely for being Hinglish.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
from scipy import sparse

WORD = re.compile(r"[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*|\d+[a-z][a-z0-9]*")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$", re.M | re.S)
# No part can run over the bracket that would open another of its kind: on a long line of
# "](" or "<" each start would otherwise scan to the line's end (minutes for 100 KB)
NOISE = re.compile(r"\{:[^{}\n]*\}|https?://\S+|\]\([^()\]\s]*\)|<[^<>\n]+>")


def tokens(text: str, stop_words: frozenset[str]) -> list[str]:
    """Hyphenated terms count as a whole and as their parts: "self-attention" is near "attention"."""
    return [token for word in WORD.findall(text.casefold()) for token in word_tokens(word, stop_words)]


@lru_cache(maxsize=1 << 16)
def word_tokens(word: str, stop_words: frozenset[str]) -> tuple[str, ...]:
    """Remembered: a corpus says the same few thousand words over and over."""
    parts = [word] + (re.split(r"[-_]", word) if ("-" in word or "_" in word) else [])
    return tuple(part for part in map(fold, parts) if len(part) > 1 and part not in stop_words)


@lru_cache(maxsize=1 << 16)
def word_hash(word: str, size: int = 8) -> int:
    """A hash that is the same in every process and run (``hash`` of a str is not); remembered,
    as ``word_tokens``."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=size).digest(), "big")


def fold(word: str) -> str:
    """Plural to singular, enough for "embeddings"/"embedding" and "queries"/"query"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as")):
        return word[:-1]
    return word


def prose(markdown: str) -> str:
    """What an answer says in words: fences, attribute lists, URLs and tags out.

    Only closed fences at the top level are out, where ``markdown.code_lines`` would also take
    out code inside list items and maths: measured, that moves the related lists of 85 corpus
    pages and drops one of the 30 judged links, so it waits for a new judged sample (the
    related questions' review). The permanent numbers' fingerprints read this too."""
    return NOISE.sub(" ", FENCE.sub(" ", markdown))


def tfidf(documents: Sequence[Iterable[str]], vocabulary: dict[str, int] | None = None,
          idf: np.ndarray | None = None) -> tuple[sparse.csr_matrix, dict[str, int], np.ndarray]:
    """Row-normalised TF-IDF (sublinear tf, smoothed idf). Pass ``vocabulary`` and ``idf`` to
    vectorise other texts (titles) in the same space as the documents they came from."""
    documents = [list(doc) for doc in documents]
    terms = [term for doc in documents for term in doc]
    if vocabulary is None:
        vocabulary = {term: i for i, term in enumerate(sorted(set(terms)))}
    columns = np.array([vocabulary.get(term, -1) for term in terms], dtype=np.int64)
    rows = np.repeat(np.arange(len(documents)), [len(doc) for doc in documents])
    known = columns >= 0
    matrix = sparse.csr_matrix((np.ones(int(known.sum())), (rows[known], columns[known])),
                               shape=(len(documents), len(vocabulary)))
    matrix.sum_duplicates()  # each term's count in its page, columns in order
    matrix.data = 1.0 + np.log(matrix.data)
    if idf is None:
        df = np.bincount(matrix.indices, minlength=len(vocabulary))
        idf = np.log((1 + len(documents)) / (1 + df)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    return normalised(matrix), vocabulary, idf


def normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    result = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    result.sort_indices()  # each row's terms in order, so that a cosine sums them in the same order both ways
    return result


def cosine(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """Rows of ``a`` against rows of ``b``, dense: call it on a slice of rows, not the whole corpus."""
    return (a @ b.T).toarray()
