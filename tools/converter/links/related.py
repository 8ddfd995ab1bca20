"""Related questions: for each page, the pages most alike in words and topics.

The score mixes three measures, weighted in ``links.yml``: TF-IDF cosine of
title and answer together, TF-IDF cosine of the titles alone (the same
question asked in other words shares title words even when the answers
differ), and overlap of topic tags. Scores are computed a block of rows at a
time, so memory stays linear in the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
from scipy import sparse

from ..parallel import forked_map
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
    words: tuple[tuple[str, ...], tuple[str, ...]]  # title's and text's tokens (similarity.tokens)
    shingles: np.ndarray = field(compare=False)  # duplicates.shingles of the text


@dataclass(frozen=True)
class Vectors:
    text: sparse.csr_matrix  # title and answer
    title: sparse.csr_matrix
    tags: sparse.csr_matrix  # one column per tag, 1 where the page has it


def vectors(pages: Sequence[Page]) -> Vectors:
    words = [p.words for p in pages]
    titles = [list(title) for title, _ in words]
    texts = [[*title, *text] for title, text in words]
    text, vocabulary, idf = similarity.tfidf(texts)
    title, _, _ = similarity.tfidf(titles, vocabulary, idf)
    tag_ids = {tag: i for i, tag in enumerate(sorted({t for p in pages for t in p.tags}))}
    rows = [i for i, p in enumerate(pages) for _ in p.tags]
    cols = [tag_ids[t] for p in pages for t in p.tags]
    tags = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(pages), len(tag_ids)))
    return Vectors(text, title, tags)


def scores(v: Vectors, rows: slice, rules: LinkRules, columns: slice = slice(None)) -> np.ndarray:
    """The score of each page in ``rows`` against each page in ``columns``. Symmetric to the
    bit: a cosine adds the same products in the same (column) order either way round, and
    ``vectors`` keeps the columns of each row in order."""
    shared = similarity.cosine(v.tags[rows], v.tags[columns])
    counts = np.asarray(v.tags.sum(axis=1)).ravel()
    union = counts[rows][:, None] + counts[columns][None, :] - shared
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    return (rules.text_weight * similarity.cosine(v.text[rows], v.text[columns])
            + rules.title_weight * similarity.cosine(v.title[rows], v.title[columns])
            + rules.tag_weight * jaccard)


def related(pages: Sequence[Page], rules: LinkRules, v: Vectors | None = None,
            exclude: dict[str, frozenset[str]] | None = None, workers: int = 1) -> dict[str, tuple[str, ...]]:
    """Up to ``related_count`` paths per page, most related first. ``exclude``: pages already
    linked another way. Deterministic: ties go to the earlier page. The blocks of scores are
    computed in ``workers`` processes.

    Two choices, each measured on the labelled near-duplicate pairs:
    - a score is divided by the geometric mean of both pages' ``related_count``-th best scores
      (local scaling), so a page in a crowded topic (forty RAG questions) does not fill its list
      with its crowd and skip the lone page that lists it;
    - lists are filled pair by pair, best pair first, while both pages have room (a greedy
      matching), so that links go both ways wherever they can; leftover room is then filled
      with each page's best remaining candidates."""
    v = v if v is not None else vectors(pages)
    paths = [p.path for p in pages]
    index = {path: i for i, path in enumerate(paths)}
    n = len(pages)
    linked = [(index[path], index[other]) for path, others in (exclude or {}).items() for other in others]
    blocked = np.array(sorted({i * n + j for a, b in linked for i, j in ((a, b), (b, a))}), dtype=np.int64)
    k = min(rules.related_count, n - 1)
    if k <= 0:
        return {path: () for path in paths}
    starts = range(0, n, BLOCK)
    blocks = forked_map(scored_block, [[start] for start in starts], (v, rules, k), workers)
    highest = np.full((n, k * (len(starts) + 1)), -np.inf)  # each page's k best from each block
    for number, (start, (own, later, _)) in enumerate(zip(starts, blocks)):
        highest[start:start + len(own), :k] = own
        highest[start + len(own):, k * (number + 1):k * (number + 2)] = later
    scale = np.sqrt(np.maximum(np.sort(highest, axis=1)[:, -k], 1e-9))
    rows, columns, raw = (np.concatenate(parts) for parts in zip(*(kept for _, _, kept in blocks)))
    ranked = np.round(raw / scale[rows] / scale[columns], 9)
    keep = (rows != columns) & ~np.isin(rows * n + columns, blocked)  # blocked: pairs as row * n + column
    candidates = best_listed(rows[keep], columns[keep], ranked[keep], n, CANDIDATES * k)
    lists = matched(candidates, k)
    return {paths[i]: tuple(paths[j] for j in chosen) for i, chosen in enumerate(lists)}


