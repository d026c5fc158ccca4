"""What the theme needs to know about each page, written into its front matter.

The theme prints these (escaped) and decides nothing: the page's title and
description for sharing and search results, what kind of page it is, its
kicker, its dates, the works it cites (JSON-LD) and how to cite it.
"""
from __future__ import annotations

import datetime as dt

from ..layout import REFERENCE, SINCE, factor_path
from ..model import Explainer, Factor
from ..settings import Settings
from .prose import plain

DESCRIPTION_MAX = 160
"""Share cards and search results cut descriptions near here."""

BOOST = {"home": 3, "factor": 2, "since": 1.5, "reference": 0.5}
"""Search weight by kind of page: the explanation above the reference pages that repeat its names."""

REFERENCE_TITLES = {
    "timeline": ("Timeline", "Dated events from 2014 to March 2026, each with its sources."),
    "sources": ("Sources", "Every source this explainer cites, by outlet, with its date, its address and the pages that cite it."),
    "glossary": ("Glossary", "Plain definitions of the terms a reader meets in this explainer."),
    "corrections": ("Corrections and updates", "Every correction and update made to the explainer since it was published, newest first."),
    "follow": ("Follow corrections and updates", "How to follow the explainer's corrections and updates in a feed reader."),
}


def description(text: str) -> str:
    """Prose as a description: plain words, at most DESCRIPTION_MAX characters, cut at a word."""
    words = plain(text)
    if len(words) <= DESCRIPTION_MAX:
        return words
    head = words[:DESCRIPTION_MAX]
    end = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    if end >= 60:  # whole sentences, if a useful part of it fits
        return head[:end + 1]
    return words[:DESCRIPTION_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:—–-") + "…"


def page_url(settings: Settings, page: str) -> str:
    """The page's public address, or its path on the site when the address is not known."""
    path = "" if page == "index.md" else page.removesuffix(".md").removesuffix("index") + "/"
    return settings.site_url + path if settings.site_url else "/" + path


def page_meta(x: Explainer, page: str, updated: str | None = None) -> dict:
    if page == "index.md":
        return {"title": x.site.title, "description": description(" ".join(c.text for c in x.site.standfirst)), "kind": "home",
                "published": x.site.published, "updated": updated, "search": {"boost": BOOST["home"]}}
    if page == SINCE:
        s = x.since
        return {"title": s.title, "description": description(s.summary.text), "kind": "since", "kicker": "After Alaska",
                "published": x.site.published, "updated": max([x.site.published, *(c.date for c in s.corrections)]),
                "citations": citation_list(x, [sid for c in s.claims.values() for sid in c.sources]), "search": {"boost": BOOST["since"]}}
    name = next(k for k, v in REFERENCE.items() if v == page)
    title, text = REFERENCE_TITLES[name]
    # The timeline and the log of corrections repeat what the story pages tell:
    # search finds those pages instead (and the index stays small).
    search = {"exclude": True} if name in ("timeline", "corrections", "follow") else {"boost": BOOST["reference"]}
    return {"title": title, "description": text, "kind": "reference", "search": search}


def factor_meta(x: Explainer, f: Factor, settings: Settings) -> dict:
    updated = max([f.published, *(c.date for c in f.corrections)])
    n = list(x.factors).index(f) + 1
    day = dt.date.fromisoformat(updated)
    return {
        "title": f.title,
        "description": description(f.teaser.text if f.teaser else f.summary.text),
        "kind": "factor",
        "kicker": f"Factor {n} of {len(x.factors)}",
        "published": f.published,
        "updated": updated,
        # what the page cites: its claims' sources and its fact checks' (which may cite others)
        "citations": citation_list(x, [sid for c in f.claims.values() for sid in c.sources] + [sid for fc in f.fact_checks for sid in fc.sources]),
        "cite": {"apa_date": f"{day.year}, {day.strftime('%B')} {day.day}", "key": f"{f.id}-{updated[:4]}",
                 "year": updated[:4], "url": page_url(settings, factor_path(f.id)) if settings.site_url else ""},
        "search": {"boost": BOOST["factor"]},
    }


def citation_list(x: Explainer, source_ids) -> list[dict]:
    """The sources a page cites, each once, as schema.org CreativeWork for its JSON-LD."""
    out = []
    for sid in dict.fromkeys(source_ids):
        s = x.source_by_id[sid]
        work = {"@type": "CreativeWork", "name": s.title, "publisher": {"@type": "Organization", "name": s.outlet}}
        work.update({key: value for key, value in (("url", s.url), ("datePublished", s.date)) if value})
        out.append(work)
    return out
