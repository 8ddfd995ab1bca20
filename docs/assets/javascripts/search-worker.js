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

   Ranking: among the pages found, one whose title is the words searched ranks
   higher: "word embeddings" puts the page titled "Word embeddings" above
   "Problems of word2vec word embeddings", and "why do transformers need
   positional encoding" the page titled with both above pages about transformers.
   Each page's best score is multiplied by 1 + COVERAGE x (share of its title's
   words that the query names) + ASKED x (share of the query's words that its
   title holds). An abbreviation from the glossary names the words it stands
   for, so "rag" names the title "What is Retrieval-Augmented Generation (RAG)?"
   whole. A query that is a glossary term, in any of its forms ("rlhf", "what is
   self attention"), lists the page the glossary names for it first, when it is
   among the results. Both come from search/glossary.json (the converter). */
var SYNTAX = /(^|\s)[+-]|["~^*:]/;  // lunr's syntax; a hyphen inside a word is not
var COVERAGE = 1;
var ASKED = 1;
/* Words that carry no meaning in a query ("what is", "vs", "kya hai"), forms that mean the
   same ("seq2seq", "sequence-to-sequence"; "llm", "large language model"), and the page
   that defines each glossary term: tools/data/search.yml and the glossary, written by the
   converter into search/glossary.json. */
var STOP = new Set("a an and are as at be by can do does for from how in is it its of on or the this to what why".split(" "));
var query = "";
// without a prototype: a query word such as "constructor" must find nothing in them
var synonyms = Object.create(null);
var expansions = Object.create(null);
var defines = Object.create(null);
var vocabulary = null;

function loaded() {
  if (vocabulary === null)
    vocabulary = fetch(new URL("../../search/glossary.json", location.href))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (data) {
        if (data.ignored && data.ignored.length) STOP = new Set(data.ignored);
        synonyms = Object.assign(Object.create(null), data.synonyms);
        expansions = Object.assign(Object.create(null), data.expansions);
        Object.keys(data.defines || {}).forEach(function (form) { defines[words(form).join(" ")] = data.defines[form]; });
      }, function () {});
  return vocabulary;
}

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

/* Whether the word is the term, starts with it, or is one edit from it (or from its start):
   a letter inserted, left out or changed, or two neighbours swapped (lunr's term~1). */
function near(word, term) {
  if (word.indexOf(term) === 0) return true;
  if (term.length < 5) return false;
  return oneEdit(word, term) || oneEdit(word.slice(0, term.length + 1), term) ||
    oneEdit(word.slice(0, term.length), term) || oneEdit(word.slice(0, term.length - 1), term);
}

function oneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  var i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function coverage(title, terms) {
  var found = words(title);
  if (!found.length || !terms.length) return 0;
  return found.filter(function (word) {
    return terms.some(function (term) { return near(word, term); });
  }).length / found.length;
}

/* Material lists a query word that no result contains as "Missing"; a word the query
   ignores, or a mistyped word found through its one-edit form, is not missing. */
function found(item) {
  var marked = ((item.title || "") + " " + (item.text || "")).match(/<mark>[^<]*<\/mark>/g) || [];
  var seen = words(marked.join(" "));
  Object.keys(item.terms || {}).forEach(function (term) {
    var lower = term.toLowerCase();
    if (!item.terms[term] && (STOP.has(lower) || seen.some(function (word) { return near(word, lower); })))
      item.terms[term] = true;
  });
}

function named(text) {
  return words(text).reduce(function (terms, term) {
    return terms.concat([term], expansions[term] ? words(expansions[term]) : []);
  }, []);
}

/* A page that lists others (a topic, a source's index, the glossary, the home page), not one
   question or topic of a document (<source>/<slug>/). */
function listing(location) {
  var parts = location.split("#")[0].split("/").filter(Boolean);
  return parts.length !== 2 || parts[0] === "topics";
}

/* The share of the query's meaningful words (``asked``) that are words of the title, or of
   what the title's abbreviations stand for; all of them, and the query names the page ("rag"
   names the topic "RAG"). */
function asking(title, asked) {
  var titled = named(title.replace(/<[^>]*>/g, " "));
  return asked.length ? asked.filter(function (term) {
    return titled.some(function (word) { return near(word, term) || near(term, word); });
  }).length / asked.length : 0;
}

/* The page the glossary names for the query, when the query is one of its terms, or the term
   with a letter wrong ("embedings": Pagefind finds the pages by its stem, so no typo is
   corrected). */
function defined(asked) {
  var key = asked.join(" ");
  if (defines[key] || !asked.length) return defines[key];
  var close = Object.keys(defines).find(function (term) {
    var parts = term.split(" ");
    return parts.length === asked.length && parts.every(function (part, i) {
      return part.length >= 5 && oneEdit(part, asked[i]) || part === asked[i];
    });
  });
  return close && defines[close];
}

/* Listing pages hold the titles of many questions, so they match many queries; one ranks
   among the answers only when the query names it ("rag" finds the RAG topic), else after
   every page that answers. */
function rerank(items) {
  var terms = named(query);
  var asked = words(query);
  var defining = defined(asked);
  items.forEach(function (group) { group.forEach(found); });
  return items
    .map(function (group, order) {
      var best = Math.max.apply(null, group.map(function (item) { return item.score; }));
      var titled = asking(group[0].title, asked);
      return {group: group, order: order, defines: group[0].location.split("#")[0] === defining,
              listed: listing(group[0].location) && titled < 1,
              score: best * (1 + COVERAGE * coverage(group[0].title, terms) + ASKED * titled)};
    })
    .sort(function (a, b) {
      return b.defines - a.defines || a.listed - b.listed || b.score - a.score || a.order - b.order;
    })
    .map(function (entry) { return entry.group; });
}

var params = new URL(location.href).searchParams;
var post = self.postMessage.bind(self);

function lunr() {
  loaded();  // Material's worker downloads its whole index now anyway
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
