"""The per-document cache and the parallel conversion: the same pages as a cold
serial run, with only the documents that changed converted again."""

from __future__ import annotations

import pickle
import shutil

from converter import cache, cli
from helpers import GOOD, PATTERNS
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
    stored = sorted(store.glob("*.pickle"))
    assert len(stored) == len(list(source.iterdir()))
    # damage another document's entry than the one removed: which file holds which depends on the
    # hash of the converter's code, so the first file by name is sometimes good.md's
    damaged = next(p for p in stored if pickle.loads(p.read_bytes()).source.file != "good.md")
    damaged.write_bytes(b"not a pickle")
    (source / "good.md").unlink()
    converted = counting(monkeypatch)
    assert run(capsys, *argv)[0] == 0
    assert len(converted) == 1 and converted != ["good.md"]
    assert len(list(store.glob("*.pickle"))) == len(stored) - 1


def test_two_processes_write_what_one_writes(tmp_path, capsys):
    source = corpus(tmp_path)
    assert run(capsys, "--source", source, "--out", tmp_path / "one", "--jobs", 1)[0] == 0
    assert run(capsys, "--source", source, "--out", tmp_path / "two", "--jobs", 2)[0] == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
