"""Scenario files under tests/data/: one case per file, check-jsonschema style.

A scenario is a whole note file preceded by header comments:

    # target: factors/01-first.yaml      where it goes in a copy of the fixture notes
    # exit: 1                            the expected exit code of `check` (default 1)
    # expect: content/...:3:8: title: …  every line `check` must print, exactly

The header lines are removed before the note is written, so line numbers in
`expect` refer to the note as the maintainer would see it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass
class Scenario:
    name: str
    target: str
    body: str
    exit: int = 1
    expect: list[str] = field(default_factory=list)


def read(path: Path) -> Scenario:
    lines = path.read_bytes().decode("utf-8").splitlines(keepends=True)  # keeps CRLF
    s = Scenario(path.stem, "", "")
    while lines and lines[0].startswith("# ") and lines[0].split(":", 1)[0][2:] in ("target", "exit", "expect"):
        key, value = lines.pop(0)[2:].rstrip("\r\n").split(": ", 1)
        if key == "expect":
            s.expect.append(value)
        elif key == "exit":
            s.exit = int(value)
        else:
            s.target = value
    s.body = "".join(lines)
    return s


def all_in(kind: str) -> list[Scenario]:
    return [read(p) for p in sorted((DATA / kind).glob("*.yaml"))]


def apply(scenario: Scenario, project: Path) -> None:
    path = project / "content" / scenario.target
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(scenario.body.encode("utf-8"))
