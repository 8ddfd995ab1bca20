"""Building copies of the project: the command works from the copy's own folder."""

from __future__ import annotations

from pathlib import Path

from checks.project import mkdocs_command


def test_a_relative_configuration_still_names_the_file_when_mkdocs_runs_in_the_copy(tmp_path, monkeypatch):
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "mkdocs.search.yml").write_text("INHERIT: mkdocs.yml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    command = mkdocs_command(Path("copy/mkdocs.search.yml"))
    config = Path(command[command.index("-f") + 1])
    assert config.is_absolute() and config.is_file()
