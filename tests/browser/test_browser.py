"""The fixture site in Debian's chromium, served from 127.0.0.1: every factor page
is reached from its card and from the home page's list of reasons, and search
finds each factor."""
from urllib.parse import urlsplit

import pytest
from conftest import explainer
from playwright.sync_api import expect

X = explainer()


@pytest.mark.parametrize("where", [".factor-cards", "nav.reasons"])
def test_every_factor_page_is_reached_from_the_home_page_by_its_title(page, site_url, where):
    for factor in X.factors:
        page.goto(site_url)
        link = page.locator(where).get_by_role("link", name=factor.title, exact=True)
        expect(link).to_have_count(1)
        link.click()
        expect(page).to_have_url(f"{site_url}factors/{factor.id}/")
        expect(page.locator("article").get_by_role("heading", level=1, name=factor.title, exact=True)).to_be_visible()


def test_a_click_anywhere_on_a_card_leads_to_its_factor(page, site_url):
    # the card is one link (its title's, stretched over it): a click on its kicker lands too
    for i, factor in enumerate(X.factors):
        page.goto(site_url)
        card = page.locator(".factor-cards > li").nth(i)
        expect(card.locator(".factor-card__kicker")).to_have_text(f"Factor {factor.order}")
        card.scroll_into_view_if_needed()
        kicker = card.locator(".factor-card__kicker").bounding_box()
        page.mouse.click(kicker["x"] + kicker["width"] / 2, kicker["y"] + kicker["height"] / 2)
        expect(page).to_have_url(f"{site_url}factors/{factor.id}/")


@pytest.mark.parametrize("factor", X.factors, ids=[f.id for f in X.factors])
def test_search_finds_the_factor_by_its_section_heading(page, site_url, factor):
    query = factor.sections[0].heading
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    # Results re-render as each key arrives: wait for the factor's link, not for a count.
    hit = page.locator(f'.md-search-result a.md-search-result__link[href*="/factors/{factor.id}/"]')
    expect(hit.first).to_be_attached(timeout=10_000)
    paths = [urlsplit(h).path for h in page.eval_on_selector_all(".md-search-result a.md-search-result__link", "links => links.map(a => a.href)")]
    assert paths[0] == f"/factors/{factor.id}/", paths
    hit.first.click()
    expect(page).to_have_url(f"{site_url}factors/{factor.id}/?h={query.lower().replace(' ', '+')}")
    expect(page.locator("article").get_by_role("heading", level=1, name=factor.title, exact=True)).to_be_visible()
