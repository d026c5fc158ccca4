"""Source markers, claim labels and glossary terms, in chromium on the fixture site:
markers sit in their paragraphs with their popovers; a popover opens in place by
keyboard and by tap and closes with Esc and Close; on a laptop it sits beside
its marker without covering the sentence it sources; on a phone it is a bottom
sheet whose head (count and Close) stays in view (the biggest popover of the
REAL home page); labels open their meaning, terms their definition; search
leaves it all out; the feeds are in every head and cost no request."""
import json
import re

import pytest
from conftest import explainer
from playwright.sync_api import expect

X = explainer()
FIRST, SECOND = X.factors[0], X.factors[1]
LAPTOP = {"width": 1366, "height": 900}
PHONES = [{"width": 390, "height": 844}, {"width": 320, "height": 640}]
STORY = [""] + [f"factors/{f.id}/" for f in X.factors] + (["since/"] if X.since else [])


def is_open(locator):
    return locator.evaluate("p => p.matches(':popover-open')")


# ---- markup, read in the browser ----

def test_markers_sit_inside_their_paragraphs_with_their_popovers(at, site_url):
    page = at(LAPTOP)
    page.goto(f"{site_url}factors/{FIRST.id}/")
    for section in FIRST.sections:
        for para in section.paragraphs:
            ids = [f"src--{c.id}" for c in para.claims]
            found = page.evaluate("""ids => ids.map(id => {
                const marker = document.querySelector(`button.src-marker[popovertarget="${id}"]`);
                const popover = document.getElementById(id);
                const p = marker.closest('p');
                return {p: !!p, popover: p && p.contains(popover) && marker.nextElementSibling === popover,
                        same: p && ids.every(other => p.querySelector(`[popovertarget="${other}"]`)), text: p && p.innerText};
            })""", ids)
            for claim, f in zip(para.claims, found):
                assert f["p"] and f["popover"] and f["same"], (claim.id, f)
                assert f["text"].startswith(para.claims[0].text), (claim.id, f)


def test_the_search_index_leaves_markers_and_popovers_out(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text())
    story = " ".join(d["text"] for d in index["docs"] if d["location"].split("#")[0] in STORY)
    assert FIRST.sections[0].paragraphs[0].claims[0].text in story
    leaked = ["Details of this source", "Archive and details", "Report a mistake in this sentence", "Close", "In the glossary", "How we label claims", " sources</b>"]
    leaked += [t.definition for t in X.terms]
    leaked += [getattr(X.site.labels, kind) for kind in ("fact", "reported", "statement", "analysis")]
    leaked += [s.title for s in X.sources]
    assert [w for w in leaked if w in story] == []
    assert not re.search(r"\bOutlet (One|Two|Three) \+\d", story)


# ---- opening in place ----

def open_by_keyboard(page, selector, limit=120):
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            break
    else:
        pytest.fail(f"Tab never reached {selector}")
    y = page.evaluate("scrollY")
    page.keyboard.press("Enter")
    return y


INVOKERS = [
    (f'button.src-marker[popovertarget="src--{FIRST.sections[0].paragraphs[0].claims[0].id}"]', "a.src-entry__more"),
    ("button.term", 'a[href*="glossary/#"]'),
    ("button.claim-kind", 'a[href$="about/#how-we-label-claims"]'),
]


@pytest.mark.parametrize("viewport", [PHONES[0], LAPTOP], ids=["phone", "laptop"])
@pytest.mark.parametrize("invoker, link", INVOKERS, ids=["marker", "term", "label"])
def test_keyboard_opens_in_place_and_esc_and_close_close(at, site_url, viewport, invoker, link):
    page = at(viewport, touch=viewport is not LAPTOP)
    url = f"{site_url}factors/{FIRST.id}/"
    page.goto(url)
    target = page.locator(invoker).first.get_attribute("popovertarget")
    popover = page.locator("#" + target)
    expect(popover).to_be_hidden()
    y = open_by_keyboard(page, f'{invoker}[popovertarget="{target}"]')
    expect(popover).to_be_visible()
    expect(popover.locator(link).first).to_be_visible()
    expect(popover).to_be_in_viewport(ratio=1)
    assert page.url == url and page.evaluate("scrollY") == y
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()
    assert page.url == url and page.evaluate("scrollY") == y
    # again, and closed by its Close button, by keyboard
    page.locator(f'{invoker}[popovertarget="{target}"]').focus()
    page.keyboard.press("Enter")
    expect(popover).to_be_visible()
    close = popover.get_by_role("button", name="Close")
    close.focus()
    page.keyboard.press("Enter")
    expect(popover).to_be_hidden()
    assert page.url == url and page.evaluate("scrollY") == y


