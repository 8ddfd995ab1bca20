"""The converter's modules import each other in layers: no cycle, and a ground floor that imports no stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "tools" / "converter"
# Imported by every stage; they import nothing of the converter but each other.
GROUND = {"converter.model", "converter.markdown", "converter.slugs", "converter.schema", "converter.scan", "converter.parallel", "converter.pdf_text",
          "converter.normalise.fences", "converter.enrich.english_labels", "converter.links.similarity"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(name: str, with_types: bool) -> set[str]:
    """The converter modules ``name`` imports (and the packages they are in, which run first);
    ``with_types``: also those imported only for type checkers."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if type_checking(node) and not with_types:
            return
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else [])) if node.level else node.module or ""
            subs = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in MODULES]
            for target in subs or [module]:
                parts = target.split(".")
                found.update(".".join(parts[:n]) for n in range(2, len(parts) + 1))
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    # the packages a module is in have started running before it: importing them is no edge
    return {module for module in found if module in MODULES and not (name + ".").startswith(module + ".")}


def cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph, or [] (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def walk(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for after in sorted(graph[node]):
            if state.get(after) == 1:
                return path[path.index(after):] + [after]
            if after not in state and (found := walk(after)):
                return found
        state[node] = 2
        path.pop()
        return []

    for node in sorted(graph):
        if node not in state and (found := walk(node)):
            return found
    return []


def test_no_import_cycle_at_run_time():
    graph = {name: imports(name, with_types=False) for name in MODULES}
    assert cycle(graph) == []


@pytest.mark.parametrize("name", sorted(GROUND))
def test_the_ground_floor_imports_no_stage(name):
    assert imports(name, with_types=True) <= GROUND, imports(name, with_types=True) - GROUND


def test_the_cycle_finder_finds_one():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]
