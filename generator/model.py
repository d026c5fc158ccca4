"""The validated notes as the templates see them, and the walk that finds references in them."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Content:
    """The validated notes, in the order pages show them."""

    site: dict
    factors: list[dict]
    sources: list[dict]
    terms: list[dict]
    events: list[dict]
    since: dict = field(default_factory=dict)
    source_by_id: dict = field(default_factory=dict)
    timeline_corrections: list[dict] = field(default_factory=list)


def refs(data, key, path=()):
    """Every string listed under `key` anywhere in data, with its path."""
    if isinstance(data, dict):
        for k, v in data.items():
            if k == key and isinstance(v, list):
                for i, item in enumerate(v):
                    if isinstance(item, str):
                        yield path + (k, i), item
            else:
                yield from refs(v, key, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from refs(v, key, path + (i,))


def page_sources(data) -> list[str]:
    """Source ids cited in data, each once, in order of first citation."""
    return list(dict.fromkeys(ref for _, ref in refs(data, "sources")))
