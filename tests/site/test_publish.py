"""Publishing: share cards, a build at a public address (SITE_URL) against a local
one, "Report a mistake" and the publisher."""
import io
import re
import shutil
from dataclasses import replace
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import yaml
from conftest import FIXTURE, explainer, head_meta, json_ld, parse_html, rendered
from PIL import Image, ImageColor, ImageFont
from test_metadata import SITE_NAME, site_path

from generator.layout import REFERENCE, SINCE, factor_path
from generator.render import share
from generator.render.share import card, image_path, share_cards

X = explainer()
PUBLIC = "https://example.org/alaska/"  # a sub-path, as GitHub Pages serves a project's site
REPO = "https://github.com/example/alaska"
DESK = "https://example.org/desk?a=1&b=2"
LOOPBACK = re.compile(rb"127\.0\.0\.1|localhost|\[::1\]")
SOURCES = ["index.md", "about.md", *(factor_path(f.id) for f in X.factors), *([SINCE] if X.since else []), *REFERENCE.values()]
"""Every page of the fixture site, by its file under docs/."""


def png(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size) == ("PNG", share.SIZE)
    return image.convert("RGB")


# --- share cards ------------------------------------------------------------------


def test_every_page_gets_its_own_1200_by_630_png_and_the_same_notes_give_the_same_bytes():
    pages = rendered()
    cards = {rel: data for rel, data in pages.items() if rel.startswith("share/")}
    assert sorted(cards) == sorted(image_path(src) for src in SOURCES)
    assert len({png(data).tobytes() for data in cards.values()}) == len(cards)  # each page its own picture
    assert {rel: data for rel, data in rendered().items() if rel.startswith("share/")} == cards
    # the theme is told which pages have a card of their own
    assert sorted(yaml.safe_load(pages["_generated/nav.yml"])["extra"]["share_images"]) == sorted(SOURCES)


def test_a_factor_card_shows_the_publisher_the_title_and_the_place_among_the_factors():
    cards, n = share_cards(X), len(X.factors)
    brand = X.site.publisher.name
    for i, f in enumerate(X.factors, 1):
        assert cards[image_path(factor_path(f.id))] == card(brand, f.title, f"Factor {i} of {n}")
    f = X.factors[0]
    drawn = png(card(brand, f.title, f"Factor 1 of {n}")).tobytes()
    for other in (card(brand, f.title), card(brand, f.title + " changed", f"Factor 1 of {n}"), card("Another desk", f.title, f"Factor 1 of {n}")):
        assert png(other).tobytes() != drawn


PAPER = ImageColor.getrgb(share.PAPER)
RULE = 16
"""The accent rule across the top of the card (rows 0 to 16): the one thing drawn to the edge."""


def ink_in_right_band(image: Image.Image, band: int = 40) -> list[tuple[int, int]]:
    """Pixels that are not paper in the last `band` columns, below the rule."""
    width, height = image.size
    pixels = image.load()
    return [(x, y) for x in range(width - band, width) for y in range(RULE + 1, height) if pixels[x, y] != PAPER]


LONG_TITLES = {
    "many words": "word " * 200,
    "one long word": "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung" * 3,
    "CJK, no spaces": "阿拉斯加峰会没有带来停火协议的原因" * 8,
}


@pytest.mark.parametrize("title", LONG_TITLES.values(), ids=LONG_TITLES)
def test_a_long_title_is_wrapped_or_cut_inside_the_card(title):
    image = png(card("Wordmark", title, "Factor 1 of 5"))
    assert ink_in_right_band(image) == []
    # the title was drawn, not left out: the text block holds ink across the card
    pixels = image.load()
    assert any(pixels[x, y] != PAPER for x in range(900, 1120) for y in range(220, 500))


@pytest.mark.parametrize("brand", ["Very Long Publisher Name " * 11, "出版者" * 40, "W" * 300], ids=["words", "CJK", "one word"])
def test_a_long_publisher_name_is_cut_inside_the_card(brand):
    assert ink_in_right_band(png(card(brand, "Title", "Factor 1 of 5"))) == []


def test_the_margin_check_sees_a_title_drawn_past_the_edge(monkeypatch):
    monkeypatch.setattr(share, "wrap", lambda draw, text, font, width: [text])  # no wrapping
    assert ink_in_right_band(png(card("Wordmark", "word " * 40))) != []


