"""Prose fields on a page: the small Markdown subset check/text.py allows, made ready to print.

Links to other sites get rel="noopener noreferrer"; links written from docs/
(factors/<id>.md#anchor) become relative to the page that prints them. The
result is fenced between PROSE_START and PROSE_END so that terms.py marks
glossary terms in prose and nowhere else (notes cannot hold these control
characters: read/parse.py refuses them).
"""
from __future__ import annotations

import re

from markupsafe import Markup

from ..language import plain_text
from ..layout import relative

PROSE_START, PROSE_END = "\x02", "\x03"

_SAFE_LINK = re.compile(r"(\[[^\]\n]+\]\(https?://[^)\s]+\))(?!\{)")
_INTERNAL_LINK = re.compile(r"\]\(((?:[a-z0-9][a-z0-9/_\-]*\.md)?(?:#[A-Za-z0-9_\-]+)?)\)")


def prose(text: str, page: str, terms: bool = True) -> Markup:
    """A checked prose field as Markdown for `page`, on one line; fenced for terms.py unless
    `terms` is False (text inside a popover, where a term's button cannot open)."""
    text = " ".join(text.split())
    if "](" in text:
        text = internal_links_from(_SAFE_LINK.sub(r'\1{ rel="noopener noreferrer" }', text), page)
    return Markup(PROSE_START + text + PROSE_END if terms else text)


def unfenced(text: str) -> str:
    return text.replace(PROSE_START, "").replace(PROSE_END, "")


def internal_links_from(text: str, page: str) -> str:
    """Internal links are written from docs/ (factors/x.md#a); pages need them relative to themselves."""
    def fix(m):
        target, _, anchor = m.group(1).partition("#")
        path = relative(target, page) if target else ""
        return f"]({path}{'#' + anchor if anchor else ''})"

    return _INTERNAL_LINK.sub(fix, text)


def plain(text: str) -> str:
    """What a reader reads of a prose field, as one line of plain text (descriptions, labels, feeds)."""
    words = " ".join(plain_text(text).split())
    return re.sub(r"(?<![\w*])[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}(?![\w*])", "", words)
