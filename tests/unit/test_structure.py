"""The generator's shape: imports between its modules form no cycle, and no chain
of imports is longer than a newcomer can follow (7 modules), counting each stage
folder (read/, check/, render/, write/, adapters/) as one module, as the tree
shows it: the stages first, then the files inside one stage."""
import ast
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
MAX_CHAIN = 7


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py")) if "vendor" not in p.parts}


def imports(path: Path, known: set[str]) -> set[str]:
    """The generator's own modules this one imports, anywhere in it (lazy imports count too)."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import mod` imports the module pkg.mod when there is one
            found |= {f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names}
    return {name for name in found if name in known and name != here}


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports(path, set(found)) for name, path in found.items()}


def by_stage(edges: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same imports with each stage folder as one module (generator.check.rules -> generator.check)."""
    def stage(name: str) -> str:
        return ".".join(name.split(".")[:2])

    out: dict[str, set[str]] = {}
    for name, targets in edges.items():
        out.setdefault(stage(name), set()).update(stage(t) for t in targets if stage(t) != stage(name))
    return out


def longest_chain(edges: dict[str, set[str]]) -> list[str]:
    @lru_cache(maxsize=None)
    def chain(name: str) -> tuple[str, ...]:
        return (name, *max((chain(n) for n in edges[name]), key=len, default=()))

    return list(max((chain(n) for n in edges), key=len))


def cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, str] = {}

    def visit(name: str, path: list[str]) -> list[str] | None:
        state[name] = "open"
        for n in sorted(edges[name]):
            if state.get(n) == "open":
                return path[path.index(n):] + [name, n] if n in path else [name, n]
            if n not in state and (found := visit(n, path + [name])):
                return found
        state[name] = "done"
        return None

    for name in sorted(edges):
        if name not in state and (found := visit(name, [])):
            return found
    return None


def test_the_generator_s_imports_form_no_cycle_between_files_or_stages():
    assert cycle(graph()) is None
    assert cycle(by_stage(graph())) is None


def test_no_chain_of_imports_is_longer_than_seven_modules():
    chain = longest_chain(by_stage(graph()))
    assert len(chain) <= MAX_CHAIN, " -> ".join(chain)


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, True),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, False),
])
def test_the_cycle_check_finds_a_cycle(edges, expected):
    assert (cycle(edges) is not None) is expected


def test_the_chain_is_counted_in_modules():
    assert longest_chain({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == ["a", "b", "c"]


def test_a_stage_folder_counts_as_one_module():
    edges = {"generator.cli": {"generator.check"}, "generator.check": {"generator.check.rules"},
             "generator.check.rules": {"generator.check.text", "generator.problems"}, "generator.check.text": set(), "generator.problems": set()}
    assert by_stage(edges) == {"generator.cli": {"generator.check"}, "generator.check": {"generator.problems"}, "generator.problems": set()}


def test_relative_imports_are_resolved_to_the_generator_s_modules():
    edges = graph()
    assert "generator.read.parse" in edges["generator.read"]  # from .parse import ...
    assert "generator.problems" in edges["generator.check"]  # from ..problems import ...
    assert "generator.check.rules" in edges["generator.check"]  # from . import ids, rules