@pytest.mark.parametrize("path", [f"factors/{FIRST.id}/", "reference/timeline/"])
def test_a_tap_opens_a_marker_in_place_and_close_closes_it(at, site_url, path):
    page = at(PHONES[0], touch=True)
    page.goto(site_url + path)
    marker = page.locator("article .src-marker").last
    marker.scroll_into_view_if_needed()
    y = page.evaluate("scrollY")
    marker.tap()
    popover = page.locator("#" + marker.get_attribute("popovertarget"))
    expect(popover.locator("a.src-entry__more").first).to_be_visible()
    assert page.evaluate("scrollY") == y
    popover.get_by_role("button", name="Close").tap()
    expect(popover).to_be_hidden()
    assert page.evaluate("scrollY") == y


def test_a_label_opens_what_it_means_with_the_way_to_how_we_label_claims(at, site_url):
    page = at(PHONES[0], touch=True)
    page.goto(f"{site_url}factors/{FIRST.id}/")
    label = page.locator("article button.claim-kind").first
    kind = re.search(r"claim-kind--(\w+)", label.get_attribute("class")).group(1)
    label.tap()
    popover = page.locator(f"#kind--{kind}")
    expect(popover).to_be_visible()
    expect(popover).to_contain_text(getattr(X.site.labels, kind))
    how = popover.get_by_role("link", name="How we label claims")
    assert how.get_attribute("href").endswith("about/#how-we-label-claims")
    how.tap()
    expect(page).to_have_url(f"{site_url}about/#how-we-label-claims")
    expect(page.locator("#how-we-label-claims")).to_be_in_viewport()


def test_a_glossary_term_opens_its_definition(at, site_url):
    page = at(PHONES[0], touch=True)
    page.goto(f"{site_url}factors/{FIRST.id}/")
    term = page.locator("article button.term").first
    word = term.inner_text().strip().lower()
    entry = next(t for t in X.terms if word in [t.term.lower(), *(a.lower() for a in t.aliases)])
    term.tap()
    popover = page.locator("#" + term.get_attribute("popovertarget"))
    expect(popover).to_be_visible()
    expect(popover).to_contain_text(entry.definition)
    page.keyboard.press("Escape")
    expect(popover).to_be_hidden()


# ---- where it opens ----

# The marker's claim: the nodes before it in its block, back to the previous
# claim's popover; the rectangle they take on screen.
CLAIM_AND_POPOVER = """m => {
    const popover = document.getElementById(m.getAttribute('popovertarget'));
    let node = m.previousSibling, first = null;
    while (node && !(node.nodeType === 1 && node.matches('.src-popover, .src-marker'))) { first = node; node = node.previousSibling; }
    const box = r => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    if (!first) return null;
    const range = document.createRange();
    range.setStartBefore(first);
    range.setEndBefore(m);
    return {id: popover.id, text: range.toString().trim(), claim: box(range.getBoundingClientRect()),
            popover: box(popover.getBoundingClientRect()), marker: box(m.getBoundingClientRect()),
            open: popover.matches(':popover-open'), vw: innerWidth, vh: innerHeight};
}"""


