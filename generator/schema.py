"""The JSON Schemas in generator/schemas/, loaded once and resolved locally.

The same files serve editors (each note's yaml-language-server modeline points
at one) and the validator, so what an editor flags and what a build rejects
cannot drift apart.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator, validators

SCHEMA_DIR = Path(__file__).parent / "schemas"


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


@lru_cache(maxsize=None)
def claim_kinds() -> tuple[str, ...]:
    """The kinds a claim may have, in the order the schema lists them."""
    defs = json.loads((SCHEMA_DIR / "defs.schema.json").read_text(encoding="utf-8"))
    return tuple(defs["$defs"]["claim_kind"]["enum"])
