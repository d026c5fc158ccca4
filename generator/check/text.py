"""What a maintainer may write in a text field, decided by the schema's "x-markup".

Notes are untrusted text. A one-line field (title, heading, outlet, label,
attribution, term) is plain text: one line, escaped when rendered (the `plain`
filter). A prose field (claim, fact-check text, definition, correction) may use
a small inline subset of Markdown: emphasis, quotation marks, and links to
http(s) addresses or to pages of this site. Everything else that Markdown or
one of the site's extensions would read as markup is refused here, with a
message naming the construct, so no note can reach a page as HTML, script,
an attribute, an image, a snippet or a definition.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata

from ..problems import Problem
from ..read import Document
from ..read.parse import hidden_character
from .schema import texts

SAFE_SCHEMES = ("http", "https")

_NOT = "is not allowed in prose"
_BLOCK = [  # (pattern at the start of a line, message)
    (r"#", f"a heading (# at the start of a line) {_NOT}"),
    (r"(?:[-*+]|\d+[.)])(?:\s|$)", f"a list item (-, *, + or 1. at the start of a line) {_NOT}"),
    (r">", f"a block quote (> at the start of a line) {_NOT}"),
    (r"(?:```|~~~)", f"a code fence {_NOT}"),
    (r"(?: {4}|\t)", f"an indented code block (four spaces at the start of a line) {_NOT}"),
    (r"\|", f"a table row (| at the start of a line) {_NOT}"),
    (r"(?:[-*_=]\s*){3,}$", f"a horizontal rule or heading underline {_NOT}"),
    (r"(?:!!!|\?\?\?)", f"an admonition (!!! or ???) {_NOT}"),
    (r":\s", f"a definition list entry (: at the start of a line) {_NOT}"),
    (r"\[[^\]\n]*\]:", f"a footnote or link definition ([name]: at the start of a line) {_NOT}"),
]
_INLINE = [  # (pattern anywhere in the text, message; {0} is what was found)
    (r"-+8<-+", f"a snippet marker ({{0}}) {_NOT}"),
    (r"\*\[[^\]\n]*\]:", f"an abbreviation definition ({{0}}) {_NOT}; glossary terms go in content/glossary.yaml"),
    (r"!\[", f"an image (![…](…)) {_NOT}: pages show no images from notes"),
    (r"<[A-Za-z/!?][\w-]*", f"raw HTML ({{0}}…) {_NOT}; write Markdown instead"),
    (r"\{[^}]{0,30}\}?", f"an attribute list ({{0}}) {_NOT}"),
    (r"`", f"code (`…`) {_NOT}"),
    (r"\[\^", f"a footnote reference ([^…]) {_NOT}; cite sources in the sources field"),
    (r"\]\s*\[", f"a reference-style link ([text][name]) {_NOT}; write [text](address)"),
    (r"[*_]{4,}", f"a run of four or more * or _ {_NOT} (emphasis takes one to three)"),
]
_BLOCK = [(re.compile(p), m) for p, m in _BLOCK]
_INLINE = [(re.compile(p), m) for p, m in _INLINE]


def line_problems(text: str) -> list[str]:
    """A one-line field: one line; everything else is escaped when rendered."""
    if "\n" in text.strip() or "\r" in text.strip() or "\u2028" in text or "\u2029" in text:
        return ["a line break is not allowed in a one-line field; write it on one line"]
    return []


def prose_problems(text: str) -> list[str]:
    """A prose field: messages for every construct outside the inline subset."""
    out = []
    for line in re.split(r"\r\n|[\n\r\u2028\u2029\x85]", text):
        stripped = line if line.startswith(("    ", "\t")) else line.lstrip(" ")
        out += [message for pattern, message in _BLOCK if pattern.match(stripped)][:1]
    joined = " ".join(text.split())
    for pattern, message in _INLINE:
        found = pattern.search(joined)
        if found:
            out.append(message.format(found.group(0)))
    out += _bracket_problems(joined)
    out += _reference_problems(joined)
    return list(dict.fromkeys(out))


_REFERENCE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([A-Za-z][A-Za-z0-9]*));")


def _reference_problems(text: str) -> list[str]:
    # Markdown leaves character references as they are and the browser shows the
    # character: one a note may not hold (read/parse.py) must not come in this way.
    out = []
    for m in _REFERENCE.finditer(text):
        if m.group(3):
            char = html.unescape(m.group(0))
        else:
            number = int(m.group(1)) if m.group(1) else int(m.group(2), 16)
            char = chr(number) if 0 < number <= 0x10FFFF else ""
        message = hidden_character(char) if char else None
        if message:
            out.append(f"character reference {m.group(0)}: {message}")
    return out


def _bracket_problems(text: str) -> list[str]:
    # Brackets only ever hold link text (or a bare "[sic]"): no nesting, no
    # stray ones. That also stops the runs of '[' that make Markdown quadratic.
    if "[" not in text and "]" not in text:
        return []
    depth = 0
    for ch in text:
        depth += (ch == "[") - (ch == "]")
        if depth not in (0, 1):
            return ["brackets must not be nested or unmatched: [ and ] only enclose a link's text"]
    return [] if depth == 0 else ["brackets must not be nested or unmatched: [ and ] only enclose a link's text"]


_LINK = re.compile(r"\]\(")


def links(text: str) -> list[str]:
    """The raw target of every inline link [text](target) in text."""
    out = []
    for m in _LINK.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += (text[i] == "(") - (text[i] == ")")
            i += 1
        out.append(text[m.end():i - 1 if depth == 0 else i])
    return out


def decoded(target: str) -> str:
    """A link target as a browser would read it: entities decoded (repeatedly),
    control characters and whitespace removed, lower case."""
    previous = None
    while previous != target:
        previous, target = target, html.unescape(target)
    return "".join(c for c in target if not (c.isspace() or unicodedata.category(c) in ("Cc", "Cf"))).lower()


_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_EXTERNAL = re.compile(r"^https?://[^\s()<>{}\[\]\"'`\\]+$")
_INTERNAL = re.compile(r"^([a-z0-9][a-z0-9/_\-]*\.md)?(?:#([A-Za-z0-9_\-]+))?$")


def judge_link(raw: str) -> tuple[str, str | None]:
    """('external' | 'internal' | 'refused', message or internal target)."""
    target = decoded(raw)
    scheme = _SCHEME.match(target)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return "refused", f"a link to a '{scheme.group(1)}:' address is not allowed; only http(s) addresses and pages of this site"
    if scheme or target.startswith("//"):
        if raw.strip() != raw or not _EXTERNAL.match(raw) or target.startswith("//"):
            return "refused", "a link address must be a plain http(s) URL: no spaces, quotes, brackets, braces or title"
        return "external", None
    if raw != target or not _INTERNAL.match(raw) or raw == "":
        return "refused", f"link target '{raw[:60]}' is neither an http(s) URL nor a page of this site (e.g. factors/<id>.md#anchor)"
    return "internal", raw


def text_problems(doc: Document) -> list[Problem]:
    out = []
    for path, value, spec in texts(doc):
        out += [doc.problem(path, message) for message in text_messages(value, spec)]
    return out


def text_messages(value: str, spec: dict) -> list[str]:
    """What is wrong with one text, judged by the schema node that describes it.

    (Characters no note may hold were refused while reading, keys included.)"""
    out = []
    kind = spec.get("x-markup")
    if kind == "line":
        out += line_problems(value)
    elif kind == "prose":
        out += prose_problems(value)
        out += [why for kind, why in map(judge_link, links(" ".join(value.split()))) if kind == "refused"]
    if spec.get("x-date") and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value) and not _real_date(value):
        out.append(f"'{value}' is not a real date")
    return out


def _real_date(value: str) -> bool:
    parts = [int(x) for x in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
        return True
    except ValueError:
        return False
