"""Topic tags: the vocabulary's checks, the scoring rule on small pages, and
the shipped tags.yml on the real corpus."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from converter.enrich import tags
from converter.enrich.tags import Tag, VocabularyError, assign, vocabulary

ROOT = Path(__file__).resolve().parents[3]
TAGS_YML = ROOT / "tools" / "data" / "tags.yml"
HINGLISH_SOURCE = "genai-qa-hinglish"
PAGE_KINDS = {"question", "topic"}  # index pages (kind: source, topic-index) carry no tags


# ------------------------------------------------------------------ helpers

def data(*extra: dict, filler: int = 20) -> dict:
    """A valid tags.yml as parsed: ``extra`` tags first, then ``filler`` tags
    that match nothing in the examples, so the size check passes."""
    fill = [{"id": f"filler-{n}", "label": f"Filler {n}", "group": "misc", "description": "Padding.",
             "keywords": [f"zzfiller{n}"]} for n in range(filler)]
    return {
        "groups": [{"id": "misc", "label": "Misc"}, {"id": "language", "label": "Language"}],
        "fallback": "filler-0",
        "tags": [copy.deepcopy(t) for t in extra] + fill,
    }


def tag(id: str, **rule) -> dict:
    return {"id": id, "label": id.upper(), "group": "misc", "description": f"About {id}.", **rule}


HINGLISH = {"id": "hinglish", "label": "Hinglish", "group": "language", "description": "Hinglish answers.",
            "language": "hinglish"}
RAG = tag("rag", keywords=["RAG", "retrieval-augmented generation"])
LORA = tag("lora", keywords=["LoRA", "fine-tuning"])
EVAL = tag("eval", keywords=["BLEU"], title_keywords=["evaluate"],
           chapters={"book": ["Evaluation Methods"]})
HF = tag("hf", keywords=["Hugging Face"], sources=["hf-notes"])


def vocab(*extra: dict, filler: int = 20) -> tags.Vocabulary:
    return vocabulary(data(*extra, filler=filler))


def run(title="A page", body="", source="book", chapter=None, language="en", vocab_=None):
    return assign(title, body, source, chapter, language, vocab_)


# ------------------------------------------------------------------ matching

def test_title_match_beats_many_body_matches():
    v = vocab(RAG, LORA)
    body = "LoRA " * 50  # far more body evidence, but capped
    assert run("What is RAG?", body, vocab_=v) == ("rag", "lora")


def test_body_mentions_are_capped_so_a_long_answer_cannot_dominate():
    v = vocab(LORA)
    many = tags.score(v.by_id()["lora"], "x", "lora " * 500, "book", None)
    assert many == tags.BODY_CAP < tags.TITLE_SCORE


def test_a_few_body_mentions_are_not_enough():
    v = vocab(RAG, LORA)
    body = "We use RAG here. " + "LoRA adapters. " * 6
    assert run("Some question", body, vocab_=v) == ("lora",)  # one RAG mention stays below MIN_SCORE


def test_phrases_match_whole_words_in_any_case_and_common_spellings():
    v = vocab(RAG, LORA)
    assert run("Why storage and leverage matter", "", vocab_=v) == ("filler-0",)  # "rag" inside words
    for title in ("Fine tuning a model", "Finetuning a model", "FINE-TUNING a model", "LoRAs"):
        assert run(title, vocab_=v) == ("lora",), title


def test_regex_keywords_are_case_insensitive_and_whole_word():
    v = vocab(tag("tf", keywords=["re:(?<!hugging face )transformers?(?! library)"]))
    assert run("How transformers work", vocab_=v) == ("tf",)
    assert run("The Hugging Face Transformers toolkit", vocab_=v) == ("filler-0",)
    assert run("The Transformers library", vocab_=v) == ("filler-0",)


def test_code_fences_are_ignored():
    v = vocab(RAG, LORA)
    fenced = "Intro.\n\n```python\n" + "rag = RAG()\n" * 10 + "```\n\n" + "LoRA. " * 5
    assert run("Q", fenced, vocab_=v) == ("lora",)
    tilde = "~~~\n" + "RAG\n" * 10 + "~~~\n" + "LoRA. " * 5
    assert run("Q", tilde, vocab_=v) == ("lora",)
    unclosed = "LoRA. " * 5 + "\n````\n" + "RAG\n" * 10 + "```\nstill code: a shorter fence does not close\n"
    assert run("Q", unclosed, vocab_=v) == ("lora",)


def test_title_keywords_count_in_the_title_only():
    v = vocab(EVAL)
    assert run("How do you evaluate it?", vocab_=v) == ("eval",)
    assert run("Q", "evaluate " * 20, vocab_=v) == ("filler-0",)
    assert run("Q", "BLEU " * 5, vocab_=v) == ("eval",)


# ------------------------------------------------------------------ defaults

def test_chapter_default_gives_the_tag_without_any_keyword():
    v = vocab(EVAL, RAG)
    assert run("Why do we care?", "", "book", "Evaluation Methods", vocab_=v) == ("eval",)
    assert run("Why do we care?", "", "book", "evaluation methods ", vocab_=v) == ("eval",)
    assert run("Why do we care?", "", "other", "Evaluation Methods", vocab_=v) == ("filler-0",)


def test_chapter_default_ranks_below_a_title_match():
    v = vocab(EVAL, RAG)
    assert run("What is RAG?", "", "book", "Evaluation Methods", vocab_=v) == ("rag", "eval")


def test_source_default_gives_every_page_of_the_source_the_tag():
    v = vocab(HF, RAG)
    assert run("Pipelines", "", "hf-notes", vocab_=v) == ("hf",)
    assert run("What is RAG?", "", "hf-notes", vocab_=v) == ("rag", "hf")


# ------------------------------------------------------------------ language

def test_hinglish_only_via_the_language_never_by_keywords():
    v = vocab(RAG, HINGLISH)
    words = "Hinglish hinglish HINGLISH " * 20
    assert run("Hinglish answers explained", words, vocab_=v) == ("filler-0",)
    assert run("What is RAG?", "Yeh RAG hai.", language="hinglish", vocab_=v) == ("rag", "hinglish")
    assert run("What is RAG?", "", language="HINGLISH", vocab_=v) == ("rag", "hinglish")
    assert run("What is RAG?", "", language="en", vocab_=v) == ("rag",)


def test_the_language_tag_counts_toward_the_five():
    many = [tag(f"t{n}", keywords=[f"topic{n}"]) for n in range(7)]
    v = vocab(*many, HINGLISH)
    title = " ".join(f"topic{n}" for n in range(7))
    assert run(title, vocab_=v) == ("t0", "t1", "t2", "t3", "t4")
    assert run(title, language="hinglish", vocab_=v) == ("t0", "t1", "t2", "t3", "hinglish")


def test_a_page_with_no_topic_in_hinglish_still_gets_a_topic():
    v = vocab(RAG, HINGLISH)
    assert run("Kuch bhi", "Yeh ek jawab hai.", language="hinglish", vocab_=v) == ("filler-0", "hinglish")


# ------------------------------------------------------------------ bounds and order

def test_at_most_five_tags_best_score_first_then_vocabulary_order():
    many = [tag(f"t{n}", keywords=[f"topic{n}"]) for n in range(8)]
    v = vocab(*many)
    title = " ".join(f"topic{n}" for n in range(8))  # all eight match the title
    body = "topic7 " * 3 + "topic5"  # t7 and t5 have more evidence
    assert run(title, body, vocab_=v) == ("t7", "t5", "t0", "t1", "t2")


def test_at_least_one_tag_best_scoring_below_the_threshold():
    v = vocab(RAG, LORA)
    assert run("Q", "LoRA once. RAG twice: RAG.", vocab_=v) == ("rag",)


def test_at_least_one_tag_fallback_when_nothing_matches():
    assert run("Q", "Nothing relevant.", vocab_=vocab(RAG)) == ("filler-0",)


def test_ties_follow_vocabulary_order_and_results_are_deterministic():
    title = "RAG or LoRA?"
    assert run(title, vocab_=vocab(RAG, LORA)) == ("rag", "lora")
    assert run(title, vocab_=vocab(LORA, RAG)) == ("lora", "rag")
    v = vocab(RAG, LORA, EVAL, HF, HINGLISH)
    body = "BLEU " * 7 + "LoRA " * 3 + "Hugging Face " * 5
    first = run(title, body, "book", "Evaluation Methods", "hinglish", vocab_=v)
    assert all(run(title, body, "book", "Evaluation Methods", "hinglish", vocab_=v) == first for _ in range(5))
    assert first == ("lora", "eval", "rag", "hf", "hinglish")  # 13, 11 (5 + 6), 10, 5


# ------------------------------------------------------------------ the vocabulary's checks

def test_patterns_are_compiled_once_and_not_part_of_equality():
    v = vocab(RAG)
    rag = v.by_id()["rag"]
    assert isinstance(rag.body_pattern, re.Pattern) and isinstance(rag.title_pattern, re.Pattern)
    assert rag == Tag("rag", "RAG", "misc", "About rag.", keywords=("RAG", "retrieval-augmented generation"))
    assert v.labels(("rag",)) == ("RAG",)


@pytest.mark.parametrize("change, message", [
    (lambda d: d["tags"].append(copy.deepcopy(d["tags"][0])), r"tag 'rag': the id is used twice"),
    (lambda d: d["tags"][0].update(group="nowhere"), r"tag 'rag': group 'nowhere' is not one of the groups"),
    (lambda d: d["tags"][0].pop("keywords"), r"tag 'rag': has no rule"),
    (lambda d: d["tags"][0].update(keywords=["re:(unclosed"]), r"tag 'rag': keywords.0: 're:\(unclosed' is not a valid pattern"),
    (lambda d: d["tags"][0].update(keyword=["typo"]), r"tag 'rag': keyword: Extra inputs are not permitted"),
    (lambda d: d["tags"][0].update(keywords="RAG"), r"tag 'rag': keywords: Input should be a valid list"),
    (lambda d: d["tags"][0].update(id="Not A Slug"), r"tag 'Not A Slug': id: must be a lowercase slug"),
    (lambda d: d["tags"][0].pop("label"), r"tag 'rag': label: Field required"),
    (lambda d: d["tags"][0].update(chapters=["x"]), r"tag 'rag': chapters: Input should be a valid dictionary"),
    (lambda d: d["tags"][1].update(keywords=["hinglish"]), r"tag 'hinglish': a language tag is given by the page's"),
    (lambda d: d.update(fallback="nope"), r"fallback 'nope': must be the id of a topic tag"),
    (lambda d: d.update(fallback="hinglish"), r"fallback 'hinglish': must be the id of a topic tag"),
    (lambda d: d.pop("fallback"), r"fallback None: must be the id of a topic tag"),
    (lambda d: d.update(tag=[]), r"tags.yml: tag: Extra inputs are not permitted"),
    (lambda d: d["tags"][0].pop("id"), r"tags.yml: tag number 1: id: Field required"),
    (lambda d: d["tags"][0].update(label="  "), r"tag 'rag': label: String should have at least 1 character"),
    (lambda d: d.update(groups=[{"id": "misc"}]), r"tags.yml: groups.0.label: Field required"),
])
def test_validation_errors_name_the_tag_and_the_problem(change, message):
    broken = data(RAG, HINGLISH)
    change(broken)
    with pytest.raises(VocabularyError, match=message):
        vocabulary(broken)


@pytest.mark.parametrize("filler, count", [(17, 19), (39, 41)])
def test_a_vocabulary_needs_20_to_40_tags(filler, count):
    with pytest.raises(VocabularyError, match=f"there are {count} tags; a vocabulary needs 20 to 40"):
        vocab(RAG, HINGLISH, filler=filler)


@pytest.mark.parametrize("filler", [18, 38])
def test_20_and_40_tags_are_fine(filler):
    assert len(vocab(RAG, HINGLISH, filler=filler).tags) == filler + 2


def test_the_error_is_a_value_error_for_callers_that_report_settings_errors():
    assert issubclass(VocabularyError, ValueError)


# ------------------------------------------------------------------ the shipped vocabulary on the corpus

@pytest.fixture(scope="module")
def shipped() -> tags.Vocabulary:
    return vocabulary(yaml.safe_load(TAGS_YML.read_text(encoding="utf-8")))


def split_page(text: str) -> tuple[dict, str]:
    """Front matter and the Markdown after it, without the page's own ``# title``
    (no front matter: not a page, such as a navigation fragment)."""
    if not text.startswith("---\n"):
        return {}, text
    front, _, body = text[4:].partition("\n---\n")
    lines = body.lstrip("\n").split("\n")
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return yaml.safe_load(front), "\n".join(lines)


@pytest.fixture(scope="module")
def tagged(converted, shipped) -> dict[str, tuple[dict, tuple[str, ...]]]:
    """Every question and topic page of the converted corpus with its tags, the
    language given by source (the real detection is tested on its own)."""
    pages = {}
    for path in sorted(converted.rglob("*.md")):
        meta, body = split_page(path.read_text(encoding="utf-8"))
        if meta.get("kind") not in PAGE_KINDS:
            continue
        language = "hinglish" if meta["source"] == HINGLISH_SOURCE else "en"
        ids = assign(meta["title"], body, meta["source"], meta.get("chapter"), language, shipped)
        pages[str(path.relative_to(converted))] = (meta, ids)
    return pages


def test_shipped_vocabulary_is_grouped_and_has_a_hinglish_tag(shipped):
    assert 20 <= len(shipped.tags) <= 40
    hinglish = shipped.by_id()["hinglish"]
    assert hinglish.label == "Hinglish" and hinglish.language == "hinglish" and hinglish.group == "language"
    assert all(len(t.label) <= 20 for t in shipped.tags), "labels show as chips: keep them short"
    assert {t.group for t in shipped.tags} == {g.id for g in shipped.groups}


def test_every_page_gets_one_to_five_known_tags(tagged, shipped):
    assert len(tagged) > 300
    known = set(shipped.by_id())
    for path, (_, ids) in tagged.items():
        assert 1 <= len(ids) <= 5 and len(set(ids)) == len(ids), (path, ids)
        assert set(ids) <= known, (path, ids)


def test_every_tag_is_used_by_at_least_two_pages(tagged, shipped):
    used = Counter(t for _, ids in tagged.values() for t in ids)
    unused = {t.id: used[t.id] for t in shipped.tags if used[t.id] < 2}
    assert not unused, f"tags on fewer than 2 pages: {unused}"


def test_no_tag_is_a_catch_all(tagged, shipped):
    used = Counter(t for _, ids in tagged.values() for t in ids)
    too_common = {t: n for t, n in used.items() if t != "hinglish" and n > 0.35 * len(tagged)}
    assert not too_common, f"tags on more than 35% of pages: {too_common}"


def test_all_hinglish_pages_and_only_they_get_the_hinglish_tag(tagged):
    hinglish = {p for p, (meta, _) in tagged.items() if meta["source"] == HINGLISH_SOURCE}
    assert len(hinglish) == 28
    assert {p for p, (_, ids) in tagged.items() if "hinglish" in ids} == hinglish
    assert all(tagged[p][1][-1] == "hinglish" for p in hinglish)


@pytest.mark.parametrize("title, expected", [
    ("What is LoRA and QLoRA?", "peft"),
    ("What is Retrieval-Augmented Generation (RAG)?", "rag"),
    ("How does self-attention work?", "attention"),
    ("Implement a beam search algorithm for better text generation in language models.", "decoding"),
    ("LangChain", "llm-apis"),
    ("What is Named Entity Recognition (NER), and where is it applied?", "classical-nlp"),
])
def test_pages_lead_with_their_obvious_topic(tagged, title, expected):
    found = [ids for meta, ids in tagged.values() if meta["title"] == title]
    assert found, f"no page titled {title!r}: was it renamed?"
    assert all(ids[0] == expected for ids in found), found


def test_keywords_are_counted_as_a_scan_of_every_position_counts_them():
    real = vocabulary(yaml.safe_load(TAGS_YML.read_text(encoding="utf-8")))
    prose = ("fine-tuning and fine tuning, finetuning; rag-based rag storage. self-attention attentions "
             "multi-head attention, transformers' transformer-xl. lora/qlora loras. prompt-engineering "
             "prompts prompt prompt. embeddings embedding vector databases vector-database") * 2
    for tag in real.tags:
        if tag.body_pattern is not None:
            expected = min(sum(1 for _ in tag.body_pattern.finditer(prose)), tags.BODY_CAP)
            assert tags.body_hits(tag, prose) == expected, tag.id
    counted = [tag.id for tag in real.tags if tag.body_pattern is not None and tags.body_hits(tag, prose)]
    assert len(counted) >= 5
