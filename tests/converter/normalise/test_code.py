"""code: languages for fences that name none, and pseudo tags in prose escaped."""

from __future__ import annotations

import pytest

from converter.model import Style
from converter.normalise.code import escape_pseudo_tags, fence_languages, pseudo_tags


@pytest.fixture
def languages(style):
    return lambda text: "\n".join(fence_languages(text.split("\n"), style))


def tags(text: str) -> str:
    return "\n".join(pseudo_tags(text.split("\n")))


def test_fence_languages(fixture_text, languages):
    assert languages(fixture_text("code_fence_languages.md")) == (
        "```python\n"
        "import numpy as np\n"
        "x = np.zeros(3)\n"
        "```\n"
        "\n"
        "```bash\n"
        "pip install torch\n"
        "```\n"
        "\n"
        "```\n"  # nothing tells: no language
        "loss went down to 0.3\n"
        "```\n"
        "\n"
        "```text\n"  # the author's choice stays
        "print(\"named by the author\")\n"
        "```\n"
    )


@pytest.mark.parametrize("line", [
    "import torch",
    "import numpy as np",
    "from sklearn.metrics import f1_score",
    "def train(model):",
    "class Encoder(nn.Module):",
    "print(loss)",
    "@torch.no_grad",
    "model = AutoModel.from_pretrained(name)",
    "    return x  # inside a def",  # not telling on its own ...
])
def test_python_is_recognised(line, languages):
    text = f"```\n{line}\n```"
    expected = text if line.startswith("    return") else f"```python\n{line}\n```"
    assert languages(text) == expected


@pytest.mark.parametrize("line", [
    "pip install transformers",
    "pip3 install -U torch",
    "$ git clone https://example.org/repo.git",
    "conda create -n env python=3.11",
    "curl https://example.org/data.json",
    "export HF_HOME=/tmp/hf",
    "apt-get install git",
])
def test_bash_is_recognised(line, languages):
    assert languages(f"```\n{line}\n```") == f"```bash\n{line}\n```"


@pytest.mark.parametrize("body", [
    "Output: 0.93",
    "The model answered yes.",
    "{\"key\": \"value\"}",
    "SELECT name FROM users;",
])
def test_no_language_when_unclear(body, languages):
    text = f"```\n{body}\n```"
    assert languages(text) == text


@pytest.mark.parametrize("opener", ["```js", "```text", "``` python", "~~~ruby"])
def test_a_language_the_author_named_is_kept(opener, languages):
    closer = opener[:3]
    text = f"{opener}\nimport os\n{closer}"
    assert languages(text) == text


def test_tilde_and_indented_fences(languages):
    assert languages("~~~\ndef f():\n    pass\n~~~") == "~~~python\ndef f():\n    pass\n~~~"
    assert languages("- step\n  ```\n  pip install x\n  ```") == "- step\n  ```bash\n  pip install x\n  ```"


def test_the_first_language_of_the_style_that_matches_wins():
    lines = ["```", "run it", "import os", "```"]
    first = Style(code_languages=(("python", r"^import "), ("shell", r"^run ")))
    other = Style(code_languages=(("shell", r"^run "), ("python", r"^import ")))
    assert fence_languages(lines, first)[0] == "```python"
    assert fence_languages(lines, other)[0] == "```shell"


def test_the_fence_lines_are_not_read_as_code():
    style = Style(code_languages=(("python", r"```"),))
    assert fence_languages(["```", "plain", "```"], style) == ["```", "plain", "```"]


def test_an_unterminated_fence_gets_its_language_from_its_last_line(languages):
    assert languages("```\nprint(1)") == "```python\nprint(1)"


def test_pseudo_tags(fixture_text):
    assert tags(fixture_text("unk_literal.md")) == (
        "Unknown words map to &lt;UNK> and padding uses &lt;PAD>.\n"
        "Write <b>bold</b> or `<UNK>` in code.\n"
    )


@pytest.mark.parametrize("line, expected", [
    ("map to <UNK>", "map to &lt;UNK>"),
    ("closing </UNK> too", "closing &lt;/UNK> too"),
    ("<eos> and <mask_token>", "&lt;eos> and &lt;mask_token>"),
    ("<sep-1>", "&lt;sep-1>"),
    ("<b>bold</b> <i>it</i>", "<b>bold</b> <i>it</i>"),
    ("line<br/>break<br>", "line<br/>break<br>"),
    ('<div class="note">ok</div>', '<div class="note">ok</div>'),
    ('<SPAN style="x">ok</SPAN>', '<SPAN style="x">ok</SPAN>'),
    ("in code `<UNK>` stays", "in code `<UNK>` stays"),
    ("double ``a <PAD> b`` stays", "double ``a <PAD> b`` stays"),
    ("maths $h^{<t>}$ stays", "maths $h^{<t>}$ stays"),
    ("a < b and c > d", "a < b and c > d"),
    ("x <|endoftext|> y", "x <|endoftext|> y"),
    ("`<A>` then <EOS>", "`<A>` then &lt;EOS>"),
])
def test_escape_pseudo_tags(line, expected):
    assert escape_pseudo_tags(line) == expected


def test_pseudo_tags_in_fenced_code_are_code():
    text = "```\ntokens = ['<UNK>', '<PAD>']\n```\n<PAD> here"
    assert tags(text) == "```\ntokens = ['<UNK>', '<PAD>']\n```\n&lt;PAD> here"


def test_pseudo_tags_in_a_maths_block_are_maths():
    text = "$$\nh^{<t>} = \\tanh(W h^{<t-1>})\n$$"
    assert tags(text) == text


def test_rendered_pseudo_tags_are_visible(normalised, render):
    html = render(normalised("unk_literal.md"))
    assert html.find("p").get_text() == (
        "Unknown words map to <UNK> and padding uses <PAD>.\nWrite bold or <UNK> in code."
    )
    assert html.find("b").get_text() == "bold"
    assert html.find("code").get_text() == "<UNK>"


def test_rendered_fence_is_highlighted_in_its_language(normalised, render):
    blocks = render(normalised("code_fence_languages.md")).find_all("pre")
    assert len(blocks) == 4
    assert blocks[0].select_one(".kn").get_text() == "import"  # a Python keyword token
    assert not blocks[2].select("span[class]")  # no language: plain text
