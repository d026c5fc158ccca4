"""The open data file: the checked explainer as one JSON document, beside its schema."""
from __future__ import annotations

import json

from ..convert import to_data
from ..model import Explainer

LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


def open_data(x: Explainer) -> str:
    doc = {
        "$schema": "schema/explainer.schema.json",
        "license": LICENSE,
        "site": to_data(x.site),
        "factors": to_data(x.factors),
        "sources": to_data(x.sources),
        "glossary": to_data(x.terms),
        "timeline": to_data(x.timeline),
        **({"since": to_data(x.since)} if x.since else {}),
    }
    # Compact: with indent, json falls back to its pure-Python encoder (slow at scale)
    return json.dumps(doc, ensure_ascii=False) + "\n"
