"""The JSON Schemas in generator/schemas/, loaded once and resolved locally, and
their verdicts as located problems in plain words.

The same files serve editors (each note's yaml-language-server modeline points
at one) and the validator, so what an editor flags and what a build rejects
cannot drift apart.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, validators

from ..problems import Problem, did_you_mean
from ..read import Document

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"
_TYPE_NAMES = {"string": "text", "integer": "a whole number", "array": "a list", "object": "a mapping of fields", "number": "a number", "boolean": "true or false"}


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    # References are resolved once, here, instead of on every node of every
    # note: validation of a 1,000-factor site is twice as fast that way.
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}
    return _Validator(_inline(schemas[schema_path(kind).name], schemas[schema_path(kind).name], schemas))


def _whole_number(checker, instance) -> bool:
    # JSON Schema counts 3.0 as an integer; a position written "3.0" is a mistake.
    return isinstance(instance, int) and not isinstance(instance, bool)


_Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number),
)


def texts(doc: Document) -> list[tuple[tuple, str, dict]]:
    """strings() of a note, walked once however many checks read them."""
    if doc.texts is None:
        doc.texts = list(strings(doc.kind, doc.data))
    return doc.texts


def strings(kind: str, data, spec=None, path: tuple = ()):
    """Every text in data with its path and the schema node that describes it.

    The node says how the text is judged ("x-markup": line | prose, "x-date"),
    so a field's policy is declared once, in the schema."""
    spec = validator(kind).schema if spec is None else spec
    if isinstance(data, dict):
        props = spec.get("properties", {}) if isinstance(spec, dict) else {}
        for key, value in data.items():
            yield from strings(kind, value, props.get(key, {}), path + (key,))
    elif isinstance(data, list):
        items = spec.get("items", {}) if isinstance(spec, dict) else {}
        for i, value in enumerate(data):
            yield from strings(kind, value, items, path + (i,))
    elif isinstance(data, str):
        yield path, data, spec if isinstance(spec, dict) else {}


def _inline(node, document: dict, schemas: dict):
    """The schema with every $ref replaced by what it points at (they never recurse)."""
    if isinstance(node, list):
        return [_inline(x, document, schemas) for x in node]
    if not isinstance(node, dict):
        return node
    node = {k: _inline(v, document, schemas) for k, v in node.items()}
    ref = node.pop("$ref", None)
    if ref is None:
        return node
    file, _, pointer = ref.partition("#")
    target = schemas[file] if file else document
    for part in filter(None, pointer.split("/")):
        target = target[part]
    return {**_inline(target, schemas[file] if file else document, schemas), **node}


def schema_problems(doc: Document) -> list[Problem]:
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
    if kw == "dependentRequired":
        missing = [k for k in e.validator_value.get(next(k for k in e.validator_value if k in inst), []) if k not in inst]
        given = next(k for k in e.validator_value if k in inst and any(m not in inst for m in e.validator_value[k]))
        return [doc.problem(path, f"gives '{given}', so it needs '{missing[0]}' too")]
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
