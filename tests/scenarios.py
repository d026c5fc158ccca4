"""Scenarios: one edit of the fixture notes each, and exactly what `check` must print.

check-jsonschema style, one case per file under tests/scenarios/{valid,invalid}/:

    target: factors/01-first.yaml      the fixture note the edit applies to
    replace:                           each `find` occurs exactly once in the note
      - find: "title: The first factor\\n"
        with: "title: <b>Bold</b>\\n"
    exit: 1                            what `check` exits with (default 1)
    expect:                            every line `check` prints, exactly
      - "content/factors/01-first.yaml:4:8: title: …"

A scenario that makes a note from nothing (a file in the wrong place, bytes no
edit can express) gives the whole file as `write:` instead of `replace:`.
After an intended change to the fixture or the messages, `make scenarios`
rewrites the positions and messages in `expect` and shows the diff.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).parent / "scenarios"


@dataclass
class Scenario:
    name: str
    path: Path
    target: str
    replace: list[dict] = field(default_factory=list)
    write: str | None = None
    exit: int = 1
    expect: list[str] = field(default_factory=list)


def read(path: Path) -> Scenario:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Scenario(path.stem, path, data["target"], data.get("replace", []), data.get("write"), data.get("exit", 1), data.get("expect", []))


def all_in(kind: str) -> list[Scenario]:
    return [read(p) for p in sorted((HERE / kind).glob("*.yaml"))]


def named(kind: str, name: str) -> Scenario:
    return read(HERE / kind / f"{name}.yaml")


def apply(scenario: Scenario, project: Path) -> None:
    """The scenario's edit, made to the notes of a project holding the fixture notes."""
    path = project / "content" / scenario.target
    if scenario.write is not None:
        text = scenario.write
    else:
        text = path.read_bytes().decode("utf-8")
        for edit in scenario.replace:
            found = text.count(edit["find"])
            assert found == 1, f"{scenario.name}: {edit['find']!r} occurs {found} times in {scenario.target}, not once"
            text = text.replace(edit["find"], edit["with"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


def update() -> list[str]:
    """Rewrite every scenario's `expect` (and `exit`) to what `check` prints now; the names changed.

    Run by `make scenarios` after an intended change; `git diff tests/scenarios` shows the result."""
    import contextlib
    import io
    import shutil
    import tempfile

    from generator.cli import main

    fixture = Path(__file__).parent / "fixtures" / "content"
    changed = []
    for kind in ("invalid", "valid"):
        for s in all_in(kind):
            with tempfile.TemporaryDirectory() as tmp:
                project = Path(tmp)
                shutil.copytree(fixture, project / "content")
                apply(s, project)
                err = io.StringIO()
                with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                    code = main(["check", "--root", str(project)])
            lines = [line for line in err.getvalue().splitlines() if not line.startswith("generator:")]
            if (code, lines) == (s.exit, s.expect):
                continue
            text = s.path.read_text(encoding="utf-8").split("\nexit:")[0].split("\nexpect:")[0].rstrip("\n") + "\n"
            tail = {**({"exit": code} if code != 1 else {}), **({"expect": lines} if lines else {})}
            s.path.write_text(text + (yaml.dump(tail, sort_keys=False, allow_unicode=True, width=4096) if tail else ""), encoding="utf-8")
            changed.append(s.path.name)
    return changed


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent))
    print("\n".join(update()) or "every scenario already says what check prints")
