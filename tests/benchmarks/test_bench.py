"""The benchmark's baseline: the same theme configuration without this project's hooks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import median_run, page_sizes, plain_config, table  # noqa: E402
from checks.project import configuration  # noqa: E402


def test_the_baseline_keeps_the_theme_and_drops_hooks_and_notebooks(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "docs" / "library").mkdir(parents=True)
    (tmp_path / "docs" / "library" / "nav.yml").write_text(
        yaml.safe_dump([{"Library": [{"Book": ["book/index.md", {"Q1": "book/q1.md"}]}]}]))
    plain = plain_config(config)
    settings, original = configuration(plain), configuration()
    assert settings["hooks"] == [] and "mkdocs-jupyter" not in json.dumps(settings["plugins"])
    assert [next(iter(p)) if isinstance(p, dict) else p for p in settings["plugins"]] == ["search", "tags"]
    assert settings["theme"] == original["theme"] and settings["markdown_extensions"] == original["markdown_extensions"]
    assert settings["nav"] == [{"Home": "index.md"},
                               {"Library": [{"Book": ["library/book/index.md", {"Q1": "library/book/q1.md"}]}]}]
    assert settings["extra"]["search_backend"] == "material"


def test_page_sizes_give_the_median_and_95th_percentile(tmp_path):
    for i in range(1, 21):
        (tmp_path / f"{i}.html").write_text("x" * (i * 1000))
    sizes = page_sizes(tmp_path)
    assert sizes["html_pages"] == 20 and sizes["median_page_kb"] == 10.5 and sizes["p95_page_kb"] == 19.0


def test_the_serve_benchmark_watches_the_page_an_appended_sentence_lands_on(tmp_path):
    from serve import last_page
    (tmp_path / "report.json").write_text(json.dumps({"documents": [
        {"file": "a.md", "entries": [{"path": "a/last.md", "lines": [40, 60]}, {"path": "a/first.md", "lines": [1, 39]}]},
        {"file": "b.md", "entries": [{"path": "b/only.md", "lines": [1, 99]}]}]}))
    assert last_page(tmp_path, "a.md") == "a/last/"


def test_the_smallest_size_reports_its_median_run_and_every_ratio_divides_by_it():
    runs = [{"seconds": 15.2, "peak_mb": 90}, {"seconds": 12.1, "peak_mb": 91}, {"seconds": 13.0, "peak_mb": 92}]
    assert median_run(runs) == {"seconds": 13.0, "peak_mb": 92, "runs": [15.2, 12.1, 13.0]}
    def row(times, full, plain):
        return {"times": times, "raw_mb": 1, "converter": {"seconds": 1, "peak_mb": 1}, "converter_mb_per_s": 1,
                "converter_after_one_edit": {"seconds": 1}, "full": full, "plain": plain, "overhead": 1.0,
                "full_site": {"html_pages": 1, "site_mb": 1, "median_page_kb": 1, "p95_page_kb": 1},
                "search_index": {"raw": 1, "backend": "pagefind"}}
    text = table([row(1, median_run(runs), {"seconds": 10.0, "peak_mb": 1, "runs": [10.0]}),
                  row(30, {"seconds": 390.0, "peak_mb": 1, "runs": [390.0]}, {"seconds": 320.0, "peak_mb": 1, "runs": [320.0]})])
    assert "| full build | 13.0 s (92 MB), median of 15.2/12.1/13.0 | 390.0 s (1 MB) |" in text
    assert "| full build, against 1× | 1.0 | 30.0 |" in text
    assert "| plain build, against 1× | 1.0 | 32.0 |" in text


def test_the_cards_benchmark_converts_as_make_pages_does_with_and_without_cards(tmp_path):
    from cards import EDITS, converter, table as cards_table
    with_cards, without = converter(tmp_path, True), converter(tmp_path, False)
    assert with_cards[with_cards.index("--site") + 1] == str(ROOT / "mkdocs.yml") and "--site" not in without
    assert with_cards[with_cards.index("--cache") + 1] != without[without.index("--cache") + 1]  # caches apart
    assert EDITS["a word swapped throughout"]("A model of models.") == "A system of systems."
    assert EDITS["a sentence appended"]("Text.").startswith("Text.\n")
    row = {"times": 30, "cards": 10, "card_mb": 0.3, "converter_without": 30.0, "converter_with": 40.0, "copying": 1.0,
           "cards_cold": 11.0, "mkdocs_build": 160.0, "share_of_make_site": 0.055,
           "edits": {name: {"without": 9.0, "with": 9.5, "cards": 0.5} for name in EDITS}}
    text = cards_table([row])
    assert "| cards' share of `make site` | 5.5% |" in text and "| `make site` (converter with cards + mkdocs build) | 200.0 s |" in text
