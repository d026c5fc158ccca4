"""One element per id: what notes name must not give two elements of a page one id.

Headings get ids from their text (Markdown's slugs: lowercase letters, digits,
single hyphens and underscores). Ids the generator makes for popovers and
markers all hold a double hyphen ("src--truce-2024", "term--nato"), which no
slug can, so they never meet a heading's. What remains to check is what notes
choose: the headline (the page's h1) of the home page, a factor and the since
page; section headings and account labels on a factor page, the sides of the
voices on the home page, the entries' headings on the since page, term ids on
the glossary page and source ids on the sources page. Each against the others
on its page, the headings the page itself prints (layout.PAGE_HEADINGS) and
the ids the theme gives its own elements (layout.THEME_IDS, and Material's,
which begin with '_'): a heading "__config" would be read by Material's script
as its settings, one slugged "cite-apa" would be what "Copy citation" copies.
"""
from __future__ import annotations

from markdown.extensions.toc import slugify

from ..layout import PAGE_HEADINGS, THEME_IDS
from ..problems import Problem
from .rules import Notes


def one_element_per_id(notes: Notes) -> list[Problem]:
    out = []
    for doc, _, factor in notes.factors:
        named = _title(factor) + _texts(factor, "sections", "heading") + _texts(factor, "accounts", "label")
        out += _clashes(doc, named, PAGE_HEADINGS["factor"], "a heading")
    for doc in notes.of("site"):
        out += _clashes(doc, _title(doc.data) + _texts(doc.data, "voices", "side"), PAGE_HEADINGS["home"], "a heading")
    for doc in notes.of("since"):
        out += _clashes(doc, _title(doc.data) + _texts(doc.data, "entries", "heading"), PAGE_HEADINGS["since"], "a heading")
    for doc, path, term in notes.entries("glossary", "terms"):
        out += _clashes(doc, [(path + ("id",), term.get("id"))], PAGE_HEADINGS["glossary"], "an id", slug=False)
    for doc, path, source in notes.entries("sources", "sources"):
        out += _clashes(doc, [(path + ("id",), source.get("id"))], PAGE_HEADINGS["sources"], "an id", slug=False)
    return out


def _title(data: dict):
    return [(("title",), data["title"])] if isinstance(data.get("title"), str) else []


def _texts(data: dict, key: str, field: str):
    items = data.get(key) if isinstance(data.get(key), list) else []
    return [((key, i, field), x.get(field)) for i, x in enumerate(items) if isinstance(x, dict) and isinstance(x.get(field), str)]


def _clashes(doc, named, fixed: tuple[str, ...], what: str, slug: bool = True) -> list[Problem]:
    taken = {key: f"the theme's own element ({what_it_is})" for key, what_it_is in THEME_IDS.items()}
    taken.update({slugify(h, "-"): f"the page's own heading '{h}'" for h in fixed})
    out = []
    for path, value in named:
        if not isinstance(value, str):
            continue
        key = slugify(value, "-") if slug else value
        if key.startswith("_"):
            out.append(doc.problem(path, f"gives the page's element id '{key}'; ids beginning with '_' are the theme's (Material reads __config as its settings); choose other words"))
        elif key and key in taken:
            out.append(doc.problem(path, f"gives the page's element id '{key}', already used by {taken[key]}; choose other words"))
        elif key:
            taken[key] = f"'{value}'"
    return out
