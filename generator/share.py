"""Share images: one 1200×630 PNG per page, for link previews (og:image).

Drawn with Pillow from the page's title and the font kept beside this module
(generator/fonts/, DejaVu Sans Bold, Bitstream Vera licence), so the bytes
depend only on the notes and the pinned Pillow, not on the machine's fonts.
The theme (overrides/main.html) finds a page's image by the same rule as
image_path(): share/ + the page's Markdown path with .png for .md; which pages
have one, it reads from nav.yml (extra.share_images), written by render.
"""
from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import yaml
from PIL import Image, ImageColor, ImageDraw, ImageFont

from .layout import SHARE, factor_path
from .model import Content

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-Bold.ttf"
SIZE = (1200, 630)
MARGIN = 80
PAPER, INK, ACCENT, MUTED = "#f7f5f0", "#16181d", "#b3261e", "#4a4f5a"
HAND_WRITTEN = {"about.md": "About this explainer"}
"""Pages not made from notes; their titles are kept here, since the generator never reads docs/."""


def image_path(page: str) -> str:
    return f"{SHARE}/{page[:-3]}.png"


def page_of_image(image: str) -> str:
    return image[len(SHARE) + 1:-4] + ".md"


def share_images(content: Content, pages: dict[str, str]) -> dict[str, bytes]:
    """page path -> PNG bytes, for the home page, every factor and every other page."""
    wordmark = content.site["title"]
    titles = {path: _front_matter_title(text) for path, text in pages.items() if path.endswith(".md")}
    titles.update(HAND_WRITTEN)
    titles["index.md"] = content.site["question"]
    kickers = {factor_path(f): f"Factor {n} of {len(content.factors)}" for n, f in enumerate(content.factors, 1)}
    return {
        image_path(path): card(wordmark, title, kickers.get(path, ""))
        for path, title in titles.items() if title
    }


def _front_matter_title(text: str) -> str:
    match = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not match:
        return ""
    meta = yaml.safe_load(match.group(1))
    return str(meta.get("title", "")) if isinstance(meta, dict) else ""


@lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size)


@lru_cache(maxsize=4096)
def card(wordmark: str, title: str, kicker: str = "") -> bytes:
    """One share image. Cached: under `mkdocs serve` only a changed title is redrawn."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 16), fill=ACCENT)
    draw.text((MARGIN, 70), wordmark.upper(), font=_font(30), fill=ACCENT)
    top = 150
    if kicker:
        draw.text((MARGIN, top), kicker, font=_font(36), fill=MUTED)
        top += 70
    size, lines = _fit(draw, title, width, SIZE[1] - top - 110)
    font = _font(size)
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * round(size * 1.22)), line, font=font, fill=INK)
    draw.line((MARGIN, SIZE[1] - 80, SIZE[0] - MARGIN, SIZE[1] - 80), fill=INK, width=3)
    draw.text((MARGIN, SIZE[1] - 62), "Every claim labelled and sourced", font=_font(26), fill=MUTED)
    # Mapped onto a fixed palette: a third of the bytes, and far quicker than
    # letting Pillow choose one (a 1,000-factor build draws 1,000 cards).
    out = io.BytesIO()
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, "PNG")
    return out.getvalue()


@lru_cache(maxsize=1)
def _palette() -> Image.Image:
    """The paper colour blended towards each ink in even steps: every shade anti-aliased text can take."""
    paper = ImageColor.getrgb(PAPER)
    colours = []
    for ink in map(ImageColor.getrgb, (INK, ACCENT, MUTED)):
        for step in range(11):
            colours.extend(round(p + (i - p) * step / 10) for p, i in zip(paper, ink))
    palette = Image.new("P", (1, 1))
    palette.putpalette(colours)
    return palette


def _fit(draw: ImageDraw.ImageDraw, text: str, width: int, height: int) -> tuple[int, list[str]]:
    """The largest font size (72 down to 36) at which the title wraps into the box."""
    for size in range(72, 35, -4):
        lines = _wrap(draw, text, _font(size), width)
        if len(lines) * size * 1.22 <= height:
            return size, lines
    lines = _wrap(draw, text, _font(36), width)
    keep = max(1, int(height // (36 * 1.22)))
    return 36, lines[:keep - 1] + [lines[keep - 1].rstrip() + " …"] if len(lines) > keep else lines


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines
