"""Stage 3: turn validated Content into page texts, in memory.

Nothing here touches the disk except reading templates; write.py decides what
reaches docs/. Paths are relative to docs/.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml
from functools import lru_cache

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

from .schema import SCHEMA_DIR
from .validate import Content, refs

TEMPLATES = Path(__file__).parent / "templates"
FACTOR_DIR = "factors"
REFERENCE = {
    "timeline": "reference/timeline.md",
    "sources": "reference/sources.md",
    "glossary": "reference/glossary.md",
    "corrections": "reference/corrections.md",
}
DATA = "data/explainer.json"
SCHEMA_OUT = "data/schema"
LICENSE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
SNIPPETS = "_generated"
"""Files the site build reads but does not publish as pages (see mkdocs.yml)."""

GENERATED_ROOTS = ("index.md", FACTOR_DIR, "reference", "data", SNIPPETS)
"""Everything render() produces lives under these names at the top of docs/."""

KIND_LABELS = {"fact": "Fact", "reported": "Reported", "statement": "Statement", "analysis": "Analysis"}


def render(content: Content) -> dict[str, str]:
    """Every generated file, path relative to docs/ -> its text."""
    env = _environment()
    data = open_data(content)
    content = _with_safe_links(content)
    cites = citations(content)
    by_id = {f["id"]: f for f in content.factors}
    pages = {"index.md": env.get_template("home.md.j2").render(c=content, page="index.md")}
    for f in content.factors:
        path = factor_path(f)
        pages[path] = env.get_template("factor.md.j2").render(c=content, f=f, page=path, by_id=by_id, updated=last_updated(f))
    for name, path in REFERENCE.items():
        pages[path] = env.get_template(f"{name}.md.j2").render(
            c=content, page=path, cites=cites, titles=page_titles(content), log=corrections_log(content))
    tooltips = Tooltips(tooltip_terms(content), env.get_template("abbreviations.md.j2"))
    forms = term_forms(content)
    factor_pages = {factor_path(f) for f in content.factors}
    for path, text in pages.items():
        words = tooltips.used_in(text)
        if path in factor_pages and words:
            # Tooltips are for the mouse; keyboard and screen-reader users get
            # the same definitions as a section of the page.
            section = env.get_template("terms.md.j2").render(terms=terms_used(content, forms, words), page=path)
            text += section
            words = sorted(set(words) | set(tooltips.used_in(section)), key=tooltips.rank)
        pages[path] = text + "\n" + tooltips.definitions(words) if words else text
    pages[f"{SNIPPETS}/abbreviations.md"] = tooltips.definitions(tooltips.terms)  # for hand-written pages
    pages[f"{SNIPPETS}/nav.yml"] = nav_yaml(content)
    pages[DATA] = data
    for schema in sorted(SCHEMA_DIR.glob("*.schema.json")):
        pages[f"{SCHEMA_OUT}/{schema.name}"] = schema.read_text(encoding="utf-8")
    return pages


def open_data(content: Content) -> str:
    """The validated notes as one JSON document, published beside its schema."""
    doc = {
        "$schema": "schema/explainer.schema.json",
        "license": LICENSE,
        "site": content.site,
        "factors": content.factors,
        "sources": content.sources,
        "glossary": content.terms,
        "timeline": content.events,
    }
    # Compact: with indent, json falls back to its pure-Python encoder (slow at scale)
    return json.dumps(doc, ensure_ascii=False) + "\n"


def citation_list(content: Content, factor: dict) -> list[dict]:
    """The sources a factor cites, as schema.org CreativeWork for its JSON-LD.

    Built here, not in the theme template, so that templates only print data
    (Zensical's template engine cannot mutate lists or dicts)."""
    out = []
    for sid in page_sources(factor):
        s = content.source_by_id[sid]
        work = {"@type": "CreativeWork", "name": s["title"], "publisher": {"@type": "Organization", "name": s["outlet"]}}
        work.update({key: s[field] for field, key in (("url", "url"), ("date", "datePublished")) if field in s})
        out.append(work)
    return out


def last_updated(factor: dict) -> str:
    return max([factor["published"], *(c["date"] for c in factor.get("corrections", []))])


def corrections_log(content: Content) -> list[dict]:
    """Every correction and update across the factors, newest first."""
    entries = [{**c, "factor": f} for f in content.factors for c in f.get("corrections", [])]
    return sorted(entries, key=lambda e: (e["date"], -e["factor"]["order"]), reverse=True)


_MD_LINK = re.compile(r"(\[[^\]\n]+\]\(https?://[^)\s]+\))(?!\{)")


def _with_safe_links(content: Content) -> Content:
    """Links to other sites written in notes get rel="noopener noreferrer"."""
    def fix(value):
        if isinstance(value, str):
            return _MD_LINK.sub(r'\1{ rel="noopener noreferrer" }', value) if "](http" in value else value
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {k: fix(v) for k, v in value.items()}
        return value

    return Content(**{k: fix(v) if k != "source_by_id" else v for k, v in vars(content).items()})


def factor_path(factor: dict) -> str:
    return f"{FACTOR_DIR}/{factor['id']}.md"


def page_titles(content: Content) -> dict[str, str]:
    titles = {"index.md": "Home", REFERENCE["timeline"]: "Timeline"}
    titles.update({factor_path(f): f["title"] for f in content.factors})
    return titles


def citations(content: Content) -> dict[str, list[str]]:
    """source id -> the pages that cite it, in site order."""
    cites: dict[str, list[str]] = {}
    owners = [("index.md", content.site)] + [(factor_path(f), f) for f in content.factors]
    owners.append((REFERENCE["timeline"], {"events": content.events}))
    for page, data in owners:
        for sid in _source_refs(data):
            if page not in cites.setdefault(sid, []):
                cites[sid].append(page)
    return cites


def _source_refs(data):
    return (ref for _, ref in refs(data, "sources"))


def page_sources(data) -> list[str]:
    """Source ids cited in data, each once, in order of first citation."""
    return list(dict.fromkeys(_source_refs(data)))


def term_forms(content: Content) -> dict[str, int]:
    """Each spelling that shows a tooltip -> the index of its glossary entry.

    The term and its aliases, each also with a capital first letter (the abbr
    extension matches case-sensitively); the first entry to claim a spelling keeps it."""
    forms: dict[str, int] = {}
    for i, t in enumerate(content.terms):
        for word in [t["term"], *t.get("aliases", [])]:
            for form in (word, word[:1].upper() + word[1:]):
                forms.setdefault(form, i)
    return forms


def tooltip_terms(content: Content) -> list[tuple[str, str]]:
    """(word, definition) for every spelling that should show a tooltip."""
    out = [(form, content.terms[i]["definition"]) for form, i in term_forms(content).items()]
    # Longest first, so "frozen Russian assets" wins over a shorter term inside it.
    return sorted(out, key=lambda kv: (-len(kv[0]), kv[0]))


def terms_used(content: Content, forms: dict[str, int], words: list[tuple[str, str]]) -> list[dict]:
    """The glossary entries behind the tooltip words found on a page, in glossary order."""
    return [content.terms[i] for i in sorted({forms[w] for w, _ in words})]


NAV_GROUP = 50
"""Beyond this many factors the navigation groups them, NAV_GROUP to a group.

With navigation.prune, each page then carries one group's links rather than
every factor's: without it, a 1,000-factor site renders a million nav links."""


def factor_nav(factors: list[dict]) -> list[dict]:
    entries = [{f["title"]: factor_path(f)} for f in factors]
    if len(entries) <= NAV_GROUP:
        return entries
    groups = []
    for start in range(0, len(entries), NAV_GROUP):
        chunk = factors[start:start + NAV_GROUP]
        groups.append({f"Factors {chunk[0]['order']}–{chunk[-1]['order']}": entries[start:start + NAV_GROUP]})
    return groups


_WORD = re.compile(r"\w+")


class Tooltips:
    """Glossary tooltips for a page: the abbreviation definitions of the terms it uses.

    Appending every definition to every page would make each page's Markdown
    parse grow with the glossary: a 1,000-factor site would cost pages × terms.
    """

    def __init__(self, terms: list[tuple[str, str]], template):
        self.terms = terms
        self.template = template
        self.order = {word: rank for rank, (word, _) in enumerate(terms)}
        # Running every term's pattern over every page costs pages × terms; instead
        # each term is filed under its first word, and a page looks up its own words.
        self.by_first_word: dict[str, list] = {}
        for rank, (word, definition) in enumerate(terms):
            parts = _WORD.findall(word)
            # A one-word term found among the page's words needs no further search
            single = [word] == parts
            entry = (rank, word, definition, set(parts), None if single else re.compile(rf"\b{re.escape(word)}\b"))
            self.by_first_word.setdefault(parts[0] if parts else word, []).append(entry)

    def used_in(self, text: str) -> list[tuple[str, str]]:
        present = set(_WORD.findall(text))
        found = [entry for w in present for entry in self.by_first_word.get(w, ())
                 if entry[3] <= present and (entry[4] is None or entry[4].search(text))]
        return [(word, definition) for _, word, definition, _, _ in sorted(found, key=lambda e: e[0])]

    def definitions(self, terms) -> str:
        return self.template.render(terms=terms)

    def rank(self, entry: tuple[str, str]) -> int:
        return self.order[entry[0]]


def nav_yaml(content: Content) -> str:
    nav = [
        {"Home": "index.md"},
        {"The factors": factor_nav(content.factors)},
        {"Timeline": REFERENCE["timeline"]},
        {"Sources": REFERENCE["sources"]},
        {"Glossary": REFERENCE["glossary"]},
        {"Corrections and updates": REFERENCE["corrections"]},
        {"About": "about.md"},
    ]
    header = "# Written by `python -m generator build`; mkdocs.yml inherits it. Do not edit.\n"
    return header + yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=1000)


# --- template helpers -----------------------------------------------------------

def human_date(value: str) -> str:
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    month = dt.date(parts[0], parts[1], 1).strftime("%B")
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{parts[2]} {month} {parts[0]}"


def relative(target: str, page: str) -> str:
    """Link from one docs/ page to another, as MkDocs expects in Markdown."""
    here, _, _ = page.rpartition("/")
    there, _, name = target.rpartition("/")
    if here == there:
        return name
    return "../" * (here.count("/") + 1 if here else 0) + target


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


@lru_cache(maxsize=None)
def _environment() -> Environment:
    cache = TEMPLATES.parent / "__pycache__" / "jinja"
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
    env.filters.update(human_date=human_date, footnotes=footnotes, one_line=one_line, domain=domain, apa_date=apa_date)
    env.globals.update(
        relative=relative,
        front_matter=front_matter,
        factor_path=factor_path,
        page_sources=page_sources,
        citation_list=citation_list,
        REFERENCE=REFERENCE,
        KIND_LABELS=KIND_LABELS,
    )
    return env
