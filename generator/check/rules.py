"""The checks across notes: one function per rule, each listed in validate.validate().

A note that could not be read or parsed hides what it holds, so the rules that
would need it stay quiet (no "unknown factor" because the factor's own note is
broken, no "never cited" because the note citing it is).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from markdown.extensions.toc import slugify

from ..layout import REFERENCE, factor_path
from ..problems import WARNING, Problem, did_you_mean
from ..read import Document
from . import text
from .schema import texts

RESERVED_IDS = {"index", "assets", "search", "404", "sitemap", "data", "reference", "factors", "about", "con", "nul", "aux", "prn"}
"""Slugs that would collide with the site's own files or with names Windows reserves."""

HAND_WRITTEN = ("about.md",)
"""Pages in docs/ that notes may link to besides the generated ones."""


@dataclass
class Notes:
    """The parsed notes, and the kinds of note that could not be read."""

    docs: list[Document]
    failed: set[str] = field(default_factory=set)

    def of(self, kind: str) -> list[Document]:
        return [d for d in self.docs if d.kind == kind and isinstance(d.data, dict)]

    def entries(self, kind: str, key: str):
        """(doc, path, entry) for each mapping listed under key in the note(s) of this kind."""
        for doc in self.of(kind):
            items = doc.data.get(key)
            for i, x in enumerate(items if isinstance(items, list) else []):
                if isinstance(x, dict):
                    yield doc, (key, i), x

    @property
    def factors(self):
        return [(d, (), d.data) for d in self.of("factor")]

    @cached_property
    def citations(self) -> list[tuple[Document, tuple, str]]:
        """Every source id cited outside sources.yaml, where: each note walked once for all the rules."""
        return [(doc, path, ref) for doc in self.docs if doc.kind != "sources" for path, ref in refs(doc.data, "sources")]

    @cached_property
    def source_ids(self) -> dict:
        return unique(self.entries("sources", "sources"), "id", "source id")[0]

    @cached_property
    def term_ids(self) -> dict:
        return unique(self.entries("glossary", "terms"), "id", "term id")[0]

    @cached_property
    def factor_ids(self) -> dict:
        return unique(self.factors, "id", "factor id")[0]


def unique(entries, field_name: str, what: str) -> tuple[dict, list[Problem]]:
    """First (doc, path) of each value of field_name; a problem for each repeat."""
    seen: dict = {}
    out = []
    for doc, path, entry in entries:
        value = entry.get(field_name)
        if not isinstance(value, (str, int)) or isinstance(value, bool):
            continue
        if value in seen:
            first_doc, first_path = seen[value]
            where = f"{first_doc.name}:{first_doc.locate(first_path)[0]}"
            out.append(doc.problem(path + (field_name,), f"duplicate {what} {value!r} (first used at {where})"))
        else:
            seen[value] = (doc, path + (field_name,))
    return seen, out


def duplicate_ids(notes: Notes) -> list[Problem]:
    out = unique(notes.entries("sources", "sources"), "id", "source id")[1]
    out += unique(notes.entries("glossary", "terms"), "id", "term id")[1]
    out += unique(notes.factors, "id", "factor id")[1]
    return out + unique(notes.factors, "order", "factor order")[1]


def glossary_spellings(notes: Notes) -> list[Problem]:
    words: dict[str, tuple] = {}
    out = []
    for doc, term_path, term in notes.entries("glossary", "terms"):
        names = [term.get("term")] + (term.get("aliases") if isinstance(term.get("aliases"), list) else [])
        for j, name in enumerate(names):
            if isinstance(name, str) and name.strip():
                path = term_path + (("term",) if j == 0 else ("aliases", j - 1))
                if name.lower() in words:
                    out.append(doc.problem(path, f"'{name}' is already a glossary term or alias"))
                words.setdefault(name.lower(), path)
    return out


