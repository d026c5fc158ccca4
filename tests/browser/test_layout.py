"""The site reads as a news explainer, tried in chromium at a phone's and a
laptop's width on the FIXTURE site (ids and titles read from the model, so new
content cannot break it): no sideways scroll at 320 px, its own identity and
palette, the scheme toggle, one reading column with the brand in the masthead and
the headline in the page, the kicker above it, the stepper, the menu, heading
anchors out of the tab order, the home page's answer-first order and cards with
no orphan, a factor page's byline, pull quote, map, accounts, fact check, share
and cite, the way on after the last factor, the timeline and the since list, the
footer's publisher, and the keyboard path to a term and a source marker. The
REAL site only for sideways scroll on its home and a factor, and for its five
reasons within the first two phone screens."""
import datetime as dt
import re

import pytest
import yaml
from conftest import PUBLIC_URL, ROOT, explainer, until
from playwright.sync_api import expect
from test_quality import site_pages

X = explainer()
REAL = explainer(ROOT)
FIRST, LAST = X.factors[0], X.factors[-1]
M = len(X.factors)
SITE_NAME = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
PHONE = {"width": 390, "height": 844}
SMALL = {"width": 320, "height": 640}
TABLET = {"width": 800, "height": 900}
LAPTOP = {"width": 1366, "height": 900}


def factor_path(f):
    return f"factors/{f.id}/"


def human(date):
    d = dt.date.fromisoformat(date) if isinstance(date, str) else date
    return f"{d.day} {d:%B} {d.year}"


def box(page, selector):
    """The first match's box in page coordinates."""
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); "
                                           "return {x: r.x, y: r.y + scrollY, w: r.width, h: r.height, bottom: r.bottom + scrollY}; }")


def heading_texts(locator):
    """Headings' own words, without their "¶" anchor."""
    return locator.evaluate_all("hs => hs.map(h => [...h.childNodes].filter(n => !(n.classList && n.classList.contains('headerlink')))"
                                ".map(n => n.textContent).join('').trim())")


def wide(page, width):
    return page.evaluate("document.documentElement.scrollWidth") > width


# ---- §1 identity and layout ----

def test_no_fixture_page_scrolls_sideways_at_320_px(at, built_site, site_url):
    page = at(SMALL, touch=True)
    found = []
    for path in site_pages(built_site):
        page.goto(site_url + path)
        if wide(page, SMALL["width"]):
            found.append((path or "/", page.evaluate("document.documentElement.scrollWidth")))
    assert found == []


@pytest.mark.parametrize("path", ["", f"factors/{REAL.factors[2].id}/"], ids=["home", "factor"])
def test_the_real_home_and_a_real_factor_do_not_scroll_sideways_at_320_px(at, real_url, path):
    page = at(SMALL, touch=True)
    page.goto(real_url + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]


def test_the_site_has_its_own_mark_and_favicon_and_no_theme_credit(at, built_site, site_url):
    page = at(LAPTOP)
    for name in ("logo.svg", "favicon.svg"):
        svg = (built_site / "assets" / name).read_text()
        assert svg.startswith("<svg") and len(svg.encode()) < 1000
    for path in site_pages(built_site):
        page.goto(site_url + path)
        icon = page.eval_on_selector("link[rel=icon]", "l => l.href")
        assert icon == site_url + "assets/favicon.svg", path
        text = page.locator("body").inner_text()
        assert "Made with" not in text and "Material for MkDocs" not in text, path
        brand = page.locator("header .site-brand")
        expect(brand.locator("svg.site-mark")).to_be_visible()
        expect(brand).to_have_text(SITE_NAME)
        assert brand.evaluate("a => a.href") == site_url, path
    response = page.request.get(site_url + "assets/favicon.svg")
    assert response.ok and response.headers["content-type"].startswith("image/svg+xml")


@pytest.mark.parametrize("viewport, size", [(PHONE, 17), (LAPTOP, 18)], ids=["phone", "laptop"])
def test_body_text_is_17_to_18_px_in_lines_of_at_most_about_75_characters(at, site_url, viewport, size):
    page = at(viewport)
    page.goto(site_url + factor_path(FIRST))
    para = page.locator("article h2 ~ p:not([class])").first
    assert para.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") == size
    chars = para.evaluate("""p => {
        const c = document.createElement('canvas').getContext('2d');
        const s = getComputedStyle(p);
        c.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const text = 'the talks turned to mending ties between Washington and Moscow';
        return p.clientWidth / (c.measureText(text).width / text.length);
    }""")
    assert 30 <= chars <= 75


