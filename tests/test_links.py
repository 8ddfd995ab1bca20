"""Cross-links on the built corpus: related questions, duplicate groups, glossary
links and backlinks, read back from the HTML a reader gets."""

from __future__ import annotations

import json
import posixpath
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from converter import sources
from hooks import search as search_hook

DATA = Path(__file__).resolve().parent / "data"
CLIP = ("genai-book/how-do-models-like-clip-and-dall-e-demonstrate-the",
        "genai-book/how-do-architects-like-clip-and-dall-e-utilize-multimodal")


def url_of(page: str) -> str:
    """``<source>/<slug>`` (as in the labelled data) -> its URL path under the site."""
    return f"{page}/"


def resolve(base: str, href: str) -> str:
    """A relative href on page ``base`` (a directory URL) -> a site path, fragment dropped."""
    href = href.split("#")[0]
    return posixpath.normpath(posixpath.join(base, href)) + "/"


class Page:
    """What the tests read of one built question or topic page."""

    def __init__(self, url: str, soup: BeautifulSoup):
        self.url = url
        self.article = soup.select_one("article")
        heading = self.article.find(id="qa-related")
        self.related = [resolve(url, a["href"]) for a in heading.find_next_sibling("ul").select("a")] \
            if heading is not None and heading.find_next_sibling("ul") is not None else []
        banner = self.article.select_one(".qa-duplicates")
        self.banner = banner.get_text(" ", strip=True) if banner else ""
        self.duplicates = [resolve(url, a["href"]) for a in banner.select("a")] if banner else []
        details = [d for d in self.article.select("details") if d.summary and
                   d.summary.get_text().startswith("Linked from")]
        self.linked_from = [resolve(url, a["href"]) for a in details[0].select("li > a")] if details else []
        self.linked_count = int(re.search(r"\d+", details[0].summary.get_text()).group()) if details else 0
        self.linked_more = [li.get_text(" ", strip=True) for li in details[0].select("li") if not li.select("a")] \
            if details else []
        mentioned = [s.get_text(" ", strip=True) for s in self.article.select("small")
                     if "linked here through the glossary" in s.get_text()]
        self.mentions = int(re.search(r"mentioned on (\d+)", mentioned[0]).group(1)) if mentioned else 0
        self.term_anchors = self.article.select("a.qa-term")
        self.terms = [(a.get_text(), resolve(url, a["href"])) for a in self.term_anchors]


@pytest.fixture(scope="module")
def pages(built_site, parsed) -> dict[str, Page]:
    found = {}
    for path in sorted(built_site.glob("*/*/index.html")):
        url = str(path.parent.relative_to(built_site)) + "/"
        if "/notebooks/" in url or url.startswith(("topics/", "q/")):
            continue
        found[url] = Page(url, parsed(url))
    return found


def test_labelled_near_duplicates_meet_in_related_lists_or_a_duplicate_group(pages):
    """Goal of the issue: at least 90% of the labelled pairs list each other."""
    pairs = yaml.safe_load((DATA / "near_duplicates.yml").read_text(encoding="utf-8"))["same"]
    assert len(pairs) >= 30
    met = []
    for a, b in pairs:
        pa, pb = pages[url_of(a)], pages[url_of(b)]
        met.append((url_of(b) in pa.related + pa.duplicates) and (url_of(a) in pb.related + pb.duplicates))
    share = sum(met) / len(met)
    assert share >= 0.9, f"{sum(met)} of {len(met)} labelled pairs meet ({share:.0%})"


def test_the_same_clip_answer_is_one_group_with_banners(pages):
    canonical, other = (pages[url_of(p)] for p in CLIP)
    assert canonical.banner.startswith("Also answered in:")
    assert canonical.duplicates == [url_of(CLIP[1])]
    assert other.banner.startswith("Another version of")
    assert other.duplicates == [url_of(CLIP[0])]
    assert "same answer" in other.banner


def test_duplicate_groups_are_symmetric(pages):
    groups = {url: {url, *page.duplicates} for url, page in pages.items() if page.duplicates}
    assert groups, "the corpus has at least one duplicate group (the CLIP answer)"
    for url, group in groups.items():
        for member in group:
            assert groups.get(member) == group, f"{member} does not show the group of {url}"


def test_backlinks_mirror_every_cross_link(pages):
    """Every related or duplicate link A -> B counts A under B's "Linked from", which names the
    strongest twelve (links.yml); every page it names really links. A page that links B only
    through a glossary mention is counted apart, under it."""
    shown = sources.load().links.shown
    outgoing, strong = defaultdict(set), defaultdict(set)
    for url, page in pages.items():
        for target in page.related + page.duplicates + [t for _, t in page.terms]:
            outgoing[target].add(url)
        for target in page.related + page.duplicates:
            strong[target].add(url)
    assert sum(len(v) for v in outgoing.values()) > 1000
    capped = mentioned = 0
    for url, page in pages.items():
        linking, questions = outgoing.get(url, set()), strong.get(url, set())
        assert page.linked_count == len(questions), url
        assert page.mentions == len(linking - questions), url
        assert set(page.linked_from) <= questions and len(page.linked_from) == min(len(questions), shown), url
        assert len(page.linked_from) == len(set(page.linked_from))
        if len(questions) > shown:
            capped += 1
            assert page.linked_more[0].startswith(f"and {len(questions) - shown} more question"), url
        else:
            assert not page.linked_more, url
        mentioned += page.mentions > 0
    assert capped < len(pages) / 20 and mentioned > 50


