"""Stage 2: check the Documents against the schemas and against each other.

Every problem in every file is collected before anything is rendered, so that
the templates can trust their input and a maintainer sees all mistakes at once.
"""
from __future__ import annotations

import datetime as dt
import re

from . import markup, rules
from .claims import claim_problems
from .load import Document
from .model import Content
from .problems import Problem, did_you_mean
from .readability import grade_problems
from .rules import RESERVED_IDS  # noqa: F401  (scaffold.py imports it from here)
from .schema import strings, validator

_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping of fields", "number": "a number", "boolean": "true or false"}

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
)
"""Every check across notes, one function per rule (generator/rules.py)."""


def validate(docs: list[Document], earlier: list[Problem] = ()) -> tuple[Content | None, list[Problem]]:
    """Content when there is no error (loading problems count too), and every problem found."""
    problems: list[Problem] = list(earlier)
    parsed = [d for d in docs if not d.failed]
    for doc in parsed:
        problems += _schema_problems(doc)
        problems += _text_problems(doc)
    notes = rules.Notes(parsed, {d.kind for d in docs if d.failed})
    for rule in CROSS_RULES:
        problems += rule(notes)
    problems += claim_problems(parsed)  # claim ids within each note (claims.py)
    problems += grade_problems(parsed)  # reading grade of summaries and claims (readability.py)
    problems = sorted(set(problems))
    if any(p.level == "error" for p in problems) or not parsed or notes.failed:
        return None, problems
    return _content(parsed), problems


# --- schema -----------------------------------------------------------------

def _schema_problems(doc: Document) -> list[Problem]:
    out = []
    for error in validator(doc.kind).iter_errors(doc.data):
        out += _translate(doc, error)
    return out


def _translate(doc: Document, e) -> list[Problem]:
    path = tuple(e.absolute_path)
    kw, inst, schema = e.validator, e.instance, e.schema
    if kw == "required":
        name = re.match(r"^'(.*)' is a required property$", e.message)
        missing = name.group(1) if name else "?"
        return [doc.problem(path + (missing,), "required field is missing", at=path)]
    if kw == "additionalProperties":
        known = schema.get("properties", {})
        return [
            doc.problem(path + (k,), f"unknown field '{k}'{did_you_mean(k, known)}", key=True)
            for k in inst if k not in known
        ]
    if kw == "type":
        want = e.validator_value if isinstance(e.validator_value, str) else e.validator_value[0]
        return [doc.problem(path, f"expected {_TYPE_NAMES.get(want, want)}, got {_describe(inst)}")]
    if kw == "maxLength":
        return [doc.problem(path, f"is {len(inst):,} characters long; the limit is {e.validator_value:,}")]
    if kw == "pattern":
        return [doc.problem(path, f"'{_short(inst)}' {schema.get('x-message', 'is not valid')}" if str(inst).strip() else schema.get("x-message", "must not be empty"))]
    if kw == "enum":
        options = ", ".join(map(str, e.validator_value))
        return [doc.problem(path, f"'{inst}' is not one of {options}{did_you_mean(inst, e.validator_value)}")]
    if kw == "minItems":
        return [doc.problem(path, f"needs at least {e.validator_value} item(s), has {len(inst)}")]
    if kw == "maxItems":
        return [doc.problem(path, f"allows at most {e.validator_value} item(s), has {len(inst)}")]
    if kw == "uniqueItems":
        dupes = sorted({str(x) for x in inst if inst.count(x) > 1})
        return [doc.problem(path, f"lists {', '.join(repr(d) for d in dupes)} more than once")]
    if kw == "minimum":
        return [doc.problem(path, f"must be at least {e.validator_value}, got {inst}")]
    return [doc.problem(path, e.message)]


def _describe(value) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value; put text in quotes)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields"
    return f"text '{_short(value)}'"


def _short(value) -> str:
    # A message quotes at most a little of what was written, on one line.
    text = " ".join(str(value).split())
    return text if len(text) <= 60 else text[:57] + "..."


# --- text: markup policy, visible characters, real dates -----------------------

def _text_problems(doc: Document) -> list[Problem]:
    out = []
    for path, text, spec in strings(doc.kind, doc.data):
        out += [doc.problem(path, message) for message in text_messages(text, spec)]
    return out


def text_messages(text: str, spec: dict) -> list[str]:
    """What is wrong with one text, judged by the schema node that describes it."""
    hidden = markup.invisible(text)
    out = [hidden] if hidden else []
    kind = spec.get("x-markup")
    if kind == "line":
        out += markup.line_problems(text)
    elif kind == "prose":
        out += markup.prose_problems(text)
        out += [why for kind, why in map(markup.judge_link, markup.links(" ".join(text.split()))) if kind == "refused"]
    if spec.get("x-date") and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text) and not _real_date(text):
        out.append(f"'{text}' is not a real date")
    return out


def _real_date(text: str) -> bool:
    parts = [int(x) for x in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
        return True
    except ValueError:
        return False


def _content(docs: list[Document]) -> Content:
    by_kind = {d.kind: d.data for d in docs if d.kind != "factor"}
    factors = sorted((d.data for d in docs if d.kind == "factor"), key=lambda f: f["order"])
    sources = by_kind["sources"]["sources"]
    events = sorted(by_kind["timeline"]["events"], key=lambda e: e["date"])
    return Content(
        site=by_kind["site"],
        factors=factors,
        sources=sources,
        terms=by_kind["glossary"]["terms"],
        events=events,
        source_by_id={s["id"]: s for s in sources},
        since=by_kind.get("since", {}),
        timeline_corrections=by_kind["timeline"].get("corrections", []),
    )
