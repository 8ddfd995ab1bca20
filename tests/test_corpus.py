"""Integration: the converter on the real documents in ../shared/corpus."""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from pathlib import Path

import pytest
import yaml

from converter import cli
from conserve import missing_words
from site_build import make_pages

BOOK = "001_485262cb913969db.txt"
HINGLISH = "000_ee13c6cc0404c11f.txt"
NOTES = "002_e13cf22d2c79dd3e.txt"
LLMS63 = "003_34d2d795ed2a2b7c.txt"
HF = "004_e72a82dbedad41c8.txt"


def document(report, file):
    return next(d for d in report["documents"] if d["file"] == file)


def page(converted: Path, path: str) -> tuple[dict, str]:
    text = (converted / path).read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def titles(report, file):
    return [e["title"] for e in document(report, file)["entries"]]


@pytest.mark.parametrize("file, count", [(HINGLISH, 28), (BOOK, 217), (LLMS63, 63)])
def test_question_counts(report, file, count):
    assert len(document(report, file)["entries"]) == count


def test_notes_become_about_forty_topic_pages(report):
    entries = document(report, NOTES)["entries"]
    assert 40 <= len(entries) <= 45
    assert {"Attention vs self-attention", "Positional encoding", "Vector databases"} <= set(titles(report, NOTES))
    assert not any(t.rstrip(":").lower() in {"example", "key aspects", "notes"} for t in titles(report, NOTES))


def test_hugging_face_notes_become_five_topics(report):
    assert titles(report, HF) == ["Hugging Face", "The Transformers library", "Pipelines in Transformers",
                                  "Fine-tuning", "What was implemented in the session"]


def test_book_has_eleven_chapters_and_front_matter_is_not_one(report, converted):
    chapters = Counter(page(converted, e["path"])[0]["chapter"] for e in document(report, BOOK)["entries"])
    assert len(chapters) == 11
    assert chapters["Artificial Neural Network(ANN)"] == 14
    assert chapters["Fine Tuning"] == 25
    assert "GENERATIVE ARTIFICIAL INTELLIGENCE" not in chapters
    front = [d for d in report["dropped"] if d["file"] == BOOK and d["reason"].startswith("front matter")]
    assert [d["line"] for d in front] == [3, 5]


def test_book_bold_line_questions_are_questions(report):
    starts = {e["lines"][0] for e in document(report, BOOK)["entries"]}
    assert {1131, 1412, 1456, 1842, 1912, 2036, 2046, 2070, 2131, 2873} <= starts


def test_book_keeps_both_fine_tuning_q11s(report, converted):
    fine_tuning = [page(converted, e["path"])[0] for e in document(report, BOOK)["entries"]]
    q11 = [p["title"] for p in fine_tuning if p["chapter"] == "Fine Tuning" and p["number"] == 11]
    assert q11 == ["How do you train LLM models with billions of parameters?(training pipeline of llm)",
                   "How does LoRA work?"]


def test_book_subheadings_stay_in_their_answer(report, converted):
    entry = next(e for e in document(report, BOOK)["entries"] if e["title"].startswith("What are activation"))
    _, body = page(converted, entry["path"])
    assert "## 2. Sigmoid (Logistic) Function" in body
    assert "## 7. Softmax" in body
    dropout = next(e for e in document(report, BOOK)["entries"] if e["title"].startswith("What is dropout"))
    assert "## Implementation" in page(converted, dropout["path"])[1]


def test_hinglish_markers_and_sections(report, converted):
    entries = document(report, HINGLISH)["entries"]
    q28 = entries[-1]
    assert q28["lines"][0] == 1919
    assert q28["title"] == "Fine-Tuning Methods for Custom NLP Models Across Different Departments"
    q10 = page(converted, entries[9]["path"])[1]
    assert "\n## Conclusion { #conclusion }\n" in q10
    q15 = page(converted, entries[14]["path"])[1]
    assert '\n## 1. Fine-Tuning Ka Detailed Process {: #1-fine-tuning-ka-detailed-process lang="hi-Latn" }\n' in q15
    q16_front, q16 = page(converted, entries[15]["path"])
    assert q16_front["number"] == 16 and "\n## Query Expansion in Information Retrieval {" in q16
    assert "Question 16" not in q16.split("\n> ")[-1]  # the question's number is not repeated in the answer


def test_every_hinglish_answer_has_its_written_english_summary(report, converted):
    assert report["summaries"] == {"missing": [], "stale": [], "orphaned": []}
    entries = document(report, HINGLISH)["entries"]
    hinglish = [(front, body) for front, body in (page(converted, e["path"]) for e in entries)
                if front.get("language") == "hinglish"]
    assert len(hinglish) == 26
    for front, body in hinglish:
        summary = body.split('!!! abstract "English summary"\n\n', 1)[1].split("\n\n", 1)[0].strip()
        assert summary.startswith(front["description"].rstrip("…")), front["qid"]
        assert not front["description"].endswith(":") and 70 <= len(front["description"]) <= 200, front["qid"]
        assert body.count("Answer in Hinglish") <= 1 and "Samjhawa" not in body, front["qid"]
    assert "What are some specific risks linked to their deployment?" not in titles(report, HINGLISH)


