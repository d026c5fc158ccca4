import subprocess
import sys

import pytest
from conftest import ROOT


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


def test_build_prints_a_one_line_summary(project):
    r = cli("build", "--root", str(project))
    assert r.returncode == 0
    assert r.stdout.splitlines() == [r.stdout.strip()]
    written = sum(1 for p in (project / "docs").rglob("*") if p.is_file() and p.name not in ("manifest.json", ".lock"))
    assert r.stdout.startswith(f"generator: 2 factors, {written} files: {written} written, 0 unchanged, 0 removed in ")


def test_content_mistake_never_prints_a_traceback(project):
    (project / "content" / "site.yaml").write_text("title: [unclosed\n")
    r = cli("build", "--root", str(project))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1] == "generator: 1 problem; nothing was written"


@pytest.mark.slow  # two generator processes
def test_a_note_whose_file_name_is_not_utf8_builds_as_it_checks(project):
    import os

    note = (project / "content" / "factors" / "02-second.yaml").read_text(encoding="utf-8")
    with open(os.path.join(os.fsencode(project / "content" / "factors"), b"03-\xff.yaml"), "w", encoding="utf-8") as fh:
        fh.write(note.replace("id: second\n", "id: third\n").replace("order: 2\n", "order: 3\n"))
    assert cli("check", "--root", str(project)).returncode == 0
    r = cli("build", "--root", str(project))
    assert r.returncode == 0, r.stderr
    assert (project / "docs" / "factors" / "third.md").is_file()


# The tests above run `python -m generator` as a shell would; these call main().
def test_debug_shows_the_traceback(project, capsys):
    from generator.cli import main

    (project / "content" / "site.yaml").write_text("title: [unclosed\n")
    assert main(["check", "--debug", "--root", str(project)]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_usage_error_exits_2(capsys):
    from generator.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["publish"])
    assert stopped.value.code == 2 and "invalid choice: 'publish'" in capsys.readouterr().err


@pytest.mark.slow
def test_output_is_the_same_whatever_the_hash_seed(project, tmp_path):
    import os
    import shutil

    from conftest import snapshot

    other = tmp_path / "other"
    shutil.copytree(project, other)
    for root, seed in ((project, "1"), (other, "4242")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        r = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(root)], capture_output=True, text=True, cwd=ROOT, env=env)
        assert r.returncode == 0, r.stderr
    assert snapshot(project / "docs") == snapshot(other / "docs")


def test_json_stays_json_even_on_a_generator_bug(project, monkeypatch, capsys):
    import json

    import generator.cli as cli_module

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli_module.pipeline, "check", broken)
    assert cli_module.main(["check", "--format", "json", "--root", str(project)]) == 3
    problems = json.loads(capsys.readouterr().out)
    assert problems[0]["file"] == "generator" and "a bug" in problems[0]["message"]


@pytest.mark.slow  # every invalid scenario once more, in JSON
def test_hostile_notes_never_reach_exit_3_and_json_stays_json(tmp_path, capsys):
    import json
    import shutil

    import scenarios
    from conftest import FIXTURE

    from generator.cli import main

    for scenario in scenarios.all_in("invalid"):
        project = tmp_path / scenario.name
        shutil.copytree(FIXTURE / "content", project / "content")
        scenarios.apply(scenario, project)
        assert main(["check", "--format", "json", "--root", str(project)]) == scenario.exit, scenario.name
        problems = json.loads(capsys.readouterr().out)
        assert len(problems) == len(scenario.expect), scenario.name


def test_serve_shows_the_banner_even_for_a_generator_bug(project, monkeypatch):
    from types import SimpleNamespace

    from generator.adapters import hook as mkdocs_hook

    def broken(settings):
        raise RuntimeError("a bug")

    monkeypatch.setattr(mkdocs_hook, "build", broken)
    mkdocs_hook.on_startup("serve", dirty=False)
    mkdocs_hook.on_pre_build(SimpleNamespace(config_file_path=str(project / "mkdocs.yml")))
    page = mkdocs_hook.on_post_page("<html><body><p>x</p></body></html>", None, None)
    assert 'class="build-error"' in page and "a bug" in page
    mkdocs_hook._state.update(command="build", problems=[])


@pytest.mark.parametrize("title, name", [("Ωμέγα", "03-omega.yaml"), ("Россия и НАТО", "03-rossiya-i-nato.yaml"), ("中文标题", "03-factor-3.yaml")])
def test_new_factor_in_other_scripts(project, capsys, title, name):
    from generator.cli import main

    assert main(["new", "factor", title, "--root", str(project)]) == 0
    assert (project / "content" / "factors" / name).is_file()


@pytest.mark.parametrize("name, value", [
    ("SITE_URL", "javascript:alert(1)"), ("SITE_URL", "example.org"), ("SITE_URL", 'https://x.org/"onload="y'),
    ("REPO_URL", "javascript:alert(1)"), ("REPO_URL", "ftp://example.org/repo"),
])
def test_a_wrong_address_stops_the_run_with_exit_2_and_a_message(project, name, value, monkeypatch, capsys):
    from generator.cli import main

    monkeypatch.setenv(name, value)
    assert main(["build", "--root", str(project)]) == 2
    assert capsys.readouterr().err.startswith(f"generator: {name} must be an http(s) address such as https://example.org/alaska/, got ")
    assert not (project / "docs" / "index.md").exists()


@pytest.mark.parametrize("remote, repo", [
    ("https://github.com/owner/name.git", "https://github.com/owner/name"),
    ("git@github.com:owner/name.git", "https://github.com/owner/name"),
    ("https://gitlab.com/owner/name.git", ""),
    ("/some/local/path", ""),
])
def test_the_repository_is_the_origin_remote_when_that_is_on_github(tmp_path, remote, repo):
    from generator.settings import from_environment

    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "remote", "add", "origin", remote], check=True)
    settings = from_environment(tmp_path, environ={})
    assert settings.repo_url == repo
    assert settings.report_url == (f"{repo}/issues/new?template=correction.yml" if repo else "")
    assert from_environment(tmp_path, environ={"REPO_URL": "https://example.org/r/"}).repo_url == "https://example.org/r"


def test_the_publishing_check_says_what_to_set_when_readers_cannot_report_a_mistake(project, monkeypatch, capsys):
    from generator.cli import main

    site = project / "content" / "site.yaml"
    site.write_text(site.read_text().replace("  contact: https://example.org/issues\n", ""))
    monkeypatch.delenv("REPO_URL", raising=False)
    assert main(["check", "--strict", "--root", str(project)]) == 1
    assert "publisher: readers have no way to report a mistake: set REPO_URL" in capsys.readouterr().err
    monkeypatch.setenv("REPO_URL", "https://github.com/owner/name")
    assert main(["check", "--strict", "--root", str(project)]) == 0
