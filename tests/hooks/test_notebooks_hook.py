"""The notebook hook: mkdocs-jupyter's exporters reused across notebooks, and shared style sheets."""

from __future__ import annotations

import json

import nbconvert.exporters.html as html_exporter
import nbformat
import pytest
from bs4 import BeautifulSoup
from mkdocs_jupyter import nbconvert2, plugin

from hooks import notebooks


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
    makers = {name: original(name) for name in notebooks.REUSED}
    for name, make in makers.items():
        monkeypatch.setattr(nbconvert2, name, make)
    expected = [rendered(path) for path in notebooks_pair]
    made = []

    def counted(name):
        def make(*args, **kwargs):
            made.append(name)
            return makers[name](*args, **kwargs)
        return make
    for name in notebooks.REUSED:
        monkeypatch.setattr(nbconvert2, name, notebooks.reused(counted(name)))
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
    make = notebooks.reused(lambda *args, **kwargs: made.append((args, kwargs)) or len(made))

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
    for name in notebooks.REUSED:
        monkeypatch.setattr(nbconvert2, name, original(name))
    notebooks.on_config(None)
    first = [getattr(nbconvert2, name) for name in notebooks.REUSED]
    notebooks.on_config(None)  # `mkdocs serve` runs the hooks' on_config again
    assert [getattr(nbconvert2, name) for name in notebooks.REUSED] == first
    assert all(made.reuses and made.__wrapped__ is original(name) for name, made in zip(notebooks.REUSED, first))
    assert html_exporter.BeautifulSoup is notebooks.Unparsed


def tree(html: str) -> str:
    return str(BeautifulSoup(html, features="html.parser"))


def test_pages_without_the_soup_parse_to_the_same_tree(tmp_path, monkeypatch):
    path = notebook(tmp_path, "rag", "What is RAG?", "Retrieval first")
    book = nbformat.read(path, as_version=4)
    book.cells.append(nbformat.v4.new_markdown_cell('A figure: <img src="a.png"> and ![the flow](b.png)'))
    nbformat.write(book, path)
    monkeypatch.setattr(html_exporter, "BeautifulSoup", BeautifulSoup)
    souped = rendered(path)
    monkeypatch.setattr(html_exporter, "BeautifulSoup", notebooks.Unparsed)
    html, toc, title = rendered(path)
    assert (toc, title) == souped[1:]
    # the same tree, but for the attribute named "," that the soup made of the template's stray comma
    assert tree(html) == tree(souped[0]).replace(' ,=""', "")
    assert html.count('tabindex="0"') == len(book.cells)  # each cell's input wrapper
    assert f'<img alt="{notebooks.ALT}" src="a.png">' in html and 'alt="the flow"' in html
    assert '<clipboard-copy for="cell-1" aria-label=' in html  # the template's stray comma dropped


def test_tidied_marks_wrappers_and_images_without_alt_text_and_drops_the_stray_comma():
    page = ('<div class="jp-Cell-inputWrapper"><img src="x.png"></div><div class="jp-OutputArea-output jp-RenderedText">'
            '<img src="y.png" alt="y"></div><div class="jp-Cell-inputWrapperish">'
            '<clipboard-copy for="cell-1", aria-label="Copy to Clipboard">')
    assert notebooks.tidied(page) == (
        '<div class="jp-Cell-inputWrapper" tabindex="0"><img alt="No description has been provided for this image" '
        'src="x.png"></div><div class="jp-OutputArea-output jp-RenderedText" tabindex="0"><img src="y.png" alt="y">'
        '</div><div class="jp-Cell-inputWrapperish"><clipboard-copy for="cell-1" aria-label="Copy to Clipboard">')


