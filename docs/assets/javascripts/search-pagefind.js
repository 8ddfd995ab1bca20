/* The Pagefind backend of the search box (extra.search_backend: pagefind; the
   build indexes the site into pagefind/, see tools/hooks/search.py). Loaded by
   search-worker.js, whose ranking it shares, it speaks Material's worker
   protocol (0 setup, 1 ready, 2 query, 3 result), so the search box, its result
   list and highlighting stay Material's. A query downloads only the index
   chunks of its words and the fragments of the results it lists.

   Ranking: Pagefind lists only pages holding every word searched, so each
   meaningful word (with the forms that mean the same) is searched on its own
   and the pages ranked by the rare words they hold (`searched`), then by the
   share of them their titles, or less, a heading, hold (`titled`); words that carry no meaning
   ("what is", "vs", "kya hai") never filter.

   Typos: Pagefind matches a word whole or by its start, never with a letter
   wrong, so a word of four letters or more that no page, or only RARE pages,
   contain (and that the vocabulary does not know: "roke" is Hinglish for
   "prevent", not a typo of "role") is replaced by its one-edit form that the
   most pages contain. Only a quoted query, Pagefind's one piece of search
   syntax, is searched exactly as typed.

   Queries are answered one at a time and in order, one answer per query as
   Material expects; one overtaken by a newer query before or while it is
   searched keeps the results on screen instead. (Waiting 40 ms for the next key
   before searching fetched four times fewer bytes while typing at 30 times the
   corpus, but made results 50 ms slower at today's size.) */
var LISTED = 20;
var SHORTEST = 4;
var RARE = 2;
var COMMONER = 10;
var WHOLE = 3;  // a typed word this short is an abbreviation, found whole ("ann", not "annotated")
var HELD = 0.5;  // of a word's weight, the share a page earns for holding it; the rest by Pagefind's score
var TITLED = 0.3;  // what a title holding every word adds, in shares of the words' weights
var SECTION = 0.8;  // a section's heading holding them counts this much of a title ("... ka role" answered in a section)
var BATCH = 26;  // lookups between two looks at whether a newer query came
var bundle = params.get("pagefind");
var engine = null;

/* Pagefind (its script, its wasm and its index's entry) and the search vocabulary are
   loaded when the reader first focuses the search box (overrides/main.html sends "warm"),
   or at the first query: a reader who opens a page and never searches downloads none of it. */
