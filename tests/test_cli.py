import subprocess
import sys

import pytest

from conftest import ROOT


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True, cwd=cwd)


def test_check_on_the_real_content_is_clean():
    r = cli("check", "--strict")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("generator: content is valid: 5 factors")


def test_build_prints_a_one_line_summary(project):
    r = cli("build", "--root", str(project))
    assert r.returncode == 0
    assert r.stdout.splitlines() == [r.stdout.strip()]
    assert r.stdout.startswith("generator: 2 factors, 27 files: 27 written, 0 unchanged, 0 removed in ")


def test_content_mistake_never_prints_a_traceback(project):
    (project / "content" / "site.yaml").write_text("title: [unclosed\n")
    r = cli("build", "--root", str(project))
    assert r.returncode == 1
    assert "Traceback" not in r.stderr
    assert r.stderr.splitlines()[-1] == "generator: 1 problem; nothing was written"


def test_debug_shows_the_traceback(project):
    (project / "content" / "site.yaml").write_text("title: [unclosed\n")
    r = cli("check", "--debug", "--root", str(project))
    assert r.returncode == 1 and "Traceback" in r.stderr


def test_usage_error_exits_2():
    assert cli("publish").returncode == 2


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

    monkeypatch.setattr(cli_module, "check", broken)
    assert cli_module.main(["check", "--format", "json", "--root", str(project)]) == 3
    problems = json.loads(capsys.readouterr().out)
    assert problems[0]["file"] == "generator" and "a bug" in problems[0]["message"]


def test_hostile_notes_never_reach_exit_3(project, capsys):
    import scenarios
    from generator.cli import main

    for scenario in scenarios.all_in("invalid"):
        scenarios.apply(scenario, project)
    for command in ("check", "build"):
        assert main([command, "--format", "json", "--root", str(project)]) == 1
        assert capsys.readouterr().out.startswith("[")


def test_serve_shows_the_banner_even_for_a_generator_bug(project, monkeypatch):
    from types import SimpleNamespace

    from generator import mkdocs_hook

    def broken(root):
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
