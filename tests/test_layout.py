"""The house's import direction: core <- kg, index <- ingest <- api, and nothing points back."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("core", "kg", "index", "ingest", "api")
# What each package may import of the others (the rest of the house is off limits).
ALLOWED = {
    "core": set(),
    "kg": {"core"},
    "index": {"core"},
    "ingest": {"core", "kg", "index"},
    "api": {"core", "kg", "index", "ingest"},
}


def _imported_packages(source: Path) -> set[str]:
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & set(PACKAGES)


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_packages_beneath_it(package: str) -> None:
    offending = {
        str(path.relative_to(ROOT)): sorted(found - ALLOWED[package] - {package})
        for path in sorted((ROOT / package).rglob("*.py"))
        if (found := _imported_packages(path)) - ALLOWED[package] - {package}
    }
    assert offending == {}, f"{package} imports packages above it: {offending}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(source: Path, modules: set[str]) -> set[str]:
    """Every house module `source` imports, wherever (a function, TYPE_CHECKING) it does."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"), filename=str(source))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.update(
                f"{node.module}.{alias.name}"
                if f"{node.module}.{alias.name}" in modules
                else node.module
                for alias in node.names
            )
    return found & modules


def test_no_module_imports_itself_through_others() -> None:
    """No file cycle, not even one hidden behind TYPE_CHECKING or a function-local import."""
    paths = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    graph = {name: _imported_modules(path, set(paths)) - {name} for name, path in paths.items()}
    cycles = []
    for start in graph:
        seen, stack = set(), list(graph[start])
        while stack:
            name = stack.pop()
            if name == start:
                cycles.append(start)
                break
            if name not in seen:
                seen.add(name)
                stack.extend(graph[name])
    assert cycles == [], f"modules that import themselves through others: {sorted(cycles)}"
