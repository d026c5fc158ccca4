"""MkDocs hook: what goes into Material's search index, how much each page weighs,
and how short query words are matched.

- Footnote markers (<sup id="fnref…">) are left out of the index: Material keeps
  <sup> text, so a result's snippet read "Donbas.1" and the index held "1", "2"….
- Pages that do not set `search: {boost: …}` in their front matter get the weight
  of their kind: the explanation (home, factors) above the reference pages that
  repeat its names (sources, glossary, timeline). Front matter always wins.
- Material's search worker is written out again as WORKER with the site's rules
  around it (overrides/main.html points the search at it): query words of one or
  two letters are matched whole instead of as prefixes (PREFIX_RULE); a query of
  two or more words puts the pages that hold them as a phrase first ("Cold War"
  finds the page about the Cold War before pages that only say "war"), and a
  page's own entry highlights what its sections matched, so no link carries an
  empty `?h=` (RANK_RULE).
"""
from __future__ import annotations

import re
from pathlib import Path

_FOOTNOTE_REF = re.compile(r'<sup id="fnref')

BOOST = {"": 2.0, "factors": 2.0, "reference": 0.5}  # hand-written pages; generated ones say in their front matter
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


RANK_RULE = """
// The explainer's change (generator/adapters/search.py). Material's worker answers
// a query message (type 2) with a result message (type 3) whose items are groups,
// one per page (the page's own entry is the one without "#"). Before the result leaves the worker,
// groups holding the query's words as a phrase move to the front (in their order),
// and a page's own entry takes the terms its sections matched, so its link
// highlights them instead of carrying an empty ?h=.
(function () {
  var QUERY = 2, RESULT = 3, query = "";
  addEventListener("message", function (ev) {
    if (ev.data && ev.data.type === QUERY) query = String(ev.data.data || "");
  });
  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) rank(message.data.items, query);
    return post.apply(self, arguments);
  };
  function words(text) {
    return String(text || "").toLowerCase().replace(/<[^>]*>/g, " ").replace(/[^\\p{L}\\p{N}']+/gu, " ").trim();
  }
  function matched(terms) {
    return Object.keys(terms || {}).filter(function (t) { return terms[t]; });
  }
  function rank(groups, q) {
    groups.forEach(function (group) {
      var page = group.filter(function (item) { return String(item.location).indexOf("#") < 0; })[0];
      if (!page || matched(page.terms).length) return;
      var all = {};
      group.forEach(function (item) { matched(item.terms).forEach(function (t) { all[t] = true; }); });
      page.terms = Object.assign({}, page.terms, all);
    });
    var phrase = words(q.replace(/["\u201c\u201d]/g, " "));
    if (phrase.indexOf(" ") < 0) return;
    function holds(group) {
      return group.some(function (item) {
        return (" " + words(item.title + " " + item.text) + " ").indexOf(" " + phrase + " ") >= 0;
      });
    }
    var first = groups.filter(holds), rest = groups.filter(function (g) { return !holds(g); });
    groups.splice.apply(groups, [0, groups.length].concat(first, rest));
  }
})();
"""


def on_post_build(config):
    # One file, not a wrapper that imports Material's: the worker then loads
    # exactly as Material's does (one request, counted the same by Lighthouse).
    site = Path(config.site_dir)
    material = (site / MATERIAL_WORKER).read_text(encoding="utf-8")
    # RANK_RULE goes first: its listener must see each query before Material's
    # answers it (a listener's promise settles before the next listener runs).
    (site / WORKER).write_text(RANK_RULE + material + PREFIX_RULE, encoding="utf-8")
