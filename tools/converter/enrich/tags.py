"""Topic tags: a controlled vocabulary (``tools/data/tags.yml``) and the rule
that gives each page 1 to 5 of its tags.

Pure functions, no I/O: the caller reads the YAML and the pages. The rule is
a plain score per tag (see ``score`` and ``assign``), so an editor who finds a
wrong tag can tell which keyword put it there and fix the vocabulary, not the
code. tags.yml repeats the rule in its header; keep the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import islice
from typing import Annotated

from pydantic import AfterValidator, StringConstraints, model_validator

from .. import scan
from ..markdown import code_lines
from ..schema import Section, validated

TITLE_SCORE = 10  # the title names the topic: enough on its own
BODY_SCORE = 1  # per keyword occurrence in the answer ...
BODY_CAP = 6  # ... up to this much, so a long answer cannot outvote a title
DEFAULT_SCORE = 5  # the page's chapter or source is about the topic
MIN_SCORE = 5  # evidence a topic tag needs
MAX_TAGS = 5  # chips per page, the language tag included
SIZE = (20, 40)  # how many tags a vocabulary may have
REGEX_PREFIX = "re:"  # a keyword written so is a regular expression, not a phrase

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class VocabularyError(ValueError):
    """tags.yml is wrong; the message names the tag and the problem."""


def keyword_pattern(keyword: str) -> str:
    """The regex source for one keyword, to be matched against lowercased text.

    The raw documents spell terms every way, so inside a phrase a space or a
    hyphen also matches the other or nothing ("fine-tuning" = "fine tuning" =
    "finetuning"), and a final "s" or "es" is optional ("transformer" matches
    "transformers"). A ``re:`` keyword is used as written, case-insensitively.
    ``compile_keywords`` adds the whole-word guards.
    """
    if keyword.startswith(REGEX_PREFIX):
        return f"(?i:{keyword[len(REGEX_PREFIX):]})"
    words = [re.escape(w.lower()) for w in re.split(r"[\s-]+", keyword.strip()) if w]
    core = r"[\s-]?".join(words)
    if words and keyword.strip()[-1].isalnum():
        core += "(?:e?s)?"
    return core


def first_words(keywords: tuple[str, ...]) -> scan.FirstWords | None:
    """A text where none of these occurs (as a substring) has no match of the keywords, so the
    regex scan, most of the tagging time, is skipped; None when a ``re:`` keyword has no such word."""
    firsts = [None if k.startswith(REGEX_PREFIX) else next((w for w in re.split(r"[\s-]+", k) if w), None)
              for k in keywords]
    return None if None in firsts else scan.FirstWords(tuple(sorted({w.lower() for w in firsts})))


def compile_keywords(keywords: tuple[str, ...]) -> re.Pattern | None:
    """All keywords of a tag as one alternation matched as whole words (so
    "RAG" does not match "storage"): one scan of the text per tag. Matching
    lowercased text without re.IGNORECASE is several times faster."""
    if not keywords:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(keyword_pattern(k) for k in keywords) + r")(?!\w)")


@dataclass(frozen=True)
class Tag:
    """One topic and the rule that gives it.

    ``keywords`` count in the title and the answer; ``title_keywords`` in the
    title only (wordings too loose for an answer, such as "design a").
    ``sources`` and ``chapters`` ((source slug, chapter title) pairs) are
    defaults. A tag with a ``language`` is given exactly when the page is in
    that language and has no other rule.
    """

    id: str
    label: str
    group: str
    description: str
    keywords: tuple[str, ...] = ()
    title_keywords: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    chapters: tuple[tuple[str, str], ...] = ()
    language: str | None = None
    # Compiled once when the tag is made (assign runs on thousands of pages); not part of equality.
    body_pattern: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)
    title_pattern: re.Pattern | None = field(default=None, init=False, repr=False, compare=False)
    body_words: scan.FirstWords | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "body_pattern", compile_keywords(self.keywords))
        object.__setattr__(self, "body_words", first_words(self.keywords))
        object.__setattr__(self, "title_pattern", compile_keywords(self.keywords + self.title_keywords))

    def is_default_for(self, source: str, chapter: str | None) -> bool:
        """Whether the page's source, or its chapter (any case), gives this tag by default."""
        if source in self.sources:
            return True
        wanted = (chapter or "").strip().casefold()
        return bool(wanted) and any(s == source and c.strip().casefold() == wanted for s, c in self.chapters)


