"""The site-address hook: a build for a placeholder or missing site_url prints one warning
line (not a MkDocs warning, which --strict would turn into a failure); a real address none."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from hooks.site_url import on_config, placeholder_problem


@pytest.mark.parametrize("url", ["https://example.org/genai-reference/", "http://example.com/", "https://docs.example.net/x/",
                                 "https://site.example/", "https://reference.test/", "https://a.invalid/"])
def test_reserved_example_domains_are_placeholders(url):
    assert "placeholder" in placeholder_problem(url)


@pytest.mark.parametrize("url", ["https://prep.acme-learning.io/genai/", "https://myexample.org/", "https://example.org.in/",
                                 "http://127.0.0.1:8000/genai-reference/", "https://testing.dev/"])
def test_real_addresses_are_not(url):
    assert placeholder_problem(url) is None


@pytest.mark.parametrize("url", [None, ""])
def test_a_missing_address_is_named(url):
    assert "not set" in placeholder_problem(url)


def test_a_placeholder_build_prints_one_warning_line_naming_the_fix(capsys):
    config = SimpleNamespace(site_url="https://example.org/genai-reference/")
    assert on_config(config) is config
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith("warning: site_url is the placeholder https://example.org/genai-reference/")
    assert "make site SITE_URL=https://" in err


def test_a_real_address_prints_nothing(capsys):
    on_config(SimpleNamespace(site_url="https://prep.acme-learning.io/genai/"))
    assert capsys.readouterr() == ("", "")
