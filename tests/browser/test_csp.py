"""The second wall in Chromium: the Content-Security-Policy every built page carries
stops injected script (and is what stops it), every page still works under it,
and the last gate passes on the real build and fails a build it should."""
from __future__ import annotations

import re
import shutil

import pytest
from conftest import served, until
from playwright.sync_api import expect

from generator.adapters.csp import digest, inline_bodies
from generator.adapters.gate import gate

pytestmark = pytest.mark.slow

FACTOR = "factors/atmosphere/index.html"
INJECTED = """<img src="x" alt="" onerror="document.title='pwned'"><script>document.title='pwned'</script>"""
CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.effectiveDirective));
"""
"""Run before any of the page's own script (Playwright injects it, so no policy applies to it)."""


def sites(request, which: str):
    """The built site and its address: the real notes (real_site) or the fixture notes (built_site)."""
    if which == "real":
        return request.getfixturevalue("real_site"), request.getfixturevalue("real_url")
    return request.getfixturevalue("built_site"), request.getfixturevalue("site_url")


def pages(site) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def watched(page):
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script(WATCH)
    return errors


@pytest.fixture(scope="module")
def injected_sites(real_site, tmp_path_factory):
    """Two copies of the built site whose factor page has INJECTED in its article:
    one as built (with its policy), one with the policy meta removed (the control)."""
    root = tmp_path_factory.mktemp("injected")
    sites = {}
    for name, keep_csp in (("with-csp", True), ("without-csp", False)):
        site = root / name
        shutil.copytree(real_site, site)
        page = site / FACTOR
        html = page.read_text(encoding="utf-8")
        assert CSP_META.search(html), "the built page has no policy"
        if not keep_csp:
            html = CSP_META.sub("", html)
        article = re.search(r'<article class="md-content__inner md-typeset">', html)
        page.write_text(html[:article.end()] + INJECTED + html[article.end():], encoding="utf-8")
        sites[name] = site
    return sites


@pytest.fixture(scope="module")
def injected_urls(injected_sites):
    servers = {name: served(site) for name, site in injected_sites.items()}
    yield {name: next(server) for name, server in servers.items()}
    for server in servers.values():
        next(server, None)


def test_injected_script_and_event_handler_do_not_run(page, injected_urls, real_site):
    title = re.search(r"<title>([^<]*)</title>", (real_site / FACTOR).read_text(encoding="utf-8")).group(1)
    errors = watched(page)
    page.goto(injected_urls["with-csp"] + FACTOR.removesuffix("index.html"))
    until(page, "window.__violations.length >= 2")
    page.wait_for_load_state("load")
    assert page.title() == title
    assert sorted(set(page.evaluate("window.__violations"))) == ["script-src-attr", "script-src-elem"]
    assert any("Content Security Policy" in e for e in errors), errors


def test_without_the_policy_the_same_injection_runs(page, injected_urls):
    """The control: the policy is what stops the injection, not the way it is injected."""
    watched(page)
    page.goto(injected_urls["without-csp"] + FACTOR.removesuffix("index.html"))
    expect(page).to_have_title("pwned")
    assert page.evaluate("window.__violations") == []


@pytest.mark.parametrize("which", ["real", "fixture"])
def test_every_page_loads_under_its_policy_without_an_error(browser, request, which):
    """The real notes and the fixture notes (every part of the model) alike."""
    site, site_url = sites(request, which)
    assert len(pages(site)) >= 10
    for path in pages(site):
        context = browser.new_context()
        page = context.new_page()
        errors = watched(page)
        page.goto(site_url + path.removesuffix("index.html"))
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == [], path
        assert errors == [], (path, errors)
        assert page.evaluate("typeof __md_get") == "function", path  # Material's inline script ran
        context.close()


def test_the_colour_scheme_toggle_works_under_the_policy(page, real_url):
    errors = watched(page)
    page.goto(real_url)
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("button.site-palette").click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)
    page.reload()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)  # the choice was saved
    assert page.evaluate("window.__violations") == [] and errors == []


def test_a_source_popover_opens_under_the_policy(page, real_url):
    errors = watched(page)
    page.goto(f"{real_url}factors/ceasefire-terms/")
    # The marker's class: src-marker since the reading layer (source-marker before it)
    marker = page.locator("button.src-marker, button.source-marker").locator("visible=true").first
    target = marker.get_attribute("popovertarget")
    marker.click()
    expect(page.locator(f'[id="{target}"]')).to_be_visible()
    assert page.evaluate("id => document.getElementById(id).matches(':popover-open')", target)
    assert page.evaluate("window.__violations") == [] and errors == []


def test_search_works_under_the_policy(page, real_url):
    errors = watched(page)
    page.goto(real_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("ceasefire", delay=40)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)
    assert page.evaluate("window.__violations") == [] and errors == []


@pytest.mark.parametrize("which", ["real", "fixture"])
def test_the_gate_passes_on_the_built_sites(request, which):
    assert gate(sites(request, which)[0]) == []


@pytest.mark.parametrize("which", ["real", "fixture"])
def test_each_policy_allows_exactly_the_scripts_and_styles_its_page_holds(request, which):
    """The hashes are computed from the theme's partials, not read from the page:
    they must match what the page really holds, byte for byte, and nothing more."""
    site = request.getfixturevalue("real_site" if which == "real" else "built_site")
    for path in pages(site):
        html = (site / path).read_text(encoding="utf-8")
        head = html[html.index("<head>"):]
        assert re.match(r'<head>\s*<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"', head), path
        directives = {d.split()[0]: d.split()[1:] for d in CSP_META.search(html).group(1).split("; ")}
        scripts, styles = inline_bodies(html)
        assert sorted(directives["script-src"][1:]) == sorted({digest(s) for s in scripts}), path
        assert sorted(directives["style-src"][1:]) == sorted({digest(s) for s in styles}), path
        assert len(scripts) == 3, path  # Material's base and content scripts, the palette toggle's


def test_the_build_fails_when_the_gate_finds_a_problem(tmp_path):
    from site_build import build_site, copy_project

    project = copy_project(tmp_path / "project")
    about = project / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<img src="x.png" alt="" onerror="alert(1)">\n',
                     encoding="utf-8")
    result = build_site(project)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^site/about/index\.html:\d+: event-handler attribute onerror on <img>$", result.stderr, re.M), result.stderr
    assert "gate: 1 problem(s) in the built site" in result.stdout  # Abort prints there
