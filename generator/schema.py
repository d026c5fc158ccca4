"""The JSON Schemas in generator/schemas/, loaded once and resolved locally.

The same files serve editors (each note's yaml-language-server modeline points
at one) and the validator, so what an editor flags and what a build rejects
cannot drift apart.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

SCHEMA_DIR = Path(__file__).parent / "schemas"


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    # References are resolved once, here, instead of on every node of every
    # note: validation of a 1,000-factor site is twice as fast that way.
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.schema.json")}
    return Draft202012Validator(_inline(schemas[schema_path(kind).name], schemas[schema_path(kind).name], schemas))


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
