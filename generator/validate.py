"""Stage 2: check the Documents against the schemas and against each other.

Every problem in every file is collected before anything is rendered, so that
the templates can trust their input and a maintainer sees all mistakes at once.
"""
from __future__ import annotations

import datetime as dt
import re

from .claims import claim_problems
from .load import Document
from .model import Content, refs
from .problems import WARNING, Problem, did_you_mean
from .readability import grade_problems
from .schema import validator

RESERVED_IDS = {"index", "assets", "search", "404", "sitemap", "data", "reference", "factors", "about", "con", "nul", "aux", "prn"}
"""Slugs that would collide with the site's own files or with names Windows reserves."""

TEXT_HTML_ALLOWED = {"em", "strong", "b", "i", "sub", "sup", "br", "abbr", "cite", "q", "mark", "small", "s", "del", "ins"}
"""Inline elements a note may use; everything else must be written as Markdown."""

_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>?")
_EVENT_ATTR = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping of fields", "number": "a number", "boolean": "true or false"}


def validate(docs: list[Document], earlier: list[Problem] = ()) -> tuple[Content | None, list[Problem]]:
    """Content when there is no error (loading problems count too), and every problem found."""
    problems: list[Problem] = list(earlier)
    for doc in docs:
        problems += _schema_problems(doc)
        problems += _text_problems(doc, doc.data, ())
        problems += _date_problems(doc, doc.data, ())
    problems += _cross_problems(docs)
    problems += claim_problems(docs)
    problems += grade_problems(docs)
    problems = sorted(set(problems))
    if any(p.level == "error" for p in problems) or not docs:
        return None, problems
    return _content(docs), problems


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
    if kw in ("pattern", "maxLength"):
        shown = inst if len(str(inst)) <= 60 else str(inst)[:57] + "..."
        return [doc.problem(path, f"'{shown}' {schema.get('x-message', 'is not valid')}" if str(inst).strip() else schema.get("x-message", "must not be empty"))]
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
    return f"text '{value}'"


# --- text and dates ---------------------------------------------------------

def _walk_strings(data, path):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _walk_strings(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _walk_strings(v, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _text_problems(doc: Document, data, path) -> list[Problem]:
    """Raw HTML policy: no scripts, styles, handlers or javascript: URLs; only inline tags."""
    out = []
    for p, text in _walk_strings(data, path):
        if _JS_URL.search(text):
            out.append(doc.problem(p, "javascript: URLs are not allowed"))
        for m in _TAG.finditer(text):
            name, attrs = m.group(2).lower(), m.group(3)
            if name in ("script", "style"):
                out.append(doc.problem(p, f"<{name}> elements are not allowed in notes"))
            elif _EVENT_ATTR.search(attrs):
                out.append(doc.problem(p, f"event-handler attributes (on...=) are not allowed: <{name}{attrs}>"))
            elif name not in TEXT_HTML_ALLOWED:
                out.append(doc.problem(p, f"HTML element <{name}> is not allowed in notes; write Markdown instead"))
            elif attrs.strip() and not m.group(1):
                out.append(doc.problem(p, f"HTML attributes are not allowed in notes: <{name}{attrs}>"))
    return out


def _date_problems(doc: Document, data, path) -> list[Problem]:
    out = []
    for p, text in _walk_strings(data, path):
        if p and p[-1] == "date" and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", text):
            parts = [int(x) for x in text.split("-")] + [1, 1]
            try:
                dt.date(parts[0], parts[1], parts[2])
            except ValueError:
                out.append(doc.problem(p, f"'{text}' is not a real date"))
    return out


# --- references between files -------------------------------------------------

def _items(doc: Document | None, key: str):
    data = doc.data if doc else None
    items = data.get(key) if isinstance(data, dict) else None
    return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)] if isinstance(items, list) else []


def _unique(entries, field_name: str, what: str) -> tuple[dict, list[Problem]]:
    """First (doc, path) of each value of field_name; a problem for each repeat."""
    seen: dict = {}
    out = []
    for doc, path, entry in entries:
        value = entry.get(field_name)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        if value in seen:
            first_doc, first_path = seen[value]
            where = f"{first_doc.name}:{first_doc.locate(first_path)[0]}"
            out.append(doc.problem(path + (field_name,), f"duplicate {what} {value!r} (first used at {where})"))
        else:
            seen[value] = (doc, path + (field_name,))
    return seen, out


def _cross_problems(docs: list[Document]) -> list[Problem]:
    by_kind: dict[str, list[Document]] = {}
    for d in docs:
        by_kind.setdefault(d.kind, []).append(d)
    one = lambda kind: (by_kind.get(kind) or [None])[0]  # noqa: E731
    entries = lambda kind, key: [(one(kind), (key, i), x) for i, x in _items(one(kind), key)]  # noqa: E731
    factors = [(d, (), d.data) for d in by_kind.get("factor", []) if isinstance(d.data, dict)]
    out: list[Problem] = []

    source_ids, p = _unique(entries("sources", "sources"), "id", "source id")
    out += p
    term_ids, p = _unique(entries("glossary", "terms"), "id", "term id")
    out += p
    factor_ids, p = _unique(factors, "id", "factor id")
    out += p
    out += _unique(factors, "order", "factor order")[1]

    words: dict[str, tuple] = {}
    for doc, term_path, term in entries("glossary", "terms"):
        names = [term.get("term")] + (term.get("aliases") if isinstance(term.get("aliases"), list) else [])
        for j, name in enumerate(names):
            if isinstance(name, str) and name.strip():
                path = term_path + (("term",) if j == 0 else ("aliases", j - 1))
                if name.lower() in words:
                    out.append(doc.problem(path, f"'{name}' is already a glossary term or alias"))
                words.setdefault(name.lower(), path)

    for doc, _, f in factors:
        fid = f.get("id")
        if isinstance(fid, str) and fid in RESERVED_IDS:
            out.append(doc.problem(("id",), f"'{fid}' is a reserved name; choose another id"))
        published = f.get("published")
        for i, entry in _items(doc, "corrections"):
            when = entry.get("date")
            # ISO dates compare correctly as text
            if isinstance(when, str) and isinstance(published, str) and when < published:
                out.append(doc.problem(("corrections", i, "date"), f"{when} is before the page was published ({published})"))

    cited: set[str] = set()
    for doc in docs:
        for path, ref in refs(doc.data, "sources"):
            if doc.kind == "sources":
                continue
            cited.add(ref)
            if ref not in source_ids and one("sources") is not None:
                out.append(doc.problem(path, f"unknown source '{ref}'{did_you_mean(ref, source_ids)}"))
        if doc.kind == "factor":
            for path, ref in refs(doc.data, "related"):
                if ref == (doc.data or {}).get("id"):
                    out.append(doc.problem(path, "a factor cannot be related to itself"))
                elif ref not in factor_ids:
                    out.append(doc.problem(path, f"unknown factor '{ref}'{did_you_mean(ref, factor_ids)}"))
        if doc.kind == "glossary":
            for path, ref in refs(doc.data, "see_also"):
                if ref not in term_ids:
                    out.append(doc.problem(path, f"unknown glossary term '{ref}'{did_you_mean(ref, term_ids)}"))

    for sid, (doc, path) in source_ids.items():
        if sid not in cited:
            out.append(doc.problem(path, f"source '{sid}' is never cited", level=WARNING))
    return out


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
    )
