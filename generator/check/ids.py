"""One element per id: what notes name must not give two elements of a page one id.

Headings get ids from their text (Markdown's slugs: lowercase letters, digits,
single hyphens and underscores). Ids the generator makes for popovers and
markers all hold a double hyphen ("src--truce-2024", "term--nato"), which no
slug can, so they never meet a heading's. What remains to check is what notes
choose: section headings and account labels on a factor page, term ids on the
glossary page and source ids on the sources page, against each other and against
the headings the page itself prints (layout.PAGE_HEADINGS).
"""
from __future__ import annotations

from markdown.extensions.toc import slugify

from ..layout import PAGE_HEADINGS
from ..problems import Problem
from .rules import Notes


def one_element_per_id(notes: Notes) -> list[Problem]:
    out = []
    for doc, _, factor in notes.factors:
        named = [(path, h) for path, h in _texts(factor, "sections", "heading")] + [(path, h) for path, h in _texts(factor, "accounts", "label")]
        out += _clashes(doc, named, PAGE_HEADINGS["factor"], "a heading")
    for doc, path, term in notes.entries("glossary", "terms"):
        out += _clashes(doc, [(path + ("id",), term.get("id"))], PAGE_HEADINGS["glossary"], "an id", slug=False)
    for doc, path, source in notes.entries("sources", "sources"):
        out += _clashes(doc, [(path + ("id",), source.get("id"))], PAGE_HEADINGS["sources"], "an id", slug=False)
    return out


def _texts(data: dict, key: str, field: str):
    items = data.get(key) if isinstance(data.get(key), list) else []
    return [((key, i, field), x.get(field)) for i, x in enumerate(items) if isinstance(x, dict) and isinstance(x.get(field), str)]


def _clashes(doc, named, fixed: tuple[str, ...], what: str, slug: bool = True) -> list[Problem]:
    taken = {slugify(h, "-"): f"the page's own heading '{h}'" for h in fixed}
    out = []
    for path, value in named:
        if not isinstance(value, str):
            continue
        key = slugify(value, "-") if slug else value
        if key and key in taken:
            out.append(doc.problem(path, f"gives the page's element id '{key}', already used by {taken[key]}; choose other words"))
        elif key:
            taken[key] = f"'{value}'"
    return out
