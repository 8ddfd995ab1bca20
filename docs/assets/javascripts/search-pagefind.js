/* The Pagefind backend of the search box (extra.search_backend: pagefind; the
   build indexes the site into pagefind/, see tools/hooks/search.py). Loaded by
   search-worker.js, whose ranking it shares, it speaks Material's worker
   protocol (0 setup, 1 ready, 2 query, 3 result), so the search box, its result
   list and highlighting stay Material's. A query downloads only the index
   chunks of its words and the fragments of the results it lists.

   Typos: Pagefind matches a word whole or by its start, never with a letter
   wrong, so a word of four letters or more that no page contains is replaced by
   its one-edit form that the most pages contain. Only a quoted query, Pagefind's
   one piece of search syntax, is searched exactly as typed.

   Queries are answered one at a time and in order, one answer per query as
   Material expects; one overtaken by a newer query before or while it is
   searched keeps the results on screen instead. (Waiting 40 ms for the next key
   before searching fetched four times fewer bytes while typing at 30 times the
   corpus, but made results 50 ms slower at today's size.) */
var LISTED = 20;
var SHORTEST = 4;
var RARE = 2;
var COMMONER = 10;
var BATCH = 26;  // lookups between two looks at whether a newer query came
var bundle = params.get("pagefind");
var engine = import(bundle + "pagefind.js").then(function (pagefind) {
  return pagefind.options({basePath: bundle, baseUrl: "/", excerptLength: 24})
    .then(function () { return pagefind.init(); })
    .then(function () { return pagefind; });
});
var latest = 0;
var shown = {items: []};
var queue = Promise.resolve();
var counted = new Map();

function escapeHTML(text) {
  return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
}

