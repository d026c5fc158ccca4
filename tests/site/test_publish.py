"""Publishing: share images, the public address (SITE_URL), the publisher and
"Report a mistake"."""
import io
import re

import pytest
import yaml
from conftest import FIXTURE
from generator.build import check
from generator.share import card, image_path
from PIL import Image
from site_build import build_site, copy_project
from test_metadata import Head
from test_site import FACTOR_IDS

from generator.render import render

LOOPBACK = re.compile(rb"127\.0\.0\.1|localhost")
PUBLIC = "https://example.org/alaska/"
REPO = "https://github.com/example/alaska"
PAGES = ["index", "about", "reference/timeline", "reference/sources", "reference/glossary", "reference/corrections"]


def share_images():
    content, _ = check(FIXTURE)
    return content, {rel: data for rel, data in render(content).items() if rel.startswith("share/")}


def test_every_page_gets_a_1200_by_630_png_and_the_same_notes_give_the_same_bytes():
    content, images = share_images()
    pages = ["index.md", "about.md", *(f"factors/{f['id']}.md" for f in content.factors),
             *(f"reference/{name}.md" for name in ("timeline", "sources", "glossary", "corrections"))]
    assert sorted(images) == sorted(image_path(p) for p in pages)
    for data in images.values():
        image = Image.open(io.BytesIO(data))
        assert (image.format, image.size) == ("PNG", (1200, 630))
    assert share_images()[1] == images
    assert len(set(images.values())) == len(images)  # each page its own picture


def test_the_theme_is_told_which_pages_have_an_image_of_their_own():
    content, _ = check(FIXTURE)
    pages = render(content)
    listed = yaml.safe_load(pages["_generated/nav.yml"])["extra"]["share_images"]
    assert sorted(image_path(p) for p in listed) == sorted(rel for rel in pages if rel.startswith("share/"))


def test_a_factor_image_shows_its_title_and_its_place_among_the_factors():
    content, images = share_images()
    first = content.factors[0]
    expected = card(content.site["title"], first["title"], f"Factor 1 of {len(content.factors)}")
    assert images[image_path(f"factors/{first['id']}.md")] == expected
    assert expected != card(content.site["title"], first["title"])
    assert expected != card(content.site["title"], first["title"] + " changed", f"Factor 1 of {len(content.factors)}")


def test_a_title_too_long_for_the_card_is_cut_not_drawn_off_the_image():
    data = card("Wordmark", "word " * 200, "Factor 1 of 5")
    assert Image.open(io.BytesIO(data)).size == (1200, 630)


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("public"))
    result = build_site(project, {"SITE_URL": PUBLIC, "REPO_URL": REPO})
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def local_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("local"))
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("SITE_URL", raising=False)
        mp.delenv("REPO_URL", raising=False)
        result = build_site(project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def html(site, path):
    named = {"index": site / "index.html", "404": site / "404.html"}
    return named.get(path, site / path / "index.html").read_text()


def test_a_build_at_a_public_address_writes_no_loopback_address_anywhere(public_site):
    files = [p for p in public_site.rglob("*") if p.is_file()]
    assert len(files) > 50
    # Material's source maps quote its own source comments, which mention
    # "localhost" as a word; no address of this site is in them.
    leaks = [p.relative_to(public_site).as_posix() for p in files
             if p.suffix != ".map" and LOOPBACK.search(p.read_bytes())]
    assert leaks == []
    for path in PAGES + [f"factors/{fid}" for fid in FACTOR_IDS] + ["404"]:
        assert "127.0.0.1" not in html(public_site, path)


def test_a_build_without_site_url_shows_readers_no_loopback_address(local_site):
    readable = [p for p in local_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".txt")]
    assert len(readable) > 12
    assert [p.name for p in readable if LOOPBACK.search(p.read_bytes())] == []
    page = html(local_site, "factors/atmosphere")
    assert "og:image" not in page and 'rel="canonical"' not in page
    assert re.search(r'<p class="cite-apa">[^<]*<em>[^<]*</em>\. This page\'s address\.</p>', page)
    assert "Sitemap:" not in (local_site / "robots.txt").read_text()


def test_share_tags_are_absolute_and_point_at_the_page_s_own_image(public_site):
    for path in PAGES + [f"factors/{fid}" for fid in FACTOR_IDS]:
        head = Head(html(public_site, path))
        image = head.meta["og:image"]
        src = "index" if path == "index" else path
        assert image == f"{PUBLIC}share/{src}.png", path
        assert head.meta["twitter:image"] == image and head.meta["twitter:card"] == "summary_large_image"
        assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
        assert head.meta["og:image:alt"].endswith(head.meta["og:title"])
        assert Image.open(public_site / image.removeprefix(PUBLIC)).size == (1200, 630)
        for ld in head.jsonld:
            assert all(str(v).startswith(PUBLIC) for k, v in ld.items() if k in ("url", "image", "mainEntityOfPage"))
    assert Head(html(public_site, "404")).meta["og:image"] == f"{PUBLIC}share/index.png"


def test_every_factor_page_and_the_about_page_link_to_report_a_mistake(public_site, local_site):
    for path in [f"factors/{fid}" for fid in FACTOR_IDS] + ["about"]:
        assert f'<p class="report-mistake"><a href="{REPO}/issues" rel="noopener noreferrer">Report a mistake</a>' in html(public_site, path), path
    # Without a contact or a repository, factor pages send the reader to the about page's section
    for fid in FACTOR_IDS:
        assert '<a href="../../about/#report-a-mistake">Report a mistake</a>' in html(local_site, f"factors/{fid}")
    assert 'id="report-a-mistake"' in html(local_site, "about")


@pytest.mark.slow  # builds a site with mkdocs
def test_the_publisher_s_contact_comes_first_and_the_about_page_names_the_publisher(tmp_path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "extra:\n", "extra:\n  publisher: {name: Example Desk, contact: 'https://example.org/contact?a=1&b=2'}\n", 1))
    result = build_site(project, {"SITE_URL": PUBLIC, "REPO_URL": REPO})
    assert result.returncode == 0, result.stdout + result.stderr
    about = html(project / "site", "about")
    assert '<p class="publisher">This site is published by Example Desk.</p>' in about
    assert '<a href="https://example.org/contact?a=1&amp;b=2" rel="noopener noreferrer">Report a mistake</a>' in about
    factor = html(project / "site", f"factors/{FACTOR_IDS[0]}")
    assert '<a href="https://example.org/contact?a=1&amp;b=2" rel="noopener noreferrer">Report a mistake</a>' in factor
    (ld,) = Head(factor).jsonld
    assert ld["publisher"]["name"] == "Example Desk"