def test_cards_use_pillow_s_basic_layout_so_the_bytes_do_not_depend_on_raqm_or_fribidi(monkeypatch):
    assert share._font(72).layout_engine == ImageFont.Layout.BASIC
    title = "Переговори AVATAR Toyota — ffi"
    share._font.cache_clear()
    expected = card("Wordmark", title, "Factor 1 of 5")
    try:
        for have_raqm in (True, False):  # whether Pillow was built with raqm (and FriBiDi) or not
            monkeypatch.setattr(ImageFont.core, "HAVE_RAQM", have_raqm)
            share._font.cache_clear()
            assert card("Wordmark", title, "Factor 1 of 5") == expected, have_raqm
    finally:
        share._font.cache_clear()


def test_an_unchanged_card_is_taken_from_the_last_build_and_a_changed_one_drawn_again(monkeypatch):
    old = share_cards(X)
    drawn = []
    draw = share.card
    monkeypatch.setattr(share, "card", lambda brand, title, *rest: drawn.append(title) or draw(brand, title, *rest))

    again = share_cards(X, reuse=old.get)
    assert drawn == [] and all(again[path] is old[path] for path in old)

    first = image_path(factor_path(X.factors[0].id))
    retitled = share_cards(replace(X, factors=(replace(X.factors[0], title="A new title"), *X.factors[1:])), reuse=old.get)
    assert drawn == ["A new title"]
    assert retitled[first] != old[first] and all(retitled[path] is old[path] for path in old if path != first)

    drawn.clear()
    monkeypatch.setattr(share.PIL, "__version__", "0.0.0")  # another Pillow: another card key
    redrawn = share_cards(X, reuse=old.get)
    assert len(drawn) == len(old) and not any(redrawn[path] is old[path] for path in old)

    drawn.clear()
    share_cards(X, reuse=lambda path: b"not a card")
    assert len(drawn) == len(old)


# --- a public build and a local one --------------------------------------------------


def fixture_project(root):
    from site_build import copy_project

    project = copy_project(root, with_content=False)
    shutil.copytree(FIXTURE / "content", project / "content")
    return project


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    """The fixture notes at a public address, with a repository, and a publisher with its own site."""
    from site_build import build_site

    project = fixture_project(tmp_path_factory.mktemp("public"))
    note = project / "content" / "site.yaml"
    note.write_text(note.read_text(encoding="utf-8").replace("  name: The fixture project\n", f"  name: The fixture project\n  url: '{DESK}'\n"),
                    encoding="utf-8")
    result = build_site(project, {"SITE_URL": PUBLIC, "REPO_URL": REPO})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    """The fixture notes built with no public address and no repository (the publisher gives a contact)."""
    from site_build import build_site

    project = fixture_project(tmp_path_factory.mktemp("local"))
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SITE_URL", raising=False)
        mp.delenv("REPO_URL", raising=False)
        result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def page(site, src):
    return parse_html((site / site_path(src) / "index.html").read_text(encoding="utf-8"))


def test_a_build_at_a_public_address_writes_no_loopback_address_anywhere(public_site):
    files = [p for p in public_site.rglob("*") if p.is_file()]
    assert len(files) > 50
    # Material's source maps quote its own source comments, which mention
    # "localhost" as a word; no address of this site is in them.
    assert [p.relative_to(public_site).as_posix() for p in files if p.suffix != ".map" and LOOPBACK.search(p.read_bytes())] == []
    for src in SOURCES:
        assert page(public_site, src).find("link", rel="canonical").attrs["href"] == PUBLIC + site_path(src)


def test_a_build_without_site_url_states_no_address_of_its_own(local_site):
    readable = [p for p in local_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".txt", ".atom")]
    assert len(readable) > 12
    assert [p.relative_to(local_site).as_posix() for p in readable if LOOPBACK.search(p.read_bytes())] == []
    for src in SOURCES:
        doc = page(local_site, src)
        meta = head_meta(doc)
        assert not {"og:url", "og:image", "twitter:image"} & set(meta) and meta["twitter:card"] == "summary", src
        assert doc.find_all("link", rel="canonical") == [], src
        for ld in json_ld(doc):
            assert not {"url", "image", "mainEntityOfPage"} & set(ld), src
            assert "url" not in ld["publisher"], src
    # a citation says where the address goes (script fills it in from the page)
    for f in X.factors:
        apa = page(local_site, factor_path(f.id)).find("p", cls="cite__apa")
        assert apa.find("span", data_cite_address=True).text() == "this page's address"
    assert "Sitemap:" not in (local_site / "robots.txt").read_text()


