"""Live preview (`mkdocs serve` with generator/adapters/hook.py): a broken note
shows a banner, the last good pages stay, a fix recovers; a bug in the generator
itself shows the banner too instead of stopping the preview."""
import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from site_build import copy_project


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = fetch(url)
        if predicate(html):
            return html
        time.sleep(0.3)
    pytest.fail(f"{url} never reached the expected state; last body starts: {fetch(url)[:300]!r}")


BUG = "(trips the generator)"


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path)
    assert "generator/adapters/hook.py" in (project / "mkdocs.yml").read_text()
    # A bug planted in this copy of the generator: a title ending in BUG makes it raise
    # an exception that is not a problem in the notes (the hook's last resort).
    pipeline = project / "generator" / "pipeline.py"
    checked = "        explainer, problems = check(settings)\n"
    assert checked in pipeline.read_text()
    pipeline.write_text(pipeline.read_text().replace(checked, checked + (
        f"        if any(f.title.endswith({BUG!r}) for f in explainer.factors):\n"
        "            raise KeyError('planted bug')\n")))
    assert subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)]).returncode == 0
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--livereload"],
        cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield project, f"http://127.0.0.1:{port}/factors/atmosphere/"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_broken_note_shows_banner_and_fix_recovers(served):
    project, url = served
    wait_for(lambda html: "Conflicting accounts of the atmosphere" in html, url)
    note = project / "content" / "factors" / "05-atmosphere.yaml"
    good = note.read_text()

    note.write_text(good.replace("order: 5", "order: five"))
    html = wait_for(lambda html: 'class="build-error"' in html, url)
    assert "content/factors/05-atmosphere.yaml:3:8: order: expected a whole number, got text &#x27;five&#x27;" in html
    assert "Conflicting accounts of the atmosphere" in html  # the last good page is still served

    note.write_text(good.replace("Conflicting accounts of the atmosphere", "Conflicting accounts of the mood"))
    html = wait_for(lambda html: "Conflicting accounts of the mood" in html, url)
    assert 'class="build-error"' not in html


def test_a_bug_in_the_generator_shows_the_banner_and_keeps_the_last_good_pages(served):
    project, url = served
    wait_for(lambda html: "Conflicting accounts of the atmosphere" in html, url)
    note = project / "content" / "factors" / "05-atmosphere.yaml"
    good = note.read_text()

    note.write_text(good.replace("title: Conflicting accounts of the atmosphere", f"title: Conflicting accounts of the atmosphere {BUG}"))
    html = wait_for(lambda html: 'class="build-error"' in html, url)
    assert "generator: internal error: KeyError: &#x27;planted bug&#x27; (a bug in the generator)" in html
    assert "Conflicting accounts of the atmosphere" in html and BUG not in html  # the last good page

    note.write_text(good)
    html = wait_for(lambda html: 'class="build-error"' not in html and "Conflicting accounts of the atmosphere" in html, url)
    assert BUG not in html
