// Material's search worker with one change, loaded instead of it (overrides/main.html).
//
// Material's search turns every word typed into a prefix ("no" becomes "no*"),
// so that results appear while a word is still being typed. For one or two
// letters that matches too much: "no" found "November", "north", "none". Here a
// query word shorter than three letters is matched whole; from the third letter
// on, prefixes work as before ("nov" still finds "November").
importScripts("search.a7633da7.min.js");

(function (lunr) {
  var TRAILING = lunr.Query.wildcard.TRAILING;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (typeof c.term === "string") {
      var bare = c.term.replace(/\*+$/, "");
      if (bare.length > 0 && bare.length < 3) {
        c.term = bare;
        if (c.wildcard) c.wildcard &= ~TRAILING;
      }
    }
    return clause.call(this, c);
  };
})(self.lunr);
