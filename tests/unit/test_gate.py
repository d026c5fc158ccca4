"""The last gate (generator/adapters/gate.py) on small hand-written sites: one
page per rule, each flagged with its exact line, and a clean page that passes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.adapters.csp import digest, policy
from generator.adapters.gate import gate, main

THEME_SCRIPT = "__md_scope=new URL('../..',location)"
CSP = f'<meta http-equiv="Content-Security-Policy" content="{policy([digest(THEME_SCRIPT)], [])}">'
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">{csp}
<title>A factor</title>
<link rel="stylesheet" href="../../assets/stylesheets/main.57a0d79d.min.css">
<script>{theme_script}</script>
</head><body><article class="md-content__inner"><h1>A factor</h1>
{body}
<p><a href="https://example.org/source" target="_blank" rel="noopener noreferrer">A source</a>
<a href="mailto:desk@example.org">Write to us</a> <a href="../../about/#report">Report</a></p>
</article>
<script id="__config" type="application/json">{{"base": "../.."}}</script>
<script type="application/ld+json">{{"@type": "Article"}}</script>
<script src="../../assets/javascripts/bundle.a5f9d56c.min.js" defer></script>
</body></html>
"""
BODY_LINE = 7
FACTOR = "factors/first/index.html"


def site_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    site = tmp_path / "site"
    for name, text in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text, encoding="utf-8")
    return site


def page(body: str = "", csp: str = CSP, theme_script: str = THEME_SCRIPT) -> str:
    return PAGE.format(body=body, csp=csp, theme_script=theme_script)


def problems_in(tmp_path, body: str, **kw) -> list[str]:
    site = site_with(tmp_path, {FACTOR: page(body, **kw)})
    return [line.removeprefix(f"{site}/") for line in gate(site)]


def test_a_clean_page_passes(tmp_path):
    site = site_with(tmp_path, {FACTOR: page(), "reference/page/index.html": page().replace("<article", "<main")})
    assert gate(site) == []


