"""Fail when the package's modules import each other in a circle (lazy imports inside functions count).

    python tools/import_cycles.py [src/dealcheck]

Subpackages count: `formats.text` is a module of its own, and `formats` is its package's `__init__`.
Imports under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = "__init__"  # the top package's own __init__.py, as the circles print it


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def _modules(package: Path) -> dict[str, Path]:
    """Dotted names relative to the package: "render", "formats" (its __init__.py), "formats.text"."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts) or ROOT] = path
    return found


def _parts(name: str) -> list[str]:
    return [] if name == ROOT else name.split(".")


def _name(parts: list[str]) -> str:
    return ".".join(parts) or ROOT


def _targets(importer: str, path: Path, node: ast.ImportFrom, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `from …` runs: the one named, and the packages above it that the importer is not in."""
    package = _parts(importer) if path.name == "__init__.py" else _parts(importer)[:-1]
    base = package[: len(package) - (node.level - 1)]
    if node.module:
        base = [*base, *node.module.split(".")]
    named = {_name([*base, a.name]) for a in node.names}
    found = {n for n in named if n in modules} or ({_name(base)} if _name(base) in modules else set())
    inside = {_name(package[:i]) for i in range(len(package) + 1)}
    for target in list(found):
        found |= {_name(_parts(target)[:i]) for i in range(len(_parts(target)))} - inside
    return found - {importer}


def graph(package: Path) -> dict[str, set[str]]:
    modules = _modules(package)
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 1 and not _type_checking_only(node, parents):
                edges[name] |= _targets(name, path, node, modules)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, seen = [], set()

    def visit(node: str, path: list[str]) -> None:
        for nxt in sorted(edges[node]):
            if nxt in path:
                cycle = path[path.index(nxt):]
                key = frozenset(cycle)
                if key not in seen:
                    seen.add(key)
                    found.append([*cycle, nxt])
            elif len(path) < len(edges):
                visit(nxt, [*path, nxt])

    for start in sorted(edges):
        visit(start, [start])
    return found


def main() -> None:
    package = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "src" / "dealcheck")
    found = cycles(graph(package))
    for cycle in found:
        print("import circle: " + " → ".join(cycle))
    print(f"{len(found)} import circle(s) in {package}")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
