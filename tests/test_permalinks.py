"""Links that never break: a fixture book is edited step by step, the way raw
documents change, and after each step the site is rebuilt and served over HTTP
below a sub-path. Every URL published before (pages, short links, section
anchors) must still land on the same entry, or on its "removed" page; no two
entries may share a number."""

from __future__ import annotations

import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from checks.browser import mount, serving
from converter import cli
from site_build import ROOT, build_site

BOOK = ROOT / "tests" / "fixtures" / "permalinks" / "book.md"
SUB_PATH = "sub/path"
REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')
QUESTION = re.compile(r"(?m)^(?=### Q\d+\. |## )")


# The edits, each on the text the previous one left. Questions are found by title.

def chunks(text: str) -> list[str]:
    return QUESTION.split(text)


def title_of(chunk: str) -> str:
    match = re.match(r"### Q\d+\. (.*)", chunk)
    return match.group(1) if match else ""


def at(parts: list[str], title: str) -> int:
    return next(i for i, p in enumerate(parts) if title_of(p) == title)


def renumbered(parts: list[str], restart: bool = False) -> str:
    """Questions numbered again in order, as an editor would after moving them."""
    number, out = 0, []
    for part in parts:
        if part.startswith("## ") and restart:
            number = 0
        if title_of(part):
            number += 1
            part = re.sub(r"^### Q\d+\.", f"### Q{number}.", part)
        out.append(part)
    return "".join(out)


def insert(text: str) -> str:
    parts = chunks(text)
    new = ("### Q0. What is a context window?\n\nThe context window is how many tokens a model reads at once. "
           "The bittern model reads eight thousand of them.\n\nLonger windows cost quadratic attention time.\n\n")
    parts.insert(at(parts, "What are word embeddings?") + 1, new)
    return renumbered(parts)


def reword(old: str, new: str):
    return lambda text: text.replace(f". {old}\n", f". {new}\n")


def swap(text: str) -> str:
    parts = chunks(text)
    a, b = at(parts, "What is tokenization in NLP?"), at(parts, "What are word embeddings?")
    parts[a], parts[b] = parts[b], parts[a]
    return renumbered(parts)


def renumber_chapter(text: str) -> str:
    return renumbered(chunks(text.replace("## Chapter 2: Training", "## Part two: Training")), restart=True)


def move(text: str) -> str:
    parts = chunks(text)
    moved = parts.pop(at(parts, "What is positional encoding?"))
    parts.append(moved if moved.endswith("\n\n") else moved + "\n")
    return renumbered(parts, restart=True)


def delete(text: str) -> str:
    parts = chunks(text)
    del parts[at(parts, "What are word embeddings?")]
    return renumbered(parts, restart=True)


def edit_answer(text: str) -> str:
    old = "Stochastic variants estimate the gradient from a mini-batch, which is noisy but far cheaper than the whole dataset."
    new = ("Mini-batch updates trade exact gradients for speed; Adam adds per-parameter step sizes on top.\n\n"
           "Second-order methods use curvature, but their cost grows with the square of the parameters.")
    assert old in text
    return text.replace(old, new)


STEPS = [
    ("insert a question in the middle", insert),
    ("reword a title slightly", reword("What is tokenization?", "What is tokenization in NLP?")),
    ("reword a title heavily", reword("What is overfitting?", "Why does a network fail on data it has never seen?")),
    ("swap two questions", swap),
    ("renumber a chapter", renumber_chapter),
    ("move a question to another chapter", move),
    ("delete a question", delete),
    ("edit an answer's body", edit_answer),
]
MARKERS = {"kestrel": "tokenization", "heron": "embeddings", "osprey": "positional encoding",
           "plover": "gradient descent", "curlew": "overfitting", "dunlin": "schedule", "bittern": "context window"}


