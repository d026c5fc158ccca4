"""Share cards: one 1200×630 PNG per page, for link previews (og:image).

Drawn with Pillow from the model and the font kept in generator/vendor/fonts/
(DejaVu Sans Bold, Bitstream Vera licence), with Pillow's basic text layout,
so the bytes depend only on the text, the font and Pillow, not on the machine
(not on whether FriBiDi or Raqm is installed). Each card carries the hash of
what it was drawn from; a card whose hash has not changed is taken from the
last build instead of being drawn again (`reuse`).
"""
from __future__ import annotations

import hashlib
import io
import os
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from pathlib import Path

import PIL
from PIL import Image, ImageColor, ImageDraw, ImageFont, PngImagePlugin

from ..layout import REFERENCE, SHARE, SINCE, factor_path
from ..model import Explainer
from .meta import REFERENCE_TITLES

FONT = Path(__file__).parent.parent / "vendor" / "fonts" / "DejaVuSans-Bold.ttf"
SIZE = (1200, 630)
MARGIN = 80
PAPER, INK, ACCENT, MUTED = "#f7f5f0", "#16181d", "#b3261e", "#4a4f5a"
HAND_WRITTEN = {"about.md": "About this explainer"}
"""Pages not made from notes; their titles are kept here, since the generator never reads docs/."""
_KEY = "explainer-card"


def image_path(page: str) -> str:
    return f"{SHARE}/{page[:-3]}.png"


def cards_of(x: Explainer) -> dict[str, tuple[str, str]]:
    """page -> (title, kicker) for every page with a card."""
    out = {"index.md": (x.site.title, "Explainer")}
    out.update({factor_path(f.id): (f.title, f"Factor {n} of {len(x.factors)}") for n, f in enumerate(x.factors, 1)})
    if x.since:
        out[SINCE] = (x.since.title, "After Alaska")
    out.update({REFERENCE[name]: (title, "") for name, (title, _) in REFERENCE_TITLES.items()})
    out.update({page: (title, "") for page, title in HAND_WRITTEN.items()})
    return out


def share_cards(x: Explainer, reuse=lambda path: None) -> dict[str, bytes]:
    """image path -> PNG bytes; an unchanged card comes from reuse(path), the last build's bytes."""
    out, todo = {}, []
    for page, (title, kicker) in cards_of(x).items():
        path = image_path(page)
        key = card_key(x.site.publisher.name, title, kicker)
        old = reuse(path)
        if old is not None and _key_of(old) == key:
            out[path] = old
        else:
            todo.append((path, (x.site.publisher.name, title, kicker, key)))
    # Pillow draws and encodes without holding the interpreter: cards drawn side by side.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        out.update(zip((path for path, _ in todo), pool.map(lambda job: card(*job[1]), todo)))
    return dict(sorted(out.items()))


def card_key(brand: str, title: str, kicker: str) -> str:
    """What a card is drawn from: its text, the font, Pillow, and this code."""
    h = hashlib.sha256()
    for part in (brand, title, kicker, PIL.__version__, _font_digest(), _code_digest()):
        h.update(part.encode() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def _font_digest() -> str:
    return hashlib.sha256(FONT.read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def _code_digest() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _key_of(png: bytes) -> str | None:
    try:
        return Image.open(io.BytesIO(png)).text.get(_KEY)
    except (OSError, ValueError, SyntaxError):
        return None


@lru_cache(maxsize=64)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT), size, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=4096)
def card(brand: str, title: str, kicker: str = "", key: str = "") -> bytes:
    """One share card: the brand, the kicker, the title at the largest size that fits.
    Kept in memory too: a long-lived process (`mkdocs serve`) draws a card once."""
    image = Image.new("RGB", SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    draw.rectangle((0, 0, SIZE[0], 16), fill=ACCENT)
    draw.text((MARGIN, 70), cut(draw, brand.upper(), _font(30), width), font=_font(30), fill=ACCENT)
    top = 150
    if kicker:
        draw.text((MARGIN, top), kicker, font=_font(36), fill=MUTED)
        top += 70
    size, lines = fit(draw, title, width, SIZE[1] - top - 110)
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * round(size * 1.22)), line, font=_font(size), fill=INK)
    draw.line((MARGIN, SIZE[1] - 80, SIZE[0] - MARGIN, SIZE[1] - 80), fill=INK, width=3)
    draw.text((MARGIN, SIZE[1] - 62), "Every claim names its source", font=_font(26), fill=MUTED)
    info = PngImagePlugin.PngInfo()
    info.add_text(_KEY, key or card_key(brand, title, kicker))
    out = io.BytesIO()
    # Mapped onto a fixed palette: a third of the bytes, and far quicker than
    # letting Pillow choose one (a 1,000-factor build draws 1,000 cards).
    image.quantize(palette=_palette(), dither=Image.Dither.NONE).save(out, "PNG", pnginfo=info, compress_level=1)
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


def fit(draw: ImageDraw.ImageDraw, text: str, width: int, height: int) -> tuple[int, list[str]]:
    """The largest font size (72 down to 36) at which the title wraps into the box; at 36, cut with '…'."""
    for size in range(72, 35, -4):
        lines = wrap(draw, text, _font(size), width)
        if len(lines) * size * 1.22 <= height:
            return size, lines
    lines = wrap(draw, text, _font(36), width)
    keep = max(1, int(height // (36 * 1.22)))
    if len(lines) <= keep:
        return 36, lines
    return 36, lines[:keep - 1] + [cut(draw, lines[keep - 1] + " …", _font(36), width)]


def cut(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """text as it is when it fits in width, else cut and ended with ' …' (one line: the brand, a title's last)."""
    if draw.textlength(text, font=font) <= width:
        return text
    text = text.removesuffix(" …")
    while text and draw.textlength(text + " …", font=font) > width:
        text = text[:-1]
    return text.rstrip() + " …"


def wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Lines no wider than width: broken at spaces, and inside a word (or between CJK
    characters, which take no spaces) where a word alone is wider than the line."""
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
            continue
        lines.append("")
        for ch in word:
            if lines[-1] and draw.textlength(lines[-1] + ch, font=font) > width:
                lines.append("")
            lines[-1] += ch
    return lines
