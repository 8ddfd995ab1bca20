"""The adapters hook: each change to another package's internals gives the same pages, and is
checked against the installed version."""

from __future__ import annotations

import json
from importlib import metadata
from types import SimpleNamespace

import nbconvert.exporters.html as html_exporter
import nbformat
import pytest
from bs4 import BeautifulSoup
from material.plugins.search.plugin import SearchIndex
from mkdocs_jupyter import nbconvert2, plugin

from hooks import adapters

CONFIG = SimpleNamespace(extra={}, plugins={})
PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1 id="q">What is LoRA?</h1>
<p>Answer.</p>
</article></body></html>"""


def original(name: str):
    made = getattr(nbconvert2, name)
    return getattr(made, "__wrapped__", made)


def notebook(folder, name: str, title: str, section: str):
    path = folder / f"{name}.ipynb"
    cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\n> The question.\n\nFrom [q/1/](q/1/)"),
             nbformat.v4.new_markdown_cell(f"## {section}\n\nIt uses `x = 1` and a [link](https://example.org)."),
             nbformat.v4.new_code_cell("from transformers import pipeline\nprint('a < b & \"c\"')"),
             nbformat.v4.new_markdown_cell("```python\n# not a heading\n```")]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "display_name": "Python 3", "language": "python", "name": "python3"}}), path)
    return str(path)


def rendered(path: str) -> tuple[str, list, str]:
    return nbconvert2.nb2html(path, theme="", custom_mathjax_url=""), *plugin._get_nb_toc_tokens(path, 6)


@pytest.fixture
def notebooks_pair(tmp_path):
    return [notebook(tmp_path, "lora", "What is LoRA?", "Low-rank adapters"),
            notebook(tmp_path, "rag", "What is RAG?", "Retrieval first")]


def test_reused_exporters_render_the_same_pages_and_tables_of_contents(notebooks_pair, monkeypatch):
    makers = {name: original(name) for name in adapters.REUSED}
    for name, make in makers.items():
        monkeypatch.setattr(nbconvert2, name, make)
    expected = [rendered(path) for path in notebooks_pair]
    made = []

    def counted(name):
        def make(*args, **kwargs):
            made.append(name)
            return makers[name](*args, **kwargs)
        return make
    for name in adapters.REUSED:
        monkeypatch.setattr(nbconvert2, name, adapters.reused(counted(name)))
    assert [rendered(path) for path in notebooks_pair] == expected
    # for both notebooks: one exporter for their pages, one for their tables of contents, and an application for each
    assert sorted(made) == ["HTMLExporter", "MarkdownExporter", "get_nbconvert_app", "get_nbconvert_app"]
    html, toc, title = expected[1]
    assert title == "What is RAG?" and "Retrieval first" in html and "transformers" in html
    assert [(entry["level"], entry["id"]) for entry in toc] == [(1, "what-is-rag")]
    assert [(entry["level"], entry["name"]) for entry in toc[0]["children"]] == [(2, "Retrieval first")]
    assert 'id="what-is-rag"' in html and 'id="retrieval-first"' in html


def test_an_exporter_is_made_again_for_other_arguments():
    made = []
    make = adapters.reused(lambda *args, **kwargs: made.append((args, kwargs)) or len(made))

    def highlighter(classes):
        return lambda source: f"{classes}{source}"
    assert make(template="a", filters={"highlight": highlighter("x")}) == 1
    assert make(template="a", filters={"highlight": highlighter("x")}) == 1  # a new function doing the same
    assert make(template="a", filters={"highlight": highlighter("y")}) == 2
    assert make(template="b", filters={"highlight": highlighter("x")}) == 3
    assert make(config={"TagRemovePreprocessor": {"remove_cell_tags": {"hide"}}}) == 4
    assert make(config={"TagRemovePreprocessor": {"remove_cell_tags": {"show"}}}) == 5
    assert make(config={"TagRemovePreprocessor": {"remove_cell_tags": {"hide"}}}) == 4


def test_the_hook_replaces_each_maker_once(monkeypatch):
    monkeypatch.setattr(html_exporter, "BeautifulSoup", BeautifulSoup)
    for name in adapters.REUSED:
        monkeypatch.setattr(nbconvert2, name, original(name))
    adapters.on_config(CONFIG)
    first = [getattr(nbconvert2, name) for name in adapters.REUSED]
    adapters.on_config(CONFIG)  # `mkdocs serve` runs the hooks' on_config again
    assert [getattr(nbconvert2, name) for name in adapters.REUSED] == first
    assert all(made.reuses and made.__wrapped__ is original(name) for name, made in zip(adapters.REUSED, first))
    assert html_exporter.BeautifulSoup is adapters.Unparsed


def tree(html: str) -> str:
    return str(BeautifulSoup(html, features="html.parser"))


def test_pages_without_the_soup_parse_to_the_same_tree(tmp_path, monkeypatch):
    path = notebook(tmp_path, "rag", "What is RAG?", "Retrieval first")
    book = nbformat.read(path, as_version=4)
    book.cells.append(nbformat.v4.new_markdown_cell('A figure: <img src="a.png"> and ![the flow](b.png)'))
    nbformat.write(book, path)
    monkeypatch.setattr(html_exporter, "BeautifulSoup", BeautifulSoup)
    souped = rendered(path)
    monkeypatch.setattr(html_exporter, "BeautifulSoup", adapters.Unparsed)
    html, toc, title = rendered(path)
    assert (toc, title) == souped[1:]
    # the same tree, but for the attribute named "," that the soup made of the template's stray comma
    assert tree(html) == tree(souped[0]).replace(' ,=""', "")
    assert html.count('tabindex="0"') == len(book.cells)  # each cell's input wrapper
    assert f'<img alt="{adapters.ALT}" src="a.png">' in html and 'alt="the flow"' in html
    assert '<clipboard-copy for="cell-1" aria-label=' in html  # the template's stray comma dropped


def test_tidied_marks_wrappers_and_images_without_alt_text_and_drops_the_stray_comma():
    page = ('<div class="jp-Cell-inputWrapper"><img src="x.png"></div><div class="jp-OutputArea-output jp-RenderedText">'
            '<img src="y.png" alt="y"></div><div class="jp-Cell-inputWrapperish">'
            '<clipboard-copy for="cell-1", aria-label="Copy to Clipboard">')
    assert adapters.tidied(page) == (
        '<div class="jp-Cell-inputWrapper" tabindex="0"><img alt="No description has been provided for this image" '
        'src="x.png"></div><div class="jp-OutputArea-output jp-RenderedText" tabindex="0"><img src="y.png" alt="y">'
        '</div><div class="jp-Cell-inputWrapperish"><clipboard-copy for="cell-1" aria-label="Copy to Clipboard">')


def headings(toc) -> list[tuple[int, str]]:
    return [(item.level, item.title) for link in toc for item in (link, *link.children)]


def test_prerendered_entries_are_the_ones_mkdocs_jupyter_writes_and_reads(tmp_path):
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page
    path = notebook(tmp_path, "rag", "What is RAG?", "Retrieval first")
    jupyter = plugin.Plugin()
    jupyter.load_config({"include": ["*.ipynb"], "cache_dir": str(tmp_path / "cache")})

    def page_rendered():
        page = Page(None, File("rag.ipynb", str(tmp_path), str(tmp_path / "site"), True), {})
        jupyter.on_pre_build({})
        jupyter.on_pre_page(page, {}, None)
        page.render({}, None)
        return page, jupyter._used_cache_paths
    page, used = page_rendered()  # a cache miss: mkdocs-jupyter renders the notebook and keeps it
    entry = adapters.cache_entry(path, jupyter.config)
    assert used == {entry} and entry.exists()
    written = json.loads(entry.read_text(encoding="utf-8"))
    entry.unlink()
    adapters.prerender([(path, entry)], jupyter.config)
    assert json.loads(entry.read_text(encoding="utf-8")) == written
    assert written["title"] == "What is RAG?" and "Retrieval first" in written["content"]
    again, _ = page_rendered()  # a cache hit
    assert (again.content, again.title, headings(again.toc)) == (page.content, page.title, headings(page.toc))
    assert headings(page.toc) == [(1, "What is RAG?"), (2, "Retrieval first")]
    assert not list((tmp_path / "cache").glob("*.part"))


def test_the_build_starts_a_worker_for_notebooks_not_in_the_cache_and_stops_it(tmp_path):
    from mkdocs.structure.files import File, Files
    first = notebook(tmp_path, "lora", "What is LoRA?", "Low-rank adapters")
    notebook(tmp_path, "rag", "What is RAG?", "Retrieval first")
    jupyter = plugin.Plugin()
    jupyter.load_config({"include": ["*.ipynb"], "cache_dir": str(tmp_path / "cache")})
    config = SimpleNamespace(plugins={"mkdocs-jupyter": jupyter})

    def files():
        return Files([plugin.NotebookFile(File(f"{name}.ipynb", str(tmp_path), str(tmp_path / "site"), True),
                                          use_directory_urls=True, site_dir=str(tmp_path / "site"))
                      for name in ("lora", "rag")]
                     + [File("index.md", str(tmp_path), str(tmp_path / "site"), True)])
    adapters.prerender([(first, adapters.cache_entry(first, jupyter.config))], jupyter.config)
    adapters.on_files(files(), config)
    worker = jupyter.prerendering
    assert worker is not None
    worker.join(60)  # here the build would be rendering its Markdown pages meanwhile
    assert worker.exitcode == 0
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
        adapters.cache_entry(str(tmp_path / f"{name}.ipynb"), jupyter.config).name for name in ("lora", "rag"))
    (tmp_path / "cache" / "left.part").write_text("{")  # as a worker stopped mid-write leaves it
    adapters.on_post_build(config)
    assert jupyter.prerendering is None and not list((tmp_path / "cache").glob("*.part"))
    adapters.on_files(files(), config)  # every notebook cached now: no worker
    assert jupyter.prerendering is None


def test_each_changed_package_is_the_version_its_change_was_checked_against():
    """Fails on an upgrade: read the package's new code, check the change in adapters.py
    against it, then move the version in CHECKED."""
    assert {package: metadata.version(package) for package in adapters.CHECKED} == adapters.CHECKED


def test_the_internals_the_changes_use_are_there():
    from material.plugins.search.plugin import SearchIndex
    assert hasattr(html_exporter, "BeautifulSoup")
    assert all(callable(getattr(nbconvert2, name)) for name in adapters.REUSED)
    assert all(callable(getattr(plugin, name)) for name in ("_get_cache_path", "_compute_cache_key",
                                                             "_get_nb_toc_tokens"))
    assert callable(SearchIndex.add_entry_from_context)


def test_another_version_leaves_every_package_as_it_is(monkeypatch):
    monkeypatch.setattr(html_exporter, "BeautifulSoup", BeautifulSoup)
    for name in adapters.REUSED:
        monkeypatch.setattr(nbconvert2, name, original(name))
    monkeypatch.setattr(adapters, "CHECKED", {package: "0.0" for package in adapters.CHECKED})
    index = materials_index("pagefind")
    assert html_exporter.BeautifulSoup is BeautifulSoup
    assert all(getattr(nbconvert2, name) is original(name) for name in adapters.REUSED)
    assert index.entries  # Material's index made its entries as usual


def materials_index(backend: str) -> SearchIndex:
    index = SearchIndex(lang=["en"], separator="[\\s\\-]+", pipeline=[], fields={"tags": {"boost": 10}})
    config = SimpleNamespace(extra={"search_backend": backend}, plugins={"material/search": SimpleNamespace(search_index=index)})
    adapters.on_config(config)
    page = SimpleNamespace(content=PAGE, toc=[], url="q/1/", meta={}, title="What is LoRA?")
    index.add_entry_from_context(page)
    return index


def test_with_pagefind_materials_index_makes_no_entries_and_keeps_its_settings():
    index = json.loads(materials_index("pagefind").generate_search_index(None))
    assert index == {"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [], "fields": {"tags": {"boost": 10}}},
                     "docs": []}


def test_with_materials_own_search_its_index_has_the_pages():
    index = json.loads(materials_index("material").generate_search_index(None))
    assert "What is LoRA?" in [doc["title"] for doc in index["docs"]]
