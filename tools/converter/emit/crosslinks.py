"""What the cross-link stage found, as the reader sees it: the duplicate banner
under the title, the related questions and "Linked from" after the answer, the
glossary page, and the abbreviation list that gives every page its tooltips.

The related and linked-from sections sit under a heading marked
``data-search-exclude``: they repeat other pages' titles, and a search for a
term should find the pages about it, not every page that lists one.
"""

from __future__ import annotations

from hooks.contract import DUPLICATES, RELATED, TERM

from ..enrich.language import HINGLISH
from ..links.glossary import Glossary
from ..links.rules import LinkRules
from ..model import Backlink, Document, Entry, TermLink
from .indexes import number_of
from .markup import anchor, escape_inline, front_matter, plural

Pages = dict[str, tuple[Entry, Document]]  # page path -> its entry and document

VIA = {"related": "related question", "duplicate": "same answer"}
GLOSSARY = "glossary:"  # a backlink's via for a glossary mention: "glossary: <term>"


def href(target: str, page: str) -> str:
    """``posixpath.relpath(target, dirname(page))`` for the tree's plain relative paths, without
    its normalising: a page lists up to forty links, and relpath was a tenth of emitting them."""
    here, there = page.split("/")[:-1], target.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def reference(target: str, page: str, pages: Pages) -> str:
    """A link to a page, with where it comes from in small print: its source (a list mixes
    sources, and "Q38" alone says nothing), chapter and number."""
    entry, document = pages[target]
    where = [escape_inline(document.source.title)]
    if entry.chapter:
        where.append(escape_inline(entry.chapter))
    if number_of(entry):
        where.append(number_of(entry))
    language = " · Hinglish" if entry.language == HINGLISH else ""
    where_text = " › ".join(where) + language
    small = f" <small>{where_text.removeprefix(' · ')}</small>" if where_text else ""
    return f"[{escape_inline(entry.title)}]({href(target, page)}){small}"


def linked(body: str, links: tuple[TermLink, ...], path: str) -> str:
    """The body with each glossary mention made a relative link to its page, its definition the
    link's title (Material shows it as a tooltip on hover and focus)."""
    for link in sorted(links, key=lambda link: -link.offset):
        end = link.offset + link.length
        title = f' "{link_title(link.definition)}"' if link.definition else ""
        body = f"{body[:link.offset]}[{body[link.offset:end]}]({href(link.target, path)}{title}){{ .{TERM} }}{body[end:]}"
    return body


def link_title(text: str) -> str:
    """``text`` as a Markdown link title in double quotes: Python-Markdown keeps the backslash of
    an escaped quote, so a double quote becomes a single one; a backslash is escaped."""
    return " ".join(text.split()).replace("\\", "\\\\").replace('"', "'")


def duplicate_banner(entry: Entry, pages: Pages, shown: int = LinkRules.shown) -> str:
    """Names at most ``shown`` of the group's other versions: a group grows with the corpus."""
    group = entry.links.duplicates
    if group is None:
        return ""
    others = [p for p in group.members if p != entry.path]
    if entry.path == group.canonical:
        text = "Also answered in: " + listed(others, entry.path, pages, shown)
    else:
        text = "Another version of " + reference(group.canonical, entry.path, pages)
        rest = [p for p in others if p != group.canonical]
        if rest:
            text += ". Also answered in: " + listed(rest, entry.path, pages, shown - 1)
    return (f'<div class="{DUPLICATES}" data-search-exclude markdown>\n{text}.\n'
            f"<small>Grouped as duplicates: {group.reason}.</small>\n</div>")


def listed(paths: list[str], page: str, pages: Pages, shown: int) -> str:
    """The first ``shown`` paths named (always one, so the list reads as a list), the rest counted."""
    named = max(shown, 1)
    text = "; ".join(reference(p, page, pages) for p in paths[:named])
    return text + (f"; and {plural(len(paths) - named, 'other version')}" if len(paths) > named else "")


STRENGTH = {"duplicate": 0, "related": 1}  # then glossary mentions


def strongest_first(backlinks: tuple[Backlink, ...]) -> list[Backlink]:
    """Same answer, then related question, then glossary mention; in page order within each."""
    return sorted(backlinks, key=lambda b: min(STRENGTH.get(v, len(STRENGTH)) for v in b.via))


