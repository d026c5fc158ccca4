"""Golden files: the Markdown rendered from tests/fixtures/content.

After an intended change to templates or rendering, `make goldens` rewrites
tests/goldens/; review the diff with git before committing it.
"""
import difflib
import os
from pathlib import Path

import pytest

from conftest import FIXTURE
from generator.build import check
from generator.layout import relative
from generator.render import render
from generator.templating import human_date

GOLDENS = Path(__file__).parent / "goldens"


def rendered():
    content, _ = check(FIXTURE)
    # The published schemas are verbatim copies; test_open_data checks them.
    return {rel: text for rel, text in render(content).items() if not rel.startswith("data/schema/")}


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
    from generator.render import NAV_GROUP, factor_nav

    few = [{"id": f"f{i}", "order": i, "title": f"F{i}"} for i in range(1, NAV_GROUP + 1)]
    assert factor_nav(few) == [{f"F{i}": f"factors/f{i}.md"} for i in range(1, NAV_GROUP + 1)]
    many = [{"id": f"f{i}", "order": i, "title": f"F{i}"} for i in range(1, 2 * NAV_GROUP + 2)]
    groups = factor_nav(many)
    assert [list(g)[0] for g in groups] == [f"Factors 1–{NAV_GROUP}", f"Factors {NAV_GROUP + 1}–{2 * NAV_GROUP}", f"Factors {2 * NAV_GROUP + 1}–{2 * NAV_GROUP + 1}"]
    assert sum(len(list(g.values())[0]) for g in groups) == len(many)
