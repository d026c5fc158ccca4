"""The Jinja environment the page templates print in.

Every value a template prints goes through escape.inert unless it is Markup
(prose rendered by prose.py, front matter, the output of a macro), so a value
printed without a filter is still inert. The environment is built once per
process and never changed afterwards: what a page needs comes in its view.
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .disk_cache import folder
from .escape import inert, yaml_value

TEMPLATES = Path(__file__).parent / "templates"


def human_date(value: str) -> str:
    """2025-08-15 -> 15 August 2025; 2025-08 -> August 2025; 2025 -> 2025."""
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def front_matter(**fields) -> Markup:
    """The page's front matter: every value as JSON, which YAML reads as it is."""
    return Markup("---\n" + "".join(f"{k}: {yaml_value(v)}\n" for k, v in fields.items() if v is not None) + "---\n")


def _finalize(value):
    return value if isinstance(value, Markup) else inert(value)


@lru_cache(maxsize=None)
def environment() -> Environment:
    # Compiled templates are kept like Python's own bytecode: compiling them is
    # most of a small site's generation time. The key holds the code too, since
    # the templates depend on what it passes them.
    cache = folder("jinja", *(p.read_bytes() for p in sorted(TEMPLATES.parent.glob("*.py"))))
    bytecode_cache = FileSystemBytecodeCache(str(cache)) if cache else None
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=bytecode_cache,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,
        finalize=_finalize,
    )
    env.filters.update(human_date=human_date)
    env.globals.update(front_matter=front_matter)
    return env
