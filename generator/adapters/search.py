"""MkDocs hook: what goes into Material's search index, how much each page weighs,
and how short query words are matched.

- Footnote markers (<sup id="fnref…">) are left out of the index: Material keeps
  <sup> text, so a result's snippet read "Donbas.1" and the index held "1", "2"….
- Pages that do not set `search: {boost: …}` in their front matter get the weight
  of their kind: the explanation (home, factors) above the reference pages that
  repeat its names (sources, glossary, timeline). Front matter always wins.
- Material's search worker is written out again as WORKER with PREFIX_RULE at
  its end (overrides/main.html points the search at it): query words of one or
  two letters are matched whole instead of as prefixes.
"""
from __future__ import annotations

import re
from pathlib import Path

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


WORKER = "assets/javascripts/workers/explainer-search.js"
MATERIAL_WORKER = "assets/javascripts/workers/search.a7633da7.min.js"
"""Material 9.8.1's worker; overrides/main.html names it too, and a test fails if it moves."""

PREFIX_RULE = """
// The explainer's change (generator/mkdocs_search.py). Material makes every query
// word a prefix ("no" becomes "no*") so that results appear while a word is being
// typed; for one or two letters that matches too much ("no" found "November",
// "north", "none"). Such words are matched whole; from the third letter on,
// prefixes work as before ("nov" still finds "November").
(function (lunr) {
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (typeof c.term === "string") {
      var bare = c.term.replace(/\\*+$/, "");
      if (bare.length > 0 && bare.length < 3) {
        c.term = bare;
        if (c.wildcard) c.wildcard &= ~TRAILING;
      }
    }
    return clause.call(this, c);
  };
})(self.lunr);
"""


def on_post_build(config):
    # One file, not a wrapper that imports Material's: the worker then loads
    # exactly as Material's does (one request, counted the same by Lighthouse).
    site = Path(config.site_dir)
    material = (site / MATERIAL_WORKER).read_text(encoding="utf-8")
    (site / WORKER).write_text(material + PREFIX_RULE, encoding="utf-8")
