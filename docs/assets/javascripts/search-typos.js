/* Runs as Material's search worker, in front of it: a reader who mistypes a word
   ("atetntion", "lroa") still finds the page. Each plain word of five letters or
   more is also searched with one edit allowed (lunr's term~1: a letter inserted,
   deleted, changed, or two letters swapped). A query written with search syntax
   (quotes, +, -, ~, ^, *, :) is left exactly as typed. Material's own worker is
   loaded last, from the address the page passed in. */
var SYNTAX = /["+\-~^*:]/;

function tolerant(query) {
  if (SYNTAX.test(query)) return query;
  return query.split(/\s+/).map(function (term) {
    return /^[a-z]{5,}$/i.test(term) ? term + " " + term + "~1" : term;
  }).join(" ");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message && message.type === 2 && typeof message.data === "string") {
    message.data = tolerant(message.data);
  }
});

importScripts(new URL(location.href).searchParams.get("worker"));
