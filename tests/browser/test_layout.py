"""The site reads as a news explainer, tried in chromium at a phone's and a
laptop's width: own identity, one reading column, the factor stepper, the home
page's answer-first layout and infobox, cards without an orphan, the timeline,
previous/next with titles, the footer's publisher, no sideways scroll at 320 px,
and the keyboard path from the skip link through the stepper to a glossary term
and a source marker."""
import re

import pytest
import yaml
from test_quality import site_pages
from test_site import FACTOR_IDS

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}


@pytest.fixture
def at(browser):
    """at(viewport, scheme="light") -> a fresh page of that size and colour scheme."""
    contexts = []

    def make(viewport, scheme="light"):
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def box(page, selector):
    return page.eval_on_selector(selector, "e => { const r = e.getBoundingClientRect(); "
                                           "return {x: r.x, y: r.y + scrollY, w: r.width, h: r.height}; }")


def publisher_name(built_site):
    nav = yaml.safe_load((built_site.parent / "docs" / "_generated" / "nav.yml").read_text())
    return nav["extra"]["publisher"]["name"]


# ---- §1 identity and layout ----

def test_no_page_scrolls_sideways_at_320_px(at, built_site, site_url):
    page = at({"width": 320, "height": 640})
    wide = []
    for path in site_pages(built_site):
        page.goto(site_url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 320:
            wide.append((path or "/", width))
    assert wide == []


def test_the_site_has_its_own_mark_and_favicon_and_no_theme_credit(built_site, site_url, at):
    for path in site_pages(built_site)[:-1]:
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        assert "Made with" not in html and "squidfunk" not in html, path
        assert re.search(r'<link rel="icon" href="[./]*assets/favicon\.svg">', html), path
    for name in ("logo.svg", "favicon.svg"):
        svg = (built_site / "assets" / name).read_text()
        assert svg.startswith("<svg") and len(svg.encode()) < 1000
    page = at(LAPTOP)
    page.goto(site_url)
    # the mark is drawn inline in the masthead, beside the wordmark, and links home
    brand = page.locator("header .site-brand")
    assert brand.locator("svg.site-mark").count() == 1
    assert "Why Alaska brought no ceasefire" in brand.inner_text()
    assert brand.get_attribute("href") in (".", "./")


@pytest.mark.parametrize("viewport, size", [(PHONE, 17), (LAPTOP, 18)])
def test_body_text_is_17_to_18_px_in_lines_of_at_most_about_70_characters(at, site_url, viewport, size):
    page = at(viewport)
    page.goto(site_url + "factors/" + FACTOR_IDS[0] + "/")
    para = page.locator("article h2 ~ p:not([class])").first
    assert para.evaluate("p => parseFloat(getComputedStyle(p).fontSize)") == size
    chars = para.evaluate("""p => {
        const c = document.createElement('canvas').getContext('2d');
        const s = getComputedStyle(p);
        c.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const text = 'the talks turned to mending ties between Washington and Moscow';
        return p.clientWidth / (c.measureText(text).width / text.length);
    }""")
    assert chars <= 75


@pytest.mark.parametrize("scheme, background", [("light", "rgb(255, 255, 255)"), ("dark", "rgb(20, 23, 27)")])
def test_both_schemes_use_the_sites_own_palette(at, site_url, scheme, background):
    page = at(LAPTOP, scheme)
    page.goto(site_url)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    # the masthead is the site's ink with its red rule, not Material's indigo
    header = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('.md-header'));"
                           " return [s.backgroundColor, s.borderBottomColor]; })()")
    assert header[0] != "rgb(63, 81, 181)" and header[1] == "rgb(193, 18, 31)"


SCHEME = "document.body.getAttribute('data-md-color-scheme')"
HEADER_BG = "getComputedStyle(document.querySelector('.md-header')).backgroundColor"
THEME_COLOR = "document.querySelector('meta[name=theme-color]').content"


