"""The settings of the cross-link stage, read from ``tools/data/links.yml``.

The numbers there were chosen by measurement on the corpus; the file says how.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LinkRules:
    stop_words: frozenset[str]
    related_count: int = 5
    text_weight: float = 0.8  # TF-IDF cosine of title and answer together
    title_weight: float = 0.2  # TF-IDF cosine of the titles alone
    tag_weight: float = 0.05  # Jaccard overlap of the topic tags (the language tag left out)
    min_score: float = 0.15  # below this a page is not related, however few others there are
    shingle: int = 5  # words per n-gram when comparing answers for duplicates
    same_answer: float = 0.5  # share of the shorter answer's n-grams found in the other
    same_question: float = 1.01  # title cosine for "same question"; above 1: off
    same_question_text: float = 0.0  # ... together with at least this text cosine
    shown: int = 12  # pages a "Linked from" list or a duplicate banner names; the rest are counted


def rules_of(data: dict) -> LinkRules:
    related = data.get("related") or {}
    weights = related.get("weights") or {}
    duplicates = data.get("duplicates") or {}
    stop_words = frozenset(str(w).casefold() for w in data.get("stop_words") or ())
    rules = LinkRules(
        stop_words=stop_words,
        related_count=int(related.get("count", 5)),
        text_weight=float(weights.get("text", 0.8)),
        title_weight=float(weights.get("title", 0.2)),
        tag_weight=float(weights.get("tags", 0.05)),
        min_score=float(related.get("min_score", 0.15)),
        shingle=int(duplicates.get("shingle", 5)),
        same_answer=float(duplicates.get("same_answer", 0.5)),
        same_question=float(duplicates.get("same_question", 1.01)),
        same_question_text=float(duplicates.get("same_question_text", 0.0)),
        shown=int(data.get("shown", 12)),
    )
    if rules.related_count < 0 or rules.shingle < 1 or rules.shown < 1:
        raise ValueError("links.yml: related.count must be >= 0, duplicates.shingle and shown >= 1")
    if not 0 < rules.same_answer <= 1:
        raise ValueError("links.yml: duplicates.same_answer must be in (0, 1]")
    return rules
