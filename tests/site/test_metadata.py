"""Sharing and search metadata, JSON-LD and trust features in the built site."""
import json
import re
from html.parser import HTMLParser

import yaml
from conftest import PUBLIC_URL, ROOT
from test_site import FACTOR_IDS, page

from generator.model import page_sources

SITE_URL = PUBLIC_URL


class Head(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.meta, self.links, self.jsonld, self.anchors = {}, {}, [], []
        self._in_ld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href")
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_ld = True
        elif tag == "a":
            self.anchors.append(a)

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.jsonld.append(json.loads(data))


def all_pages(site):
    return sorted(site.rglob("index.html"))


def test_every_page_has_description_canonical_open_graph_and_twitter_tags(built_site):
    for html in all_pages(built_site):
        head = Head(html.read_text())
        url = SITE_URL + html.parent.relative_to(built_site).as_posix().strip(".") + ("/" if html.parent != built_site else "")
        assert head.links["canonical"] == url.replace("//", "/").replace("https:/", "https://"), html
        for key in ("description", "og:title", "og:description", "og:url", "og:type", "og:site_name",
                    "twitter:card", "twitter:title", "twitter:description"):
            assert head.meta.get(key), (html, key)
        assert head.meta["og:description"] == head.meta["description"]


def test_factor_pages_carry_article_json_ld_with_their_citations(built_site):
    for fid in FACTOR_IDS:
        note = yaml.safe_load(next((ROOT / "content" / "factors").glob(f"*-{fid}.yaml")).read_text())
        head = Head(page(built_site, f"factors/{fid}"))
        (ld,) = head.jsonld
        assert ld["@type"] == "Article"
        assert ld["headline"] == note["title"]
        assert ld["datePublished"] == str(note["published"])
        latest = max([str(note["published"])] + [str(c["date"]) for c in note.get("corrections", [])])
        assert ld["dateModified"] == latest
        assert ld["publisher"]["publishingPrinciples"] == SITE_URL + "about/"
        assert ld["publisher"]["correctionsPolicy"].startswith(SITE_URL + "about/#")
        cited = set(page_sources(note))
        assert len(ld["citation"]) == len(cited)
        assert all(c["@type"] == "CreativeWork" and c["publisher"]["name"] for c in ld["citation"])


def test_json_ld_parses_on_every_page_that_has_it(built_site):
    kinds = {}
    for html in all_pages(built_site):
        for ld in Head(html.read_text()).jsonld:
            assert ld["@context"] == "https://schema.org"
            kinds[html.parent.name or "home"] = ld["@type"]
    assert kinds["about"] == "AboutPage"
    assert list(kinds.values()).count("Article") == len(FACTOR_IDS)
    assert "WebSite" in kinds.values()


def test_about_page_anchor_for_the_corrections_policy_exists(built_site):
    anchor = Head(page(built_site, "factors/atmosphere")).jsonld[0]["publisher"]["correctionsPolicy"].split("#")[1]
    assert f'id="{anchor}"' in page(built_site, "about")


def test_sitemap_robots_and_404(built_site):
    sitemap = (built_site / "sitemap.xml").read_text()
    for fid in FACTOR_IDS:
        assert f"<loc>{SITE_URL}factors/{fid}/</loc>" in sitemap
    assert (built_site / "robots.txt").read_text().splitlines()[-1] == f"Sitemap: {SITE_URL}sitemap.xml"
    not_found = (built_site / "404.html").read_text()
    assert "Page not found" in not_found and 'class="md-search__input"' in not_found
    for fid in FACTOR_IDS:
        assert f'href="/factors/{fid}/"' in not_found


def test_factor_pages_show_dates_and_a_citation_block(built_site):
    html = page(built_site, "factors/ceasefire-terms")
    assert re.search(r'Published <time datetime="2026-11-25">25 November 2026</time>', html)
    apa = re.search(r'<p class="cite-apa">(.*?)</p>', html).group(1)
    assert apa == (f"Why Alaska brought no ceasefire. (2026, November 28). <em>A ceasefire only on Russia&#39;s terms</em>. "
                   f"{SITE_URL}factors/ceasefire-terms/")
    bib = re.search(r'<pre class="cite-bibtex"><code>(.*?)</code></pre>', html, re.S).group(1)
    assert bib.startswith("@online{ceasefire-terms-2026,")
    assert f"url          = {{{SITE_URL}factors/ceasefire-terms/}}" in bib


def test_corrections_page_exists_and_is_in_the_navigation(built_site):
    html = page(built_site, "reference/corrections")
    assert "<h1" in html and "Corrections and updates" in html
    assert 'href="../../reference/corrections/"' in page(built_site, "factors/atmosphere")  # the navigation


def test_external_source_links_open_safely_and_name_the_outlet(built_site):
    sources = yaml.safe_load((ROOT / "content" / "sources.yaml").read_text())["sources"]
    urls = {s["url"] for s in sources if "url" in s}
    anchors = [a for a in Head(page(built_site, "reference/sources")).anchors if a.get("href") in urls]
    assert {a["href"] for a in anchors} == urls
    for a in anchors:
        assert a.get("rel") == "noopener noreferrer" and a.get("target") == "_blank", a
    html = page(built_site, "reference/sources").replace("&amp;", "&")
    for s in sources:
        if "url" in s:
            assert re.search(rf'href="{re.escape(s["url"])}"[^>]*>{re.escape(s["outlet"])} at ', html), s["id"]


def test_no_external_link_anywhere_opens_without_noopener(built_site):
    for html in all_pages(built_site):
        for a in Head(html.read_text()).anchors:
            if a.get("href", "").startswith("http") and not a["href"].startswith(SITE_URL) and a.get("target") == "_blank":
                assert "noopener" in (a.get("rel") or ""), (html, a)


def test_open_data_and_schema_are_published_and_linked_from_about(built_site):
    data = json.loads((built_site / "data" / "explainer.json").read_text())
    assert len(data["factors"]) == len(FACTOR_IDS)
    assert (built_site / "data" / "schema" / "explainer.schema.json").is_file()
    about = page(built_site, "about")
    assert 'href="../data/explainer.json"' in about and "CC BY 4.0" in about


def test_titles_with_quotes_cannot_break_the_markup(tmp_path):
    from site_build import build_site, copy_project

    project = copy_project(tmp_path)
    note = project / "content" / "factors" / "05-atmosphere.yaml"
    note.write_text(note.read_text().replace("title: Conflicting accounts of the atmosphere", "title: 'Two \"accounts\" <of> the atmosphere & more'"))
    result = build_site(project)
    assert result.returncode == 0, result.stderr  # a title is one line of plain text: escaped, never refused
    head = Head((project / "site" / "factors" / "atmosphere" / "index.html").read_text())
    assert head.meta["og:title"] == 'Two "accounts" <of> the atmosphere & more'
    assert head.jsonld[0]["headline"] == 'Two "accounts" <of> the atmosphere & more'
