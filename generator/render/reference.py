"""The reference pages as views: timeline, sources, glossary, corrections, how to follow."""
from __future__ import annotations

from markupsafe import Markup

from ..layout import FEEDS, REFERENCE, SINCE, factor_path, relative
from ..model import Explainer
from .claims import Citer
from .prose import prose
from .story import corrections
from .templating import human_date


def titles(x: Explainer) -> dict[str, str]:
    """The pages that cite sources or carry corrections, by path: their titles, in site order."""
    out = {"index.md": "Home"}
    out.update({factor_path(f.id): f.title for f in x.factors})
    if x.since:
        out[SINCE] = x.since.title
    out[REFERENCE["timeline"]] = "Timeline"
    return out


def citations(x: Explainer) -> dict[str, list[str]]:
    """source id -> the pages whose own claims cite it, in site order."""
    cited = [("index.md", [*(c for c in x.site.standfirst), *(c for v in x.site.voices for c in v.claims)], x.site.meeting.sources)]
    cited += [(factor_path(f.id), f.claims.values(), [s for fc in f.fact_checks for s in fc.sources]) for f in x.factors]
    cited += [(SINCE, x.since.claims.values(), ())] if x.since else []
    cited += [(REFERENCE["timeline"], x.timeline.events, ())]
    out: dict[str, list[str]] = {}
    for page, claims, more in cited:
        for sid in [s for c in claims for s in c.sources] + list(more):
            if page not in out.setdefault(sid, []):
                out[sid].append(page)
    return out


def log(x: Explainer) -> list[dict]:
    """Every correction and update across the explainer, newest first, each naming its page."""
    owners = [("index.md", "Home: the standfirst and the meeting at a glance", x.site.corrections)]
    owners += [(factor_path(f.id), f.title, f.corrections) for f in x.factors]
    if x.since:
        owners.append((SINCE, x.since.title, x.since.corrections))
    owners.append((REFERENCE["timeline"], "Timeline", x.timeline.corrections))
    entries = []
    for rank, (page, title, entries_of_page) in enumerate(owners):
        seen: dict[str, int] = {}
        for c in entries_of_page:  # the note's own order: appending one keeps the others' numbers
            seen[c.date] = seen.get(c.date, 0) + 1
            entries.append({"date": c.date, "kind": c.kind, "change": c.change, "page": page, "title": title, "rank": rank, "n": seen[c.date]})
    return sorted(entries, key=lambda e: (e["date"], -e["rank"], e["n"]), reverse=True)


def timeline_view(x: Explainer, cite: Citer, meta: dict) -> dict:
    page = REFERENCE["timeline"]
    events, year = [], None
    for i, e in enumerate(x.timeline.events, 1):
        events.append({"date": e.date, "when": e.when or human_date(e.date), "year": e.date[:4], "year_starts": e.date[:4] != year,
                       "summit": e.date == x.site.meeting.date, "text": cite.resting(e.event, (), {}, f"event--{i}", e.sources)})
        year = e.date[:4]
    return {"meta": meta, "events": events, "corrections": corrections(x.timeline.corrections, page), "report": cite.report_page(),
            "all_corrections_href": Markup(relative(REFERENCE["corrections"], page))}


def sources_view(x: Explainer, cite: Citer, meta: dict) -> dict:
    page, names = REFERENCE["sources"], titles(x)
    cites = citations(x)
    groups: dict[str, list] = {}
    for s in sorted(x.sources, key=lambda s: (s.outlet.removeprefix("The ").casefold(), s.date or "", s.id)):
        letter = s.outlet.removeprefix("The ")[:1].upper()
        letter = letter if letter.isalpha() and letter.isascii() else "#"
        view = cite.source(s.id)
        cited = [{"title": names[p], "href": Markup(relative(p, page))} for p in cites.get(s.id, [])]
        groups.setdefault(letter, []).append({**vars(view), "cited": cited})
    ordered = sorted(groups.items(), key=lambda g: (g[0] == "#", g[0]))
    return {"meta": meta, "count": len(x.sources),
            "groups": [{"letter": k, "key": k.lower() if k != "#" else "other", "sources": v} for k, v in ordered]}


def glossary_view(x: Explainer, meta: dict) -> dict:
    by_id = {t.id: t for t in x.terms}
    name = lambda t: t.term[:1].upper() + t.term[1:]  # noqa: E731
    terms = [{"term": t, "name": name(t), "definition": t.definition,
              "see_also": [{"id": s, "name": by_id[s].term} for s in t.see_also]} for t in sorted(x.terms, key=lambda t: t.term.casefold())]
    return {"meta": meta, "terms": terms}


def corrections_view(x: Explainer, meta: dict) -> dict:
    page = REFERENCE["corrections"]
    entries = [{**e, "href": Markup(relative(e["page"], page)), "text": prose(e["change"], page)} for e in log(x)]
    return {"meta": meta, "log": entries, "published": x.site.published, "follow_href": Markup(relative(REFERENCE["follow"], page))}


def follow_view(meta: dict) -> dict:
    page = REFERENCE["follow"]
    return {"meta": meta, "corrections_href": Markup(relative(REFERENCE["corrections"], page)),
            "atom_href": Markup(relative(f"{FEEDS}/corrections.atom", page)), "json_href": Markup(relative(f"{FEEDS}/corrections.json", page))}
