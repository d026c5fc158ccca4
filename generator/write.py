"""Stage 4: put rendered pages into docs/ without ever leaving it half-built.

Everything is checked before the first byte is written: a generated file that
someone edited by hand, or a hand-written file in the way, stops the build with
a problem instead of being overwritten. Each write is atomic (temp file, then
rename) and happens only when the bytes change, so a watching `mkdocs serve`
does not rebuild for nothing.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem

MANIFEST = "_generated/manifest.json"
"""Which files under docs/ the generator owns, with the hash it last wrote."""


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def as_bytes(page: str | bytes) -> bytes:
    """Pages are text, except images (share cards), which render() gives as bytes."""
    return page if isinstance(page, bytes) else page.encode("utf-8")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _manifest(docs_dir: Path) -> dict:
    try:
        manifest = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
        return manifest if isinstance(manifest, dict) and isinstance(manifest.get("files"), dict) else {}
    except (OSError, ValueError):
        return {}


def read_manifest(docs_dir: Path) -> dict[str, str]:
    return _manifest(docs_dir).get("files", {})


def up_to_date(docs_dir: Path, inputs: str) -> tuple[WriteReport, dict] | None:
    """The last build's report and summary if the inputs and every output are unchanged.

    That makes a rebuild with nothing to do (the common case under `mkdocs
    serve`, and every no-op `make build`) cost a hash of the inputs and outputs.
    """
    manifest = _manifest(docs_dir)
    if manifest.get("inputs") != inputs:
        return None
    for rel, sha in manifest["files"].items():
        try:
            if digest((docs_dir / rel).read_bytes()) != sha:
                return None
        except OSError:
            return None
    return WriteReport(unchanged=sorted(manifest["files"])), manifest.get("summary", {})


def conflicts(pages: dict[str, str | bytes], docs_dir: Path, force: bool = False) -> list[Problem]:
    """Files the build would overwrite or remove that it did not write itself."""
    if force:
        return []
    owned = read_manifest(docs_dir)
    out = []
    for rel in sorted(set(pages) | set(owned)):
        path = docs_dir / rel
        if not path.is_file():
            continue
        shown = f"{docs_dir.name}/{rel}"
        current = digest(path.read_bytes())
        if rel not in owned:
            if current != digest(as_bytes(pages[rel])):
                out.append(Problem(shown, 1, 1, "", "file is in the way of a generated page and was not written by the generator; move or delete it (or build with --force)"))
        elif current != owned[rel]:
            out.append(Problem(shown, 1, 1, "", "generated file was edited by hand since the last build; put the change in the note under content/ (or build with --force to discard it)"))
    return out


def write(pages: dict[str, str | bytes], docs_dir: Path, inputs: str = "", summary: dict | None = None) -> WriteReport:
    report = WriteReport()
    owned = read_manifest(docs_dir)
    for rel in sorted(pages):
        data = as_bytes(pages[rel])
        if _write_if_changed(docs_dir / rel, data):
            report.written.append(rel)
        else:
            report.unchanged.append(rel)
    for rel in sorted(set(owned) - set(pages)):
        path = docs_dir / rel
        if path.is_file():
            path.unlink()
            report.removed.append(rel)
            _prune_empty_dirs(path.parent, docs_dir)
    manifest = {
        "inputs": inputs,
        "summary": summary or {},
        "files": {rel: digest(as_bytes(pages[rel])) for rel in sorted(pages)},
    }
    _write_if_changed(docs_dir / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())
    return report


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
