"""Feeds of corrections and updates: Atom (readable in a browser through feed.xsl) and JSON Feed 1.1.

Links are absolute when the public address is known (Settings.site_url), and
relative to the feed otherwise; ids are tag: URIs, stable wherever the site
moves. The output depends only on the notes and the address: the feed's date
is its newest entry's, or the publication date, never the build's.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..layout import FEEDS
from ..model import Explainer
from .escape import xml_attr, xml_text
from .prose import plain

ATOM = f"{FEEDS}/corrections.atom"
JSON_FEED = f"{FEEDS}/corrections.json"
XSL = f"{FEEDS}/feed.xsl"
_XSL_SOURCE = Path(__file__).parent / "templates" / "feed.xsl"


def feeds(x: Explainer, log: list[dict], site_url: str) -> dict[str, str]:
    """The feed files, path relative to docs/ -> text. log: newest first."""
    entries = [_entry(x, e, site_url) for e in log]
    meta = {
        "title": f"{x.site.title}: corrections and updates",
        "updated": _stamp(log[0]["date"] if log else x.site.published),
        "id": _tag(x, site_url, x.site.published[:4], "corrections"),
        "home": _link(site_url, ""),
        "corrections": _link(site_url, "reference/corrections/"),
        "publisher": x.site.publisher,
    }
    return {ATOM: _atom(meta, entries, site_url), JSON_FEED: _json_feed(meta, entries, site_url), XSL: _XSL_SOURCE.read_text(encoding="utf-8")}


def _entry(x: Explainer, e: dict, site_url: str) -> dict:
    page = e["page"].removesuffix("index.md").removesuffix(".md") + ("/" if e["page"] != "index.md" else "")
    text = plain(e["change"])
    first = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    first = first if len(first) <= 90 else first[:89].rsplit(" ", 1)[0] + "…"
    return {
        "id": _tag(x, site_url, e["date"], f"{page}{e['kind']}-{e['n']}"),
        "title": f"{e['kind'].capitalize()} to “{e['title']}”: {first}",
        "url": _link(site_url, page),
        "date": _stamp(e["date"]),
        "text": text,
    }


def _stamp(day: str) -> str:
    return f"{day}T00:00:00Z"


def _link(site_url: str, page: str) -> str:
    """A site path like 'factors/x/' as an absolute address, or relative to the feeds folder."""
    return site_url + page if site_url else "../" + page


def _tag(x: Explainer, site_url: str, date: str, specific: str) -> str:
    """A tag: URI (RFC 4151): stable whether or not the site has moved."""
    authority = re.sub(r"^https?://", "", site_url).split("/")[0] if site_url else _slug(x.site.title)
    return f"tag:{authority},{date}:{specific}"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "explainer"


def _atom(meta: dict, entries: list[dict], site_url: str) -> str:
    self_link = f'\n  <link rel="self" type="application/atom+xml" href={xml_attr(site_url + ATOM)}/>' if site_url else ""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<?xml-stylesheet type="text/xsl" href="feed.xsl"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        f"  <title>{xml_text(meta['title'])}</title>",
        f"  <id>{xml_text(meta['id'])}</id>",
        f"  <updated>{meta['updated']}</updated>{self_link}",
        f'  <link rel="alternate" type="text/html" href={xml_attr(meta["corrections"])}/>',
        f"  <author><name>{xml_text(meta['publisher'].name)}</name></author>",
    ]
    for e in entries:
        lines += [
            "  <entry>",
            f"    <title>{xml_text(e['title'])}</title>",
            f"    <id>{xml_text(e['id'])}</id>",
            f"    <published>{e['date']}</published>",
            f"    <updated>{e['date']}</updated>",
            f'    <link rel="alternate" type="text/html" href={xml_attr(e["url"])}/>',
            f'    <summary type="text">{xml_text(e["text"])}</summary>',
            "  </entry>",
        ]
    return "\n".join(lines + ["</feed>", ""])


def _json_feed(meta: dict, entries: list[dict], site_url: str) -> str:
    p = meta["publisher"]
    author = {"name": p.name, **({"url": p.url} if p.url else {})}
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": meta["title"],
        **({"home_page_url": meta["home"], "feed_url": site_url + JSON_FEED} if site_url else {}),
        "description": "Every correction and update made to the explainer since it was published, newest first.",
        "language": "en",
        "authors": [author],
        "items": [{"id": e["id"], "url": e["url"], "title": e["title"], "content_text": e["text"],
                   "date_published": e["date"], "date_modified": e["date"]} for e in entries],
    }
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
