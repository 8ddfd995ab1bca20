"""The whitespace hook: blank runs between tags collapse, whitespace that renders as written stays."""

from __future__ import annotations

import random
import re

from hooks.whitespace import collapsed, compacted


def test_indentation_and_blank_lines_become_one_line_break():
    html = '<ul>\n    \n\n      <li>\n        <a href="x">\n          Home\n        </a>\n      </li>\n  </ul>\n'
    assert compacted(html) == '<ul>\n<li>\n<a href="x">\nHome\n</a>\n</li>\n</ul>\n'


def test_whitespace_within_a_line_is_left_alone():
    assert compacted("<p>two  spaces\tand a tab</p>") == "<p>two  spaces\tand a tab</p>"


def test_code_keyboard_keys_scripts_and_text_areas_keep_their_whitespace():
    kept = ('<pre><code>def f():\n\n    return 1\n</code></pre>', '<code>a\n   b</code>',
            '<kbd>Ctrl\n  C</kbd>', '<textarea>\n  x\n</textarea>', '<script>\n  var a = "\\n  ";\n</script>',
            '<STYLE>\n  p { }\n</STYLE>')
    for element in kept:
        assert compacted(f"<div>\n   {element}\n   </div>") == f"<div>\n{element}\n</div>"


def test_an_element_that_never_closes_does_not_protect_the_rest():
    assert compacted("<pre>\n  x\n<p>\n   y</p>") == "<pre>\nx\n<p>\ny</p>"


def test_a_run_is_collapsed_exactly_as_one_pattern_for_the_whole_run_would():
    whole_run = re.compile(r"[ \t\r\f]*\n[ \t\r\n\f]*")
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(" \t\r\f\n\n\v\xa0ab<>") for _ in range(rng.randrange(0, 24)))
        assert collapsed(text) == whole_run.sub("\n", text), repr(text)
