"""Index pages: one per source (attribution, chapters and their questions) and
the topic pages (one per tag, plus the topic index by group)."""

from __future__ import annotations

from collections import defaultdict

from hooks.contract import TOPIC_INDEX

from ..enrich.tags import Vocabulary
from ..model import Document, Entry
from .markup import SEARCH_LISTING, anchor, escape_inline, front_matter, plural


def number_of(entry: Entry) -> str:
    if entry.number is None:
        return ""
    return f"Q{entry.number}" if entry.kind == "question" else f"{entry.number}."


def render_index(document: Document) -> str:
    source = document.source
    data = {"title": source.title, "kind": "source", "source": source.slug, "source_file": source.file,
            "description": source.note or f"Questions and answers from {source.title}.", "search": SEARCH_LISTING}
    if source.attribution.author:
        data["author"] = source.attribution.author
    if source.attribution.origin:
        data["origin"] = source.attribution.origin
    questions = sum(e.kind == "question" for e in document.entries)
    lines = [front_matter(data), f"# {escape_inline(source.title)}", ""]
    lines += attribution(document), ""
    count = plural(questions, "question") if questions else plural(len(document.entries), "topic")
    chapters = {e.chapter for e in document.entries if e.chapter is not None}
    if chapters:
        count += " in " + plural(len(chapters), "chapter")
    lines += [count + ".", ""]
    intros = {c.title: c.intro for c in document.chapters}
    current = object()
    for entry in document.entries:
        if entry.chapter != current:
            current = entry.chapter
            if current is not None:
                lines += ["", f"## {escape_inline(current)} {{ #{anchor(current)} }}", ""]
                if intros.get(current):
                    lines += [intros[current], ""]
        number = number_of(entry)
        lines.append(f"- {number + ' ' if number else ''}[{escape_inline(entry.title)}]({entry.slug}.md)")
    return "\n".join(lines).rstrip() + "\n"


def attribution(document: Document) -> str:
    source = document.source
    lines = ['<div class="qa-attribution" markdown>']
    if source.attribution.author:
        lines.append(f"**Author:** {escape_inline(source.attribution.author)}  ")
    if source.attribution.origin:
        lines.append(f"**Origin:** <{source.attribution.origin}>  ")
    lines.append(f"**Raw document:** `{source.file}`  ")
    if source.note:
        lines.append(f"**Note:** {source.note}")
    return "\n".join(lines).rstrip() + "\n</div>"


TagUsage = dict[str, list[tuple[Document, Entry]]]


def tag_usage(documents: list[Document]) -> TagUsage:
    """The pages of each tag in use, in document order: what topic pages,
    navigation and the home page all list or count."""
    by_tag: TagUsage = defaultdict(list)
    for document in documents:
        for entry in document.entries:
            for tag in entry.tags:
                by_tag[tag].append((document, entry))
    return dict(by_tag)


def tag_pages(by_tag: TagUsage, vocabulary: Vocabulary, defining: frozenset[str] = frozenset()) -> dict[str, str]:
    """``topics/<id>.md`` for each tag in use, and ``topics/index.md``; ``defining``: the pages the
    glossary names for its terms."""
    files = {f"topics/{tag.id}.md": topic_page(tag, by_tag[tag.id], vocabulary.basics, defining)
             for tag in vocabulary.tags if tag.id in by_tag}
    files["topics/index.md"] = topic_index(vocabulary, by_tag)
    return files


def topic_page(tag, entries: list[tuple[Document, Entry]], basics: tuple[str, ...] = (),
               defining: frozenset[str] = frozenset()) -> str:
    """The few pages to start with (`starters`), then all the topic's pages by source, with their number."""
    data = {"title": tag.label, "kind": TOPIC_INDEX, "topic": tag.id, "description": tag.description}
    lines = [front_matter(data), f"# {escape_inline(tag.label)}", "", tag.description, "",
             f"{plural(len(entries), 'page')} from {plural(len({d.source.slug for d, _ in entries}), 'source')}.", ""]
    first = starters(tag, entries, basics, defining)
    if first:
        lines += ["", "## Start here { #start-here }", ""]
        lines += [f"- [{escape_inline(e.title)}](../{e.path}) <small>{escape_inline(d.source.title)}</small>" for d, e in first]
    by_source: dict[str, tuple[Document, list[Entry]]] = {}
    for document, entry in entries:
        by_source.setdefault(document.source.slug, (document, []))[1].append(entry)
    for document, listed in by_source.values():
        lines += ["", f"## {escape_inline(document.source.title)} <small>{len(listed)}</small> {{ #{document.source.slug} }}", ""]
        for entry in listed:
            where = " · ".join(x for x in (entry.chapter and escape_inline(entry.chapter), number_of(entry)) if x)
            lines.append(f"- [{escape_inline(entry.title)}](../{entry.path})" + (f" <small>{where}</small>" if where else ""))
    return "\n".join(lines).rstrip() + "\n"


STARTERS = 6


def starters(tag, entries: list[tuple[Document, Entry]], basics: tuple[str, ...],
             defining: frozenset[str]) -> list[tuple[Document, Entry]]:
    """At most STARTERS pages whose title names the topic and either is the page the glossary
    names for a term or asks for a definition (begins as one of ``basics``: "what is"); the
    glossary's first, then in reading order."""
    if tag.title_pattern is None:
        return []
    named = [(d, e) for d, e in entries if tag.title_pattern.search(e.title.casefold())]
    glossary = [(d, e) for d, e in named if e.path in defining]
    asks = [(d, e) for d, e in named if basics and e.title.casefold().startswith(basics) and e.path not in defining]
    return (glossary + asks)[:STARTERS]


def topic_index(vocabulary: Vocabulary, by_tag: TagUsage) -> str:
    """Every group as a card of its topics, each with its number of pages and its one-line
    description: the whole vocabulary on one or two screens. Each topic's page lists its
    pages; the index does not list them again."""
    data = {"title": "Topics", "kind": TOPIC_INDEX,
            "description": "Every question, grouped by topic: browse a topic to see its questions from all sources.",
            "search": SEARCH_LISTING, "hide": ["toc"]}
    lines = [front_matter(data), "# Topics", "",
             "Every page carries one to five topics from a fixed vocabulary. Pick a topic to see its "
             "questions from every source, basics first.", "", '<div class="qa-topic-groups" markdown>', ""]
    for group in vocabulary.groups:
        tags = [t for t in vocabulary.in_group(group.id) if t.id in by_tag]
        if not tags:
            continue
        lines += [f"-   ### {escape_inline(group.label)} {{ #{group.id} }}", ""]
        for t in tags:
            lines += [f"    - [{escape_inline(t.label)}]({t.id}.md) <span class=\"qa-topic-count\">{len(by_tag[t.id])}</span>  ",
                      f"      <span class=\"qa-topic-description\">{escape_inline(t.description)}</span>"]
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines).rstrip() + "\n"