@pytest.mark.parametrize("body, message", [
    # on… attributes, on any element, SVG included
    ('<img src="a.png" alt="" onerror="alert(1)">', "event-handler attribute onerror on <img>"),
    ('<svg><circle r="1" ONLOAD="alert(1)"/></svg>', "event-handler attribute onload on <circle>"),
    ('<details open ontoggle="alert(1)"><summary>x</summary></details>', "event-handler attribute ontoggle on <details>"),
    # scripts the theme did not ship
    ('<script src="../../evil.js"></script>', "<script src> not shipped by the theme: ../../evil.js"),
    ('<script src="../../assets/javascripts/bundle.js"></script>',
     "<script src> not shipped by the theme: ../../assets/javascripts/bundle.js"),
    ("<script>alert(1)</script>",
     f"inline script not allowed by this page's Content-Security-Policy ({digest('alert(1)')})"),
    ("<script type=module>alert(1)</script>",
     f"inline script not allowed by this page's Content-Security-Policy ({digest('alert(1)')})"),
    ("<script/>alert(1)</script>",
     f"inline script not allowed by this page's Content-Security-Policy ({digest('alert(1)')})"),
    ('<script type="importmap">{}</script>', "<script type=importmap> is neither JavaScript nor a data block the theme prints"),
    # schemes other than http(s), mailto for links
    ('<a href="javascript:alert(1)">x</a>', "href with scheme javascript: on <a>: javascript:alert(1)"),
    ('<a href=" JaVa&#9;Script:alert(1)">x</a>', "href with scheme javascript: on <a>:  JaVa\\x09Script:alert(1)"),
    ('<a href="vbscript:msgbox(1)">x</a>', "href with scheme vbscript: on <a>: vbscript:msgbox(1)"),
    ('<a href="file:///etc/passwd">x</a>', "href with scheme file: on <a>: file:///etc/passwd"),
    ('<img src="data:image/png;base64,AAAA" alt="">', "src with scheme data: on <img>: data:image/png;base64,AAAA"),
    ('<img src="mailto:a@example.org" alt="">', "src with scheme mailto: on <img>: mailto:a@example.org"),
    ('<form action="javascript:alert(1)"></form>', "action with scheme javascript: on <form>: javascript:alert(1)"),
    ('<button formaction="data:text/html,x">x</button>', "formaction with scheme data: on <button>: data:text/html,x"),
    ('<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "xlink:href with scheme javascript: on <a>: javascript:alert(1)"),
    ('<img srcset="a.png 1x, javascript:b 2x" alt="">', "srcset with scheme javascript: on <img>: javascript:b"),
    # resources from another host
    ('<img src="https://evil.example/p.png" alt="">', "<img src> loads from another host: https://evil.example/p.png"),
    ('<img src="//evil.example/p.png" alt="">', "<img src> loads from another host: //evil.example/p.png"),
    ('<img src="/\\evil.example/p.png" alt="">', "<img src> loads from another host: /\\evil.example/p.png"),
    ('<img srcset="a.png 1x, https://evil.example/b.png 2x" alt="">',
     "<img srcset> loads from another host: https://evil.example/b.png"),
    ('<video poster="https://evil.example/p.png"></video>', "<video poster> loads from another host: https://evil.example/p.png"),
    ('<audio><source src="http://evil.example/a.mp3"></audio>', "<source src> loads from another host: http://evil.example/a.mp3"),
    ('<input type="image" src="https://evil.example/b.png" alt="x">',
     "<input src> loads from another host: https://evil.example/b.png"),
    ('<script src="https://evil.example/x.js"></script>', "<script src> loads from another host: https://evil.example/x.js"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link rel=stylesheet> loads from another host: https://evil.example/x.css"),
    ('<link rel="preload icon" href="//evil.example/x.png">', "<link rel=icon preload> loads from another host: //evil.example/x.png"),
    # links that open a new tab must not hand it this page
    ('<a href="https://example.org/" target="_blank">x</a>', "<a target=_blank> without rel=noopener: https://example.org/"),
    ('<a href="https://example.org/" target="_BLANK" rel="noreferrer">x</a>',
     "<a target=_blank> without rel=noopener: https://example.org/"),
    # elements never allowed
    ("<iframe></iframe>", "<iframe> is not allowed"),
    ("<object></object>", "<object> is not allowed"),
    ("<embed>", "<embed> is not allowed"),
    ('<base href="/">', "<base> is not allowed"),
    ('<meta http-equiv="Refresh" content="0; url=https://evil.example/">', "<meta http-equiv=refresh> is not allowed"),
    # one h1
    ("<h1>Another title</h1>", "more than one <h1>"),
])
def test_each_rule_flags_the_page_with_its_line(tmp_path, body, message):
    assert problems_in(tmp_path, body) == [f"{FACTOR}:{BODY_LINE}: {message}"]


def test_a_link_to_another_site_is_not_a_load(tmp_path):
    body = '<a href="https://evil.example/">x</a> <a href="//evil.example/">y</a> <link rel="canonical" href="https://e.example/">'
    assert problems_in(tmp_path, body) == []


def test_an_inline_script_on_a_page_without_a_policy(tmp_path):
    assert problems_in(tmp_path, "", csp="") == [
        f"{FACTOR}:5: inline script on a page without a Content-Security-Policy ({digest(THEME_SCRIPT)})"]


def test_a_policy_only_allows_what_follows_it(tmp_path):
    text = page().replace('<meta charset="utf-8">' + CSP, f'<meta charset="utf-8"><script>{THEME_SCRIPT}</script>{CSP}')
    site = site_with(tmp_path, {FACTOR: text.replace(f"<script>{THEME_SCRIPT}</script>\n</head>", "</head>")})
    assert gate(site) == [
        f"{site}/{FACTOR}:2: inline script on a page without a Content-Security-Policy ({digest(THEME_SCRIPT)})"]


def test_a_policy_that_allows_unsafe_inline(tmp_path):
    csp = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert problems_in(tmp_path, "", csp=csp) == [
        f"{FACTOR}:2: the Content-Security-Policy allows 'unsafe-inline' scripts"]


def test_a_factor_page_without_its_article_or_its_h1(tmp_path):
    no_article = page().replace("<article", "<div").replace("</article>", "</div>")
    h1_outside = page().replace("<h1>A factor</h1>", "").replace("</article>", "</article><h1>A factor</h1>")
    site = site_with(tmp_path, {FACTOR: no_article, "factors/second/index.html": h1_outside,
                                "reference/about/index.html": no_article})
    assert gate(site) == [
        f"{site}/{FACTOR}:1: factor page without its <article>",
        f"{site}/factors/second/index.html:1: factor page without an <h1> inside its <article>",
    ]


def index_with(tmp_path, *docs) -> tuple[Path, list[str]]:
    site = site_with(tmp_path, {"reference/page/index.html": page(),
                                "search/search_index.json": json.dumps({"config": {}, "docs": list(docs)})})
    return site, gate(site)


def test_the_search_index_keeps_only_materials_tags(tmp_path):
    kept = "<p>One</p><ul><li>two <code>x</code> <sup>1</sup><sub>2</sub></li></ul><ol><li>3</li></ol><pre>&lt;b&gt;</pre>"
    assert index_with(tmp_path, {"location": "a/", "title": "A &amp; B", "text": kept})[1] == []
    site, problems = index_with(tmp_path, {"location": "a/#x", "title": "Terms <img src=x onerror=alert(1)>", "text": "<p>ok</p>"},
                                {"location": "b/", "title": "B", "text": '<p class="x">a</p><!-- c --><mark>m</mark>'},
                                {"location": "javascript:alert(1)", "title": "C", "text": ""})
    index = f"{site}/search/search_index.json:1:"
    assert problems == [
        f"{index} search entry 'a/#x' title holds markup: <img src=x onerror=alert(1)>",
        f"{index} search entry 'b/' text holds markup: <p class=\"x\">",
        f"{index} search entry 'b/' text holds markup: <!",
        f"{index} search entry 'b/' text holds markup: <mark>",
        f"{index} search entry 'b/' text holds markup: </mark>",
        f"{index} search entry 'javascript:alert(1)' points outside the site",
    ]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Corrections</title>
  <link href="https://example.org/" rel="alternate"/>
  <entry><title>One</title><link href="{href}"/></entry>
</feed>
"""


def test_feeds_must_be_xml_with_http_links(tmp_path):
    site = site_with(tmp_path, {"reference/page/index.html": page(), "feeds/a.atom": ATOM.format(href="../factors/first/"),
                                "feeds/b.atom": ATOM.format(href="javascript:alert(1)"),
                                "feeds/c.atom": ATOM.format(href="x") + "\x01"})
    problems = gate(site)
    assert problems[0] == f"{site}/feeds/b.atom:5: feed link with scheme javascript: javascript:alert(1)"
    assert problems[1].startswith(f"{site}/feeds/c.atom:7: feed is not well-formed XML: "), problems
    assert len(problems) == 2, problems


def test_the_command_exits_1_and_names_each_problem(tmp_path, capsys):
    site = site_with(tmp_path, {FACTOR: page('<img src="a.png" alt="" onerror="alert(1)">')})
    assert main([str(site)]) == 1
    out, err = capsys.readouterr()
    assert out == f"{site}/{FACTOR}:{BODY_LINE}: event-handler attribute onerror on <img>\n"
    assert err == f"gate: 1 problem(s) in {site}\n"


def test_the_command_exits_0_on_a_clean_site_and_2_without_one_argument(tmp_path, capsys):
    site = site_with(tmp_path, {FACTOR: page()})
    assert main([str(site)]) == 0
    assert capsys.readouterr() == ("", "")
    assert main([]) == 2
    assert main([str(tmp_path / "missing")]) == 1


def test_the_module_runs_as_a_command(tmp_path):
    clean = site_with(tmp_path / "clean", {FACTOR: page()})
    dirty = site_with(tmp_path / "dirty", {FACTOR: page("<iframe></iframe>")})
    run = [sys.executable, "-m", "generator.adapters.gate"]
    ok = subprocess.run([*run, str(clean)], cwd=ROOT, capture_output=True, text=True)
    bad = subprocess.run([*run, str(dirty)], cwd=ROOT, capture_output=True, text=True)
    assert (ok.returncode, ok.stdout) == (0, "")
    assert (bad.returncode, bad.stdout) == (1, f"{dirty}/{FACTOR}:{BODY_LINE}: <iframe> is not allowed\n")
