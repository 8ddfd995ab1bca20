"""Settings from the YAML data files: per-source settings and cleanup rules."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import AfterValidator, Field, model_validator

from .detect import BY_NAME
from .enrich import language as language_stage
from .enrich import tags as tags_stage
from .enrich import written as written_stage
from .links import glossary as glossary_stage
from .links import rules as links_stage
from .identity import rules as identity_stage
from .model import Attribution, DropRule, Erratum, Library, Source, Style, TopicHint
from . import search_words as search_stage
from .schema import Regex, Section, validated
from .settings import Settings
from .slugs import slugify

DATA = Path(__file__).resolve().parent.parent / "data"
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


class SettingsError(Exception):
    """The YAML settings are wrong; the message names the file and the key."""


def known_pattern(pattern: str | None) -> str | None:
    if pattern is not None and pattern != "topics" and pattern not in BY_NAME:
        raise ValueError(f"{pattern!r} is not one of {', '.join(['topics', *BY_NAME])}")
    return pattern


class Topic(Section):
    heading: str = Field(min_length=1)
    title: str | None = None


class SourceEntry(Section):
    """One document of sources.yml."""

    title: str = Field(min_length=1)
    slug: str | None = None
    author: str | None = None
    origin: str | None = None
    pattern: Annotated[str | None, AfterValidator(known_pattern)] = None
    titles: dict[int, str] = {}
    topics: list[str | Topic] = []
    note: str = ""
    shelf: str = ""


class LibraryEntry(Section):
    shelves: list[Annotated[str, Field(min_length=1)]] = []
    flat_up_to: int = Field(Library.flat_up_to, ge=0)
    other: str = Library.other


class SourcesFile(Section):
    """sources.yml"""

    library: LibraryEntry = LibraryEntry()
    sources: dict[str, SourceEntry] = {}

    @model_validator(mode="after")
    def shelved(self) -> SourcesFile:
        for file, source in self.sources.items():
            if source.shelf and source.shelf not in self.library.shelves:
                raise ValueError(f"sources.{file}.shelf: {source.shelf!r} is not one of library.shelves "
                                 f"({', '.join(self.library.shelves) or 'none'})")
        return self


def source_of(file: str, entry: SourceEntry) -> Source:
    return Source(
        file=file,
        slug=entry.slug or slugify(entry.title),
        title=entry.title,
        attribution=Attribution(entry.author, entry.origin),
        pattern=entry.pattern,
        topics=tuple(TopicHint(t, None) if isinstance(t, str) else TopicHint(t.heading, t.title)
                     for t in entry.topics),
        titles=tuple(sorted(entry.titles.items())),
        note=entry.note,
        shelf=entry.shelf,
    )


LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the same data, 10 times faster


def read_yaml(path: Path, required: bool = True) -> dict:
    if not required and not path.exists():
        return {}
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {}
    except (OSError, yaml.YAMLError) as err:
        raise SettingsError(f"cannot read settings: {err}") from err


class DropRuleItem(Section):
    pattern: Regex
    reason: str = Field(min_length=1)


class SentenceHeadings(Section):
    starts: list[str] = []
    ends: list[str] = []


class CleanupFile(Section):
    """cleanup.yml"""

    drop: list[DropRuleItem] = []
    sentences: list[DropRuleItem] = []
    footer: Regex | None = None
    question_openers: list[str] = []
    pointing_words: list[str] = []
    label_headings: list[str] = []
    sentence_headings: SentenceHeadings = SentenceHeadings()
    code_languages: dict[str, Regex] = {}
    max_line_length: int = Field(100_000, ge=1)
    max_nesting: int = Field(Settings.max_nesting, ge=1)
    bracket_budget: int = Field(Settings.bracket_budget, ge=1)


def checked(shape, data, where: str):
    """``schema.validated``, its error as this module's SettingsError."""
    try:
        return validated(shape, data, where)
    except ValueError as err:
        raise SettingsError(str(err)) from None


class ErratumItem(Section):
    find: str = Field(min_length=1)
    replace: str
    files: list[str] = Field(min_length=1)
    reason: str = "erratum"

    @model_validator(mode="after")
    def keeps_the_lines(self) -> ErratumItem:
        """Line numbers in the report stay true only if no erratum adds or removes a line."""
        if self.find.count("\n") != self.replace.count("\n"):
            raise ValueError("find and replace must hold the same number of line breaks")
        return self


class ErrataFile(Section):
    """errata.yml"""

    errata: list[ErratumItem] = []


def errata_of(raw, where: str) -> tuple[Erratum, ...]:
    found = checked(ErrataFile, raw, where)
    return tuple(Erratum(item.find, item.replace, tuple(item.files), item.reason) for item in found.errata)


