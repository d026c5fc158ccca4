"""The pipeline, one call per stage: read → check → render → write."""
from __future__ import annotations

import hashlib
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .check import check as check_notes
from .problems import WARNING, ContentError, Problem, errors
from .read import Document, read
from .read.limits import MAX_BYTES
from .render import render
from .settings import Settings
from .write import WriteReport, conflicts, locked, previous, remove_strays, up_to_date, write

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


def check(settings: Settings):
    """Read and check only: (the explainer, warnings), or ContentError."""
    docs, problems = read(settings.content, display_root=settings.root)
    explainer, problems = check_notes(docs, problems)
    problems += publishing_problems(docs, settings) if explainer else []
    _stop_on(problems, settings.strict)
    return explainer, problems


def build(settings: Settings) -> BuildResult:
    """Check, render and write, holding docs/'s lock so that builds never interleave."""
    with locked(settings.docs):
        started = time.perf_counter()
        remove_strays(settings.docs)  # left by a build that was killed while writing
        inputs = fingerprint(settings)
        unchanged = None if settings.force else up_to_date(settings.docs, inputs)
        if unchanged:
            report, summary = unchanged
            warnings = [Problem(**p) for p in summary.get("warnings", [])]
            _stop_on(warnings, settings.strict)
            return BuildResult(report, warnings, summary.get("factors", 0), time.perf_counter() - started)
        explainer, problems = check(settings)
        pages = render(explainer, settings, reuse=previous(settings.docs))
        _stop_on(conflicts(pages, settings.docs, settings.force))
        summary = {"factors": len(explainer.factors), "warnings": [asdict(p) for p in problems]}
        report = write(pages, settings.docs, inputs, summary)
        return BuildResult(report, problems, len(explainer.factors), time.perf_counter() - started)


def publishing_problems(docs: list[Document], settings: Settings) -> list[Problem]:
    """What a published copy needs beyond valid notes: a way for readers to report a mistake."""
    site = next((d for d in docs if d.kind == "site" and isinstance(d.data, dict)), None)
    publisher = site.data.get("publisher") if site else None
    if settings.report_url or (isinstance(publisher, dict) and publisher.get("contact")):
        return []
    message = ("readers have no way to report a mistake: set REPO_URL to the repository's address "
               "(or build from a clone whose origin is on GitHub), or give publisher.contact")
    return [site.problem(("publisher",), message, level=WARNING)] if site else []


def fingerprint(settings: Settings) -> str:
    """A hash of everything the pages are made from: the notes, the generator, the settings."""
    h = hashlib.sha256()
    # Relative names, so that the same notes give the same manifest in any folder
    for base in (settings.content, GENERATOR):
        for path in _regular_files(base):
            if base is GENERATOR and path.suffix not in (".py", ".j2", ".json", ".xsl", ".ttf"):
                continue
            # fsencode: a note's file name need not be UTF-8, and check reads such a note
            h.update(os.fsencode(path.relative_to(base).as_posix()) + b"\0" + _head(path) + b"\0")
    h.update(f"{settings.site_url}\0{settings.report_url}".encode())
    return h.hexdigest()


def _regular_files(base: Path) -> list[Path]:
    # Links and special files are not followed (read/files.py reports them); a FIFO would block.
    out = []
    for folder, dirs, names in os.walk(base):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        out += [Path(folder, n) for n in names + [d for d in dirs if os.path.islink(os.path.join(folder, d))]]
    return sorted(out)


def _head(path: Path) -> bytes:
    if path.is_symlink() or not path.is_file():
        return b"not a regular file: " + os.fsencode(os.readlink(path) if path.is_symlink() else "")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)  # a larger note fails the build anyway
    except OSError as e:
        return f"unreadable: {e.errno}".encode()


def _stop_on(problems: list[Problem], strict: bool = False) -> None:
    if errors(problems) or (strict and problems):
        raise ContentError(problems)
