"""nav.yml, which mkdocs.yml inherits: the navigation, and what the theme prints that notes decide.

Titles are written as plain text: the theme escapes whatever it prints (|e).
The public address is written here too, so that SITE_URL is read and checked
in one place (settings.py) and MkDocs gets the same value as the generator.
"""
from __future__ import annotations

import yaml

from ..layout import REFERENCE, SINCE, factor_path
from ..model import Explainer
from ..settings import Settings
from .templating import environment

NAV_GROUP = 50
"""Beyond this many factors the navigation groups them, NAV_GROUP to a group.

With navigation.prune, each page then carries one group's links rather than
every factor's: without it, a 1,000-factor site renders a million nav links."""


def factor_nav(x: Explainer) -> list[dict]:
    entries = [{f.title: factor_path(f.id)} for f in x.factors]
    if len(entries) <= NAV_GROUP:
        return entries
    groups = []
    for start in range(0, len(entries), NAV_GROUP):
        chunk = x.factors[start:start + NAV_GROUP]
        groups.append({f"Factors {chunk[0].order}–{chunk[-1].order}": entries[start:start + NAV_GROUP]})
    return groups


def nav_yaml(x: Explainer, settings: Settings, shared: list[str] = ()) -> str:
    nav = [{"Overview": "index.md"}, {"The factors": factor_nav(x)}]
    nav += [{"What has happened since": SINCE}] if x.since else []
    nav += [{"Timeline": REFERENCE["timeline"]}, {"Sources": REFERENCE["sources"]}, {"Glossary": REFERENCE["glossary"]},
            {"Corrections and updates": REFERENCE["corrections"]}, {"About": "about.md"}]
    p = x.site.publisher
    extra = {
        "publisher": {k: v for k, v in (("name", p.name), ("byline", p.byline), ("url", p.url)) if v},
        # Where "Report a mistake" leads: the correction form, else the publisher's contact, else nowhere.
        "report": settings.report_url or p.contact or "",
        "share_images": list(shared),  # the pages with a share card of their own
    }
    config = {"nav": nav, "extra": extra}
    if settings.site_url:
        config = {"site_url": settings.site_url, **config}
    header = "# Written by `python -m generator build`; mkdocs.yml inherits it. Do not edit.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=1000)


def labels_snippet(x: Explainer) -> str:
    """What each claim label means, for the about page (docs/about.md includes it)."""
    return environment().get_template("labels.md.j2").render(labels=x.site.labels)


def publisher_snippet(x: Explainer) -> str:
    """Who publishes the site, for the about page (docs/about.md includes it)."""
    return environment().get_template("publisher.md.j2").render(publisher=x.site.publisher)
