"""The per-document cache and the parallel conversion: the same pages as a cold
serial run, with only the documents that changed converted again."""

from __future__ import annotations

import json
import shutil

import pytest

from converter import cache, cli, sources
from converter.model import Document
from helpers import GOOD, PATTERNS, SETTINGS
from test_cli import run, tree


def corpus(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(PATTERNS, source)
    (source / "good.md").write_bytes(GOOD)
    return source


def counting(monkeypatch) -> list[str]:
    """Files the converter splits from here on (in this process: use --jobs 1)."""
    converted, convert_bytes = [], cli.convert_bytes

    def spy(data, source, settings):
        converted.append(source.file)
        return convert_bytes(data, source, settings)
    monkeypatch.setattr(cli, "convert_bytes", spy)
    return converted


def test_after_an_edit_only_that_document_is_converted_and_the_pages_match_a_cold_run(
        tmp_path, capsys, monkeypatch):
    source, store = corpus(tmp_path), tmp_path / "cache"
    assert run(capsys, "--source", source, "--out", tmp_path / "a", "--cache", store, "--jobs", 1)[0] == 0
    (source / "good.md").write_bytes(GOOD.replace(b"Answer A.", b"Answer A, edited."))
    converted = counting(monkeypatch)
    status, output = run(capsys, "--source", source, "--out", tmp_path / "warm", "--cache", store, "--jobs", 1)
    assert status == 0
    assert converted == ["good.md"]
    assert f"{len(list(source.iterdir())) - 1} documents unchanged (cached), 1 converted" in output
    assert run(capsys, "--source", source, "--out", tmp_path / "cold", "--jobs", 1)[0] == 0
    assert tree(tmp_path / "warm") == tree(tmp_path / "cold")
    assert "Answer A, edited." in (tmp_path / "warm" / "good" / "what-is-a.md").read_text(encoding="utf-8")


def test_a_changed_setting_converts_everything_again(tmp_path, capsys, monkeypatch):
    source, store, data = corpus(tmp_path), tmp_path / "cache", tmp_path / "data"
    shutil.copytree(cache.CODE.parent / "data", data)
    argv = ["--source", source, "--data", data, "--out", tmp_path / "out", "--cache", store, "--jobs", 1]
    assert run(capsys, *argv)[0] == 0
    converted = counting(monkeypatch)
    assert run(capsys, *argv)[0] == 0
    assert converted == []
    with open(data / "cleanup.yml", "a", encoding="utf-8") as settings:
        settings.write("\n# edited\n")
    assert run(capsys, *argv)[0] == 0
    assert sorted(converted) == sorted(p.name for p in source.iterdir())


def test_a_damaged_cache_file_is_converted_again_and_stale_files_are_pruned(tmp_path, capsys, monkeypatch):
    source, store = corpus(tmp_path), tmp_path / "cache"
    argv = ["--source", source, "--out", tmp_path / "out", "--cache", store, "--jobs", 1]
    assert run(capsys, *argv)[0] == 0
    stored = sorted(store.glob("*" + cache.SUFFIX))
    assert len(stored) == len(list(source.iterdir()))
    # damage another document's entry than the one removed: which file holds which depends on the
    # hash of the converter's code, so the first file by name is sometimes good.md's
    damaged = next(p for p in stored if file_of(p) != "good.md")
    damaged.write_bytes(b"not a cache entry")
    (source / "good.md").unlink()
    converted = counting(monkeypatch)
    assert run(capsys, *argv)[0] == 0
    assert len(converted) == 1 and converted != ["good.md"]
    assert len(list(store.glob("*" + cache.SUFFIX))) == len(stored) - 1


def file_of(entry) -> str:
    return json.loads(entry.read_text(encoding="utf-8").partition("\n")[2])["source"]["file"]


def test_an_edited_or_swapped_entry_is_converted_again_never_trusted(tmp_path, capsys, monkeypatch):
    source, store = corpus(tmp_path), tmp_path / "cache"
    argv = ["--source", source, "--out", tmp_path / "out", "--cache", store, "--jobs", 1]
    assert run(capsys, *argv)[0] == 0
    first, second, third = sorted(store.glob("*" + cache.SUFFIX))[:3]
    texts = {path: path.read_text(encoding="utf-8") for path in (first, second, third)}
    first.write_text(texts[second], encoding="utf-8")  # swapped: another document under its name
    second.write_text(texts[first], encoding="utf-8")
    check, _, payload = texts[third].partition("\n")  # edited: the answer rewritten, the digest kept
    assert '"body":"' in payload
    third.write_text(check + "\n" + payload.replace('"body":"', '"body":"Forged answer. ', 1), encoding="utf-8")
    converted = counting(monkeypatch)
    assert run(capsys, *argv)[0] == 0
    assert sorted(converted) == sorted(file_of(path) for path in (first, second, third))
    assert not [p for p in (tmp_path / "out").rglob("*.md") if "Forged" in p.read_text(encoding="utf-8")]


def test_an_entry_that_is_not_a_document_is_refused_even_with_a_good_digest():
    for data in ({"source": "x", "pattern": None}, {"entries": 3}, [], {"source": {"file": 1, "slug": "s", "title": "t"},
                                                                       "pattern": None}):
        with pytest.raises((ValueError, TypeError, KeyError)):
            cache.decoded(Document, data)


@pytest.mark.parametrize("name", ["good.md", "list_item_bold_questions.md", "details_answers.md"])
def test_documents_read_back_as_they_were_written(name):
    settings = SETTINGS
    data = GOOD if name == "good.md" else (PATTERNS / name).read_bytes()
    document = cli.convert_one(sources.source_for(name, settings), data, settings, debug=True)
    assert document.entries and all(e.features.shingles is not None for e in document.entries)
    again = cache.decoded(Document, json.loads(json.dumps(cache.encoded(document))))
    assert again == document
    assert [e.features.shingles.tolist() for e in again.entries] == [e.features.shingles.tolist() for e in document.entries]


def test_two_processes_write_what_one_writes(tmp_path, capsys):
    source = corpus(tmp_path)
    assert run(capsys, "--source", source, "--out", tmp_path / "one", "--jobs", 1)[0] == 0
    assert run(capsys, "--source", source, "--out", tmp_path / "two", "--jobs", 2)[0] == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_kept_file_cut_short_is_made_again_and_half_written_ones_are_pruned(tmp_path):
    end = b"IEND"
    store = cache.FileCache(tmp_path, ".png", end)
    whole = store.put("whole", b"picture" + end)
    (tmp_path / "cut.png").write_bytes(b"pict")  # a run stopped while the disk was writing it
    (tmp_path / "empty.png").write_bytes(b"")
    (tmp_path / ".other.new").write_bytes(b"half")  # a run stopped before its rename
    store = cache.FileCache(tmp_path, ".png", end)
    assert store.get("whole") == whole and store.get("cut") is None and store.get("empty") is None
    assert store.get("never") is None
    store.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cut.png", "empty.png", "whole.png"]  # used, not trusted
    cache.FileCache(tmp_path, ".png", end).prune()
    assert list(tmp_path.iterdir()) == []
