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
