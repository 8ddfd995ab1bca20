"""Two clean builds of the same pages are byte-identical, but for the sitemap, which
says when the site was built (``lastmod``): a second build dated another day differs
there and nowhere else. Redirect pages, Pagefind's index, notebooks and search data
are all compared."""

from __future__ import annotations

from site_build import build_site

DATED = {"sitemap.xml", "sitemap.xml.gz"}  # lastmod is the build date: they must differ across days


def tree(site) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_a_second_clean_build_differs_only_in_the_dated_sitemap(built_site, converted, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")  # 2 January 1970: another day than the first build
    again = build_site(converted, tmp_path / "project")
    first, second = tree(built_site), tree(again)
    assert len(first) > 1_000 and first.keys() == second.keys()
    assert {path for path in first if first[path] != second[path]} == DATED
