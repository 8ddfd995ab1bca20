"""The security boundary: each page's rendered content through the allow-list
(tools/hooks/sanitise.py). What the site's extensions and the converter write stays;
what could run code, load another host or dress up as the site goes."""

from __future__ import annotations

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html

from hooks import maths
from hooks.sanitise import clean, clean_notebook


def elements(html: str):
    return list(lxml_html.fragment_fromstring(html, create_parent="div").iter())


def test_handlers_scripts_frames_and_forms_go():
    html = clean('<p onclick="x()">a<script>x()</script><iframe src="a.html"></iframe>'
                 '<form action="/"><button formaction="javascript:x()">b</button></form><style>p{}</style></p>')
    assert html == "<p>a</p><button>b</button><p></p>"  # a form closes a paragraph


def test_script_addresses_go_and_ordinary_ones_stay():
    html = clean('<a href="javascript:x()">1</a><a href=" jav&#x61;script:x()">2</a><a href="//evil.test/">3</a>'
                 '<a href="/\\evil.test/">4</a><a href="https://example.org/">5</a><a href="../q/1/#s">6</a>'
                 '<a href="mailto:a@b.org">7</a><a href="#top">8</a>')
    assert [a.get("href") for a in elements(html) if a.tag == "a"] == [
        None, None, None, None, "https://example.org/", "../q/1/#s", "mailto:a@b.org", "#top"]


def test_images_load_only_from_this_site_or_a_trusted_host_and_the_others_are_links():
    html = ('<p>A <img src="https://tracker.test/p.png" alt="pixel"> and <img src="//tracker.test/r.png"> '
            'and <img src="pic.png" alt="here">.</p>')
    assert clean(html) == ('<p>A <a href="https://tracker.test/p.png">Image: pixel</a> and '
                           '<a href="https://tracker.test/r.png">Image: tracker.test</a> and <img src="pic.png" alt="here">.</p>')
    trusted = clean(html, frozenset({"tracker.test"}))
    assert [e.get("src") for e in elements(trusted) if e.tag == "img"] == [
        "https://tracker.test/p.png", "pic.png"]  # a protocol-relative address is never trusted


def test_tooltips_are_plain_text():
    html = clean('<a href="x/" title="&lt;img src=x onerror=alert(1)&gt;see">t</a><abbr title="<b>Large</b> model">LLM</abbr>')
    assert [e.get("title") for e in elements(html) if e.get("title")] == ["see", "Large model"]


def test_mathml_keeps_its_layout_and_loses_links_styles_classes_and_markup():
    html = clean('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow>'
                 '<mi mathvariant="bold" href="javascript:x()" class="md-dialog" style="background:url(http://t.test/)">x'
                 '</mi><mo stretchy="false">=</mo><mtext><svg onload="x()"><circle/></svg>t</mtext></mrow></math>')
    assert html == ('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow><mi mathvariant="bold">x'
                    '</mi><mo stretchy="false">=</mo><mtext>t</mtext></mrow></math>')


def test_classes_are_the_sites_own():
    html = clean('<div class="admonition note md-dialog"><p class="admonition-title">N</p></div>'
                 '<span class="qa-badge md-search"></span><div class="highlight"><pre><span class="k">def</span></pre></div>')
    assert [e.get("class") for e in elements(html)][1:] == ["admonition note", "admonition-title", "qa-badge",
                                                          "highlight", None, "k"]


def test_the_converters_page_parts_and_the_extensions_markup_stay():
    parts = ('<div class="qa-meta" data-pagefind-ignore=""><a class="qa-download" href="../n/x.ipynb" download="">'
             'Download</a><button class="qa-copy-link" type="button" data-copy-link="" data-link="../q/1/" '
             'title="Copy link">Copy</button></div><h2 id="answer" data-search-exclude="">Answer</h2>'
             '<div class="tabbed-set tabbed-alternate"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" '
             'type="radio"><label for="__tabbed_1_1">A</label></div><ol start="3"><li lang="hi">x</li></ol>')
    assert clean(parts) == parts


def test_a_copy_button_cannot_copy_a_script_address_an_input_be_a_field_nor_an_id_take_materials():
    html = clean('<button class="qa-copy-link" data-link="javascript:x()">c</button><input type="text" id="__search">'
                 '<div id="__drawer">d</div>')
    assert html == '<button class="qa-copy-link">c</button><input type="radio"><div>d</div>'