def test_the_scheme_follows_the_system_until_the_reader_chooses_and_the_choice_is_kept(at, site_url):
    page = at(PHONE, "dark")
    page.goto(site_url)
    assert page.evaluate(SCHEME) == "slate"
    toggle = page.get_by_role("button", name="Switch to light mode")
    assert toggle.is_visible()
    # no choice yet: a change of the system setting is followed at once
    page.emulate_media(color_scheme="light")
    page.wait_for_function(SCHEME + " === 'default'", timeout=5000)
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_BG)
    # by keyboard, the toggle switches the scheme and says what it now does
    page.get_by_role("button", name="Switch to dark mode").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"
    assert page.get_by_role("button", name="Switch to light mode").is_visible()
    assert page.evaluate(THEME_COLOR) == page.evaluate(HEADER_BG)
    # a chosen scheme outlasts the page and a change of the system setting
    page.goto(site_url + "factors/" + FACTOR_IDS[0] + "/")
    page.emulate_media(color_scheme="dark")
    page.wait_for_timeout(200)
    page.emulate_media(color_scheme="light")
    page.wait_for_timeout(200)
    assert page.evaluate(SCHEME) == "slate"


def test_without_script_the_toggle_is_not_shown(browser, site_url):
    context = browser.new_context(java_script_enabled=False, color_scheme="light")
    page = context.new_page()
    page.goto(site_url)
    assert page.locator(".site-palette").is_hidden()
    context.close()


def test_factor_pages_are_one_column_without_side_navigation_or_contents(at, site_url):
    page = at(LAPTOP)
    page.goto(site_url + "factors/" + FACTOR_IDS[1] + "/")
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".md-sidebar--secondary").is_hidden()
    article = box(page, "article.md-content__inner")
    # centred in the window, narrow enough to read
    assert abs((article["x"] + article["w"] / 2) - LAPTOP["width"] / 2) < 40
    assert article["w"] < 760


@pytest.mark.parametrize("index", range(len(FACTOR_IDS)))
def test_the_stepper_numbers_every_factor_and_marks_the_current_one(at, site_url, index):
    page = at(PHONE)
    page.goto(site_url + "factors/" + FACTOR_IDS[index] + "/")
    steps = page.locator("nav.stepper a")
    assert steps.count() == len(FACTOR_IDS)
    assert [n.strip() for n in page.locator("nav.stepper .stepper__num").all_inner_texts()] == \
        [str(i + 1) for i in range(len(FACTOR_IDS))]
    current = page.locator('nav.stepper a[aria-current="page"]')
    assert current.count() == 1
    assert current.get_attribute("href").rstrip("/").endswith(FACTOR_IDS[index]) or current.get_attribute("href") in ("./", ".")
    assert steps.nth(index).get_attribute("aria-current") == "page"
    # on a phone the steps are numbers in one row; their names are still read out
    tops = {round(box(page, f"nav.stepper li:nth-child({i + 1})")["y"]) for i in range(len(FACTOR_IDS))}
    assert len(tops) == 1
    title = page.locator("h1").inner_text()
    assert title in current.evaluate("a => a.textContent")
    assert box(page, "nav.stepper")["y"] < box(page, "h1")["y"]


# ---- §2 home ----

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP])
def test_home_gives_the_question_and_short_answer_first_and_the_meeting_at_a_glance(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url)
    question, answer = box(page, ".question"), box(page, ".short-answer")
    glance, cards = box(page, ".glance"), box(page, ".factor-cards")
    assert question["y"] < answer["y"] < cards["y"]
    assert [t.strip() for t in page.locator(".glance dt").all_inner_texts()] == \
        ["Date", "Place", "Who", "Format", "Length", "Outcome"]
    if viewport is LAPTOP:
        # beside the short answer, level with it
        assert glance["x"] >= answer["x"] + answer["w"]
        assert glance["y"] < answer["y"] + answer["h"]
    else:
        # right after it
        assert answer["y"] + answer["h"] <= glance["y"] < cards["y"]
    dates = page.locator(".page-dates").first.inner_text()
    assert re.search(r"Last updated \d{1,2} \w+ \d{4}", dates) and re.search(r"\d+ min read", dates)


