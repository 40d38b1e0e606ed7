"""Fail when the package's modules import each other in a circle (lazy imports inside functions count).

    python tools/import_cycles.py [src/dealcheck]

Imports under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def graph(package: Path) -> dict[str, set[str]]:
    modules = {p.stem: p for p in package.glob("*.py")}
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: parent for parent in ast.walk(tree) for child in ast.iter_child_nodes(parent)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom) or node.level != 1 or _type_checking_only(node, parents):
                continue
            targets = [node.module] if node.module else [a.name for a in node.names]
            edges[name] |= {t.split(".")[0] for t in targets if t and t.split(".")[0] in modules and t != name}
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
