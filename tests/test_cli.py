import subprocess
import sys

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
    assert r.stdout.startswith("generator: 2 factors, 18 files: 18 written, 0 unchanged, 0 removed in ")


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
