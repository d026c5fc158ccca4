"""Stage 3: turn validated Content into page texts, in memory.

Nothing here touches the disk except reading templates; write.py decides what
reaches docs/. Paths are relative to docs/.
"""
from __future__ import annotations

import json
import re

import yaml

from .claims import archive_url, claim_sources, claims_by_id
from .feeds import feeds
from .layout import DATA, FACTOR_DIR, REFERENCE, SCHEMA_OUT, SNIPPETS, factor_path
from .markup import safe_links
from .model import Content, page_sources
from .schema import SCHEMA_DIR, claim_kinds
from .share import page_of_image, share_images
from .templating import environment
from .readability import plain_text, reading_minutes, site_reading_minutes
from .tooltips import PROSE_END, PROSE_START, Terms, fenced_prose

LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def render(content: Content) -> dict[str, str | bytes]:
    """Every generated file, path relative to docs/ -> its text."""
    env = environment()
    env.globals.update(
        KIND_LABELS={k: k.capitalize() for k in claim_kinds()}, citation_list=citation_list, claims_by_id=claims_by_id,
        claim_sources=claim_sources, last_updated=last_updated, reading_minutes=reading_minutes,
        site_updated=site_updated, site_reading_minutes=site_reading_minutes)
    env.filters.update(prose=fenced_prose, archive_url=archive_url, meta_description=meta_description)
    data = open_data(content)
    content = _with_safe_links(content)
    cites = citations(content)
    factors_by_id = {f["id"]: f for f in content.factors}
    pages = {"index.md": env.get_template("home.md.j2").render(c=content, page="index.md")}
    for f in content.factors:
        path = factor_path(f)
        pages[path] = env.get_template("factor.md.j2").render(
            c=content, f=f, page=path, factors_by_id=factors_by_id, updated=last_updated(f))
    for name, path in REFERENCE.items():
        pages[path] = env.get_template(f"{name}.md.j2").render(
            c=content, page=path, cites=cites, titles=page_titles(content), log=corrections_log(content))
    terms = Terms(content, env.get_template("term.md.j2"))
    for path, text in pages.items():
        pages[path] = terms.mark(text, path)[0].replace(PROSE_START, "").replace(PROSE_END, "")
    images = share_images(content, pages)
    pages[f"{SNIPPETS}/nav.yml"] = nav_yaml(content, shared=sorted(page_of_image(path) for path in images))
    pages[DATA] = data
    pages.update(feeds(content, corrections_log(content)))
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        pages[f"{SCHEMA_OUT}/{schema.name}"] = schema.read_text(encoding="utf-8")
    pages.update(images)
    return pages


def meta_description(text: str) -> str:
    """Prose as a meta description: the words a reader sees, on one line, with
    typographic quotes (Material prints the description unescaped in an attribute)."""
    words = " ".join(plain_text(text).split())
    return re.sub(r'"([^"]*)"', "“\\1”", words).replace('"', "”")


def open_data(content: Content) -> str:
    """The validated notes as one JSON document, published beside its schema."""
    doc = {
        "$schema": "schema/explainer.schema.json",
        "license": LICENSE,
        "site": content.site,
        "factors": content.factors,
        "sources": content.sources,
        "glossary": content.terms,
        "timeline": content.events,
        **({"since": content.since} if content.since else {}),
        **({"timeline_corrections": content.timeline_corrections} if content.timeline_corrections else {}),
    }
    # Compact: with indent, json falls back to its pure-Python encoder (slow at scale)
    return json.dumps(doc, ensure_ascii=False) + "\n"


def citation_list(content: Content, factor: dict) -> list[dict]:
    """The sources a factor cites, as schema.org CreativeWork for its JSON-LD.

    Built here, not in the theme template, so that templates only print data
    (Zensical's template engine cannot mutate lists or dicts)."""
    out = []
    for sid in page_sources(factor):
        s = content.source_by_id[sid]
        work = {"@type": "CreativeWork", "name": s["title"], "publisher": {"@type": "Organization", "name": s["outlet"]}}
        work.update({key: s[field] for field, key in (("url", "url"), ("date", "datePublished")) if field in s})
        out.append(work)
    return out


