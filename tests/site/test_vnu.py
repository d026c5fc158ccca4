"""The Nu Html Checker (npm vnu-jar, on Debian's default-jre-headless) finds no
error on any page of the built site, 404 included."""
import json
import shutil
import subprocess

from conftest import ROOT
from generator.mkdocs_valid_html import valid_html

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
BROKEN = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><input type="checkbox" id="t" autocomplete="off"><label for="t" tabindex="">t</label></body></html>
"""


def check(files):
    assert shutil.which("java"), "run `make test` (it installs Debian's default-jre-headless)"
    assert VNU.is_file(), "run `make test` (it installs npm's vnu-jar)"
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                            capture_output=True, text=True)
    return json.loads(result.stderr or result.stdout)["messages"]


def test_every_page_of_the_built_site_is_valid_html(built_site, tmp_path):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 11 and built_site / "404.html" in pages
    # A page with the two mistakes Material makes shows that the checker really
    # checks: it must report them, and nothing anywhere else.
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN)
    messages = check([*pages, broken])
    elsewhere = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in messages if not m["url"].endswith("/broken.html")]
    assert elsewhere == []
    assert len([m for m in messages if m["url"].endswith("/broken.html")]) == 2


def test_the_repair_removes_only_the_invalid_attributes():
    repaired = valid_html(BROKEN + '<input type="text" autocomplete="off"><a tabindex="0">x</a>')
    assert 'type="checkbox" id="t">' in repaired and '<label for="t">' in repaired
    assert '<input type="text" autocomplete="off">' in repaired and 'tabindex="0"' in repaired
