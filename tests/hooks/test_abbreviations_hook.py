"""Each abbreviation is explained (an <abbr>) once per page, at its first mention in the text."""

from abbreviations import explained_once

LLM = '<abbr title="Large Language Model">LLM</abbr>'


def test_only_the_first_mention_in_the_text_keeps_its_explanation():
    html = f"<h1>What is an {LLM}?</h1>\n<p>An {LLM} is big. Every {LLM} and <abbr title='x'>RAG</abbr>.</p>"
    assert explained_once(html) == (f"<h1>What is an LLM?</h1>\n<p>An {LLM} is big. Every LLM and "
                                    "<abbr title='x'>RAG</abbr>.</p>")


def test_a_heading_never_explains_even_when_it_comes_first():
    html = f'<h2 id="x">{LLM} basics</h2><p>{LLM}</p><h3>More {LLM}</h3>'
    assert explained_once(html) == f'<h2 id="x">LLM basics</h2><p>{LLM}</p><h3>More LLM</h3>'
