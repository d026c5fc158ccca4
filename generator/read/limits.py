"""Limits on what a note may hold, checked before anything expensive happens.

A note is a few kilobytes of prose. These limits are far above any real note
and far below what would make the parser, int() or Markdown slow or crash, so
a hostile or broken file fails fast with a located message.
"""
from __future__ import annotations

import re

import yaml

NOTE_BYTES = {"factor": 64 * 1024, "site": 64 * 1024, "glossary": 256 * 1024, "timeline": 256 * 1024, "sources": 384 * 1024}
"""Size caps per kind of note. A real factor note is about 6 KB and a page's
build time grows with its size (bench/worst.py: a 1 MB factor took mkdocs
~20 s); the source registry of a synthetic 1,000-factor site is ~300 KB."""

MAX_BYTES = max(NOTE_BYTES.values())

MAX_DEPTH = 32
"""Nesting of lists and mappings; real notes use at most six levels. LibYAML's
composer recurses in C and crashes the process on deep enough nesting."""

MAX_INT_DIGITS = 18
"""Digits in a number; int() refuses more than 4,300 and a note needs a few."""

_BLOCK_PREFIX = re.compile(r"^[ \-?:]*", re.MULTILINE)


def too_deep(text: str) -> tuple[int, int] | None:
    """The (line, col) where nesting first passes MAX_DEPTH, or None.

    Nesting needs a bracket or an indentation step per level, so a cheap bound
    rules out almost every note; only the rest is walked event by event
    (LibYAML's event parser keeps its own stack and cannot overflow)."""
    bound = text.count("[") + text.count("{") + max((len(m) for m in _BLOCK_PREFIX.findall(text)), default=0)
    if bound <= MAX_DEPTH:
        return None
    depth = 0
    loader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else yaml.SafeLoader
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1, event.start_mark.column + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the strict parser reports the syntax error with its position
    return None


def int_too_long(value: str) -> bool:
    return sum(c.isdigit() for c in value) > MAX_INT_DIGITS
