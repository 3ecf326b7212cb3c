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
