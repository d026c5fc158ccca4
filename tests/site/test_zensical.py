"""The fixture notes built by Zensical, Material's successor, which reads mkdocs.yml
and the theme's overrides but runs no MkDocs hooks: the generator runs first, as
`make build-zensical` does.

What a Zensical build lacks, because no hook runs (tested on the MkDocs build only):
- the search tuning of generator/adapters/search.py: pages weighed by kind, one- and
  two-letter query words matched whole, footnote markers out of the index;
- the repair of generator/adapters/valid_html.py: Material's toggles keep
  autocomplete="off", so its pages are not free of Nu checker errors;
- a Content-Security-Policy;
- a search box: the masthead shows Material's search button only with MkDocs'
  material/search plugin, so the 404's "search box at the top" is not there.
What it must still have is below: the pages, the stepper, the masthead's menu, the
footer with the publisher, the popovers, the share tags, JSON-LD and the cite block.
"""
import json
import os
import shutil
import subprocess
import sys
from urllib.parse import urljoin

import pytest
from conftest import FIXTURE, PUBLIC_URL, ROOT, explainer, head_meta, json_ld, parse_html

from generator.layout import REFERENCE

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
REPO = "https://github.com/example/explainer"
X = explainer()
PAGES = ["", *(f"factors/{f.id}/" for f in X.factors), *(["since/"] if X.since else []),
         *(p.removesuffix(".md") + "/" for p in REFERENCE.values()), "about/"]


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory):
    from site_build import copy_project

    assert ZENSICAL.exists(), "run `make test` (it installs Zensical into .venv-zensical)"
    project = copy_project(tmp_path_factory.mktemp("zensical"), with_content=False)
    shutil.copytree(FIXTURE / "content", project / "content")
    env = {**os.environ, "NO_COLOR": "1", "SITE_URL": PUBLIC_URL, "REPO_URL": REPO}
    generated = subprocess.run([sys.executable, "-m", "generator", "build", "--root", str(project)], capture_output=True, text=True, env=env)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    result = subprocess.run([str(ZENSICAL), "build", "--clean"], cwd=project, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No issues found" in result.stdout + result.stderr
    return project / "site"


def page(site, path):
    return parse_html((site / path / "index.html").read_text(encoding="utf-8"))


def test_zensical_builds_every_page_with_one_headline_and_its_title(zensical_site):
    built = {p.parent.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("index.html")}
    assert {"" if p == "." else p + "/" for p in built} == set(PAGES)
    for path in PAGES:
        assert len(page(zensical_site, path).find_all("h1")) == 1, path
    for f in X.factors:
        doc = page(zensical_site, f"factors/{f.id}/")
        assert doc.find("head").find("title").text().startswith(f"{f.title} – ")
        assert doc.find("h1").text().removesuffix("¶") == f.title


def test_every_factor_page_has_the_stepper_and_its_kicker(zensical_site):
    titles = [f.title for f in X.factors]
    for n, f in enumerate(X.factors, 1):
        path = f"factors/{f.id}/"
        doc = page(zensical_site, path)
        stepper = doc.find("nav", cls="stepper")
        steps = stepper.find_all("li", cls="stepper__step")
        assert [s.find("span", cls="stepper__title").text() for s in steps] == titles
        assert [urljoin(PUBLIC_URL + path, s.find("a").attrs["href"]) for s in steps] == [f"{PUBLIC_URL}factors/{g.id}/" for g in X.factors]
        assert [s.find("a").attrs.get("aria-current") for s in steps] == ["page" if g is f else None for g in X.factors]
        assert stepper.find("span", cls="stepper__where").text() == f"{n}/{len(X.factors)}"
        assert doc.find("p", cls="kicker").text() == f"Factor {n} of {len(X.factors)}"


def test_every_page_has_the_masthead_menu_with_every_page(zensical_site):
    for path in PAGES:
        doc = page(zensical_site, path)
        menu = doc.find(id="site-menu")
        assert "popover" in menu.attrs and doc.find("button", popovertarget="site-menu", cls="site-menu-button")
        linked = {urljoin(PUBLIC_URL + path, a.attrs["href"]) for a in menu.find_all("a")}
        assert linked == {PUBLIC_URL + p for p in PAGES if p != "reference/follow/"}, path  # the navigation's pages
        assert {f.title for f in X.factors} <= {a.text() for a in menu.find_all("a")}


def test_every_page_has_the_footer_with_the_publisher_and_the_way_to_report_a_mistake(zensical_site):
    for path in PAGES:
        footer = page(zensical_site, path).find("footer", cls="site-footer")
        publisher = footer.find("p", cls="site-footer__publisher")
        assert publisher.text().startswith(f"Published by {X.site.publisher.name}."), path
        report = publisher.find("a")
        assert report.text() == "Report a mistake" and report.attrs["href"] == f"{REPO}/issues/new?template=correction.yml"
    first = page(zensical_site, f"factors/{X.factors[0].id}/")
    assert first.find("a", cls="pager__link--next").find("span", cls="pager__title").text() == X.factors[1].title


def test_the_glossary_terms_and_source_popovers_open_in_place(zensical_site):
    doc = page(zensical_site, f"factors/{X.factors[0].id}/")
    term = X.terms[0]
    button = doc.find("button", cls="term", popovertarget=f"term--{term.id}")
    popover = doc.find(id=f"term--{term.id}")
    assert "popover" in popover.attrs and popover.text().lower().startswith(f"{term.term}: {term.definition}".lower())
    assert {a.attrs["href"] for a in popover.find_all("a")} == {f"../../reference/glossary/#{term.id}"}
    assert button.text().lower() == term.term.lower()
    claim = next(iter(X.factors[0].claims.values()))
    source = X.source_by_id[claim.sources[0]]
    box = doc.find(id=f"src--{claim.id}")
    assert doc.find("button", cls="src-marker", popovertarget=f"src--{claim.id}")
    assert {a.attrs["href"] for a in box.find_all("a")} >= {source.url, f"../../reference/sources/#{source.id}"}
    assert all(n.attrs.get("popover") in ("", "auto", None) for n in doc.iter() if "popover" in n.attrs)


def test_the_search_index_leaves_out_what_the_pages_mark_data_search_exclude(zensical_site):
    index = json.loads((zensical_site / "search.json").read_text(encoding="utf-8"))
    text = " ".join(item["text"] + item["title"] for item in index["items"] if not item["location"].startswith("about/"))
    assert X.factors[0].title in " ".join(item["title"] for item in index["items"])
    for kept_out in ("min read", "Report a mistake", "In the glossary", "Archive and details", "Cite this page", "Statement meaning"):
        assert kept_out not in text, kept_out


def test_share_tags_json_ld_and_the_cite_block_are_there(zensical_site):
    for path in PAGES:
        meta = head_meta(page(zensical_site, path))
        src = path.removesuffix("/") or "index"
        assert meta["og:url"] == PUBLIC_URL + path and meta["og:image"] == f"{PUBLIC_URL}share/{src}.png", path
        assert meta["twitter:card"] == "summary_large_image"
    for f in X.factors:
        doc = page(zensical_site, f"factors/{f.id}/")
        (ld,) = json_ld(doc)
        cited = {c["name"] for c in ld["citation"]}
        assert ld["@type"] == "Article" and ld["headline"] == f.title
        assert cited == {X.source_by_id[s].title for c in f.claims.values() for s in c.sources}
        apa = doc.find("section", cls="share-cite").find("p", cls="cite__apa", id="cite-apa")
        assert apa.find("em").text() == f.title and apa.find("span", data_cite_address=True).text() == f"{PUBLIC_URL}factors/{f.id}/"
    (ld,) = json_ld(page(zensical_site, ""))
    assert ld["@type"] == "WebSite"
    if X.since:
        assert json_ld(page(zensical_site, "since/"))[0]["@type"] == "Article"
