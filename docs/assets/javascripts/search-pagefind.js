/* The Pagefind backend of the search box (extra.search_backend: pagefind; the
   build indexes the site into pagefind/, see tools/hooks/search.py). Loaded by
   search-worker.js, whose ranking it shares, it speaks Material's worker
   protocol (0 setup, 1 ready, 2 query, 3 result), so the search box, its result
   list and highlighting stay Material's. A query downloads only the index
   chunks of its words and the fragments of the results it lists.

   Typos: Pagefind matches a word whole or by its start, never with a letter
   wrong, so a word of four letters or more that no page contains is replaced by
   its one-edit form (two letters swapped, or one left out) that the most pages
   contain. Only a quoted query, Pagefind's
   one piece of search syntax, is searched exactly as typed.

   Queries are answered one at a time and in order, one answer per query as
   Material expects; a query overtaken by a newer one while it waited keeps the
   results on screen instead of being searched. */
var LISTED = 20;
var SHORTEST = 4;
var bundle = params.get("pagefind");
var engine = import(bundle + "pagefind.js").then(function (pagefind) {
  return pagefind.options({basePath: bundle, baseUrl: "/", excerptLength: 24})
    .then(function () { return pagefind.init(); })
    .then(function () { return pagefind; });
});
var latest = 0;
var shown = {items: []};
var queue = Promise.resolve();

function escapeHTML(text) {
  return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; });
}

/* Pagefind's URLs start at the site root; Material resolves a location against the site's base. */
function local(url) {
  return url.replace(/^\//, "");
}

/* The word's one-edit forms that cost few lookups, likeliest kind first: two
   neighbouring letters swapped, then one letter left out (but not the last:
   Pagefind matches a word's start, so that form would match every page the word
   does). A letter added would take 26 lookups per place, too slow to type with. */
function edits(word) {
  var swapped = [], shorter = [];
  for (var i = 0; i + 1 < word.length; i++) {
    swapped.push(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
    shorter.push(word.slice(0, i) + word.slice(i + 1));
  }
  return [swapped, shorter].map(function (forms) {
    return Array.from(new Set(forms)).filter(function (form) { return form !== word; });
  });
}

/* The pages that contain the word. Quoted, because Pagefind answers a word missing
   from the index with a shorter indexed word it starts with ("al" for "algortihms"). */
async function pages(pagefind, word) {
  return (await pagefind.search('"' + word + '"')).results.length;
}

/* A word that no page contains may be a typo: its one-edit form that the most
   pages contain replaces it. */
async function spelled(pagefind, word) {
  if (word.length < SHORTEST || await pages(pagefind, word)) return word;
  for (var forms of edits(word.toLowerCase())) {
    var counts = await Promise.all(forms.map(function (form) { return pages(pagefind, form); }));
    var most = Math.max.apply(null, counts);
    if (most > 0) return forms[counts.indexOf(most)];
  }
  return word;
}

/* Each run of letters is checked on its own, so "fine-tuinng" becomes "fine-tuning". */
async function respelled(pagefind, term) {
  var parts = term.split(/(\p{L}+)/u);
  for (var i = 1; i < parts.length; i += 2) parts[i] = await spelled(pagefind, parts[i]);
  return parts.join("");
}

/* Pagefind lists only pages that contain every word searched, so words that
   carry no meaning ("what is", "vs") and words no page contains are left out of
   the search, as long as some word remains. */
async function wanted(pagefind, terms) {
  var meaningful = keep(terms, function (term) { return !STOP.has(term.toLowerCase()); });
  var counts = await Promise.all(meaningful.map(function (term) { return pages(pagefind, term); }));
  return keep(meaningful, function (term, i) { return counts[i] > 0; });
}

function keep(terms, test) {
  var kept = terms.filter(test);
  return kept.length ? kept : terms;
}

/* Material shows a query word that a result does not contain as "Missing". */
function terms(typed, searched, content) {
  var present = new Set(words(content));
  var result = {};
  typed.forEach(function (term, i) {
    var forms = [term.toLowerCase(), (searched[i] || term).toLowerCase()];
    result[term] = Array.from(present).some(function (word) {
      return forms.some(function (form) { return word.indexOf(form) === 0; });
    });
  });
  return result;
}

function group(data, score, typed, searched) {
  var matched = terms(typed, searched, data.content);
  var page = {location: local(data.url), title: escapeHTML(data.meta.title || data.url), text: data.excerpt,
              score: score, terms: matched};
  var all = data.locations.length || 1;
  var sections = data.sub_results
    .filter(function (section) { return section.anchor && section.anchor.element !== "h1"; })
    .map(function (section) {
      return {location: local(section.url), title: escapeHTML(section.title), text: section.excerpt,
              score: score * section.locations.length / all, terms: matched};
    });
  return [page].concat(sections);
}

async function search(text) {
  var pagefind = await engine;
  var typed = text.trim().split(/\s+/).filter(Boolean);
  if (!typed.length) return {items: []};
  var exact = /"/.test(text);
  var searched = exact ? typed : await Promise.all(typed.map(function (term) {
    return respelled(pagefind, term);
  }));
  if (!exact) searched = await wanted(pagefind, searched);
  var found = (await pagefind.search(searched.join(" "))).results.slice(0, LISTED);
  var items = await Promise.all(found.map(function (result) {
    return result.data().then(function (data) { return group(data, result.score, typed, searched); });
  }));
  return {items: exact ? items : rerank(items)};
}

function answer(text) {
  var id = ++latest;
  queue = queue
    .then(function () {
      if (id !== latest) return shown;
      query = text;
      return search(text).then(function (result) { shown = result; return result; });
    })
    .catch(function (error) {
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
