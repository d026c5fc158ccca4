import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures"


@pytest.fixture
def project(tmp_path):
    """A throwaway project folder holding a copy of the small fixture notes."""
    shutil.copytree(FIXTURE / "content", tmp_path / "content")
    (tmp_path / "docs").mkdir()
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes, to prove nothing changed."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real notes built into a strict static site, once per test session."""
    from site_build import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("project"))
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def site_url(built_site):
    from site_build import Server

    with Server(built_site) as server:
        yield server.url
