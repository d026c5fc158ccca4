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
from referencing import Registry, Resource

SCHEMA_DIR = Path(__file__).parent / "schemas"
KINDS = ("site", "factor", "sources", "glossary", "timeline")


def schema_path(kind: str) -> Path:
    return SCHEMA_DIR / f"{kind}.schema.json"


@lru_cache(maxsize=None)
def validator(kind: str) -> Draft202012Validator:
    registry = Registry()
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(path.name, Resource.from_contents(contents))
    schema = json.loads(schema_path(kind).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=registry)
