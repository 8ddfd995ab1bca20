"""Glossary: key terms, the page that defines each, and their first mention on every page.

A mention counts only in running text: paragraphs and list items, not
headings, tables, code, maths, links or raw HTML. Blocks come from the
markdown-it parse the language stage already made; inside a block, spans that
are not prose (code, links, maths, tags, attribute lists, URLs) are masked
before terms are looked for. A term with a capital letter matches its case
exactly (RAG, not "rag"); an all-lowercase term matches any case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Annotated

from pydantic import Field, StringConstraints

from .. import scan
from ..enrich.language import units
from ..model import Mention, TermLink
from ..schema import Section, validated

# No part runs over the bracket that would open another of its kind, and a code span's
# backticks are a whole run: on a long line of "[", "<" or "`" each start would otherwise
# scan to the line's end (minutes for 100 KB).
NOT_PROSE = re.compile(
    r"(?<!`)(`+)(?!`)[^`]*(?<!`)\1(?!`)"  # code spans
    r"|!?\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])?"  # links, images, bracketed text
    r"|\$\$.*?\$\$|\$[^$\n]+\$|\\\((?:(?!\\[()]).)*\\\)"  # maths
    r"|<[^<>\n]+>"  # tags and autolinks
    r"|\{[^{}\n]*\}"  # attribute lists
    r"|https?://\S+",
    re.S,
)


@dataclass(frozen=True)
class Term:
    term: str
    page: int  # the defining entry's permanent number (registry.yml): stable when titles change
    definition: str = ""
    expansion: str = ""  # abbreviations: the tooltip
    aliases: tuple[str, ...] = ()
    path: str = ""  # that entry's page now, once ``resolved``: <source>/<slug>.md


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    # Made once with the glossary (every page is searched for its terms); not part of equality.
    pattern: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)
    forms: dict[str, Term] = field(default_factory=dict, init=False, repr=False, compare=False)
    first_words: scan.FirstWords | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", _pattern(self.terms))
        object.__setattr__(self, "forms", _forms(self.terms))
        object.__setattr__(self, "first_words", _first_words(self.terms))

    def term_of(self, mention: str) -> Term:
        mention = " ".join(mention.split())
        return self.forms.get(mention) or self.forms[mention.casefold()]


def key(form: str) -> str:
    """How a form is told apart: exactly when it has a capital (RAG), in any case otherwise."""
    return form if any(c.isupper() for c in form) else form.casefold()


def _form_pattern(form: str) -> str:
    body = re.escape(form).replace(r"\ ", r"\s+")
    return body if form != form.casefold() else f"(?i:{body})"


def _pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    """One alternation, longest form first, so that "multi-head attention" wins over "attention"."""
    forms = sorted({f for t in terms for f in (t.term, *t.aliases)}, key=lambda f: (-len(f), f))
    alternatives = "|".join(_form_pattern(f) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])") if forms else None


def _first_words(terms: tuple[Term, ...]) -> scan.FirstWords | None:
    """Each form's first word, lowercased, for ``scan``; None when one is not ASCII, whose
    case-insensitive matches ``scan.lowered`` does not vouch for."""
    words = sorted({f.split()[0].lower() for t in terms for f in (t.term, *t.aliases) if f.split()})
    return scan.FirstWords(tuple(words)) if all(w.isascii() for w in words) else None


def _forms(terms: tuple[Term, ...]) -> dict[str, Term]:
    return {key(form): t for t in terms for form in (t.term, *t.aliases)}


Form = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class TermEntry(Section):
    """One term of glossary.yml."""

    term: Form
    page: int = Field(gt=0, description="the defining entry's permanent number (registry.yml)")
    definition: str = ""
    expansion: str = ""
    aliases: list[Form] = []


class GlossaryFile(Section):
    terms: list[TermEntry] = []


def glossary_of(data: dict) -> Glossary:
    terms, seen = [], {}
    for number, entry in enumerate(validated(GlossaryFile, data, "glossary.yml").terms, 1):
        term = Term(entry.term, entry.page, entry.definition, entry.expansion, tuple(entry.aliases))
        for form in (term.term, *term.aliases):
            if key(form) in seen:
                raise ValueError(f"glossary.yml: terms.{number - 1}: {form!r} is already a form of "
                                 f"{seen[key(form)]!r}")
            seen[key(form)] = term.term
        terms.append(term)
    return Glossary(tuple(terms))


def resolved(glossary: Glossary, paths: dict[int, str]) -> tuple[Glossary, list[str]]:
    """Each term with the page its entry has now; a warning for each entry that is gone."""
    warnings = [f"glossary.yml: {t.term!r} points to entry {t.page}, which is no page: not linked"
                for t in glossary.terms if t.page not in paths]
    return Glossary(tuple(replace(t, path=paths.get(t.page, "")) for t in glossary.terms)), warnings


def mentions(body: str, glossary: Glossary, path: str, known: set[str]) -> tuple[TermLink, ...]:
    """The first mention of each term in running text; none for the page's own terms, nor for
    terms whose page is not in ``known`` (it may have been renamed: see the converter's warnings)."""
    return linkable(first_mentions(body, glossary), glossary, path, known)


def first_mentions(body: str, glossary: Glossary) -> tuple[Mention, ...]:
    """The first mention of each term in running text, in body order, wherever the term points:
    this half needs only the page, so it runs with the per-document stages."""
    pattern = glossary.pattern
    if pattern is None:
        return ()
    words = None  # the forms' first words that begin a word of the page, where lowercasing can tell
    low = scan.lowered(body) if glossary.first_words is not None else None
    if low is not None:
        words = glossary.first_words.beginning(scan.word_heads(low))
        if not words:
            return ()
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    found: dict[str, Mention] = {}
    for unit in units(body):
        if unit.kind != "paragraph":
            continue
        offset = starts[unit.start]
        text = "\n".join(lines[unit.start:unit.end])
        masked = NOT_PROSE.sub(lambda m: " " * len(m.group()), text)
        for match in scan.matches(pattern, masked, None if words is None else scan.starts(masked.lower(), words)):
            term = glossary.term_of(match.group()).term
            if term not in found:
                found[term] = Mention(offset + match.start(), match.end() - match.start(), term)
    return tuple(sorted(found.values(), key=lambda mention: mention.offset))


def linkable(found: tuple[Mention, ...], glossary: Glossary, path: str, known: set[str]) -> tuple[TermLink, ...]:
    """The mentions whose term points to another page that exists."""
    terms = {t.term: t for t in glossary.terms}
    return tuple(TermLink(m.offset, m.length, m.term, terms[m.term].path, terms[m.term].definition) for m in found
                 if terms[m.term].path != path and terms[m.term].path in known)


def expansions(glossary: Glossary) -> dict[str, str]:
    """Each abbreviation (casefolded, every form) and what it stands for, for the search ranking:
    a page titled "Retrieval-Augmented Generation" answers the query "rag"."""
    return {form.casefold(): term.expansion for term in glossary.terms if term.expansion
            for form in (term.term, *term.aliases) if " " not in form}


def defining_pages(glossary: Glossary) -> dict[str, str]:
    """Each way of writing a term (casefolded: term, aliases, expansion) and the page that defines
    it, as search locates pages (``<source>/<slug>/``): a query that is a term puts that page first."""
    return {form.casefold(): term.path.removesuffix(".md") + "/" for term in glossary.terms if term.path
            for form in (term.term, *term.aliases, *((term.expansion,) if term.expansion else ()))}


def abbreviations(glossary: Glossary) -> str:
    """Python-Markdown ``abbr`` definitions, appended to every page by snippets."""
    lines = []
    for term in glossary.terms:
        if term.expansion:
            for form in (term.term, *term.aliases):
                lines.append(f"*[{form}]: {term.expansion}")
    return "\n".join(lines) + "\n"
