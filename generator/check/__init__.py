"""Stage 2, check: the Documents against their schemas and against each other.

Every problem in every file is collected before anything is rendered, so that
render can trust its input and a maintainer sees all mistakes at once. Only
notes that pass become the typed model (generator/model.py).
"""
from __future__ import annotations

import dataclasses

from .. import model
from ..convert import from_data
from ..problems import Problem
from ..read import Document
from . import ids, rules
from .claims import claim_problems
from .readability import grade_problems
from .schema import schema_problems
from .text import text_problems

CROSS_RULES = (
    rules.duplicate_ids,
    rules.glossary_spellings,
    rules.reserved_ids,
    rules.corrections_after_publication,
    rules.unknown_sources,
    rules.unknown_factors,
    rules.unknown_terms,
    rules.uncited_sources,
    rules.internal_links,
    ids.one_element_per_id,
)
"""Every check across notes, one function per rule (rules.py, ids.py)."""


def check(docs: list[Document], earlier: list[Problem] = ()) -> tuple[model.Explainer | None, list[Problem]]:
    """The explainer when there is no error (reading problems count too), and every problem found."""
    problems: list[Problem] = list(earlier)
    parsed = [d for d in docs if not d.failed]
    for doc in parsed:
        problems += _note_problems(doc)
    notes = rules.Notes(parsed, {d.kind for d in docs if d.failed})
    for rule in CROSS_RULES:
        problems += rule(notes)
    problems += claim_problems(parsed)  # claim ids within each note (claims.py)
    problems += grade_problems(parsed)  # reading grade of summaries and claims (readability.py)
    problems = sorted(set(problems))
    if any(p.level == "error" for p in problems) or not parsed or notes.failed:
        return None, problems
    return explainer(parsed), problems


_SEEN: dict[tuple, tuple[Problem, ...]] = {}


def _note_problems(doc: Document) -> tuple[Problem, ...]:
    """A note's own schema and text problems: the same for the same kind, name and text."""
    # A live preview checks every note on each save though one changed.
    if doc.source is None:
        return tuple(schema_problems(doc) + text_problems(doc))
    if doc.source not in _SEEN:
        if len(_SEEN) >= 256:
            _SEEN.clear()
        _SEEN[doc.source] = tuple(schema_problems(doc) + text_problems(doc))
    return _SEEN[doc.source]


def explainer(docs: list[Document]) -> model.Explainer:
    """The checked notes as the model: factors in their order, events and entries by date."""
    notes = {d.kind: d.data for d in docs if d.kind != "factor"}
    factors = sorted((from_data(model.Factor, d.data) for d in docs if d.kind == "factor"), key=lambda f: f.order)
    timeline = from_data(model.Timeline, notes["timeline"])
    since = from_data(model.Since, notes["since"]) if "since" in notes else None
    if since:
        since = dataclasses.replace(since, entries=tuple(sorted(since.entries, key=lambda e: e.date)))
    return model.Explainer(
        site=from_data(model.Site, notes["site"]),
        factors=tuple(factors),
        sources=tuple(from_data(model.Source, s) for s in notes["sources"]["sources"]),
        terms=tuple(from_data(model.Term, t) for t in notes["glossary"]["terms"]),
        timeline=dataclasses.replace(timeline, events=tuple(sorted(timeline.events, key=lambda e: e.date))),
        since=since,
    )
