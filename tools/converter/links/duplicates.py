"""Duplicate groups: pages whose answers are the same text (or whose questions are
the same question), shown as one canonical page and its other versions.

"Same answer" is measured as the share of the shorter answer's word n-grams
found in the other; an inverted index from n-gram to pages finds the candidate
pairs without comparing every pair. Groups are the connected pairs; the
canonical page is the longest answer, then the earliest page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Sequence

import numpy as np

from ..model import DuplicateGroup
from .related import BLOCK, Page, Vectors
from .rules import LinkRules
from .similarity import cosine

WORD = re.compile(r"\w+")
COMMON = 50  # an n-gram on more pages than this is boilerplate, not evidence


def shingles(text: str, n: int) -> frozenset[str]:
    words = WORD.findall(text.casefold())
    return frozenset(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))


def answer_overlaps(pages: Sequence[Page], n: int) -> dict[tuple[int, int], float]:
    """(i, j) with i < j -> share of the smaller n-gram set found in the other, for pairs sharing any."""
    sets = [shingles(p.text, n) for p in pages]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, grams in enumerate(sets):
        for gram in grams:
            postings[gram].append(i)
    shared: Counter = Counter()
    for members in postings.values():
        if 1 < len(members) <= COMMON:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    shared[members[a], members[b]] += 1
    return {pair: n_shared / min(len(sets[pair[0]]), len(sets[pair[1]])) for pair, n_shared in shared.items()}


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
    reasons: dict[tuple[int, int], str] = {}
    for pair, share in sorted(answer_overlaps(pages, rules.shingle).items()):
        if share >= rules.same_answer:
            reasons[pair] = f"same answer ({share:.0%} of {rules.shingle}-word sequences shared)"
    for i, j, title in same_questions(v, rules):
        reasons.setdefault((i, j), f"same question (title similarity {title:.2f})")
    parent = list(range(len(pages)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in reasons:
        parent[max(root(i), root(j))] = min(root(i), root(j))
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(pages)):
        members[root(i)].append(i)
    found = {}
    for group in members.values():
        if len(group) < 2:
            continue
        canonical = min(group, key=lambda i: (-len(WORD.findall(pages[i].text)), i))
        ordered = [canonical] + [i for i in group if i != canonical]
        why = "; ".join(sorted({reasons[p] for p in reasons if p[0] in group}))
        result = DuplicateGroup(pages[canonical].path, tuple(pages[i].path for i in ordered), why)
        for i in group:
            found[pages[i].path] = result
    return found
