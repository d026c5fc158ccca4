"""Search on the REAL notes, typed key by key in Debian's chromium: a phrase finds
the page that holds it, the story ranks above the reference pages, the results
say "results", snippets read as prose, the landing page highlights what was
searched, short words are matched whole, and every page runs the site's worker."""
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

REFERENCE = ("/reference/sources/", "/reference/glossary/", "/reference/timeline/", "/reference/corrections/", "/reference/follow/")
RESULT = ".md-search-result__item > a.md-search-result__link"


def search(page, site_url, query):
    page.goto(site_url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=40)
    expect(box).to_have_value(query)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(re.compile("Initializing|Type to start"), timeout=10_000)
    return meta


def ranked_pages(page):
    """The pages in the order the results list them (each page's first link)."""
    return list(dict.fromkeys(urlsplit(h).path for h in page.eval_on_selector_all(RESULT, "as => as.map(a => a.href)")))


def story(path):
    return path in ("/", "/since/") or path.startswith("/factors/")


@pytest.mark.parametrize("query", ["Cold War", '"Cold War"'])
def test_a_phrase_lists_the_factor_about_us_russia_relations_first(page, real_url, query):
    search(page, real_url, query)
    expect(page.locator(RESULT).first).to_have_attribute("href", re.compile(r"factors/us-russia-relations/"))
    assert ranked_pages(page)[0] == "/factors/us-russia-relations/"


def test_why_no_ceasefire_lists_the_home_page_first(page, real_url):
    search(page, real_url, "why no ceasefire")
    expect(page.locator(RESULT).first).to_be_attached()
    assert ranked_pages(page)[0] == "/"


@pytest.mark.parametrize("query", ["Witkoff", "Zelensky"])
def test_names_list_a_story_page_above_the_reference_pages(page, real_url, query):
    search(page, real_url, query)
    expect(page.locator(RESULT).first).to_be_attached()
    pages = ranked_pages(page)
    reference = [i for i, p in enumerate(pages) if p in REFERENCE]
    assert story(pages[0]), pages
    assert reference, pages  # the name is on a reference page too: the rule is tested, not met by default
    assert all(story(p) for p in pages[:min(reference)]), pages


@pytest.mark.parametrize("query, many", [("Zelensky", True), ('"Cold War"', False)])
def test_the_results_are_counted_as_results_never_documents(page, real_url, query, many):
    meta = search(page, real_url, query)
    expect(page.locator(RESULT).first).to_be_attached()
    text = meta.inner_text()
    assert re.fullmatch(r"\d+ results" if many else r"1 result", text.strip()), text
    assert "document" not in page.locator(".md-search-result").inner_text()


@pytest.mark.parametrize("query", ["Donbas", "ceasefire", "Crimea", "Fox News"])
def test_snippets_carry_no_footnote_numbers_and_no_labels_run_into_sentences(page, real_url, query):
    search(page, real_url, query)
    expect(page.locator(".md-search-result__item").first).to_be_attached()
    results = page.locator(".md-search-result__list")
    assert results.locator("sup, .src-marker, .claim-kind, .src-popover").count() == 0
    text = results.inner_text()
    assert not re.search(r"[a-z][.,;:”\"’)]?\d", text), re.findall(r".{30}[a-z][.,;:”\"’)]?\d.{5}", text)
    # a claim label read "… in the Donbas. Statement On 24 February …" in the snippet
    assert not re.search(r"\b(Fact|Reported|Statement|Analysis|fact|reported|statement|analysis) [A-Z]", text), text
    assert not re.search(r"\d+ sources?\b|Archive and details|Details of this source|About this source|Close\b", text), text


@pytest.mark.parametrize("query, word", [("Witkoff", "witkoff"), ("Cold War", "cold")])
def test_the_landing_page_highlights_what_was_searched(page, real_url, query, word):
    search(page, real_url, query)
    first = page.locator(RESULT).first
    expect(first).to_be_attached()
    first.click()
    page.wait_for_load_state()
    assert parse_qs(urlsplit(page.url).query).get("h", [""])[0].strip(), page.url
    marks = page.locator("article mark")
    expect(marks.first).to_be_attached()
    assert any(word in m.lower().split() for m in marks.all_inner_texts()), marks.all_inner_texts()


def test_two_letters_are_a_whole_word_and_three_a_prefix(page, real_url):
    # "go" as a prefix would find "good", "government", "got": only "go" itself is found
    search(page, real_url, "go")
    expect(page.locator(".md-search-result mark").first).to_be_attached()
    marks = {m.strip().lower() for m in page.locator(".md-search-result mark").all_inner_texts()} - {""}
    assert marks == {"go"}, marks
    # from the third letter on, a word being typed is a prefix
    search(page, real_url, "gov")
    expect(page.locator(".md-search-result mark").first).to_be_attached()
    marks = {m.strip().lower() for m in page.locator(".md-search-result mark").all_inner_texts()} - {""}
    assert marks and all(m.startswith("gov") for m in marks) and any(m.startswith("government") for m in marks), marks


def test_every_page_uses_the_sites_worker_with_the_prefix_and_phrase_rules(real_site, page, real_url):
    from generator.adapters.search import MATERIAL_WORKER, PREFIX_RULE, RANK_RULE, WORKER

    # the worker copied is still Material's (the name is pinned with Material's version)
    material = real_site / MATERIAL_WORKER
    assert material.is_file(), MATERIAL_WORKER
    worker = (real_site / WORKER).read_text(encoding="utf-8")
    assert material.read_text(encoding="utf-8") in worker
    assert PREFIX_RULE in worker and RANK_RULE in worker
    for html in real_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        if "md-search__input" in text:
            assert re.search(rf'"search": "[./]*{WORKER}"', text), html
    # and the browser really starts that worker
    workers = []
    page.on("worker", lambda w: workers.append(w.url))
    search(page, real_url, "Anchorage")
    assert any(w.endswith("/" + WORKER) for w in workers), workers