@pytest.mark.parametrize("scheme, paper, mast", [("light", "rgb(255, 255, 255)", "rgb(22, 25, 29)"), ("dark", "rgb(20, 23, 27)", "rgb(10, 12, 15)")])
def test_both_schemes_use_the_sites_own_palette(at, site_url, scheme, paper, mast):
    page = at(LAPTOP, scheme)
    page.goto(site_url + factor_path(FIRST))
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == paper
    # the masthead is the site's ink with its red rule, not Material's indigo
    header = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('.md-header'));"
                           " return [s.backgroundColor, s.borderBottomColor]; })()")
    assert header == [mast, "rgb(193, 18, 31)"]
    ink = page.evaluate("getComputedStyle(document.querySelector('article h1')).color")
    assert ink == ("rgb(22, 25, 29)" if scheme == "light" else "rgb(236, 233, 228)")


SCHEME = "document.body.getAttribute('data-md-color-scheme')"
HEADER_BG = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
THEME_COLOR = "document.querySelector('meta[name=theme-color]').content"


def test_the_scheme_follows_the_system_until_the_reader_chooses_and_the_choice_is_kept(at, site_url):
    page = at(PHONE, "dark")
    page.goto(site_url)
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_BG) == "rgb(10, 12, 15)"
    expect(page.get_by_role("button", name="Switch to light mode")).to_be_visible()
    # no choice yet: a change of the system setting is followed at once
    page.emulate_media(color_scheme="light")
    until(page, SCHEME + " === 'default'")
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_BG) == "rgb(22, 25, 29)"
    # by keyboard, the toggle switches the scheme and says what it now does
    page.get_by_role("button", name="Switch to dark mode").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    expect(page.get_by_role("button", name="Switch to light mode")).to_be_visible()
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_BG) == "rgb(10, 12, 15)"
    # a chosen scheme outlasts the page and a change of the system setting
    page.goto(site_url + factor_path(FIRST))
    assert page.evaluate(SCHEME) == "slate"
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(200)
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate(THEME_COLOR) == "rgb(10, 12, 15)"


def test_without_script_the_toggle_is_not_shown(at, site_url):
    page = at(LAPTOP, "dark", java_script_enabled=False)
    page.goto(site_url)
    assert page.locator(".site-palette").count() == 1
    expect(page.locator(".site-palette")).to_be_hidden()


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_factor_pages_are_one_column_without_drawer_sidebar_or_contents(at, site_url, viewport):
    page = at(viewport)
    for f in X.factors:
        page.goto(site_url + factor_path(f))
        assert page.locator(".md-sidebar, .md-nav, [data-md-component=toc], [data-md-component=sidebar]").count() == 0
        # nothing on the page opens Material's drawer
        for i in range(page.locator("label[for=__drawer]").count()):
            expect(page.locator("label[for=__drawer]").nth(i)).to_be_hidden()
        article = box(page, "article.md-content__inner")
        # centred in the window, narrow enough to read
        assert abs((article["x"] + article["w"] / 2) - viewport["width"] / 2) < 2
        assert article["w"] <= min(760, viewport["width"])


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_masthead_shows_the_brand_and_the_page_its_headline_with_the_kicker_above(at, site_url, viewport):
    page = at(viewport)
    for path, headline in [("", X.site.title)] + [(factor_path(f), f.title) for f in X.factors]:
        page.goto(site_url + path)
        header = page.locator("header.md-header")
        expect(header.locator(".site-brand")).to_have_text(SITE_NAME)
        assert headline not in header.inner_text(), path
        h1 = page.locator("article h1")
        expect(h1).to_have_count(1)
        expect(page.get_by_role("heading", level=1, name=headline, exact=True)).to_be_visible()
        assert page.title().startswith(headline)
    for n, f in enumerate(X.factors, 1):
        page.goto(site_url + factor_path(f))
        kicker = page.locator("article .kicker")
        assert kicker.text_content().strip() == f"Factor {n} of {M}"
        assert box(page, "article .kicker")["bottom"] <= box(page, "article h1")["y"]


