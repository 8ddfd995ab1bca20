"""Explicit heading ids: plain, parent-qualified, hashed; stable when headings are
inserted above; what Python-Markdown renders from them."""

from __future__ import annotations

import hashlib
import re

import markdown

from converter.emit.anchors import heading_ids, with_ids


def anchored(markdown: str, reserved: frozenset[str] = frozenset()) -> str:
    """``markdown`` with ``{ #id }`` at the end of every heading; nothing but heading lines changes."""
    return with_ids(markdown, heading_ids(markdown, reserved))

ID = re.compile(r"\{:? #([a-z0-9-]+)")


def ids(text: str) -> list[str]:
    return ID.findall(text)


def doc(*lines: str) -> str:
    return "\n".join(lines) + "\n"


TRAINING = doc("## Setup", "", "### Training", "", "Train it.", "",
               "## Results", "", "### Training", "", "Score it.")


def test_plain_ids():
    assert anchored(doc("# Guide", "", "## Data *loading*", "", "Text.")) == doc(
        "# Guide { #guide }", "", "## Data *loading* { #data-loading }", "", "Text.")


def test_duplicates_under_different_parents_are_all_qualified_by_parent():
    assert ids(anchored(TRAINING)) == ["setup", "setup-training", "results", "results-training"]


def test_ids_survive_an_identical_heading_inserted_above_or_below():
    above = doc("## Intro", "", "### Training", "", "Warm up.", "") + TRAINING
    below = TRAINING + doc("", "## Outro", "", "### Training", "", "Cool down.")
    before = ids(anchored(TRAINING))
    assert ids(anchored(above)) == ["intro", "intro-training", *before]
    assert ids(anchored(below)) == [*before, "outro", "outro-training"]


def test_id_survives_an_unrelated_heading_inserted_above():
    inserted = doc("## Notes", "", "Aside.", "") + TRAINING
    assert ids(anchored(inserted))[1:] == ids(anchored(TRAINING))


def test_reserved_ids_are_avoided():
    text = doc("## Overview", "", "### Detail", "", "## Related questions", "", "More.")
    assert ids(anchored(text, frozenset({"overview", "related-questions"}))) == [
        "overview-" + hashlib.sha1(b"## Overview\n\n### Detail\n\n").hexdigest()[:4],
        "detail",
        "related-questions-" + hashlib.sha1(b"## Related questions\n\nMore.\n").hexdigest()[:4],
    ]


def test_untitled_heading_without_parent_is_hashed():
    assert ids(anchored(doc("## ???", "", "## !!!"))) == [
        "untitled-" + hashlib.sha1(b"## ???\n\n").hexdigest()[:4],
        "untitled-" + hashlib.sha1(b"## !!!\n").hexdigest()[:4]]


def test_closing_hashes_are_removed():
    assert anchored("## Title ##\n") == "## Title { #title }\n"


def test_existing_id_is_kept_and_counts_as_used():
    text = doc("## Training { #training }", "", "## Other {: #x .wide}", "", "## Training")
    out = anchored(text)
    assert out.splitlines()[:3] == text.splitlines()[:3]
    assert ids(out) == ["training", "x", "training-" + hashlib.sha1(b"## Training\n").hexdigest()[:4]]


def test_attr_list_without_id_gets_the_id_inside():
    assert anchored("## Styled {: .wide }\n") == "## Styled {: #styled .wide }\n"
    assert anchored("## Styled { .wide data-x=1 }\n") == "## Styled { #styled .wide data-x=1 }\n"


def test_setext_headings_get_the_id_on_the_text_line():
    text = doc("Big title", "=========", "", "Small *one*", "---", "", "Two", "lines", "---")
    assert anchored(text) == doc("Big title { #big-title }", "=========", "",
                                 "Small *one* { #small-one }", "---", "", "Two", "lines { #two-lines }", "---")


