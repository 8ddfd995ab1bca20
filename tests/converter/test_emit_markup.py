"""Front matter written without yaml.dump: YAML (and MkDocs) must read back exactly what was written."""

from __future__ import annotations

import random

import markdown
import yaml
from mkdocs.utils.meta import get_data

from converter.emit.markup import front_matter, inert_snippets

TRICKY = ['What is "RAG"?', "a: b # c", "- dash", "* star", "&anchor", "!tag", "%dir", "@at", "`tick`", "yes", "null",
          "0x1F", "1e3", "~", "", " lead", "trail ", "back\\slash", "tab\there", "line\nbreak", "nel\x85", "sep\u2028",
          "del\x7f", "c1\x9b", "bom\ufeff", "हिंदी", "emoji 😀", "'single'", "{brace}", "[bracket]", "\x00nul",
          "surrogate\udc80"]


def read_back(data: dict) -> dict:
    text = front_matter(data)
    assert text.startswith("---\n") and text.endswith("---\n")
    return yaml.safe_load(text[4:-4])


def test_every_kind_of_value_reads_back_as_written():
    data = {"title": "What is X?", "number": 7, "boost": 0.2, "hinglish": True, "chapter": None,
            "tags": ["RAG", "LLMs"], "lines": [1, 20], "none": [], "search": {"exclude": True, "boost": 0.2},
            "empty": {}, "Odd key: yes": "value"}
    assert read_back(data) == data
    assert get_data(front_matter(data) + "# Title\n") == ("# Title\n", data)


def test_a_mapping_inside_a_list_keeps_its_entries():
    data = {"links": [{"path": "a/b.md", "Odd key": [1, {"deep": None}]}, {}]}
    assert read_back(data) == data


def test_strings_yaml_would_misread_or_refuse_raw_are_quoted_or_escaped():
    for text in TRICKY:
        assert read_back({"title": text, "tags": [text]}) == {"title": text, "tags": [text]}, repr(text)


def test_random_strings_read_back():
    pool = "".join(TRICKY) + "".join(chr(c) for c in range(0, 0x250)) + "\u2029\ufffe\uffff\U0001f600"
    rng = random.Random(8)
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 30)))
        assert read_back({"description": text}) == {"description": text}, repr(text)


SNIPPET_LINES = """\
---
title: "Keep --8<-- [start:x] in the title"
---

--8<-- "index.md"

```text
  --8<-- "missing.md:section"
```

-8<-
a file name?

Keep --8<-- [start:kept] in the answer.
;--8<-- "written escaped"
--8<-- not a snippet: stays as it is
"""


def test_lines_snippets_would_act_on_render_as_written(tmp_path):
    (tmp_path / "index.md").write_text("INCLUDED HOME PAGE\n")
    text = inert_snippets(SNIPPET_LINES)
    assert text.split("---\n")[1] == 'title: "Keep --8<-- [start:x] in the title"\n'  # front matter untouched
    body = text.split("\n---\n", 1)[1]
    html = markdown.markdown(body, extensions=["pymdownx.snippets", "pymdownx.superfences"],
                             extension_configs={"pymdownx.snippets": {"base_path": [str(tmp_path)], "check_paths": True}})
    assert "INCLUDED" not in html
    for line in ['--8&lt;-- "index.md"', '  --8&lt;-- "missing.md:section"', "-8&lt;-\na file name?",
                 "Keep --8&lt;-- [start:kept] in the answer.", ';--8&lt;-- "written escaped"',
                 "--8&lt;-- not a snippet: stays as it is"]:
        assert line in html


def test_a_page_without_snippet_lines_is_returned_as_it_is():
    text = "---\ntitle: \"x\"\n---\n\n# x\n\nScissors 8< in prose.\n"
    assert inert_snippets(text) == text
