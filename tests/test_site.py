"""The real content, built strictly into a static site."""
import json
import re

import yaml

from conftest import ROOT

FACTOR_IDS = [yaml.safe_load(p.read_text())["id"] for p in sorted((ROOT / "content" / "factors").glob("*.yaml"))]


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8") if path else (site / "index.html").read_text(encoding="utf-8")


def test_every_page_exists(built_site):
    assert len(FACTOR_IDS) == 5
    for path in [f"factors/{fid}" for fid in FACTOR_IDS] + ["reference/timeline", "reference/sources", "reference/glossary", "about", ""]:
        assert "<h1" in page(built_site, path), path


def test_search_index_holds_every_factor_page(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    for fid in FACTOR_IDS:
        assert f"factors/{fid}/" in locations


def test_every_page_has_its_own_meta_description(built_site):
    descriptions = {}
    for html in built_site.rglob("index.html"):
        found = re.findall(r'<meta name="description" content="([^"]+)"', html.read_text())
        assert len(found) == 1, html
        descriptions[html] = found[0]
    assert len(set(descriptions.values())) == len(descriptions)


def test_home_has_a_card_per_factor_and_the_meeting_at_a_glance(built_site):
    home = page(built_site, "")
    for fid in FACTOR_IDS:
        assert f'href="factors/{fid}/"' in home
    assert "The meeting at a glance" in home and "15 August 2025" in home


def test_glossary_terms_show_as_tooltips_on_factor_pages(built_site):
    terms = page(built_site, "factors/ceasefire-terms")
    assert re.search(r'<abbr title="The North Atlantic Treaty Organization[^"]*">NATO</abbr>', terms)
    assert re.search(r'<abbr title="[^"]*">sanctions</abbr>', terms)


def test_claims_carry_labels_and_footnotes_to_the_sources_page(built_site):
    html = page(built_site, "factors/putins-approach")
    assert 'class="claim-label claim-label--analysis">Analysis</span>' in html
    assert 'href="../../reference/sources/#odessa-journal-deepstate-2025-09"' in html
    assert "Fact check" in html and "22%" in html


def test_sources_page_lists_the_pages_citing_each_source(built_site):
    html = page(built_site, "reference/sources")
    entry = html.split('id="hindustan-times-2025-08-16"')[1].split("<h2")[0]
    assert 'href="../../factors/atmosphere/"' in entry


def test_no_google_fonts_or_other_hosts_in_pages(built_site):
    for html in built_site.rglob("*.html"):
        text = html.read_text()
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, html


def test_two_builds_are_byte_identical(tmp_path):
    from conftest import snapshot
    from site_build import build_site, copy_project

    builds = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name)
        result = build_site(project, env={"SOURCE_DATE_EPOCH": "1755216000"})
        assert result.returncode == 0, result.stderr
        builds.append((snapshot(project / "docs"), snapshot(project / "site")))
    assert builds[0][0] == builds[1][0]
    assert builds[0][1].keys() == builds[1][1].keys()
    assert [k for k in builds[0][1] if builds[0][1][k] != builds[1][1][k]] == []


def test_factor_pages_define_their_terms_for_keyboard_and_screen_readers(built_site):
    html = page(built_site, "factors/ceasefire-terms")
    section = html.split('id="terms-on-this-page"')[1].split("</dl>")[0]
    assert re.search(r'<a href="../../reference/glossary/#nato">“<abbr title="[^"]+">NATO</abbr>” in the glossary</a>', section)
    assert "The North Atlantic Treaty Organization" in section