@dataclass(frozen=True)
class Group:
    id: str
    label: str


@dataclass(frozen=True)
class Vocabulary:
    """The groups and tags in reading order; tag order also breaks score ties."""

    groups: tuple[Group, ...]
    tags: tuple[Tag, ...]
    fallback: str | None = None  # the topic for a page with no evidence at all
    basics: tuple[str, ...] = ()  # how a title that asks for a definition begins ("what is")

    def by_id(self) -> dict[str, Tag]:
        return {t.id: t for t in self.tags}

    def labels(self, ids) -> tuple[str, ...]:
        """Labels for tag ids, in the same order: what readers see."""
        tags = self.by_id()
        return tuple(tags[i].label for i in ids)

    def in_group(self, group_id: str) -> tuple[Tag, ...]:
        return tuple(t for t in self.tags if t.group == group_id)


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


def lowercase_slug(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise ValueError("must be a lowercase slug (a-z, 0-9 and single hyphens)")
    return value


def valid_keyword(keyword: str) -> str:
    try:
        compile_keywords((keyword,))
    except re.error as err:
        raise ValueError(f"{keyword!r} is not a valid pattern: {err}") from None
    return keyword


Keyword = Annotated[Text, AfterValidator(valid_keyword)]


class GroupEntry(Section):
    id: Text
    label: Text


class TagEntry(Section):
    """One tag of tags.yml, read on its own so that a mistake is named by the tag's id."""

    id: Annotated[str, AfterValidator(lowercase_slug)]
    label: Text
    group: Text
    description: Text
    keywords: list[Keyword] = []
    title_keywords: list[Keyword] = []
    sources: list[Text] = []
    chapters: dict[str, list[Text]] = {}  # source slug -> chapter titles
    language: Text | None = None

    @model_validator(mode="after")
    def one_kind_of_rule(self) -> TagEntry:
        rules = self.keywords or self.title_keywords or self.sources or self.chapters
        if self.language and rules:
            raise ValueError("a language tag is given by the page's language only: "
                             "it cannot also have keywords, sources or chapters")
        if not self.language and not rules:
            raise ValueError("has no rule (give keywords, title_keywords, sources, chapters or language)")
        return self


class TagsFile(Section):
    """tags.yml; each tag is read as a ``TagEntry`` of its own."""

    groups: list[GroupEntry] = []
    fallback: str | None = None
    basics: list[Text] = []
    tags: list[dict]


def _fail(where: str, problem: str) -> VocabularyError:
    return VocabularyError(f"tags.yml: {where}: {problem}")


def _tag(raw: dict, number: int, groups: set[str]) -> Tag:
    """One tag from its YAML mapping, checked."""
    name = raw.get("id")
    where = f"tag {name!r}" if name else f"tag number {number}"
    try:
        entry = validated(TagEntry, raw, f"tags.yml: {where}", whole="")
    except ValueError as err:
        raise VocabularyError(str(err)) from None
    if entry.group not in groups:
        raise _fail(where, f"group {entry.group!r} is not one of the groups ({', '.join(sorted(groups))})")
    return Tag(id=entry.id, label=entry.label, group=entry.group, description=entry.description,
               keywords=tuple(entry.keywords), title_keywords=tuple(entry.title_keywords),
               sources=tuple(entry.sources),
               chapters=tuple((source, chapter) for source, titles in entry.chapters.items() for chapter in titles),
               language=entry.language.casefold() if entry.language else None)


def vocabulary(data: dict) -> Vocabulary:
    """The vocabulary from parsed tags.yml, checked once, here, so that
    ``assign`` never has to second-guess it. Patterns are compiled here too."""
    try:
        found = validated(TagsFile, data, "tags.yml")
    except ValueError as err:
        raise VocabularyError(str(err)) from None
    groups = tuple(Group(g.id, g.label) for g in found.groups)
    if len({g.id for g in groups}) != len(groups):
        raise VocabularyError("tags.yml: group ids must be unique")
    tags, seen = [], set()
    for number, raw in enumerate(found.tags, 1):
        tag = _tag(raw, number, {g.id for g in groups})
        if tag.id in seen:
            raise _fail(f"tag {tag.id!r}", "the id is used twice")
        seen.add(tag.id)
        tags.append(tag)
    low, high = SIZE
    if not low <= len(tags) <= high:
        raise VocabularyError(f"tags.yml: there are {len(tags)} tags; a vocabulary needs {low} to {high}")
    fallback = found.fallback
    if not any(t.id == fallback and not t.language for t in tags):
        raise _fail(f"fallback {fallback!r}", "must be the id of a topic tag (the topic of a page "
                                               "with no evidence for any)")
    return Vocabulary(groups, tuple(tags), fallback, tuple(b.casefold() for b in found.basics))


def without_code(markdown: str) -> str:
    """The Markdown without its fenced code blocks: identifiers and comments
    in code ("from transformers import", "# tokenize") say little about what
    the answer discusses. An unclosed fence runs to the end, as it renders."""
    code = code_lines(markdown)
    return "\n".join(line for index, line in enumerate(markdown.split("\n")) if index not in code)


def score(tag: Tag, title: str, prose: str, source: str, chapter: str | None,
          heads: frozenset[str] | None = None) -> int:
    """The evidence that a page is about ``tag``; ``prose`` is the answer without code.
    Both texts come lower-cased, and ``heads`` (``scan.word_heads`` of the prose) come
    made: ``assign`` scores every tag on the same page, and work repeated per tag was most
    of the converter's tagging time.

    TITLE_SCORE when the title matches (however often); BODY_SCORE per keyword
    occurrence in the answer, at most BODY_CAP; DEFAULT_SCORE when the page's
    source or chapter is a default of the tag.
    """
    total = 0
    if tag.title_pattern is not None and tag.title_pattern.search(title):
        total += TITLE_SCORE
    if tag.body_pattern is not None:
        total += min(body_hits(tag, prose, heads) * BODY_SCORE, BODY_CAP)
    if tag.is_default_for(source, chapter):
        total += DEFAULT_SCORE
    return total


def body_hits(tag: Tag, prose: str, heads: frozenset[str] | None = None) -> int:
    """How often the tag's keywords occur in the prose, counted up to BODY_CAP, trying them only
    where one of their first words starts (``scan``), and only those that begin a word there."""
    positions = None
    if tag.body_words is not None:
        heads = scan.word_heads(prose) if heads is None else heads
        words = tag.body_words.beginning(heads)
        if not words:
            return 0
        positions = scan.starts(prose, words)
    return sum(1 for _ in islice(scan.matches(tag.body_pattern, prose, positions), BODY_CAP))


def assign(title: str, body: str, source: str, chapter: str | None, language: str,
           vocabulary: Vocabulary) -> tuple[str, ...]:
    """The page's tag ids: 1 to MAX_TAGS, the same for the same input.

    Topic tags that reach MIN_SCORE come first, best score first, ties in
    vocabulary order. The language tag (given exactly when ``language`` is
    its language) comes last and takes one of the MAX_TAGS places. A page
    where no topic tag reaches MIN_SCORE still gets its best-scoring topic,
    or the vocabulary's fallback when nothing matched at all: a reader
    should always find a page under some topic.
    """
    prose, title = without_code(body).lower(), title.lower()
    language = (language or "").casefold()
    languages = [t.id for t in vocabulary.tags if t.language and t.language == language]
    heads = scan.word_heads(prose)
    ranked = sorted((-score(t, title, prose, source, chapter, heads), position, t.id)
                    for position, t in enumerate(vocabulary.tags) if not t.language)
    topics = [tag_id for negative, _, tag_id in ranked if -negative >= MIN_SCORE]
    if not topics:
        if ranked and ranked[0][0] < 0:
            topics = [ranked[0][2]]
        else:
            topics = [vocabulary.fallback or ranked[0][2]] if ranked else []
    languages = languages[:MAX_TAGS - 1]  # always leave a place for a topic
    return tuple(topics[:MAX_TAGS - len(languages)] + languages)