def test_related_lists_hold_at_most_five_other_pages_mostly_five(pages):
    full = 0
    for url, page in pages.items():
        assert len(page.related) <= 5
        assert url not in page.related
        assert not set(page.related) & set(page.duplicates)
        assert len(set(page.related)) == len(page.related)
        assert all(target in pages for target in page.related)
        full += len(page.related) == 5
    assert full / len(pages) >= 0.8


def test_most_related_links_go_both_ways(pages):
    links = [(url, target) for url, page in pages.items() for target in page.related]
    mutual = sum(url in pages[target].related for url, target in links)
    assert mutual / len(links) >= 0.85


def test_judged_related_links_keep_the_relevant_and_lose_the_off_topic(pages):
    """90 related links judged by reading both pages (two random samples: related_spotcheck.yml,
    related_judged.yml, drawn from the lists at min_score 0.15). Measured at 0.165: 60 of the 62
    relevant links still listed, and 2 of the 80 judged links still listed off-topic (2.5%)."""
    judged = [link for name in ("related_spotcheck.yml", "related_judged.yml")
              for link in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["links"]]
    assert len(judged) == 90
    present = [j for j in judged if url_of(j["to"]) in pages[url_of(j["from"])].related]
    relevant = [j for j in judged if j["verdict"] == "relevant"]
    kept = [j for j in present if j["verdict"] == "relevant"]
    off_topic = [j for j in present if j["verdict"] in ("off-topic", "irrelevant")]
    assert len(kept) / len(relevant) >= 0.9, f"{len(kept)} of {len(relevant)} relevant links kept"
    assert len(off_topic) / len(present) <= 0.05, [(j["from"], j["to"]) for j in off_topic]


def test_glossary_links_are_first_mentions_in_running_text(pages):
    glossary = sources.load().glossary
    linked = 0
    for url, page in pages.items():
        terms = [glossary.term_of(text).term for text, _ in page.terms]
        assert len(set(terms)) == len(terms), f"{url} links a term twice"
        assert url not in [target for _, target in page.terms], f"{url} links to itself"
        for anchor in page.term_anchors:
            assert not anchor.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "table"]), url
            assert anchor.find_parent("a") is None
        linked += len(page.terms)
    assert linked > 500
    assert {t.term for t in glossary.terms} >= {"LoRA", "QLoRA", "PEFT", "RAG", "RLHF", "BLEU", "ROUGE",
                                                 "perplexity", "attention", "self-attention",
                                                 "positional encoding", "tokenization", "embedding"}


def test_a_term_links_at_its_first_mention_in_the_answer(pages):
    """No mention of RAG in the answer's running text comes before the linked one."""
    page = pages["genai-book/how-does-rag-differ-from-parameter-efficient-fine-tuning/"]
    first = next(a for a in page.term_anchors if a.get_text() == "RAG")
    skipped = ["h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "a", "table", "blockquote", "nav"]
    before = []
    for text in page.article.find_all(string=True):
        if text.find_parent("a") is first:
            break
        if not text.find_parent(skipped) and not text.find_parent(class_=["qa-meta", "admonition", "md-tags"]):
            before.append(str(text))
    assert before, "the answer has text before the first mention"
    assert not re.search(r"(?<![\w-])RAG(?![\w-])", "".join(before))
    assert resolve(page.url, first["href"]) == "genai-book/what-is-retrieval-augmented-generation-rag/"


def test_abbreviations_show_their_expansion(built_site):
    html = (built_site / "genai-book/how-does-lora-work/index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="Low-Rank Adaptation">LoRA</abbr>', html)


def test_the_glossary_page_lists_every_term_with_a_working_link(built_site, parsed, pages):
    glossary = sources.load().glossary
    soup = parsed("glossary/")
    blocks = soup.select("article .qa-glossary-term[id]")
    assert len(blocks) == len(glossary.terms) == len({block["id"] for block in blocks})
    for block in blocks:
        link = block.select_one(".qa-term-where a")
        assert resolve("glossary/", link["href"]) in pages
    bar = [a["href"] for a in soup.select("article .qa-az a")]
    assert len(bar) >= 20 and all(soup.find(id=href[1:]) for href in bar)


def test_cross_link_sections_stay_out_of_search(site_with):
    """Pagefind indexes a page's article without its cross-link sections; Material's own
    index leaves them out too."""
    checked = 0
    for page in sorted(site_with("pagefind").glob("*/*/index.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").select_one("article")
        if article is None or not article.has_attr("data-pagefind-body"):
            continue
        ignored = {id(tag) for tag in article.select(f"{search_hook.IGNORED}, [data-pagefind-ignore]")}
        for phrase in ("Related questions", "Another version of", "Linked from"):
            for text in article.find_all(string=lambda t, p=phrase: p in t):
                assert any(id(parent) in ignored for parent in text.parents), (page, phrase)
                checked += 1
    assert checked >= 300
    docs = json.loads((site_with("material") / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(docs) > 400
    assert not [d["location"] for d in docs if "qa-related" in d["location"]]
    assert not [d["location"] for d in docs if "Another version of" in d["text"] or "Linked from" in d["text"]]
