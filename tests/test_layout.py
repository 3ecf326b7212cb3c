"""The house: core <- kg, index <- ingest <- api, nothing points back, all under `papergraph`."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import zipfile
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
MAX_LINES = 400
NOT_SOURCE = (".git", ".venv", "build", "*.egg-info", "*_cache", "papergraph-data", "test-output")


def _imported(source: Path) -> set[str]:
    """The absolute module names `source` imports."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def _imported_packages(source: Path) -> set[str]:
    """Which of the house's packages `source` imports (`papergraph.kg.store` -> `kg`)."""
    parts = (name.split(".") for name in _imported(source))
    return {p[1] for p in parts if len(p) > 1 and p[0] == "papergraph" and p[1] in PACKAGES}


@pytest.mark.parametrize("package", PACKAGES)
def test_a_package_imports_only_the_packages_beneath_it(package: str) -> None:
    offending = {
        str(path.relative_to(ROOT)): sorted(found - ALLOWED[package] - {package})
        for path in sorted((ROOT / package).rglob("*.py"))
        if (found := _imported_packages(path)) - ALLOWED[package] - {package}
    }
    assert offending == {}, f"{package} imports packages above it: {offending}"


def _module_name(path: Path) -> str:
    parts = ("papergraph", *path.relative_to(ROOT).with_suffix("").parts)
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


def test_everything_imports_the_house_through_the_papergraph_namespace() -> None:
    """`import kg` would load a second copy of a module beside `papergraph.kg` (two classes)."""
    folders = (*PACKAGES, "tests", "benchmarks")
    offending = {
        str(path.relative_to(ROOT)): sorted(bare)
        for folder in folders
        for path in sorted((ROOT / folder).rglob("*.py"))
        if (bare := {n for n in _imported(path) if n.split(".")[0] in PACKAGES})
    }
    assert offending == {}


def test_no_module_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_the_namespace_links_to_the_top_level_folders() -> None:
    for package in PACKAGES:
        link = ROOT / "papergraph" / package
        assert link.is_symlink() and link.resolve() == (ROOT / package).resolve()


def test_an_installed_wheel_holds_only_the_papergraph_namespace(tmp_path: Path) -> None:
    """What `pip install .` puts into site-packages: `papergraph/` and its metadata, nothing else."""
    source = tmp_path / "source"  # a copy: a build/ left in the working tree holds stale files
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    build = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    done = subprocess.run(
        [*build, "-w", str(tmp_path), str(source)], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = tmp_path.glob("papergraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/")[0] for name in names}
    assert {top for top in tops if not top.endswith(".dist-info")} == {"papergraph"}
    for module in ("papergraph/api/cli.py", "papergraph/kg/store.py", "papergraph/core/model.py"):
        assert module in names
