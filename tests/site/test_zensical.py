"""The same notes built by Zensical, Material's successor, which reads mkdocs.yml
but runs no MkDocs hooks: the generator runs first, as `make build-zensical` does."""
import os
import re
import subprocess
import sys

import pytest
from conftest import ROOT
from site_build import copy_project
from test_site import FACTOR_IDS

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    assert ZENSICAL.exists(), "run `make test` (it installs Zensical into .venv-zensical)"
    project = copy_project(tmp_path_factory.mktemp("zensical"))
    assert subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)]).returncode == 0
    result = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=project, capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues found" in result.stdout + result.stderr
    return project / "site"


def test_zensical_builds_every_factor_page(zensical_site):
    for fid in FACTOR_IDS:
        html = (zensical_site / "factors" / fid / "index.html").read_text()
        assert re.search(r"<h1[^>]*>", html) and "Cite this page" in html, fid
    for page in ("reference/timeline", "reference/sources", "reference/glossary", "reference/corrections", "about"):
        assert (zensical_site / page / "index.html").exists(), page


def test_zensical_build_has_the_glossary_terms_and_source_popovers(zensical_site):
    html = (zensical_site / "factors" / "ceasefire-terms" / "index.html").read_text()
    assert '<button type="button" class="term" popovertarget="term-nato">NATO</button>' in html
    # Zensical honours data-search-exclude and drops the attribute from the page
    assert re.search(r'<span popover id="term-nato" class="term-popover"><strong>NATO</strong>: The North Atlantic Treaty Organization', html)
    marker = re.search(r'<button type="button" class="source-marker" popovertarget="([a-z0-9-]+)"', html).group(1)
    popover = html.split(f'<span popover id="{marker}" class="source-popover">')[1].split("</span>")[0]
    assert 'href="../../reference/sources/#' in popover and "web.archive.org/web/" in popover
    index = (zensical_site / "search.json").read_text()
    assert "About this source" not in index and "In the glossary" not in index


def test_zensical_build_keeps_the_json_ld(zensical_site):
    import json

    html = (zensical_site / "factors" / "atmosphere" / "index.html").read_text()
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert ld["@type"] == "Article" and len(ld["citation"]) == 3
