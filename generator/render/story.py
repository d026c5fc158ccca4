"""The story's pages as views: the home page, each factor, what has happened since.

Python decides here what each page holds and in which order (which claims a
section still tells once the side-by-side accounts have taken theirs, where a
pull quote or the map goes, the dates, the reading time); the templates print.
"""
from __future__ import annotations

from markupsafe import Markup

from ..language import minutes, word_count
from ..layout import REFERENCE, SINCE, factor_path, relative
from ..model import Explainer, Factor
from .claims import KIND_LABELS, Citer
from .maps import Area, draw
from .prose import plain, prose
from .templating import environment, human_date

LABELS_PAGE = "about.md"
LABELS_ANCHOR = "how-we-label-claims"


def common(x: Explainer, page: str, report: str = "") -> dict:
    """What every story page prints around its own content."""
    return {
        "byline": x.site.publisher.byline or f"By {x.site.publisher.name}",
        "labels_href": Markup(f"{relative(LABELS_PAGE, page)}#{LABELS_ANCHOR}"),
        "label_meanings": {k: prose(getattr(x.site.labels, k), page, terms=False) for k in KIND_LABELS},
        "all_corrections_href": Markup(relative(REFERENCE["corrections"], page)),
        "report": report,
    }


def kinds_on(*runs) -> list[str]:
    """The labels a page shows, in the order a reader meets them (each gets one popover)."""
    seen = [v.kind for run in runs for v in run if v.kind != "fact" and v.show_by]
    return list(dict.fromkeys(seen))


def corrections(entries, page: str) -> list[dict]:
    return [{"date": e.date, "kind": e.kind, "text": prose(e.change, page)} for e in sorted(entries, key=lambda e: e.date, reverse=True)]


def factor_minutes(f: Factor) -> int:
    texts = [f.summary.text, *(p.text for p in f.key_points)]
    texts += [t for c in f.claims.values() for t in (c.text, c.by)]
    texts += [t for fc in f.fact_checks for t in (fc.elsewhere, fc.sources_say)]
    return minutes(word_count(*texts))


def factor_view(x: Explainer, f: Factor, cite: Citer, meta: dict) -> dict:
    page = factor_path(f.id)
    told = {cid for a in f.accounts for cid in a.claims}
    blocks, accounts_shown, runs = [], False, []
    for section in f.sections:
        paragraphs = [cite.run([c for c in p.claims if c.id not in told]) for p in section.paragraphs]
        paragraphs = [p for p in paragraphs if p]
        runs += paragraphs
        if paragraphs:
            blocks.append({"kind": "section", "heading": section.heading, "paragraphs": paragraphs})
        elif f.accounts and not accounts_shown:
            blocks.append(_accounts(f, cite, runs))
            accounts_shown = True
        ids = {c.id for p in section.paragraphs for c in p.claims}
        blocks += [{"kind": "pull", "quote": q.quote, "claim": cite.claim(f.claims[q.claim], "pull")} for q in f.pull_quotes if q.claim in ids]
        if f.map and f.map.after in ids:
            blocks.append({"kind": "map", "figure": map_figure(x, f, cite)})
    if f.accounts and not accounts_shown:
        blocks.append(_accounts(f, cite, runs))
    corrected = max((c.date for c in f.corrections), default=None)
    return {
        **common(x, page, cite.report_page()),
        "meta": meta,
        "title": f.title,
        "published": f.published,
        "corrected": corrected,
        "minutes": factor_minutes(f),
        "summary": cite.resting(f.summary.text, f.summary.rests_on, f.claims, "in-short--0"),
        "key_points": [cite.resting(p.text, p.rests_on, f.claims, f"in-short--{i}") for i, p in enumerate(f.key_points, 1)],
        "blocks": blocks,
        "fact_checks": [{"elsewhere": prose(fc.elsewhere, page), "sources_say": cite.resting(fc.sources_say, (), {}, f"check--{i}", fc.sources)}
                        for i, fc in enumerate(f.fact_checks, 1)],
        "related": [{"title": r.title, "href": Markup(relative(factor_path(r.id), page))} for r in x.factors if r.id in f.related],
        "corrections": corrections(f.corrections, page),
        "kinds": kinds_on(*runs),
    }


