/* icpkg release: the index page's search box.
 *
 * The records come from search-index.js (written by kgtool.release.site_search at publish time,
 * loaded with a <script> element so the page works from file:// as well as from a web
 * server); MiniSearch (minisearch.js, vendored) indexes them here, in the browser.
 *
 * Chinese writes no spaces between words, so a Chinese run of text is indexed as its
 * characters and its pairs of adjacent characters; a Chinese query is looked up as its
 * pairs, all of which must match (博物馆 → 博物 + 物馆), which finds the words where
 * they stand without a dictionary; a result is kept only where the words stand whole
 * (not 博物 in one place and 物馆 in another). Other words are whole words, matched by
 * prefix (museum finds museums). */
(function () {
  "use strict";

  var HAN = /\p{Script=Han}/u;
  var HAN_RUNS = /\p{Script=Han}+/gu;
  var FIELDS = ["zh", "en", "names", "text"];
  // A run of Chinese characters, or a run of other letters and digits.
  var RUNS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;
  var SHOWN = 50; // results listed at most; the count says how many matched

  function terms(text, forQuery) {
    var out = [];
    (text.match(RUNS) || []).forEach(function (run) {
      if (!HAN.test(run)) {
        out.push(run);
        return;
      }
      var characters = Array.from(run);
      if (characters.length === 1 || !forQuery) {
        out.push.apply(out, characters);
      }
      for (var i = 0; i + 1 < characters.length; i++) {
        out.push(characters[i] + characters[i + 1]);
      }
    });
    return out;
  }

  function makeIndex(records) {
    var index = new MiniSearch({
      fields: FIELDS,
      storeFields: ["path", "kind", "zh", "en", "context"],
      tokenize: function (text) { return terms(text, false); },
      searchOptions: {
        tokenize: function (text) { return terms(text, true); },
        combineWith: "AND",
        prefix: function (term) { return !HAN.test(term); },
        boost: { zh: 3, en: 3, names: 2 },
      },
    });
    index.addAll(records);
    return index;
  }

  function element(tag, className, text, lang) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    if (lang) node.lang = lang;
    return node;
  }

  function resultItem(result, kinds) {
    var item = element("li", "result result-" + result.kind);
    var link = element("a", null, result.zh, "zh-Hans");
    link.href = result.path;
    item.appendChild(link);
    if (result.en) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "en", result.en, "en"));
    }
    item.appendChild(document.createTextNode(" "));
    var kind = kinds[result.kind];
    item.appendChild(element("span", "kind", kind[0] + " " + kind[1]));
    if (result.context) {
      item.appendChild(document.createTextNode(" "));
      item.appendChild(element("span", "where", "— " + result.context, "zh-Hans"));
    }
    return item;
  }

  function show(search, query, status, list) {
    list.replaceChildren();
    query = query.trim();
    if (!query) {
      status.textContent = "";
      return;
    }
    var phrases = query.match(HAN_RUNS) || [];
    var results = search.index.search(query).filter(function (result) {
      var record = search.records[result.id];
      return phrases.every(function (phrase) {
        return FIELDS.some(function (field) { return record[field].indexOf(phrase) !== -1; });
      });
    });
    status.textContent = results.length + " 条结果 · " + results.length + (results.length === 1 ? " result" : " results")
      + (results.length > SHOWN ? "（显示前 " + SHOWN + " 条 · first " + SHOWN + " shown）" : "");
    results.slice(0, SHOWN).forEach(function (result) { list.appendChild(resultItem(result, search.kinds)); });
  }

  function start() {
    var form = document.getElementById("search");
    if (!form || typeof MiniSearch === "undefined" || !window.icpkgSearch) return;
    var records = window.icpkgSearch.records; // each record's id is its place in this list
    var search = { index: makeIndex(records), records: records, kinds: window.icpkgSearch.kinds };
    var box = document.getElementById("search-box");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    form.hidden = false;
    box.addEventListener("input", function () { show(search, box.value, status, list); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(search, box.value, status, list);
    });
    // index.html?q=… opens with that search done, so a search can be linked to.
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) {
      box.value = asked;
      show(search, asked, status, list);
    }
  }

  start();
})();
