"""Claims as a page shows them: short attribution and label beside the text, a source
button whose popover holds the rest, one speaker's run shown once, page order."""
import re

import pytest
from conftest import FIXTURE, explainer, rendered

from generator.model import Claim
from generator.render.claims import Citer


@pytest.fixture(scope="module")
def pages():
    return rendered(repo_url="https://github.com/example/explainer")


def headings(text):
    return re.findall(r"^#{1,2} (.+?)(?: \{ #[^}]+ \})?$", text, re.M)


def test_factor_page_order(pages):
    first = pages["factors/first.md"]
    assert headings(first) == ["The first factor", "In short", "Background", "Fact checks", "Related factors"]
    top = first.split("## In short")[0]
    assert top.index('{: .standfirst }') < top.index("By the fixture desk") < top.index("Published <time") < top.index("Corrected on") < top.index("min read")
    # the map and the pull quote follow the section that holds their claims
    assert first.index("## Background") < first.index('<figure class="pull-quote"') < first.index('<figure class="map-figure"') < first.index("## Fact checks")
    second = pages["factors/second.md"]
    # The claims the accounts name are told once, in the accounts
    assert headings(second) == ["The second factor", "In short", "Two views", "The accounts side by side"]
    for cid in ("went-well", "did-not"):
        assert second.count(f'popovertarget="src--{cid}"') == 2  # the marker and its Close button


def test_facts_are_plain_and_other_kinds_carry_their_speaker_and_a_label_that_opens_its_meaning(pages):
    first = pages["factors/first.md"]
    fact = first.split("A fact about a")[1].split("\n")[0]
    assert "claim-by" not in fact.split("src-marker")[0] and "claim-kind" not in fact.split("src-marker")[0]
    assert ('<span class="claim-by" data-search-exclude>— Analysts at Outlet Two</span> <button type="button" class="claim-kind claim-kind--analysis" '
            'popovertarget="kind--analysis" data-search-exclude>analysis</button>') in first
    # the label's meaning, once on the page, from the site note
    assert first.count('<p popover="auto" id="kind--analysis" class="kind-popover" markdown="span">') == 1
    assert "Analysis meaning." in first.split('id="kind--analysis"')[1].split("</p>")[0]
    # the full attribution is in the popover
    assert '<b class="src-popover__who"><b class="claim-kind claim-kind--analysis">Analysis</b> Analysts at Outlet Two, August 2025</b>' in first


def test_a_translated_quote_says_so_and_its_popover_gives_the_original(pages):
    second = pages["factors/second.md"]
    assert '<span class="claim-by" data-search-exclude>— Carol, our translation</span>' in second
    assert 'Our translation from Ukrainian. The words as the source prints them: <q lang="uk">Нас там не було.</q>' in second


def test_one_speaker_s_run_shows_the_speaker_once_after_the_last_claim():
    x = explainer()
    run = Citer(x, "index.md").run([
        Claim("a", "One.", "statement", ("src-one",), "Alice, then"),
        Claim("b", "Two.", "statement", ("src-one",), "Alice, later"),
        Claim("c", "Three.", "statement", ("src-one",), "Bob, then"),
        Claim("d", "Four.", "fact", ("src-one",)),
    ])
    assert [v.show_by for v in run] == [False, True, True, True]
    assert [v.claim.by for v in run] == ["Alice", "Alice", "Bob", None]


def test_our_own_reading_says_so_in_its_label_and_a_name_the_source_button_shows_is_not_repeated():
    x = explainer()
    cite = Citer(x, "index.md")
    ours = cite.claim(Claim("a", "On our reading, a.", "analysis", ("src-one",), "This explainer, reading the reporting"))
    assert (ours.by_shown, ours.short_label) == (None, "our analysis")
    outlet = cite.claim(Claim("b", "Outlet One reported b.", "reported", ("src-one",), "Outlet One, 15 August 2025"))
    assert (outlet.by_shown, outlet.short_label) == (None, "reported")
    other = cite.claim(Claim("c", "Alice said c.", "statement", ("src-one",), "Alice, later"))
    assert (other.by_shown, other.short_label) == ("Alice", "statement")
    page = rendered()["since.md"]
    assert 'data-search-exclude>our analysis</button>' in page and "— This explainer" not in page