def test_share_tags_are_absolute_and_point_at_the_page_s_own_card(public_site):
    for src in SOURCES:
        meta = head_meta(page(public_site, src))
        image = f"{PUBLIC}{image_path(src)}"
        assert meta["og:image"] == meta["twitter:image"] == image, src
        assert meta["twitter:card"] == "summary_large_image"
        assert (meta["og:image:type"], meta["og:image:width"], meta["og:image:height"]) == ("image/png", "1200", "630")
        assert meta["og:image:alt"] == meta["twitter:image:alt"] == f"{SITE_NAME}: {meta['og:title']}"
        png((public_site / image.removeprefix(PUBLIC)).read_bytes())
        for ld in json_ld(page(public_site, src)):
            assert [k for k in ("url", "image", "mainEntityOfPage") if not ld[k].startswith(PUBLIC)] == [], src
    not_found = parse_html((public_site / "404.html").read_text(encoding="utf-8"))
    assert head_meta(not_found)["og:image"] == f"{PUBLIC}share/index.png"
    # the 404 is served at any depth: its links are absolute paths under the public address
    listed = {urljoin(PUBLIC + "some/missing/page", a.attrs["href"]) for a in not_found.find("article").find_all("a")}
    assert listed == {PUBLIC + site_path(src) for src in SOURCES if src != "reference/follow.md"}  # the navigation's pages


# --- Report a mistake and the publisher ---------------------------------------------


def form(href: str) -> tuple[str, dict]:
    parts = urlsplit(href)
    return f"{parts.scheme}://{parts.netloc}{parts.path}", parse_qs(parts.query)


def test_every_story_page_reports_a_mistake_through_the_correction_form_with_its_address(public_site):
    for src in ["index.md", *(factor_path(f.id) for f in X.factors), *([SINCE] if X.since else [])]:
        doc, url = page(public_site, src), PUBLIC + site_path(src)
        link = doc.find("p", cls="report-mistake").find("a")
        assert form(link.attrs["href"]) == (f"{REPO}/issues/new", {"template": ["correction.yml"], "page": [url]}), src
        assert "noopener" in link.attrs["rel"].split()
        # each source button's popover reports the sentence it belongs to
        reports = doc.find_all("a", cls="src-popover__report")
        assert reports, src
        for a in reports:
            base, query = form(a.attrs["href"])
            assert (base, query["template"], query["page"]) == (f"{REPO}/issues/new", ["correction.yml"], [url]) and query["claim"][0].strip()


def test_the_about_page_names_the_publisher_and_how_to_report_a_mistake(public_site):
    about = page(public_site, "about.md")
    publisher = about.find("p", cls="publisher")
    (link,) = publisher.find_all("a")
    assert (link.text(), link.attrs["href"]) == (X.site.publisher.name, DESK)
    assert X.site.publisher.byline in publisher.text()
    report = about.find("p", cls="report-mistake").find("a")
    assert report.text() == "Report a mistake" and form(report.attrs["href"]) == (f"{REPO}/issues/new", {"template": ["correction.yml"]})
    for src in SOURCES:
        footer = page(public_site, src).find("p", cls="site-footer__publisher")
        links = {a.text(): a.attrs["href"] for a in footer.find_all("a")}
        assert footer.text().startswith(f"Published by {X.site.publisher.name}.") and links[X.site.publisher.name] == DESK, src
        assert form(links["Report a mistake"])[0] == f"{REPO}/issues/new", src
    (ld,) = json_ld(page(public_site, factor_path(X.factors[0].id)))
    assert ld["publisher"]["name"] == X.site.publisher.name


def test_without_a_repository_readers_reach_the_publisher_s_contact(local_site):
    contact = X.site.publisher.contact
    assert contact
    about = page(local_site, "about.md")
    assert about.find("p", cls="report-mistake").find("a").attrs["href"] == contact
    assert X.site.publisher.name in about.find("p", cls="publisher").text()
    for src in SOURCES:
        footer = page(local_site, src).find("p", cls="site-footer__publisher")
        assert {a.text(): a.attrs["href"] for a in footer.find_all("a")} == {"Report a mistake": contact}, src