def scored_block(shared: tuple[Vectors, LinkRules, int], group: list[int]):
    """The block of rows from ``group[0]`` against the pages from there on: scores are symmetric,
    so the pages before were scored against this block by the blocks before, and each pair is
    scored once. Returns the block's pages' ``k`` best scores among those pages (themselves
    counted as -1), the later pages' ``k`` best against the block, and the pairs that can be
    listed, both ways round."""
    v, rules, k = shared
    start = group[0]
    raw = np.round(scores(v, slice(start, start + BLOCK), rules, slice(start, None)), 9)
    size = len(raw)
    own = raw.copy()
    own[np.arange(size), np.arange(size)] = -1.0
    rows, columns, values = above(raw, 0, rules.min_score)
    later = columns >= size  # the pairs with a page after the block, which also count for that page
    kept = (np.concatenate([rows, columns[later]]) + start, np.concatenate([columns, rows[later]]) + start,
            np.concatenate([values, values[later]]))
    return best_of_rows(own, k), best_of_rows(raw[:, size:].T, k), kept


def above(block: np.ndarray, start: int, floor: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, score) of the block's scores at or above ``floor`` (``min_score``): the only
    pairs that can be listed, few enough to keep for the whole corpus (0.15 keeps 2.3 million
    of the 112 million pairs at 30 times the corpus, 220 per page), so each block of scores is
    computed once though its scaling needs every block."""
    rows, columns = np.nonzero(block >= floor)
    return rows + start, columns, block[rows, columns]


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


def best_of_rows(block: np.ndarray, k: int) -> np.ndarray:
    """Each row's ``k`` highest values, equal ones counted apart, -inf where a row has fewer: taken
    out one maximum at a time, which for a small ``k`` is many times faster than a partition."""
    block = np.array(block)  # a copy, in row order
    rows = np.arange(len(block))
    best = np.full((len(block), k), -np.inf)
    for rank in range(min(k, block.shape[1])):
        found = np.argmax(block, axis=1)
        best[:, rank] = block[rows, found]
        block[rows, found] = -np.inf
    return best


def best_listed(rows: np.ndarray, columns: np.ndarray, values: np.ndarray, count: int,
                k: int) -> list[list[tuple[float, int]]]:
    """For each of ``count`` rows, its ``k`` highest (score, column) pairs among the given ones,
    ties broken by column: sorts of the kept pairs, never a whole row of the corpus. Stable sorts
    by pair, then by score, then by row give the order a sort on all three keys gives, faster
    (1.0 s against 1.6 s for 2.3 million pairs); the first is skipped when the pairs come in
    row and column order, as from a single block."""
    pair = rows.astype(np.int64) * count + columns
    order = np.arange(len(pair)) if np.all(pair[1:] >= pair[:-1]) else np.argsort(pair, kind="stable")
    order = order[np.argsort(-values[order], kind="stable")]
    order = order[np.argsort(rows[order], kind="stable")]
    rows, columns, values = rows[order], columns[order], values[order]
    bounds = np.searchsorted(rows, np.arange(count + 1))
    first = np.flatnonzero(np.arange(len(rows)) - bounds[rows] < k)  # each row's k best, still in order
    pairs = list(zip(values[first].tolist(), columns[first].tolist()))
    ends = np.cumsum(np.minimum(np.diff(bounds), k)).tolist()
    return [pairs[start:end] for start, end in zip([0, *ends], ends)]