def test_case_study_titles_are_the_actual_question(report):
    found = titles(report, HINGLISH)
    # the question's sentence, in the reviewed wording of summaries.yml where it said "these models"
    assert found[0] == ("What ethical principles should guide responsible deployment of large language models, "
                        "and how do they shape decisions in different industries?")
    assert found[21] == "Identify two suitable language models from Hugging Face for speech recognition."


def test_titles_carry_no_markers_or_markup(report):
    for d in report["documents"]:
        for title in (e["title"] for e in d["entries"]):
            assert not title.startswith(("Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "Question "))
            assert "**" not in title and not title.startswith("_") and "_L" not in title
            assert title[:1].isalpha() or title[:1] in "“\"'("


def test_sample_of_titles(report):
    assert titles(report, LLMS63)[0] == "What are Large Language Models (LLMs) and how do they work?"
    assert titles(report, LLMS63)[62] == "Explain zero-shot and few-shot learning capabilities in LLMs."
    assert titles(report, BOOK)[0] == "What is an Artificial Neural Network, and how does it work?"
    assert "How does self-attention work?" in titles(report, BOOK)


def test_63_duplicate_copy_of_21_to_38_is_reported_not_paged(report, converted):
    entries = document(report, LLMS63)["entries"]
    numbers = [page(converted, e["path"])[0]["number"] for e in entries]
    assert numbers == list(range(1, 64))
    duplicates = [d for d in report["dropped"] if d["file"] == LLMS63 and d["reason"].startswith("duplicate")]
    assert len(duplicates) == 18
    assert duplicates[0]["line"] == 1502 and "lines 1308-" in duplicates[0]["reason"]
    assert not any(e["lines"][0] >= 1502 and e["lines"][0] < 1697 for e in entries)


def test_63_banner_promo_and_chatbot_residue_are_dropped(report, converted):
    dropped = [d for d in report["dropped"] if d["file"] == LLMS63]
    reasons = {d["line"]: d["reason"] for d in dropped}
    assert reasons[3].startswith("HTML banner")
    assert reasons[10] == "promo line"
    assert reasons[1102] == reasons[2080] == "chatbot residue"
    pages = "".join((converted / e["path"]).read_text() for e in document(report, LLMS63)["entries"])
    assert "Let's continue answering" not in pages and "feel free to ask" not in pages
    assert "firebasestorage" not in pages


def test_63_numbered_subheadings_in_q14_are_not_questions(report, converted):
    q14 = document(report, LLMS63)["entries"][13]
    assert q14["title"].startswith("In what ways can LLMs be utilized for language translation")
    assert "\n## 1. Zero-shot Translation { #1-zero-shot-translation }\n" in page(converted, q14["path"])[1]


def test_code_comments_never_split(report, converted):
    q4 = document(report, LLMS63)["entries"][3]
    assert "# Multi-head attention layer with 2 attention heads" in page(converted, q4["path"])[1]


def page_words(converted: Path, path: str) -> str:
    """The parts of a page that carry the document's words: never the settings' values."""
    front, body = page(converted, path)
    keep = [str(front.get(k) or "") for k in ("title", "question", "heading", "marker")]
    return "\n".join(keep + [body])


def index_words(converted: Path, slug: str) -> str:
    """Chapter titles and introductions live on the source index."""
    _, body = page(converted, f"{slug}/index.md")
    return "\n".join(line for line in body.splitlines() if not line.startswith("- "))


@pytest.mark.parametrize("file", [HINGLISH, BOOK, NOTES, LLMS63, HF])
def test_nothing_is_lost(report, converted, corpus, file):
    raw = (corpus / file).read_text(encoding="utf-8")
    d = document(report, file)
    slug = d["entries"][0]["path"].split("/")[0]
    outputs = [page_words(converted, e["path"]) for e in d["entries"]]
    outputs.append(index_words(converted, slug))
    outputs += [x["text"] for x in report["dropped"] if x["file"] == file]
    outputs += [x["before"] for x in report["changed"] if x["file"] == file]
    assert missing_words(raw, outputs) == Counter()


def test_every_drop_and_change_has_file_line_and_reason(report, corpus):
    """A drop quotes its line as cleaned (mojibake repaired): the change on that line says how."""
    changed = {(c["file"], c["line"]): c for c in report["changed"]}
    for drop in report["dropped"]:
        lines = (corpus / drop["file"]).read_text(encoding="utf-8").splitlines()
        assert drop["reason"]
        first = drop["text"].splitlines()[0].strip()
        change = changed.get((drop["file"], drop["line"]))
        assert first and first in (change["after"] if change else lines[drop["line"] - 1])
    for change in report["changed"]:
        lines = (corpus / change["file"]).read_text(encoding="utf-8").splitlines()
        assert change["reason"] and change["before"] != change["after"]
        assert change["before"].split("\n")[0] == lines[change["line"] - 1]


def test_pages_have_front_matter(report, converted):
    entry = random.Random(7).choice(document(report, BOOK)["entries"])
    front, body = page(converted, entry["path"])
    assert front["title"] == entry["title"]
    assert front["source"] == "genai-book" and front["source_file"] == BOOK
    assert front["lines"] == entry["lines"] and isinstance(front["number"], int)
    assert body.strip()


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_two_runs_are_identical(corpus, converted, tmp_path, registry_copy):
    again = tmp_path / "again"
    assert cli.main(make_pages(corpus, again, registry_copy)) == 0
    assert tree_digest(again) == tree_digest(converted)
