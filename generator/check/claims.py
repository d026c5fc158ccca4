"""Claims: the unit of text, and the rules that hold their ids together within a note.

A factor's story is sections → paragraphs → claims; the summary, teaser, key
points, side-by-side accounts and pull quotes name claims by id instead of
restating them, so a reader never meets a sentence that no labelled, sourced
claim backs. The schema checks each claim's shape; this module checks that the
ids hold together.
"""
from __future__ import annotations

from ..problems import Problem, did_you_mean
from ..read import Document


def story_claims(factor) -> list[tuple[tuple, dict]]:
    """Every claim of a factor's story, in reading order, with its path in the note."""
    out = []
    for i, section in _dicts(factor, "sections"):
        for j, paragraph in _dicts(section, "paragraphs"):
            for k, claim in _dicts(paragraph, "claims"):
                out.append((("sections", i, "paragraphs", j, "claims", k), claim))
    return out


def claim_problems(docs: list[Document]) -> list[Problem]:
    """Claim ids unique within a note; every id a note names is defined in it."""
    out: list[Problem] = []
    for doc in docs:
        if not isinstance(doc.data, dict):
            continue
        if doc.kind == "factor":
            defined, problems = _defined(doc, story_claims(doc.data))
            out += problems + _references(doc, defined)
        elif doc.kind == "site":
            out += _defined(doc, site_claims(doc.data))[1]
        elif doc.kind == "since":
            defined, problems = _defined(doc, since_claims(doc.data))
            out += problems + _references(doc, defined)
    return out


def site_claims(site) -> list[tuple[tuple, dict]]:
    """The home page's claims: the standfirst, then the voices."""
    out = [(("standfirst", i), c) for i, c in _dicts(site, "standfirst")]
    for i, voice in _dicts(site, "voices"):
        out += [(("voices", i, "claims", j), c) for j, c in _dicts(voice, "claims")]
    return out


def since_claims(since) -> list[tuple[tuple, dict]]:
    """What has happened since: how far the reporting reaches, the dated entries, the bearing."""
    out = [(("reach",), since["reach"])] if isinstance(since, dict) and isinstance(since.get("reach"), dict) else []
    for i, entry in _dicts(since, "entries"):
        out += [(("entries", i, "claims", j), c) for j, c in _dicts(entry, "claims")]
    return out + [(("bearing", i), c) for i, c in _dicts(since, "bearing")]


def _dicts(data, key: str):
    items = data.get(key) if isinstance(data, dict) else None
    return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)] if isinstance(items, list) else []


def _defined(doc: Document, claims) -> tuple[set[str], list[Problem]]:
    first: dict[str, tuple] = {}
    out = []
    for path, claim in claims:
        cid = claim.get("id")
        if not isinstance(cid, str):
            continue
        if cid in first:
            line = doc.locate(first[cid])[0]
            out.append(doc.problem(path + ("id",), f"duplicate claim id '{cid}' (first used at {doc.name}:{line})"))
        else:
            first[cid] = path + ("id",)
    return set(first), out


def _references(doc: Document, defined: set[str]) -> list[Problem]:
    """rests_on of the summary, teaser and key points, accounts' claims and pull quotes name defined claims."""
    data = doc.data
    lists = [((key, "rests_on"), data[key].get("rests_on")) for key in ("summary", "teaser") if isinstance(data.get(key), dict)]
    lists += [(("key_points", i, "rests_on"), p.get("rests_on")) for i, p in _dicts(data, "key_points")]
    lists += [(("accounts", i, "claims"), a.get("claims")) for i, a in _dicts(data, "accounts")]
    where = data.get("map") if isinstance(data.get("map"), dict) else {}
    lists += [(("map", "areas", i, "rests_on"), a.get("rests_on")) for i, a in _dicts(where, "areas")]
    out = []
    for path, ids in lists:
        for n, cid in enumerate(ids if isinstance(ids, list) else []):
            if isinstance(cid, str) and cid not in defined:
                out.append(doc.problem(path + (n,), f"unknown claim '{cid}'{did_you_mean(cid, defined)}"))
    if isinstance(where.get("after"), str) and where["after"] not in defined:
        out.append(doc.problem(("map", "after"), f"unknown claim '{where['after']}'{did_you_mean(where['after'], defined)}"))
    marked: dict[str, int] = {}
    for i, area in _dicts(where, "areas"):
        for n, region in enumerate(area.get("regions") if isinstance(area.get("regions"), list) else []):
            if isinstance(region, str) and marked.setdefault(region, i) != i:
                out.append(doc.problem(("map", "areas", i, "regions", n), f"'{region}' is already marked by area {marked[region] + 1}; a region belongs to one area"))
    told: dict[str, int] = {}
    for i, account in _dicts(data, "accounts"):
        for n, cid in enumerate(account.get("claims") if isinstance(account.get("claims"), list) else []):
            if isinstance(cid, str) and told.setdefault(cid, i) != i:
                out.append(doc.problem(("accounts", i, "claims", n), f"claim '{cid}' is already told in account {told[cid] + 1}; a claim belongs to one account"))
    texts = {c["id"]: c.get("text") for _, c in story_claims(data) if isinstance(c.get("id"), str)}
    for i, pull in _dicts(data, "pull_quotes"):
        cid, quote = pull.get("claim"), pull.get("quote")
        if not isinstance(cid, str):
            continue  # the schema says what it should be
        if cid not in defined:
            out.append(doc.problem(("pull_quotes", i, "claim"), f"unknown claim '{cid}'{did_you_mean(cid, defined)}"))
        elif isinstance(quote, str) and isinstance(texts.get(cid), str) and " ".join(quote.split()) not in " ".join(texts[cid].split()):
            out.append(doc.problem(("pull_quotes", i, "quote"), f"is not in the text of claim '{cid}'; a pull quote copies the claim's words exactly"))
    return out
