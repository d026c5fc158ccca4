"""Settings: built once at the entry points (cli, the MkDocs hook), passed down.

The environment is read here and nowhere else. Addresses are checked before
anything is built: a wrong SITE_URL or REPO_URL stops the run (exit 2) instead
of reaching pages and feeds.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


class UsageError(Exception):
    """A setting the run cannot start with (exit 2)."""


@dataclass(frozen=True)
class Settings:
    root: Path
    """The project folder: content/ is read from it, docs/ written in it."""

    site_url: str = ""
    """The public address (SITE_URL), ending in '/'; '' when unknown, and then no page states one."""

    repo_url: str = ""
    """The repository (REPO_URL, or the GitHub `origin` remote), for correction reports; '' when none."""

    strict: bool = False
    """Warnings stop the run, as errors do (`check --strict`, the publishing check)."""

    force: bool = False
    """Generated files edited by hand are overwritten instead of reported."""

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def report_url(self) -> str:
        """Where 'Report a mistake' leads: the correction form of the repository's issue tracker."""
        return f"{self.repo_url}/issues/new?template=correction.yml" if self.repo_url else ""


def from_environment(root: Path, environ=os.environ, strict: bool = False, force: bool = False) -> Settings:
    """Settings for a run in root, from SITE_URL and REPO_URL (or the origin remote)."""
    site_url = _http_url("SITE_URL", environ.get("SITE_URL", ""))
    repo_url = _http_url("REPO_URL", environ.get("REPO_URL", "")).rstrip("/") or github_origin(root)
    return Settings(Path(root), site_url + ("/" if site_url and not site_url.endswith("/") else ""), repo_url, strict, force)


_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*)?$")


def _http_url(name: str, value: str) -> str:
    value = value.strip()
    if value and (not _URL.match(value) or "'" in value or '"' in value):
        raise UsageError(f"{name} must be an http(s) address such as https://example.org/alaska/, got {value[:80]!r}")
    return value


_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:|ssh://git@github\.com/)([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")


def github_origin(root: Path) -> str:
    """https://github.com/<owner>/<repo> when the `origin` remote is a GitHub address, else ''."""
    if not (Path(root) / ".git").exists():  # not a clone: no remote to ask git about
        return ""
    try:
        out = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return ""
    match = _GITHUB.match(out.stdout.strip()) if out.returncode == 0 else None
    return f"https://github.com/{match.group(1)}/{match.group(2)}" if match else ""
