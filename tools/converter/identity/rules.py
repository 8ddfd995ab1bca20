"""When two fingerprints are the same entry: the settings of ``tools/data/identity.yml``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IdentityRules:
    stop_words: frozenset[str] = frozenset()
    title: float = 1.0  # title words alone (1: the same words), whatever the answer became
    answer: float = 0.6  # answer words alone: the same answer under a new title
    combined: float = 1.2  # title and answer overlap added: both changed a little
    same_source: float = 0.05  # added to the score of a candidate from the entry's own source
    nearest: int = 5  # questions a removed entry's page suggests
    nearest_min: float = 0.025  # ... each at least this alike


def rules_of(data: dict) -> IdentityRules:
    match = data.get("match") or {}
    removed = data.get("removed") or {}
    rules = IdentityRules(
        stop_words=frozenset(str(w).casefold() for w in data.get("stop_words") or ()),
        title=float(match.get("title", 1.0)),
        answer=float(match.get("answer", 0.6)),
        combined=float(match.get("combined", 1.2)),
        same_source=float(match.get("same_source", 0.05)),
        nearest=int(removed.get("nearest", 5)),
        nearest_min=float(removed.get("min_score", 0.025)),
    )
    for name in ("title", "answer"):
        if not 0 < getattr(rules, name) <= 1:
            raise ValueError(f"identity.yml: match.{name} must be in (0, 1]")
    if not 0 < rules.combined <= 2:
        raise ValueError("identity.yml: match.combined must be in (0, 2]")
    return rules
