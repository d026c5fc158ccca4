"""Sharing and search metadata, JSON-LD and trust features in the fixture site, and
titles that look like markup built into every place a title reaches."""
import datetime as dt
import html as htmllib
import json
import re
import shutil
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from conftest import FIXTURE, PUBLIC_URL, ROOT, explainer, head_meta, json_ld, parse_html
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from generator.layout import REFERENCE, SINCE, factor_path
from generator.render.meta import DESCRIPTION_MAX, description, page_meta
from generator.render.templating import human_date

X = explainer()
SITE_NAME = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
ABOUT = yaml.safe_load((ROOT / "docs" / "about.md").read_text(encoding="utf-8").split("---\n")[1])


def site_path(src: str) -> str:
    """docs/ source -> its folder on the site ('' for the home page)."""
    return "" if src == "index.md" else src.removesuffix(".md") + "/"


def expected_pages() -> dict[str, dict]:
    """Every page the fixture notes and docs/ make: site path -> title, description, kind."""
    pages = {"index.md": page_meta(X, "index.md"), "about.md": {**ABOUT, "kind": "about"}}
    pages |= {factor_path(f.id): {"title": f.title, "description": description(f.teaser.text if f.teaser else f.summary.text), "kind": "factor"} for f in X.factors}
    pages |= {SINCE: page_meta(X, SINCE)} if X.since else {}
    pages |= {src: page_meta(X, src) for src in REFERENCE.values()}
    return {site_path(src): meta for src, meta in pages.items()}


PAGES = expected_pages()


def read(site, path):
    return (site / path / "index.html").read_text(encoding="utf-8")


def doc(site, path):
    return parse_html(read(site, path))


def page_title(title: str) -> str:
    return title if title == SITE_NAME else f"{title} – {SITE_NAME}"


def test_the_site_has_exactly_the_pages_the_notes_make(built_site):
    built = {p.parent.relative_to(built_site).as_posix() for p in built_site.rglob("index.html")}
    assert {"" if p == "." else p + "/" for p in built} == set(PAGES)


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_page_has_its_title_description_canonical_and_share_tags(built_site, path):
    want = PAGES[path]
    page = doc(built_site, path)
    meta = head_meta(page)
    url = PUBLIC_URL + path
    assert page.find("head").find("title").text() == page_title(want["title"])
    assert meta["description"] == meta["og:description"] == meta["twitter:description"] == want["description"]
    assert 0 < len(meta["description"]) <= DESCRIPTION_MAX
    assert meta["og:title"] == meta["twitter:title"] == want["title"]
    assert page.find("link", rel="canonical").attrs["href"] == meta["og:url"] == url
    assert meta["og:type"] == ("article" if want["kind"] in ("factor", "since") else "website")
    assert meta["og:site_name"] == SITE_NAME
    assert meta["twitter:card"] == "summary_large_image"  # SITE_URL is set


def test_factor_and_since_pages_carry_article_json_ld_citing_exactly_the_sources_they_show(built_site):
    story = [(f"factors/{f.id}/", f.title, f.published, max([f.published, *(c.date for c in f.corrections)])) for f in X.factors]
    story += [("since/", X.since.title, page_meta(X, SINCE)["published"], page_meta(X, SINCE)["updated"])] if X.since else []
    for path, title, published, updated in story:
        page = doc(built_site, path)
        (ld,) = json_ld(page)
        assert (ld["@type"], ld["headline"], ld["datePublished"], ld["dateModified"]) == ("Article", title, published, updated)
        assert ld["url"] == ld["mainEntityOfPage"] == PUBLIC_URL + path
        cited, shown = cited_and_shown(page)
        assert shown and cited == shown, path
        publisher = ld["publisher"]
        assert publisher["name"] == X.site.publisher.name
        assert publisher["publishingPrinciples"] == PUBLIC_URL + "about/"
        assert publisher["correctionsPolicy"] == PUBLIC_URL + "reference/corrections/"
    # the pages the publisher's policies name exist
    assert (built_site / "about" / "index.html").is_file() and (built_site / "reference" / "corrections" / "index.html").is_file()


