"""The Nu Html Checker (npm vnu-jar, on Debian's default-jre-headless) finds no
error on any page of the fixture site or of the real site, 404 included."""
import json
import shutil
import subprocess

from conftest import ROOT

from generator.adapters.valid_html import valid_html

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BROKEN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><input type="checkbox" id="t" autocomplete="off"><label for="t" tabindex="">t</label></body></html>
"""
"""A page with the two mistakes Material makes (generator/adapters/valid_html.py repairs them)."""


def check(files):
    assert shutil.which("java"), "run `make test` (it installs Debian's default-jre-headless)"
    assert VNU.is_file(), "run `make test` (it installs npm's vnu-jar)"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True)
    return json.loads(result.stderr or result.stdout)["messages"]


def errors_besides_the_broken_page(site, tmp_path):
    """Every page of site checked with BROKEN beside it: the checker must find BROKEN's
    two errors (so it really checks) and nothing anywhere else."""
    pages = sorted(site.rglob("*.html"))
    assert site / "404.html" in pages and site / "index.html" in pages
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN)
    messages = check([*pages, broken])
    assert len([m for m in messages if m["url"].endswith("/broken.html")]) == 2
    return [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages if not m["url"].endswith("/broken.html")]


def test_every_page_of_the_fixture_site_is_valid_html(built_site, tmp_path):
    # the fixture notes hold every part of the model: map, accounts, pull quote, voices, since
    assert errors_besides_the_broken_page(built_site, tmp_path) == []


def test_every_page_of_the_real_site_is_valid_html(real_site, tmp_path):
    assert errors_besides_the_broken_page(real_site, tmp_path) == []


def test_the_repair_removes_only_the_invalid_attributes():
    repaired = valid_html(BROKEN + '<input type="text" autocomplete="off"><a tabindex="0">x</a>')
    assert 'type="checkbox" id="t">' in repaired and '<label for="t">' in repaired
    assert '<input type="text" autocomplete="off">' in repaired and 'tabindex="0"' in repaired


def test_the_repair_runs_on_every_page_and_on_the_404(built_site):
    # Material writes autocomplete="off" on its drawer and search toggles on every page
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        assert 'id="__search"' in html, page
        assert valid_html(html) == html, page
