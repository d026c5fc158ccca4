"""The last gate: the built site is scanned after every build, whatever built it.

    python -m generator.adapters.gate site/

prints one line per problem (`site/<path>:<line>: <message>`) and exits 1 when
there are any. The MkDocs hook (generator/adapters/mkdocs_csp.py) runs it after
`mkdocs build`, and `make build` runs it again. It fails a page that holds an
on… attribute, a script the theme did not ship, a link or resource with a scheme
other than http(s) (mailto for links), a resource from another host, an iframe,
object, embed, base or meta refresh, a second h1, or, for a factor page, no
article with its h1; and a search index holding markup Material does not keep,
or a feed that is not XML or links outside http(s).
"""
from __future__ import annotations

import json
import posixpath
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

from generator.adapters.csp import JS_TYPES, digest

SHIPPED_SCRIPTS = re.compile(
    r"(?:^|/)assets/(?:javascripts/(?:bundle\.[0-9a-f]{8}\.min\.js"
    r"|workers/(?:search\.[0-9a-f]{8}\.min\.js|explainer-search\.js)"
    r"|lunr/(?:min/)?[\w.-]+\.js)"
    r"|[\w-]+\.js)$")
"""Scripts the theme ships: Material's bundle, its search worker (and ours,
generator/adapters/search.py), lunr's language files, and the site's own assets/*.js."""
DATA_BLOCKS = {"application/json", "application/ld+json"}
"""Non-executed <script> types the theme prints (Material's __config, JSON-LD)."""
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data"}
LOADING = {"img", "script", "iframe", "embed", "object", "video", "audio", "source", "track", "input"}
LOAD_ATTRS = {"src", "srcset", "poster", "data"}
LINK_LOADS = {"stylesheet", "icon", "apple-touch-icon", "preload", "modulepreload", "manifest",
              "prefetch", "preconnect", "dns-prefetch"}
FORBIDDEN = {"iframe", "object", "embed", "base", "frame", "frameset"}
INDEX_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}
"""The tags Material's search plugin keeps in the index (its Parser.keep); all
other markup is dropped and text is escaped, so any other tag was injected."""
FACTOR_PAGE = re.compile(r"factors/[^/]+/index\.html")

_SPACE = "".join(map(chr, range(33)))
_TAB_NL = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_INDEX_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>|<[!?/]")


def _clean(url: str) -> str:
    """The URL as a browser reads it: outer spaces and controls, inner tabs and newlines gone, \\ as /."""
    return _TAB_NL.sub("", url.strip(_SPACE)).replace("\\", "/")


def scheme(url: str) -> str:
    found = _SCHEME.match(_clean(url))
    return found.group(1).lower() if found else ""


def other_host(url: str) -> bool:
    return scheme(url) in ("http", "https") or _clean(url).startswith("//")


def _short(value: str) -> str:
    value = re.sub(r"[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", value)
    return value if len(value) <= 80 else value[:77] + "..."


