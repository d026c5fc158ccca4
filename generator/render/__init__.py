"""Stage 3, render: the checked explainer and the settings, as the files of docs/ (in memory).

A pure function of its inputs: nothing here reads the notes or the environment
or writes a file. The one thing it may look at is what a previous build drew
(`reuse`), so that a share card whose text has not changed is not drawn again.
"""
from __future__ import annotations

from pathlib import Path

from ..language import minutes, word_count
from ..layout import DATA, REFERENCE, SCHEMA_OUT, SINCE, SNIPPETS, factor_path
from ..model import Explainer
from ..settings import Settings
from .claims import Citer
from .data import open_data
from .feeds import feeds
from .meta import factor_meta, page_meta, page_url
from .nav import labels_snippet, nav_yaml, publisher_snippet
from .prose import unfenced
from .reference import corrections_view, follow_view, glossary_view, log, sources_view, timeline_view
from .share import cards_of, share_cards
from .story import factor_minutes, factor_view, home_view, since_view
from .templating import environment
from .terms import Terms

SCHEMAS = Path(__file__).parent.parent / "schemas"


def render(x: Explainer, settings: Settings, reuse=lambda path: None) -> dict[str, str | bytes]:
    """Every generated file, path relative to docs/ -> its text (or bytes, for images)."""
    pages = story_pages(x, settings) | reference_pages(x, settings)
    terms = Terms(x.terms, environment().get_template("term.md.j2"))
    pages = {path: unfenced(terms.mark(text, path)) for path, text in pages.items()}
    cards = share_cards(x, reuse)
    pages[f"{SNIPPETS}/labels.md"] = labels_snippet(x)
    pages[f"{SNIPPETS}/publisher.md"] = publisher_snippet(x)
    pages[f"{SNIPPETS}/nav.yml"] = nav_yaml(x, settings, shared=sorted(cards_of(x)))
    pages[DATA] = open_data(x)
    pages.update(feeds(x, log(x), settings.site_url))
    pages.update({f"{SCHEMA_OUT}/{p.name}": p.read_text(encoding="utf-8") for p in sorted(SCHEMAS.glob("*.schema.json"))})
    pages.update(cards)
    return pages


def site_updated(x: Explainer) -> str:
    """The explainer's last-updated date: its publication, or its latest correction anywhere."""
    return max([x.site.published, *(e["date"] for e in log(x))])


def story_pages(x: Explainer, settings: Settings) -> dict[str, str]:
    env = environment()

    def citer(page):
        return Citer(x, page, settings.report_url, page_url(settings, page))

    updated = site_updated(x)
    site_minutes = minutes(word_count(*(c.text for c in x.site.standfirst))) + sum(factor_minutes(f) for f in x.factors)
    home = home_view(x, citer("index.md"), page_meta(x, "index.md", updated=updated), updated, site_minutes)
    pages = {"index.md": env.get_template("home.md.j2").render(v=home)}
    for f in x.factors:
        page = factor_path(f.id)
        view = factor_view(x, f, citer(page), factor_meta(x, f, settings))
        pages[page] = env.get_template("factor.md.j2").render(v=view)
    if x.since:
        pages[SINCE] = env.get_template("since.md.j2").render(v=since_view(x, citer(SINCE), page_meta(x, SINCE)))
    return pages


def reference_pages(x: Explainer, settings: Settings) -> dict[str, str]:
    env = environment()
    views = {
        "timeline": lambda meta: timeline_view(x, Citer(x, REFERENCE["timeline"], settings.report_url, page_url(settings, REFERENCE["timeline"])), meta),
        "sources": lambda meta: sources_view(x, Citer(x, REFERENCE["sources"]), meta),
        "glossary": lambda meta: glossary_view(x, meta),
        "corrections": lambda meta: corrections_view(x, meta),
        "follow": follow_view,
    }
    return {path: env.get_template(f"{name}.md.j2").render(v=views[name](page_meta(x, path))) for name, path in REFERENCE.items()}
