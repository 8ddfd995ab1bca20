"""The search-backend hook: what Pagefind indexes on each page, and Material's index cut to its settings."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import search

PAGE = """<html><body><article class="md-content__inner md-typeset">
<h1 id="q">What is LoRA?</h1>
<p>Answer.</p>
<h2 id="more">More</h2>
<p>Kept.</p>
<h2 data-search-exclude id="qa-related">Related questions</h2>
<ul><li><a href="../x/">Another question</a></li></ul>
<h3 id="deeper">Still related</h3>
<p>Also left out.</p>
</article></body></html>"""


def test_the_article_is_what_pagefind_indexes():
    assert '<article class="md-content__inner md-typeset" data-pagefind-body>' in search.marked(PAGE, {})


def test_a_page_excluded_from_search_is_not_marked():
    assert search.marked(PAGE, {"search": {"exclude": True}}) == PAGE


def test_a_lowered_page_carries_its_boost_as_weight():
    assert 'data-pagefind-body data-pagefind-weight="0.2">' in search.marked(PAGE, {"search": {"boost": 0.2}})


def test_an_excluded_heading_leaves_out_its_whole_section():
    marked = search.marked(PAGE, {})
    ignored = marked.split('<div data-pagefind-ignore="all">', 1)[1].split("</div>", 1)[0]
    assert "Related questions" in ignored and "Another question" in ignored and "Also left out" in ignored
    assert "Kept." not in ignored and marked.count("data-pagefind-ignore") == 1
    assert ignored.rstrip().endswith("</p>") and "</article>" in marked.split(ignored, 1)[1]


def test_an_excluded_section_ends_at_the_next_heading_of_its_level():
    page = PAGE.replace("<h3 id=\"deeper\">Still related</h3>", "<h2 id=\"next\">Next</h2>")
    ignored = search.marked(page, {}).split('<div data-pagefind-ignore="all">', 1)[1].split("</div>", 1)[0]
    assert "Another question" in ignored and "Next" not in ignored


def test_materials_index_keeps_its_settings_and_loses_its_documents(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [{"location": "", "text": "x" * 1000}]}))
    search.settings_only(index)
    assert json.loads(index.read_text()) == {"config": {"lang": ["en"]}, "docs": []}


def test_an_unknown_backend_is_a_clear_error():
    with pytest.raises(PluginError, match="search_backend is 'lunr'"):
        search.backend(SimpleNamespace(extra={"search_backend": "lunr"}))
    assert search.backend(SimpleNamespace(extra={})) == "material"