def test_in_a_notebook_page_the_cells_are_cleaned_and_the_template_kept():
    page = ('<script>document.addEventListener("clipboard-copy", f)</script>'
            '<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">'
            '<p>From <a href="../../x/">the answer page</a><img src=x onerror="alert(1)"><script>alert(2)</script></p>'
            '</div></div>')
    assert clean_notebook(page) == (
        '<script>document.addEventListener("clipboard-copy", f)</script>'
        '<div class="jp-Cell jp-MarkdownCell"><div class="jp-RenderedHTMLCommon jp-RenderedMarkdown">'
        '<p>From <a href="../../x/">the answer page</a><img src="x"></p></div></div>')


FRAGMENTS = st.sampled_from([
    "<img src=x onerror=alert(1)>", '<a href="javascript:alert(1)">', "<svg onload=alert(1)>", "<script>",
    "</script>", '<div style="background:url(//t.test/)">', "<iframe src=//t.test>", '<a title="&lt;img onerror=x&gt;">',
    "<math><mi href='javascript:x'>", "<mtext><img src=//t.test/p>", '<img src="//t.test/p">', "<!--", "-->",
    "<![CDATA[", "]]>", "<style>", "<x-a onfocus=alert(1) autofocus>", "<base href=//t.test/>", "<p ", '"', "'", ">",
    "<", "&lt;", "\n", " ", "text", '<a href="&#106;avascript:x">', "<object data=x>", "<form action=x>",
    '<input type="text" formaction="javascript:x">', "<meta http-equiv=refresh content='0;url=//t.test'>",
    '<link rel="stylesheet" href="//t.test/s.css">', "<details open ontoggle=alert(1)>"])


MARKDOWN = st.sampled_from([
    "[x](javascript:alert(1))", "![p](https://t.test/p.png)", "![p](//t.test/p.png)", "<https://t.test/>",
    '[t](https://e.org/ "&lt;img src=x onerror=alert(1)&gt;")', "{: onclick=alert(1) }", '{: style="x" }',
    "$\\text{<img src=x onerror=alert(1)>}$", "*[A]: <b onmouseover=alert(1)>", "A", "\n\n", "\n", "- ", "> ",
    "`<script>`", "```\n<script>\n```\n", "<div markdown>", "</div>", "[r]: javascript:alert(1)", "[r]", "!!! note"])


def rendered(text: str) -> str:
    """``text`` rendered by Python-Markdown with the extensions that let raw HTML, attributes,
    titles and maths through, and the maths hook, as the boundary receives a page's content."""
    html = markdown.markdown(text, extensions=["attr_list", "abbr", "md_in_html", "admonition", "pymdownx.superfences",
                                               "pymdownx.arithmatex"],
                             extension_configs={"pymdownx.arithmatex": {"generic": True}})
    return maths.WRAPPED.sub(lambda match: maths.render(match, "page.md"), html)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, MARKDOWN), max_size=25).map("".join))
def test_random_markdown_and_markup_never_keep_a_handler_a_script_address_or_another_host(markup):
    for element in elements(clean(rendered(markup)))[1:]:
        assert element.tag not in ("script", "iframe", "object", "style", "link", "meta", "base", "form"), markup
        for name, value in element.attrib.items():
            assert not name.startswith("on") and name not in ("style", "formaction"), markup
            if name in ("href", "src"):
                assert not value.strip().lower().startswith(("javascript:", "data:", "//")), markup
            if name == "src":
                assert "t.test" not in value, markup


def test_an_image_address_hiding_another_host_behind_spaces_or_tabs_is_a_link():
    for src in ("/&#9;/evil.test/p.png", "/&#10;/evil.test/p.png", "&#1;//evil.test/p.png", " &#11;//evil.test/p.png"):
        assert "<img" not in clean(f'<img src="{src}" alt="p">'), src


def test_a_label_cannot_take_materials_controls():
    assert clean('<label for="__search">x</label><label for="__tabbed_1_1">y</label>') == (
        '<label>x</label><label for="__tabbed_1_1">y</label>')