def _accounts(f: Factor, cite: Citer, runs: list) -> dict:
    accounts = [{"label": a.label, "who": a.who, "claims": [cite.claim(f.claims[cid]) for cid in a.claims]} for a in f.accounts]
    runs += [a["claims"] for a in accounts]
    return {"kind": "accounts", "accounts": accounts}


def map_figure(x: Explainer, f: Factor, cite: Citer, compact: bool = False) -> Markup:
    """The factor's map as a figure: the drawing, its legend (sourced like any sentence), what it leaves out."""
    m = f.map
    legend = [(a, cite.resting(a.label, a.rests_on, f.claims, f"map--{i}")) for i, a in enumerate(m.areas, 1)]
    svg = draw([Area(a.regions, a.style, plain(a.label)) for a, _ in legend], title=m.title, id_prefix=f"map--{f.id}" + ("--compact" if compact else ""),
               description="Map of Ukraine's regions.", compact=compact)
    return Markup(environment().get_template("map.md.j2").render(
        map=m, svg=Markup(svg), legend=legend, compact=compact, note=prose(m.not_shown, cite.page),
        href=Markup(relative(factor_path(f.id), cite.page)), factor=f))


def home_view(x: Explainer, cite: Citer, meta: dict, updated: str, site_minutes: int) -> dict:
    page = "index.md"
    standfirst = cite.run(x.site.standfirst)
    voices = [{"side": v.side, "claims": cite.run(v.claims)} for v in x.site.voices]
    mapped = next((f for f in x.factors if f.map), None)
    return {
        **common(x, page, cite.report_page()),
        "meta": meta,
        "title": x.site.title,
        "question": x.site.question,
        "standfirst": standfirst,
        "published": x.site.published,
        "updated": updated,
        "minutes": site_minutes,
        "reasons": [{"n": i, "title": f.title, "href": Markup(relative(factor_path(f.id), page)),
                     "teaser": cite.resting(f.teaser.text, f.teaser.rests_on, f.claims, f"reason--{f.id}") if f.teaser else None,
                     "minutes": factor_minutes(f)}
                    for i, f in enumerate(x.factors, 1)],
        "meeting": x.site.meeting,
        "meeting_date": human_date(x.site.meeting.date),
        "meeting_sources": cite.resting("", (), {}, "meeting--1", x.site.meeting.sources),
        "outcome": prose(x.site.meeting.outcome, page),
        "map": map_figure(x, mapped, cite, compact=True) if mapped else None,
        "voices": voices,
        "reporting_to": reporting_to(x),
        "since": x.since and {"title": x.since.title, "href": Markup(relative(SINCE, page)),
                              "summary": cite.resting(x.since.summary.text, x.since.summary.rests_on, x.since.claims, "since--0"),
                              "reach": cite.claim(x.since.reach, "since")},
        "corrections": corrections(x.site.corrections, page),
        "kinds": kinds_on(standfirst, *(v["claims"] for v in voices)),
    }


def reporting_to(x: Explainer) -> str | None:
    """The month of the latest development the explainer reports ("March 2026"), if it reports any."""
    return human_date(max(e.date for e in x.since.entries)[:7]) if x.since and x.since.entries else None


def since_view(x: Explainer, cite: Citer, meta: dict) -> dict:
    s = x.since
    entries = [{"when": e.when or human_date(e.date), "date": e.date, "heading": e.heading, "claims": cite.run(e.claims)} for e in s.entries]
    reach, bearing = cite.claim(s.reach), cite.run(s.bearing)
    return {
        **common(x, SINCE, cite.report_page()),
        "meta": meta,
        "title": s.title,
        "summary": cite.resting(s.summary.text, s.summary.rests_on, s.claims, "in-short--0"),
        "published": x.site.published,
        "corrected": max((c.date for c in s.corrections), default=None),
        "reporting_to": reporting_to(x),
        "reach": reach,
        "bearing": bearing,
        "entries": entries,
        "corrections": corrections(s.corrections, SINCE),
        "kinds": kinds_on([reach], bearing, *(e["claims"] for e in entries)),
    }
