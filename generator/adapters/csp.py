"""The Content-Security-Policy every built page carries, as a <meta http-equiv>
tag (GitHub Pages sets no headers).

Inline scripts and styles are allowed by their sha256 only, and only those the
theme prints: THEME_PARTIALS are rendered on their own with the page's context
and the hashes taken from what they print. Never "every inline script found in
the page": that would allow an injected one.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

THEME_PARTIALS = (
    "partials/javascripts/base.html",     # Material: __md_scope, __md_get/__md_set (embeds base_url)
    "partials/javascripts/content.html",  # Material: tabs and details opened by the address's #fragment
    "partials/icons.html",                # Material: a <style> with icon variables, when icons are configured
    "partials/palette.html",              # overrides/: the colour-scheme toggle
)
"""The theme partials that print inline <script> or <style>. Material's other
inline scripts (announce, outdated, consent) are not printed with this site's
configuration; if one ever is, the gate (generator/adapters/gate.py) fails the
build because its hash is missing, and its partial belongs here."""

JS_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript", "application/ecmascript"}
"""<script type> values a browser executes; other types (application/json,
application/ld+json) are data blocks, which CSP does not govern."""

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # data: for the icons inside Material's stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),    # the search index, the sitemap Material reads
    ("worker-src", "'self'"),     # the search worker
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)


def digest(text: str) -> str:
    """A CSP hash source for the exact text between the tags."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def is_js(attrs: dict) -> bool:
    return (attrs.get("type") or "").strip().lower() in JS_TYPES


class _Inline(HTMLParser):
    """Collects the bodies of inline JS <script> (no src) and of <style>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._into: list[str] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and "src" not in a and is_js(a):
            self._into, self._text = self.scripts, []
        elif tag == "style":
            self._into, self._text = self.styles, []

    def handle_data(self, data):
        if self._into is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._into is not None and tag in ("script", "style"):
            self._into.append("".join(self._text))
            self._into = None


def inline_bodies(html: str) -> tuple[list[str], list[str]]:
    """The inline script and style bodies in html, in order."""
    parser = _Inline()
    parser.feed(html)
    parser.close()
    return parser.scripts, parser.styles


def theme_hashes(env, context) -> tuple[list[str], list[str]]:
    """The hashes of the inline scripts and styles THEME_PARTIALS print in this context."""
    context = {"features": context["config"].theme.get("features") or [], **context}
    scripts: list[str] = []
    styles: list[str] = []
    for name in THEME_PARTIALS:
        found_scripts, found_styles = inline_bodies(env.get_template(name).render(context))
        scripts += [digest(s) for s in found_scripts if digest(s) not in scripts]
        styles += [digest(s) for s in found_styles if digest(s) not in styles]
    return scripts, styles


def policy(scripts: list[str], styles: list[str]) -> str:
    extra = {"script-src": scripts, "style-src": styles}
    return "; ".join(" ".join([name, value, *extra.get(name, ())]) for name, value in DIRECTIVES)


_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)


def with_meta(html: str, csp: str) -> str:
    """html with the policy as the first element after <meta charset> (a CSP meta
    governs only what follows it). Refuses a page without <meta charset>."""
    found = _CHARSET.search(html)
    if not found:
        raise ValueError("no <meta charset> to put the Content-Security-Policy after")
    tag = f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
    return html[:found.end()] + tag + html[found.end():]