class _Page(HTMLParser):
    def __init__(self, path: str):
        super().__init__(convert_charrefs=True)
        self.path, self.problems = path, []
        self.hashes: set[str] | None = None  # from the page's CSP meta, once seen
        self.h1 = self.article = self.articles = self.h1_in_article = 0
        self.script: tuple[int, list[str]] | None = None

    def flag(self, message: str, line: int | None = None):
        self.problems.append((line or self.getpos()[0], message))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # as browsers do: <article/> or <script/> opens the element

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                self.flag(f"event-handler attribute {name} on <{tag}>")
            elif name in URL_ATTRS and value:
                self._url(tag, name, value, a)
        if tag in FORBIDDEN:
            self.flag(f"<{tag}> is not allowed")
        elif tag == "meta":
            self._meta(a)
        elif tag == "h1":
            self.h1 += 1
            if self.h1 > 1:
                self.flag("more than one <h1>")
            self.h1_in_article += self.article > 0
        elif tag == "article":
            self.article += 1
            self.articles += 1
        elif tag == "a" and a.get("target", "").lower() == "_blank" and "noopener" not in a.get("rel", "").lower().split():
            self.flag(f"<a target=_blank> without rel=noopener: {_short(a.get('href', ''))}")
        elif tag == "link":
            rels = set(a.get("rel", "").lower().split()) & LINK_LOADS
            if rels and other_host(a.get("href", "")):
                self.flag(f"<link rel={' '.join(sorted(rels))}> loads from another host: {_short(a['href'])}")
        if tag == "script":
            self._script_start(a)

    def _url(self, tag, name, value, a):
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if name == "srcset" else [value]
        allowed = ("http", "https", "mailto") if name == "href" else ("http", "https")
        for url in urls:
            found = scheme(url)
            if found and found not in allowed:
                self.flag(f"{name} with scheme {found}: on <{tag}>: {_short(url)}")
            elif (name in LOAD_ATTRS and tag in LOADING and (tag != "input" or a.get("type", "").lower() == "image")
                  and other_host(url)):
                self.flag(f"<{tag} {name}> loads from another host: {_short(url)}")

    def _meta(self, a):
        equiv = a.get("http-equiv", "").strip().lower()
        if equiv == "refresh":
            self.flag("<meta http-equiv=refresh> is not allowed")
        elif equiv == "content-security-policy" and self.hashes is None:
            directives = {d.split()[0].lower(): d.split()[1:] for d in a.get("content", "").split(";") if d.split()}
            script_src = directives.get("script-src", [])
            self.hashes = {s for s in script_src if s.startswith("'sha256-")}
            for unsafe in ("'unsafe-inline'", "'unsafe-eval'"):
                if unsafe in script_src:
                    self.flag(f"the Content-Security-Policy allows {unsafe} scripts")

    def _script_start(self, a):
        if "src" in a:
            src = _clean(a["src"]).split("#")[0].split("?")[0]
            if scheme(src) or src.startswith("//"):
                return  # flagged as a scheme or another host already
            where = posixpath.normpath(posixpath.join(posixpath.dirname(self.path), src))
            if not SHIPPED_SCRIPTS.search(where) or where.startswith(".."):
                self.flag(f"<script src> not shipped by the theme: {_short(a['src'])}")
            return
        kind = a.get("type", "").strip().lower()
        if kind in JS_TYPES:
            self.script = (self.getpos()[0], [])
        elif kind not in DATA_BLOCKS:
            self.flag(f"<script type={kind}> is neither JavaScript nor a data block the theme prints")

    def handle_data(self, data):
        if self.script:
            self.script[1].append(data)

    def handle_endtag(self, tag):
        if tag == "article" and self.article:
            self.article -= 1
        elif tag == "script" and self.script:
            line, text = self.script
            self.script = None
            hashed = digest("".join(text))
            if self.hashes is None:
                self.flag(f"inline script on a page without a Content-Security-Policy ({hashed})", line)
            elif hashed not in self.hashes:
                self.flag(f"inline script not allowed by this page's Content-Security-Policy ({hashed})", line)

    def finish(self) -> list[tuple[int, str]]:
        self.close()
        if FACTOR_PAGE.fullmatch(self.path):
            if not self.articles:
                self.flag("factor page without its <article>", 1)
            elif not self.h1_in_article:
                self.flag("factor page without an <h1> inside its <article>", 1)
        return self.problems


def _html(site: Path, path: Path) -> list[tuple[int, str]]:
    page = _Page(path.relative_to(site).as_posix())
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page.finish()


def _search_index(path: Path) -> list[tuple[int, str]]:
    try:
        docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    except (ValueError, KeyError, TypeError) as e:
        return [(1, f"search index is not Material's JSON: {e}")]
    problems = []
    for doc in docs:
        location = str(doc.get("location", ""))
        if scheme(location) or _clean(location).startswith("//"):
            problems.append((1, f"search entry {location!r} points outside the site"))
        for field in ("title", "text"):
            for found in _INDEX_TAG.finditer(str(doc.get(field, ""))):
                if found.group(2) and found.group(2).lower() in INDEX_TAGS and not found.group(3).strip():
                    continue
                problems.append((1, f"search entry {location!r} {field} holds markup: {_short(found.group(0))}"))
    return problems


def _feed(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return [(e.position[0], f"feed is not well-formed XML: {e}")]
    problems = []
    for el in root.iter():
        urls = [v for k, v in el.attrib.items() if k in ("href", "src")]
        if el.tag.rpartition("}")[2] in ("uri", "icon", "logo") and el.text:
            urls.append(el.text)
        for url in urls:
            if scheme(url) not in ("", "http", "https"):
                line = text[:max(text.find(url), 0)].count("\n") + 1
                problems.append((line, f"feed link with scheme {scheme(url)}: {_short(url)}"))
    return problems


def gate(site_dir, label: str | None = None) -> list[str]:
    """Every problem in the built site, one line each: `<site>/<path>:<line>: <message>`."""
    site = Path(site_dir)
    shown = (label if label is not None else str(site_dir)).rstrip("/")
    if not site.is_dir():
        return [f"{shown}: no built site here"]
    found = []
    for path in sorted(site.rglob("*.html")):
        found += [(path, line, message) for line, message in _html(site, path)]
    index = site / "search" / "search_index.json"
    if index.exists():
        found += [(index, line, message) for line, message in _search_index(index)]
    for feed in sorted((site / "feeds").glob("*.atom")):
        found += [(feed, line, message) for line, message in _feed(feed)]
    return [f"{shown}/{path.relative_to(site).as_posix()}:{line}: {message}" for path, line, message in found]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m generator.adapters.gate SITE_DIR", file=sys.stderr)
        return 2
    problems = gate(args[0])
    for line in problems:
        print(line)
    if problems:
        print(f"gate: {len(problems)} problem(s) in {args[0]}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
