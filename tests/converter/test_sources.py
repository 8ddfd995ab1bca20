import pytest

from converter import sources


def write(folder, sources_yml, cleanup_yml="drop: []\n"):
    (folder / "sources.yml").write_text(sources_yml)
    (folder / "cleanup.yml").write_text(cleanup_yml)
    return folder


def test_shipped_settings_load_and_name_every_corpus_document():
    settings = sources.load()
    assert len(settings.sources) == 5
    assert all(s.title and s.slug for s in settings.sources)
    assert settings.drop_rules and settings.max_line_length >= 10_000


def test_unconfigured_document_gets_auto_settings():
    source = sources.source_for("my_new-notes.md", sources.load())
    assert not source.configured and source.pattern is None
    assert source.slug == "my-new-notes" and source.title == "my new notes"


def test_unknown_pattern_is_a_clear_error(tmp_path):
    write(tmp_path, "sources:\n  a.md: {title: A, pattern: nonsense}\n")
    with pytest.raises(sources.SettingsError, match=r"sources.yml: sources.a.md.pattern: 'nonsense' is not one of topics, "):
        sources.load(tmp_path)


def test_bad_drop_regex_is_a_clear_error(tmp_path):
    write(tmp_path, "sources: {}\n", "drop:\n  - {pattern: '(', reason: x}\n")
    with pytest.raises(sources.SettingsError, match="cleanup.yml: drop.0.pattern: not a regular expression"):
        sources.load(tmp_path)


def test_titles_and_topics_are_parsed(tmp_path):
    write(tmp_path, "sources:\n  a.md:\n    title: A\n    titles: {3: Three}\n"
                    "    topics: [Intro, {heading: Vectors, title: All about vectors}]\n")
    source = sources.load(tmp_path).sources[0]
    assert source.titles == ((3, "Three"),)
    assert [(t.heading, t.title) for t in source.topics] == [("Intro", None), ("Vectors", "All about vectors")]


def test_shelves_are_parsed_and_every_shipped_source_has_one(tmp_path):
    write(tmp_path, "library: {flat_up_to: 2, shelves: [Books, Notes]}\nsources:\n  a.md: {title: A, shelf: Notes}\n")
    settings = sources.load(tmp_path)
    assert settings.library.shelves == ("Books", "Notes") and settings.library.flat_up_to == 2
    assert settings.sources[0].shelf == "Notes"
    assert all(s.shelf in sources.load().library.shelves for s in sources.load().sources)


@pytest.mark.parametrize("library, source, message", [
    ("{shelves: [Books]}", "{title: A, shelf: Novels}", r"sources.a.md.shelf: 'Novels' is not one of"),
    ("{shelves: Books}", "{title: A}", r"library.shelves: Input should be a valid list"),
    ("{flat_up_to: many}", "{title: A}", r"library.flat_up_to: Input should be a valid integer"),
    ("{flat_up_to: -1}", "{title: A}", r"library.flat_up_to: Input should be greater than or equal to 0"),
    ("[Books]", "{title: A}", r"library: Input should be a valid dictionary"),
    ("{}", "{slug: a}", r"sources.a.md.title: Field required"),
    ("{}", "{title: A, shelve: Books}", r"sources.a.md.shelve: Extra inputs are not permitted"),
])
def test_a_bad_library_setting_is_a_clear_error(tmp_path, library, source, message):
    write(tmp_path, f"library: {library}\nsources:\n  a.md: {source}\n")
    with pytest.raises(sources.SettingsError, match=message):
        sources.load(tmp_path)


def test_links_yml_says_how_many_pages_a_growing_list_names(tmp_path):
    write(tmp_path, "sources: {}\n")
    (tmp_path / "links.yml").write_text("shown: 3\n")
    assert sources.load(tmp_path).links.shown == 3
    assert sources.load().links.shown == 12
    (tmp_path / "links.yml").write_text("shown: 0\n")
    with pytest.raises(sources.SettingsError, match="links.yml: shown: Input should be greater than or equal to 1"):
        sources.load(tmp_path)
