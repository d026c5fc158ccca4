"""The one place where note text is escaped, one function per context it reaches.

Pages are Markdown that MkDocs turns into HTML, so text from a note must be
inert twice over: Markdown must not read it as markup (a link, an image, an
attribute list, emphasis) and HTML must not either (a tag, an entity, the end
of an attribute). `inert` writes every character either could read as numeric
character references: Markdown leaves them alone, the browser shows the
character, and they are as safe inside a double-quoted attribute as in text.

The page templates run with every printed value passed through `inert` unless
it is Markup (templating.py), so forgetting a filter cannot print markup. Prose
fields are the one exception: a small Markdown subset, refused at check when it
holds anything else (check/text.py), rendered by prose.py.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from xml.sax.saxutils import escape as _xml_escape

from markupsafe import Markup

_MARKUP = "&<>\"'`\\*_{}[]!|~^#+"
"""Characters Markdown (with this site's extensions) or HTML may read as markup."""
_TABLE = {ord(c): f"&#{ord(c)};" for c in _MARKUP}
_SPACE = re.compile(r"\s+")
_LINE_START = re.compile(r"^( ?)([-:=]|[0-9](?=[0-9]*[.)]))")
"""What starts a block only at the start of a line: a list item (- or 1.), a
definition (:), a rule or heading underline (--- or ===). A template may print
a value there (a byline, an account's speaker, a definition), so its first such
character is written as a reference too."""


def inert(value) -> Markup:
    """Any value as text that Markdown and HTML both show exactly as written, on one line."""
    if isinstance(value, Markup):
        return value
    return _inert(str(value))


@lru_cache(maxsize=1 << 16)
def _inert(value: str) -> Markup:
    # Cached: a page prints the same outlets, headlines and class names many times over.
    text = _SPACE.sub(" ", value).translate(_TABLE)
    return Markup(_LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text, count=1))


def yaml_value(value) -> Markup:
    """A value for the front matter (YAML): JSON is valid YAML and quotes everything."""
    return Markup(json.dumps(value, ensure_ascii=False))


def json_script(value) -> str:
    """JSON to sit inside a <script> element: nothing in it can close the element."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def xml_text(value) -> str:
    """Text for an XML element (feeds)."""
    return _xml_escape(str(value))


def xml_attr(value) -> str:
    """A double-quoted XML attribute value, quotes included."""
    return '"' + _xml_escape(str(value), {'"': "&quot;", "'": "&apos;"}) + '"'
