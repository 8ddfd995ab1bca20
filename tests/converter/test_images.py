"""converter/images.py: the pictures a page shows from beside its document, found (never in
code), checked, and otherwise replaced by their alt text."""

from __future__ import annotations

import os

import pytest

from converter.images import Image, local_images, local_path, problem, references, served, without

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_markdown_and_html_images_are_found_but_not_in_code():
    page = ('See ![a](img/a.png "A") and <img src="img/b.png" alt="b"> and ![w](https://t.test/w.png).\n\n'
            '<p><img src=\'img/c.png\'></p>\n\n```markdown\n![code](img/d.png)\n```\n\nAnd `![span](img/e.png)`.\n')
    assert references(page) == ("img/a.png", "img/b.png", "https://t.test/w.png", "img/c.png")
    assert local_images(page) == (Image("img/a.png", "img/a.png"), Image("img/b.png", "img/b.png"),
                                  Image("img/c.png", "img/c.png"))


@pytest.mark.parametrize("src, path", [("img/a.png", "img/a.png"), ("./img/../a%20b.png", "a b.png"),
                                       ("../x.png", "../x.png"), ("/x.png", "/x.png"), ("https://t.test/x.png", None),
                                       ("//t.test/x.png", None), ("data:image/png;base64,AAAA", None)])
def test_the_file_an_address_names(src, path):
    assert local_path(src) == path


def test_an_image_that_cannot_be_shown_becomes_its_alt_text_but_not_in_code():
    page = "A ![missing chart](img/m.png) and <img alt='html one' src=\"img/m.png\">.\n\n```\n![code](img/m.png)\n```\n"
    assert without(page, "img/m.png") == "A missing chart and html one.\n\n```\n![code](img/m.png)\n```\n"


def test_an_html_image_points_where_the_picture_is_served_and_a_markdown_one_is_left_to_mkdocs():
    page = '![a](img/a.png) and <img src="img/a.png" alt="a">'
    assert served(page, "img/a.png", "img/a.png") == '![a](img/a.png) and <img src="../img/a.png" alt="a">'


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "docs" / "img").mkdir(parents=True)
    (tmp_path / "docs" / "img" / "good.png").write_bytes(PNG)
    (tmp_path / "docs" / "img" / "renamed.png").write_bytes(b"<svg onload=alert(1)>")
    (tmp_path / "docs" / "img" / "drawing.svg").write_text("<svg onload=alert(1)></svg>")
    (tmp_path / "docs" / "img" / "notes.txt").write_text("text")
    (tmp_path / "docs" / "img" / "huge.png").write_bytes(PNG + b"\x00" * 5_000_001)
    (tmp_path / "secret.png").write_bytes(PNG)
    os.symlink(tmp_path / "secret.png", tmp_path / "docs" / "img" / "link.png")
    return tmp_path / "docs"


@pytest.mark.parametrize("path, why", [
    ("img/good.png", None),
    ("img/missing.png", "image not found next to the document"),
    ("img/renamed.png", "not the picture its name says"),
    ("img/drawing.svg", "SVG image not copied (it can hold scripts)"),
    ("img/notes.txt", "not a picture (.png, .jpg, .gif, .webp)"),
    ("img/huge.png", "image larger than 5,000,000 bytes: not copied"),
    ("../secret.png", "image outside the source folder: not copied"),
    ("/etc/passwd.png", "image outside the source folder: not copied"),
    ("img/link.png", "image outside the source folder: not copied"),
])
def test_only_pictures_inside_the_source_folder_are_copied(folder, path, why):
    assert problem(folder, Image(path, path)) == why


def test_a_reference_image_that_cannot_be_shown_becomes_its_alt_text():
    page = "A ![chart][r] and ![Ref] and ![other](x.png).\n\n[r]: img/m.png\n[ref]: img/m.png \"t\"\n"
    assert without(page, "img/m.png").split("\n")[0] == "A chart and Ref and ![other](x.png)."


def test_a_file_name_with_a_nul_or_a_quote_is_handled(folder):
    assert problem(folder, Image("img/x%00.png", "img/x\x00.png")) is not None
    assert served('<img src=\'a".png\'>', 'a".png', 'a".png') == '<img src=\'../a&quot;.png\'>'