def load(data_dir: Path = DATA) -> Settings:
    (sources_file, cleanup_file, errata_file, language_file, tags_file, links_file, glossary_file,
     identity_file, summaries_file, search_file) = (data_dir / n for n in (
        "sources.yml", "cleanup.yml", "errata.yml", "language.yml", "tags.yml", "links.yml", "glossary.yml",
        "identity.yml", "summaries.yml", "search.yml"))
    sources = checked(SourcesFile, read_yaml(sources_file), str(sources_file))
    cleanup = checked(CleanupFile, read_yaml(cleanup_file), str(cleanup_file))
    errata = read_yaml(errata_file, required=False)
    language = read_yaml(language_file, required=False)
    vocabulary = read_yaml(tags_file, required=False)
    links = read_yaml(links_file, required=False)
    terms = read_yaml(glossary_file, required=False)
    identity = read_yaml(identity_file, required=False)
    try:
        rule = language_stage.rule_of(language) if language else None
        tags = tags_stage.vocabulary(vocabulary) if vocabulary else None
        link_rules = links_stage.rules_of(links) if links else None
        if link_rules is not None and rule is not None:
            link_rules = replace(link_rules, stop_words=link_rules.stop_words | rule.markers)
        glossary = glossary_stage.glossary_of(terms) if terms else None
        identity_rules = identity_stage.rules_of(identity)
        written = written_stage.written_of(read_yaml(summaries_file, required=False), str(summaries_file))
        search = read_yaml(search_file, required=False)
        search_words = search_stage.search_words_of(search, "search.yml") if search else None
    except ValueError as err:
        raise SettingsError(f"{language_file.parent}: {err}") from err
    parsed = tuple(source_of(file, entry) for file, entry in sources.sources.items())
    return Settings(
        sources=parsed,
        drop_rules=tuple(DropRule(rule.pattern, rule.reason) for rule in cleanup.drop),
        label_headings=tuple(x.casefold() for x in cleanup.label_headings),
        max_line_length=cleanup.max_line_length,
        max_nesting=cleanup.max_nesting,
        bracket_budget=cleanup.bracket_budget,
        question_openers=tuple(x.casefold() for x in cleanup.question_openers),
        pointing_words=frozenset(x.casefold() for x in cleanup.pointing_words),
        sentence_rules=tuple(DropRule(rule.pattern, rule.reason) for rule in cleanup.sentences),
        footer=cleanup.footer,
        errata=errata_of(errata, str(errata_file)),
        style=Style(tuple(x.casefold() for x in cleanup.sentence_headings.starts),
                    tuple(x.casefold() for x in cleanup.sentence_headings.ends),
                    tuple(cleanup.code_languages.items())),
        language=rule,
        vocabulary=tags,
        links=link_rules,
        glossary=glossary,
        identity=identity_rules,
        library=Library(tuple(sources.library.shelves), sources.library.flat_up_to, sources.library.other),
        written=written,
        search=search_words,
    )


def source_for(file: str, settings: Settings) -> Source:
    """The configured source, or auto-detected settings for a document nobody configured."""
    for source in settings.sources:
        if source.file == file:
            return source
    stem = Path(file).stem
    return Source(file=file, slug=slugify(stem), title=stem.replace("_", " ").replace("-", " ").strip() or file,
                  configured=False)


def site_name(config: Path) -> str:
    """The ``site_name`` of the MkDocs configuration at ``config``, read as MkDocs reads it (its
    tags, ``INHERIT``): the name on link-preview cards."""
    from mkdocs.exceptions import ConfigurationError
    from mkdocs.utils.yaml import yaml_load

    try:
        with open(config, encoding="utf-8") as stream:
            data = yaml_load(stream)
    except (OSError, UnicodeDecodeError, ConfigurationError) as err:
        raise SettingsError(f"cannot read the site's configuration: {err}") from err
    name = data.get("site_name") if isinstance(data, dict) else None
    if not isinstance(name, str) or not name.strip():
        raise SettingsError(f"{config}: no site_name")
    return name.strip()


def documents_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


def shown_name(path: Path) -> str:
    """The file's name as text: a name that is not UTF-8 (Python keeps its bytes as surrogates,
    which no output can print) gets U+FFFD for each byte that is not."""
    return os.fsencode(path.name).decode("utf-8", errors="replace")


def leaves(path: Path, folder: Path) -> str | None:
    """Where ``path`` really is, when it is a symbolic link out of ``folder``: reading it would
    publish any file the converter can read (/etc/passwd, /proc/self/status)."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    return None if target.is_relative_to(folder.resolve()) else str(target)
