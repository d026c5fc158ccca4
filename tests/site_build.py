"""Build the real site into a temporary copy of the project, as `make build` does."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from synth import copy_project  # noqa: F401  (one copy of the project for tests and benchmark)


def build_site(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    gen = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)], capture_output=True, text=True, env=env, cwd=ROOT)
    if gen.returncode:
        return gen
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
                          capture_output=True, text=True, env=env, cwd=project)
