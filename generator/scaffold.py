"""`python -m generator new factor "Title"`: start a factor note with every field.

The text fields are left empty on purpose: `check` then points at each one
that still needs writing, so a half-finished note can never be published.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .check.rules import RESERVED_IDS
from .layout import FACTOR_DIR
from .problems import ContentError, Problem
from .read import Document
from .read.files import not_a_note
from .read.parse import parse

TEMPLATE = """\
# yaml-language-server: $schema=../../generator/schemas/factor.schema.json
# Fill in every empty field; `make check` lists the ones still missing.
id: {slug}  # the page lives at /factors/{slug}/ — keep it once published
order: {order}  # position among the factors
published: ""  # YYYY-MM-DD, the day the page goes public
title: {title}
teaser:  # the factor in one plain line (at most 120 characters), for the home page's list of reasons
  text: ""
  rests_on: []
summary:  # two or three plain sentences: the page's standfirst and its description
  text: ""
  rests_on: []  # ids of the claims below that it rests on
key_points:  # three to five short points, each naming the claims it rests on
  - text: ""
    rests_on: []
  - text: ""
    rests_on: []
  - text: ""
    rests_on: []
sections:  # the story: headings, paragraphs, and in each paragraph its claims
  - heading: ""
    paragraphs:
      - claims:
          - id: first-claim  # unique within this note
            text: ""  # one or two sentences
            kind: fact  # fact | reported | statement | analysis
            attribution: ""  # who said or reported it, and when (not needed for a fact)
            sources: []  # ids from content/sources.yaml
fact_checks: []  # what some coverage said: elsewhere (quoted faithfully), sources_say, sources
related: []  # ids of other factors
"""


_LATIN = dict(zip(
    "αβγδεζηθικλμνξοπρσςτυφχψωабвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
    "a b g d e z i th i k l m n x o p r s s t y f ch ps o a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh "
    "shch - y - e yu ya i i ye g".split(),
))
"""Greek and Cyrillic letters in Latin ones, so that a title in those scripts still gives an id."""


def slugify(title: str) -> str:
    # "Putin's" -> "putins", not "putin-s"
    title = re.sub(r"['\u2019]", "", title)
    plain = "".join(c for c in unicodedata.normalize("NFKD", title.lower()) if not unicodedata.combining(c))
    ascii_title = "".join(_LATIN.get(c, c) for c in plain).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-")


def new_factor(root: Path, title: str) -> Path:
    folder = root / "content" / FACTOR_DIR
    shown = f"content/{FACTOR_DIR}/"
    linked = not_a_note(folder, (root / "content").resolve(), True) if folder.is_symlink() else None
    if linked:  # a build refuses it too; the new note would be written wherever it leads
        raise ContentError([Problem(shown.rstrip("/"), 1, 1, "", linked)])
    ids, orders = _existing(folder)
    if not any(c.isalnum() for c in title):
        raise ContentError([Problem(shown, 1, 1, "title", "the title needs at least one letter or digit")])
    order = max(orders, default=0) + 1
    # A script with no Latin spelling here (e.g. Chinese) still gets an id; edit it if you like.
    slug = slugify(title) or f"factor-{order}"
    if slug in RESERVED_IDS or slug in ids:
        raise ContentError([Problem(shown, 1, 1, "id", f"a factor with id '{slug}' already exists or the name is reserved; choose another title")])
    path = folder / f"{order:02d}-{slug}.yaml"
    if path.exists():
        raise ContentError([Problem(f"{shown}{path.name}", 1, 1, "", "file already exists; not overwritten")])
    folder.mkdir(parents=True, exist_ok=True)
    # json-style quoting keeps any title valid YAML
    quoted = yaml.safe_dump(title.strip(), default_style='"', allow_unicode=True, width=10_000).strip().removesuffix("...").strip()
    with open(path, "x", encoding="utf-8") as fh:  # "x": never overwrite, even in a race
        fh.write(TEMPLATE.format(slug=slug, order=order, title=quoted))
    return path


def _existing(folder: Path) -> tuple[set[str], list[int]]:
    """Ids and positions already taken, read the way a build reads notes: regular
    files only, at most a note's size, no deep nesting (a FIFO or /dev/zero cannot hang it)."""
    ids, orders = set(), []
    top = folder.resolve() if folder.is_dir() else folder
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        prefix = re.match(r"(\d+)-", path.name)
        if prefix:
            orders.append(int(prefix.group(1)))
        if not_a_note(path, top, path.is_dir()):
            continue
        doc = Document(path, path.name, "factor")
        parse(doc)
        data = doc.data if not doc.failed else None
        if isinstance(data, dict):
            if isinstance(data.get("id"), str):
                ids.add(data["id"])
            if isinstance(data.get("order"), int) and not isinstance(data.get("order"), bool):
                orders.append(data["order"])
    return ids, orders
