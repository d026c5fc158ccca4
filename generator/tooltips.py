"""Glossary tooltips: which terms a page uses, and their abbreviation definitions.

Appending every definition to every page would make each page's Markdown
parse grow with the glossary: a 1,000-factor site would cost pages × terms.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Pattern

from .model import Content

_WORD = re.compile(r"\w+")


class Tooltip(NamedTuple):
    word: str
    definition: str


class _Entry(NamedTuple):
    rank: int
    tooltip: Tooltip
    words: frozenset
    pattern: Pattern | None  # None: a one-word term, found among the page's words


def term_forms(content: Content) -> dict[str, int]:
    """Each spelling that shows a tooltip -> the index of its glossary entry.

    The term and its aliases, each also with a capital first letter (the abbr
    extension matches case-sensitively); the first entry to claim a spelling keeps it."""
    forms: dict[str, int] = {}
    for i, t in enumerate(content.terms):
        for word in [t["term"], *t.get("aliases", [])]:
            for form in (word, word[:1].upper() + word[1:]):
                forms.setdefault(form, i)
    return forms


def tooltip_terms(content: Content) -> list[Tooltip]:
    """A Tooltip for every spelling that should show one."""
    out = [Tooltip(form, content.terms[i]["definition"]) for form, i in term_forms(content).items()]
    # Longest first, so "frozen Russian assets" wins over a shorter term inside it.
    return sorted(out, key=lambda t: (-len(t.word), t.word))


def terms_used(content: Content, forms: dict[str, int], found: list[Tooltip]) -> list[dict]:
    """The glossary entries behind the tooltips found on a page, in glossary order."""
    return [content.terms[i] for i in sorted({forms[t.word] for t in found})]


class Tooltips:
    """The tooltips of one glossary, looked up page by page."""

    def __init__(self, terms: list[Tooltip], template):
        self.terms = terms
        self.template = template
        self.order = {t.word: rank for rank, t in enumerate(terms)}
        # Running every term's pattern over every page costs pages × terms; instead
        # each term is filed under its first word, and a page looks up its own words.
        self.by_first_word: dict[str, list[_Entry]] = {}
        for rank, tip in enumerate(terms):
            parts = _WORD.findall(tip.word)
            single = [tip.word] == parts
            pattern = None if single else re.compile(rf"\b{re.escape(tip.word)}\b")
            entry = _Entry(rank, tip, frozenset(parts), pattern)
            self.by_first_word.setdefault(parts[0] if parts else tip.word, []).append(entry)

    def used_in(self, text: str) -> list[Tooltip]:
        present = set(_WORD.findall(text))
        found = [e for w in present for e in self.by_first_word.get(w, ())
                 if e.words <= present and (e.pattern is None or e.pattern.search(text))]
        return [e.tooltip for e in sorted(found, key=lambda e: e.rank)]

    def definitions(self, terms) -> str:
        return self.template.render(terms=terms)

    def rank(self, tip: Tooltip) -> int:
        return self.order[tip.word]
