"""The Jinja environment the page templates run in, and the filters they use."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, pass_context

from . import layout, markup
from .model import page_sources

TEMPLATES = Path(__file__).parent / "templates"


def human_date(value: str) -> str:
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def footnotes(source_ids) -> str:
    return "".join(f"[^{sid}]" for sid in source_ids)


def front_matter(**fields) -> str:
    # JSON strings are valid YAML scalars, which makes any text safe to embed.
    lines = [f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fields.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"


def apa_date(value: str) -> str:
    day = dt.date.fromisoformat(value)
    return f"{day.year}, {day.strftime('%B')} {day.day}"


def domain(url: str) -> str:
    host = re.sub(r"^https?://", "", url).split("/")[0]
    return host.removeprefix("www.")


def one_line(text: str) -> str:
    return " ".join(str(text).split())


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+.!|-])")
"""What Python-Markdown (with the tables extension) lets a backslash escape."""


def plain(text: str) -> str:
    """A one-line field (title, outlet, label, attribution, heading) as inert text.

    Every character Markdown or HTML could read as markup is escaped, so a title
    can never open a link, an attribute list or a tag."""
    escaped = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def prose(text: str, page: str | None = None) -> str:
    """A prose field (claim, fact-check text, definition, correction): the small
    inline subset markup.py allows, on one line; links to other sites get
    rel="noopener noreferrer", links to pages of this site (written from docs/,
    e.g. factors/<id>.md#anchor) are made relative to the page being rendered."""
    text = markup.safe_links(one_line(text))
    return markup.internal_links_from(text, page, layout.relative) if page and "](" in text else text


@pass_context
def prose_filter(context, text: str) -> str:
    return prose(text, context.get("page"))


@lru_cache(maxsize=None)
def environment() -> Environment:
    # Compiled templates depend on the filters' signatures too (a filter that
    # takes the context is called differently): a change to the code starts a new cache.
    code = hashlib.sha256(b"".join(p.read_bytes() for p in sorted(TEMPLATES.parent.glob("*.py")))).hexdigest()[:12]
    cache = TEMPLATES.parent / "__pycache__" / "jinja" / code
    try:
        cache.mkdir(parents=True, exist_ok=True)
        bytecode_cache = FileSystemBytecodeCache(str(cache))
    except OSError:  # a read-only install still works, just compiles every time
        bytecode_cache = None
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        # Compiled templates are kept like Python's own bytecode, in __pycache__:
        # compiling them is most of a small site's generation time.
        bytecode_cache=bytecode_cache,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,  # the output is Markdown; note text may hold inline Markdown
    )
    env.filters.update(human_date=human_date, footnotes=footnotes, one_line=one_line, plain=plain, prose=prose_filter, domain=domain, apa_date=apa_date)
    env.globals.update(
        relative=layout.relative,
        front_matter=front_matter,
        factor_path=layout.factor_path,
        page_sources=page_sources,
        REFERENCE=layout.REFERENCE,
    )
    return env
