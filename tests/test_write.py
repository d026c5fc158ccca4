from conftest import snapshot
from generator.build import build
from generator.cli import main


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
    assert result.report.removed == ["factors/second.md"]
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
