"""Source markers and glossary terms on the built fixture site: valid phrasing
content, out of the search index, and opened in place by keyboard on a phone."""
import json
import re
import shutil

import pytest
from conftest import FIXTURE, served
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    """The fixture notes built into a strict static site."""
    from site_build import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("fixture-project"))
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURE / "content", project / "content")
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def fixture_url(fixture_site):
    yield from served(fixture_site)


def html(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_markers_sit_inside_paragraphs_with_their_popovers(fixture_site):
    page = html(fixture_site, "factors/first")
    story = page.split('id="background"')[1].split("<h2")[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", story, re.S)
    assert len(paragraphs) == 2
    assert [re.findall(r'popovertarget="(src-claim-[^"]+)" aria-label', p) for p in paragraphs] == [["src-claim-a-fact", "src-claim-an-analysis"], ["src-claim-a-report"]]
    popover = story.split('id="src-claim-a-fact"')[1].split("</span>")[0]
    assert '<a href="https://example.org/one" target="_blank" rel="noopener noreferrer">Original at example.org' in popover
    assert 'href="https://web.archive.org/web/20250815/https://example.org/one"' in popover
    assert '<a href="../../reference/sources/#src-one">About this source</a>' in popover


def test_search_index_leaves_markers_and_popovers_out(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text())
    docs = {d["location"]: d for d in index["docs"]}
    background = docs["factors/first/#background"]["text"]
    # claim labels are left out too; the attribution stays
    assert background == ("<p>A fact about a truce.   An analysis. — Analysts at Outlet Two, August 2025 </p> "
                          "<p> A second paragraph, as reported. — Outlet One, 15 August 2025 </p>")
    everything = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("factors/"))
    for leaked in ("About this source", "First report", "Archived", "Close", "A pause in fighting"):
        assert leaked not in everything


def test_factor_and_home_pages_rank_above_reference_pages(fixture_site):
    index = json.loads((fixture_site / "search" / "search_index.json").read_text())
    boosts = {d["location"].split("#")[0]: d.get("boost") for d in index["docs"]}
    assert boosts["factors/first/"] == 2 and boosts[""] == 2
    assert {boosts[f"reference/{p}/"] for p in ("sources", "glossary", "timeline", "corrections")} == {0.5}


def test_every_page_links_the_feeds_in_its_head(fixture_site):
    for path in ("", "factors/first", "reference/corrections", "about"):
        head = html(fixture_site, path).split("</head>")[0]
        depth = "../" * path.count("/") + ("../" if path else "")
        assert f'<link rel=" alternate" type="application/atom+xml" title="Corrections and updates (Atom)" href="{depth}feeds/corrections.atom">' in head
        assert f'<link rel=" alternate" type="application/feed+json" title="Corrections and updates (JSON Feed)" href="{depth}feeds/corrections.json">' in head
    assert 'href="../../feeds/corrections.atom"' in html(fixture_site, "reference/corrections").split("</head>")[1]


def test_feed_links_are_discovered_and_cost_no_request(page, fixture_url):
    failed = []
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    page.goto(f"{fixture_url}factors/first/")
    feeds = page.eval_on_selector_all("link", "links => links.filter(l => l.relList.contains('alternate')).map(l => [l.type, l.href])")
    assert feeds == [["application/atom+xml", f"{fixture_url}feeds/corrections.atom"],
                     ["application/feed+json", f"{fixture_url}feeds/corrections.json"]]
    page.wait_for_load_state("networkidle")
    assert failed == []


def tab_to(page, selector, limit=80):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"Tab never reached {selector}")


@pytest.mark.parametrize("invoker, popover, link", [
    ('button.source-marker[popovertarget="src-claim-a-fact"]', "#src-claim-a-fact", "Original at example.org"),
    ('button.term[popovertarget="term-truce"]', "#term-truce", "In the glossary"),
])
def test_keyboard_opens_in_place_on_a_phone(browser, fixture_url, invoker, popover, link):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    url = f"{fixture_url}factors/first/"
    page.goto(url)
    tab_to(page, invoker)
    scrolled = page.evaluate("window.scrollY")
    expect(page.locator(popover)).to_be_hidden()

    page.keyboard.press("Enter")
    expect(page.locator(popover)).to_be_visible()
    expect(page.locator(popover).get_by_role("link", name=link)).to_be_visible()
    expect(page.locator(popover)).to_be_in_viewport(ratio=1)
    assert page.url == url
    assert page.evaluate("window.scrollY") == scrolled

    page.keyboard.press("Escape")
    expect(page.locator(popover)).to_be_hidden()
    assert page.url == url
    assert page.evaluate("window.scrollY") == scrolled
    context.close()


def test_a_tap_opens_a_marker_and_the_close_button_closes_it(browser, fixture_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(f"{fixture_url}reference/timeline/")
    page.locator('button.source-marker[popovertarget="src-event-1"]').tap()
    expect(page.locator("#src-event-1").get_by_role("link", name="About this source")).to_be_visible()
    page.locator("#src-event-1").get_by_role("button", name="Close").tap()
    expect(page.locator("#src-event-1")).to_be_hidden()
    context.close()