@pytest.mark.parametrize("width", [1366, 800])
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
    if max(r["n"] for r in rows) > 1:
        assert 1 not in [r["n"] for r in rows], rows
    # every row is filled edge to edge by cards of one width
    for r in rows:
        assert r["filled"] and max(r["widths"]) - min(r["widths"]) <= 2, rows


def test_each_factor_card_gives_its_number_title_summary_and_reading_time(at, site_url):
    page = at(LAPTOP)
    page.goto(site_url)
    cards = page.locator(".factor-cards > li")
    assert cards.count() == len(FACTOR_IDS)
    for i in range(cards.count()):
        text = cards.nth(i).inner_text()
        assert text.upper().startswith(f"FACTOR {i + 1}") and re.search(r"\d+ min read$", text.strip())


# ---- §3 factor pages ----

def test_factor_page_shows_its_place_dates_and_reading_time_above_the_first_section(at, site_url):
    page = at(PHONE)
    page.goto(site_url + "factors/" + FACTOR_IDS[2] + "/")
    first_section = box(page, "article h2")
    factor_of = page.locator(".factor-of")
    assert factor_of.inner_text().strip().lower() == f"factor 3 of {len(FACTOR_IDS)}"
    dates = page.locator(".factor-of + p")
    assert re.search(r"Published \d{1,2} \w+ \d{4}", dates.inner_text()) and "min read" in dates.inner_text()
    assert box(page, "h1")["y"] < box(page, ".factor-of")["y"] < box(page, ".factor-of + p")["y"] < first_section["y"]


def test_previous_and_next_show_their_titles_on_a_phone(at, site_url):
    page = at(PHONE)
    page.goto(site_url + "factors/" + FACTOR_IDS[1] + "/")
    prev_title = page.locator(".pager__link--prev .pager__title")
    next_title = page.locator(".pager__link--next .pager__title")
    for title, target in ((prev_title, FACTOR_IDS[0]), (next_title, FACTOR_IDS[2])):
        assert title.is_visible() and box(page, f"{'.pager__link--prev' if title is prev_title else '.pager__link--next'} .pager__title")["w"] > 40
        assert target in title.locator("xpath=..").get_attribute("href")
    page.goto(site_url + "factors/" + FACTOR_IDS[2] + "/")
    assert page.locator(".pager__link--prev .pager__title").inner_text().strip() == \
        page.locator("nav.stepper li:nth-child(2) .stepper__title").inner_text().strip()


def test_after_the_last_factor_the_reader_is_led_back_to_the_overview_and_on_to_the_timeline(at, site_url):
    page = at(PHONE)
    page.goto(site_url + "factors/" + FACTOR_IDS[-1] + "/")
    links = page.locator(".series-end a")
    assert [l.strip() for l in links.all_inner_texts()] == ["Back to the overview", "On to the timeline"]
    links.first.click()
    assert page.url == site_url
    page.goto(site_url + "factors/" + FACTOR_IDS[-1] + "/")
    links.nth(1).click()
    assert page.url == site_url + "reference/timeline/"
    # only the last factor has it
    page.goto(site_url + "factors/" + FACTOR_IDS[0] + "/")
    assert page.locator(".series-end").count() == 0


# ---- §5 timeline ----