def last_updated(factor: dict) -> str:
    return max([factor["published"], *(c["date"] for c in factor.get("corrections", []))])


def site_updated(content: Content) -> str:
    """The explainer's last-updated date: its most recently changed page."""
    others = [c["date"] for c in content.site.get("corrections", []) + content.timeline_corrections]
    return max([*others, *(last_updated(f) for f in content.factors)])


def corrections_log(content: Content) -> list[dict]:
    """Every correction and update across the home page and the factors, newest first.

    Each entry names its page (path relative to docs/) and that page's title."""
    owners = [("index.md", "Home: the short answer and the meeting at a glance", content.site, 0)]
    owners += [(factor_path(f), f["title"], f, f["order"]) for f in content.factors]
    owners.append((REFERENCE["timeline"], "Timeline", {"corrections": content.timeline_corrections}, len(content.factors) + 1))
    entries = [{**c, "page": path, "title": title, "rank": rank}
               for path, title, data, rank in owners for c in data.get("corrections", [])]
    return sorted(entries, key=lambda e: (e["date"], -e["rank"]), reverse=True)


def _with_safe_links(content: Content) -> Content:
    """Links to other sites written in notes get rel="noopener noreferrer"."""
    def fix(value):
        if isinstance(value, str):
            return safe_links(value)
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value

    return Content(**{k: fix(v) if k != "source_by_id" else v for k, v in vars(content).items()})


def page_titles(content: Content) -> dict[str, str]:
    titles = {"index.md": "Home", REFERENCE["timeline"]: "Timeline"}
    titles.update({factor_path(f): f["title"] for f in content.factors})
    return titles


def citations(content: Content) -> dict[str, list[str]]:
    """source id -> the pages that cite it, in site order."""
    cites: dict[str, list[str]] = {}
    owners = [("index.md", content.site)] + [(factor_path(f), f) for f in content.factors]
    owners.append((REFERENCE["timeline"], {"events": content.events}))
    for page, data in owners:
        for sid in page_sources(data):
            if page not in cites.setdefault(sid, []):
                cites[sid].append(page)
    return cites


NAV_GROUP = 50
"""Beyond this many factors the navigation groups them, NAV_GROUP to a group.

With navigation.prune, each page then carries one group's links rather than
every factor's: without it, a 1,000-factor site renders a million nav links."""


def factor_nav(factors: list[dict]) -> list[dict]:
    entries = [{f["title"]: factor_path(f)} for f in factors]
    if len(entries) <= NAV_GROUP:
        return entries
    groups = []
    for start in range(0, len(entries), NAV_GROUP):
        chunk = factors[start:start + NAV_GROUP]
        groups.append({f"Factors {chunk[0]['order']}–{chunk[-1]['order']}": entries[start:start + NAV_GROUP]})
    return groups


def nav_yaml(content: Content, shared: list[str] = ()) -> str:
    nav = [
        {"Home": "index.md"},
        {"The factors": factor_nav(content.factors)},
        {"Timeline": REFERENCE["timeline"]},
        {"Sources": REFERENCE["sources"]},
        {"Glossary": REFERENCE["glossary"]},
        {"Corrections and updates": REFERENCE["corrections"]},
        {"About": "about.md"},
    ]
    # Theme templates show who publishes the site and where to report a mistake.
    publisher = {k: content.site["publisher"][k] for k in ("name", "contact") if k in content.site["publisher"]}
    # The pages with a share image of their own, so the theme never guesses.
    extra = {"publisher": publisher, "share_images": list(shared)}
    header = "# Written by `python -m generator build`; mkdocs.yml inherits it. Do not edit.\n"
    return header + yaml.safe_dump({"nav": nav, "extra": extra}, sort_keys=False, allow_unicode=True, width=1000)


