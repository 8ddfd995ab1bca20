/* Runs as Material's search worker and answers the search box from one of two
   backends (extra.search_backend in mkdocs.yml, passed in by overrides/main.html):
   Material's own lunr worker, loaded behind this one, or Pagefind
   (search-pagefind.js). The ranking below is shared by both.

   With Material's worker it does two things.

   Typos: each plain word of five letters or more is also searched with one edit
   allowed (lunr's term~1: a letter inserted, deleted or changed, or two letters
   swapped), so "atetntion" still finds attention. A query written with search
   syntax (quotes, ~, ^, *, :, or + or - opening a word) is left exactly as typed.

   A mistyped word found that way is not listed as "Missing" under a result.

   Ranking: among the pages Material found, one whose title is mostly the words
   searched ranks higher: "word embeddings" puts the page titled "Word
   embeddings" above "Problems of word2vec word embeddings". Each page's best
   score is multiplied by 1 + COVERAGE x (share of its title's words that the
   query names). An abbreviation from the glossary names the words it stands
   for, so "rag" names the title "What is Retrieval-Augmented Generation (RAG)?"
   whole. A query that is a glossary term, in any of its forms ("rlhf", "what is
   self attention"), lists the page the glossary names for it first, when it is
   among the results. Both come from search/glossary.json (the converter). */
var SYNTAX = /(^|\s)[+-]|["~^*:]/;  // lunr's syntax; a hyphen inside a word is not
var COVERAGE = 1;
var STOP = new Set(("a an and are as at be by can do does for from how in is it its of on or the this " +
  "to what when where which why with you your explain describe discuss define vs versus").split(" "));
var query = "";
var expansions = {};
var defines = {};
fetch(new URL("../../search/glossary.json", location.href))
  .then(function (response) { return response.ok ? response.json() : {}; })
  .then(function (data) {
    expansions = data.expansions || {};
    Object.keys(data.defines || {}).forEach(function (form) { defines[words(form).join(" ")] = data.defines[form]; });
  }, function () {});

function words(text) {
  return (text.toLowerCase().replace(/<[^>]*>/g, " ").match(/[\p{L}\p{N}]+/gu) || [])
    .filter(function (word) { return !STOP.has(word); });
}

function tolerant(text) {
  if (SYNTAX.test(text)) return text;
  return text.split(/\s+/).map(function (term) {
    return /^[a-z]{5,}$/i.test(term) ? term + " " + term + "~1" : term;
  }).join(" ");
}

function near(word, term) {
  if (word.indexOf(term) === 0) return true;
  if (term.length < 5 || Math.abs(word.length - term.length) > 1) return false;
  for (var i = 0, edits = 0; i < Math.min(word.length, term.length); i++)
    if (word[i] !== term[i] && ++edits > 2) return false;
  return true;
}

function coverage(title, terms) {
  var found = words(title);
  if (!found.length || !terms.length) return 0;
  return found.filter(function (word) {
    return terms.some(function (term) { return near(word, term); });
  }).length / found.length;
}

/* Material lists a query word that no result contains as "Missing"; a mistyped word
   found through its one-edit form is not missing. */
function found(item) {
  var marked = ((item.title || "") + " " + (item.text || "")).match(/<mark>[^<]*<\/mark>/g) || [];
  var seen = words(marked.join(" "));
  Object.keys(item.terms || {}).forEach(function (term) {
    if (!item.terms[term] && seen.some(function (word) { return near(word, term.toLowerCase()); }))
      item.terms[term] = true;
  });
}

function named(text) {
  return words(text).reduce(function (terms, term) {
    return terms.concat([term], expansions[term] ? words(expansions[term]) : []);
  }, []);
}

function rerank(items) {
  var terms = named(query);
  var defining = defines[words(query).join(" ")];
  items.forEach(function (group) { group.forEach(found); });
  return items
    .map(function (group, order) {
      var best = Math.max.apply(null, group.map(function (item) { return item.score; }));
      return {group: group, order: order, defines: group[0].location.split("#")[0] === defining,
              score: best * (1 + COVERAGE * coverage(group[0].title, terms))};
    })
    .sort(function (a, b) { return b.defines - a.defines || b.score - a.score || a.order - b.order; })
    .map(function (entry) { return entry.group; });
}

var params = new URL(location.href).searchParams;
var post = self.postMessage.bind(self);

function lunr() {
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 2 && typeof message.data === "string") {
      query = message.data;
      message.data = tolerant(message.data);
    }
  });
  self.postMessage = function (message, transfer) {
    if (message && message.type === 3 && message.data && Array.isArray(message.data.items) && !SYNTAX.test(query))
      message.data.items = rerank(message.data.items);
    return post(message, transfer);
  };
  importScripts(params.get("worker"));
}

if (params.get("pagefind")) importScripts(new URL("search-pagefind.js", location.href).href);
else lunr();
