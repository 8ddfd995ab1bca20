"""The settings of the cross-link stage, read from ``tools/data/links.yml``.

The numbers there were chosen by measurement on the corpus; the file says how.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from ..schema import Section, validated


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


class Weights(Section):  # the defaults are LinkRules': one place for each number
    text: float = Field(LinkRules.text_weight, ge=0)
    title: float = Field(LinkRules.title_weight, ge=0)
    tags: float = Field(LinkRules.tag_weight, ge=0)


class Related(Section):
    count: int = Field(LinkRules.related_count, ge=0)
    weights: Weights = Weights()
    min_score: float = LinkRules.min_score


class Duplicates(Section):
    shingle: int = Field(LinkRules.shingle, ge=1)
    same_answer: float = Field(LinkRules.same_answer, gt=0, le=1)
    same_question: float = LinkRules.same_question
    same_question_text: float = LinkRules.same_question_text


class LinksFile(Section):
    """links.yml"""

    stop_words: list[str] = []
    related: Related = Related()
    duplicates: Duplicates = Duplicates()
    shown: int = Field(LinkRules.shown, ge=1)


def rules_of(data: dict) -> LinkRules:
    found = validated(LinksFile, data, "links.yml")
    related, duplicates = found.related, found.duplicates
    return LinkRules(
        stop_words=frozenset(w.casefold() for w in found.stop_words),
        related_count=related.count,
        text_weight=related.weights.text,
        title_weight=related.weights.title,
        tag_weight=related.weights.tags,
        min_score=related.min_score,
        shingle=duplicates.shingle,
        same_answer=duplicates.same_answer,
        same_question=duplicates.same_question,
        same_question_text=duplicates.same_question_text,
        shown=found.shown,
    )
