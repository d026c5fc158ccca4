"""The pipeline: load -> validate -> render -> write, one call per stage."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .load import load
from .problems import ContentError, Problem, errors
from .render import render
from .validate import validate
from .write import WriteReport, conflicts, write


@dataclass
class BuildResult:
    report: WriteReport
    problems: list[Problem] = field(default_factory=list)  # warnings only
    factors: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        r = self.report
        return (
            f"generator: {self.factors} factors, {len(r.written) + len(r.unchanged)} files: "
            f"{len(r.written)} written, {len(r.unchanged)} unchanged, {len(r.removed)} removed "
            f"in {self.seconds:.2f} s"
        )


def check(root: Path, strict: bool = False):
    """Load and validate only: (content, warnings), or ContentError."""
    docs, problems = load(root / "content", display_root=root)
    content, problems = validate(docs, problems)
    _stop_on(problems, strict)
    return content, problems


def build(root: Path, strict: bool = False, force: bool = False) -> BuildResult:
    started = time.perf_counter()
    docs, problems = load(root / "content", display_root=root)
    content, problems = validate(docs, problems)
    _stop_on(problems, strict)
    pages = render(content)
    _stop_on(conflicts(pages, root / "docs", force))
    report = write(pages, root / "docs")
    return BuildResult(report, problems, len(content.factors), time.perf_counter() - started)


def _stop_on(problems: list[Problem], strict: bool = False) -> None:
    if errors(problems) or (strict and problems):
        raise ContentError(problems)
