"""What the search box knows of words, written for the browser as ``search/glossary.json``
(read by docs/assets/javascripts/search-worker.js): the words a query carries no meaning
with, the forms that mean the same, and the page that defines each glossary term.

From ``tools/data/search.yml`` (ignored words, synonym groups) and the glossary (each
abbreviation and what it stands for are synonyms; each term's defining page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, StringConstraints

from .links.glossary import Glossary, defining_pages, expansions
from .schema import Section, validated

Word = Annotated[str, StringConstraints(strip_whitespace=True, to_lower=True, min_length=1)]


class SearchFile(Section):
    """search.yml"""

    ignored: list[Word] = []
    synonyms: list[Annotated[list[Word], Field(min_length=2)]] = []


@dataclass(frozen=True)
class SearchWords:
    ignored: frozenset[str] = frozenset()
    synonyms: tuple[tuple[str, ...], ...] = ()  # groups of forms that mean one thing


def search_words_of(data, where: str = "search.yml") -> SearchWords:
    found = validated(SearchFile, data, where)
    return SearchWords(frozenset(found.ignored), tuple(tuple(dict.fromkeys(group)) for group in found.synonyms))


def synonyms(words: SearchWords, glossary: Glossary | None) -> dict[str, list[str]]:
    """Each form (lowercase) and the other forms that mean the same, from the synonym groups and
    the glossary's abbreviations; a form in two groups gets both groups' forms."""
    groups = list(words.synonyms)
    if glossary is not None:
        groups += [(form, expansion.casefold()) for form, expansion in expansions(glossary).items()]
    found: dict[str, list[str]] = {}
    for group in groups:
        for form in group:
            others = found.setdefault(form, [])
            others += [other for other in group if other != form and other not in others]
    return {form: others for form, others in sorted(found.items())}


def search_data(glossary: Glossary | None, words: SearchWords | None) -> dict:
    words = words or SearchWords()
    return {"ignored": sorted(words.ignored),
            "synonyms": synonyms(words, glossary),
            "expansions": expansions(glossary) if glossary is not None else {},
            "defines": defining_pages(glossary) if glossary is not None else {}}
