"""bullets: list items as their authors typed them, made into Markdown list items."""

from __future__ import annotations

import pytest

from converter.normalise.bullets import item, list_items


def items(text: str) -> str:
    return "\n".join(list_items(text.split("\n")))


def test_glyph_bullets(fixture_text):
    assert items(fixture_text("glyph_bullets.md")) == (
        "Why attention helps:\n"
        "- It looks at every token\n"
        "- It weighs tokens by relevance\n"
        "  - Heads look at different things\n"
    )


@pytest.mark.parametrize("glyph", list("❖★◆➔➤♣■♦•→"))
@pytest.mark.parametrize("before", ["", "- ", "* "])
def test_every_glyph_with_and_without_a_dash(glyph, before):
    assert item(f"{before}{glyph} Point") == "- Point"


def test_a_glyph_without_a_space_after_it():
    assert item("•Point") == "- Point"


def test_a_glyph_bullet_keeps_its_indent():
    assert item("    ◆ Deep point") == "    - Deep point"


def test_a_label_that_lost_its_opening_bold(fixture_text):
    assert items(fixture_text("lost_opening_bold.md")) == (
        "1. **Speed:** Small models answer fast.\n"
        "2. **Cost:** Fewer tokens cost less.\n"
        "- **Caveat:** Numbers vary by task.\n"
    )


@pytest.mark.parametrize("line, expected", [
    ("- 1. Label:** text", "1. **Label:** text"),
    ("  - 3. Nested:** text", "  3. **Nested:** text"),
    ("- Label:** text", "- **Label:** text"),
    ("* Label:** text", "* **Label:** text"),
    ("- **Label:** already bold", "- **Label:** already bold"),
    ("- Note: see **this** part", "- Note: see **this** part"),
])
def test_lost_bold(line, expected):
    assert item(line) == expected


def test_a_bold_numbered_paragraph_continues_the_numbered_list(fixture_text):
    assert items(fixture_text("bold_numbered_paragraph.md")) == (
        "1. **Speed:** Small models answer fast.\n"
        "\n"
        "2. **Cost:** Fewer tokens cost less.\n"
    )


def test_a_bold_numbered_line_inside_a_paragraph_stays():
    text = "Some text\n**3. Label:** more"
    assert items(text) == text


def test_a_bold_numbered_line_at_the_start_is_an_item():
    assert items("**3. Label:** text") == "3. **Label:** text"


def test_numbers_inside_bullets_are_kept_as_text(fixture_text):
    assert items(fixture_text("numbers_inside_bullets.md")) == (
        "- 2\\. rounds of review\n"
        "- 10\\. percent of the data\n"
    )


def test_empty_bullets_are_removed(fixture_text):
    assert items(fixture_text("empty_bullet.md")) == (
        "Points:\n"
        "- First point\n"
        "- Second point\n"
    )


@pytest.mark.parametrize("line", ["-", "- ", "  *", "+   ", "★", "- ❖", "  •  "])
def test_empty_bullet(line):
    assert item(line) is None


@pytest.mark.parametrize("line", ["plain text", "1. ordered stays", "- ordinary bullet", "-dash word", ""])
def test_other_lines_unchanged(line):
    assert item(line) == line


def test_code_is_left_alone():
    text = "```\n-\n❖ glyph\n- 1. Label:** x\n**2. Bold:** y\n```"
    assert items(text) == text


def test_rendered_lost_bold_makes_a_numbered_list_then_a_bullet_list(normalised, render):
    html = render(normalised("lost_opening_bold.md"))
    ordered, bullets = html.find("ol"), html.find("ul")
    assert [li.get_text() for li in ordered.find_all("li")] == [
        "Speed: Small models answer fast.", "Cost: Fewer tokens cost less."]
    assert [s.get_text() for s in ordered.find_all("strong")] == ["Speed:", "Cost:"]
    assert [li.get_text() for li in bullets.find_all("li")] == ["Caveat: Numbers vary by task."]


def test_rendered_bold_numbered_paragraph_is_one_ordered_list(normalised, render):
    html = render(normalised("bold_numbered_paragraph.md"))
    assert len(html.find_all("ol")) == 1
    assert len(html.find("ol").find_all("li")) == 2


def test_rendered_numbers_in_bullets_make_no_nested_list(normalised, render):
    html = render(normalised("numbers_inside_bullets.md"))
    assert html.find("ol") is None
    assert [li.get_text() for li in html.find("ul").find_all("li")] == [
        "2. rounds of review", "10. percent of the data"]


def test_a_glyph_section_label_holds_the_list_below_it():
    text = ("❖ **Core Components:**\n\n- Model: one.\n- Frontend: web.\n\n❖ **Deployment:**\n\n- On GPUs.\n"
            "  wrapped here\n\nAfter the list.\n❖ **Note:** a label with text\n- a point")
    assert list_items(text.split("\n")) == [
        "- **Core Components:**", "", "    - Model: one.", "    - Frontend: web.", "",
        "- **Deployment:**", "", "    - On GPUs.", "      wrapped here", "",
        "After the list.", "- **Note:** a label with text", "- a point"]


def test_a_labelled_line_after_a_labelled_item_is_an_item_that_lost_its_glyph(fixture_text):
    lines = fixture_text("labelled_item_that_lost_its_glyph.md").split("\n")
    assert list_items(lines)[:5] == [
        "- Vector DB: suited to similarity search.", "", "- Relational DB: suited to transactions.", "",
        " and a paragraph that is not labelled."]


@pytest.mark.parametrize("text", [
    "- a point\n\n Label: not after a labelled item",  # the item above has no label
    "- Label: a point\n\nLabel: not indented",  # nothing says a glyph was lost
    "- Label: a point\n\n    Label: indented as the item's own text",
])
def test_a_labelled_line_stays_text_without_the_evidence(text):
    assert list_items(text.split("\n")) == text.split("\n")