def test_every_marker_has_its_popover_and_every_id_is_outside_the_slug_namespace(pages):
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        targets = set(re.findall(r'popovertarget="([^"]+)"', text))
        ids = re.findall(r' id="([^"]+)"', text)
        assert targets <= set(ids), path
        assert len(ids) == len(set(ids)), path
        # a heading's slug never holds "--": the ids the generator makes always do
        made = re.findall(r'popover id="([^"]+)"', text) + re.findall(r'<(?:title|desc) id="([^"]+)"', text)
        assert all("--" in i for i in made), path


def test_summary_and_key_points_cite_the_sources_of_the_claims_they_rest_on(pages):
    first = pages["factors/first.md"]
    point_two = first.split("- Point two.")[1].split("\n")[0]
    assert re.findall(r'<b class="src-entry__outlet">([^<]+)</b>', point_two) == ["Outlet One", "Outlet Two"]


def test_the_home_page_answers_first_then_the_reasons_the_meeting_voices_since_and_cards(pages):
    home = pages["index.md"]
    order = ["{: .standfirst }", "By the fixture desk", "## The 2 reasons", "## The meeting at a glance", "Not there",
             '<figure class="map-figure map-figure--compact"', "## In their own words", "## What has happened since", "## The factors, one by one"]
    assert [home.index(marker) for marker in order] == sorted(home.index(marker) for marker in order)
    assert "1. [The first factor](factors/first.md): The first factor, in a line." in home


def test_timeline_events_have_markers_not_footnotes(pages):
    timeline = pages["reference/timeline.md"]
    assert timeline.count('class="src-marker"') == 2 and "[^" not in timeline


def test_no_page_uses_internal_words_or_footnotes(pages):
    for path, text in pages.items():
        if path.endswith(".md") and not path.startswith("_generated"):
            words = re.sub(r"<[^>]+>|\([^)]*\)", " ", text)
            assert not re.search(r"\b(brief|fixture notes?|the notes?)\b", words, re.I) or "fixture" in text, path
            assert "[^" not in text, path


def test_every_link_to_another_site_is_a_source_s_own_address():
    # Only the addresses the sources list (and the correction form) leave the site: no archive links.
    pages = rendered(repo_url="https://github.com/example/explainer")
    urls = {s.url for s in explainer().sources if s.url}
    for path, text in pages.items():
        if path.endswith(".md"):
            for url in re.findall(r'(?:href="|\]\()(https?://[^")\s]+)', text):
                assert url in urls or url.startswith("https://github.com/example/explainer/issues/new"), (path, url)


def test_the_correction_form_is_prefilled_with_the_page_and_the_sentence(pages):
    first = pages["factors/first.md"]
    report = re.search(r'<a class="src-popover__report" href="([^"]+)"', first.split("A fact about a")[1]).group(1)
    assert report.startswith("https://github.com/example/explainer/issues/new?template=correction.yml&#38;page=%2Ffactors%2Ffirst%2F&#38;claim=A%20fact%20about%20a%20truce.")
    assert '<p class="report-mistake" data-search-exclude><a href="https://github.com/example/explainer/issues/new?template=correction.yml&#38;page=%2Ffactors%2Ffirst%2F"' in first


def test_without_a_repository_the_publisher_s_contact_is_the_route_and_without_either_there_is_none():
    import dataclasses

    from conftest import settings

    from generator.render import render

    pages = rendered()
    first = pages["factors/first.md"]
    assert '<p class="report-mistake" data-search-exclude><a href="https://example.org/issues"' in first
    assert "src-popover__report" not in first  # a contact cannot be given the sentence
    x = explainer()
    x = dataclasses.replace(x, site=dataclasses.replace(x.site, publisher=dataclasses.replace(x.site.publisher, contact=None)))
    first = render(x, settings(FIXTURE))["factors/first.md"]
    assert "report-mistake" not in first and "src-popover__report" not in first
