"""Which files under content/ are notes, and what kind each one is.

Notes are regular files inside content/. A link that leaves the folder, a
folder named like a note, or anything that is not a regular file is reported
(never followed, never read), so no file elsewhere can be published or quoted.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..layout import FACTOR_DIR, OPTIONAL_FILES, SINGLE_FILES
from ..problems import Problem


def note_files(content_dir: Path, shown) -> tuple[list[Path], list[Problem]]:
    """Regular files under content_dir; links leaving it and folders named like notes are problems."""
    files, problems = [], []
    top = content_dir.resolve()
    for folder, dirs, names in os.walk(content_dir):
        for name in sorted(dirs + names):
            path = Path(folder, name)
            if _ignored(path, content_dir):
                dirs[:] = [d for d in dirs if d != name]
                continue
            why = not_a_note(path, top, name in dirs)
            if why:
                problems.append(Problem(shown(path), 1, 1, "", why))
            elif name in names:
                files.append(path)
    return sorted(files), problems


def not_a_note(path: Path, top: Path, is_dir: bool) -> str | None:
    if path.is_symlink():
        try:
            target = path.resolve()
        except (RuntimeError, OSError):  # a loop of links (Python 3.13 raises OSError)
            return "link that leads back to itself is not a note; remove it"
        if target != top and top not in target.parents:
            return "link leading outside content/ is not allowed; copy the note into content/"
        if target.is_dir():
            return "link to a folder is not followed; move the notes into content/"
    if is_dir:
        return "is a folder, not a note file; rename it" if path.suffix in (".yaml", ".yml") else None
    if not path.is_file():
        return "not a regular file; notes are plain text files"
    return None


def missing(content_dir: Path, files: list[Path], shown) -> list[Problem]:
    present = {p.name for p in files if p.parent == content_dir}
    out = [Problem(shown(content_dir / n), 1, 1, "", "required note file is missing") for n in SINGLE_FILES if n not in present and n not in OPTIONAL_FILES]
    if not any(p.parent.name == FACTOR_DIR and p.parent.parent == content_dir for p in files):
        out.append(Problem(shown(content_dir / FACTOR_DIR), 1, 1, "", "no factor notes found in this folder"))
    return out


def display(path: Path, root: Path) -> str:
    # Never resolve: a link's target is not shown, only the name in content/.
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _ignored(path: Path, content_dir: Path) -> bool:
    # Editor droppings and dot-files are not notes; README files explain the folder.
    rel = path.relative_to(content_dir)
    return any(part.startswith(".") for part in rel.parts) or path.name.endswith("~") or path.suffix == ".md"


def kind_of(path: Path, content_dir: Path) -> tuple[str | None, str]:
    rel = path.relative_to(content_dir)
    if path.suffix not in (".yaml", ".yml"):
        return None, "not a note file: notes are .yaml files"
    if len(rel.parts) == 1 and rel.name in SINGLE_FILES:
        return SINGLE_FILES[rel.name], ""
    if len(rel.parts) == 2 and rel.parts[0] == FACTOR_DIR:
        return "factor", ""
    if len(rel.parts) == 1:
        return None, (
            "note file in the wrong folder: factor notes go in content/factors/; "
            f"the only files here are {', '.join(SINGLE_FILES)}"
        )
    return None, f"note file in the wrong folder: expected content/{FACTOR_DIR}/<name>.yaml"
