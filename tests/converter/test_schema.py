"""schema: settings files read against a shape; every mistake named by file, key and expectation."""

from __future__ import annotations

import pytest
from pydantic import Field

from converter.enrich.language import rule_of as language_rule
from converter.identity.rules import rules_of as identity_rules
from converter.links.rules import rules_of as link_rules
from converter.schema import Section, validated
from converter.sources import SettingsError, errata_of


class Inner(Section):
    share: float = Field(0.5, gt=0, le=1)


class File(Section):
    words: list[str] = []
    count: int = Field(3, ge=1)
    inner: Inner = Inner()


def test_defaults_when_the_file_is_empty():
    assert validated(File, None, "f.yml") == File()


@pytest.mark.parametrize("data, message", [
    ({"count": 0}, "f.yml: count: Input should be greater than or equal to 1 (got 0)"),
    ({"count": "3"}, "f.yml: count: Input should be a valid integer (got '3')"),  # no text for numbers
    ({"inner": {"share": 2}}, "f.yml: inner.share: Input should be less than or equal to 1 (got 2)"),
    ({"cuont": 3}, "f.yml: cuont: Extra inputs are not permitted (got 3)"),  # a misspelt key
    ({"words": ["a", False]}, "f.yml: words.1: Input should be a valid string (got False)"),  # YAML's `no`
    ([1, 2], "f.yml: the file: Input should be a valid dictionary"),
])
def test_a_mistake_is_named_by_file_key_and_expectation(data, message):
    with pytest.raises(ValueError) as raised:
        validated(File, data, "f.yml")
    assert str(raised.value).startswith(message)


def test_every_mistake_is_named_at_once():
    with pytest.raises(ValueError, match="count: .*; f.yml: inner.share"):
        validated(File, {"count": 0, "inner": {"share": 0}}, "f.yml")


def test_the_link_and_identity_settings_are_read_through_their_shapes():
    assert link_rules({"related": {"weights": {"text": 1}}, "shown": 3}).text_weight == 1.0
    with pytest.raises(ValueError, match="links.yml: duplicates.same_answer"):
        link_rules({"duplicates": {"same_answer": 0}})
    assert identity_rules({"match": {"title": 0.9}}).title == 0.9
    with pytest.raises(ValueError, match="identity.yml: match.combined"):
        identity_rules({"match": {"combined": 3}})


def test_the_language_settings_check_markers_and_patterns():
    with pytest.raises(ValueError, match="language.yml: markers: List should have at least 1 item"):
        language_rule({"markers": []})
    with pytest.raises(ValueError, match="language.yml: in_short: not a regular expression"):
        language_rule({"markers": ["hai"], "in_short": "(in short"})
    rule = language_rule({"markers": ["Hai"], "label_words": {"conjunctions": {"Aur": "and"}}})
    assert rule.markers == frozenset({"hai"}) and rule.label_words.conjunctions == {"aur": "and"}


def test_an_erratum_names_what_it_lacks_and_keeps_the_line_count():
    with pytest.raises(SettingsError, match="errata.yml: errata.0.files: Field required"):
        errata_of({"errata": [{"find": "Al", "replace": "AI"}]}, "errata.yml")
    with pytest.raises(SettingsError, match="errata.yml: errata.0: .*same number of line breaks"):
        errata_of({"errata": [{"find": "a\nb", "replace": "ab", "files": ["doc.md"]}]}, "errata.yml")
    (erratum,) = errata_of({"errata": [{"find": "Al", "replace": "AI", "files": ["doc.md"]}]}, "errata.yml")
    assert (erratum.find, erratum.replace, erratum.files, erratum.reason) == ("Al", "AI", ("doc.md",), "erratum")
