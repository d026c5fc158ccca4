"""The fixture notes, built strictly into a static site: pages, terms, claims, search index, determinism."""
import json
import re

import pytest
from conftest import explainer

X = explainer()
FACTOR_IDS = [f.id for f in X.factors]


def page(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8") if path else (site / "index.html").read_text(encoding="utf-8")


def all_pages(site):
    return sorted(site.rglob("*.html"))


def test_every_page_exists_with_one_h1(built_site):
    for path in [f"factors/{fid}" for fid in FACTOR_IDS] + ["since", "reference/timeline", "reference/sources", "reference/glossary",
                                                             "reference/corrections", "reference/follow", "about", ""]:
        assert page(built_site, path).count("<h1") == 1, path


def test_search_index_holds_every_page_and_leaves_dates_corrections_and_markers_out(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    locations = {doc["location"] for doc in index["docs"]}
    assert {f"factors/{fid}/" for fid in FACTOR_IDS} | {"since/", ""} <= locations
    text = " ".join(doc["text"] for doc in index["docs"] if not doc["location"].startswith("about/"))
    for kept_out in ("min read", "Published", "Corrections and updates to this page", "Report a mistake", "Outlet One +1", "In the glossary", "Statement meaning"):
        assert kept_out not in text, kept_out
    # the snippet of a factor page is its summary
    first = next(doc for doc in index["docs"] if doc["location"] == f"factors/{FACTOR_IDS[0]}/")
    assert first["text"].startswith("<p>The first factor in one sentence.")


def test_every_page_has_its_own_description_of_at_most_160_characters(built_site):
    descriptions = {}
    for html in built_site.rglob("index.html"):
        found = re.findall(r'<meta name="description" content="([^"]+)"', html.read_text())
        assert len(found) == 1, html
        assert len(found[0]) <= 160, html
        descriptions[html] = found[0]
    assert len(set(descriptions.values())) == len(descriptions)


def test_home_answers_first_and_links_every_factor(built_site):
    home = page(built_site, "")
    for fid in FACTOR_IDS:
        assert f'href="factors/{fid}/"' in home
    assert home.index('class="standfirst"') < home.index('id="the-five-reasons"') < home.index("The meeting at a glance") < home.index("In their own words")
    assert re.search(r"<dt>Not there</dt>\s*<dd>Side C</dd>", home)


def test_glossary_terms_open_in_place_once_and_never_in_headings_or_links(built_site):
    html = page(built_site, f"factors/{FACTOR_IDS[0]}")
    assert '<button type="button" class="term" popovertarget="term--truce">truce</button>' in html
    assert re.search(r'<small popover="auto" id="term--truce" class="term-popover" data-search-exclude><b>Truce</b>: A pause in fighting\. '
                     r'<a href="../../reference/glossary/#truce">In the glossary</a>', html)
    for path in all_pages(built_site):
        text = path.read_text(encoding="utf-8")
        terms = re.findall(r'<button type="button" class="term" popovertarget="(term--[a-z0-9-]+)">', text)
        assert len(terms) == len(set(terms)), path
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", text, re.S):
            assert 'class="term"' not in heading, path
        for link in re.findall(r"<a [^>]*>.*?</a>", text, re.S):
            assert 'class="term"' not in link, path


def test_every_claim_of_the_story_ends_with_its_marker_and_every_non_fact_carries_its_label(built_site):
    for f in X.factors:
        html = page(built_site, f"factors/{f.id}")
        for claim in f.claims.values():
            at = html.index(f'class="src-marker" popovertarget="src--{claim.id}"')
            own = html[:at].rsplit("</small>", 1)[-1]
            assert (f'class="claim-kind claim-kind--{claim.kind}"' in own) == (claim.kind != "fact"), claim.id


def test_a_source_popover_leads_to_the_original_and_the_sources_page(built_site):
    html = page(built_site, f"factors/{FACTOR_IDS[0]}")
    entry = html.split('popover="auto" id="src--a-fact"')[1].split("</small>")[0]
    assert '<a href="https://example.org/one" target="_blank" rel="noopener noreferrer">First report</a>' in entry
    assert '<a class="src-entry__more" href="../../reference/sources/#src-one">Details' in entry


def test_sources_page_lists_the_pages_citing_each_source_and_groups_by_letter(built_site):
    html = page(built_site, "reference/sources")
    entry = html.split('id="src-three"')[1].split("</li>")[0]
    assert f'href="../../factors/{FACTOR_IDS[1]}/"' in entry and 'href="../../since/"' in entry and "in Ukrainian" in entry
    assert re.findall(r'<h2 id="letter--([a-z]+)"', html) == ["o"]
    assert '<a href="#letter--o">O</a>' in html


def test_no_google_fonts_or_other_hosts_in_pages(built_site):
    for path in all_pages(built_site):
        text = path.read_text()
        assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text, path


def test_the_dates_line_is_one_paragraph_with_the_byline_first(built_site):
    html = page(built_site, f"factors/{FACTOR_IDS[0]}")
    line = html.split('<p class="page-dates" data-search-exclude="">', 1)[1].split("</p>", 1)[0]
    assert line.startswith("By the fixture desk · Published <time") and "min read" in line and "Corrected on" in line
    assert html.index('<p class="kicker">Factor 1 of 2</p>') < html.index("<h1")


@pytest.mark.parametrize("heading", ["Alice's account", "Bob's account"])
def test_heading_ids_are_the_slugs_the_checks_expect(built_site, heading):
    from markdown.extensions.toc import slugify

    assert f'id="{slugify(heading, "-")}"' in page(built_site, f"factors/{FACTOR_IDS[1]}")


def test_two_builds_are_byte_identical(tmp_path):
    import shutil

    from conftest import FIXTURE, snapshot
    from site_build import build_site, copy_project

    builds = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name, with_content=False)
        shutil.copytree(FIXTURE / "content", project / "content")
        result = build_site(project, env={"SOURCE_DATE_EPOCH": "1755216000"})
        assert result.returncode == 0, result.stderr
        builds.append((snapshot(project / "docs"), snapshot(project / "site")))
    assert builds[0][0] == builds[1][0]
    assert builds[0][1].keys() == builds[1][1].keys()
    assert [k for k in builds[0][1] if builds[0][1][k] != builds[1][1][k]] == []