def related_section(entry: Entry, pages: Pages, shown: int = LinkRules.shown) -> str:
    """The related questions, then what links here: the questions that list this one as
    related or as the same answer (the ``shown`` first named, the rest counted), and apart,
    the number of pages that only mention one of its glossary terms (the page a term points
    to is mentioned on a share of the whole corpus: naming them was noise)."""
    if not entry.links.related and not entry.links.linked_from:
        return ""
    lines = [f"## Related questions {{ #{RELATED} data-search-exclude }}", ""]
    lines += [f"- {reference(p, entry.path, pages)}" for p in entry.links.related] or ["No closely related question."]
    backlinks = strongest_first(entry.links.linked_from)
    questions = [b for b in backlinks if not all(v.startswith(GLOSSARY) for v in b.via)]
    mentions = backlinks[len(questions):]
    if questions:
        lines += ["", f'??? info "Linked from {plural(len(questions), "question")}"', ""]
        for backlink in questions[:shown]:
            via = ", ".join(VIA.get(v, v) for v in backlink.via)
            lines.append(f"    - {reference(backlink.path, entry.path, pages)} <small>({escape_inline(via)})</small>")
        if len(questions) > shown:
            lines.append(f"    - *and {plural(len(questions) - shown, 'more question')}*")
    if mentions:
        terms = sorted({v.removeprefix(GLOSSARY).strip() for b in mentions for v in b.via}, key=str.casefold)
        lines += ["", f"<small>{escape_inline(' and '.join(terms))} mentioned on {plural(len(mentions), 'other page')}, "
                      "linked here through the glossary.</small>"]
    return "\n".join(lines)


def glossary_page(glossary: Glossary, pages: Pages, path: str) -> str:
    """The terms A to Z under a bar of their initials, each a block with its own anchor
    (``glossary/#lora``, to link a term): name, expansion, definition, and the answer that
    explains it. Blocks, not a table: a three-column table was cut off on a phone."""
    data = {"title": "Glossary", "kind": "glossary", "hide": ["toc"],
            "description": "Key terms of generative AI, each with the answer that explains it best."}
    terms = sorted(glossary.terms, key=lambda t: (t.term.casefold(), t.term))
    letters = list(dict.fromkeys(initial(t.term) for t in terms))
    bar = " ".join(f'<a href="#{letter_id(letter)}">{letter}</a>' for letter in letters)
    lines = [front_matter(data), "# Glossary", "",
             "Each term links to the answer that explains it best. On every page, a term's first "
             "mention links there too and shows its definition on hover; abbreviations show their "
             "expansion.", "", f'<p class="qa-az">{bar}</p>']
    ids: set[str] = set()
    for letter in letters:
        lines += ["", f"## {letter} {{ #{letter_id(letter)} }}", ""]
        for term in (t for t in terms if initial(t.term) == letter):
            term_id = unique(anchor(term.term) or "term", ids)
            expansion = f' <span class="qa-term-expansion">{escape_inline(term.expansion)}</span>' if term.expansion else ""
            where = reference(term.path, path, pages) if term.path in pages else "*(page missing)*"
            lines += [f'<div class="qa-glossary-term" id="{term_id}" markdown>', "",
                      f"**{escape_inline(term.term)}**{expansion}  ", escape_inline(term.definition) + "  ",
                      f'<span class="qa-term-where">Explained in {where}</span>', "", "</div>", ""]
    return "\n".join(lines).rstrip() + "\n"


def initial(term: str) -> str:
    """The letter a term is listed under: its first letter, or "#" for a digit or a sign."""
    first = term.strip()[:1].upper()
    return first if first.isalpha() and first.isascii() else "#"


def letter_id(letter: str) -> str:
    return f"letter-{letter.lower()}" if letter != "#" else "letter-other"


def unique(wanted: str, taken: set[str]) -> str:
    """``wanted``, or with a number after it, never an id of the letters' headings."""
    wanted = f"term-{wanted}" if wanted.startswith("letter-") else wanted
    name, n = wanted, 2
    while name in taken:
        name, n = f"{wanted}-{n}", n + 1
    taken.add(name)
    return name