function started() {
  if (engine === null) {
    engine = import(bundle + "pagefind.js").then(function (pagefind) {
      return pagefind.options({basePath: bundle, baseUrl: "/", excerptLength: 24})
        .then(function () { return pagefind.init(); })
        .then(function () { return pagefind; });
    });
    loaded();
  }
  return engine;
}

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
async function spelled(pagefind, word, stale) {
  var lower = word.toLowerCase();
  if (word.length < SHORTEST || STOP.has(lower) || synonyms[lower] || expansions[lower]) return word;
  var own = await pages(pagefind, word);
  if (own > RARE) return word;
  if (!own && await begins(pagefind, word)) return word;
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
async function respelled(pagefind, term, stale) {
  var parts = term.split(/(\p{L}+)/u);
  for (var i = 1; i < parts.length; i += 2) parts[i] = await spelled(pagefind, parts[i], stale);
  return parts.join("");
}

/* What a query asks about: each meaningful word, or run of words that is a known form
   ("large language model"), with the forms that mean the same (synonyms), each a Pagefind
   query (a form of several words quoted, as a phrase). Words that carry no meaning ("what
   is", "vs", "kya hai") are left out, unless nothing else is left. */
function concepts(terms) {
  var lower = terms.map(function (term) { return term.toLowerCase(); });
  var found = [];
  for (var i = 0; i < terms.length; i++) {
    var end = i + 1;
    for (var j = terms.length; j > i + 1; j--)
      if (synonyms[lower.slice(i, j).join(" ")]) { end = j; break; }
    var form = lower.slice(i, end).join(" ");
    if (end === i + 1 && STOP.has(form)) continue;
    found.push([end === i + 1 ? terms[i] : form].concat(synonyms[form] || []));
    i = end - 1;
  }
  return found.length ? found : [[terms.join(" ")]];
}

/* The pages holding a form, ranked by Pagefind. Pagefind matches a word by its start, and
   answers a word it lacks with a shorter one it has ("anns" finds "annotated"): only a
   word as typed (which may be a beginning) is searched so. A form of several words, a
   synonym, and a short typed word are found whole by a quoted search (the form or its
   plural: quotes do not stem), which scores every page alike; the same words unquoted are
   ranked (a title holding them first), so the pages found whole keep those scores. */
async function holding(pagefind, form, typed) {
  var loose = (await pagefind.search(form)).results;
  if (typed && !/\s/.test(form.trim()) && form.length > WHOLE) return loose;
  var exact = [].concat.apply([], await Promise.all([form, form + "s"].map(function (whole) {
    return pagefind.search('"' + whole + '"').then(function (found) { return found.results; });
  })));
  if (!exact.length) return loose;
  var whole = new Map(exact.map(function (result) { return [result.id, result]; }));
  var kept = loose.filter(function (result) { return whole.delete(result.id); });
  var least = Math.min.apply(null, kept.map(function (result) { return result.score; }).concat([1]));
  return kept.concat(Array.from(whole.values(), function (result) {
    return {id: result.id, score: least, data: result.data};
  }));
}

/* Pagefind lists only pages holding every word searched, so each concept is searched on its
   own and the pages are ranked by what they hold: a concept's weight is how rare it is
   (1 / log2(2 + pages holding it)), and a page earns HELD of it for holding the concept and
   the rest by how well Pagefind scores it there. A page holding the rarer words, or both
   sides of a comparison, comes first; a common word alone ("search", "model") weighs little.
   Returns the pages, best first, and the concepts found with their weights (for `titled`). */
async function searched(pagefind, terms) {
  var wanted = concepts(terms);
  var held = await Promise.all(wanted.map(async function (forms) {
    var lists = await Promise.all(forms.map(function (form, i) { return holding(pagefind, form, i === 0); }));
    var best = new Map();
    lists.forEach(function (list) {
      list.forEach(function (result) {
        if (!best.has(result.id) || best.get(result.id).score < result.score) best.set(result.id, result);
      });
    });
    return best;
  }));
  var ranked = new Map();
  var weighed = [];
  held.forEach(function (results, i) {
    if (!results.size) return;
    var weight = 1 / Math.log2(2 + results.size);
    weighed.push({weight: weight, forms: wanted[i]});
    var top = Math.max.apply(null, Array.from(results.values(), function (result) { return result.score; })) || 1;
    results.forEach(function (result, id) {
      var page = ranked.get(id) || {result: result, score: 0};
      page.score += weight * (HELD + (1 - HELD) * result.score / top);
      ranked.set(id, page);
    });
  });
  var pages = Array.from(ranked.values())
    .sort(function (a, b) { return b.score - a.score; })
    .map(function (page) { return {score: page.score, data: page.result.data}; });
  return {pages: pages, weighed: weighed};
}

/* The share of the query's weight that a page's title holds: a page titled with the rare
   words asked ("why is positional encoding crucial in transformer models?") is about them,
   a page that only mentions them is not. */
function titled(title, weighed) {
  var present = Array.from(new Set(words(title || "")));
  var total = 0, held = 0;
  weighed.forEach(function (concept) {
    total += concept.weight;
    if (concept.forms.some(function (form) { return heldAs(form.toLowerCase(), present); })) held += concept.weight;
  });
  return total ? held / total : 0;
}

/* What Material lists under a result as "Missing" (the false ones) and highlights on the
   page it opens (?h=, the true ones): each meaningful word as the page writes it (a typo as
   corrected, or as the page's word one edit away; "llm" as "large language model" where the
   page spells it out). Ignored words are neither. */
function terms(typed, searched, content) {
  var present = Array.from(new Set(words(content)));
  var result = {};
  typed.forEach(function (term, i) {
    var corrected = (searched[i] || term).toLowerCase();
    if (!words(corrected).length) return;  // an ignored word: neither missing nor highlighted
    var held = [corrected].concat(synonyms[corrected] || []).map(function (form) { return heldAs(form, present); })
      .filter(Boolean);
    result[held.length ? held[0] : corrected] = held.length > 0;
  });
  return result;
}

/* The page's own words for a form, or null when it lacks one of them: a word one edit from
   the form's (as Pagefind's stemming finds "embeddings" for "embedings") is the page's. */
function heldAs(form, present) {
  var found = [];
  for (var part of words(form)) {
    var word = present.find(function (candidate) { return candidate.indexOf(part) === 0; }) ||
      present.find(function (candidate) { return near(candidate, part); });
    if (!word) return null;
    found.push(word.indexOf(part) === 0 ? part : word);
  }
  return found.join(" ");
}

/* Under each page, where it comes from in a quiet line (source › chapter › number); a page
   that lists others shows its description, not a snippet of its list of links. */
function teaser(data, location) {
  var text = listing(location) && data.meta.description ? escapeHTML(data.meta.description) : data.excerpt;
  var where = data.meta.where ? '<span class="qa-result-where">' + escapeHTML(data.meta.where) + "</span>" : "";
  return where + text;
}

function group(data, score, typed, searched) {
  var matched = terms(typed, searched, data.content);
  var location = local(data.url);
  var page = {location: location, title: escapeHTML(data.meta.title || data.url), text: teaser(data, location),
              score: score, terms: matched};
  /* Material shows a section under its page when it scores as high as the page,
     and folds the others away: here, the part of the page holding the most matches. A
     listing page's sections are lists of links: its description stands for it alone. */
  if (listing(location)) return [page];
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
  var typed = text.trim().split(/\s+/).filter(Boolean);
  if (!typed.length) return {items: []};
  var pagefind = await started();
  var exact = /"/.test(text);
  await loaded();
  var respelt = exact ? typed : await Promise.all(typed.map(function (term) {
    return respelled(pagefind, term, stale);
  }));
  if (stale()) throw SUPERSEDED;
  var found = exact ? {pages: (await pagefind.search(text)).results, weighed: []} : await searched(pagefind, respelt);
  if (stale()) throw SUPERSEDED;
  var items = await Promise.all(found.pages.slice(0, LISTED).map(function (result) {
    return result.data().then(function (data) {
      var headed = data.sub_results.map(function (section) { return SECTION * titled(section.title, found.weighed); });
      var score = result.score + TITLED * Math.max.apply(null, [titled(data.meta.title, found.weighed)].concat(headed));
      return group(data, score, typed, respelt);
    });
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
  if (message.type === 0) post({type: 1});  // ready: Pagefind itself loads when it is first needed
  else if (message.type === "warm") started();
  else if (message.type === 2 && typeof message.data === "string") answer(message.data);
});
