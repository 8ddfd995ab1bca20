"""Matching entries to records by content: what counts as the same entry."""

from __future__ import annotations

from converter.identity.fingerprint import answer_print, title_print
from converter.identity.match import Print, match, nearest
from converter.identity.registry import Record
from converter.identity.rules import IdentityRules

RULES = IdentityRules(stop_words=frozenset({"what", "is", "a", "the", "how", "does", "of", "and", "it"}))
LORA = ("Low-rank adaptation freezes the pretrained weights and trains two small matrices per layer; "
        "their product is added to the frozen weight, so only a fraction of parameters change.")
BEAM = ("Beam search keeps the k most probable partial sequences at each decoding step, expands each "
        "by every vocabulary token and prunes back to k by cumulative log probability.")
RAG = ("Retrieval-augmented generation fetches passages from an index with a retriever and puts them "
       "in the prompt, so the generator answers from documents it was never trained on.")


def entry(title: str, answer: str, path: str = "book/x") -> Print:
    return Print(path.split("/")[0], path, title_print(title, RULES.stop_words), answer_print(answer, RULES.stop_words))


def record(n: int, title: str, answer: str, path: str = "book/x") -> Record:
    e = entry(title, answer, path)
    return Record(n, path, e.title, e.answer)


RECORDS = [record(1, "What is LoRA?", LORA, "book/lora"), record(2, "What is beam search?", BEAM, "book/beam"),
           record(3, "What is RAG?", RAG, "book/rag")]


def numbers(entries: list[Print]) -> list[int | None]:
    found = match(RECORDS, entries, RULES)
    return [found[i].n if i in found else None for i in range(len(entries))]


def test_order_does_not_matter():
    shuffled = [entry("What is RAG?", RAG), entry("What is LoRA?", LORA), entry("What is beam search?", BEAM)]
    assert numbers(shuffled) == [3, 1, 2]


def test_a_new_title_with_the_same_answer_is_the_same_entry():
    assert numbers([entry("Explain low-rank adapters for cheap fine-tuning", LORA)]) == [1]


def test_the_same_title_with_a_rewritten_answer_is_the_same_entry():
    assert numbers([entry("What is beam search?", "A decoding method that explores several candidates.")]) == [2]


def test_a_different_question_is_new():
    assert numbers([entry("What is perplexity?", "The exponential of the average negative log-likelihood.")]) == [None]


def test_each_record_is_used_once_best_pair_first():
    twice = [entry("What is LoRA?", LORA + " Rank is a hyperparameter."), entry("What is LoRA?", LORA)]
    assert numbers(twice) == [None, 1]  # the unchanged one keeps the number; the other is new


def test_the_entry_in_its_own_source_wins_a_tie():
    copy = record(4, "What is LoRA?", LORA, "notes/lora")
    found = match([copy, RECORDS[0]], [entry("What is LoRA?", LORA, "book/lora-2")], RULES)
    assert found[0].n == 1


def test_nearest_ranks_live_entries_by_likeness():
    gone = record(9, "How does LoRA reduce trainable parameters?", LORA.replace("frozen", "fixed"))
    live = [entry("What is beam search?", BEAM, "book/beam"), entry("What is LoRA?", LORA, "book/lora")]
    assert nearest(gone, live, RULES)[0] == "book/lora"
    assert "book/beam" not in nearest(gone, live, RULES)
