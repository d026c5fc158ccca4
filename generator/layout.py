"""Where things live: the note folders under content/ and the generated paths under docs/.

write.py, the templates, the tests and the benchmark all read these names from
here, so a path cannot be spelled two ways.
"""
from __future__ import annotations

FACTOR_DIR = "factors"
"""Factor notes live in content/factors/; their pages in docs/factors/."""

SINGLE_FILES = {
    "site.yaml": "site",
    "sources.yaml": "sources",
    "glossary.yaml": "glossary",
    "timeline.yaml": "timeline",
    "since.yaml": "since",
}
"""The notes that sit directly in content/, and the schema each one follows."""

OPTIONAL_FILES = {"since.yaml"}
"""Notes a site may do without (a site about a meeting that just happened has no "since")."""

REFERENCE = {
    "timeline": "reference/timeline.md",
    "sources": "reference/sources.md",
    "glossary": "reference/glossary.md",
    "corrections": "reference/corrections.md",
    "follow": "reference/follow.md",
}
"""The reference pages, each rendered from templates/<name>.md.j2."""
SINCE = "since.md"
"""What has happened since the meeting (content/since.yaml)."""
DATA = "data/explainer.json"
SCHEMA_OUT = "data/schema"
FEEDS = "feeds"
"""Atom and JSON feeds of corrections and updates."""
SNIPPETS = "_generated"
"""Files the site build reads but does not publish as pages (see mkdocs.yml)."""
SHARE = "share"
"""Share images (generator/share.py): share/<page path>.png, for og:image."""

PAGE_HEADINGS = {
    "factor": ("In short", "The accounts side by side", "Fact checks", "Corrections and updates", "Related factors", "Cite this page", "APA", "BibTeX"),
    "home": ("The meeting at a glance", "In their own words", "What has happened since"),
    "since": ("What it means for the question", "What happened, in order"),
    "glossary": ("Glossary",),
    "sources": ("Sources",),
}
"""Headings a page prints whatever the notes say: the templates print these, and
check/ids.py keeps the headings and ids that notes choose clear of their ids."""

THEME_IDS = {
    "site-menu": "the site menu",
    "cite-apa": "the APA citation that 'Copy citation' copies",
    "cite-bibtex": "the BibTeX entry that 'Copy BibTeX' copies",
    "series-end-title": "the way on after the last factor",
    "corrections": "the page's corrections",
}
"""Ids the theme (overrides/) and the templates give elements on the pages notes
fill. Material's own ids all begin with '_' (__config, which its script reads
as JSON, __search, __drawer): check/ids.py keeps notes clear of both."""

GENERATED_ROOTS = ("index.md", SINCE, FACTOR_DIR, "reference", "data", FEEDS, SNIPPETS, SHARE)
"""Everything render() produces lives under these names at the top of docs/; the
generator writes and deletes nothing else."""


def factor_path(factor_id: str) -> str:
    """A factor's page, relative to docs/."""
    return f"{FACTOR_DIR}/{factor_id}.md"


def relative(target: str, page: str) -> str:
    """Link from one docs/ page to another, as MkDocs expects in Markdown."""
    here, _, _ = page.rpartition("/")
    there, _, name = target.rpartition("/")
    if here == there:
        return name
    return "../" * (here.count("/") + 1 if here else 0) + target


def is_generated(rel: str) -> bool:
    """True when a docs/-relative path is inside the generator's own roots."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or any(p in ("", ".", "..") for p in parts):
        return False
    return parts[0] in GENERATED_ROOTS and (len(parts) > 1 or parts[0].endswith(".md"))
