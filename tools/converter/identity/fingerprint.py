"""Fingerprints that recognise an entry after its text changes, without storing the text.

The registry is committed, so it holds hashes, never question text:
- a title print: a short hash of each content word of the title, so that a
  reworded title still shares most of its words with the old one;
- an answer print: a MinHash sketch of the answer's content words (one byte
  per hash function, "b-bit MinHash"), whose agreement estimates how much of
  the vocabulary two answers share, whatever was inserted, moved or deleted.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..enrich.language import unmark
from ..links.similarity import prose, tokens, word_hash
from ..model import Entry

SKETCH = 32  # hash functions in an answer print: one byte each, 64 hex digits
CHANCE = 1 / 256  # two different one-byte minima agree by chance this often


def title_print(title: str, stop_words: frozenset[str]) -> str:
    """Sorted 4-hex-digit hashes of the title's content words, space-separated."""
    return " ".join(sorted({f"{word_hash(w, 2):04x}" for w in tokens(title, stop_words)}))


@lru_cache(maxsize=1)
def permutations() -> tuple[np.ndarray, np.ndarray]:
    """Fixed odd multipliers and offsets: multiplication by an odd number modulo 2**64 is a
    bijection, so each (a, b) orders the word hashes in its own way, the same on every run."""
    a = np.array([word_hash(f"minhash-a-{i}") | 1 for i in range(SKETCH)], dtype=np.uint64)
    b = np.array([word_hash(f"minhash-b-{i}") for i in range(SKETCH)], dtype=np.uint64)
    return a, b


def answer_print(body: str, stop_words: frozenset[str]) -> str:
    """64 hex digits, or "" for an answer without content words."""
    words = sorted(set(tokens(prose(body), stop_words)))
    if not words:
        return ""
    hashes = np.array([word_hash(w) for w in words], dtype=np.uint64)
    a, b = permutations()
    minima = (np.outer(a, hashes) + b[:, None]).min(axis=1)  # uint64 arithmetic wraps: modulo 2**64
    return bytes((minima & np.uint64(0xFF)).astype(np.uint8)).hex()  # low bits: the high ones of a minimum are ~0


def entry_prints(entry: Entry, stop_words: frozenset[str]) -> tuple[str, str]:
    return title_print(entry.title, stop_words), answer_print(unmark(entry.body), stop_words)


def title_similarity(a: str, b: str) -> float:
    """Jaccard overlap of the title words; two empty titles are not alike."""
    x, y = set(a.split()), set(b.split())
    return len(x & y) / len(x | y) if x and y else 0.0


def answer_similarity(a: str, b: str) -> float:
    """Estimated Jaccard overlap of the answers' words, corrected for chance agreement."""
    if not a or not b or len(a) != len(b):
        return 0.0
    x, y = bytes.fromhex(a), bytes.fromhex(b)
    agree = sum(p == q for p, q in zip(x, y)) / len(x)
    return max(0.0, (agree - CHANCE) / (1 - CHANCE))
