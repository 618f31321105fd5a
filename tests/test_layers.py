"""The folders are the layers: no import cycle inside unlearn/, and no lower layer imports a
higher one (errors < data < charter < analysis < plotting < widgets < lessons < classroom < cli).

Every import counts, at module level or inside a function: a function-local import that hides
a cycle is still a cycle. The checker is tested on a small made-up package as well, so that a
broken checker cannot pass the real tree by finding nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "unlearn"

LAYERS = ["errors", "data", "charter", "analysis", "plotting", "widgets", "lessons", "classroom", "cli"]
"""Bottom to top. ``unlearn/__init__.py`` (the public API) sits above them all."""


def module_names(root: Path) -> dict[str, Path]:
    """Every module of the package at *root*, by dotted name (a package by its own name)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's own modules that module *name* imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    top = next(iter(modules)).split(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(base + ([node.module] if node.module else []))
            else:
                base = node.module or ""
            # ``from pkg import sub`` imports the module pkg.sub; ``from pkg import name`` imports pkg
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            continue
        for target in targets:
            if target == top or target.startswith(top + "."):
                # an attribute of a package that is not a module of its own is the package's
                while target not in modules and "." in target:
                    target = target.rpartition(".")[0]
                if target != name:
                    found.add(target)
    return found


def layer_of(name: str) -> int:
    parts = name.split(".")
    if len(parts) == 1:
        return len(LAYERS)  # the package's __init__: the public API, above every layer
    return LAYERS.index(parts[1])


def problems(root: Path) -> list[str]:
    """Upward imports and import cycles in the package at *root*, one line each."""
    modules = module_names(root)
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    found = [
        f"{name} (layer {LAYERS[layer_of(name)]}) imports {target} (layer "
        f"{LAYERS[layer_of(target)] if layer_of(target) < len(LAYERS) else 'public API'})"
        for name, targets in sorted(graph.items())
        for target in sorted(targets)
        if layer_of(target) > layer_of(name)
    ]
    # a cycle is an import path from a module back to itself (package __init__ files that
    # re-export their own submodules are edges like any other)
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                found.append("import cycle: " + " -> ".join(cycle))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_unlearn_has_no_cycle_and_no_upward_import():
    assert problems(PACKAGE) == []


def test_every_top_level_name_is_a_layer():
    names = {p.stem for p in PACKAGE.iterdir() if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())}
    assert names - {"__init__"} == set(LAYERS)


def test_the_checker_finds_an_upward_import_and_a_cycle(tmp_path):
    pkg = tmp_path / "unlearn"
    for folder in ("data", "widgets"):
        (pkg / folder).mkdir(parents=True)
        (pkg / folder / "__init__.py").write_text("")
    (pkg / "__init__.py").write_text("from .data import tables\n")
    (pkg / "data" / "tables.py").write_text("def f():\n    from ..widgets import council\n")
    (pkg / "widgets" / "council.py").write_text("from ..data.tables import f\n")
    (pkg / "data" / "a.py").write_text("from . import b\n")
    (pkg / "data" / "b.py").write_text("import unlearn.data.a\n")
    (pkg / "data" / "c.py").write_text("from .. import tables\n")  # an old name: the public API
    found = problems(pkg)
    assert "unlearn.data.tables (layer data) imports unlearn.widgets.council (layer widgets)" in found
    assert "unlearn.data.c (layer data) imports unlearn (layer public API)" in found
    assert "import cycle: unlearn.data.a -> unlearn.data.b -> unlearn.data.a" in found
    assert any(line.startswith("import cycle: unlearn.data.tables -> unlearn.widgets.council") for line in found)


def test_every_module_says_its_layer():
    missing = [
        str(path.relative_to(PACKAGE.parent))
        for path in sorted(PACKAGE.rglob("*.py"))
        if "Layer" not in (ast.get_docstring(ast.parse(path.read_text())) or "")
    ]
    assert missing == []
