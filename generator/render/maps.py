"""An inline SVG map of Ukraine's 27 regions, drawn at build time: pure, stdlib only.

The outlines come from outlines.py; every region is a path, classed by what the
story marks there. Classes only: map.css colours it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .outlines import PAD, WIDTH, geometry, regions

STYLES = ("annexed", "claimed", "demanded", "frozen")
LABEL_EM = 40  # the largest .map-label font size map.css sets, for overlap checks

_NUDGE = {"crimea": (10, -8, "middle"), "sevastopol": (-14, 6, "end")}
_PATTERNS = {  # styles drawn with a texture as well as a colour, so colour is not the only cue
    "demanded": '<path class="map-pattern-fg" d="M-2 2l4-4M0 12L12 0M10 14l4-4"/>',
    "frozen": '<circle class="map-pattern-fg" cx="3" cy="3" r="2"/><circle class="map-pattern-fg" cx="9" cy="9" r="2"/>',
}
_SLUG = re.compile(r"[a-z0-9]+(?:--?[a-z0-9]+)*\Z")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@dataclass(frozen=True)
class Area:
    regions: tuple[str, ...]  # our slugs, e.g. ("donetsk", "luhansk")
    style: str  # one of STYLES, a CSS modifier: map-region--<style>
    label: str  # plain text (untrusted: escaped on output)



def _text(value: str, field: str) -> str:
    """Untrusted text, checked and escaped for XML text and attributes alike."""
    if not isinstance(value, str) or _CONTROL.search(value):
        raise ValueError(f"{field}: not text, or holds control characters")
    value = re.sub(r"[ \t\n\r]+", " ", value).strip()
    for raw, entity in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;")):
        value = value.replace(raw, entity)
    return value


def _place(labels: list[list]) -> None:
    """Keep each label's estimated box in the viewBox, and move it down (then up) off boxes placed before it."""
    placed: list[tuple[float, float, float, float]] = []
    for label in labels:
        x, y, anchor, text = label[:4]
        w = 0.58 * LABEL_EM * len(text)
        left = x - {"start": 0, "middle": w / 2, "end": w}[anchor]
        shift = max(0.0, PAD - left) - max(0.0, left + w - WIDTH + PAD)  # keep inside the viewBox
        left, label[0] = left + shift, x + shift
        for dy in (0, 0.9, -0.9, 1.8, -1.8):
            top = y + (dy - 0.5) * LABEL_EM
            box = (left, top, left + w, top + LABEL_EM)
            if not any(b[0] < box[2] and box[0] < b[2] and b[1] < box[3] and box[1] < b[3] for b in placed):
                label[1] = y + dy * LABEL_EM
                break
        placed.append(box)


def draw(areas: list[Area], *, title: str, description: str, id_prefix: str, compact: bool = False) -> str:
    """One <svg> element as text: every region a path, marked ones classed by style."""
    if not isinstance(id_prefix, str) or not _SLUG.match(id_prefix):
        raise ValueError(f"id_prefix must be a slug: {id_prefix!r}")
    names = regions()
    style_of: dict[str, str] = {}
    for area in areas:
        if area.style not in STYLES or not area.regions:
            raise ValueError(f"area {area.label!r}: style must be one of {STYLES}, with regions")
        for slug in area.regions:
            if slug not in names or slug in style_of:
                raise ValueError(f"area {area.label!r}: unknown or repeated region {slug!r}")
            style_of[slug] = area.style
    title, description = _text(title, "title"), _text(description, "description")
    if not title:
        raise ValueError("title is empty")
    marks = " ".join(f"{_text(a.label, 'label').rstrip('.')} ({', '.join(names[s] for s in a.regions)})." for a in areas)
    paths, points, height = geometry(compact)
    p = id_prefix
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="ukraine-map{" ukraine-map--compact" * compact}"'
           f' viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="{p}-title {p}-desc">',
           f'<title id="{p}-title">{title}</title>',
           f'<desc id="{p}-desc">{" ".join(t for t in (description, marks) if t)}</desc>']
    textured = [s for s in STYLES if s in _PATTERNS and s in style_of.values()]
    if textured:  # coarser texture on the small compact map
        scale = ' patternTransform="scale(2)"' if compact else ""
        out.append("<defs>" + "".join(
            f'<pattern id="{p}-{s}" class="map-pattern map-pattern--{s}" width="12" height="12"'
            f' patternUnits="userSpaceOnUse"{scale}>'
            f'<rect class="map-pattern-bg" width="12" height="12"/>'
            f"{_PATTERNS[s]}</pattern>" for s in textured) + "</defs>")
    for slug in sorted(paths, key=lambda s: (s in style_of, s)):  # marked last: outlines on top
        style = style_of.get(slug)
        cls = f"map-region map-region--{style}" if style else "map-region"
        fill = f' fill="url(#{p}-{style})"' if style in textured else ""
        out.append(f'<path class="{cls}"{fill} data-region="{slug}" d="{paths[slug]}"/>')
    kx, ky = points["kyiv-city"]
    if not compact:  # the small map has no labels, so no unexplained dot either
        out.append(f'<circle class="map-city" cx="{round(kx)}" cy="{round(ky)}" r="7"/>')
        labels = [[points[s][0] + dx, points[s][1] + dy, anchor, names[s], ""]
                  for s in sorted(style_of) for dx, dy, anchor in [_NUDGE.get(s, (0, 0, "middle"))]]
        if "kyiv-city" not in style_of:  # the orientation point, unless Kyiv city is itself marked
            labels.insert(0, [kx + 13, ky, "start", "Kyiv", " map-label--city"])
        _place(labels)
        out += [f'<text class="map-label{mod}" x="{round(x)}" y="{round(y)}" dy=".35em" text-anchor="{anchor}">'
                f"{_text(text, 'label')}</text>" for x, y, anchor, text, mod in labels]
    return "\n".join(out + ["</svg>"])
