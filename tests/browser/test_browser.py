"""The built site in Debian's chromium, driven by Playwright, served from 127.0.0.1."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from test_site import FACTOR_IDS


def test_every_factor_page_is_reached_by_its_card(page, site_url):
    for fid in FACTOR_IDS:
        page.goto(site_url)
        card = page.locator(f'.factor-cards a[href="factors/{fid}/"]')
        title = card.inner_text()
        card.click()
        expect(page).to_have_url(f"{site_url}factors/{fid}/")
        expect(page.locator("h1")).to_contain_text(title)


@pytest.mark.parametrize("query, factor", [
    ("NATO", "ceasefire-terms"),
    ("sanctions", "ceasefire-terms"),
    ("Moscow", "us-russia-relations"),
    ("1917", "putins-approach"),
    ("Fox", "atmosphere"),
])
def test_search_finds_the_factor(page, site_url, query, factor):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    # Results re-render as each key arrives: wait for the factor's link, not for a count.
    hit = page.locator(f'.md-search-result a.md-search-result__link[href*="/factors/{factor}/"]')
    expect(hit.first).to_be_attached(timeout=10_000)
    paths = {urlsplit(h).path for h in page.eval_on_selector_all(
        ".md-search-result a.md-search-result__link", "links => links.map(a => a.href)")}
    assert f"/factors/{factor}/" in paths, paths
