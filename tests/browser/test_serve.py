"""Live preview: a broken note shows a banner, the last good pages stay, a fix recovers."""
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


@pytest.fixture
def served(tmp_path):
    project = copy_project(tmp_path)
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