def overlaps(a, b):
    return not (a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"])


def rounded(box):
    return [round(box[k]) for k in ("left", "top", "right", "bottom")]


def near(popover, marker, px=40):
    return min(abs(popover[e] - marker[m]) for e in ("top", "bottom") for m in ("top", "bottom")) <= px


@pytest.mark.parametrize("path", STORY)
def test_on_a_laptop_a_popover_opens_beside_its_marker_without_covering_its_sentence(at, site_url, path):
    page = at(LAPTOP)
    page.goto(site_url + path)
    markers = page.locator("article .src-marker")
    assert markers.count() >= 3
    checked, bad = 0, []
    for i in range(markers.count()):
        marker = markers.nth(i)
        # with the marker high and low in the window: below it there is room, then there is not
        for at_y in (120, LAPTOP["height"] - 60):
            marker.evaluate("(m, y) => scrollTo(0, scrollY + m.getBoundingClientRect().top - y)", at_y)
            marker.click()
            r = marker.evaluate(CLAIM_AND_POPOVER)
            page.keyboard.press("Escape")
            if r is None:
                continue
            checked += 1
            assert r["open"] and r["text"], r
            inside = r["popover"]["top"] >= 0 and r["popover"]["bottom"] <= r["vh"] and r["popover"]["left"] >= 0 and r["popover"]["right"] <= r["vw"]
            if overlaps(r["popover"], r["claim"]) or not near(r["popover"], r["marker"]) or not inside:
                bad.append(r)
    assert checked >= 6
    assert not bad, "\n".join(f"{r['id']}: claim {rounded(r['claim'])} marker {rounded(r['marker'])} popover {rounded(r['popover'])}" for r in bad)


def biggest_popover(page):
    return page.evaluate("""[...document.querySelectorAll('article .src-popover')]
        .sort((a, b) => b.querySelectorAll('.src-entry').length - a.querySelectorAll('.src-entry').length)[0].id""")


@pytest.mark.parametrize("phone", PHONES, ids=["390", "320"])
def test_on_a_phone_the_biggest_popover_is_a_bottom_sheet_whose_head_stays_in_view(at, real_url, phone):
    page = at(phone, touch=True)
    page.goto(real_url)
    pid = biggest_popover(page)
    marker = page.locator(f'article button.src-marker[popovertarget="{pid}"]')
    marker.scroll_into_view_if_needed()
    y = page.evaluate("scrollY")
    marker.tap()
    popover = page.locator("#" + pid)
    expect(popover).to_be_visible()
    assert page.evaluate("scrollY") == y
    count = int(re.fullmatch(r"(\d+) sources?", popover.locator(".src-popover__count").text_content()).group(1))
    assert count == popover.locator(".src-entry").count() >= 3
    sheet = popover.bounding_box()
    # a sheet along the bottom of the screen, the width of the screen less a margin
    assert phone["height"] - 24 <= sheet["y"] + sheet["height"] <= phone["height"], sheet
    assert sheet["x"] <= 16 and sheet["x"] + sheet["width"] >= phone["width"] - 16, sheet
    body = popover.locator(".src-popover__body")
    assert body.evaluate("b => b.scrollHeight > b.clientHeight"), "the biggest popover should need scrolling on a phone"
    body.evaluate("b => { b.scrollTop = b.scrollHeight; }")
    expect(popover.locator("a.src-entry__more").last).to_be_in_viewport(ratio=1)
    for part in (popover.locator(".src-popover__count"), popover.get_by_role("button", name="Close")):
        expect(part).to_be_in_viewport(ratio=1)
    # nothing covers the Close button: a tap there closes the sheet
    close = popover.get_by_role("button", name="Close").bounding_box()
    assert page.evaluate("([x, y]) => document.elementFromPoint(x, y).textContent.trim()",
                         [close["x"] + close["width"] / 2, close["y"] + close["height"] / 2]) == "Close"
    page.touchscreen.tap(close["x"] + close["width"] / 2, close["y"] + close["height"] / 2)
    expect(popover).to_be_hidden()
    assert page.evaluate("scrollY") == y


# ---- feeds ----

def test_the_feeds_are_discovered_in_every_head_and_cost_no_request(page, built_site, site_url):
    from test_quality import site_pages

    requested, failed = [], []
    page.on("request", lambda r: requested.append(r.url))
    page.on("response", lambda r: r.status >= 400 and failed.append(r.url))
    for path in site_pages(built_site)[:-1]:
        page.goto(site_url + path, wait_until="networkidle")
        feeds = page.eval_on_selector_all("head link", "links => links.filter(l => l.relList.contains('alternate')).map(l => [l.type, l.href])")
        assert feeds == [["application/atom+xml", f"{site_url}feeds/corrections.atom"],
                         ["application/feed+json", f"{site_url}feeds/corrections.json"]], path
    assert failed == []
    assert [u for u in requested if "/feeds/" in u or u.endswith("sitemap.xml")] == []
    for url in (f"{site_url}feeds/corrections.atom", f"{site_url}feeds/corrections.json"):
        assert page.request.get(url).ok, url