def cited_and_shown(page):
    """The works a page's JSON-LD cites, and the sources its source buttons open (each once)."""
    (ld,) = json_ld(page)
    cited = sorted([(c["@type"], c["name"], c["publisher"]["name"], c.get("url")) for c in ld["citation"]], key=str)
    shown = {a.attrs["href"].split("#")[1] for a in page.find_all("a", cls="src-entry__more")}
    return cited, sorted([("CreativeWork", s.title, s.outlet, s.url) for s in map(X.source_by_id.get, shown)], key=str)


def test_a_source_only_a_fact_check_cites_is_among_the_page_s_citations(tmp_path):
    from site_build import build_site, copy_project

    f = X.factors[0]
    spare = next(s.id for s in X.sources if s.id not in {sid for c in f.claims.values() for sid in c.sources})
    project = copy_project(tmp_path, with_content=False)
    shutil.copytree(FIXTURE / "content", project / "content")
    note = next((project / "content" / "factors").glob(f"*-{f.id}.yaml"))
    data = yaml.safe_load(note.read_text(encoding="utf-8"))
    data["fact_checks"][0]["sources"] = [spare]
    note.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result = build_site(project, {"SITE_URL": PUBLIC_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    cited, shown = cited_and_shown(doc(project / "site", f"factors/{f.id}/"))
    assert X.source_by_id[spare].title in {c[1] for c in shown}
    assert cited == shown


def test_json_ld_parses_on_every_page_and_says_what_each_page_is(built_site):
    kinds = {}
    for path in PAGES:
        for ld in json_ld(doc(built_site, path)):  # json.loads, or the test fails
            assert ld["@context"] == "https://schema.org"
            kinds[path] = ld["@type"]
    assert kinds.pop("") == "WebSite"
    assert kinds.pop("about/") == "AboutPage"
    assert kinds == {path: "Article" for path, meta in PAGES.items() if meta["kind"] in ("factor", "since")}


def test_sitemap_robots_and_a_404_that_lists_every_page(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert set(re.findall(r"<loc>([^<]+)</loc>", sitemap)) == {PUBLIC_URL + path for path in PAGES}
    assert (built_site / "robots.txt").read_text().splitlines()[-1] == f"Sitemap: {PUBLIC_URL}sitemap.xml"
    not_found = parse_html((built_site / "404.html").read_text(encoding="utf-8"))
    assert not_found.find("head").find("title").text() == page_title("Page not found")
    assert not_found.find("h1").text() == "Page not found"
    assert not_found.find_all("input", cls="md-search__input")
    listed = {urljoin(PUBLIC_URL, a.attrs["href"]): a.text() for a in not_found.find("article").find_all("a")}
    # every page in the navigation (the feeds page is linked from the corrections page instead)
    assert set(listed) == {PUBLIC_URL + path for path in PAGES if path != "reference/follow/"}
    for f in X.factors:
        assert listed[PUBLIC_URL + f"factors/{f.id}/"] == f.title


def test_factor_pages_show_their_dates_and_how_to_cite_them(built_site):
    for f in X.factors:
        path, url = f"factors/{f.id}/", f"{PUBLIC_URL}factors/{f.id}/"
        page = doc(built_site, path)
        dates = page.find("p", cls="page-dates")
        assert dates.find_all("time", datetime=f.published) and f"Published {human_date(f.published)}" in dates.text()
        share = page.find("section", cls="share-cite")
        assert share.find("a", cls="share-link").attrs["href"] == url
        cite = share.find("details", cls="cite")
        assert cite.find("summary").text() == "Cite this page"
        updated = max([f.published, *(c.date for c in f.corrections)])
        day = dt.date.fromisoformat(updated)
        apa = cite.find("p", cls="cite__apa", id="cite-apa")
        # the address is filled in by script from the page itself; the build writes the public one
        assert apa.text() == (f"{SITE_NAME}. ({day.year}, {day:%B} {day.day}). {f.title}. "
                              f"Retrieved on the date you read it, from {url}")
        assert apa.find("em").text() == f.title
        assert apa.find("span", data_cite_address=True).text() == url
        assert cite.find("button", data_copy="cite-apa")
        bib = cite.find("pre", id="cite-bibtex").text()
        assert bib.startswith(f"@online{{{f.id}-{updated[:4]},")
        assert f"title = {{{f.title}}}" in bib and f"url = {{{url}}}" in bib and f"year = {{{updated[:4]}}}" in bib


def test_the_corrections_page_exists_and_every_page_s_menu_leads_to_it(built_site):
    corrections = doc(built_site, "reference/corrections/")
    assert corrections.find("h1").text().startswith("Corrections and updates")
    for path in PAGES:
        menu = doc(built_site, path).find(id="site-menu")
        assert "reference/corrections/" in {urljoin(PUBLIC_URL + path, a.attrs["href"]).removeprefix(PUBLIC_URL)
                                            for a in menu.find_all("a")}, path


def test_the_sources_page_names_each_outlet_and_opens_each_original_safely(built_site):
    page = doc(built_site, "reference/sources/")
    for s in X.sources:
        entry = page.find("li", id=s.id)
        assert entry.find("b", cls="source-list__outlet").text() == s.outlet
        links = [a for a in entry.find_all("a") if a.attrs["href"] == s.url]
        assert len(links) == (1 if s.url else 0), s.id
        for a in links:
            assert a.text().startswith(s.title)
            assert (a.attrs.get("target"), a.attrs.get("rel")) == ("_blank", "noopener noreferrer")


def test_no_link_to_another_site_anywhere_goes_without_noopener(built_site):
    def own(href):  # an address of this site: one of its pages or files
        rel = urlsplit(href).path.removeprefix(urlsplit(PUBLIC_URL).path)
        return href.startswith(PUBLIC_URL) and ((built_site / rel / "index.html").is_file() or (built_site / rel).is_file())

    external = 0
    for html in sorted(built_site.rglob("*.html")):
        for a in parse_html(html.read_text(encoding="utf-8")).find_all("a", href=True):
            href = a.attrs["href"] or ""
            if urlsplit(href).scheme in ("http", "https") and not own(href):
                external += 1
                assert "noopener" in (a.attrs.get("rel") or "").split(), (html, href)
    assert external > len(X.sources)  # the check saw the source links and the report links


def test_open_data_and_its_schema_are_published_valid_and_linked_from_about(built_site):
    data = json.loads((built_site / "data" / "explainer.json").read_text(encoding="utf-8"))
    assert [f["id"] for f in data["factors"]] == [f.id for f in X.factors]
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (built_site / "data" / "schema").glob("*.schema.json")}
    registry = Registry().with_resources((name, Resource.from_contents(s)) for name, s in schemas.items())
    assert list(Draft202012Validator(schemas["explainer.schema.json"], registry=registry).iter_errors(data)) == []
    about = doc(built_site, "about/")
    linked = {urljoin(PUBLIC_URL + "about/", a.attrs["href"]) for a in about.find_all("a", href=True)}
    assert {PUBLIC_URL + "data/explainer.json", PUBLIC_URL + "data/schema/explainer.schema.json"} <= linked
    assert "CC BY 4.0" in about.find("article").text()


# --- titles that look like markup ------------------------------------------------

F1, F2 = "Terms <img src=x onerror=alert(1)>", "A</title><script>alert(1)</script>"
SINCE_TITLE, HOME_TITLE, PUBLISHER = "x <!--", 'Two "accounts" <of> the fixture & more', "The <b>fixture</b> desk"
FROM_NOTES = ("<img", "<script>alert", "<!--", "<b>fixture", "<of>")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The fixture notes with titles and a publisher name that look like markup."""
    from site_build import build_site, copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile"), with_content=False)
    shutil.copytree(FIXTURE / "content", project / "content")
    for note, old, new in [("factors/01-first.yaml", "title: The first factor", F1), ("factors/02-second.yaml", "title: The second factor", F2),
                           ("since.yaml", "title: What has happened since", SINCE_TITLE), ("site.yaml", "title: Fixture explainer", HOME_TITLE),
                           ("site.yaml", "  name: The fixture project", PUBLISHER)]:
        path = project / "content" / note
        text = path.read_text(encoding="utf-8")
        assert old in text, (note, old)
        path.write_text(text.replace(old, f"{old.split(':')[0]}: {json.dumps(new)}", 1), encoding="utf-8")
    result = build_site(project, {"SITE_URL": PUBLIC_URL, "REPO_URL": "https://github.com/example/explainer"})
    assert result.returncode == 0, result.stdout + result.stderr  # a title is plain text: escaped, never refused
    return project / "site"


def test_titles_that_look_like_markup_stay_text_in_every_page_s_markup(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert hostile_site / "404.html" in pages
    for html in pages:
        text = html.read_text(encoding="utf-8")
        # outside JSON (JSON-LD, Material's config), where < is written \u003c, no note text is markup
        markup = re.sub(r'<script [^>]*type="application/(?:ld\+)?json"[^>]*>.*?</script>', "", text, flags=re.S)
        assert [s for s in FROM_NOTES if s in markup] == [], html
        page = parse_html(text)
        assert page.comments == [], html  # "x <!--" opened no comment
        assert page.find_all("img") == [], html
        assert [n for n in page.find_all("b") if n.text() == "fixture"] == [], html
        assert [(n.tag, a) for n in page.iter() for a in n.attrs if a.startswith("on")] == [], html
        for script in page.find_all("script"):
            if "alert(1)" in script.text():
                assert script.attrs.get("type") in ("application/ld+json", "application/json"), html
                json.loads(script.text())
        assert page.find("p", cls="site-footer__publisher").text().startswith(f"Published by {PUBLISHER}."), html


def test_titles_that_look_like_markup_read_as_written_wherever_they_appear(hostile_site):
    for path, title in {"factors/first/": F1, "factors/second/": F2, "since/": SINCE_TITLE, "": HOME_TITLE}.items():
        page = doc(hostile_site, path)
        meta = head_meta(page)
        assert page.find("head").find("title").text() == page_title(title)
        assert meta["og:title"] == meta["twitter:title"] == title and meta["og:image:alt"] == f"{SITE_NAME}: {title}"
        assert page.find("h1").text().removesuffix("¶") == title
        (ld,) = json_ld(page)
        assert ld["headline"] == title and ld["publisher"]["name"] == PUBLISHER
    first, second = doc(hostile_site, "factors/first/"), doc(hostile_site, "factors/second/")
    for page in (first, second):
        assert [s.text() for s in page.find("nav", cls="stepper").find_all("span", cls="stepper__title")] == [F1, F2]
        assert {F1, F2} <= {a.text() for a in page.find(id="site-menu").find_all("a")}
    assert first.find("span", cls="stepper__near").text() == F2 and second.find("span", cls="stepper__near").text() == F1
    assert first.find("a", cls="pager__link--next").find("span", cls="pager__title").text() == F2
    assert second.find("a", cls="pager__link--prev").find("span", cls="pager__title").text() == F1
    assert first.find("p", cls="cite__apa").find("em").text() == F1
    assert f"title = {{{F2}}}" in second.find("pre", cls="cite__bibtex").text()
    not_found = parse_html((hostile_site / "404.html").read_text(encoding="utf-8"))
    assert {F1, F2} <= {a.text() for a in not_found.find("article").find_all("a")}
    assert PUBLISHER in doc(hostile_site, "about/").find("p", cls="publisher").text()
    # Material's search shows result titles as HTML: the index holds them escaped
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"] for d in index["docs"]}
    for path, title in {"factors/first/": F1, "factors/second/": F2, "since/": SINCE_TITLE, "": HOME_TITLE}.items():
        assert "<" not in titles[path] and htmllib.unescape(titles[path]) == title, path
