"""Claims rendered in the running text: labels, attributions, markers, page order."""
import re

from conftest import FIXTURE
from generator.build import check
from generator.claims import archive_url
from generator.render import render


def pages():
    return render(check(FIXTURE)[0])


def headings(text):
    return re.findall(r"^#{1,2} (.+)$", text, re.M)


def test_factor_page_order():
    first = pages()["factors/first.md"]
    assert headings(first) == ["The first factor", "In short", "Background", "Fact checks", "Corrections and updates", "Related factors"]
    top = first.split("## In short")[0]
    assert top.index("Factor 1 of 2") < top.index("Published <time") < top.index("Last updated <time") < top.index("1 min read")
    second = pages()["factors/second.md"]
    # The claims the accounts name are told once, in the accounts, where their section was
    assert headings(second) == ["The second factor", "In short", "The accounts side by side"]
    for cid in ("went-well", "did-not"):
        assert second.count(f'popovertarget="src-claim-{cid}"') == 2  # the marker and its Close button


def test_facts_are_plain_sentences_and_other_kinds_carry_label_and_attribution():
    story = pages()["factors/first.md"].split("## Background\n\n")[1].split("\n\n## ")[0]
    first, second = story.split("\n\n")
    assert first.startswith("A fact about a <button")
    assert ('<span class="claim-label claim-label--analysis" data-search-exclude>Analysis</span> An analysis. '
            '<span class="claim-by">— Analysts at Outlet Two, August 2025</span> <button type="button" class="source-marker" '
            'popovertarget="src-claim-an-analysis" aria-label="Sources: Outlet One; Outlet Two" data-search-exclude>sources</button>') in first
    assert second.startswith('<span class="claim-label claim-label--reported" data-search-exclude>Reported</span> A second paragraph, as reported.')
    assert "Analysts at Outlet Two" not in story.split("An analysis.")[0]


def test_every_claim_ends_with_a_marker_and_every_marker_has_its_popover():
    for path, text in pages().items():
        if not path.endswith(".md"):
            continue
        targets = re.findall(r'class="source-marker" popovertarget="([^"]+)"', text)
        popovers = re.findall(r'<span popover id="([^"]+)" class="source-popover"', text)
        assert targets == popovers, path
        assert len(set(popovers)) == len(popovers), path
    first = pages()["factors/first.md"]
    assert re.findall(r'popovertarget="(src-[a-z0-9-]+)" aria-label', first) == [
        "src-summary", "src-point-1", "src-point-2", "src-point-3", "src-claim-a-fact", "src-claim-an-analysis", "src-claim-a-report", "src-check-1"]


def test_summary_and_key_points_cite_the_sources_of_the_claims_they_rest_on():
    first = pages()["factors/first.md"]
    # point 3 rests on a-fact (src-one) and an-analysis (src-one, src-two): each source once
    point = first.split('id="src-point-3"')[1].split("</span>")[0]
    assert re.findall(r'<data class="source-entry" value="([^"]+)">', point) == ["src-one", "src-two"]


def test_accounts_are_built_from_claims():
    second = pages()["factors/second.md"]
    accounts = second.split("## The accounts side by side")[1]
    assert "It went well." in accounts and 'popovertarget="src-claim-went-well"' in accounts
    assert '<span class="claim-label claim-label--reported" data-search-exclude>Reported</span> It did not' in accounts


def test_home_short_answer_is_claims_with_labels_and_markers():
    home = pages()["index.md"]
    answer = home.split("**The short answer.** ")[1].split("\n")[0]
    assert answer.startswith('<span class="claim-label claim-label--analysis" data-search-exclude>Analysis</span> The two sides wanted different things.')
    assert re.findall(r'popovertarget="(src-[a-z0-9-]+)" aria-label', answer) == ["src-claim-wanted-different", "src-claim-neither-moved"]
    assert 'description: "The two sides wanted different things. Neither moved."' in home
    assert "Last updated <time datetime=\"2026-11-27\">27 November 2026</time> · 1 min read in all" in home


def test_timeline_events_have_markers_not_footnotes():
    timeline = pages()["reference/timeline.md"]
    assert "[^" not in timeline
    assert re.findall(r'popovertarget="(src-event-\d+)" aria-label', timeline) == ["src-event-1", "src-event-2"]


def test_no_page_uses_reader_unfriendly_words_or_footnotes():
    for path, text in pages().items():
        if path.endswith(".md"):
            assert not re.search(r"\b(brief|notes?)\b", text, re.I), path
            assert "[^" not in text and "The claims and their sources" not in text, path


def test_archived_copies_use_the_source_date_as_far_as_it_is_known():
    url = "https://example.org/a"
    assert archive_url({"url": url, "date": "2025-08-15"}) == "https://web.archive.org/web/20250815/https://example.org/a"
    assert archive_url({"url": url, "date": "2025-08"}) == "https://web.archive.org/web/202508/https://example.org/a"
    assert archive_url({"url": url, "date": "2025"}) == "https://web.archive.org/web/2025/https://example.org/a"
    assert archive_url({"url": url}) == "https://web.archive.org/web/https://example.org/a"
    sources = pages()["reference/sources.md"]
    assert '<a href="https://web.archive.org/web/20250815/https://example.org/one" target="_blank" rel="noopener noreferrer">' in sources
    # a source without a URL has no archived copies to link
    assert sources.split("{ #src-two }")[1].count("web.archive.org") == 0


def test_factor_and_home_pages_are_boosted_in_search_and_reference_pages_lowered():
    rendered = pages()
    for path in ("index.md", "factors/first.md"):
        assert 'search: {"boost": 2}' in rendered[path]
    for path in ("reference/sources.md", "reference/glossary.md", "reference/timeline.md", "reference/corrections.md"):
        assert 'search: {"boost": 0.5}' in rendered[path]


def test_nav_carries_the_publisher_for_theme_templates():
    import yaml

    nav = yaml.safe_load(pages()["_generated/nav.yml"])
    assert nav["extra"]["publisher"] == {"name": "The fixture project", "contact": "https://example.org/issues"}
    assert set(nav["extra"]) == {"publisher", "share_images"}