def reserved_ids(notes: Notes) -> list[Problem]:
    return [doc.problem(("id",), f"'{f['id']}' is a reserved name; choose another id")
            for doc, _, f in notes.factors if isinstance(f.get("id"), str) and f["id"] in RESERVED_IDS]


def corrections_after_publication(notes: Notes) -> list[Problem]:
    out = []
    for doc, _, f in notes.factors:
        published = f.get("published")
        for i, entry in enumerate(f.get("corrections") if isinstance(f.get("corrections"), list) else []):
            when = entry.get("date") if isinstance(entry, dict) else None
            # ISO dates compare correctly as text
            if isinstance(when, str) and isinstance(published, str) and when < published:
                out.append(doc.problem(("corrections", i, "date"), f"{when} is before the page was published ({published})"))
    return out


def unknown_sources(notes: Notes) -> list[Problem]:
    if "sources" in notes.failed or not notes.of("sources"):
        return []
    ids = notes.source_ids
    return [doc.problem(path, f"unknown source '{ref}'{did_you_mean(ref, ids)}") for doc, path, ref in notes.citations if ref not in ids]


def unknown_factors(notes: Notes) -> list[Problem]:
    out = []
    for doc, _, f in notes.factors:
        for path, ref in refs(f, "related"):
            if ref == f.get("id"):
                out.append(doc.problem(path, "a factor cannot be related to itself"))
            elif ref not in notes.factor_ids and "factor" not in notes.failed:
                out.append(doc.problem(path, f"unknown factor '{ref}'{did_you_mean(ref, notes.factor_ids)}"))
    return out


def unknown_terms(notes: Notes) -> list[Problem]:
    return [doc.problem(path, f"unknown glossary term '{ref}'{did_you_mean(ref, notes.term_ids)}")
            for doc in notes.of("glossary") for path, ref in refs(doc.data, "see_also") if ref not in notes.term_ids]


def uncited_sources(notes: Notes) -> list[Problem]:
    if notes.failed - {"sources"}:
        return []
    cited = {ref for _, _, ref in notes.citations}
    return [doc.problem(path, f"source '{sid}' is never cited", level=WARNING)
            for sid, (doc, path) in notes.source_ids.items() if sid not in cited]


def internal_links(notes: Notes) -> list[Problem]:
    """Links from prose to pages of this site must reach a page and an anchor that exist."""
    if notes.failed:
        return []
    anchors = site_anchors(notes)
    out = []
    for doc in notes.docs:
        for path, value, spec in texts(doc):
            if spec.get("x-markup") != "prose" or "](" not in value:
                continue
            for raw in text.links(" ".join(value.split())):
                kind, target = text.judge_link(raw)
                page, _, anchor = (target or "").partition("#")
                if kind == "internal" and (page not in anchors or (anchor and anchor not in anchors[page])):
                    out.append(doc.problem(path, f"link to '{target}' does not reach a page or anchor of this site"))
    return out


def site_anchors(notes: Notes) -> dict[str, set[str]]:
    """Every page a note may link to, with the anchors it is known to have."""
    pages: dict[str, set[str]] = {p: set() for p in ("index.md", *REFERENCE.values(), *HAND_WRITTEN)}
    pages[REFERENCE["sources"]] = set(notes.source_ids)
    pages[REFERENCE["glossary"]] = set(notes.term_ids)
    for _, _, f in notes.factors:
        if isinstance(f.get("id"), str):
            headings = [h for _, h in refs_of(f, "heading")] + [h for _, h in refs_of(f, "label")]
            pages[factor_path(f["id"])] = {slugify(h, "-") for h in headings}
    return pages


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


def refs_of(data, key: str):
    """Every text stored under `key` anywhere in data."""
    return [(path, v) for path, v in leaves(data) if path and path[-1] == key and isinstance(v, str)]


def leaves(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield from leaves(v, path + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from leaves(v, path + (i,))
    else:
        yield path, data
