"""Duplicate groups: pages whose answers are the same text (or whose questions are
the same question), shown as one canonical page and its other versions.

"Same answer" is measured as the share of the shorter answer's word n-grams
found in the other; an inverted index from n-gram to pages finds the candidate
pairs without comparing every pair. Groups are the connected pairs; the
canonical page is the longest answer, then the earliest page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from ..model import DuplicateGroup
from .related import BLOCK, Page, Vectors
from .rules import LinkRules
from .similarity import cosine, word_hash

WORD = re.compile(r"\w+")
COMMON = 50  # an n-gram on more pages than this is boilerplate, not evidence
SEQUENCE_BASE = np.uint64(0x100000001B3)  # odd, so no word's hash is lost to the wrap


def shingles(text: str, n: int) -> np.ndarray:
    """The text's distinct ``n``-word sequences as sorted 64-bit hashes: arrays the steps across
    documents compare in bulk, found with the per-document stages (``page_features``). A
    sequence's hash is a polynomial in its words' hashes (modulo 2**64), so each word is hashed
    once; two different sequences share a hash about once in 2**64 pairs."""
    words = WORD.findall(text.casefold())
    if len(words) < n:
        return np.zeros(0, dtype=np.uint64)
    known = {word: word_hash(word) for word in set(words)}
    hashes = np.array([known[word] for word in words], dtype=np.uint64)
    found = np.zeros(len(words) - n + 1, dtype=np.uint64)
    for offset in range(n):
        found = found * SEQUENCE_BASE + hashes[offset:len(hashes) - n + 1 + offset]  # wraps: modulo 2**64
    return np.unique(found)


def answer_overlaps(pages: Sequence[Page], floor: float = 0.0) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> share of the smaller n-gram set (the pages' ``shingles``) found in the
    other, for pairs sharing any and sharing at least ``floor``.

    The inverted index is a sparse page-by-n-gram matrix; its product with its transpose counts
    the n-grams every pair shares, without a Python loop over pairs (the floor is applied before
    any: at 30 times the corpus most pairs share a few sequences)."""
    sets = [p.shingles for p in pages]
    sizes = [len(s) for s in sets]
    if not sum(sizes):
        return {}
    grams, columns = np.unique(np.concatenate(sets), return_inverse=True)
    rows = np.repeat(np.arange(len(pages)), sizes)
    postings = sparse.csc_matrix((np.ones(len(columns), dtype=np.int32), (rows, columns)),
                                 shape=(len(pages), len(grams)))
    pages_per_gram = np.diff(postings.indptr)
    evidence = postings[:, np.flatnonzero((pages_per_gram > 1) & (pages_per_gram <= COMMON))].tocsr()
    shared = sparse.triu(evidence @ evidence.T, k=1).tocoo()
    size = np.array(sizes)
    shares = shared.data / np.minimum(size[shared.row], size[shared.col])
    kept = np.flatnonzero((shares >= floor) & (shared.data > 0))
    return {(int(shared.row[k]), int(shared.col[k])): float(shares[k]) for k in kept}


def same_questions(v: Vectors, rules: LinkRules) -> list[tuple[int, int, float]]:
    """Pairs whose titles are alike past ``same_question`` and whose texts past ``same_question_text``."""
    if rules.same_question > 1:
        return []
    found = []
    for start in range(0, v.title.shape[0], BLOCK):
        rows = slice(start, start + BLOCK)
        title, text = cosine(v.title[rows], v.title), cosine(v.text[rows], v.text)
        for a, b in zip(*np.nonzero((title >= rules.same_question) & (text >= rules.same_question_text))):
            i = start + int(a)
            if i < b:
                found.append((i, int(b), float(title[a, b])))
    return found


def groups(pages: Sequence[Page], v: Vectors, rules: LinkRules) -> dict[str, DuplicateGroup]:
    """Each page in a group -> its group (the same object for every member)."""
    evidence: dict[tuple[int, int], tuple[str, float]] = {}
    for pair, share in sorted(answer_overlaps(pages, rules.same_answer).items()):
        evidence[pair] = ("answer", share)
    for i, j, title in same_questions(v, rules):
        evidence.setdefault((i, j), ("question", title))
    pairs = np.array(sorted(evidence), dtype=np.int64).reshape(-1, 2)
    linked = sparse.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(pages),) * 2)
    _, root = connected_components(linked, directed=False)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(pages)):
        members[int(root[i])].append(i)
    found_of: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for (i, _), (kind, value) in evidence.items():
        found_of[int(root[i])][kind].append(value)
    found = {}
    for top, group in members.items():
        if len(group) < 2:
            continue
        canonical = min(group, key=lambda i: (-len(WORD.findall(pages[i].text)), i))
        ordered = [canonical] + [i for i in group if i != canonical]
        result = DuplicateGroup(pages[canonical].path, tuple(pages[i].path for i in ordered),
                                reason(found_of[top], rules.shingle))
        for i in group:
            found[pages[i].path] = result
    return found


def reason(found: dict[str, list[float]], shingle: int) -> str:
    """What joined the group, each kind once with the range of its measures: a group of thirty
    versions gave a reason of thirty percentages."""
    parts = []
    if found.get("answer"):
        parts.append(f"same answer ({span(found['answer'], '{:.0%}')} of {shingle}-word sequences shared)")
    if found.get("question"):
        parts.append(f"same question (title similarity {span(found['question'], '{:.2f}')})")
    return "; ".join(parts)


def span(values: list[float], form: str) -> str:
    low, high = form.format(min(values)), form.format(max(values))
    return low if low == high else f"{low.rstrip('%')}–{high}"