# ---- the stepper ----

@pytest.mark.parametrize("index", range(M))
def test_on_a_laptop_the_stepper_numbers_every_factor_with_its_title_and_marks_the_current_one(at, site_url, index):
    page = at(LAPTOP)
    page.goto(site_url + factor_path(X.factors[index]))
    expect(page.locator("nav.stepper .stepper__list")).to_be_visible()
    expect(page.locator("nav.stepper .stepper__compact")).to_be_hidden()
    steps = page.locator("nav.stepper .stepper__list a")
    expect(steps).to_have_count(M)
    assert [n.strip() for n in page.locator("nav.stepper .stepper__num").all_inner_texts()] == [str(i + 1) for i in range(M)]
    assert [t.strip() for t in page.locator("nav.stepper .stepper__title").all_inner_texts()] == [f.title for f in X.factors]
    for i in range(M):
        expect(steps.nth(i)).to_be_visible()
        assert steps.nth(i).evaluate("a => a.href") == site_url + factor_path(X.factors[i])
        assert steps.nth(i).get_attribute("aria-current") == ("page" if i == index else None)
    assert len({round(box(page, f"nav.stepper li:nth-child({i + 1})")["y"]) for i in range(M)}) == 1
    assert box(page, "nav.stepper")["bottom"] <= box(page, "article .kicker")["y"]


@pytest.mark.parametrize("index", range(M))
def test_on_a_phone_the_stepper_shows_where_the_reader_is_with_the_previous_and_next_factors(at, site_url, index):
    page = at(PHONE, touch=True)
    page.goto(site_url + factor_path(X.factors[index]))
    expect(page.locator("nav.stepper .stepper__list")).to_be_hidden()
    expect(page.locator("nav.stepper .stepper__where")).to_have_text(f"{index + 1}/{M}")
    for cls, other in (("stepper__prev", index - 1), ("stepper__next", index + 1)):
        link = page.locator(f"nav.stepper .{cls}")
        if 0 <= other < M:
            expect(link).to_be_visible()
            expect(link.locator(".stepper__near")).to_have_text(X.factors[other].title)
            assert link.evaluate("a => a.href") == site_url + factor_path(X.factors[other])
            assert box(page, f"nav.stepper .{cls}")["h"] >= 24  # a target a thumb can hit (WCAG 2.5.8)
        else:
            expect(link).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# ---- the menu ----

