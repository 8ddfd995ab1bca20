"""layout: CommonMark block layout rewritten so Python-Markdown (MkDocs) reads it
the same way. Checked on the text and, end to end, on the HTML MkDocs would make."""

from __future__ import annotations

import pytest

from helpers import normalise
from converter.normalise.layout import rewrite


def test_rendering_is_configured_like_mkdocs(markdown_config):
    names, configs = markdown_config
    for name in ("tables", "sane_lists", "toc", "pymdownx.superfences", "pymdownx.arithmatex"):
        assert name in names
    assert configs["pymdownx.arithmatex"] == {"generic": True}


# --- the rewritten text ---------------------------------------------------

def test_two_space_nesting_becomes_four(fixture_text):
    assert rewrite(fixture_text("two_space_nested_list.md")) == (
        "Training steps:\n"
        "\n"
        "- Prepare the data\n"
        "    - Clean the text\n"
        "    - Split into tokens\n"
        "        - Subwords for rare words\n"
        "- Train the model\n"
    )


def test_three_space_nesting_under_a_numbered_item(fixture_text):
    assert rewrite(fixture_text("three_space_nested_list.md")) == (
        "1. Load the data\n"
        "    - from disk\n"
        "    - from the hub\n"
        "2. Fit the model\n"
    )


def test_a_list_right_under_a_paragraph_line_gets_a_blank_line():
    assert rewrite("Some text:\n- a\n- b") == "Some text:\n\n- a\n- b"
    assert rewrite("Intro line\n1. first\n2. second") == "Intro line\n\n1. first\n2. second"


def test_a_fence_under_a_list_item_is_indented_to_the_item():
    assert rewrite("- item\n  ```python\n  x = 1\n    y\n  ```") == (
        "- item\n\n    ```python\n    x = 1\n      y\n    ```"
    )


def test_blocks_are_separated_by_blank_lines():
    assert rewrite("# Title\ntext\n## Sub\nmore") == "# Title\n\ntext\n\n## Sub\n\nmore"


def test_a_table_under_a_paragraph_line_gets_a_blank_line():
    assert rewrite("Text\n| a | b |\n| --- | --- |\n| 1 | 2 |") == "Text\n\n| a | b |\n| --- | --- |\n| 1 | 2 |"


def test_a_lazy_continuation_line_joins_its_item():
    assert rewrite("- item one\n  continued\n- two") == "- item one\n    continued\n- two"


def test_a_hard_line_break_after_a_list_item_marker_line_stays(style):
    assert rewrite("1. **Privacy**:  \n   Keep data private.\n2. Next") == (
        "1. **Privacy**:  \n    Keep data private.\n2. Next")
    assert normalise("1. **Privacy**:  \n   Keep data private.\n2. Next:  \n", style) == (
        "1. **Privacy**:  \n    Keep data private.\n2. Next:")  # no break before nothing


def test_tabs_count_as_four_columns():
    assert rewrite("- a\n\t- b") == "- a\n    - b"


@pytest.mark.parametrize("text", [
    "> - a\n>   - b",  # block quotes are left as written
    "para\n\n    indented code\n      more",
    "Text\n\n$$\n- a\n  - b\n$$\n\nafter",  # maths is verbatim
    "- a\n- b\n    - c",  # already in Python-Markdown layout
])
def test_left_as_written(text):
    assert rewrite(text) == text


def test_maths_block_inside_an_item_keeps_its_lines():
    assert rewrite("- item\n\n  $$\n  x^2\n  $$") == "- item\n\n    $$\n    x^2\n    $$"


def test_only_indentation_and_blank_lines_change(fixture_text):
    for name in ("two_space_nested_list.md", "three_space_nested_list.md", "fence_in_list_item.md"):
        raw = fixture_text(name)
        assert [l.strip() for l in rewrite(raw).split("\n") if l.strip()] == \
            [l.strip() for l in raw.split("\n") if l.strip()]


# --- end to end: the HTML MkDocs makes of the normalised page ---------------

def texts(elements):
    return [e.get_text() for e in elements]


def own_texts(items):
    """Each list item's own text, without that of the lists nested in it."""
    return ["".join(i.find_all(string=True, recursive=False)).strip() for i in items]


def test_rendered_two_space_nested_list(normalised, render):
    html = render(normalised("two_space_nested_list.md"))
    assert html.find("p").get_text() == "Training steps:"
    top = html.find("ul")
    items = top.find_all("li", recursive=False)
    assert len(items) == 2
    inner = items[0].find("ul", recursive=False)
    assert inner is not None, "the nested list must be inside the first item"
    assert own_texts(inner.find_all("li", recursive=False)) == ["Clean the text", "Split into tokens"]
    deepest = inner.find_all("li", recursive=False)[1].find("ul", recursive=False)
    assert texts(deepest.find_all("li")) == ["Subwords for rare words"]
    assert own_texts(items) == ["Prepare the data", "Train the model"]


def test_rendered_three_space_nested_list(normalised, render):
    html = render(normalised("three_space_nested_list.md"))
    top = html.find("ol")
    items = top.find_all("li", recursive=False)
    assert len(items) == 2
    assert texts(items[0].find("ul", recursive=False).find_all("li")) == ["from disk", "from the hub"]
    assert items[1].get_text() == "Fit the model"


