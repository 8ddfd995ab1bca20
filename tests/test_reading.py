"""The reading experience on the built corpus: question pages, Hinglish pages,
topics, source indexes, navigation, link previews, notebooks and the home page."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

LORA = "genai-book/how-does-lora-work/index.html"
HINGLISH = "genai-qa-hinglish/what-are-the-key-ethical-principles-that-developers-and/index.html"
MACHINE_TRANSLATION = "genai-qa-hinglish/what-are-the-strengths-and-limitations-of-each-approach-and/index.html"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


@pytest.fixture(scope="module")
def pages(converted) -> dict[str, dict]:
    """Front matter of every question or topic page, by path."""
    found = {}
    for path in sorted(converted.glob("*/*.md")):
        if path.parent.name == "home":
            continue
        data = front_matter(path)
        if data.get("kind") in ("question", "topic"):
            found[str(path.relative_to(converted))] = data
    return found


def test_every_page_has_one_to_five_tags_and_every_tag_two_pages(pages):
    per_page = Counter(len(data.get("tags") or ()) for data in pages.values())
    assert set(per_page) <= {1, 2, 3, 4, 5}, per_page
    per_tag = Counter(tag for data in pages.values() for tag in data["tags"])
    assert min(per_tag.values()) >= 2, per_tag
    assert 20 <= len(per_tag) <= 40


def test_hinglish_pages_are_tagged_and_english_ones_are_not(pages):
    hinglish = {path for path, data in pages.items() if data.get("language") == "hinglish"}
    assert hinglish == {path for path, data in pages.items() if "Hinglish" in data["tags"]}
    assert all(path.startswith("genai-qa-hinglish/") for path in hinglish)
    assert len(hinglish) >= 20


def test_question_page_says_where_it_comes_from_and_can_copy_its_link(parsed):
    page = parsed(LORA)
    article = page.select_one("article")
    assert article.find("h1").get_text().startswith("How does LoRA work?")  # LoRA is an <abbr>
    strip = article.select_one(".qa-meta")
    links = {a.get_text(): a["href"] for a in strip.select("a")}
    assert links["Generative Artificial Intelligence (interview book)"] == "../"
    assert links["Fine Tuning"] == "../#fine-tuning"
    assert "Q11" in strip.get_text()
    assert strip.select_one("button[data-copy-link]").get_text() == "Copy link"
    index = parsed("genai-book/index.html")
    assert index.find(id="fine-tuning") is not None  # the chapter link's anchor exists


def test_tag_chips_lead_to_topic_pages(parsed):
    chips = parsed(LORA).select("nav.md-tags a.md-tag")
    assert chips and all(re.fullmatch(r"\.\./\.\./topics/[a-z0-9-]+/", a["href"]) for a in chips)
    for chip in chips:
        target = parsed(f"topics/{chip['href'].split('/')[-2]}/index.html")
        assert chip.get_text(strip=True) in target.get_text()


def test_previous_and_next_stay_in_the_chapter(parsed, converted):
    nav = yaml.safe_load((converted / "nav.yml").read_text(encoding="utf-8"))
    library = next(item["Library"] for item in nav if "Library" in item)
    book = next(item for item in library if "Generative Artificial Intelligence (interview book)" in item)
    chapters = [c for c in book["Generative Artificial Intelligence (interview book)"] if isinstance(c, dict)]
    first_chapter, second_chapter = (list(c.values())[0] for c in chapters[:2])
    last = list(first_chapter[-1].values())[0]
    first_of_next = list(second_chapter[0].values())[0]
    footer = parsed(last.removeprefix("library/").removesuffix(".md") + "/index.html").select_one("nav.md-footer__inner")
    assert footer.select_one(".md-footer__link--next") is None
    previous = footer.select_one(".md-footer__link--prev")["href"]
    assert previous == "../" + list(first_chapter[-2].values())[0].split("/")[-1].removesuffix(".md") + "/"
    opening = parsed(first_of_next.removeprefix("library/").removesuffix(".md") + "/index.html")
    assert opening.select_one(".md-footer__link--prev") is None


def test_hinglish_page_badge_summary_question_then_answer(parsed):
    article = parsed(HINGLISH).select_one("article")
    assert article.select_one(".qa-meta .qa-badge").get_text() == "Hinglish answer"
    order = [el for el in article.find_all(True) if el.name == "blockquote" or "admonition" in (el.get("class") or [])
             or el.get("lang") == "hi-Latn"]
    assert "admonition" in order[0]["class"] and order[1].name == "blockquote"
    assert order[0].select_one(".admonition-title").get_text() == "English summary"
    explained = parsed(MACHINE_TRANSLATION).select_one("article")
    label = explained.find("h2", id="answer-in-hinglish")  # the document's "Question 18 ka Samjhawa", made one label
    assert label is not None and "English summary" in label.find_previous(class_="admonition").get_text()
    assert "Samjhawa" not in explained.get_text()
    hinglish = article.select('[lang="hi-Latn"]')
    assert len(hinglish) >= 10 and all("{:" not in el.get_text() for el in hinglish)
    assert "Hinglish" in [a.get_text(strip=True) for a in parsed(HINGLISH).select("nav.md-tags a")]


def test_english_pages_carry_no_hinglish_marks(parsed):
    assert parsed(LORA).select('[lang="hi-Latn"]') == []


def test_link_previews(built_site, parsed):
    page = parsed(LORA)
    meta = {m.get("property") or m.get("name"): m["content"] for m in page.select("meta[content]")}
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://example.org/genai-reference/genai-book/how-does-lora-work/"
    assert meta["og:url"] == canonical and meta["og:title"] == "How does LoRA work?"
    assert meta["og:type"] == "article" and meta["twitter:card"] == "summary_large_image"
    assert meta["description"] == meta["og:description"] and 70 <= len(meta["description"]) <= 200
    assert meta["og:image"] == "https://example.org/genai-reference/cards/genai-book/how-does-lora-work.png"
    assert meta["og:image:alt"] == "How does LoRA work?" and meta["og:image:type"] == "image/png"
    assert (built_site / "cards/genai-book/how-does-lora-work.png").stat().st_size > 10_000
    home = {m.get("property"): m["content"] for m in parsed("").select("meta[property]")}
    assert home["og:image"] == "https://example.org/genai-reference/assets/images/og-card.jpg"  # the site's own
    assert (built_site / "assets/images/og-card.jpg").stat().st_size > 10_000


def test_every_page_describes_itself_in_a_sentence_or_two_of_plain_text(pages):
    """What a link preview shows (issue 30): 70 to 200 characters, never a lead-in ending in a
    colon, no Markdown or TeX; a first sentence too long for 200 is cut at a clause, or at a word
    with an ellipsis (14 of 353 pages today: the floor is 5%)."""
    cut = []
    for path, data in pages.items():
        text = data["description"]
        assert 70 <= len(text) <= 200, (path, text)
        assert not text.endswith(":") and re.search(r"[.!?…”)]$", text), (path, text)
        assert not re.search(r"\$(?!\d)|\*\*|`|\\|\]\(|<[a-z]|[{}]", text), (path, text)
        cut += [path] if text.endswith("…") else []
    assert len(cut) <= 0.05 * len(pages), cut


def test_source_index_has_attribution_and_chapters(parsed):
    article = parsed("llms-63/index.html").select_one("article")
    text = article.get_text(" ")
    assert "Devinterview.io" in text and "63 questions" in text
    assert article.select_one('.qa-attribution a[href^="https://devinterview.io/"]') is not None
    book = parsed("genai-book/index.html").select_one("article")
    assert len(book.find_all("h2")) == 11 and "217 questions in 11 chapters" in book.get_text(" ")
    assert len(book.select("li a")) == 217


def test_topic_pages_list_questions_with_their_source(parsed, pages):
    per_tag = Counter(tag for data in pages.values() for tag in data["tags"])
    index = parsed("topics/index.html").select_one("article")
    for label, count in per_tag.items():
        link = index.find(lambda tag: tag.name == "a" and tag.get_text() == label)  # NLP is an <abbr>
        assert link is not None, label
        topic = parsed("topics/" + link["href"].strip("/") + "/index.html").select_one("article")
        sources = [h2 for h2 in topic.select("h2[id]") if h2["id"] != "start-here"]
        assert sum(len(h2.find_next_sibling("ul").select("li a")) for h2 in sources) == count, label
        assert all(int(h2.small.get_text()) == len(h2.find_next_sibling("ul").select("li")) for h2 in sources)
        assert topic.find("h2") is not None  # questions grouped under their source
        assert link.find_next_sibling(class_="qa-topic-count").get_text() == str(count), label
    assert len(index.select("a")) < 2 * len(per_tag)  # the index names topics, not their pages


def test_notebooks_for_python_pages_are_linked_rendered_and_not_searched(built_site, converted, site_with, parsed):
    notebooks = sorted(converted.glob("*/notebooks/*.ipynb"))
    assert len(notebooks) >= 30
    search = json.loads((site_with("material") / "search/search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in search["docs"] if "/notebooks/" in d["location"]]
    pagefind = site_with("pagefind")
    indexed = [p for p in pagefind.glob("*/notebooks/*/index.html") if "data-pagefind-body" in p.read_text("utf-8")]
    assert len(list(pagefind.glob("*/notebooks/*/index.html"))) >= 30 and not indexed
    for book in notebooks[:5]:
        source, slug = book.parent.parent.name, book.stem
        page = parsed(f"{source}/{slug}/index.html")
        assert page.select_one(f'.qa-meta a[href="../notebooks/{slug}/"]') is not None
        assert page.select_one(f'.qa-meta a[download][href="../notebooks/{slug}/{slug}.ipynb"]') is not None
        assert (built_site / f"{source}/notebooks/{slug}/index.html").is_file()
        assert (built_site / f"{source}/notebooks/{slug}/{slug}.ipynb").is_file()
        rendered = built_site / f"{source}/notebooks/{slug}/index.html"
        styles = parsed(f"{source}/notebooks/{slug}/index.html").select('link[href*="assets/notebooks/"]')
        assert len(styles) >= 2 and rendered.stat().st_size < 150_000  # the Jupyter styles are shared files
        assert all((rendered.parent / link["href"]).resolve().is_file() for link in styles)
        assert '<style type="text/css">' not in rendered.read_text(encoding="utf-8")


def test_home_page_counts_are_live(parsed, pages):
    counts = {div.get_text(" ", strip=True).split(" ", 1)[1]: int(div.strong.get_text())
              for div in parsed("index.html").select(".qa-count")}
    kinds = Counter(data["kind"] for data in pages.values())
    assert counts["questions"] == kinds["question"] and counts["note pages"] == kinds["topic"]
    assert counts["sources"] == 5
    assert counts["Hinglish answers"] == sum(data.get("language") == "hinglish" for data in pages.values())
    assert counts["topics"] == len({tag for data in pages.values() for tag in data["tags"]})


def test_navigation_has_topics_and_sources(parsed):
    tabs = [a.get_text(strip=True) for a in parsed("index.html").select(".md-tabs__link")]
    assert tabs == ["Home", "Practice", "Topics", "Glossary", "Library"]


def test_a_notebook_page_has_its_answers_strip_and_a_way_back(parsed):
    page = parsed("genai-book/notebooks/describe-how-to-use-hugging-face-pipelines-for-end-to-end/")
    strip = page.select_one("article .qa-meta")
    assert strip.select_one(".qa-where").get_text(" ", strip=True).startswith(
        "Generative Artificial Intelligence (interview book) › Miscellaneous Questions › Q")
    assert strip.select_one("a.qa-back")["href"] == "../../describe-how-to-use-hugging-face-pipelines-for-end-to-end/"
    assert strip.select_one(".qa-where a")["href"] == "../../"  # the source, relative
