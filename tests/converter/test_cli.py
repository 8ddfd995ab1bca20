"""The command line on folders holding bad files: what it says, what it
writes, its exit status, and that two runs write the same bytes."""

from __future__ import annotations

import json
import shutil

import pytest

from converter import cli, read
from converter.emit import tree as emit_tree
from helpers import GOOD, PATTERNS

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256))
FENCE = b"## 1. What is A?\n\n```python\nprint('a')\n\n## 2. What is B?\n\nAnswer B.\n"
HUGE = b"x" * 5_000_000

# file name: (bytes, fragments that the line naming the file must hold, whether the file fails)
BAD = {
    "empty.md": (b"", ["empty"], True),
    "blank.txt": (b" \n\t\n\r\n", ["empty"], True),
    "image.md": (PNG, ["binary"], True),
    "nul.md": (b"## 1. What is A?\n\nA\x00.\n", ["binary"], True),
    "latin.md": (b"## 1. What is A?\n\ncaf\xe9\n\n## 2. What is B?\n\nB.\n", ["line 3", "UTF-8"], False),
    "bom.md": (read.BOM + GOOD, ["line 1", "byte order mark"], False),
    "windows.md": (GOOD.replace(b"\n", b"\r\n"), ["CRLF"], False),
    "fence.md": (FENCE, ["line 3", "never closed"], False),
    "huge.md": (GOOD + HUGE + b"\n", ["line 10", "characters long"], False),
    "huge_only.md": (HUGE, ["line 1", "characters long"], True),
    "utf16.md": (b"\xff\xfe" + GOOD.decode().encode("utf-16-le"), ["line 1", "UTF-16"], False),
    "utf16_be.md": (b"\xfe\xff" + GOOD.decode().encode("utf-16-be"), ["line 1", "UTF-16 document (BE"], False),
    "utf16_odd.md": (b"\xff\xfe" + GOOD.decode().encode("utf-16-le") + b"\x00", ["UTF-16", "not valid"], True),
}


def run(capsys, *argv) -> tuple[int, str]:
    status = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out + captured.err


