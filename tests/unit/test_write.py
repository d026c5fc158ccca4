from conftest import settings, snapshot

from generator.cli import main
from generator.pipeline import build as _build


def build(project, **kw):
    return _build(settings(project, **kw))


def test_second_build_writes_nothing(project):
    first = build(project)
    assert first.report.written and not first.report.unchanged
    again = build(project)
    assert again.report.written == [] and again.report.removed == []
    assert sorted(again.report.unchanged) == sorted(first.report.written)


def test_only_changed_pages_are_rewritten(project):
    build(project)
    note = project / "content" / "factors" / "02-second.yaml"
    note.write_text(note.read_text().replace("It went well.", "It went very well."))
    assert build(project).report.written == ["data/explainer.json", "factors/second.md"]


def test_page_of_a_removed_note_is_removed(project):
    build(project)
    (project / "content" / "factors" / "02-second.yaml").unlink()
    first = project / "content" / "factors" / "01-first.yaml"
    first.write_text(first.read_text().replace("related: [second]", "related: []"))
    result = build(project)
    assert result.report.removed == ["factors/second.md", "share/factors/second.png"]
    assert not (project / "docs" / "factors" / "second.md").exists()


def test_hand_written_pages_are_never_touched(project):
    about = project / "docs" / "about.md"
    about.write_text("# About\n")
    build(project)
    assert about.read_text() == "# About\n"


def test_no_temporary_files_are_left_behind(project):
    build(project)
    assert [p.name for p in (project / "docs").rglob("*.tmp")] == []


def test_hand_edited_generated_page_is_reported_not_overwritten(project, capsys):
    build(project)
    page = project / "docs" / "factors" / "first.md"
    page.write_text(page.read_text() + "\nA local edit.\n")
    before = snapshot(project / "docs")
    assert main(["build", "--root", str(project)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "docs/factors/first.md:1:1: generated file was edited by hand since the last build; "
        "put the change in the note under content/ (or build with --force to discard it)"
    )
    assert snapshot(project / "docs") == before
    assert main(["build", "--force", "--root", str(project)]) == 0
    assert "A local edit." not in page.read_text()


def test_two_builds_from_scratch_are_byte_identical(project, tmp_path):
    build(project)
    first = snapshot(project / "docs")
    import shutil

    shutil.rmtree(project / "docs")
    (project / "docs").mkdir()
    build(project)
    assert snapshot(project / "docs") == first


def test_nothing_to_do_skips_the_pipeline(project, monkeypatch):
    import generator.pipeline as pipeline

    first = build(project)

    def fail(*args, **kwargs):
        raise AssertionError("the pipeline ran although nothing changed")

    monkeypatch.setattr(pipeline, "render", fail)
    result = build(project)
    assert result.report.written == [] and result.report.unchanged == sorted(first.report.written) and result.factors == 2


def test_a_changed_note_or_template_runs_the_pipeline_again(project, monkeypatch):
    build(project)
    note = project / "content" / "factors" / "02-second.yaml"
    note.write_text(note.read_text() + "\n")
    assert build(project).report.unchanged  # ran: nothing to write but it checked
    calls = []
    import generator.pipeline as pipeline

    real = pipeline.render
    monkeypatch.setattr(pipeline, "render", lambda *a, **k: calls.append(1) or real(*a, **k))
    note.write_text(note.read_text() + "\n")
    build(project)
    assert calls == [1]


def test_no_op_build_still_reports_warnings_and_honours_strict(project, capsys):
    sources = project / "content" / "sources.yaml"
    sources.write_text(sources.read_text() + "  - id: src-four\n    outlet: Four\n    title: Fourth\n")
    assert main(["build", "--root", str(project)]) == 0
    capsys.readouterr()
    assert main(["build", "--root", str(project)]) == 0
    assert "source 'src-four' is never cited (warning)" in capsys.readouterr().err
    assert main(["build", "--strict", "--root", str(project)]) == 1


def test_hand_edit_is_caught_even_when_the_notes_did_not_change(project):
    import pytest

    from generator.problems import ContentError

    build(project)
    page = project / "docs" / "index.md"
    page.write_text(page.read_text() + "edit\n")
    with pytest.raises(ContentError):
        build(project)


def _tamper(project, **files):
    import json

    path = project / "docs" / "_generated" / "manifest.json"
    manifest = json.loads(path.read_text())
    manifest["files"].update(files)
    manifest["inputs"] = "changed"
    path.write_text(json.dumps(manifest))


def test_a_tampered_manifest_cannot_delete_or_write_outside_the_generated_roots(project):
    build(project)
    (project / "mkdocs.yml").write_text("site_name: x\n")
    (project / "docs" / "about.md").write_text("# About\n")
    _tamper(project, **{"../mkdocs.yml": "0" * 64, "about.md": "0" * 64, "/etc/passwd": "0" * 64, "factors/../../x": "0"})
    build(project)
    assert (project / "mkdocs.yml").read_text() == "site_name: x\n"
    assert (project / "docs" / "about.md").read_text() == "# About\n"


def test_a_link_in_the_generated_roots_is_not_written_through(project, tmp_path_factory):
    from generator.problems import ContentError

    outside = tmp_path_factory.mktemp("outside")
    (project / "docs").mkdir(exist_ok=True)
    (project / "docs" / "factors").symlink_to(outside)
    try:
        build(project)
        raise AssertionError("the build wrote through a link")
    except ContentError as e:
        assert "is not inside the generated folders of docs/" in str(e.problems[0])
    assert list(outside.iterdir()) == []


def test_a_build_killed_after_some_pages_does_not_make_the_next_one_refuse(project):
    import json

    from generator import write as w

    build(project)
    note = project / "content" / "factors" / "02-second.yaml"
    note.write_text(note.read_text().replace("title: The second factor", "title: The second factor, renamed"))
    calls = []
    real = w._write_if_changed

    def die_after_first_page(path, data):
        if calls and "manifest" not in path.name:
            raise KeyboardInterrupt  # stands for SIGKILL: nothing after this line runs
        calls.append(path)
        return real(path, data)

    w._write_if_changed = die_after_first_page
    try:
        build(project)
    except KeyboardInterrupt:
        pass
    finally:
        w._write_if_changed = real
    assert json.loads((project / "docs" / "_generated" / "manifest.json").read_text())["pending"]
    result = build(project)  # an ordinary build, no --force
    assert "renamed" in (project / "docs" / "factors" / "second.md").read_text()
    assert result.report.written


def test_stray_temporary_files_are_removed(project):
    build(project)
    stray = project / "docs" / "factors" / ".first.md.abc123.tmp"
    stray.write_text("half a page")
    build(project)  # even a build with nothing else to do
    assert not stray.exists()


def test_builds_hold_a_lock(project):
    import fcntl

    from generator.write import LOCK, locked

    with locked(project / "docs"):
        with open(project / "docs" / LOCK, "a+b") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                raise AssertionError("a second build could take the lock")
            except BlockingIOError:
                pass
