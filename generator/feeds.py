"""Feeds of corrections and updates: Atom and JSON Feed 1.1, under docs/feeds/.

Absolute addresses need the public address, read from SITE_URL (the variable
mkdocs.yml reads too). Without it, links are relative to the feed and ids are
tag: URIs, so no loopback address is ever written. The output depends only on
the notes and SITE_URL: the feed's date is its newest entry's, not the build's.
"""
from __future__ import annotations

import json
import os
import re
from xml.sax.saxutils import escape, quoteattr

from .layout import FEEDS, factor_path
from .model import Content
from .readability import plain_text

ATOM = f"{FEEDS}/corrections.atom"
JSON_FEED = f"{FEEDS}/corrections.json"


def site_url() -> str:
    """The public address with a trailing slash, or '' when SITE_URL is not set."""
    url = os.environ.get("SITE_URL", "").strip()
    return url if not url or url.endswith("/") else url + "/"


def feeds(content: Content, log: list[dict]) -> dict[str, str]:
    """The two feed files, path relative to docs/ -> text. log: newest first."""
    base = site_url()
    entries = [_entry(content, e, base, log) for e in log]
    newest = log[0]["date"] if log else max(f["published"] for f in content.factors)
    meta = {
        "title": f"{content.site['title']}: corrections and updates",
        "updated": _stamp(newest),
        "id": _tag(content, base, newest[:4], "corrections"),
        "home": _link(base, "", FEEDS),
        "corrections": _link(base, "reference/corrections/", FEEDS),
        "publisher": content.site["publisher"],
    }
    return {ATOM: _atom(meta, entries, base), JSON_FEED: _json_feed(meta, entries, base)}


def _entry(content: Content, e: dict, base: str, log: list[dict]) -> dict:
    factor = e["factor"]
    # Two entries of one page on one day stay apart by their position that day.
    same_day = [x for x in log if x["factor"]["id"] == factor["id"] and x["date"] == e["date"]]
    n = len(same_day) - same_day.index(e)
    page = factor_path(factor).removesuffix(".md") + "/"
    return {
        "id": _tag(content, base, e["date"], f"{page}{e['kind']}-{n}"),
        "title": f"{e['kind'].capitalize()}: {factor['title']}",
        "url": _link(base, page, FEEDS),
        "date": _stamp(e["date"]),
        "text": " ".join(plain_text(e["change"]).split()),
    }


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _link(base: str, page: str, here: str) -> str:
    """page (a site path like 'factors/x/') as an absolute address, or relative to the folder `here`."""
    return base + page if base else "../" * (here.count("/") + 1) + page


def _tag(content: Content, base: str, date: str, specific: str) -> str:
    """A tag: URI (RFC 4151): stable whether or not the site has moved."""
    authority = re.sub(r"^https?://", "", base).split("/")[0] if base else _slug(content.site["title"])
    return f"tag:{authority},{date}:{specific}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "explainer"


def _atom(meta: dict, entries: list[dict], base: str) -> str:
    self_link = f'\n  <link rel="self" type="application/atom+xml" href={quoteattr(base + ATOM)}/>' if base else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{escape(meta['title'])}</title>",
        f"  <id>{escape(meta['id'])}</id>",
        f"  <updated>{meta['updated']}</updated>{self_link}",
        f'  <link rel="alternate" type="text/html" href={quoteattr(meta["corrections"])}/>',
        f"  <author><name>{escape(meta['publisher']['name'])}</name></author>",
    ]
    for e in entries:
        lines += [
            "  <entry>",
            f"    <title>{escape(e['title'])}</title>",
            f"    <id>{escape(e['id'])}</id>",
            f"    <published>{e['date']}</published>",
            f"    <updated>{e['date']}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(e["url"])}/>',
            f'    <summary type="text">{escape(e["text"])}</summary>',
            "  </entry>",
        ]
    return "\n".join(lines + ["</feed>", ""])


def _json_feed(meta: dict, entries: list[dict], base: str) -> str:
    author = {"name": meta["publisher"]["name"], **({"url": meta["publisher"]["contact"]} if "contact" in meta["publisher"] else {})}
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": meta["title"],
        **({"home_page_url": meta["home"], "feed_url": base + JSON_FEED} if base else {}),
        "description": "Every correction and update made to the explainer since publication, newest first.",
        "language": "en",
        "authors": [author],
        "items": [{"id": e["id"], "url": e["url"], "title": e["title"], "content_text": e["text"],
                   "date_published": e["date"], "date_modified": e["date"]} for e in entries],
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
