"""Stage 1, read: the note files under content/, parsed into Documents.

Nothing here judges what a note says; it finds the files (files.py), reads at
most a note's size cap from each, and parses the small YAML subset notes use
(parse.py). A note that cannot be read or parsed is still returned, with
`failed` set, so that the checks know what they cannot see and stay quiet
about the references into it.
"""
from __future__ import annotations

from pathlib import Path

from ..problems import Problem
from .files import display, kind_of, missing, note_files
from .parse import Document, parse


def read(content_dir: Path, display_root: Path | None = None) -> tuple[list[Document], list[Problem]]:
    """Every note under content_dir, parsed, and the problems found on the way."""
    content_dir = Path(content_dir)
    root = display_root or content_dir.parent
    shown = lambda p: display(p, root)  # noqa: E731
    if not content_dir.is_dir():
        return [], [Problem(shown(content_dir), 1, 1, "", "content folder not found")]
    files, problems = note_files(content_dir, shown)
    if not files and not problems:
        return [], [Problem(shown(content_dir), 1, 1, "", "content folder is empty: no note files found")]
    docs: list[Document] = []
    for path in files:
        kind, why = kind_of(path, content_dir)
        if kind is None:
            problems.append(Problem(shown(path), 1, 1, "", why))
            continue
        doc = Document(path, shown(path), kind)
        parse(doc)
        problems += doc.problems
        docs.append(doc)
    return docs, problems + missing(content_dir, files, shown)


__all__ = ["Document", "read"]
