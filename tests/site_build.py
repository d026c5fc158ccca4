"""Build the real site into a temporary copy of the project, as `make build` does."""
from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from functools import partial
from pathlib import Path

from conftest import ROOT

PROJECT_PARTS = ("content", "docs", "generator", "overrides", "mkdocs.yml")


GENERATED = {"_generated", "index.md", "factors", "reference"}


def _skip(folder, names):
    # Leave out what the generator writes into docs/, so the copy starts clean.
    generated = GENERATED if Path(folder) == ROOT / "docs" else set()
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


class Server:
    """Serve a folder on 127.0.0.1 on a free port, in a thread."""

    def __init__(self, folder: Path):
        handler = partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
