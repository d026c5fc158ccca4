"""Feeds of corrections and updates, read back with a real feed parser."""
import copy
import json

import feedparser

from conftest import FIXTURE
from generator.build import check
from generator.feeds import ATOM, JSON_FEED
from generator.render import corrections_log, render


def feeds(monkeypatch, site_url=None, content=None):
    if site_url is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", site_url)
    pages = render(content or check(FIXTURE)[0])
    return pages[ATOM], pages[JSON_FEED]


def test_atom_feed_without_site_url_has_relative_links_and_tag_ids(monkeypatch):
    atom, _ = feeds(monkeypatch)
    parsed = feedparser.parse(atom)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "Fixture explainer: corrections and updates"
    assert parsed.feed.updated == "2026-11-27T00:00:00Z"
    assert [(e.title, e.updated, e.link, e.summary) for e in parsed.entries] == [
        ("Correction: The first factor", "2026-11-27T00:00:00Z", "../factors/first/", "Fixed the share of territory."),
        ("Update: The first factor", "2026-11-26T00:00:00Z", "../factors/first/", "Added a claim."),
    ]
    assert [e.id for e in parsed.entries] == [
        "tag:fixture-explainer,2026-11-27:factors/first/correction-1",
        "tag:fixture-explainer,2026-11-26:factors/first/update-1",
    ]
    assert "127.0.0.1" not in atom and "localhost" not in atom


def test_feeds_with_site_url_use_absolute_links(monkeypatch):
    atom, js = feeds(monkeypatch, "https://example.org/alaska")
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


def test_json_feed_follows_version_1_1(monkeypatch):
    _, js = feeds(monkeypatch)
    data = json.loads(js)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["authors"] == [{"name": "The fixture project", "url": "https://example.org/issues"}]
    assert "feed_url" not in data and "home_page_url" not in data
    assert [(i["title"], i["date_published"], i["url"], i["content_text"]) for i in data["items"]] == [
        ("Correction: The first factor", "2026-11-27T00:00:00Z", "../factors/first/", "Fixed the share of territory."),
        ("Update: The first factor", "2026-11-26T00:00:00Z", "../factors/first/", "Added a claim."),
    ]
    # feedparser 6.0 reads Atom and RSS only; JSON Feed 1.1 requires these of every item
    assert all(set(i) >= {"id", "content_text"} and i["id"].startswith("tag:") for i in data["items"])


def test_without_corrections_the_feed_is_dated_by_the_newest_publication(monkeypatch):
    content = copy.deepcopy(check(FIXTURE)[0])
    for f in content.factors:
        f.pop("corrections", None)
    content.factors[1]["published"] = "2026-11-28"
    assert corrections_log(content) == []
    atom, js = feeds(monkeypatch, content=content)
    parsed = feedparser.parse(atom)
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated == "2026-11-28T00:00:00Z"
    assert json.loads(js)["items"] == []


def test_feeds_are_deterministic(monkeypatch):
    assert feeds(monkeypatch) == feeds(monkeypatch)


def test_home_page_corrections_join_the_log_the_feeds_and_the_last_updated_date(monkeypatch):
    from generator.render import site_updated

    content = copy.deepcopy(check(FIXTURE)[0])
    content.site["corrections"] = [{"date": "2026-11-30", "kind": "correction", "change": "Fixed the short answer."}]
    log = corrections_log(content)
    assert [(e["date"], e["page"], e["title"]) for e in log][:2] == [
        ("2026-11-30", "index.md", "Home: the short answer and the meeting at a glance"),
        ("2026-11-27", "factors/first.md", "The first factor"),
    ]
    assert site_updated(content) == "2026-11-30"
    atom, _ = feeds(monkeypatch, "https://example.org/alaska/", content)
    first = feedparser.parse(atom).entries[0]
    assert (first.title, first.link, first.summary) == (
        "Correction: Home: the short answer and the meeting at a glance", "https://example.org/alaska/", "Fixed the short answer.")
    assert first.id == "tag:example.org,2026-11-30:correction-1"
    page = render(content)["reference/corrections.md"]
    assert "[Home: the short answer and the meeting at a glance](../index.md): Fixed the short answer." in page
    home = render(content)["index.md"]
    assert "## Corrections and updates to this page\n\n- **30 November 2026, correction:** Fixed the short answer." in home


def test_timeline_corrections_are_read_shown_logged_and_published(monkeypatch, tmp_path):
    import shutil

    from generator.render import DATA, site_updated

    shutil.copytree(FIXTURE, tmp_path / "project")
    with (tmp_path / "project" / "content" / "timeline.yaml").open("a", encoding="utf-8") as f:
        f.write("corrections:\n  - date: 2026-12-01\n    kind: correction\n    change: Fixed a date.\n")
    content, problems = check(tmp_path / "project")
    assert content is not None, problems
    log = corrections_log(content)
    assert (log[0]["date"], log[0]["page"], log[0]["title"]) == ("2026-12-01", "reference/timeline.md", "Timeline")
    assert site_updated(content) == "2026-12-01"
    pages = render(content)
    assert "## Corrections and updates to this page\n\n- **1 December 2026, correction:** Fixed a date." in pages["reference/timeline.md"]
    assert "[Timeline](timeline.md): Fixed a date." in pages["reference/corrections.md"]
    assert json.loads(pages[DATA])["timeline_corrections"] == [{"date": "2026-12-01", "kind": "correction", "change": "Fixed a date."}]
    entry = feedparser.parse(feeds(monkeypatch, content=content)[0]).entries[0]
    assert (entry.title, entry.summary) == ("Correction: Timeline", "Fixed a date.")
