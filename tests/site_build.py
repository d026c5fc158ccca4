"""Build the real site into a temporary copy of the project, as `make build` does."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from generator.layout import GENERATED_ROOTS

PROJECT_PARTS = ("content", "docs", "generator", "overrides", "mkdocs.yml")


def _skip(folder, names):
    # Leave out what the generator writes into docs/, so the copy starts clean.
    generated = set(GENERATED_ROOTS) if Path(folder) == ROOT / "docs" else set()
    return [n for n in names if n in generated or n == "__pycache__"]


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=_skip)
        else:
            shutil.copy2(src, dest / part)
    return dest


def build_site(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    gen = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)], capture_output=True, text=True, env=env, cwd=ROOT)
    if gen.returncode:
        return gen
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, env=env, cwd=project)
