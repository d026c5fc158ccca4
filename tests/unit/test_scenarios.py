"""Every scenario in tests/scenarios: the exact lines `check` prints and its exit code,
and for a failing one, that `build` leaves docs/ exactly as it was."""
import pytest
import scenarios
from conftest import snapshot

from generator.cli import main


def run(capsys, *args):
    code = main(list(args))
    err = capsys.readouterr().err
    return code, [line for line in err.splitlines() if not line.startswith("generator:")]


@pytest.mark.parametrize("scenario", scenarios.all_in("invalid"), ids=lambda s: s.name)
def test_invalid_note_gives_located_messages(scenario, project, capsys):
    assert scenario.expect, "an invalid scenario must state its expected messages"
    scenarios.apply(scenario, project)
    code, lines = run(capsys, "check", "--root", str(project))
    assert (code, lines) == (scenario.exit, scenario.expect)


@pytest.mark.parametrize("name", ["unknown-source", "html-event-handler", "explicit-int-tag", "yaml-syntax-error", "claim-in-two-accounts"])
def test_build_refuses_with_the_same_lines_and_leaves_the_last_good_pages_exactly_as_they_were(name, built_project, capsys):
    # build runs the same checks as check (pipeline.build calls pipeline.check): a sample shows it
    scenario = scenarios.named("invalid", name)
    before = snapshot(built_project / "docs")
    scenarios.apply(scenario, built_project)
    assert run(capsys, "build", "--root", str(built_project)) == (1, scenario.expect)
    assert snapshot(built_project / "docs") == before


@pytest.mark.parametrize("scenario", scenarios.all_in("valid"), ids=lambda s: s.name)
def test_valid_note_passes_and_builds(scenario, project, capsys):
    scenarios.apply(scenario, project)
    # build --strict runs every check (with warnings as errors), then renders and writes
    assert run(capsys, "build", "--strict", "--root", str(project)) == (0, [])
    assert (project / "docs" / "index.md").is_file()


def test_warnings_fail_only_under_strict(project, capsys):
    scenario = scenarios.named("invalid", "source-never-cited")
    scenarios.apply(scenario, project)
    assert run(capsys, "check", "--root", str(project))[0] == 0
    assert run(capsys, "check", "--strict", "--root", str(project)) == (1, scenario.expect)


def test_every_problem_in_every_file_is_reported_in_one_run(project, capsys):
    for name in ("unknown-source", "impossible-date", "url-not-http"):
        scenarios.apply(scenarios.named("invalid", name), project)
    code, lines = run(capsys, "check", "--root", str(project))
    assert code == 1
    assert [line.split(":")[0] for line in lines] == [
        "content/factors/01-first.yaml", "content/sources.yaml", "content/timeline.yaml"
    ]


def test_file_that_is_not_utf8(project, capsys):
    (project / "content" / "glossary.yaml").write_bytes(b"terms:\n  - id: caf\xe9\n")
    assert run(capsys, "check", "--root", str(project)) == (
        1, ["content/glossary.yaml:2:12: file is not UTF-8 (byte 0xe9); save it as UTF-8"]
    )


def test_file_over_the_size_cap(project, capsys):
    (project / "content" / "timeline.yaml").write_text("# padding\n" * 110000)
    assert run(capsys, "check", "--root", str(project)) == (
        1, ["content/timeline.yaml:1:1: file is 1,100,000 bytes; the limit for this note is 262,144"]
    )


def test_empty_content_folder(tmp_path, capsys):
    (tmp_path / "content").mkdir()
    assert run(capsys, "check", "--root", str(tmp_path)) == (
        1, ["content:1:1: content folder is empty: no note files found"]
    )


def test_missing_note_file(project, capsys):
    (project / "content" / "timeline.yaml").unlink()
    assert run(capsys, "check", "--root", str(project)) == (
        1, ["content/timeline.yaml:1:1: required note file is missing"]
    )


def test_json_format_carries_the_same_fields(project, capsys):
    import json

    scenario = scenarios.named("invalid", "unknown-source")
    scenarios.apply(scenario, project)
    assert main(["check", "--format", "json", "--root", str(project)]) == 1
    problems = json.loads(capsys.readouterr().out)
    file, line, col, rest = scenario.expect[0].split(":", 3)
    field, message = rest.strip().split(": ", 1)
    assert problems == [{"file": file, "line": int(line), "col": int(col), "field": field, "message": message, "level": "error"}]
