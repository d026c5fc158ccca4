"""Work kept between processes beside Python's own bytecode (render/__pycache__/).

A folder per kind of work, named by a hash of what the work depends on; when
that changes, the new folder replaces the old ones, so the cache never grows.
A read-only install gets None and simply does the work every time."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).parent / "__pycache__"


def folder(kind: str, *inputs: bytes) -> Path | None:
    """The folder for `kind` keyed by `inputs`, made if missing; other keys of `kind` are removed."""
    key = hashlib.sha256(b"\0".join(inputs)).hexdigest()[:16]
    here = ROOT / kind / key
    try:
        here.mkdir(parents=True, exist_ok=True)
        for old in (ROOT / kind).iterdir():
            if old != here:
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        return None
    return here
