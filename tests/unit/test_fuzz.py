"""Property tests: whatever a maintainer types into a note, the generator answers
with located problems (exit 1) or a build (exit 0) — never a traceback, and a
failed build never changes docs/."""
import contextlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, snapshot
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

TARGETS = ["site.yaml", "sources.yaml", "glossary.yaml", "timeline.yaml", "factors/01-first.yaml"]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "120"))
"""`make test-unit` runs fewer examples, to stay quick; `make test` runs them all."""
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


class Project:
    """One fixture project, reset between examples (hypothesis reuses the test)."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="fuzz-"))
        shutil.copytree(FIXTURE / "content", self.root / "content")
        assert self.run("build")[0] == 0
        self.notes = {t: (self.root / "content" / t).read_bytes() for t in TARGETS}

    def reset(self):
        for t, data in self.notes.items():
            (self.root / "content" / t).write_bytes(data)

    def run(self, *args):
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*args, "--root", str(self.root)])
        return code, out.getvalue() + err.getvalue()


_project = None


@pytest.fixture(scope="module", autouse=True)
def _remove_project_afterwards():
    """The fuzz project lives outside pytest's tmp_path (hypothesis reuses it): remove it here."""
    yield
    global _project
    if _project is not None:
        shutil.rmtree(_project.root, ignore_errors=True)
        _project = None


def project():
    global _project
    if _project is None:
        _project = Project()
    _project.reset()
    return _project


def assert_handled(p, target, data: bytes):
    before = snapshot(p.root / "docs")
    (p.root / "content" / target).write_bytes(data)
    code, output = p.run("build")
    assert code in (0, 1), output
    assert "Traceback" not in output
    if code == 1:
        assert snapshot(p.root / "docs") == before
        for line in output.split("\n")[:-2]:
            file, line_no, col, _ = line.split(":", 3)
            assert file.startswith("content/") and int(line_no) >= 1 and int(col) >= 1, line
    return code


@SETTINGS
@given(target=st.sampled_from(TARGETS), text=st.text(max_size=400))
def test_arbitrary_text(target, text):
    assert_handled(project(), target, text.encode("utf-8", "surrogatepass"))


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=st.binary(max_size=300))
def test_arbitrary_bytes(target, data):
    assert_handled(project(), target, data)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@SETTINGS
@given(target=st.sampled_from(TARGETS), value=yaml_values)
def test_arbitrary_yaml_structures(target, value):
    assert_handled(project(), target, yaml.safe_dump(value, allow_unicode=True).encode("utf-8"))


@SETTINGS
@given(target=st.sampled_from(TARGETS), data=st.data())
def test_edits_to_a_valid_note(target, data):
    p = project()
    lines = p.notes[target].decode().splitlines(keepends=True)
    i = data.draw(st.integers(0, len(lines) - 1))
    edit = data.draw(st.sampled_from(["delete", "duplicate", "replace", "indent"]))
    if edit == "delete":
        del lines[i]
    elif edit == "duplicate":
        lines.insert(i, lines[i])
    elif edit == "replace":
        lines[i] = data.draw(st.text(max_size=40)) + "\n"
    else:
        lines[i] = data.draw(st.sampled_from([" ", "  ", "\t"])) + lines[i]
    assert_handled(p, target, "".join(lines).encode("utf-8", "surrogatepass"))


HOSTILE = ["[x](", "javascript:", "&#106;", "&colon;", "&Tab;", ")", "{: onclick=alert(1)}", "<b", "<img src=x>", "![a](",
           "--8<--", "*[x]:", "[^1]", "\n# ", "\n- ", "\n    ", "**", "`", "https://example.org/", "factors/second.md", "#", " "]


@SETTINGS
@given(parts=st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=12))
def test_hostile_prose_is_refused_or_inert(parts):
    """Pieces of every attack of issue 9, glued together in a claim: refused, or built without any of them."""
    p = project()
    lines = p.notes["factors/01-first.yaml"].decode().splitlines(keepends=True)
    lines[19] = "            text: " + json.dumps("A " + "".join(parts), ensure_ascii=False) + "\n"
    if assert_handled(p, "factors/01-first.yaml", "".join(lines).encode()) == 0:
        page = (p.root / "docs" / "factors" / "first.md").read_text(encoding="utf-8")
        for bad in ("](javascript", "](&#", "{: onclick", "<img", "![", "--8<--", "*[x]:", "[^1]"):
            assert bad not in page
