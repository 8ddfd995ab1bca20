"""The redirects hook: each listed address becomes a small page that sends readers on."""

from __future__ import annotations

import json
from types import SimpleNamespace

from hooks.redirects import REDIRECTS, on_post_build, redirect_page


def test_a_redirect_page_is_relative_keeps_the_section_and_previews_the_target():
    html = redirect_page("q/12", "book/what-is-x", 'What is <X> & "Y"?', "Short.", "https://example.org/sub/")
    assert '<meta http-equiv="refresh" content="0; url=../../book/what-is-x/">' in html
    assert '<script>location.replace("../../book/what-is-x/" + location.hash)</script>' in html
    assert '<link rel="canonical" href="https://example.org/sub/book/what-is-x/">' in html
    assert "<title>What is &lt;X&gt; &amp; &quot;Y&quot;?</title>" in html
    assert "<X>" not in html
    assert "canonical" not in redirect_page("q/1", "book/x", "T", "", "")


def test_a_short_links_preview_has_the_image_and_card_a_chat_app_shows():
    html = redirect_page("q/12", "book/x", "What is X?", "About X.", "https://example.org/sub/", "assets/og.jpg")
    assert '<meta property="og:image" content="https://example.org/sub/assets/og.jpg">' in html
    assert '<meta property="og:image:type" content="image/jpeg">' in html
    card = redirect_page("q/12", "book/x", "What is X?", "About X.", "https://example.org/sub/", "cards/book/x.png")
    assert '<meta property="og:image:type" content="image/png">' in card
    assert '<meta property="og:url" content="https://example.org/sub/book/x/">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "og:image" not in redirect_page("q/12", "book/x", "T", "D", "", "assets/og.jpg")  # no address, no image


def test_every_listed_address_gets_its_page_after_the_build(tmp_path):
    """With its page's card as its preview image, or the site's image when the page has none."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / REDIRECTS).parent.mkdir(parents=True)
    (docs / REDIRECTS).write_text(json.dumps({"q/1": ["book/x", "What is X?", "About X.", "cards/book/x.png"],
                                              "book/old-x": ["book/x", "What is X?", "About X.", ""]}))
    on_post_build(SimpleNamespace(docs_dir=str(docs), site_dir=str(site), site_url="https://example.org/sub",
                                  extra={"og_image": "assets/og.jpg"}))
    assert sorted(str(p.relative_to(site)) for p in site.rglob("*.html")) == ["book/old-x/index.html", "q/1/index.html"]
    page = (site / "q/1/index.html").read_text(encoding="utf-8")
    assert page == redirect_page("q/1", "book/x", "What is X?", "About X.", "https://example.org/sub/",
                                 "cards/book/x.png")
    assert "https://example.org/sub/assets/og.jpg" in (site / "book/old-x/index.html").read_text(encoding="utf-8")


def test_a_site_without_the_list_gets_no_redirects(tmp_path):
    on_post_build(SimpleNamespace(docs_dir=str(tmp_path / "docs"), site_dir=str(tmp_path / "site"), site_url=""))
    assert not (tmp_path / "site").exists()


def test_addresses_that_are_not_short_links_or_page_paths_are_not_written(tmp_path, caplog):
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / REDIRECTS).parent.mkdir(parents=True)
    bad = {".": ["book/x", "T", "", ""], "../../outside": ["book/x", "T", "", ""], "topics": ["book/x", "T", "", ""],
           "book/y": ["javascript:x", "T", "", ""], "q/3": ["book/x", "T", "", "javascript:x"],
           "q/2": ["book/x", "T", "", ""]}
    (docs / REDIRECTS).write_text(json.dumps(bad))
    on_post_build(SimpleNamespace(docs_dir=str(docs), site_dir=str(site), site_url=""))
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*.html")) == ["site/q/2/index.html"]
    assert len([r for r in caplog.records if "not written" in r.getMessage()]) == 5
