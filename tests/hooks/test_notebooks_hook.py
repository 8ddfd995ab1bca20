"""The notebook hook: nbconvert's environments share compiled templates."""

from __future__ import annotations

import jinja2

from hooks import notebooks


def counting_environment(cache, compiled: list) -> jinja2.Environment:
    class Counting(jinja2.Environment):
        def compile(self, *args, **kwargs):
            compiled.append(args[0])
            return super().compile(*args, **kwargs)
    return Counting(loader=jinja2.DictLoader({"page.html": "Hello {{ name }}"}), bytecode_cache=cache)


def test_a_second_environment_loads_the_compiled_template():
    cache, compiled = notebooks.MemoryBytecodeCache(), []
    first = counting_environment(cache, compiled).get_template("page.html").render(name="A")
    second = counting_environment(cache, compiled).get_template("page.html").render(name="B")
    assert (first, second) == ("Hello A", "Hello B")
    assert len(compiled) == 1


def test_an_edited_template_is_compiled_again():
    cache, compiled = notebooks.MemoryBytecodeCache(), []
    counting_environment(cache, compiled).get_template("page.html")
    edited = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "Bye {{ name }}"}), bytecode_cache=cache)
    assert edited.get_template("page.html").render(name="C") == "Bye C"


def test_every_exporter_environment_gets_the_shared_cache():
    class Exporter:
        def create(self):
            return jinja2.Environment()
    cache = notebooks.MemoryBytecodeCache()
    create = notebooks.sharing(Exporter.create, cache)
    assert create(Exporter()).bytecode_cache is cache
    assert create.shares_bytecode


def test_inline_styles_become_one_shared_sheet_linked_relatively():
    page = '<head><style type="text/css">\n.a{color:red}\n</style><style type="text/css">.b{}</style></head>'
    html, sheets = notebooks.shared_styles(page, "book/notebooks/q/")
    first, second = sheets  # in page order
    assert (sheets[first], sheets[second]) == ("\n.a{color:red}\n", ".b{}")
    assert html == (f'<head><link rel="stylesheet" href="../../../{first}">'
                    f'<link rel="stylesheet" href="../../../{second}"></head>')
    again, same = notebooks.shared_styles(page, "other/notebooks/r/")
    assert same == sheets


def test_other_style_elements_stay_in_the_page():
    page = "<style>.kept{}</style>"
    assert notebooks.shared_styles(page, "x/") == (page, {})
