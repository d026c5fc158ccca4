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


def test_glossary_terms_open_in_place_on_factor_pages(built_site):
    html = page(built_site, "factors/ceasefire-terms")
    assert '<button type="button" class="term" popovertarget="term-nato">NATO</button>' in html
    assert re.search(r'<span popover id="term-nato" class="term-popover" data-search-exclude><strong>NATO</strong>: '
                     r'The North Atlantic Treaty Organization[^<]*<a href="../../reference/glossary/#nato">In the glossary</a>', html)
    assert 'popovertarget="term-sanctions">sanctions</button>' in html


def test_terms_are_marked_once_and_never_in_headings_or_links(built_site):
    for html in built_site.rglob("index.html"):
        text = html.read_text(encoding="utf-8")
        terms = re.findall(r'<button type="button" class="term" popovertarget="(term-[a-z0-9-]+)">', text)
        assert len(terms) == len(set(terms)), html
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", text, re.S):
            assert 'class="term"' not in heading, html
        for link in re.findall(r"<a [^>]*>.*?</a>", text, re.S):
            assert 'class="term"' not in link, html


def test_claims_carry_labels_and_markers_that_open_their_sources(built_site):
    html = page(built_site, "factors/putins-approach")
    assert 'class="claim-label claim-label--analysis" data-search-exclude>Analysis</span>' in html
    assert '<a href="../../reference/sources/#odessa-journal-deepstate-2025-09">About this source</a>' in html
    assert "Fact check" in html and "22%" in html
    assert "The claims and their sources" not in html and 'class="footnote' not in html


def test_every_story_paragraph_carries_markers_and_every_non_fact_claim_a_label(built_site):
    from generator.claims import story_claims

    for fid in FACTOR_IDS:
        note = yaml.safe_load(next((ROOT / "content" / "factors").glob(f"*-{fid}.yaml")).read_text())
        html = page(built_site, f"factors/{fid}")
        for _, claim in story_claims(note):
            at = html.index(f'class="source-marker" popovertarget="src-claim-{claim["id"]}"')
            # the claim's own text: from the end of the previous popover to its marker
            own = html[:at].rsplit('class="source-popover"', 1)[-1].split("</span>", 1)[-1]
            labelled = f'<span class="claim-label claim-label--{claim["kind"]}"' in own
            assert labelled == (claim["kind"] != "fact"), claim["id"]


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


def test_the_dates_line_is_one_styled_paragraph_not_a_styled_link(built_site):
    html = page(built_site, "factors/ceasefire-terms")
    line = html.split('<p class="page-dates">', 1)[1].split("</p>", 1)[0]
    assert line.startswith("Published <time") and "min read" in line
    assert '<a class="page-dates"' not in html
