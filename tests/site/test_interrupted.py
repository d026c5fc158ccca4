"""Builds killed at any moment (SIGKILL) and builds run at the same time, on a
synthetic site of a few hundred factors: the next ordinary build always succeeds."""
import json
import signal
import subprocess
import sys
import time

import pytest
import yaml
from conftest import ROOT
from PIL import Image
from synth import make_project

from generator.layout import factor_path
from generator.render.share import card_key, image_path

FACTORS = 300
SEVENTH = "factor-7"


def generator(project, *args, **kw):
    return subprocess.Popen([sys.executable, "-m", "generator", "build", "--root", str(project), *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def finish(proc):
    out, err = proc.communicate()
    return proc.returncode, out + err


def edit_every_factor(project, mark: str):
    for note in sorted((project / "content" / "factors").glob("*.yaml")):
        lines = note.read_text(encoding="utf-8").splitlines(keepends=True)
        lines = [f"title: Factor {note.stem.split('-')[0]} {mark}\n" if ln.startswith("title:") else ln for ln in lines]
        note.write_text("".join(lines), encoding="utf-8")


def pending(project) -> bool:
    try:
        return bool(json.loads((project / "docs" / "_generated" / "manifest.json").read_text())["pending"])
    except (OSError, ValueError, KeyError):
        return False


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("interrupted") / "site", FACTORS)
    assert finish(generator(project))[0] == 0
    return project


def kill_while_writing(project):
    proc = generator(project)
    while proc.poll() is None and not pending(project):
        time.sleep(0.002)
    assert pending(project), "the build ended before it began to write"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def kill_after(project, seconds):
    proc = generator(project)
    time.sleep(seconds)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the build ended before it was killed"


def card_is_for(project, factor_id: str, title: str) -> bool:
    """The factor's share card was drawn for this title (cards carry the key of what they show)."""
    site = yaml.safe_load((project / "content" / "site.yaml").read_text(encoding="utf-8"))
    n = int(factor_id.rsplit("-", 1)[1])
    key = card_key(site["publisher"]["name"], title, f"Factor {n} of {FACTORS}")
    return Image.open(project / "docs" / image_path(factor_path(factor_id))).text.get("explainer-card") == key


@pytest.mark.parametrize("when", ["while-writing", 0.5, 1.5, 3.0])
def test_a_killed_build_never_makes_the_next_one_refuse(project, when):
    edit_every_factor(project, f"edited {when}")
    kill_while_writing(project) if when == "while-writing" else kill_after(project, when)
    code, output = finish(generator(project))
    assert code == 0, output
    assert "edited by hand" not in output
    assert f"edited {when}" in (project / "docs" / factor_path(SEVENTH)).read_text(encoding="utf-8")
    assert card_is_for(project, SEVENTH, f"Factor {7:04d} edited {when}")
    assert not pending(project)
    assert sorted((project / "docs").rglob("*.tmp")) == []
    # what the build left is complete: the next one finds nothing to write
    code, output = finish(generator(project))
    assert code == 0 and " 0 written" in output, output


def test_two_builds_at_once_both_succeed(project):
    edit_every_factor(project, "concurrent")
    first, second = generator(project), generator(project)
    results = [finish(first), finish(second)]
    assert [code for code, _ in results] == [0, 0], results
    assert not any("edited by hand" in out for _, out in results)
    code, output = finish(generator(project))
    assert code == 0 and " 0 written" in output, output
