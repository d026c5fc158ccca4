"""Hostile notes that `check` accepts, built into real sites and every page scanned.

The data are the valid scenarios (tests/scenarios/valid/): markup, template
syntax, character references, quotes that would break an attribute, titles that
would break YAML or a share card. They are built by the generator and MkDocs
into as few sites as possible (a scenario on a factor becomes an extra factor;
edits of other notes are made side by side while they do not overlap), with a
SITE_URL and a REPO_URL that hold characters HTML would read. Every page of
every site, theme chrome included (masthead, menu, stepper, pager, footer, the
404 page, <title>, share tags, JSON-LD), is then scanned twice:

- by the last gate (generator/adapters/gate.py), as every build is;
- by this file's own scan: no on… attribute, no link or source with another
  scheme, nothing loaded from another host, no comment, no element id given
  twice, one h1, and no element in a place where the same kind of page built
  from the plain fixture notes has none. Note text that Markdown or HTML read
  as markup would make one (a list, a definition, a rule, a tag, a comment).
"""
from __future__ import annotations

import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import scenarios
from conftest import FIXTURE
from site_build import build_site, copy_project

from generator.adapters.gate import gate

HOSTILE_ENV = {"SITE_URL": "https://example.org/&quot;x&lt;y;(z)*/", "REPO_URL": "https://example.org/r&amp;x=(1)"}
"""Addresses SITE_URL and REPO_URL accept that hold characters HTML reads (&, ;, parentheses)."""

URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href", "ping", "background", "cite"}
LOAD_ATTRS = URL_ATTRS - {"href", "cite", "action", "formaction", "ping"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PROSE = {"a", "em", "strong"}
"""What the prose subset makes (check/text.py): these may stand anywhere prose does."""
MOVABLE = {"button.term", "small.term-popover"}
"""A glossary term opens where prose first uses it, wherever that prose stands."""


# --- the sites -------------------------------------------------------------------

def as_extra_factor(s: scenarios.Scenario, n: int) -> scenarios.Scenario:
    """A scenario on a factor note, written as an extra factor of its own."""
    text = s.write if s.write is not None else (FIXTURE / "content" / s.target).read_bytes().decode("utf-8")
    for edit in s.replace if s.write is None else ():
        text = text.replace(edit["find"], edit["with"])
    text = re.sub(r"^id: [^\r\n]+", f"id: hostile-{n}", text, count=1, flags=re.M)
    text = re.sub(r"^order: [^\r\n]+", f"order: {100 + n}", text, count=1, flags=re.M)
    return scenarios.Scenario(s.name, s.path, f"factors/{100 + n}-{s.name}.yaml", write=text, exit=s.exit)


def fits(group: list[scenarios.Scenario], s: scenarios.Scenario) -> bool:
    """Whether s can be made after the group's edits: a new file, or finds that still occur once."""
    same = [g for g in group if g.target == s.target]
    if s.write is not None or any(g.write is not None for g in same):
        return not same
    text = (FIXTURE / "content" / s.target).read_bytes().decode("utf-8")
    for g in same:
        for edit in g.replace:
            text = text.replace(edit["find"], edit["with"])
    return all(text.count(edit["find"]) == 1 for edit in s.replace)


def groups() -> list[list[scenarios.Scenario]]:
    out: list[list[scenarios.Scenario]] = []
    for n, s in enumerate(scenarios.all_in("valid")):
        if s.target.startswith("factors/"):
            s = as_extra_factor(s, n)
        group = next((g for g in out if fits(g, s)), None)
        if group is None:
            out.append(group := [])
        group.append(s)
    return out


@pytest.fixture(scope="module")
def hostile_sites(tmp_path_factory) -> list[Path]:
    sites = []
    for i, group in enumerate(groups()):
        project = copy_project(tmp_path_factory.mktemp(f"hostile-{i}"), with_content=False)
        shutil.copytree(FIXTURE / "content", project / "content")
        for s in group:
            scenarios.apply(s, project)
        result = build_site(project, HOSTILE_ENV)
        assert result.returncode == 0, [s.name for s in group] + [result.stdout[-3000:], result.stderr[-3000:]]
        sites.append(project / "site")
    return sites


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def kind(site: Path, page: Path) -> str:
    rel = page.relative_to(site).as_posix()
    return "factor" if rel.startswith("factors/") else rel


# --- the scan --------------------------------------------------------------------

def sig(tag: str, attrs: dict) -> str:
    return ".".join([tag, *sorted((attrs.get("class") or "").split())])


class Scan(HTMLParser):
    """What a page holds that no note may make, and where each kind of element stands."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.places: set[tuple[str, str]] = set()  # (parent, element), each as tag.class.class
        self.ids: list[str] = []
        self.open: list[str] = ["#document"]
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and value:
                target = "".join(c for c in html.unescape(value) if c.isprintable() and not c.isspace()).lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", target)
                if scheme and scheme.group(1) not in ("http", "https", "mailto"):
                    self.found.append(f"<{tag} {name}={value!r}>: scheme {scheme.group(1)}")
                if name in LOAD_ATTRS and (scheme or target.startswith("//")):
                    self.found.append(f"<{tag} {name}={value!r}>: loads from another host")
            if name == "style":
                self.found.append(f"<{tag} style=…>")
            if name == "id":
                self.ids.append(value)
        self.h1 += tag == "h1"
        me = sig(tag, a)
        self.places.add((self.open[-1], me))
        if tag not in VOID:
            self.open.append(me)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.open.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.open) - 1, 0, -1):
            if self.open[i].split(".")[0] == tag:
                del self.open[i:]
                return

    def handle_comment(self, data):
        self.found.append(f"a comment <!--{data[:40]}")

    def finish(self) -> list[str]:
        self.close()
        twice = sorted({i for i in self.ids if self.ids.count(i) > 1})
        return self.found + [f"id {i!r} on more than one element" for i in twice] + ([f"{self.h1} h1 elements"] if self.h1 > 1 else [])


def scan(text: str) -> Scan:
    s = Scan()
    s.feed(text)
    return s


def unexpected(places: set[tuple[str, str]], allowed: set[tuple[str, str]]) -> list[str]:
    """Elements standing where the plain fixture's page of the same kind has none (prose's own aside)."""
    anywhere = {me for _, me in allowed}
    out = []
    for parent, me in sorted(places - allowed):
        if me.split(".")[0] in PROSE or (me in MOVABLE and me in anywhere):
            continue
        out.append(f"<{me}> inside <{parent}>")
    return out


@pytest.fixture(scope="module")
def allowed(built_site) -> dict[str, set]:
    """Where each kind of element stands on each kind of page, built from the plain fixture notes."""
    out: dict[str, set] = {}
    for page in pages(built_site):
        s = scan(page.read_text(encoding="utf-8"))
        assert s.finish() == [], page
        out.setdefault(kind(built_site, page), set()).update(s.places)
    return out


# --- the tests -------------------------------------------------------------------

def test_the_hostile_notes_share_few_sites():
    assert 1 <= len(groups()) <= 3, [[s.name for s in g] for g in groups()]
    assert len(scenarios.all_in("valid")) >= 40


def test_the_gate_passes_every_site(hostile_sites):
    assert {str(site): gate(site) for site in hostile_sites} == {str(site): [] for site in hostile_sites}


def test_no_page_holds_markup_a_note_wrote(hostile_sites, allowed):
    problems = {}
    for site in hostile_sites:
        for page in pages(site):
            s = scan(page.read_text(encoding="utf-8"))
            found = s.finish() + unexpected(s.places, allowed.get(kind(site, page), set()))
            if found:
                problems[f"{site.parent.name}/{page.relative_to(site).as_posix()}"] = found
    assert problems == {}


def test_feeds_json_ld_and_the_search_index_stay_data(hostile_sites):
    for site in hostile_sites:
        ET.fromstring((site / "feeds" / "corrections.atom").read_bytes())
        json.loads((site / "feeds" / "corrections.json").read_text(encoding="utf-8"))
        json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
        for page in pages(site):
            text = page.read_text(encoding="utf-8")
            for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, flags=re.S):
                json.loads(block)


def test_every_hostile_title_reaches_its_page_as_text(hostile_sites):
    """Shown exactly as written: the headline of each factor page is the note's title, character for character."""
    import yaml

    titles = {}
    for site in hostile_sites:
        project = site.parent
        for note in (project / "content" / "factors").glob("*.yaml"):
            data = yaml.safe_load(note.read_bytes().decode("utf-8"))
            titles[(site, data["id"])] = " ".join(data["title"].split())
    for (site, fid), title in titles.items():
        h1 = re.search(r"<h1[^>]*>(.*?)<", (site / "factors" / fid / "index.html").read_text(encoding="utf-8"), flags=re.S)
        assert html.unescape(h1.group(1)) == title


# --- the scan finds what it looks for ---------------------------------------------

@pytest.mark.parametrize("bad", [
    '<p onclick="alert(1)">x</p>',
    '<a href="java&#115;cript:alert(1)">x</a>',
    '<a href=" data:text/html,x">x</a>',
    '<img src="https://tracker.example/p.png">',
    '<p style="color:red">x</p>',
    "<!-- x --><p>y</p>",
    '<h2 id="a">x</h2><p id="a">y</p>',
    "<h1>a</h1><p>x</p><h1>b</h1>",
])
def test_the_scan_finds_what_it_looks_for(bad):
    assert scan(bad).finish()


def test_the_scan_finds_an_element_the_plain_page_has_not_there():
    plain = scan('<article><p class="page-dates">By the desk</p><ul><li>x</li></ul></article>').places
    listed = scan('<article><ul><li class="page-dates">By the desk</li></ul></article>').places
    assert unexpected(listed, plain) == ["<li.page-dates> inside <ul>"]
    assert unexpected(scan('<article><p class="page-dates">By <a href="https://x.org/">x</a></p></article>').places, plain) == []
