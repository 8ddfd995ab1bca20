"""The notebook hook: shared style sheets, and downloads that link back absolutely."""

from __future__ import annotations

import json

import nbformat

from hooks import notebooks


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
