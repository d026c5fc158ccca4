"""The model from checked note data, and back to data in the notes' own shape."""
from __future__ import annotations

import dataclasses
import types
import typing
from functools import lru_cache


def from_data(cls, data):
    """The note data (already checked against its schema) as an instance of cls."""
    return cls(**{name: _convert(hint, data[name]) for name, hint in _fields(cls) if name in data})


@lru_cache(maxsize=None)
def _fields(cls) -> tuple[tuple[str, object], ...]:
    # Resolving type hints is slow: once per class, not once per note.
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _convert(hint, value):
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        hint = next(h for h in typing.get_args(hint) if h is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        return tuple(_convert(item, v) for v in value)
    if dataclasses.is_dataclass(hint):
        return from_data(hint, value)
    if hint is str:
        return str(value)  # dates are kept as the text written
    return value


def to_data(obj):
    """The model as plain data in the notes' own shape (for the open data file)."""
    if dataclasses.is_dataclass(obj):
        out = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if value is None or (value == f.default and f.default in ((), False)):
                continue  # an optional field left out, as in the note
            out[f.name] = to_data(value)
        return out
    if isinstance(obj, tuple):
        return [to_data(v) for v in obj]
    return obj