def test_inline_styles_become_one_shared_sheet_linked_relatively():
    page = '<head><style type="text/css">\n.a{color:red}\n</style><style type="text/css">.b{}</style></head>'
    html, sheets = notebooks.shared_styles(page, "book/notebooks/q/")
    first, second = sheets  # in page order
    assert (sheets[first], sheets[second]) == ("\n.a{color:red}\n", ".b{}")
    assert html == (f'<head><link rel="stylesheet" href="../../../{first}">'
                    f'<link rel="stylesheet" href="../../../{second}"></head>')
    again, same = notebooks.shared_styles(page, "other/notebooks/r/")
    assert same == sheets


def test_a_sheet_ends_at_its_own_closing_tag():
    page = '<style type="text/css">a>b{} /* <i> </style */</style><p>kept</p><style type="text/css">.c{}</style>'
    html, sheets = notebooks.shared_styles(page, "x/")
    assert list(sheets.values()) == ["a>b{} /* <i> </style */", ".c{}"]
    assert "<p>kept</p>" in html and "<style" not in html


def test_other_style_elements_stay_in_the_page():
    page = "<style>.kept{}</style>"
    assert notebooks.shared_styles(page, "x/") == (page, {})


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
    entry = notebooks.cache_entry(path, jupyter.config)
    assert used == {entry} and entry.exists()
    written = json.loads(entry.read_text(encoding="utf-8"))
    entry.unlink()
    notebooks.prerender([(path, entry)], jupyter.config)
    assert json.loads(entry.read_text(encoding="utf-8")) == written
    assert written["title"] == "What is RAG?" and "Retrieval first" in written["content"]
    again, _ = page_rendered()  # a cache hit
    assert (again.content, again.title, headings(again.toc)) == (page.content, page.title, headings(page.toc))
    assert headings(page.toc) == [(1, "What is RAG?"), (2, "Retrieval first")]
    assert not list((tmp_path / "cache").glob("*.part"))


def test_the_build_starts_a_worker_for_notebooks_not_in_the_cache_and_stops_it(tmp_path):
    from types import SimpleNamespace

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
    notebooks.prerender([(first, notebooks.cache_entry(first, jupyter.config))], jupyter.config)
    notebooks.on_files(files(), config)
    worker = jupyter.prerendering
    assert worker is not None
    worker.join(60)  # here the build would be rendering its Markdown pages meanwhile
    assert worker.exitcode == 0
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == sorted(
        notebooks.cache_entry(str(tmp_path / f"{name}.ipynb"), jupyter.config).name for name in ("lora", "rag"))
    (tmp_path / "cache" / "left.part").write_text("{")  # as a worker stopped mid-write leaves it
    notebooks.on_post_build(config)
    assert jupyter.prerendering is None and not list((tmp_path / "cache").glob("*.part"))
    notebooks.on_files(files(), config)  # every notebook cached now: no worker
    assert jupyter.prerendering is None


def test_downloaded_notebooks_link_back_absolutely_and_keep_the_answer_as_it_is():
    base = "https://prep.acme-learning.io/genai/book/notebooks/what-is-x/"
    header = "# X\n\nFrom [the answer page](../../what-is-x/), [a](<../a b/> \"t\"), [web](https://e.org/), [up](#top)"
    cells = [nbformat.v4.new_markdown_cell(header),
             nbformat.v4.new_markdown_cell("Call `fns[0](x)` or see [b](../b/)."),
             nbformat.v4.new_code_cell("print('[not](../a/)')")]
    text = json.dumps(nbformat.v4.new_notebook(cells=cells), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    book = json.loads(notebooks.absolute_links(text, base))
    assert "".join(book["cells"][0]["source"]) == (
        "# X\n\nFrom [the answer page](https://prep.acme-learning.io/genai/book/what-is-x/), "
        '[a](<https://prep.acme-learning.io/genai/book/notebooks/a b/> "t"), [web](https://e.org/), [up](#top)')
    assert [c["source"] for c in book["cells"][1:]] == ["Call `fns[0](x)` or see [b](../b/).", "print('[not](../a/)')"]
    nbformat.validate(nbformat.reads(notebooks.absolute_links(text, base), as_version=4))
