"""Feeds of corrections and updates, read back with a real feed parser; the log they come from."""
import dataclasses
import json

import feedparser
from conftest import FIXTURE, explainer, settings

from generator.model import Correction
from generator.render import render, site_updated
from generator.render.feeds import ATOM, JSON_FEED, XSL, feeds
from generator.render.reference import log


def feeds_of(x=None, site_url=""):
    x = x or explainer()
    out = feeds(x, log(x), site_url)
    return out[ATOM], out[JSON_FEED]


def test_atom_feed_without_site_url_has_relative_links_tag_ids_and_a_stylesheet():
    atom, _ = feeds_of()
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Fixture explainer: corrections and updates"
    assert parsed.feed.updated == "2026-11-27T00:00:00Z"
    assert [(e.title, e.updated, e.link, e.summary) for e in parsed.entries] == [
        ("Correction to “The first factor”: Fixed the share of territory.", "2026-11-27T00:00:00Z", "../factors/first/", "Fixed the share of territory."),
        ("Update to “The first factor”: Added a claim.", "2026-11-26T00:00:00Z", "../factors/first/", "Added a claim."),
    ]
    assert [e.id for e in parsed.entries] == [
        "tag:fixture-explainer,2026-11-27:factors/first/correction-1",
        "tag:fixture-explainer,2026-11-26:factors/first/update-1",
    ]
    assert '<?xml-stylesheet type="text/xsl" href="feed.xsl"?>' in atom.splitlines()[1]
    assert "127.0.0.1" not in atom and "localhost" not in atom


def test_feeds_with_site_url_use_absolute_links_and_say_where_they_live():
    atom, js = feeds_of(site_url="https://example.org/alaska/")
    parsed = feedparser.parse(atom)
    assert not parsed.bozo
    assert parsed.entries[0].link == "https://example.org/alaska/factors/first/"
    assert parsed.entries[0].id == "tag:example.org,2026-11-27:factors/first/correction-1"
    assert {link.rel: link.href for link in parsed.feed.links} == {
        "self": "https://example.org/alaska/feeds/corrections.atom",
        "alternate": "https://example.org/alaska/reference/corrections/",
    }
    data = json.loads(js)
    assert data["feed_url"] == "https://example.org/alaska/feeds/corrections.json"
    assert data["home_page_url"] == "https://example.org/alaska/"
    assert data["items"][0]["url"] == "https://example.org/alaska/factors/first/"


def test_json_feed_follows_version_1_1():
    _, js = feeds_of()
    data = json.loads(js)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["authors"] == [{"name": "The fixture project"}]
    assert "feed_url" not in data and "home_page_url" not in data
    assert [(i["date_published"], i["url"], i["content_text"]) for i in data["items"]] == [
        ("2026-11-27T00:00:00Z", "../factors/first/", "Fixed the share of territory."),
        ("2026-11-26T00:00:00Z", "../factors/first/", "Added a claim."),
    ]
    # feedparser 6.0 reads Atom and RSS only; JSON Feed 1.1 requires these of every item
    assert all(set(i) >= {"id", "content_text"} and i["id"].startswith("tag:") for i in data["items"])


def without_corrections(x):
    factors = tuple(dataclasses.replace(f, corrections=()) for f in x.factors)
    return dataclasses.replace(x, factors=factors)


def test_with_an_empty_log_the_feeds_are_dated_by_the_publication_and_empty():
    x = without_corrections(explainer())
    assert log(x) == [] and site_updated(x) == x.site.published == "2025-09-01"
    atom, js = feeds_of(x)
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated == "2025-09-01T00:00:00Z"
    assert json.loads(js)["items"] == []
    pages = render(x, settings(FIXTURE))
    assert "No corrections or updates have been made since the explainer was published on" in pages["reference/corrections.md"]
    assert "Corrected on" not in pages["factors/first.md"] and '<details class="corrections"' not in pages["factors/first.md"]


def test_feeds_are_deterministic():
    assert feeds_of() == feeds_of()


def test_appending_a_correction_on_a_day_keeps_the_ids_of_that_day_s_others():
    x = explainer()
    first = dataclasses.replace(x.factors[0], corrections=(Correction("2026-11-27", "update", "Added a map."), *x.factors[0].corrections[:1]))
    before = {e["id"] for e in json.loads(feeds_of(dataclasses.replace(x, factors=(first, *x.factors[1:])))[1])["items"]}
    more = dataclasses.replace(first, corrections=(*first.corrections, Correction("2026-11-27", "update", "Added a second map.")))
    after = {e["id"] for e in json.loads(feeds_of(dataclasses.replace(x, factors=(more, *x.factors[1:])))[1])["items"]}
    assert before < after and len(after) == len(before) + 1


def test_home_since_and_timeline_corrections_join_the_log_the_pages_the_feeds_and_the_last_updated_date():
    x = explainer()
    x = dataclasses.replace(
        x, site=dataclasses.replace(x.site, corrections=(Correction("2026-11-30", "correction", "Fixed the standfirst."),)),
        since=dataclasses.replace(x.since, corrections=(Correction("2026-12-02", "update", "Added a later meeting."),)),
        timeline=dataclasses.replace(x.timeline, corrections=(Correction("2026-12-01", "correction", "Fixed a date."),)))
    assert [(e["date"], e["page"]) for e in log(x)][:4] == [
        ("2026-12-02", "since.md"), ("2026-12-01", "reference/timeline.md"), ("2026-11-30", "index.md"), ("2026-11-27", "factors/first.md")]
    assert site_updated(x) == "2026-12-02"
    titles = [e.title for e in feedparser.parse(feeds_of(x)[0]).entries]
    assert titles[:3] == ["Update to “What has happened since”: Added a later meeting.", "Correction to “Timeline”: Fixed a date.",
                          "Correction to “Home: the standfirst and the meeting at a glance”: Fixed the standfirst."]
    pages = render(x, settings(FIXTURE))
    assert "[Timeline](timeline.md): Fixed a date." in pages["reference/corrections.md"]
    assert "- **1 December 2026, correction:** Fixed a date." in pages["reference/timeline.md"]
    assert "- **30 November 2026, correction:** Fixed the standfirst." in pages["index.md"]
    assert "Updated <time datetime=\"2026-12-02\">" in pages["index.md"]
    assert "[Corrected on <time datetime=\"2026-12-02\">2 December 2026</time>](#corrections)" in pages["since.md"]
    assert json.loads(pages["data/explainer.json"])["timeline"]["corrections"] == [{"date": "2026-12-01", "kind": "correction", "change": "Fixed a date."}]


def test_the_atom_stylesheet_is_published_beside_the_feeds():
    pages = render(explainer(), settings(FIXTURE))
    assert pages[XSL].startswith('<?xml version="1.0" encoding="utf-8"?>') and "atom:entry" in pages[XSL]