def test_code_marks_and_escapes_leave_the_slug():
    assert ids(anchored("## The `__init__` method\n")) == ["the-init-method"]
    assert ids(anchored("## The \\_\\_init\\_\\_ [method](x.md)\n")) == ["the-init-method"]


def test_headings_in_fenced_code_are_untouched():
    text = doc("```bash", "# install", "## Not a heading", "```")
    assert anchored(text) == text


def test_nested_headings_keep_their_prefixes():
    text = doc("> ## Quoted ##", "", "1. ## Listed", "", "   > Deep", "   > ---")
    assert anchored(text) == doc("> ## Quoted { #quoted }", "", "1. ## Listed { #listed }", "",
                                 "   > Deep { #deep }", "   > ---")


def test_admonition_body_is_code_to_markdown_it_so_untouched():
    # CommonMark reads a 4-space indent as an indented code block: markdown-it
    # finds no heading there, so the line is left alone (toc will still name it).
    text = doc("!!! note", "    ## Inside", "", "## Outside")
    assert anchored(text) == doc("!!! note", "    ## Inside", "", "## Outside { #outside }")


def test_no_headings_no_change():
    text = "Para one.  \r\n\r\n    ## indented code\n\n* item\n\n#hashtag\n"
    assert anchored(text) == text


def test_only_heading_lines_change_and_line_endings_survive():
    text = "## One\r\nText.\r\n\r\n## Two  \r\nMore."
    out = anchored(text)
    assert out == "## One { #one }\r\nText.\r\n\r\n## Two { #two }\r\nMore."


def test_many_repeats_get_distinct_unnumbered_ids():
    body = [f"## Example\n\nCase {n}.\n" for n in range(5)] + ["## Example\n\nSame.\n"] * 4
    text = "# Guide\n\n" + "\n".join(body) + "\n### Example\n"
    out = ids(anchored(text, frozenset({"guide"})))
    assert len(out) == 11 and len(set(out)) == 11
    assert not any(re.search(r"_\d+$", i) for i in out)
    assert "example" not in out  # shared by all: none owns the plain slug


def test_identical_sections_extend_the_hash_then_stay_deterministic():
    text = "## Example\n\nSame.\n\n" * 4
    digest = hashlib.sha1(b"## Example\n\nSame.\n\n").hexdigest()
    out = anchored(text)
    assert ids(out)[:3] == [f"example-{digest[:4]}", f"example-{digest[:8]}", ids(out)[2]]
    assert "example" not in ids(out) and len(set(ids(out))) == 4
    assert anchored(text) == out


def test_rendered_ids_are_the_written_ids():
    text = doc("# Guide", "", *["## Example", "", "Same.", ""] * 3, "## Setup", "", "### Example", "",
               "Setext", "------")
    out = anchored(text, frozenset({"guide"}))
    html = markdown.markdown(out, extensions=["attr_list", "toc"])
    rendered = re.findall(r'<h\d id="([^"]+)"', html)
    assert rendered == ids(out) and len(set(rendered)) == len(rendered) == 7
    assert not any("_" in i for i in rendered)


def test_ids_found_before_cross_linking_are_the_ids_found_after():
    from converter.emit.anchors import text_free_ids, with_ids
    body = "## Training\n\nWe train.\n\n### Data\n\nSome data.\n\n## Serving\n\n### Data\n\nOther data.\n"
    early = text_free_ids(body, frozenset({"title"}))
    linked = body.replace("Some data.", "Some [data](../x.md){ .qa-term }.")
    assert early is not None and with_ids(linked, early) == anchored(linked, frozenset({"title"}))
    assert "### Data { #training-data }" in with_ids(linked, early)


def test_ids_told_apart_by_their_text_are_left_for_the_final_text():
    from converter.emit.anchors import text_free_ids
    twice = "## Example\n\nOne.\n\n## Example\n\nTwo.\n"  # no parent: the section's text decides
    assert text_free_ids(twice) is None
