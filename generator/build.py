"""The pipeline: load -> validate -> render -> write, one call per stage."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .load import load
from .problems import ContentError, Problem, errors
from .render import render
from .validate import validate
from .write import WriteReport, conflicts, up_to_date, write

GENERATOR = Path(__file__).parent


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
    inputs = fingerprint(root)
    previous = None if force else up_to_date(root / "docs", inputs)
    if previous:
        report, summary = previous
        warnings = [Problem(**p) for p in summary.get("warnings", [])]
        _stop_on(warnings, strict)
        return BuildResult(report, warnings, summary.get("factors", 0), time.perf_counter() - started)

    docs, problems = load(root / "content", display_root=root)
    content, problems = validate(docs, problems)
    _stop_on(problems, strict)
    pages = render(content)
    _stop_on(conflicts(pages, root / "docs", force))
    summary = {"factors": len(content.factors), "warnings": [asdict(p) for p in problems]}
    report = write(pages, root / "docs", inputs, summary)
    return BuildResult(report, problems, len(content.factors), time.perf_counter() - started)


def fingerprint(root: Path) -> str:
    """A hash of everything the pages are made from: the notes and the generator itself."""
    h = hashlib.sha256()
    content = root / "content"
    notes = sorted(p for p in content.rglob("*") if p.is_file()) if content.is_dir() else []
    code = sorted(p for p in GENERATOR.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".json"))
    # Relative names, so that the same notes give the same manifest in any folder
    for base, paths in ((content, notes), (GENERATOR, code)):
        for path in paths:
            h.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    h.update(os.environ.get("SITE_URL", "").encode())  # the feeds' absolute links come from it
    return h.hexdigest()


def _stop_on(problems: list[Problem], strict: bool = False) -> None:
    if errors(problems) or (strict and problems):
        raise ContentError(problems)
