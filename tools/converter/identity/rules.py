"""When two fingerprints are the same entry: the settings of ``tools/data/identity.yml``."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import Field

from ..schema import Section, validated


@dataclass(frozen=True)
class IdentityRules:
    stop_words: frozenset[str] = frozenset()
    title: float = 1.0  # title words alone (1: the same words), whatever the answer became
    answer: float = 0.6  # answer words alone: the same answer under a new title
    combined: float = 1.2  # title and answer overlap added: both changed a little
    same_source: float = 0.05  # added to the score of a candidate from the entry's own source
    nearest: int = 5  # questions a removed entry's page suggests
    nearest_min: float = 0.025  # ... each at least this alike


class Match(Section):  # the defaults are IdentityRules': one place for each number
    title: float = Field(IdentityRules.title, gt=0, le=1)
    answer: float = Field(IdentityRules.answer, gt=0, le=1)
    combined: float = Field(IdentityRules.combined, gt=0, le=2)
    same_source: float = IdentityRules.same_source


class Removed(Section):
    nearest: int = Field(IdentityRules.nearest, ge=0)
    min_score: float = IdentityRules.nearest_min


class IdentityFile(Section):
    """identity.yml"""

    stop_words: list[str] = []
    match: Match = Match()
    removed: Removed = Removed()


def rules_of(data: dict | None) -> IdentityRules:
    found = validated(IdentityFile, data, "identity.yml")
    return IdentityRules(
        stop_words=frozenset(w.casefold() for w in found.stop_words),
        title=found.match.title,
        answer=found.match.answer,
        combined=found.match.combined,
        same_source=found.match.same_source,
        nearest=found.removed.nearest,
        nearest_min=found.removed.min_score,
    )
