"""The converter's settings, as read from ``tools/data/`` by ``sources.load``.

Kept apart from the document model: the model is the ground floor every stage
imports, and it imports no stage; the settings name each stage's own rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import DropRule, Erratum, Library, Source, Style, Written

if TYPE_CHECKING:
    from .enrich.language import LanguageRule
    from .enrich.tags import Vocabulary
    from .identity.rules import IdentityRules
    from .links.glossary import Glossary
    from .links.rules import LinkRules
    from .search_words import SearchWords


@dataclass(frozen=True)
class Settings:
    sources: tuple[Source, ...]
    drop_rules: tuple[DropRule, ...]
    label_headings: tuple[str, ...]
    max_line_length: int
    max_nesting: int = 20  # lists and quotes nested deeper than this are flattened (clean.py)
    bracket_budget: int = 2_000_000  # a line's openers times its length, past which they are text (clean.py)
    question_openers: tuple[str, ...] = ()  # words a question or task opens with ("what", "explain")
    pointing_words: frozenset[str] = frozenset()  # words a follow-up question points back with ("this")
    sentence_rules: tuple[DropRule, ...] = ()  # a sentence (not a block) that is not content
    footer: str | None = None  # a whole line that is a page footer of a PDF
    errata: tuple[Erratum, ...] = ()
    style: Style = Style()
    language: LanguageRule | None = None  # from language.yml; None: every page is English
    vocabulary: Vocabulary | None = None  # from tags.yml; None: no tags
    links: LinkRules | None = None  # from links.yml; None: no related questions or duplicate groups
    glossary: Glossary | None = None  # from glossary.yml; None: no term links
    identity: IdentityRules | None = None  # from identity.yml; None: the defaults, no stop words
    library: Library = Library()  # from sources.yml
    written: tuple[Written, ...] = ()  # from summaries.yml: English summaries and titles people wrote
    search: SearchWords | None = None  # from search.yml: words queries ignore, synonyms
    site_name: str | None = None  # from mkdocs.yml (--site): the name on link-preview cards; None: no cards
