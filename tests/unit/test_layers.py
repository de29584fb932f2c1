"""The layers read as they are: arrows point down, the domain is pure, and
one place reads the clock (docs/architecture.md)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# lowest first: a layer may import those before it, never those after
LAYERS = ("domain", "adapters", "application", "projections", "cli")
NOT_IN_THE_DOMAIN = (
    "eventsourcing.persistence",
    "eventsourcing.sqlite",
    "eventsourcing.postgres",
    "eventsourcing.application",
    "sqlite3",
    "psycopg",
    "typer",
    "pydantic",
    "rich",
)
CLOCK_CALLS = {"now", "utcnow", "today"}
THE_CLOCK = "application/clock.py"


def modules() -> Iterator[tuple[str, Path]]:
    """Every module of the package, as (dotted name under standing, path)."""
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            yield ".".join(parts), path


def imported(path: Path) -> Iterator[str]:
    """Every module `path` imports, at any depth of its code."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:  # a submodule, else a name of the module
                dotted = f"{node.module}.{alias.name}"
                yield dotted if _is_module(dotted) else node.module


def _is_module(dotted: str) -> bool:
    own_name = own(dotted)
    if own_name is None:
        return False
    path = ROOT / own_name.replace(".", "/")
    return path.is_dir() or path.with_suffix(".py").exists()


def own(name: str) -> str | None:
    """The package module `name` refers to, without `standing.`, if it is one."""
    if not name.startswith("standing."):
        return None
    return name.removeprefix("standing.")


GRAPH = {
    module: {m for name in imported(path) if (m := own(name))}
    for module, path in modules()
}


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_a_module_imports_nothing_from_a_layer_above_its_own(module):
    layer = LAYERS.index(module.split(".")[0])
    above = {
        target for target in GRAPH[module] if LAYERS.index(target.split(".")[0]) > layer
    }

    assert not above, f"{module} imports from above: {sorted(above)}"


def test_no_modules_import_each_other_in_a_cycle():
    known = set(GRAPH)
    edges = {m: {t for t in targets if t in known} for m, targets in GRAPH.items()}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        if module in path:
            cycle = [*path[path.index(module) :], module]
            pytest.fail(f"import cycle: {' -> '.join(cycle)}")
        if module in done:
            return
        for target in sorted(edges[module]):
            visit(target, [*path, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if m.startswith("domain")))
def test_the_domain_imports_no_storage_no_io_and_no_interface(module):
    path = ROOT / (module.replace(".", "/"))
    path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
    names = set(imported(path))

    forbidden = {
        name for name in names for bad in NOT_IN_THE_DOMAIN if name.startswith(bad)
    }
    assert not forbidden


def _reads_the_clock(node: ast.AST) -> bool:
    """`datetime.now()`, `datetime.utcnow()`, `date.today()` and the like."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
        return False
    receiver = node.func.value
    name = getattr(receiver, "id", None) or getattr(receiver, "attr", None)
    return name in ("datetime", "date") and node.func.attr in CLOCK_CALLS


def test_one_place_reads_the_clock():
    readers = []
    for _module, path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if _reads_the_clock(node):
                readers.append(str(path.relative_to(ROOT)))

    assert sorted(set(readers)) == [THE_CLOCK]
