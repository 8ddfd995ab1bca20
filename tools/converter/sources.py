"""Settings from the YAML data files: per-source settings and cleanup rules."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .detect import BY_NAME
from .model import Attribution, DropRule, Settings, Source, TopicHint

DATA = Path(__file__).resolve().parent.parent / "data"
DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown")


class SettingsError(Exception):
    """The YAML settings are wrong; the message names the file and the key."""


def slugify(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "untitled"


def parse_source(file: str, raw: dict, where: str) -> Source:
    if not isinstance(raw, dict) or not raw.get("title"):
        raise SettingsError(f"{where}: sources.{file}: needs at least a title")
    pattern = raw.get("pattern")
    if pattern is not None and pattern != "topics" and pattern not in BY_NAME:
        known = ", ".join(["topics", *BY_NAME])
        raise SettingsError(f"{where}: sources.{file}.pattern: {pattern!r} is not one of {known}")
    topics = tuple(
        TopicHint(t, None) if isinstance(t, str) else TopicHint(str(t["heading"]), t.get("title"))
        for t in raw.get("topics") or ()
    )
    return Source(
        file=file,
        slug=raw.get("slug") or slugify(raw["title"]),
        title=raw["title"],
        attribution=Attribution(raw.get("author"), raw.get("origin")),
        pattern=pattern,
        topics=topics,
        titles=tuple(sorted((int(k), str(v)) for k, v in (raw.get("titles") or {}).items())),
    )


def load(data_dir: Path = DATA) -> Settings:
    sources_file = data_dir / "sources.yml"
    cleanup_file = data_dir / "cleanup.yml"
    try:
        sources = yaml.safe_load(sources_file.read_text(encoding="utf-8")) or {}
        cleanup = yaml.safe_load(cleanup_file.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise SettingsError(f"cannot read settings: {err}") from err
    parsed = tuple(
        parse_source(file, raw, str(sources_file)) for file, raw in (sources.get("sources") or {}).items()
    )
    rules = tuple(DropRule(r["pattern"], r["reason"]) for r in cleanup.get("drop") or ())
    for rule in rules:
        try:
            re.compile(rule.pattern)
        except re.error as err:
            raise SettingsError(f"{cleanup_file}: drop pattern {rule.pattern!r}: {err}") from err
    return Settings(
        sources=parsed,
        drop_rules=rules,
        label_headings=tuple(str(x).casefold() for x in cleanup.get("label_headings") or ()),
        max_line_length=int(cleanup.get("max_line_length", 100_000)),
    )


def source_for(file: str, settings: Settings) -> Source:
    """The configured source, or auto-detected settings for a document nobody configured."""
    for source in settings.sources:
        if source.file == file:
            return source
    stem = Path(file).stem
    return Source(file=file, slug=slugify(stem), title=stem.replace("_", " ").replace("-", " ").strip() or file,
                  configured=False)


def documents_in(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)
