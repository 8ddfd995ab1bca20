"""fences: where the fenced code blocks are, for the passes that read lines."""

from __future__ import annotations

import pytest

from converter.normalise.fences import closes, fenced_blocks, in_code


def test_a_fenced_block_spans_its_opening_and_closing_lines():
    lines = ["text", "```python", "x = 1", "```", "after"]
    assert fenced_blocks(lines) == [(1, 4)]
    assert in_code(lines) == [False, True, True, True, False]


def test_several_blocks_and_tilde_fences():
    lines = ["```", "a", "```", "between", "~~~", "b", "~~~"]
    assert fenced_blocks(lines) == [(0, 3), (4, 7)]
    assert in_code(lines) == [True, True, True, False, True, True, True]


def test_an_unterminated_fence_runs_to_the_end():
    lines = ["intro", "```", "x = 1", "y = 2"]
    assert fenced_blocks(lines) == [(1, 4)]
    assert in_code(lines) == [False, True, True, True]


def test_an_indented_fence_in_a_list_item_counts():
    lines = ["- item", "  ```", "  code", "  ```", "- next"]
    assert fenced_blocks(lines) == [(1, 4)]


@pytest.mark.parametrize("line, opener, expected", [
    ("```", "```", True),
    ("````", "```", True),  # a longer fence closes a shorter one
    ("  ```  ", "```", True),
    ("```", "````", False),  # a shorter one does not
    ("~~~", "```", False),  # nor one of the other character
    ("```python", "```", False),  # an info string makes it an opener, not a closer
    ("text", "```", False),
])
def test_closes(line, opener, expected):
    assert closes(line, opener) is expected


def test_a_fence_line_with_a_language_inside_a_block_does_not_close_it():
    lines = ["```", "```python", "x", "```", "out"]
    assert fenced_blocks(lines) == [(0, 4)]
    assert in_code(lines)[4] is False


def test_a_shorter_fence_inside_a_longer_one_is_code():
    lines = ["````", "```", "inner", "```", "````", "prose"]
    assert fenced_blocks(lines) == [(0, 5)]


def test_no_fences():
    assert fenced_blocks(["a", "b"]) == []
    assert in_code(["a", "b"]) == [False, False]
