"""The defect checker catches each kind on a page made to show it, and nothing on a clean page."""

from __future__ import annotations

import pytest

from checks.defects import KINDS, check_html, main


def page(body: str) -> str:
    return f'<html><body><article class="md-content__inner md-typeset">{body}</article></body></html>'


CLEAN = page("""<h1 id="t">What is LoRA?<a class="headerlink" href="#t">¶</a></h1>
<p>LoRA adds <strong>low-rank</strong> updates: see <code>**kwargs</code> and <code>__init__</code>.</p>
<h2>How it works</h2><h3>Rank</h3><h2>Costs</h2>
<ul><li>one</li><li><p>two</p><ul><li>nested</li></ul></li></ul>
<p>The token <code>&lt;UNK&gt;</code> and the text &lt;UNK&gt; stay visible; 5 &lt; 6.</p>
<p>A formula <math><mi>x</mi></math> and 2 - 1 = 1, snake_case_name.</p>
<pre><code>import torch\tx = 1\n**not emphasis**\n$$x$$</code></pre>
<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>""")

DEFECTS = {
    "list-marker-paragraph": ["<p>❖ Structure of the model</p>", "<p>- item one - item two</p>", "<p>1. First step</p>"],
    "literal-emphasis": ["<p>Controls Convergence Speed:** A higher rate</p>", "<ul><li>__bold__ text</li></ul>"],
    "literal-maths": ["<p>$$\\text{PE}(pos) = 1$$</p>", "<p>the value \\frac{a}{b}</p>"],
    "tab": ["<p>Aspect\tGANs\tVAEs</p>", "<p>Aspect   GANs   VAEs</p>"],
    "mojibake": ["<p>0 â‰¤ i</p>", "<p>here ðŸ‘‰ link</p>", "<p>donâ€™t</p>"],
    "html-as-text": ["<td>&lt;b&gt;Scope&lt;/b&gt;</td>", "<p>&lt;ul style=\"x\"&gt;&lt;li&gt;one</p>"],
    "empty-list-item": ["<ul><li>one</li><li> </li></ul>"],
    "heading-colon": ["<h2>Key Features:</h2>"],
    "skipped-heading": ["<h1>T</h1><h4>Deep</h4>"],
    "code-as-paragraph": ["<p>from transformers import pipeline<br>model = pipeline('x')</p>", "<p>```python</p>"],
    "literal-attribute": ['<ul><li>Ek item hai {: lang="hi-Latn" }</li></ul>', "<h2>Basics { #basics }</h2>"],
}


def test_kinds_are_all_tested():
    assert set(DEFECTS) == set(KINDS)


def test_clean_page_has_no_defects():
    assert check_html(CLEAN) == []


@pytest.mark.parametrize("kind,body", [(k, b) for k, bodies in DEFECTS.items() for b in bodies])
def test_each_defect_is_caught(kind, body):
    found = check_html(page("<h1>Title</h1>" + body), "p.html")
    assert [d.kind for d in found] == [kind]
    assert found[0].page == "p.html"


def test_main_exits_one_on_defects_and_zero_on_clean(tmp_path, capsys):
    (tmp_path / "library").mkdir()
    (tmp_path / "library" / "ok.html").write_text(CLEAN, encoding="utf-8")
    assert main([str(tmp_path)]) == 0
    (tmp_path / "library" / "bad.html").write_text(page("<h2>Steps:</h2>"), encoding="utf-8")
    assert main([str(tmp_path)]) == 1
    assert "heading-colon" in capsys.readouterr().out
