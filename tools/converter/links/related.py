"""Related questions: for each page, the pages most alike in words and topics.

The score mixes three measures, weighted in ``links.yml``: TF-IDF cosine of
title and answer together, TF-IDF cosine of the titles alone (the same
question asked in other words shares title words even when the answers
differ), and overlap of topic tags. Scores are computed a block of rows at a
time, so memory stays linear in the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import sparse

from . import similarity
from .rules import LinkRules

BLOCK = 512  # rows scored at once: 512 x 10,000 pages is 40 MB
CANDIDATES = 3  # per page, this many times related_count pairs go into the matching


@dataclass(frozen=True)
class Page:
    """What cross-linking reads of an entry."""

    path: str
    title: str
    text: str  # the answer's prose (no code, marks or URLs)
    tags: tuple[str, ...]  # topic tags, the language tag left out
    words: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # title's and text's tokens, if known


@dataclass(frozen=True)
class Vectors:
    text: sparse.csr_matrix  # title and answer
    title: sparse.csr_matrix
    tags: sparse.csr_matrix  # one column per tag, 1 where the page has it


def vectors(pages: Sequence[Page], rules: LinkRules) -> Vectors:
    words = [p.words if p.words is not None else
             (similarity.tokens(p.title, rules.stop_words), similarity.tokens(p.text, rules.stop_words))
             for p in pages]
    titles = [list(title) for title, _ in words]
    texts = [[*title, *text] for title, text in words]
    text, vocabulary, idf = similarity.tfidf(texts)
    title, _, _ = similarity.tfidf(titles, vocabulary, idf)
    tag_ids = {tag: i for i, tag in enumerate(sorted({t for p in pages for t in p.tags}))}
    rows = [i for i, p in enumerate(pages) for _ in p.tags]
    cols = [tag_ids[t] for p in pages for t in p.tags]
    tags = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(pages), len(tag_ids)))
    return Vectors(text, title, tags)


def scores(v: Vectors, rows: slice, rules: LinkRules) -> np.ndarray:
    """The score of each page in ``rows`` against every page."""
    shared = similarity.cosine(v.tags[rows], v.tags)
    counts = np.asarray(v.tags.sum(axis=1)).ravel()
    union = counts[rows][:, None] + counts[None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return (rules.text_weight * similarity.cosine(v.text[rows], v.text)
            + rules.title_weight * similarity.cosine(v.title[rows], v.title)
            + rules.tag_weight * jaccard)


def related(pages: Sequence[Page], rules: LinkRules, v: Vectors | None = None,
            exclude: dict[str, frozenset[str]] | None = None) -> dict[str, tuple[str, ...]]:
    """Up to ``related_count`` paths per page, most related first. ``exclude``: pages already
    linked another way. Deterministic: ties go to the earlier page.

    Two choices, each measured on the labelled near-duplicate pairs:
    - a score is divided by the geometric mean of both pages' ``related_count``-th best scores
      (local scaling), so a page in a crowded topic (forty RAG questions) does not fill its list
      with its crowd and skip the lone page that lists it;
    - lists are filled pair by pair, best pair first, while both pages have room (a greedy
      matching), so that links go both ways wherever they can; leftover room is then filled
      with each page's best remaining candidates."""
    v = v if v is not None else vectors(pages, rules)
    paths = [p.path for p in pages]
    index = {path: i for i, path in enumerate(paths)}
    blocked: dict[int, set[int]] = {}
    for path, others in (exclude or {}).items():
        for other in others:
            blocked.setdefault(index[path], set()).add(index[other])
            blocked.setdefault(index[other], set()).add(index[path])
    k = min(rules.related_count, len(pages) - 1)
    if k <= 0:
        return {path: () for path in paths}
    blocks = range(0, len(pages), BLOCK)
    scale = np.concatenate([kth_best(np.round(scores(v, slice(start, start + BLOCK), rules), 9), start, k)
                            for start in blocks])
    scale = np.sqrt(np.maximum(scale, 1e-9))
    candidates: list[list[tuple[float, int]]] = []
    for start in blocks:
        raw = np.round(scores(v, slice(start, start + BLOCK), rules), 9)
        ranked = np.round(raw / scale[start:start + BLOCK, None] / scale[None, :], 9)
        rows = np.arange(len(ranked))
        ranked[rows, rows + start] = -1.0
        for offset in rows:
            ranked[offset, list(blocked.get(start + int(offset), ()))] = -1.0
        ranked[raw < rules.min_score] = -1.0
        candidates += best_listed(ranked, CANDIDATES * k)
    lists = matched(candidates, k)
    return {paths[i]: tuple(paths[j] for j in chosen) for i, chosen in enumerate(lists)}


def matched(candidates: list[list[tuple[float, int]]], k: int) -> list[list[int]]:
    """Greedy b-matching over the candidate pairs, then each page's best leftovers; each list in
    score order."""
    pairs = sorted({(-score, min(i, j), max(i, j)) for i, row in enumerate(candidates) for score, j in row})
    lists: list[dict[int, float]] = [{} for _ in candidates]
    for negative, i, j in pairs:
        if len(lists[i]) < k and len(lists[j]) < k:
            lists[i][j] = lists[j][i] = -negative
    for i, row in enumerate(candidates):
        for score, j in row:
            if len(lists[i]) >= k:
                break
            lists[i].setdefault(j, score)
    return [sorted(chosen, key=lambda j: (-chosen[j], j)) for chosen in lists]


def kth_best(block: np.ndarray, start: int, k: int) -> np.ndarray:
    """Each row's ``k``-th highest score against the other pages: the row maximum after taking
    out the ``k - 1`` highest, which for a small ``k`` is many times faster than a partition."""
    block = block.copy()
    rows = np.arange(len(block))
    block[rows, rows + start] = -1.0
    for _ in range(k - 1):
        block[rows, np.argmax(block, axis=1)] = -np.inf
    return block.max(axis=1)


def best_listed(block: np.ndarray, k: int) -> list[list[tuple[float, int]]]:
    """Each row's ``k`` highest non-negative (score, column) pairs, ties broken by position: only
    the few columns left at or above zero are sorted, never a whole row of the corpus."""
    rows, columns = np.nonzero(block >= 0)  # row by row, columns in order
    bounds = np.searchsorted(rows, np.arange(len(block) + 1))
    found = []
    for i in range(len(block)):
        listed = columns[bounds[i]:bounds[i + 1]]
        values = block[i, listed]
        order = np.lexsort((listed, -values))[:k]
        found.append([(float(values[o]), int(listed[o])) for o in order])
    return found
