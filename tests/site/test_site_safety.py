"""Accepted-but-tricky notes (tests/data/valid) built by the generator AND mkdocs,
and the HTML scanned: no event-handler attribute, no link or source with a scheme
other than http(s), nothing loaded from another host, external links in the text
opened with rel="noopener noreferrer". The scenarios share as few mkdocs runs as
possible: factor scenarios are added side by side as extra factors."""
import html
import re
import shutil
from html.parser import HTMLParser

import pytest
import scenarios
from conftest import FIXTURE
from site_build import build_site, copy_project

URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


def projects():
    """Groups of valid scenarios that can share one site: at most one per note that is not a factor."""
    groups: list[dict] = []
    for n, s in enumerate(scenarios.all_in("valid")):
        if s.target.startswith("factors/"):
            body = re.sub(r"^id: [^\r\n]+", f"id: vs-{n}", s.body, count=1, flags=re.M)
            body = re.sub(r"^order: [^\r\n]+", f"order: {100 + n}", body, count=1, flags=re.M)
            s = scenarios.Scenario(s.name, f"factors/{100 + n}-{s.name}.yaml", body)
        group = next((g for g in groups if s.target not in g), None)
        if group is None:
            groups.append(group := {})
        group[s.target] = s
    return groups


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found, self.in_article, self.script, self.h1 = [], 0, False, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_article += tag == "article"
        self.h1 += tag == "h1"
        self.script = tag == "script" and attrs.get("type", "text/javascript") in ("text/javascript", "module")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in URL_ATTRS and value:
                target = "".join(c for c in html.unescape(value) if c.isprintable() and not c.isspace()).lower()
                scheme = re.match(r"([a-z][a-z0-9+.\-]*):", target)
                if scheme and scheme.group(1) not in ("http", "https"):
                    self.found.append(f"<{tag} {name}={value!r}> (scheme {scheme.group(1)})")
                if name != "href" and (scheme or target.startswith("//")):
                    self.found.append(f"<{tag} {name}={value!r}> (loads from another host)")
        if tag == "a" and self.in_article and attrs.get("href", "").startswith(("http://", "https://")):
            rel = set((attrs.get("rel") or "").split())
            if not {"noopener", "noreferrer"} <= rel:
                self.found.append(f"<a href={attrs['href']!r}> without rel=\"noopener noreferrer\"")

    def handle_data(self, data):
        if self.script and "alert(" in data:
            self.found.append("a script that a note wrote")

    def handle_endtag(self, tag):
        self.script = False if tag == "script" else self.script
        self.in_article -= tag == "article" and self.in_article > 0


@pytest.mark.parametrize("group", projects(), ids=lambda g: "+".join(sorted(s.name for s in g.values()))[:80])
def test_tricky_notes_build_into_inert_pages(group, tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project / "content")
    shutil.copytree(FIXTURE / "content", project / "content")
    for scenario in group.values():
        scenarios.apply(scenario, project)
    result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    problems = {}
    for page in sorted((project / "site").rglob("*.html")):
        scan = Scan()
        scan.feed(page.read_text(encoding="utf-8"))
        if scan.h1 > 1:
            scan.found.append(f"{scan.h1} h1 headings")
        if scan.found:
            problems[page.relative_to(project / "site").as_posix()] = scan.found
    assert problems == {}


@pytest.mark.parametrize("bad", [
    '<p onclick="alert(1)">x</p>',
    '<a href="java&#115;cript:alert(1)">x</a>',
    '<a href=" data:text/html,x">x</a>',
    '<img src="https://tracker.example/p.png">',
    '<article><a href="https://example.org/">x</a></article>',
    "<script>alert(1)</script>",
])
def test_the_scan_finds_what_it_looks_for(bad):
    scan = Scan()
    scan.feed(bad)
    assert scan.found


def test_second_h1_headings_are_counted():
    scan = Scan()
    scan.feed("<h1>a</h1><p>x</p><h1>b</h1>")
    assert scan.h1 == 2