# Building and serving

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A server whose /sub/path/ is whatever site the test last built."""
    root = tmp_path_factory.mktemp("served")
    with serving(root) as address:
        yield root, address + SUB_PATH + "/"


def data_folder(folder: Path) -> Path:
    """The project's settings, without the corpus's glossary (its numbers name corpus entries)."""
    folder.mkdir()
    for name in ("cleanup.yml", "errata.yml", "language.yml", "tags.yml", "links.yml", "identity.yml"):
        shutil.copy(ROOT / "tools" / "data" / name, folder / name)
    (folder / "sources.yml").write_text(
        "sources:\n  book.md: {title: Fixture Book, slug: book, pattern: q_number}\n", encoding="utf-8")
    return folder


def rebuild(work: Path, text: str, served_root: Path, base: str) -> dict:
    (work / "src" / "book.md").write_text(text, encoding="utf-8")
    generated = work / "generated"
    argv = ["--source", work / "src", "--out", generated, "--data", work / "data",
            "--registry", work / "registry.yml"]
    assert cli.main([str(a) for a in argv]) == 0
    mount(build_site(generated, work / "project", base), served_root, SUB_PATH)
    return yaml.safe_load((work / "registry.yml").read_text(encoding="utf-8"))


def land(url: str) -> tuple[str, BeautifulSoup]:
    """Follow redirect pages as a browser would; the page reached and its URL."""
    for _ in range(5):
        try:
            with urllib.request.urlopen(url) as response:
                html = response.read().decode("utf-8")
                url = response.geturl()
        except urllib.error.HTTPError as err:
            raise AssertionError(f"{url}: HTTP {err.code}") from err
        refresh = REFRESH.search(html)
        if refresh is None:
            return url, BeautifulSoup(html, "lxml")
        url = urljoin(url, refresh.group(1))
    raise AssertionError(f"{url}: more than 5 redirects")


def number_on(url: str, soup: BeautifulSoup, base: str) -> int | None:
    button = soup.select_one("button[data-copy-link]")
    if button is None:
        return None
    short = urljoin(url, button["data-link"])
    assert short.startswith(base + "q/"), short
    return int(short[len(base) + 2:].strip("/"))


NOTEBOOK = "notebook"  # in place of an #anchor: the URL is the entry's notebook page


def published(base: str, registry: dict) -> dict[str, tuple[int, str | None]]:
    """Every link a reader could have copied from this build: URL -> (entry number, #anchor)."""
    links = {}
    for record in registry["entries"]:
        url = f"{base}{record['path']}/"
        final, soup = land(url)
        assert final == url and number_on(final, soup, base) == record["n"]
        links[url] = links[f"{base}q/{record['n']}/"] = (record["n"], None)
        for notebook in soup.select('.qa-meta a[href*="notebooks/"]:not([download])'):
            links[urljoin(url, notebook["href"])] = (record["n"], NOTEBOOK)
        for heading in soup.select("article :is(h2, h3, h4)[id]"):
            if heading["id"] != "qa-related":
                links[f"{url}#{heading['id']}"] = (record["n"], heading["id"])
    return links


def test_links_survive_every_kind_of_edit(tmp_path, served):
    served_root, base = served
    assert urlsplit(base).path == f"/{SUB_PATH}/"
    (tmp_path / "src").mkdir()
    data_folder(tmp_path / "data")
    text = BOOK.read_text(encoding="utf-8")
    registry = rebuild(tmp_path, text, served_root, base)
    ever = published(base, registry)
    markers = {}  # entry number -> its answer's marker word, as first published
    for number, _ in ever.values():
        page = land(f"{base}q/{number}/")[1].select_one("article").get_text()
        markers[number] = next(m for m in MARKERS if m in page)
    for name, change in STEPS:
        text = change(text)
        registry = rebuild(tmp_path, text, served_root, base)
        numbers = [r["n"] for r in registry["entries"] + registry["removed"]]
        assert len(numbers) == len(set(numbers)), f"{name}: a number is shared"
        removed = {r["n"] for r in registry["removed"]}
        for url, (number, anchor) in sorted(ever.items()):
            final, soup = land(url)
            if number in removed:
                assert final == f"{base}q/{number}/", f"{name}: {url} -> {final}"
                assert "This question was removed" in soup.get_text(), f"{name}: {url}"
                continue
            if anchor == NOTEBOOK:  # a notebook's page: its link back leads to the entry
                assert "/notebooks/" in final, f"{name}: {url} -> {final}, not a notebook"
                final, soup = land(urljoin(final, soup.find("a", string="the answer page")["href"]))
                anchor = None
            assert number_on(final, soup, base) == number, f"{name}: {url} -> {final}, another entry"
            assert markers[number] in soup.select_one("article").get_text(), f"{name}: {url}: other content"
            if anchor is not None:
                assert soup.find(id=anchor) is not None, f"{name}: {url}: #{anchor} is gone"
        new = published(base, registry)
        for url, (number, _) in new.items():
            assert ever.get(url, (number,))[0] == number, f"{name}: {url} now names entry {number}"
            if number not in markers:
                page = land(url)[1].select_one("article").get_text()
                markers[number] = next(m for m in MARKERS if m in page)
        ever.update(new)
    final = {r["n"]: r for r in registry["entries"]}
    assert final[1]["path"] == "book/what-is-tokenization-in-nlp" and "book/what-is-tokenization" in final[1]["was"]
    assert len(registry["removed"]) == 1 and registry["removed"][0]["path"] == "book/what-are-word-embeddings"
    assert registry["next"] == 8  # six entries, one inserted: nothing was numbered twice


def test_a_removed_entry_page_names_the_nearest_questions(tmp_path, served):
    served_root, base = served
    (tmp_path / "src").mkdir()
    data_folder(tmp_path / "data")
    text = BOOK.read_text(encoding="utf-8")
    rebuild(tmp_path, text, served_root, base)
    registry = rebuild(tmp_path, reword("What is gradient descent?", "How do optimisers follow the slope?")(
        delete(text.replace("What is tokenization?", "What is tokenization in NLP?"))), served_root, base)
    assert [r["n"] for r in registry["removed"]] == [2]
    final, soup = land(f"{base}book/what-are-word-embeddings/")
    assert final == f"{base}q/2/"
    suggested = [urljoin(final, a["href"]) for a in soup.select("article li a")]
    assert suggested and all(link.startswith(base + "book/") for link in suggested)
    assert land(suggested[0])[0] == suggested[0]


# The corpus site built from the committed registry

def test_the_committed_registry_is_current(converted):
    """`make site` updates tools/data/registry.yml; a corpus change must be committed with it."""
    rebuilt = (converted.parent / "registry.yml").read_text(encoding="utf-8")
    assert rebuilt == (ROOT / "tools" / "data" / "registry.yml").read_text(encoding="utf-8"), \
        "tools/data/registry.yml is stale: run `make site` and commit it"


def test_every_short_link_of_the_corpus_leads_to_its_page(built_site):
    registry = yaml.safe_load((ROOT / "tools" / "data" / "registry.yml").read_text(encoding="utf-8"))
    for record in registry["entries"]:
        stub = (built_site / "q" / str(record["n"]) / "index.html").read_text(encoding="utf-8")
        target = REFRESH.search(stub).group(1)
        assert target == f"../../{record['path']}/"
        page = (built_site / record["path"] / "index.html").read_text(encoding="utf-8")
        assert f'data-link="../../q/{record["n"]}/"' in page


def test_answer_headings_have_explicit_ids_never_numbered(parsed, report):
    for document in report["documents"]:
        for entry in document["entries"]:
            soup = parsed(entry["path"].removesuffix(".md") + "/")
            ids = [h["id"] for h in soup.select("article :is(h2, h3, h4, h5, h6)[id]")]
            assert len(ids) == len(set(ids)), entry["path"]
            assert not [i for i in ids if re.search(r"_\d+$", i)], entry["path"]