/* Pagefind's URLs start at the site root; Material resolves a location against the site's base. */
function local(url) {
  return url.replace(/^\//, "");
}

/* The word's one-edit forms, likeliest kind first: two neighbouring letters
   swapped; one letter left out (but not the last: Pagefind matches a word's
   start, so that form would match every page the word does); one letter added
   or changed after the first two (keeping them keeps the lookups in the index
   chunks already loaded: at 30 times the corpus, changing the second letter
   fetched half a megabyte). A lookup takes 0.25 to 5 milliseconds. */
function edits(word) {
  var swapped = [], shorter = [], other = [];
  for (var i = 0; i + 1 < word.length; i++) {
    swapped.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    shorter.push(word.slice(0, i) + word.slice(i + 1));
  }
  for (var j = 2; j <= word.length; j++)
    for (var letter of "abcdefghijklmnopqrstuvwxyz") {
      other.push(word.slice(0, j) + letter + word.slice(j));
      if (j < word.length) other.push(word.slice(0, j) + letter + word.slice(j + 1));
    }
  return [swapped, shorter, other].map(function (forms) {
    return Array.from(new Set(forms)).filter(function (form) { return form !== word; });
  });
}

/* Whether the word begins words of the index, as it does while being typed: then
   Pagefind's own search finds them. The best result's highlighted words must start
   with it, as the shorter word Pagefind falls back to for a typo does not. */
async function begins(pagefind, word) {
  var results = (await pagefind.search(word)).results;
  if (!results.length) return false;
  var marks = (await results[0].data()).excerpt.match(/<mark>[^<]*<\/mark>/g) || [];
  return marks.some(function (mark) { return mark.slice(6).toLowerCase().indexOf(word.toLowerCase()) === 0; });
}

/* The pages that contain the word. Quoted, because Pagefind answers a word missing
   from the index with a shorter indexed word it starts with ("al" for "algortihms").
   Remembered: typing asks for the same words again and again. */
function pages(pagefind, word) {
  if (!counted.has(word))
    counted.set(word, pagefind.search('"' + word + '"').then(function (found) { return found.results.length; }));
  return counted.get(word);
}

var SUPERSEDED = new Error("superseded by a newer query");

/* A word that no page contains, or only RARE pages, may be a typo: its one-edit
   form that the most pages contain replaces it (if COMMONER times as common: the
   home page spells "atetntion" to show that typos are forgiven). While a word is
   being typed its beginnings are no words, so the search gives up as soon as a
   newer query is waiting. */
async function spelled(pagefind, word, stale, begun) {
  if (word.length < SHORTEST) return word;
  var own = await pages(pagefind, word);
  if (own > RARE) return word;
  if (!own && await begins(pagefind, word)) {
    begun.add(word);
    return word;
  }
  for (var forms of edits(word.toLowerCase())) {
    var counts = [];
    for (var start = 0; start < forms.length; start += BATCH) {
      await new Promise(function (resolve) { setTimeout(resolve, 0); });  // lets a newer query in
      if (stale()) throw SUPERSEDED;
      counts = counts.concat(await Promise.all(forms.slice(start, start + BATCH).map(function (form) {
        return pages(pagefind, form);
      })));
    }
    var most = Math.max.apply(null, counts);
    if (most > 0 && most >= COMMONER * own) return forms[counts.indexOf(most)];
  }
  return word;
}

/* Each run of letters is checked on its own, so "fine-tuinng" becomes "fine-tuning". */
async function respelled(pagefind, term, stale, begun) {
  var parts = term.split(/(\p{L}+)/u);
  for (var i = 1; i < parts.length; i += 2) parts[i] = await spelled(pagefind, parts[i], stale, begun);
  return parts.join("");
}

/* Pagefind lists only pages that contain every word searched, so words that carry
   no meaning ("what is", "vs") and words no page contains (unless they begin
   words, as while being typed) are left out; if the rest still finds nothing,
   the word on the fewest pages goes, one at a time. */
async function searched(pagefind, terms, begun) {
  var meaningful = keep(terms, function (term) { return !STOP.has(term.toLowerCase()); });
  var counts = await Promise.all(meaningful.map(function (term) {
    return begun.has(term) ? Infinity : pages(pagefind, term);
  }));
  var kept = meaningful.filter(function (term, i) { return counts[i] > 0; });
  counts = counts.filter(function (count) { return count > 0; });
  if (!kept.length) return (await pagefind.search(meaningful.join(" "))).results;
  for (;;) {
    var results = (await pagefind.search(kept.join(" "))).results;
    if (results.length || kept.length === 1) return results;
    var rarest = counts.indexOf(Math.min.apply(null, counts));
    kept.splice(rarest, 1);
    counts.splice(rarest, 1);
  }
}

function keep(terms, test) {
  var kept = terms.filter(test);
  return kept.length ? kept : terms;
}

/* Material shows a query word that a result does not contain as "Missing". */
function terms(typed, searched, content) {
  var present = Array.from(new Set(words(content)));
  var result = {};
  typed.forEach(function (term, i) {
    var forms = [term.toLowerCase(), (searched[i] || term).toLowerCase()];
    result[term] = present.some(function (word) {
      return forms.some(function (form) { return word.indexOf(form) === 0; });
    });
  });
  return result;
}

function group(data, score, typed, searched) {
  var matched = terms(typed, searched, data.content);
  var page = {location: local(data.url), title: escapeHTML(data.meta.title || data.url), text: data.excerpt,
              score: score, terms: matched};
  /* Material shows a section under its page when it scores as high as the page,
     and folds the others away: here, the part of the page holding the most matches. */
  var all = data.locations.length || 1;
  var most = Math.max.apply(null, data.sub_results.map(function (part) { return part.locations.length; }).concat([0]));
  var sections = data.sub_results
    .filter(function (section) { return section.anchor && section.anchor.element !== "h1"; })
    .map(function (section) {
      var share = section.locations.length === most ? 1 : section.locations.length / all;
      return {location: local(section.url), title: escapeHTML(section.title), text: section.excerpt,
              score: score * share, terms: matched};
    })
    .sort(function (a, b) { return b.score - a.score; });
  return [page].concat(sections);
}

async function search(text, stale) {
  var pagefind = await engine;
  var typed = text.trim().split(/\s+/).filter(Boolean);
  if (!typed.length) return {items: []};
  var exact = /"/.test(text);
  var begun = new Set();
  var respelt = exact ? typed : await Promise.all(typed.map(function (term) {
    return respelled(pagefind, term, stale, begun);
  }));
  if (stale()) throw SUPERSEDED;
  var found = exact ? (await pagefind.search(text)).results : await searched(pagefind, respelt, begun);
  if (stale()) throw SUPERSEDED;
  var items = await Promise.all(found.slice(0, LISTED).map(function (result) {
    return result.data().then(function (data) { return group(data, result.score, typed, respelt); });
  }));
  return {items: exact ? items : rerank(items)};
}

function answer(text) {
  var id = ++latest;
  var stale = function () { return id !== latest; };
  queue = queue
    .then(function () {
      if (stale()) return shown;
      query = text;
      return search(text, stale).then(function (result) { shown = result; return result; });
    })
    .catch(function (error) {
      if (error === SUPERSEDED) return shown;
      console.error("search failed:", error);
      return {items: []};
    })
    .then(function (result) { post({type: 3, data: result}); });
}

self.addEventListener("message", function (event) {
  var message = event.data || {};
  if (message.type === 0) engine.then(function () { post({type: 1}); });
  else if (message.type === 2 && typeof message.data === "string") answer(message.data);
});
