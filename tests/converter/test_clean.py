"""clean: text-level repairs before structure is read (mojibake, errata, PDF
page footers, chatbot sentences). Every pass keeps the number of lines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from converter.clean import (Cleaned, apply_errata, clean, defuse_brackets, drop_footers, drop_sentences, fix_mojibake,
                             flatten_nesting)
from converter.model import Change, Drop, DropRule, Erratum, Text
from helpers import SETTINGS



def cleaned_of(*lines: str) -> Cleaned:
    return Cleaned(tuple(lines), list(lines))


# --- mojibake ---------------------------------------------------------------

def test_mojibake_is_repaired_and_reported():
    cleaned = cleaned_of("x â‰¤ y", "plain ascii", "cafÃ© au lait")
    fix_mojibake(cleaned)
    assert cleaned.lines == ["x ≤ y", "plain ascii", "café au lait"]
    assert cleaned.changes == [
        Change(0, "x â‰¤ y", "x ≤ y", "mojibake repaired"),
        Change(2, "cafÃ© au lait", "café au lait", "mojibake repaired"),
    ]


@pytest.mark.parametrize("line", ["naïve Bayes – “quoted” ≤ 5 → done", "日本語のテキスト", "€10 and £5", "ascii only"])
def test_good_text_is_left_alone(line):
    cleaned = cleaned_of(line)
    fix_mojibake(cleaned)
    assert cleaned.lines == [line]
    assert cleaned.changes == []


# --- errata -----------------------------------------------------------------

def test_an_erratum_replaces_every_exact_match_and_reports_each_line():
    cleaned = cleaned_of("Wor2Vec and Wor2Vec", "unrelated", "wor2vec stays", "Wor2Vec")
    apply_errata(cleaned, "doc.md", (Erratum("Wor2Vec", "Word2Vec", ("doc.md",), "typo"),))
    assert cleaned.lines == ["Word2Vec and Word2Vec", "unrelated", "wor2vec stays", "Word2Vec"]
    assert cleaned.changes == [
        Change(0, "Wor2Vec and Wor2Vec", "Word2Vec and Word2Vec", "typo: 'Wor2Vec' → 'Word2Vec'"),
        Change(3, "Wor2Vec", "Word2Vec", "typo: 'Wor2Vec' → 'Word2Vec'"),
    ]
    assert cleaned.warnings == []


def test_an_erratum_for_another_file_is_not_applied_nor_warned_about():
    cleaned = cleaned_of("Wor2Vec")
    apply_errata(cleaned, "doc.md", (Erratum("Wor2Vec", "Word2Vec", ("other.md",)),))
    assert cleaned.lines == ["Wor2Vec"]
    assert cleaned.changes == [] and cleaned.warnings == []


def test_an_erratum_that_no_longer_matches_is_a_warning():
    cleaned = cleaned_of("Word2Vec is fixed already")
    apply_errata(cleaned, "doc.md", (Erratum("Wor2Vec", "Word2Vec", ("doc.md",)),))
    assert cleaned.lines == ["Word2Vec is fixed already"]
    assert cleaned.changes == []
    assert cleaned.warnings == ["erratum 'Wor2Vec' no longer matches anything: remove or update it"]


def test_a_multi_line_erratum_keeps_the_line_count():
    cleaned = cleaned_of("before", "the left half", "ight) side", "after")
    erratum = Erratum("half\night)", "half\nright)", ("doc.md",), "damaged LaTeX")
    apply_errata(cleaned, "doc.md", (erratum,))
    assert cleaned.lines == ["before", "the left half", "right) side", "after"]
    assert cleaned.changes == [
        Change(1, "the left half\night) side", "the left half\nright) side",
               "damaged LaTeX: 'half\\night)' → 'half\\nright)'"),
    ]


def test_a_change_quotes_the_raw_line_even_after_an_earlier_repair():
    text = Text("doc.md", ("cafÃ© Wor2Vec",))
    settings = replace(SETTINGS, errata=(Erratum("Wor2Vec", "Word2Vec", ("doc.md",)),))
    repaired, cleaned = clean(text, settings)
    assert repaired.lines == ("café Word2Vec",)
    assert [(c.line, c.before, c.after) for c in cleaned.changes] == [
        (0, "cafÃ© Wor2Vec", "café Wor2Vec"),
        (0, "cafÃ© Wor2Vec", "café Word2Vec"),
    ]


def test_an_erratum_sees_the_text_after_mojibake_repair():
    settings = replace(SETTINGS, errata=(Erratum("x ≤ y", "x < y", ("doc.md",)),))
    repaired, cleaned = clean(Text("doc.md", ("x â‰¤ y",)), settings)
    assert repaired.lines == ("x < y",)
    assert cleaned.warnings == []


# --- PDF page footers -------------------------------------------------------

def test_footers_are_dropped_and_leave_a_blank_line():
    cleaned = cleaned_of("text", "Page | 4", "  Page | 12  ", "Page | 4 of 9", "See Page | 4")
    drop_footers(cleaned, SETTINGS.footer)
    assert cleaned.lines == ["text", "", "", "Page | 4 of 9", "See Page | 4"]
    assert cleaned.drops == [Drop(1, "Page | 4", "PDF page footer"), Drop(2, "Page | 12", "PDF page footer")]


def test_no_footer_pattern_drops_nothing():
    cleaned = cleaned_of("Page | 4")
    drop_footers(cleaned, None)
    assert cleaned.lines == ["Page | 4"] and cleaned.drops == []


# --- chatbot sentences ------------------------------------------------------

def test_a_sentence_is_cut_and_the_rest_of_the_line_stays():
    cleaned = cleaned_of("Good text. As of my last knowledge update in May 2023, I don't have data on that. More text.")
    drop_sentences(cleaned, SETTINGS.sentence_rules)
    assert cleaned.lines == ["Good text. More text."]
    assert cleaned.drops == [
        Drop(0, "As of my last knowledge update in May 2023, I don't have data on that.", "chatbot residue"),
    ]


def test_what_follows_a_cut_at_the_start_of_the_line_is_capitalised():
    cleaned = cleaned_of("As of my last knowledge update in May 2023, the largest model was small.")
    drop_sentences(cleaned, SETTINGS.sentence_rules)
    assert cleaned.lines == ["The largest model was small."]
    assert cleaned.drops == [Drop(0, "As of my last knowledge update in May 2023,", "chatbot residue")]


def test_a_line_that_is_only_the_sentence_becomes_blank():
    cleaned = cleaned_of("a", "As of my last knowledge update in May 2023, I don't have details.", "b")
    drop_sentences(cleaned, SETTINGS.sentence_rules)
    assert cleaned.lines == ["a", "", "b"]


def test_sentence_rules_ignore_case():
    rules = (DropRule(r"as an ai model, ", "chatbot residue"),)
    cleaned = cleaned_of("Well, As an AI model, it depends.", "No match here.")
    drop_sentences(cleaned, rules)
    assert cleaned.lines == ["Well, it depends.", "No match here."]
    assert cleaned.drops == [Drop(0, "As an AI model,", "chatbot residue")]


def test_a_cut_inside_a_nested_item_keeps_its_indent():
    cleaned = cleaned_of("- Models:", "  - As of my last knowledge update in May 2023, GPT-4 was the largest.")
    drop_sentences(cleaned, SETTINGS.sentence_rules)
    assert cleaned.lines == ["- Models:", "  - GPT-4 was the largest."]


def test_a_cut_at_the_very_start_capitalises_and_keeps_indent():
    rules = (DropRule(r"as an ai model, ", "chatbot residue"),)
    cleaned = cleaned_of("    As an AI model, it depends.")
    drop_sentences(cleaned, rules)
    assert cleaned.lines == ["    It depends."]


# --- the whole pass ---------------------------------------------------------

def test_clean_keeps_file_notes_and_line_count():
    raw = ("cafÃ©", "Page | 2", "As of my last knowledge update in May 2023, I don't have details.", "kept")
    text = Text("doc.md", raw, ("a note",))
    repaired, cleaned = clean(text, SETTINGS)
    assert repaired == Text("doc.md", ("café", "", "", "kept"), ("a note",))
    assert cleaned.raw == raw
    assert [d.reason for d in cleaned.drops] == ["PDF page footer", "chatbot residue"]
    assert [c.reason for c in cleaned.changes] == ["mojibake repaired"]


# --- deep nesting -------------------------------------------------------------

def test_nesting_past_the_limit_is_escaped_and_reported():
    lines = ("- " * 25 + "x", "> " * 22 + "quote", "1. 1. 1. ok")
    cleaned = cleaned_of(*lines)
    flatten_nesting(cleaned, 20)
    assert cleaned.lines == ["- " * 20 + "\\- " * 5 + "x", "> " * 20 + "\\> \\> quote", "1. 1. 1. ok"]
    assert [(c.line, c.reason) for c in cleaned.changes] == [(0, "nested more than 20 levels deep: flattened"),
                                                              (1, "nested more than 20 levels deep: flattened")]


def test_an_indent_past_the_limit_is_cut_to_it():
    cleaned = cleaned_of(*(" " * (4 * level) + "- item" for level in range(25)))
    flatten_nesting(cleaned, 20)
    assert [len(line) - len(line.lstrip()) for line in cleaned.lines][18:] == [72, 76, 80, 80, 80, 80, 80]


@pytest.mark.parametrize("line", ["- " * 30, "* " * 30, "_ " * 30, "-" * 60, "1.5 is a number", "--flag value"])
def test_rules_and_ordinary_lines_are_left_alone(line):
    cleaned = cleaned_of(line)
    flatten_nesting(cleaned, 20)
    assert cleaned.lines == [line] and cleaned.changes == []


# --- lines too costly for Python-Markdown ---------------------------------------

@pytest.mark.parametrize("line, shown", [("[" * 3000, "&#91;" * 3000), ("\\(" * 2000, "&#92;(" * 2000),
                                         ("<a> " * 1000, "&lt;a&gt; " * 1000), ("\\\\[" * 2000, "\\\\&#91;" * 2000)])
def test_a_line_of_openers_past_the_budget_is_written_as_entities(line, shown):
    cleaned = cleaned_of(line)
    defuse_brackets(cleaned, 2_000_000)
    assert cleaned.lines == [shown]
    assert cleaned.changes == [Change(0, line, shown, "too many brackets for one line: shown as text")]


def test_prose_and_code_are_left_alone():
    lines = ("Read [a](b), [c](d) and <b>e</b> " * 20, "```js", "<" * 3000, "```")
    cleaned = cleaned_of(*lines)
    defuse_brackets(cleaned, 2_000_000)
    assert cleaned.lines == list(lines) and cleaned.changes == []


def test_an_indent_after_a_quote_marker_counts_too():
    cleaned = cleaned_of("> - a", *(">" + " " * (4 * level) + "- x" for level in range(1, 30)))
    flatten_nesting(cleaned, 20)
    assert max(len(line) - len(line.lstrip("> ")) for line in cleaned.lines) <= 81


def test_code_is_never_flattened_nor_defused():
    lines = ("```yaml", " " * 84 + "- deep: yes", "> " * 25 + "quoted", "```")
    cleaned = cleaned_of(*lines)
    flatten_nesting(cleaned, 20)
    assert cleaned.lines == list(lines)


def test_defusing_keeps_the_leading_markers_and_code_spans():
    line = "> - " + "[a](b) " * 800 + "`x[0] < y` end"
    cleaned = cleaned_of(line)
    defuse_brackets(cleaned, 2_000_000)
    assert cleaned.lines[0].startswith("> - &#91;a](b) ") and cleaned.lines[0].endswith("`x[0] < y` end")
