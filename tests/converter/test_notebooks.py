"""Notebooks for pages with Python code: which blocks, what context, stable bytes."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
import yaml

from converter.notebooks import answer_cells, notebook


def python_cells(body: str) -> list[tuple[str, str]]:
    return answer_cells(body, title=None)


URL = "../../what-is-x/"

ONE_BLOCK = """\
Some opening words that are far from the code.

## Loading a model

The pipeline hides the tokenizer. Load it like this:

```python
from transformers import pipeline
classifier = pipeline("sentiment-analysis")
```

That is all.
"""


def load(text: str) -> nbformat.NotebookNode:
    return nbformat.reads(text, as_version=4)


def code_sources(text: str) -> list[str]:
    return [c.source for c in load(text).cells if c.cell_type == "code"]


# --- which blocks ------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "Just prose.\n\n- and a list\n",
    "```bash\npip install transformers\n```\n",
    "```\nprint('no language: not Python')\n```\n",
    "```json\n{\"a\": 1}\n```\n\n```text\nprint(1)\n```\n",
    "    indented_code = 'not a fence'\n",
])
def test_no_python_block_gives_no_notebook(body):
    assert notebook("What is X?", None, body, URL) is None
    assert python_cells(body) == []


def test_one_block_gives_context_then_code():
    assert python_cells(ONE_BLOCK) == [
        ("markdown", "## Loading a model\n\nThe pipeline hides the tokenizer. Load it like this:"),
        ("code", 'from transformers import pipeline\nclassifier = pipeline("sentiment-analysis")'),
    ]
    cells = load(notebook("What is X?", None, ONE_BLOCK, URL)).cells
    assert [c.cell_type for c in cells] == ["markdown", "markdown", "code"]
    assert cells[0].source == f"# What is X?\n\nFrom [the answer page]({URL})"
    assert "That is all" not in json.dumps([c.source for c in cells])


def test_fence_inside_a_list_item_is_found_de_indented_with_its_item():
    body = """\
### 3. Speech models

- **Speech-Based Models**:
    - Wav2Vec2 turns audio into text.
    - Example:

        ```python
        from transformers import Wav2Vec2Processor

        processor = Wav2Vec2Processor.from_pretrained("facebook/wav2vec2-base")
        ```

- **Text-Based Models**: BERT and friends.
"""
    assert python_cells(body) == [
        ("markdown", "## 3. Speech models\n\n**Speech-Based Models**:\n\nExample:"),
        ("code", 'from transformers import Wav2Vec2Processor\n\n'
                 'processor = Wav2Vec2Processor.from_pretrained("facebook/wav2vec2-base")'),
    ]


def test_bash_and_unlabelled_blocks_are_not_code_cells():
    body = """\
Install first:

```bash
pip install torch  # not Python
```

Then:

```python
import torch
```

Output:

```
tensor([1.])
```
"""
    cells = python_cells(body)
    assert cells == [("markdown", "Then:"), ("code", "import torch")]
    assert code_sources(notebook("T", None, body, URL)) == ["import torch"]


@pytest.mark.parametrize("info", ["python", "py", "python3", "Python", "ipython", "pycon",
                                  "python title=\"x.py\"", "{.python}"])
def test_python_labels(info):
    assert python_cells(f"```{info}\nx = 1\n```\n") == [("code", "x = 1")]


@pytest.mark.parametrize("info", ["pythonic", "bash", "sh", "text", "javascript"])
def test_other_labels(info):
    assert python_cells(f"```{info}\nx = 1\n```\n") == []


# --- the first cell ---------------------------------------------------------

def test_whole_question_is_quoted_when_the_title_is_a_part_of_it():
    question = "Premise about models. What is X?\nAnd why?"
    first = load(notebook("What is X?", question, ONE_BLOCK, URL)).cells[0].source
    assert first == (f"# What is X?\n\n> Premise about models. What is X?\n> And why?\n\n"
                     f"From [the answer page]({URL})")


@pytest.mark.parametrize("question", [None, "", "What is X?", "What is **X**?"])
def test_question_equal_to_the_title_is_not_repeated(question):
    first = load(notebook("What is X?", question, ONE_BLOCK, URL)).cells[0].source
    assert ">" not in first


def test_title_is_escaped_in_the_heading():
    first = load(notebook("What is *args* vs __init__?", None, ONE_BLOCK, URL)).cells[0].source
    assert first.startswith(r"# What is \*args\* vs \_\_init\_\_?")


# --- context ----------------------------------------------------------------

def test_context_is_the_nearest_heading_and_the_paragraph_before():
    body = """\
