"""Every page of the built site in chromium: axe-core finds no violation in either
colour scheme, nothing is requested from another host, no cookie is set, the
keyboard reaches everything, and a factor page prints cleanly."""
from urllib.parse import urlsplit

import pytest
from conftest import ROOT
from playwright.sync_api import expect

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def site_pages(site):
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths] + ["no-such-page/"]


def test_the_site_has_the_pages_to_audit(built_site):
    pages = site_pages(built_site)
    assert len(pages) >= 12 and "" in pages and "factors/atmosphere/" in pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page(browser, built_site, site_url, scheme):
    # axe is added as an inline script, which each page's Content-Security-Policy
    # rightly blocks: the test's own tool, not the page, bypasses it.
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    found = []
    for path in site_pages(built_site):
        page.goto(site_url + path)
        # Material follows prefers-color-scheme; check the scheme really applied.
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        found += [f"{path or '/'}: {v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]
    context.close()
    assert found == []


def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, built_site, site_url):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    own = urlsplit(site_url).netloc
    for path in site_pages(built_site):
        page.goto(site_url + path, wait_until="networkidle")
        # the search box loads the index and its worker: exercise that too
        page.keyboard.press("/")
        page.keyboard.type("NATO", delay=20)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.cookie") == ""
    foreign = sorted({u for u in requested if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own})
    assert len(requested) > len(site_pages(built_site))
    assert foreign == []
    assert context.cookies() == []
    context.close()


def test_skip_link_is_the_first_tab_stop_and_visible_when_focused(page, site_url):
    page.goto(site_url + "factors/atmosphere/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to content"
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()")
    assert box[0] > 1 and box[1] > 1
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_focus_is_visible_on_links(page, site_url):
    page.goto(site_url + "factors/atmosphere/")
    link = page.locator(".md-content a[href$='us-russia-relations/']").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_search_is_reached_with_slash_and_with_tab(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.goto(site_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input') || document.activeElement.getAttribute('for') === '__search'"):
            break
    else:
        pytest.fail("search was not reached with Tab")


def test_factor_page_prints_without_chrome_and_with_source_urls(page, site_url):
    page.goto(site_url + "reference/sources/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-search"):
        expect(page.locator(chrome).first).to_be_hidden()
    link = page.locator('.md-content a[href^="https://"]').first
    after = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in after
    page.goto(site_url + "factors/atmosphere/")
    page.emulate_media(media="print")
    # each claim's sources print after it, with the original's address
    sources = page.locator(".source-popover").first
    expect(sources).to_be_visible()
    original = sources.locator('a[href^="https://"]').first
    assert original.get_attribute("href") in original.evaluate("a => getComputedStyle(a, '::after').content")
    expect(page.locator(".source-marker").first).to_be_hidden()
    expect(page.locator(".cite-this")).to_be_visible()