def test_rendered_glyph_bullets_nest(normalised, render):
    html = render(normalised("glyph_bullets.md"))
    items = html.find("ul").find_all("li", recursive=False)
    assert len(items) == 2
    assert texts(items[1].find("ul").find_all("li")) == ["Heads look at different things"]


def test_rendered_list_after_a_paragraph_line(render, style):
    html = render(normalise("These are the parts:\n- encoder\n- decoder", style))
    assert html.find("p").get_text() == "These are the parts:"
    assert texts(html.find("ul").find_all("li")) == ["encoder", "decoder"]


def test_rendered_fence_inside_a_list_item(normalised, render):
    html = render(normalised("fence_in_list_item.md"))
    first = html.find("ol").find("li")
    code = first.select_one("pre > code")
    assert code is not None, "the fenced code must render inside the list item"
    assert code.get_text() == "pip install transformers\n"


def test_rendered_fence_in_the_last_item(render, style):
    html = render(normalise("- Run it:\n  ```\n  python train.py --epochs 3\n  ```", style))
    item = html.find("ul").find("li")
    assert item.select_one("pre > code").get_text() == "python train.py --epochs 3\n"
    assert not html.find("p", string=lambda s: s and "```" in s)


def test_rendered_fences_in_two_list_items_make_two_items(normalised, render):
    html = render(normalised("fence_in_list_item.md"))
    items = html.find("ol").find_all("li", recursive=False)
    assert len(items) == 2
    assert items[1].select_one("pre > code").get_text() == "from transformers import AutoModel\n"


@pytest.mark.parametrize("text", [
    "- a\n  ```\n  x\n  ```\n- b",
    "1. a\n   ```\n   x\n   ```\n2. b",
    "- a\n\n  More text\n- b",
])
def test_rendered_item_after_a_multi_block_item(text, render, style):
    html = render(normalise(text, style))
    assert len(html.find(["ul", "ol"]).find_all("li", recursive=False)) == 2


def test_rendered_tab_table(normalised, render):
    html = render(normalised("tab_table_split_by_page_break.md"))
    assert html.find("p").get_text() == "Optimisers compared:"
    table = html.find("table")
    assert texts(table.find_all("th")) == ["", "Speed", "Memory"]
    rows = table.find("tbody").find_all("tr")
    assert [texts(r.find_all("td")) for r in rows] == [
        ["SGD", "fast", "low"],
        ["Adam", "slower per step but converges sooner", "high"],
        ["RMSProp", "medium", "medium"],
    ]
    assert html.find_all("p")[-1].get_text() == "After the table."


def test_rendered_table_with_html_cells(normalised, render):
    html = render(normalised("html_in_table_cells.md"))
    table = html.find("table")
    assert len(table.find_all("th")) == 2
    rows = table.find("tbody").find_all("tr")
    assert [len(r.find_all("td")) for r in rows] == [2, 2, 2, 2]
    assert rows[0].find("td").find("strong").get_text() == "Token"
    assert rows[0].find_all("td")[1].find("em").get_text() == "a piece"
    assert rows[1].find_all("td")[1].get_text() == "the | character"
    assert texts(rows[2].find_all("td")[1].select("ul > li")) == ["one", "two"]
    assert rows[2].find("ul").get("style") is None
    assert rows[3].find_all("td")[1].find("br") is not None


def test_rendered_caption_is_a_paragraph_before_the_table(normalised, render):
    html = render(normalised("tab_table_with_caption.md"))
    assert html.find("p").get_text() == "Table 1: Tokenisers"
    assert texts(html.find("table").find_all("th")) == ["Name", "Unit"]
    assert len(html.find("table").find_all("td")) == 4


def test_maths_blocks_are_kept_as_written(fixture_text, normalised):
    assert normalised("math_blocks.md") == fixture_text("math_blocks.md").rstrip("\n")


def test_rendered_maths_block_is_one_formula(normalised, render):
    html = render(normalised("math_blocks.md"))
    maths = html.find_all("div", class_="arithmatex")
    assert len(maths) == 1
    assert maths[0].get_text() == "\\[\ns = \\frac{q \\cdot k}{\\sqrt{d}}\n  - 1\n\\]"
    assert html.find("ul") is None
    assert html.find("span", class_="arithmatex").get_text() == "\\(h^{<t>}\\)"
    assert html.find_all("p")[-1].get_text() == "where d is the key size and \\(h^{<t>}\\) the state."


def test_rendered_maths_block_right_under_a_paragraph_line(normalised, render):
    html = render(normalised("math_block_under_paragraph.md"))
    maths = html.find_all("div", class_="arithmatex")
    assert len(maths) == 1
    assert "\\frac{q \\cdot k}{\\sqrt{d}}" in maths[0].get_text()
    assert html.find("ul") is None


def test_rendered_bullets_indented_less_than_the_numbered_item_text_nest_under_it(fixture_text, render):
    html = render(rewrite(fixture_text("short_indent_under_numbered_item.md")))
    ordered = html.find("ol")
    assert len(ordered.find_all("li", recursive=False)) == 2
    nested = ordered.find_all("li", recursive=False)[1].find("ul")
    assert nested is not None and len(nested.find_all("li")) == 2
    assert "After the list." in html.find_all("p", recursive=False)[-1].text
