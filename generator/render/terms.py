"""Glossary terms in text: the first use of each term on a page opens its definition in place.

A term becomes a <button popovertarget> (reachable by Tab and by touch; Enter
or a tap opens the definition, Esc closes it, nothing moves). Only prose is
marked: prose.py fences what it renders between PROSE_START and PROSE_END, so
headings, titles, quoted headlines and source details never hold a term.
Inside prose, links, quotations and HTML tags are left alone too.

Running every term's pattern over every page would cost pages × terms; instead
each spelling is filed under its first word, and a page looks up its own words.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Pattern

from markupsafe import Markup

from ..layout import REFERENCE, relative
from ..model import Term
from .prose import PROSE_END, PROSE_START

_WORD = re.compile(r"\w+")
_PROSE = re.compile(f"{PROSE_START}([^{PROSE_END}]*){PROSE_END}")
# Markdown links, quotations, inline code and tags: never marked inside.
_KEEP_OUT = re.compile(r"\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?|“[^”]*”|\"[^\"]*\"|`[^`]*`|<[^>]*>")


class Spelling(NamedTuple):
    word: str
    entry: int  # index of the glossary entry
    words: frozenset
    pattern: Pattern


def term_forms(terms: tuple[Term, ...]) -> dict[str, int]:
    """Each spelling that is marked -> the index of its glossary entry.

    The term and its aliases, each also with a capital first letter (matching is
    case-sensitive, so "Deal" in a heading-like sentence start is found too); the
    first entry to claim a spelling keeps it."""
    forms: dict[str, int] = {}
    for i, t in enumerate(terms):
        for word in [t.term, *t.aliases]:
            for form in (word, word[:1].upper() + word[1:]):
                forms.setdefault(form, i)
    return forms


class Terms:
    """The glossary of one site, marked page by page."""

    def __init__(self, terms: tuple[Term, ...], template):
        self.terms = terms
        self.template = template
        self.by_first_word: dict[str, list[Spelling]] = {}
        # Longest first, so "frozen Russian assets" wins over a shorter term inside it.
        for word, entry in sorted(term_forms(terms).items(), key=lambda x: (-len(x[0]), x[0])):
            parts = _WORD.findall(word)
            spelling = Spelling(word, entry, frozenset(parts), re.compile(rf"(?<!\w){re.escape(word)}(?!\w)"))
            self.by_first_word.setdefault(parts[0] if parts else word, []).append(spelling)

    def mark(self, text: str, page: str) -> str:
        """The page with the first use of each term marked."""
        used: list[int] = []
        return _PROSE.sub(lambda m: self._mark_prose(m.group(1), page, used), text) if PROSE_START in text else text

    def _mark_prose(self, prose: str, page: str, used: list[int]) -> str:
        present = set(_WORD.findall(prose))
        candidates = [s for w in present for s in self.by_first_word.get(w, ())
                      if s.entry not in used and s.words <= present]
        if not candidates:
            return prose
        kept_out = [m.span() for m in _KEEP_OUT.finditer(prose)]
        # Every use, not just the first: a term's first use may sit inside a longer term.
        hits = [(m.start(), -len(s.word), m.end(), s) for s in candidates for m in s.pattern.finditer(prose)
                if not any(a <= m.start() < b for a, b in kept_out)]
        out, at = [], 0
        for start, _, end, s in sorted(hits):
            if start < at or s.entry in used:
                continue
            used.append(s.entry)
            term = self.terms[s.entry]
            out += [prose[at:start], self.template.render(
                term=term, word=prose[start:end], name=term.term[:1].upper() + term.term[1:],
                href=Markup(f"{relative(REFERENCE['glossary'], page)}#{term.id}")).strip()]
            at = end
        return "".join(out) + prose[at:]