def tree(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pages(folder) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md")) if p.name != "index.md"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_beside_a_good_one(tmp_path, capsys, name):
    data, fragments, fails = BAD[name]
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.md").write_bytes(GOOD)
    (source / name).write_bytes(data)
    status, output = run(capsys, "--source", source, "--out", tmp_path / "out")
    assert status == 0
    assert "Traceback" not in output
    assert any(name in line and all(f in line for f in fragments) for line in output.splitlines()), output
    good = pages(tmp_path / "out" / "good")
    assert len(good) == 2
    assert sum("Answer A." in page for page in good) == 1
    assert sum("Answer B." in page for page in good) == 1
    slug = name.rsplit(".", 1)[0].replace("_", "-")
    assert (tmp_path / "out" / slug).is_dir() is not fails


def test_a_converter_bug_costs_one_document_and_no_traceback(tmp_path, capsys, monkeypatch):
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.md").write_bytes(GOOD)
    (source / "buggy.md").write_bytes(GOOD)
    convert_bytes = cli.convert_bytes

    def fail_on_buggy(data, source, settings):
        if source.file == "buggy.md":
            raise ValueError("simulated bug")
        return convert_bytes(data, source, settings)

    monkeypatch.setattr(cli, "convert_bytes", fail_on_buggy)
    status, output = run(capsys, "--source", source, "--out", tmp_path / "out")
    assert status == 0
    assert "Traceback" not in output
    assert any("buggy.md" in line and "simulated bug" in line for line in output.splitlines())
    assert len(pages(tmp_path / "out" / "good")) == 2
    assert not (tmp_path / "out" / "buggy").exists()


@pytest.mark.parametrize("names", [
    [n for n, (_, _, fails) in BAD.items() if fails],
    [],  # no documents at all
])
def test_only_bad_files_leave_the_previous_output_alone(tmp_path, capsys, names):
    source = tmp_path / "src"
    source.mkdir()
    for name in names:
        (source / name).write_bytes(BAD[name][0])
    out = tmp_path / "out"
    out.mkdir()
    (out / "sentinel.md").write_text("previous run\n")
    status, output = run(capsys, "--source", source, "--out", out)
    assert status == 1
    assert "Traceback" not in output
    for name in names:
        assert any(name in line and all(f in line for f in BAD[name][1]) for line in output.splitlines())
    assert tree(out) == {"sentinel.md": b"previous run\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]


def test_a_link_out_of_the_source_folder_is_not_read(tmp_path, capsys):
    source = tmp_path / "src"
    source.mkdir()
    secret = tmp_path / "secret.md"
    secret.write_bytes(b"## 1. What is the password?\n\nHunter2.\n")
    (source / "good.md").write_bytes(GOOD)
    (source / "passwd.md").symlink_to(secret)
    (source / "alias.md").symlink_to(source / "good.md")  # a link inside the folder is an ordinary file
    status, output = run(capsys, "--source", source, "--out", tmp_path / "out")
    assert status == 0 and "Traceback" not in output
    assert f"passwd.md: FAILED, skipped: a link to {secret}, outside the source folder: not read" in output
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file() and b"Hunter2" in p.read_bytes()]
    assert len(pages(tmp_path / "out" / "alias")) == 2


def test_a_file_name_that_is_not_utf8_is_shown_with_replacement_characters(tmp_path, capsys):
    source = tmp_path / "src"
    source.mkdir()
    (source / "good.md").write_bytes(GOOD)
    with open(bytes(source) + b"/notes-\xff\xfe.md", "wb") as file:
        file.write(GOOD)
    status, output = run(capsys, "--source", source, "--out", tmp_path / "out")
    assert status == 0 and "Traceback" not in output
    assert "notes-\ufffd\ufffd.md: 2 entries" in output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert "notes-\ufffd\ufffd.md" in [d["file"] for d in report["documents"]]


def test_a_full_disk_is_one_line_and_the_previous_output_stays(tmp_path, capsys, monkeypatch):
    source, out = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    (source / "good.md").write_bytes(GOOD)
    assert run(capsys, "--source", source, "--out", out)[0] == 0
    before = tree(out)

    def full(out, staging, files, before):
        raise OSError(28, "No space left on device", str(staging / "good" / "what-is-a.md"))
    monkeypatch.setattr(emit_tree, "write_files", full)
    status, output = run(capsys, "--source", source, "--out", out)
    assert status == 1 and "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith("error: cannot write ")
    assert errors[0].endswith("/good/what-is-a.md: No space left on device; previous output left as it was")
    assert tree(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]


def test_missing_source_folder(tmp_path, capsys):
    status, output = run(capsys, "--source", tmp_path / "nowhere", "--out", tmp_path / "out")
    assert status == 2
    assert "nowhere" in output and "not found" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_two_runs_write_identical_trees(tmp_path, capsys):
    source = tmp_path / "src"
    shutil.copytree(PATTERNS, source)
    (source / "good.md").write_bytes(GOOD)
    for name in ("latin.md", "bom.md", "windows.md", "fence.md", "image.md"):
        (source / name).write_bytes(BAD[name][0])
    first, second = tmp_path / "first", tmp_path / "second"
    assert run(capsys, "--source", source, "--out", first)[0] == 0
    assert run(capsys, "--source", source, "--out", second)[0] == 0
    written = tree(first)
    assert "report.json" in written
    pages = [p for p in written if p.endswith(".md") and not p.endswith("index.md")
             and not p.startswith(("topics/", "home/", "q/")) and p != "glossary.md"]
    assert len(pages) == 48
    assert tree(second) == written
    assert run(capsys, "--source", source, "--out", first)[0] == 0  # into the previous output
    assert tree(first) == written


def test_documents_with_the_same_slug_get_distinct_folders(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "my notes.md").write_bytes(GOOD)
    (source / "my-notes.txt").write_bytes(GOOD)
    out = tmp_path / "out"
    assert cli.main(["--source", str(source), "--out", str(out), "--registry", str(tmp_path / "registry.yml")]) == 0
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["home", "my-notes", "my-notes-2", "practice", "search", "topics"]
    assert sorted({at.split("/")[0] for at in json.loads((out / "redirects.json").read_text())}) == ["q"]


def test_watch_converts_again_once_per_change_of_a_document(tmp_path, monkeypatch):
    source, data = tmp_path / "in", tmp_path / "data"
    source.mkdir()
    data.mkdir()
    (source / "a.md").write_bytes(GOOD)
    edits = iter([lambda: None, lambda: (source / "a.md").write_bytes(GOOD + b"\nMore.\n"), lambda: None])
    converted = []

    def sleep(seconds):
        assert seconds == cli.WATCH_INTERVAL
        next(edits, lambda: (_ for _ in ()).throw(KeyboardInterrupt))()

    monkeypatch.setattr(cli.time, "sleep", sleep)
    monkeypatch.setattr(cli, "convert", converted.append)
    args = cli.arguments(["--source", str(source), "--out", str(tmp_path / "out"), "--data", str(data)])
    with pytest.raises(KeyboardInterrupt):
        cli.watch(args)
    assert converted == [args]


HINGLISH_DOC = ("# Q&A\n\n## 1. What is tokenization?\n\nTokenization ka matlab hai text ko chhote pieces mein "
                "todna, taaki model usse samajh sake.\n\n## 2. What is an embedding?\n\nEmbedding ek vector hai "
                "jo token ka matlab rakhta hai.\n")


def test_written_summaries_go_stale_when_the_answer_changes_and_orphaned_when_it_goes(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(cli.sources.DATA, data)
    (data / "summaries.yml").unlink(missing_ok=True)
    source, out = tmp_path / "src", tmp_path / "out"
    source.mkdir()
    (source / "qa.md").write_text(HINGLISH_DOC, encoding="utf-8")
    argv = ["--source", source, "--out", out, "--data", data, "--registry", tmp_path / "registry.yml"]
    status, output = run(capsys, *argv)
    missing = json.loads((out / "report.json").read_text(encoding="utf-8"))["summaries"]["missing"]
    assert status == 0 and [m["qid"] for m in missing] == [1, 2] and "2 Hinglish answers have no written" in output
    (data / "summaries.yml").write_text(
        f"summaries:\n  1:\n    answer: \"{missing[0]['answer']}\"\n    title: What is tokenization in NLP?\n"
        "    summary: Tokenization cuts text into small pieces. The model can then read them. That is all.\n",
        encoding="utf-8")
    run(capsys, *argv)
    page = (out / missing[0]["path"]).read_text(encoding="utf-8")
    assert '!!! abstract "English summary"' in page and "# What is tokenization in NLP?" in page
    (source / "qa.md").write_text(HINGLISH_DOC.replace("chhote", "bahut chhote"), encoding="utf-8")
    status, output = run(capsys, *argv)
    stale = json.loads((out / "report.json").read_text(encoding="utf-8"))["summaries"]["stale"]
    assert status == 0 and [s["qid"] for s in stale] == [1] and "earlier version of its answer" in output
    assert "written for an earlier version" in (out / missing[0]["path"]).read_text(encoding="utf-8")
    (source / "qa.md").write_text(HINGLISH_DOC.split("## 1.")[0] + "## 2." + HINGLISH_DOC.split("## 2.")[1],
                                  encoding="utf-8")
    status, output = run(capsys, *argv)
    assert status == 0 and "/q/1/ is no page" in output
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["summaries"]["orphaned"] == [1]


def test_for_a_site_each_page_gets_its_card_and_an_unchanged_card_is_not_drawn_again(tmp_path, capsys):
    source, out, cache = tmp_path / "in", tmp_path / "out", tmp_path / "cache"
    source.mkdir()
    (source / "notes.md").write_bytes(GOOD)
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_name: My Reference\nsite_url: !ENV [SITE_URL, "https://example.org/"]\n')
    argv = ["--source", source, "--out", out, "--cache", cache, "--site", config]
    status, output = run(capsys, *argv)
    assert status == 0 and "2 link-preview cards: 2 drawn, 0 unchanged" in output
    assert sorted(str(p.relative_to(out)) for p in (out / "cards").rglob("*")) == [
        "cards/notes", "cards/notes/what-is-a.png", "cards/notes/what-is-b.png"]
    assert '\ncard: "cards/notes/what-is-a.png"\n' in (out / "notes/what-is-a.md").read_text(encoding="utf-8")
    first = tree(out)
    (source / "notes.md").write_bytes(GOOD.replace(b"What is B?", b"What is C?"))
    status, output = run(capsys, *argv)
    assert status == 0 and "2 link-preview cards: 1 drawn, 1 unchanged" in output
    assert tree(out)["cards/notes/what-is-a.png"] == first["cards/notes/what-is-a.png"]
    assert len(list((cache / "cards").iterdir())) == 2  # the card of B is forgotten
    kept = {p.stat().st_ino for p in (cache / "cards").iterdir()}
    assert {p.stat().st_ino for p in (out / "cards/notes").iterdir()} == kept  # linked from the cache, not copied


def test_when_no_card_at_all_can_be_drawn_the_output_is_left_as_it_was(tmp_path, capsys, monkeypatch):
    from converter.emit import cards

    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "notes.md").write_bytes(GOOD)
    out.mkdir()
    (out / "kept.md").write_text("old")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: My Reference\n")

    def no_font(name, size):
        raise OSError("cannot open resource")
    monkeypatch.setattr(cards, "face", no_font)
    status, output = run(capsys, "--source", source, "--out", out, "--site", config)
    assert status == 1 and "cannot draw link-preview cards: OSError: cannot open resource" in output
    assert "Traceback" not in output and [p.name for p in out.iterdir()] == ["kept.md"]


def test_without_the_sites_configuration_there_are_no_cards(tmp_path, capsys):
    source, out = tmp_path / "in", tmp_path / "out"
    source.mkdir()
    (source / "notes.md").write_bytes(GOOD)
    assert run(capsys, "--source", source, "--out", out)[0] == 0
    assert not (out / "cards").exists() and "card:" not in (out / "notes/what-is-a.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("text, problem", [(None, "cannot read the site's configuration"),
                                           ("theme: material\n", "no site_name")])
def test_a_site_configuration_without_a_name_is_a_usage_error(tmp_path, capsys, text, problem):
    source, config = tmp_path / "in", tmp_path / "mkdocs.yml"
    source.mkdir()
    (source / "notes.md").write_bytes(GOOD)
    if text is not None:
        config.write_text(text)
    status, output = run(capsys, "--source", source, "--out", tmp_path / "out", "--site", config)
    assert status == 2 and problem in output and "Traceback" not in output
    assert not (tmp_path / "out").exists()
