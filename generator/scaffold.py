"""`python -m generator new factor "Title"`: start a factor note with every field.

The text fields are left empty on purpose: `check` then points at each one
that still needs writing, so a half-finished note can never be published.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import yaml

from .layout import FACTOR_DIR
from .problems import ContentError, Problem
from .validate import RESERVED_IDS

TEMPLATE = """\
# yaml-language-server: $schema=../../generator/schemas/factor.schema.json
# Fill in every empty field; `make check` lists the ones still missing.
id: {slug}  # the page lives at /factors/{slug}/ — keep it once published
order: {order}  # position among the factors
published: ""  # YYYY-MM-DD, the day the page goes public
title: {title}
summary:  # one plain sentence, shown first and as the page's description
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
fact_checks: []  # what was said elsewhere: elsewhere, sources_say, sources
related: []  # ids of other factors
"""


def slugify(title: str) -> str:
    # "Putin's" -> "putins", not "putin-s"
    title = re.sub(r"['\u2019]", "", title)
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:60].rstrip("-")


def new_factor(root: Path, title: str) -> Path:
    folder = root / "content" / FACTOR_DIR
    slug = slugify(title)
    ids, orders = _existing(folder)
    shown = f"content/{FACTOR_DIR}/"
    if not title.strip() or not slug:
        raise ContentError([Problem(shown, 1, 1, "title", "the title needs at least one letter or digit")])
    if slug in RESERVED_IDS or slug in ids:
        raise ContentError([Problem(shown, 1, 1, "id", f"a factor with id '{slug}' already exists or the name is reserved; choose another title")])
    order = max(orders, default=0) + 1
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
    ids, orders = set(), []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (yaml.YAMLError, OSError, UnicodeDecodeError):
            data = None
        if isinstance(data, dict):
            if isinstance(data.get("id"), str):
                ids.add(data["id"])
            if isinstance(data.get("order"), int) and not isinstance(data.get("order"), bool):
                orders.append(data["order"])
        prefix = re.match(r"(\d+)-", path.name)
        if prefix:
            orders.append(int(prefix.group(1)))
    return ids, orders
