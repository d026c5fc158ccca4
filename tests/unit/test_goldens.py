"""Golden files: the Markdown rendered from tests/fixtures/content.

After an intended change to templates or rendering, `make goldens` rewrites
tests/goldens/; review the diff with git before committing it.
"""
import difflib
import os
from pathlib import Path

import conftest
import pytest

from generator.layout import relative
from generator.render.templating import human_date

GOLDENS = Path(__file__).parent.parent / "goldens"


def rendered():
    # The published schemas are verbatim copies; test_open_data checks them.
    # Share images are bytes, checked by test_share.
    pages = conftest.rendered(site_url="https://example.org/", repo_url="https://github.com/example/explainer")
    return {rel: text for rel, text in pages.items() if not rel.startswith(("data/schema/", "share/"))}


def golden_name(rel: str) -> str:
    return rel.replace("/", "__")


@pytest.mark.parametrize("rel", sorted(rendered()))
def test_rendered_page_matches_golden(rel):
    actual = rendered()[rel]
    golden = GOLDENS / golden_name(rel)
    if os.environ.get("UPDATE_GOLDENS"):
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8") if golden.exists() else ""
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), f"goldens/{golden_name(rel)}", f"rendered {rel}"))
        pytest.fail(f"{rel} differs from its golden file (run `make goldens` if intended):\n{diff}")


def test_no_stale_goldens():
    expected = {golden_name(rel) for rel in rendered()}
    assert sorted(p.name for p in GOLDENS.iterdir()) == sorted(expected)


def test_rendering_is_deterministic():
    assert rendered() == rendered()


def test_human_dates():
    assert [human_date(d) for d in ("2014", "2025-06", "2025-08-15")] == ["2014", "June 2025", "15 August 2025"]


def test_relative_links_between_pages():
    assert relative("reference/sources.md", "factors/a.md") == "../reference/sources.md"
    assert relative("factors/a.md", "index.md") == "factors/a.md"


def test_navigation_groups_factors_only_on_large_sites():
    from types import SimpleNamespace

    from generator.render.nav import NAV_GROUP, factor_nav

    def site(n):
        return SimpleNamespace(factors=[SimpleNamespace(id=f"f{i}", order=i, title=f"F{i}") for i in range(1, n + 1)])

    assert factor_nav(site(NAV_GROUP)) == [{f"F{i}": f"factors/f{i}.md"} for i in range(1, NAV_GROUP + 1)]
    groups = factor_nav(site(2 * NAV_GROUP + 1))
    assert [list(g)[0] for g in groups] == [f"Factors 1–{NAV_GROUP}", f"Factors {NAV_GROUP + 1}–{2 * NAV_GROUP}", f"Factors {2 * NAV_GROUP + 1}–{2 * NAV_GROUP + 1}"]
    assert sum(len(list(g.values())[0]) for g in groups) == 2 * NAV_GROUP + 1


def test_a_described_title_is_marked_as_ours_not_given_as_a_headline():
    pages = conftest.rendered()
    assert "Third report, in Ukrainian</a> <i>(our description)</i>" in pages["factors/second.md"]
    assert "Third report, in Ukrainian<i class=\"sr-only\" data-search-exclude> (opens in a new tab)</i></a> <i>(our description)</i>" in pages["reference/sources.md"]
    assert "Second report <time" in pages["factors/first.md"]  # a recorded headline, without the mark