@pytest.mark.parametrize("viewport", [PHONE, LAPTOP])
def test_timeline_is_a_vertical_line_with_the_summit_day_marked(at, site_url, viewport):
    page = at(viewport)
    page.goto(site_url + "reference/timeline/")
    events = page.locator("ol.timeline > li.timeline__event")
    assert events.count() >= 10
    summit = page.locator("li.timeline__event--summit")
    assert summit.count() == 1
    assert summit.locator(".timeline__date time").get_attribute("datetime") == "2025-08-15"
    assert summit.locator(".timeline__badge").text_content() == "Summit day"
    plain = events.first.evaluate("li => getComputedStyle(li).backgroundColor")
    assert summit.evaluate("li => getComputedStyle(li).backgroundColor") != plain
    line = page.evaluate("getComputedStyle(document.querySelector('ol.timeline'), '::before').width")
    assert line == "3px"
    for i in range(events.count()):
        event = events.nth(i)
        assert event.locator(".timeline__date time").count() == 1 and event.locator(".source-marker").count() == 1
    # a source marker opens in place, as on factor pages, and the page does not move
    marker = summit.locator(".source-marker")
    marker.scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    marker.click()
    popover = page.locator("#" + marker.get_attribute("popovertarget"))
    assert popover.evaluate("p => p.matches(':popover-open')")
    assert page.evaluate("scrollY") == before
    page.keyboard.press("Escape")
    assert not popover.evaluate("p => p.matches(':popover-open')")


# ---- footer ----

def test_the_footer_names_the_publisher_on_every_page(built_site):
    name = publisher_name(built_site)
    for path in site_pages(built_site)[:-1]:
        footer = (built_site / path / "index.html").read_text(encoding="utf-8").split('<footer', 1)[1]
        assert f"Published by {name}." in footer, path


# ---- keyboard ----

def test_keyboard_path_from_the_skip_link_through_the_stepper_to_a_term_and_a_source_marker(at, site_url):
    page = at(PHONE)
    page.goto(site_url + "factors/" + FACTOR_IDS[0] + "/")

    def tab():
        page.keyboard.press("Tab")
        return page.evaluate("""(() => { const e = document.activeElement;
            return {cls: e.className || '', text: e.textContent.trim(), stepper: !!e.closest('nav.stepper'),
                    target: e.getAttribute('popovertarget') || '', current: e.getAttribute('aria-current')}; })()""")

    assert tab()["text"] == "Skip to content"
    steps = []
    for _ in range(30):
        now = tab()
        if now["stepper"]:
            steps.append(now)
        elif steps:
            break
    assert [re.match(r"\d+", s["text"]).group() for s in steps] == [str(i + 1) for i in range(len(FACTOR_IDS))]
    assert steps[0]["current"] == "page"
    reached = {}
    for _ in range(60):
        now = tab()
        kind = "term" if "term" in now["cls"].split() else "marker" if "source-marker" in now["cls"].split() else None
        if kind and kind not in reached:
            y = page.evaluate("scrollY")
            page.keyboard.press("Enter")
            popover = page.locator("#" + now["target"])
            assert popover.evaluate("p => p.matches(':popover-open')"), now
            assert page.evaluate("scrollY") == y
            page.keyboard.press("Escape")
            assert not popover.evaluate("p => p.matches(':popover-open')")
            reached[kind] = now["text"]
        if len(reached) == 2:
            break
    assert set(reached) == {"term", "marker"}, reached


# ---- the same partials under Zensical (its template engine differs) ----

from test_zensical import zensical_site  # noqa: E402,F401  (fixture)


def test_zensical_build_has_the_stepper_masthead_links_and_footer(zensical_site, built_site):
    html = (zensical_site / "factors" / FACTOR_IDS[-1] / "index.html").read_text(encoding="utf-8")
    stepper = html.split('<nav class="stepper"')[1].split("</nav>")[0]
    assert stepper.count('class="stepper__step') == len(FACTOR_IDS)
    assert stepper.count('aria-current="page"') == 1
    links = re.findall(r'<li><a href="[^"]*"[^>]*>([^<]+)</a></li>', html.split('<ul class="site-links">')[1].split("</ul>")[0])
    assert links == ["Overview", "Timeline", "Sources", "Glossary", "About"]
    assert f"Published by {publisher_name(built_site)}." in html
    assert "On to the timeline" in html
