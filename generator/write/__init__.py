"""Stage 4, write: put rendered pages into docs/ without ever leaving it half-built.

Everything is checked before the first byte is written: a generated file that
someone edited by hand, or a hand-written file in the way, stops the build with
a problem instead of being overwritten. Each write is atomic (temp file, then
rename) and happens only when the bytes change, so a watching `mkdocs serve`
does not rebuild for nothing.

A build may be killed at any moment, and two may run at once:
- builds take a lock (docs/_generated/.lock) and run one after the other;
- before the first page is written, the manifest records both the old and the
  new bytes of every page in transit, so after a kill the next build knows
  either version as its own and carries on; stray temporary files are removed;
- the generator writes and deletes only inside layout.GENERATED_ROOTS, whatever
  a (possibly tampered) manifest says, and never through a link out of docs/.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..layout import GENERATED_ROOTS, SNIPPETS, is_generated
from ..problems import Problem

MANIFEST = f"{SNIPPETS}/manifest.json"
"""Which files under docs/ the generator owns, with the hash it last wrote."""
LOCK = f"{SNIPPETS}/.lock"


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


@contextmanager
def locked(docs_dir: Path):
    """One build at a time in this docs/: the others wait (the lock dies with its process)."""
    (docs_dir / SNIPPETS).mkdir(parents=True, exist_ok=True)
    with open(docs_dir / LOCK, "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _manifest(docs_dir: Path) -> dict:
    try:
        manifest = json.loads((docs_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"files": {}, "pending": {}}
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        return {"files": {}, "pending": {}}
    # Entries outside the generated roots are never trusted: no write or delete reaches them.
    files = {k: v for k, v in manifest["files"].items() if is_generated(k) and isinstance(v, str)}
    pending = manifest.get("pending") if isinstance(manifest.get("pending"), dict) else {}
    pending = {k: [h for h in v if isinstance(h, str)] for k, v in pending.items() if is_generated(k) and isinstance(v, list)}
    return {**manifest, "files": files, "pending": pending}


def _known(manifest: dict, rel: str) -> set[str]:
    """Every version of rel this generator wrote: the recorded one, and any in transit."""
    return {h for h in [manifest["files"].get(rel), *manifest["pending"].get(rel, [])] if h}


def up_to_date(docs_dir: Path, inputs: str) -> tuple[WriteReport, dict] | None:
    """The last build's report and summary if the inputs and every output are unchanged.

    That makes a rebuild with nothing to do (the common case under `mkdocs
    serve`, and every no-op `make build`) cost a hash of the inputs and outputs.
    """
    manifest = _manifest(docs_dir)
    if manifest.get("inputs") != inputs or manifest["pending"] or not inputs:
        return None
    for rel, sha in manifest["files"].items():
        try:
            if digest(_inside(docs_dir, rel).read_bytes()) != sha:
                return None
        except (OSError, ValueError):
            return None
    return WriteReport(unchanged=sorted(manifest["files"])), manifest.get("summary", {})


def previous(docs_dir: Path):
    """A function giving what the last build wrote at a path, if it is still there
    untouched, else None: render may reuse it instead of making it again."""
    recorded = _manifest(docs_dir)["files"]

    def read(rel: str) -> bytes | None:
        if rel not in recorded:
            return None
        try:
            data = _inside(docs_dir, rel).read_bytes()
        except (OSError, ValueError):
            return None
        return data if digest(data) == recorded[rel] else None

    return read


def conflicts(pages: dict[str, str | bytes], docs_dir: Path, force: bool = False) -> list[Problem]:
    """Files the build would overwrite or remove that it did not write itself."""
    manifest = _manifest(docs_dir)
    out = []
    for rel in sorted(set(pages) | set(manifest["files"]) | set(manifest["pending"])):
        shown = f"{docs_dir.name}/{rel}"
        try:
            path = _inside(docs_dir, rel)
        except ValueError as e:
            out.append(Problem(shown, 1, 1, "", str(e)))
            continue
        if force or not path.is_file():
            continue
        current = digest(path.read_bytes())
        if current in _known(manifest, rel):
            continue
        if rel in manifest["files"]:
            out.append(Problem(shown, 1, 1, "", "generated file was edited by hand since the last build; put the change in the note under content/ (or build with --force to discard it)"))
        elif rel in pages and current != digest(as_bytes(pages[rel])):
            out.append(Problem(shown, 1, 1, "", "file is in the way of a generated page and was not written by the generator; move or delete it (or build with --force)"))
    return out


def write(pages: dict[str, str | bytes], docs_dir: Path, inputs: str = "", summary: dict | None = None) -> WriteReport:
    """Write pages (call under locked()); remove the generated files whose note is gone."""
    report = WriteReport()
    old = _manifest(docs_dir)
    new = {rel: digest(as_bytes(pages[rel])) for rel in sorted(pages) if is_generated(rel)}
    gone = sorted((set(old["files"]) | set(old["pending"])) - set(new))
    pending = {rel: sorted(_known(old, rel) | ({new[rel]} if rel in new else set())) for rel in sorted(set(new) | set(gone))}
    _save(docs_dir, {"inputs": "", "summary": {}, "files": old["files"], "pending": pending})
    remove_strays(docs_dir)
    for rel in new:
        changed = _write_if_changed(_inside(docs_dir, rel), as_bytes(pages[rel]))
        (report.written if changed else report.unchanged).append(rel)
    for rel in gone:
        path = _inside(docs_dir, rel)
        if path.is_file():
            path.unlink()
            report.removed.append(rel)
            _prune_empty_dirs(path.parent, docs_dir)
    _save(docs_dir, {"inputs": inputs, "summary": summary or {}, "files": new, "pending": {}})
    return report


def _save(docs_dir: Path, manifest: dict) -> None:
    _write_if_changed(docs_dir / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode())


def _inside(docs_dir: Path, rel: str) -> Path:
    """docs_dir/rel, refused unless it is a generated path that stays in docs/ once links are followed."""
    path, top = docs_dir / rel, docs_dir.resolve()
    parent = path.parent.resolve()
    if not is_generated(rel) or (parent != top and top not in parent.parents):
        raise ValueError(f"'{rel}' is not inside the generated folders of docs/; the generator does not touch it")
    if path.is_symlink():
        raise ValueError("is a link; the generator writes only regular files in docs/")
    return path


def remove_strays(docs_dir: Path) -> list[str]:
    """Temporary files left by a build that was killed while writing."""
    out = []
    for root in GENERATED_ROOTS:
        folder = docs_dir / root
        for tmp in sorted(folder.rglob(".*.tmp")) if folder.is_dir() and not folder.is_symlink() else []:
            tmp.unlink(missing_ok=True)
            out.append(tmp.relative_to(docs_dir).as_posix())
    return out


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
