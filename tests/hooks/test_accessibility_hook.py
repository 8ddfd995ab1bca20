"""The accessibility hook names Material's search dialog and progress bar."""

from __future__ import annotations

from hooks.accessibility import LABELS, labelled


def test_both_widgets_get_a_name_and_nothing_else_changes():
    page = "<body>\n" + "\n".join(LABELS) + "\n<p>role=\"dialog\"</p>\n</body>"
    named = labelled(page)
    assert named.count("aria-label=") == 2 and '<p>role="dialog"</p>' in named
    assert labelled(named) == named
