"""Search that lands right, typed key by key in Debian's chromium: the
explanation ranks above the reference pages, snippets carry no footnote
numbers or claim labels, and one- or two-letter words are not prefixes."""
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

REFERENCE = ("/reference/sources/", "/reference/glossary/", "/reference/timeline/", "/reference/corrections/")


def search(page, site_url, query):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    expect(box).to_have_value(query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing|Type to start"), timeout=10_000)
    return page


def ranked_pages(page):
    """The pages in the order the results list them (each page's first link)."""
    hrefs = page.eval_on_selector_all(".md-search-result__item > a.md-search-result__link", "as => as.map(a => a.href)")
    return list(dict.fromkeys(urlsplit(h).path for h in hrefs))


@pytest.mark.parametrize("query, expected", [
    ("Heinrich", "/factors/atmosphere/"),
    ("Dmitriev", "/factors/us-russia-relations/"),
    ("NATO", "/factors/ceasefire-terms/"),
    ("sanctions", "/factors/ceasefire-terms/"),
    ("Donbas", None),
    ("Crimea", None),
    ("Anchorage", "/"),
])
def test_the_explanation_ranks_above_the_reference_pages(page, site_url, query, expected):
    search(page, site_url, query)
    if expected:
        expect(page.locator(f'.md-search-result__item > a.md-search-result__link[href*="{expected}"]').first).to_be_attached()
    pages = ranked_pages(page)
    explanation = [i for i, p in enumerate(pages) if p == "/" or p.startswith("/factors/")]
    reference = [i for i, p in enumerate(pages) if p in REFERENCE]
    assert explanation and explanation[0] == 0, pages
    assert not reference or max(explanation) < min(reference), pages
    assert not expected or expected in pages, pages


@pytest.mark.parametrize("query", ["Donbas", "ceasefire", "Crimea", "Fox News"])
def test_snippets_carry_no_footnote_numbers(page, site_url, query):
    search(page, site_url, query)
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    results = page.locator(".md-search-result__list")
    assert results.locator("sup").count() == 0
    text = results.inner_text()
    assert not re.search(r"[a-z][.,;:”\"’)]?\d", text), re.findall(r".{30}[a-z][.,;:”\"’)]?\d.{5}", text)


def test_snippets_do_not_run_claim_labels_into_sentences(page, site_url):
    # "Donbas" is in a paragraph of labelled claims (factor 2); a label read
    # "… the Donbas. Statement On 24 February …" in the snippet.
    search(page, site_url, "Donbas")
    text = page.locator(".md-search-result__list").inner_text()
    assert "24 February" in text
    assert not re.search(r"\b(Fact|Reported|Statement|Analysis) [A-Z]", text), text


def test_two_letters_are_a_whole_word_and_three_a_prefix(page, site_url):
    search(page, site_url, "no")
    marks = [m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()]
    assert all(m == "no" for m in marks), marks  # never "November" or "north" for "no"
    search(page, site_url, "nov")
    expect(page.locator('.md-search-result__item > a.md-search-result__link[href*="/factors/"]').first).to_be_attached()


def test_every_page_uses_material_s_worker_with_the_prefix_rule(built_site):
    from generator.mkdocs_search import MATERIAL_WORKER, PREFIX_RULE, WORKER

    worker = (built_site / WORKER).read_text()
    assert worker == (built_site / MATERIAL_WORKER).read_text() + PREFIX_RULE
    for html in built_site.rglob("*.html"):
        assert re.search(rf'"search": "[./]*{WORKER}"', html.read_text()), html
