"""Quality every reader gets, in chromium. On the REAL site (what readers get):
axe-core finds no violation on any page (404 included) in either colour scheme,
with the menu open and with a source popover open too; nothing is requested from
another host and no cookie is set. On the fixture site: the skip link is the first
Tab stop, focus is visible on every link and button, search is reached with "/"
and with Tab, and a factor page prints without its chrome, with each source
link's address after it."""
from urllib.parse import urlsplit

import pytest
from conftest import ROOT, explainer
from playwright.sync_api import expect

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
X = explainer()
REAL = explainer(ROOT)


def site_pages(site):
    """Every page of a built site, as paths under its address, and one that does not exist (the 404)."""
    paths = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in paths] + ["no-such-page/"]


def test_the_real_site_has_every_page_to_audit(real_site):
    pages = site_pages(real_site)
    assert {"", "since/", "about/", "reference/sources/", "reference/timeline/", "reference/glossary/"} <= set(pages)
    assert {f"factors/{f.id}/" for f in REAL.factors} <= set(pages)


def axe(page):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def axe_context(browser, scheme, **kw):
    # axe is added as an inline script, which each page's Content-Security-Policy
    # rightly blocks: the test's own tool, not the page, bypasses it.
    return browser.new_context(color_scheme=scheme, bypass_csp=True, **kw)


def assert_scheme(page, scheme):
    # the palette script follows prefers-color-scheme: check the scheme really applied
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if scheme == "dark" else "default")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_any_page_of_the_real_site(browser, real_site, real_url, scheme):
    context = axe_context(browser, scheme)
    page = context.new_page()
    found = []
    for path in site_pages(real_site):
        response = page.goto(real_url + path)
        assert response.status == (404 if path == "no-such-page/" else 200), path
        assert_scheme(page, scheme)
        found += [f"{path or '/'}: {v}" for v in axe(page)]
    context.close()
    assert found == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}], ids=["phone", "laptop"])
def test_axe_finds_no_violations_with_the_menu_or_a_source_popover_open(browser, real_url, scheme, viewport):
    context = axe_context(browser, scheme, viewport=viewport)
    page = context.new_page()
    page.goto(f"{real_url}factors/{REAL.factors[0].id}/")
    assert_scheme(page, scheme)
    page.locator(".site-menu-button").click()
    expect(page.locator("#site-menu")).to_be_visible()
    with_menu = axe(page)
    page.keyboard.press("Escape")
    expect(page.locator("#site-menu")).to_be_hidden()
    marker = page.locator("article p .src-marker").first
    marker.click()
    popover = page.locator("#" + marker.get_attribute("popovertarget"))
    expect(popover).to_be_visible()
    with_popover = axe(page)
    context.close()
    assert (with_menu, with_popover) == ([], [])


def test_no_request_leaves_the_site_and_no_cookie_is_set(browser, real_site, real_url):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    own = urlsplit(real_url).netloc
    for path in site_pages(real_site):
        page.goto(real_url + path, wait_until="networkidle")
        # the search box loads the index and its worker, a marker opens its popover: exercise them too
        page.keyboard.press("/")
        page.keyboard.type("NATO", delay=20)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.cookie") == ""
    page.goto(f"{real_url}factors/{REAL.factors[0].id}/", wait_until="networkidle")
    page.locator("article .src-marker").first.click()
    page.locator(".site-menu-button").click()
    page.wait_for_load_state("networkidle")
    foreign = sorted({u for u in requested if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != own})
    assert len(requested) > len(site_pages(real_site))
    assert any(u.endswith("search_index.json") for u in requested)
    assert foreign == []
    assert context.cookies() == []
    context.close()


def test_skip_link_is_the_first_tab_stop_and_visible_when_focused(page, site_url):
    page.goto(f"{site_url}factors/{X.factors[0].id}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    expect(page.locator(":focus")).to_be_in_viewport()
    box = page.evaluate("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height]; })()")
    assert box[0] > 40 and box[1] > 10
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


# A focus indicator: Material's own outline is replaced by the site's (a yellow
# background with a dark bar, kept in Windows' contrast mode by a transparent outline).
FOCUS_STYLE = """e => {
    const s = getComputedStyle(e);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !/rgba\\(.*, 0\\)$|transparent/.test(s.outlineColor);
    return {tag: e.tagName, cls: String(e.className), text: e.textContent.trim().slice(0, 40),
            visible: e.matches(':focus-visible') && (outline || s.boxShadow !== 'none' || s.backgroundColor === 'rgb(255, 221, 0)'),
            style: [s.backgroundColor, s.boxShadow, s.outlineStyle, s.outlineColor, s.outlineWidth]};
}"""


@pytest.mark.parametrize("path", ["", f"factors/{X.factors[0].id}/"], ids=["home", "factor"])
def test_focus_is_visible_on_every_link_and_button_reached_by_tab(page, site_url, path):
    page.goto(site_url + path)
    seen, invisible, kinds = set(), [], set()
    for _ in range(300):
        page.keyboard.press("Tab")
        key = page.evaluate("(() => { const e = document.activeElement; return e === document.body ? null : "
                            "[...document.querySelectorAll('*')].indexOf(e); })()")
        if key is None or key in seen:
            break
        seen.add(key)
        now = page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
        kinds.add(now["tag"])
        if not now["visible"]:
            invisible.append(now)
    assert {"A", "BUTTON"} <= kinds and len(seen) > 20
    assert invisible == []


def test_search_is_reached_with_slash_and_with_tab(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.goto(site_url)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("search was not reached with Tab")
    page.keyboard.type("first")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_a_factor_page_prints_without_chrome_and_with_each_source_address(page, site_url):
    page.goto(f"{site_url}factors/{X.factors[0].id}/")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".site-menu-button", "#site-menu", ".md-search", ".stepper", ".share-cite", ".md-footer", ".src-marker"):
        assert page.locator(chrome).count() >= 1, chrome
        for i in range(page.locator(chrome).count()):
            expect(page.locator(chrome).nth(i)).to_be_hidden()
    expect(page.locator("article h1")).to_be_visible()
    # each claim's sources print after it, each original with its address
    links = page.locator('article .src-entry a[href^="https://"]')
    assert links.count() >= 3
    for i in range(links.count()):
        link = links.nth(i)
        expect(link).to_be_visible()
        assert f"({link.get_attribute('href')})" in link.evaluate("a => getComputedStyle(a, '::after').content")
    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
    expect(links.first).to_be_hidden()