## Old section

A paragraph from another section.

## New section

```python
a = 1
```
"""
    assert python_cells(body)[0] == ("markdown", "## New section")


def test_repeated_context_and_heading_are_skipped():
    body = """\
## Steps

Two blocks in a row:

```python
a = 1
```

```python
b = 2
```

And a third:

```python
c = 3
```
"""
    assert python_cells(body) == [
        ("markdown", "## Steps\n\nTwo blocks in a row:"), ("code", "a = 1"),
        ("code", "b = 2"),
        ("markdown", "And a third:"), ("code", "c = 3"),
    ]


def test_block_with_nothing_before_it_gets_no_context_cell():
    assert python_cells("```python\nx = 1\n```\n") == [("code", "x = 1")]
    cells = load(notebook("T", None, "```python\nx = 1\n```\n", URL)).cells
    assert [c.cell_type for c in cells] == ["markdown", "code"]


def test_page_title_heading_in_the_body_is_not_repeated():
    body = "# What is X?\n\n```python\nx = 1\n```\n"
    assert [c.cell_type for c in load(notebook("What is X?", None, body, URL)).cells] == ["markdown", "code"]


def test_long_context_is_trimmed_at_a_sentence():
    sentence = "This sentence explains one more detail of the model. "
    paragraph = (sentence * 30).strip()
    context = python_cells(f"{paragraph}\n\n```python\nx = 1\n```\n")[0][1]
    assert len(context) <= 600
    assert context.endswith("detail of the model. …")
    assert paragraph.startswith(context[:-2])


def test_long_context_without_sentences_is_trimmed_at_a_word():
    paragraph = " ".join(f"word{n}" for n in range(300))
    context = python_cells(f"## H\n\n{paragraph}\n\n```python\nx = 1\n```\n")[0][1]
    assert len(context) <= 600 and context.endswith("…")
    kept = context.removeprefix("## H\n\n")[:-1]
    assert paragraph.startswith(kept) and paragraph[len(kept)] == " "


def test_trimming_never_leaves_a_code_span_open():
    paragraph = "Call " + " ".join(["`a long code span with many words`"] * 30)
    context = python_cells(f"{paragraph}\n\n```python\nx = 1\n```\n")[0][1]
    assert len(context) <= 600 and context.count("`") % 2 == 0


# --- code -------------------------------------------------------------------

def test_code_is_kept_exactly():
    code = (
        "# Load the model  (a comment, not a heading)\n"
        "import torch\n"
        "\n"
        "\n"
        "class Block(torch.nn.Module):\n"
        "    def forward(self, x):\n"
        "        # scaled dot product\n"
        "        return x  ## double hash\n"
        "\n"
        "print(\"```\")  # a backtick fence inside a string"
    )
    body = f"Code:\n\n~~~python\n{code}\n~~~\n"
    assert python_cells(body) == [("markdown", "Code:"), ("code", code)]
    cell = [c for c in load(notebook("T", None, body, URL)).cells if c.cell_type == "code"][0]
    assert cell.source == code and cell.outputs == [] and cell.execution_count is None


# --- the notebook -----------------------------------------------------------

def test_output_is_deterministic_with_sequential_ids():
    first = notebook("What is X?", "Premise. What is X?", ONE_BLOCK, URL)
    assert first == notebook("What is X?", "Premise. What is X?", ONE_BLOCK, URL)
    assert [c.id for c in load(first).cells] == ["cell-1", "cell-2", "cell-3"]


def test_output_is_a_valid_v4_notebook():
    text = notebook("What is X?", None, ONE_BLOCK, URL)
    nb = load(text)
    nbformat.validate(nb)
    assert nb.nbformat == 4
    assert nb.metadata.kernelspec.name == "python3"
    assert nb.metadata.language_info.name == "python"
    assert text == nbformat.writes(nb) + "\n"


# --- the real corpus ---------------------------------------------------------

FENCE = re.compile(r"^( *)(`{3,}|~{3,})\s*([^`\s]*)")


def python_fences(text: str) -> list[str]:
    """The ```python blocks of a page read line by line, a second opinion on
    the token stream: a fence's indentation is taken off its content."""
    lines, blocks, index = text.splitlines(), [], 0
    while index < len(lines):
        opener = FENCE.match(lines[index])
        index += 1
        if not opener:
            continue
        indent, fence, language = len(opener.group(1)), opener.group(2), opener.group(3)
        content = []
        while index < len(lines) and not re.fullmatch(rf" *{re.escape(fence)}{fence[0]}*\s*", lines[index]):
            line = lines[index]
            content.append(line[min(indent, len(line) - len(line.lstrip(" "))):])
            index += 1
        index += 1
        if language == "python":
            blocks.append("\n".join(content).rstrip("\n"))
    return blocks


def answer(body: str, question: str | None) -> str:
    """The entry's own text: the page body without the title heading and
    the quoted question the emitter puts above it."""
    body = body.lstrip("\n")
    assert body.startswith("# ")
    body = body.split("\n", 1)[1].lstrip("\n")
    if question and body.startswith("> "):
        body = body.split("\n\n", 1)[1] if "\n\n" in body else ""
    return body


def test_corpus_pages_with_python_get_matching_notebooks(converted):
    # The question and topic pages, as report.json lists them: the index and
    # home pages beside them are generated from no document's text.
    report = json.loads((converted / "report.json").read_text(encoding="utf-8"))
    pages = sorted(converted / entry["path"] for document in report["documents"] for entry in document["entries"])
    assert pages
    with_notebook = 0
    for page in pages:
        _, front, body = page.read_text(encoding="utf-8").split("---\n", 2)
        data = yaml.safe_load(front)
        question = data.get("question")
        url = f"https://example.org/genai-reference/{page.relative_to(converted).with_suffix('').as_posix()}/"
        text = notebook(data["title"], question, answer(body, question), url)
        fences = python_fences(body)
        if not fences:
            assert text is None, page
            continue
        assert text is not None, page
        with_notebook += 1
        nb = load(text)
        nbformat.validate(nb)
        assert url in nb.cells[0].source
        codes = [c.source for c in nb.cells if c.cell_type == "code"]
        assert "\n\n".join(codes) == "\n\n".join(fences), page
        assert codes == fences, page
        for cell in nb.cells:
            if cell.cell_type == "markdown" and cell is not nb.cells[0]:
                assert cell.source.strip() and len(cell.source) <= 600, (page, cell.source)
    print(f"\n{with_notebook} of {len(pages)} corpus pages get a notebook")
    assert with_notebook > 0


def test_markdown_cells_carry_no_raw_html_but_code_keeps_it():
    body = ("Closing </div></div> tags and `<img src=x onerror=alert(1)>` in a span, <b>bold</b>.\n\n"
            "```python\nprint('<b>')\n```\n")
    cells = load(notebook("What is X?", None, body, URL)).cells
    context = next(c.source for c in cells[1:] if c.cell_type == "markdown")
    assert context == "Closing &lt;/div>&lt;/div> tags and `<img src=x onerror=alert(1)>` in a span, &lt;b>bold&lt;/b>."
    assert [c.source for c in cells if c.cell_type == "code"] == ["print('<b>')"]
