"""MkDocs hook: what goes into Material's search index, and how much each page weighs.

- Footnote markers (<sup id="fnref…">) are left out of the index: Material keeps
  <sup> text, so a result's snippet read "Donbas.1" and the index held "1", "2"….
- Pages that do not set `search: {boost: …}` in their front matter get the weight
  of their kind: the explanation (home, factors) above the reference pages that
  repeat its names (sources, glossary, timeline). Front matter always wins.
"""
from __future__ import annotations

import re

_FOOTNOTE_REF = re.compile(r'<sup id="fnref')

BOOST = {"": 2.0, "factors": 2.0, "reference": 0.5}
"""Default search weight by top folder ("" is the home page), the same weights the
page templates write into the front matter. Material multiplies each section's
score by it. They work together with the title field's weight of 3 set in
mkdocs.yml: with Material's 1,000, a source or glossary entry whose title holds
a name outranks any factor that explains it, whatever these weights are."""


def on_page_content(html, page, config, files):
    return _FOOTNOTE_REF.sub('<sup data-search-exclude id="fnref', html)


def on_page_markdown(markdown, page, config, files):
    # The front matter is read by now, and Material's search plugin reads
    # page.meta only later, when the page is rendered (on_page_context).
    if "search" not in page.meta:
        src = page.file.src_uri
        weight = BOOST.get(src.rpartition("/")[0].split("/")[0]) if src != "about.md" else None
        if weight is not None:
            page.meta["search"] = {"boost": weight}
    return markdown