def nav_pages(built_site):
    """Every page but the 404 and those mkdocs.yml keeps out of the navigation (not_in_nav)."""
    hidden = {line.strip().removesuffix(".md") + "/" for line in (yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8")).get("not_in_nav") or "").splitlines() if line.strip()}
    return [p for p in site_pages(built_site)[:-1] if p not in hidden]


def menu_pages(page):
    return sorted({h.split("#")[0] for h in page.eval_on_selector_all("#site-menu a", "as => as.map(a => a.href)")})


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_menu_lists_every_page_and_opens_by_tap_and_key_and_closes_by_esc_and_close(at, built_site, site_url, viewport):
    touch = viewport is PHONE
    page = at(viewport, touch=touch)
    page.goto(site_url + factor_path(FIRST))
    menu, button = page.locator("#site-menu"), page.locator("header button.site-menu-button")
    assert button.get_attribute("popovertarget") == "site-menu" and menu.get_attribute("popover") == "auto"
    expect(button).to_be_visible()
    expect(menu).to_be_hidden()
    y = page.evaluate("scrollY")
    # by tap (or click)
    button.tap() if touch else button.click()
    expect(menu).to_be_visible()
    expect(menu).to_be_in_viewport()
    assert menu_pages(page) == sorted(site_url + p for p in nav_pages(built_site))
    expect(menu.locator('a[aria-current="page"]')).to_have_text(FIRST.title)
    close = menu.get_by_role("button", name="Close")
    close.tap() if touch else close.click()
    expect(menu).to_be_hidden()
    # by keyboard
    button.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    button.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('#site-menu')")
    close.focus()
    page.keyboard.press("Enter")
    expect(menu).to_be_hidden()
    assert page.evaluate("scrollY") == y
    # and it leads where it says
    button.click()
    menu.get_by_role("link", name=LAST.title, exact=True).click()
    expect(page).to_have_url(site_url + factor_path(LAST))


# ---- heading anchors ----

@pytest.mark.parametrize("hover", [False, True], ids=["keyboard", "mouse-on-a-heading"])
def test_heading_anchors_are_not_in_the_tab_order(at, site_url, hover):
    page = at(LAPTOP)
    page.goto(site_url + factor_path(FIRST))
    assert page.locator("article .headerlink").count() >= 3
    if hover:
        page.locator("article h2").nth(1).hover()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    landed, stops = [], 0
    for _ in range(400):
        page.keyboard.press("Tab")
        now = page.evaluate("(() => { const e = document.activeElement; return e === document.body ? null : "
                            "[e.className, e.textContent.trim(), e.closest('footer') !== null]; })()")
        if now is None:
            break
        stops += 1
        if "headerlink" in str(now[0]).split():
            landed.append(now)
        if now[2] and now[1] == page.locator("footer a").last.inner_text().strip():
            break
    assert stops > 20
    assert landed == []


# ---- §2 home ----

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_home_gives_the_standfirst_then_the_reasons_the_meeting_the_map_the_voices_the_since_teaser_and_the_cards(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url)
    order = ["article .standfirst", "article nav.reasons", "article .glance", "article figure.map-figure--compact",
             "article .voices", "article .since-teaser", "article ol.factor-cards"]
    for selector in order:
        expect(page.locator(selector)).to_be_visible()
    y = {s: box(page, s) for s in order}
    assert y[order[0]]["y"] < y[order[1]]["y"] < y[order[2]]["y"]
    if viewport is LAPTOP:
        # the meeting and the map side by side
        glance, figure = y["article .glance"], y["article figure.map-figure--compact"]
        assert abs(glance["y"] - figure["y"]) < 10 and figure["x"] >= glance["x"] + glance["w"]
    else:
        assert y["article .glance"]["bottom"] <= y["article figure.map-figure--compact"]["y"]
    assert max(y[s]["bottom"] for s in order[2:4]) <= y["article .voices"]["y"] < y["article .since-teaser"]["y"] < y["article ol.factor-cards"]["y"]
    # the reasons: one line each, numbered, each the factor's title linking its page
    reasons = page.locator("article nav.reasons ol > li")
    expect(reasons).to_have_count(M)
    for i, f in enumerate(X.factors):
        link = reasons.nth(i).locator("a").first
        expect(link).to_have_text(f.title)
        assert link.evaluate("a => a.href") == site_url + factor_path(f)
        assert reasons.nth(i).evaluate("li => getComputedStyle(li, '::before').content") not in ("none", "normal", "")
    # the meeting at a glance, with who was not there marked
    absent = page.locator("article .glance .summary-list__row--absent")
    expect(absent.locator("dt")).to_have_text("Not there")
    expect(absent.locator("dd")).to_have_text(X.site.meeting.absent)
    assert absent.evaluate("r => getComputedStyle(r).backgroundColor") != page.locator("article .glance").evaluate("g => getComputedStyle(g).backgroundColor")
    # the compact map leads to its factor; the voices name each side
    mapped = next(f for f in X.factors if f.map)
    assert page.locator("article figure.map-figure--compact a", has_text=f"factor {mapped.order}").evaluate("a => a.href") == site_url + factor_path(mapped)
    assert heading_texts(page.locator("article .voices .voice h3")) == [v.side for v in X.site.voices]
    assert page.locator("article .since-teaser a", has_text="what has happened since").evaluate("a => a.href") == site_url + "since/"
    # the byline and dates at the top
    dates = page.locator("article .page-dates")
    assert box(page, "article .page-dates")["bottom"] <= y["article nav.reasons"]["y"]
    assert X.site.publisher.byline in dates.inner_text() and f"Published {human(X.site.published)}" in dates.inner_text()


def test_the_real_home_has_its_five_reasons_within_the_first_two_phone_screens(at, real_url):
    page = at(PHONE, touch=True)
    page.goto(real_url)
    reasons = page.locator("article nav.reasons ol > li")
    expect(reasons).to_have_count(len(REAL.factors))
    assert len(REAL.factors) == 5
    for i, f in enumerate(REAL.factors):
        expect(reasons.nth(i).locator("a").first).to_have_text(f.title)
    assert box(page, "article nav.reasons ol > li:last-child")["bottom"] <= 1700


@pytest.mark.parametrize("width", [LAPTOP["width"], TABLET["width"]])
@pytest.mark.parametrize("count", range(2, 10))
def test_factor_cards_never_leave_one_card_alone_in_a_row(at, site_url, width, count):
    page = at({"width": width, "height": 900})
    page.goto(site_url)
    rows = page.evaluate("""n => {
        const list = document.querySelector('.factor-cards');
        const cards = [...list.children];
        while (list.children.length < n) list.append(cards[list.children.length % cards.length].cloneNode(true));
        while (list.children.length > n) list.lastElementChild.remove();
        const rows = {};
        for (const li of list.children) {
            const r = li.getBoundingClientRect(), t = Math.round(r.top);
            (rows[t] = rows[t] || []).push([r.left, r.right]);
        }
        const full = list.getBoundingClientRect();
        return Object.values(rows).map(cards => ({
            n: cards.length,
            widths: cards.map(([l, r]) => Math.round(r - l)),
            filled: Math.abs(cards[0][0] - full.left) < 2 && Math.abs(cards[cards.length - 1][1] - full.right) < 2,
        }));
    }""", count)
    assert sum(r["n"] for r in rows) == count
    assert max(r["n"] for r in rows) > 1, rows  # side by side at these widths
    assert 1 not in [r["n"] for r in rows], rows
    # every row is filled edge to edge by cards of one width
    for r in rows:
        assert r["filled"] and max(r["widths"]) - min(r["widths"]) <= 2, rows


def test_each_factor_card_gives_its_number_title_summary_and_reading_time(at, site_url):
    page = at(LAPTOP)
    page.goto(site_url)
    cards = page.locator("article .factor-cards > li")
    expect(cards).to_have_count(M)
    for i, f in enumerate(X.factors):
        card = cards.nth(i)
        expect(card.locator(".factor-card__kicker")).to_have_text(f"Factor {f.order}")
        expect(card.locator(".factor-card__title a:not(.headerlink)")).to_have_text(f.title)
        expect(card.locator(".factor-card__summary")).to_have_count(0)  # the reasons above give each in a line
        assert re.fullmatch(r"\d+ min read", card.locator(".factor-card__meta").inner_text().strip())


# ---- §3 factor pages ----

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_a_factor_page_gives_its_byline_and_dates_above_the_first_section_with_the_way_to_how_we_label_claims(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url + factor_path(FIRST))
    dates = page.locator("article .page-dates")
    text = dates.inner_text()
    assert text.startswith(X.site.publisher.byline) and f"Published {human(FIRST.published)}" in text and re.search(r"\d+ min read", text)
    if FIRST.corrections:
        assert f"Corrected on {human(max(c.date for c in FIRST.corrections))}" in text
    assert box(page, "article h1")["bottom"] <= box(page, "article .page-dates")["y"]
    assert box(page, "article .page-dates")["bottom"] <= box(page, "article h2")["y"]
    how = dates.get_by_role("link", name="How we label claims")
    assert how.evaluate("a => a.href") == site_url + "about/#how-we-label-claims"
    how.click()
    expect(page).to_have_url(site_url + "about/#how-we-label-claims")
    expect(page.locator("#how-we-label-claims")).to_be_in_viewport()


def test_a_factor_page_has_its_pull_quote_map_and_fact_check(at, site_url):
    f = next(f for f in X.factors if f.map and f.pull_quotes and f.fact_checks)
    page = at(LAPTOP)
    page.goto(site_url + factor_path(f))
    # the pull quote: the few words, who said them, and their source
    quote = page.locator("article figure.pull-quote").first
    expect(quote.locator("blockquote")).to_have_text(f"“{f.pull_quotes[0].quote}”")
    expect(quote.locator("figcaption .src-marker")).to_have_count(1)
    assert float(quote.locator("blockquote").evaluate("b => parseFloat(getComputedStyle(b).fontSize)")) > 18 * 1.2
    # the map: the drawing with its text alternative, the legend (each line sourced), what it does not show
    figure = page.locator("article figure.map-figure").first
    expect(figure.locator(".map-figure__title")).to_have_text(f.map.title)
    drawing = figure.locator("svg[role=img]")
    expect(drawing).to_be_visible()
    assert f.map.title in drawing.evaluate("s => s.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')")
    legend = figure.locator(".map-legend > li")
    expect(legend).to_have_count(len(f.map.areas))
    for i, area in enumerate(f.map.areas):
        expect(legend.nth(i)).to_contain_text(area.label)
        expect(legend.nth(i).locator(".map-key")).to_be_visible()
        expect(legend.nth(i).locator(".src-marker")).to_have_count(1)
    expect(figure.locator(".map-figure__note")).to_have_text(f.map.not_shown)
    assert box(page, "article figure.map-figure")["w"] <= box(page, "article")["w"]
    # the fact check: what was said elsewhere and what the sources show, sourced
    check = page.locator("article .fact-check").first
    expect(check).to_contain_text(f.fact_checks[0].elsewhere)
    expect(check).to_contain_text(f.fact_checks[0].sources_say)
    expect(check.locator(".src-marker")).to_have_count(1)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_accounts_sit_side_by_side_on_a_laptop_and_one_after_another_on_a_phone(at, site_url, viewport):
    f = next(f for f in X.factors if len(f.accounts) >= 2)
    page = at(viewport)
    page.goto(site_url + factor_path(f))
    accounts = page.locator("article .accounts > .account")
    expect(accounts).to_have_count(len(f.accounts))
    boxes = [accounts.nth(i).evaluate("e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.right, r.bottom]; }")
             for i in range(len(f.accounts))]
    assert heading_texts(accounts.locator("h3")) == [a.label for a in f.accounts]
    if viewport is LAPTOP:
        assert len({round(b[1]) for b in boxes}) == 1, boxes
        assert all(b[2] <= c[0] for b, c in zip(boxes, boxes[1:])), boxes
    else:
        assert len({round(b[0]) for b in boxes}) == 1, boxes
        assert all(b[3] <= c[1] for b, c in zip(boxes, boxes[1:])), boxes


def cite_parts(page):
    return page.evaluate("[document.querySelector('article .cite__apa').textContent.trim(), document.querySelector('article pre.cite__bibtex').textContent.trim()]")


def test_cite_this_page_is_closed_and_carries_the_real_address_and_todays_date(at, site_url):
    page = at(LAPTOP)
    page.goto(site_url + factor_path(FIRST))
    cite = page.locator("article details.cite")
    expect(cite).to_have_count(1)
    assert cite.evaluate("d => d.open") is False
    expect(page.locator("#cite-apa")).to_be_hidden()
    cite.locator("summary").click()
    expect(page.locator("#cite-apa")).to_be_visible()
    today = dt.date.today()
    apa, bibtex = cite_parts(page)
    assert apa.startswith(f"{SITE_NAME}. (") and FIRST.title in apa
    assert apa.endswith(f"Retrieved {human(today)}, from {PUBLIC_URL}{factor_path(FIRST)}"), apa
    assert f"url = {{{PUBLIC_URL}{factor_path(FIRST)}}}" in bibtex and f"urldate = {{{today.isoformat()}}}" in bibtex


def test_without_a_public_address_the_citation_takes_the_address_the_page_is_read_at(at, site_url):
    # a build without SITE_URL writes "this page's address": the script puts in the real one
    page = at(LAPTOP)
    url = site_url + factor_path(FIRST)

    def default_build(route):
        html = route.fetch().text()
        assert html.count(f"<span data-cite-address>{PUBLIC_URL}{factor_path(FIRST)}</span>") == 2
        route.fulfill(body=html.replace(f"<span data-cite-address>{PUBLIC_URL}{factor_path(FIRST)}</span>", "<span data-cite-address>this page's address</span>"),
                      content_type="text/html")

    page.route(url, default_build)
    page.goto(url + "#background")
    apa, bibtex = cite_parts(page)
    assert apa.endswith(f"from {url}") and f"url = {{{url}}}" in bibtex
    assert "this page's address" not in apa + bibtex


def test_copy_citation_and_copy_link_copy_them(at, site_url):
    page = at(LAPTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.add_init_script("delete Navigator.prototype.share")  # a browser without a share sheet
    url = site_url + factor_path(FIRST)
    page.goto(url + "#background")
    page.locator("article details.cite summary").click()
    page.get_by_role("button", name="Copy citation").click()
    expect(page.get_by_role("button", name="Copied")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == cite_parts(page)[0]
    page.get_by_role("button", name="Copy BibTeX").click()
    assert page.evaluate("navigator.clipboard.readText()") == cite_parts(page)[1]
    link = page.locator("article a.share-link")
    link.click()
    expect(page.locator("article .share-link__done")).to_have_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == url
    assert page.url == url + "#background"


def test_copy_link_opens_the_share_sheet_where_there_is_one(at, site_url):
    page = at(PHONE, touch=True)
    page.add_init_script("""Navigator.prototype.share = function (data) {
        (window.shared = window.shared || []).push(data); return Promise.resolve(); };""")
    url = site_url + factor_path(FIRST)
    page.goto(url)
    page.locator("article a.share-link").tap()
    assert page.evaluate("window.shared") == [{"title": page.title(), "url": url}]
    assert page.url == url


def test_without_script_copy_link_is_a_plain_link_to_the_page(at, site_url):
    page = at(PHONE, java_script_enabled=False)
    page.goto(site_url + factor_path(FIRST))
    link = page.locator("article a.share-link")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == PUBLIC_URL + factor_path(FIRST)
    assert page.locator("article details.cite").evaluate("d => d.open") is False


def test_bibtex_wraps_at_320_px(at, site_url):
    page = at(SMALL, touch=True)
    page.goto(site_url + factor_path(FIRST))
    page.locator("article details.cite summary").tap()
    pre = page.locator("article pre.cite__bibtex")
    expect(pre).to_be_visible()
    assert pre.evaluate("p => [p.scrollWidth, p.clientWidth, p.querySelector('code').scrollWidth, p.querySelector('code').clientWidth]") \
        == pre.evaluate("p => [p.clientWidth, p.clientWidth, p.querySelector('code').clientWidth, p.querySelector('code').clientWidth]")
    assert box(page, "article pre.cite__bibtex")["x"] + box(page, "article pre.cite__bibtex")["w"] <= SMALL["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= SMALL["width"]


def test_previous_and_next_show_their_titles_on_a_phone(at, site_url):
    page = at(PHONE)
    page.goto(site_url + factor_path(LAST))
    prev = page.locator(".pager__link--prev")
    expect(prev.locator(".pager__title")).to_have_text(X.factors[-2].title)
    assert prev.evaluate("a => a.href") == site_url + factor_path(X.factors[-2])
    expect(page.locator(".pager__link--next .pager__title")).to_be_visible()


def test_after_the_last_factor_the_reader_is_led_back_to_the_overview_and_on(at, site_url):
    page = at(PHONE)
    page.goto(site_url + factor_path(LAST))
    end = page.locator("article .series-end")
    links = end.locator("a")
    expect(links).to_have_count(2)
    expect(links.first).to_have_text("Back to the overview")
    nxt = links.nth(1).inner_text().strip()
    assert nxt.startswith("Next: ")
    expect(page.locator(".pager__link--next .pager__title")).to_have_text(nxt.removeprefix("Next: "))
    links.first.click()
    expect(page).to_have_url(site_url)
    page.go_back()
    links.nth(1).click()
    expect(page.get_by_role("heading", level=1, name=nxt.removeprefix("Next: "), exact=True)).to_be_visible()
    # only the last factor has it
    for f in X.factors[:-1]:
        page.goto(site_url + factor_path(f))
        expect(page.locator(".series-end")).to_have_count(0)


# ---- timeline and since ----

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_timeline_is_a_vertical_line_with_the_summit_day_marked(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url + "reference/timeline/")
    events = page.locator("ol.timeline > li.timeline__event")
    expect(events).to_have_count(len(X.timeline.events))
    assert [events.nth(i).locator(".timeline__date time").get_attribute("datetime") for i in range(events.count())] == \
        [str(e.date) for e in X.timeline.events]
    summit = page.locator("li.timeline__event--summit")
    expect(summit).to_have_count(1)
    assert summit.locator(".timeline__date time").get_attribute("datetime") == str(X.site.meeting.date)
    expect(summit.locator(".timeline__badge")).to_have_text(re.compile("summit day", re.I))
    plain = page.locator("li.timeline__event:not(.timeline__event--summit)").first
    assert summit.evaluate("li => getComputedStyle(li).backgroundColor") != plain.evaluate("li => getComputedStyle(li).backgroundColor")
    line = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('ol.timeline'), '::before'); return [s.width, s.position, s.content]; })()")
    assert line == ["3px", "absolute", '""']
    for i in range(events.count()):
        expect(events.nth(i).locator(".src-marker")).to_have_count(1)
    # events one under another
    ys = [events.nth(i).bounding_box()["y"] for i in range(events.count())]
    assert ys == sorted(ys) and len(set(ys)) == len(ys)


@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["phone", "laptop"])
def test_the_since_page_is_a_dated_list(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url + "since/")
    expect(page.get_by_role("heading", level=1, name=X.since.title, exact=True)).to_be_visible()
    entries = page.locator("ol.since-list > li.since-list__entry")
    expect(entries).to_have_count(len(X.since.entries))
    for i, e in enumerate(X.since.entries):
        assert entries.nth(i).locator(".since-list__date time").get_attribute("datetime") == str(e.date)
        assert heading_texts(entries.nth(i).locator(".since-list__heading")) == [e.heading]
        expect(entries.nth(i).locator(".src-marker")).to_have_count(len(e.claims))
    assert page.evaluate("getComputedStyle(document.querySelector('ol.since-list'), '::before').width") == "3px"
    dates = page.locator("article .page-dates").inner_text()
    assert dates.startswith(X.site.publisher.byline) and "Published" in dates


# ---- footer ----

def test_the_footer_names_the_publisher_on_every_page(at, built_site, site_url):
    page = at(PHONE)
    for path in site_pages(built_site):
        page.goto(site_url + path)
        publisher = page.locator("footer .site-footer__publisher")
        expect(publisher).to_be_visible()
        assert publisher.inner_text().startswith(f"Published by {X.site.publisher.name}."), path


# ---- keyboard ----

def tab(page):
    page.keyboard.press("Tab")
    return page.evaluate("""(() => { const e = document.activeElement;
        return {cls: String(e.className || ''), text: e.textContent.trim(), stepper: !!e.closest('nav.stepper'),
                target: e.getAttribute('popovertarget') || '', current: e.getAttribute('aria-current'), href: e.href || ''}; })()""")


def term_and_marker(page):
    reached = {}
    for _ in range(80):
        now = tab(page)
        kind = "term" if "term" in now["cls"].split() else "marker" if "src-marker" in now["cls"].split() else None
        if kind and kind not in reached:
            y = page.evaluate("scrollY")
            page.keyboard.press("Enter")
            popover = page.locator("#" + now["target"])
            expect(popover).to_be_visible()
            assert page.evaluate("scrollY") == y
            page.keyboard.press("Escape")
            expect(popover).to_be_hidden()
            assert page.evaluate("document.activeElement.getAttribute('popovertarget')") == now["target"]
            reached[kind] = now["text"]
        if len(reached) == 2:
            return reached
    return reached


def stepper_stops(page):
    """Tab from the top of the page: the skip link first, then what Tab reaches in the stepper."""
    assert tab(page)["text"] == "Skip to content"
    steps = []
    for _ in range(30):
        now = tab(page)
        if now["stepper"]:
            steps.append(now)
        elif steps:
            break
    return steps


def test_keyboard_path_on_a_laptop_from_the_skip_link_through_the_stepper_to_a_term_and_a_source_marker(at, site_url):
    page = at(LAPTOP)
    page.goto(site_url + factor_path(FIRST))
    steps = stepper_stops(page)
    assert [re.match(r"\d+", s["text"]).group() for s in steps] == [str(i + 1) for i in range(M)]
    assert [s["current"] for s in steps] == ["page"] + [None] * (M - 1)
    assert set(term_and_marker(page)) == {"term", "marker"}


def test_keyboard_path_on_a_phone_from_the_skip_link_through_the_compact_stepper_to_a_term_and_a_source_marker(at, site_url):
    page = at(PHONE)
    page.goto(site_url + factor_path(FIRST))
    steps = stepper_stops(page)
    assert [s["href"] for s in steps] == [site_url + factor_path(X.factors[1])]
    assert set(term_and_marker(page)) == {"term", "marker"}
