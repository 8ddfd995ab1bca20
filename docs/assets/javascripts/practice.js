/* Practice mode: a run of questions one at a time with the answer hidden, revealed on
   request and marked "knew it" or "not yet"; "not yet" questions come first in the next run
   over the same set. Progress marks on pages, in lists, in the navigation and per topic and
   source; a random question; export, import and reset (docs/practice.md).

   Everything lives in this browser's localStorage under one key per site and is never sent
   anywhere. The pages and the sets they belong to (source, chapter, topics) come from
   practice/pages.json (the converter's emit/practice.py), fetched only when the
   reader practises or has marks to show. One delegated click listener and one handler per
   page view (Material's document$, or the first load without it) keep it working across
   instant navigation. The answer of the run's current page is hidden before it is drawn:
   overrides/main.html sets the html element's qa-practising class from the stored run. */
(function () {
  var root = new URL("../../", document.currentScript.src);
  var STORE = "qa-practice:" + root.pathname;
  var LABELS = {known: "Known", later: "Not yet"};
  var data = null;

  function load() {
    try { return Object.assign({marks: {}, run: null}, JSON.parse(localStorage.getItem(STORE) || "{}")); }
    catch (error) { return {marks: {}, run: null}; }
  }

  function save(state) {
    localStorage.setItem(STORE, JSON.stringify(state));
  }

  function pages() {
    if (data === null)
      data = fetch(new URL("practice/pages.json", root)).then(function (response) {
        if (!response.ok) throw new Error("practice/pages.json: " + response.status);
        return response.json();
      }).then(function (found) {
        found.byUrl = new Map(found.pages.map(function (page) { return [page[1], page]; }));
        return found;
      }).catch(function (error) {
        data = null;  // tried again at the next page view
        throw error;
      });
    return data;
  }

  /* The page's URL relative to the site's root, as pages.json writes it ("genai-book/x/"). */
  function here(url) {
    var path = new URL(url || location.href, location.href).pathname;
    return path.indexOf(root.pathname) === 0 ? decodeURI(path.slice(root.pathname.length)) : null;
  }

  /* The keys of a set ("topic:rag", "source:genai-book", "chapter:genai-book:fine-tuning",
     "all"), in reading order. */
  function members(found, set) {
    var parts = set.split(":");
    return found.pages.filter(function (page) {
      if (parts[0] === "topic") return page[5].indexOf(parts[1]) >= 0;
      if (parts[0] === "source") return page[3] === parts[1];
      if (parts[0] === "chapter") return page[3] === parts[1] && page[4] === parts[2];
      return true;
    });
  }

  /* A set's name and the page that lists it: a topic's or a source's page, a chapter's
     heading on it. */
  function listing(found, set) {
    var parts = set.split(":");
    var item = (parts[0] === "topic" ? found.topics : found.sources).find(function (entry) { return entry.id === parts[1]; });
    if (!item) return {title: "All questions", url: "practice/"};
    if (parts[0] !== "chapter") return {title: item.title, url: item.url};
    var chapter = item.chapters.find(function (c) { return c[0] === parts[2]; });
    return {title: chapter ? chapter[1] : item.title, url: item.url + "#" + parts[2]};
  }

  function unknown(marks, page) {
    return !marks[page[0]] || marks[page[0]].s !== "known";
  }

  /* Not yet first (the longest ago first), then never marked, then known. */
  function ordered(list, marks) {
    var rank = function (page) { var mark = marks[page[0]]; return mark ? (mark.s === "later" ? 0 : 2) : 1; };
    return list.map(function (page, i) { return [page, i]; }).sort(function (a, b) {
      var ra = rank(a[0]), rb = rank(b[0]);
      if (ra !== rb) return ra - rb;
      if (ra === 0) return marks[a[0][0]].t - marks[b[0][0]].t;
      return a[1] - b[1];
    }).map(function (pair) { return pair[0]; });
  }

  function start(list, title, back) {
    if (!list.length) return;
    var state = load();
    state.run = {title: title, back: back, items: list.map(function (page) { return [page[0], page[1]]; }),
                 at: 0, done: {}};
    save(state);
    location.assign(new URL(list[0][1], root).href);
  }

  function startSet(set, onlyLater) {
    pages().then(function (found) {
      var state = load();
      var list = ordered(members(found, set), state.marks);
      if (onlyLater) list = list.filter(function (page) { return unknown(state.marks, page); });
      var named = listing(found, set);
      start(list, named.title, named.url);
    });
  }

  /* This question, then the rest of its chapter (or source) in order, from here round. */
  function startHere() {
    pages().then(function (found) {
      var page = found.byUrl.get(here());
      if (!page) return;
      var set = page[4] ? "chapter:" + page[3] + ":" + page[4] : "source:" + page[3];
      var list = members(found, set);
      var at = list.indexOf(page);
      var named = listing(found, set);
      start(list.slice(at).concat(list.slice(0, at)), named.title, named.url);
    });
  }

  function randomQuestion(onlyLater) {
    pages().then(function (found) {
      var marks = load().marks;
      var pool = found.pages.filter(function (page) { return !onlyLater || unknown(marks, page); });
      if (pool.length) start([pool[Math.floor(Math.random() * pool.length)]], "Random question", "practice/");
    });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  var PRIMARY = "md-button md-button--primary qa-practice__button";

  function button(label, action, extra) {
    return element("button", Object.assign({type: "button", class: "md-button qa-practice__button", "data-practice": action}, extra || {}), label);
  }

  /* The run's current page: its answer hidden under a panel that reveals it and marks it. */
  function practising(state) {
    var run = state.run;
    var html = document.documentElement;
    var current = run && run.items[run.at];
    var on = Boolean(current) && current[1] === here();
    html.classList.toggle("qa-practising", on);
    html.classList.remove("qa-revealed");
    if (!on) return;
    var meta = document.querySelector(".md-content .qa-meta");
    if (!meta) return;
    var statement = asked(meta);
    if (statement) statement.classList.add("qa-statement");
    var panel = element("div", {class: "qa-practice", role: "region", "aria-label": "Practice"});
    panel.appendChild(element("p", {class: "qa-practice__status", "aria-live": "polite"},
      run.title + " · question " + (run.at + 1) + " of " + run.items.length));
    var actions = element("p", {class: "qa-practice__actions"});
    actions.appendChild(button("Show the answer", "reveal", {"aria-expanded": "false", "aria-keyshortcuts": "R",
                                                              title: "Show the answer (R)", class: PRIMARY}));
    actions.appendChild(button("End practice", "stop"));
    panel.appendChild(actions);
    (statement || meta).after(panel);
    panel.querySelector("[data-practice=reveal]").focus({preventScroll: true});
  }

  /* The whole question quoted under the title (when the title is a part of it: the strip says
     so), after the English summary if there is one: part of the question, so never hidden. */
  function asked(meta) {
    if (!meta.hasAttribute("data-statement")) return null;
    for (var node = meta.nextElementSibling; node; node = node.nextElementSibling) {
      if (node.tagName === "BLOCKQUOTE") return node;
      if (!node.classList.contains("admonition") && !node.classList.contains("qa-duplicates")) return null;
    }
    return null;
  }

  function reveal() {
    var panel = document.querySelector(".qa-practice");
    if (!panel || document.documentElement.classList.contains("qa-revealed")) return;
    document.documentElement.classList.add("qa-revealed");
    var actions = panel.querySelector(".qa-practice__actions");
    actions.replaceChildren(
      button("Knew it", "known", {"aria-keyshortcuts": "K", title: "Knew it (K)", class: PRIMARY}),
      button("Not yet", "later", {"aria-keyshortcuts": "L", title: "Not yet: it comes first next time (L)"}),
      button("End practice", "stop"));
    panel.querySelector(".qa-practice__status").textContent += " · answer shown";
    actions.firstChild.focus({preventScroll: true});
  }

  function mark(status) {
    var state = load();
    var run = state.run;
    var html = document.documentElement;
    /* only the question on screen, once: a second click or key while the next page loads, or a
       page restored by Back after it was marked, would mark a question never seen */
    if (!run || !html.classList.contains("qa-revealed") || !run.items[run.at] || run.items[run.at][1] !== here()) return;
    html.classList.remove("qa-revealed");
    var key = run.items[run.at][0];
    state.marks[key] = {s: status, t: Date.now()};
    run.done[key] = status;
    run.at += 1;
    if (run.at < run.items.length) {
      save(state);
      location.assign(new URL(run.items[run.at][1], root).href);
      return;
    }
    state.run = null;
    state.last = {title: run.title, back: run.back, items: run.items.filter(function (item) { return run.done[item[0]] === "later"; })};
    save(state);
    finished(run);
  }

  function finished(run) {
    var panel = document.querySelector(".qa-practice");
    var later = Object.keys(run.done).filter(function (key) { return run.done[key] === "later"; }).length;
    var known = Object.keys(run.done).length - later;
    panel.querySelector(".qa-practice__status").textContent =
      run.title + " done: " + known + " known, " + later + " not yet.";
    var actions = panel.querySelector(".qa-practice__actions");
    actions.replaceChildren();
    if (later) actions.appendChild(button("Practise the " + later + " again", "again", {class: PRIMARY}));
    if (run.back) {
      var back = element("a", {class: "md-button qa-practice__button", href: new URL(run.back, root).href}, "Back to " + run.title);
      actions.appendChild(back);
    }
    (actions.firstChild || panel).focus && (actions.firstChild || panel).focus({preventScroll: true});
  }

  function stop() {
    var state = load();
    state.run = null;
    save(state);
    document.documentElement.classList.remove("qa-practising", "qa-revealed");
    var panel = document.querySelector(".qa-practice");
    if (panel) panel.remove();
    drawn();
  }

  function counted(list, marks) {
    var known = 0, later = 0;
    list.forEach(function (page) {
      var mark = marks[page[0]];
      if (mark && mark.s === "known") known += 1;
      else if (mark) later += 1;
    });
    return {known: known, later: later, all: list.length};
  }

  function progressText(count) {
    return count.known + " of " + count.all + " known" + (count.later ? ", " + count.later + " not yet" : "");
  }

  /* Marks on links to pages (in the article and the navigation), on the page itself, and
     the progress of each topic and source linked; the start buttons of this page. */
  function marked(found, marks) {
    var sets = new Map();
    found.topics.forEach(function (topic) { sets.set(topic.url, "topic:" + topic.id); });
    found.sources.forEach(function (source) { sets.set(source.url, "source:" + source.id); });
    document.querySelectorAll(".md-content a[href], .md-nav a[href]").forEach(function (link) {
      if (link.closest(".qa-practice, .headerlink, .qa-meta")) return;
      var url = here(link.href);
      link.classList.remove("qa-mark-known", "qa-mark-later");
      var old = link.querySelector(".qa-mark");
      if (old) old.remove();
      if (link.nextElementSibling && link.nextElementSibling.classList.contains("qa-progress")) link.nextElementSibling.remove();
      var page = url && !new URL(link.href).hash && found.byUrl.get(url);
      if (page && marks[page[0]]) {
        link.classList.add("qa-mark-" + marks[page[0]].s);
        link.appendChild(element("span", {class: "qa-mark"}, " (" + LABELS[marks[page[0]].s].toLowerCase() + ")"));
      } else if (url && sets.has(url) && !new URL(link.href).hash && link.closest(".md-content")) {
        var count = counted(members(found, sets.get(url)), marks);
        if (count.known || count.later)
          link.after(element("span", {class: "qa-progress", title: progressText(count)}, " " + count.known + "/" + count.all));
      }
    });
    var page = found.byUrl.get(here());
    var strip = document.querySelector(".md-content .qa-meta > p");
    if (page && strip && marks[page[0]] && !strip.querySelector(".qa-status")) {
      strip.insertBefore(element("span", {class: "qa-status qa-status--" + marks[page[0]].s}, LABELS[marks[page[0]].s]),
                         strip.querySelector(".qa-practise"));
    }
  }

  /* The start buttons: on a question, its chapter from here; on a topic or a source, the whole
     set, its questions not known yet, and (on a source) each chapter. */
  function starts(found, marks) {
    document.querySelectorAll(".qa-practice-start[data-practice-set]").forEach(function (box) {
      var set = box.getAttribute("data-practice-set");
      var count = counted(members(found, set), marks);
      box.replaceChildren(
        element("span", {class: "qa-practice-start__count"}, progressText(count)),
        button("Practise " + (count.all === 1 ? "this question" : "these " + count.all), "set", {"data-set": set,
               class: PRIMARY}));
      if (count.known && count.known < count.all)
        box.appendChild(button("Only the " + (count.all - count.known) + " not known yet", "set-later", {"data-set": set}));
      box.hidden = false;
      if (set.indexOf("source:") === 0) {
        var source = found.sources.find(function (s) { return "source:" + s.id === set; });
        (source ? source.chapters : []).forEach(function (chapter) {
          var heading = document.getElementById(chapter[0]);
          if (!heading || heading.querySelector(".qa-practise-chapter")) return;
          heading.appendChild(button("Practise", "set", {"data-set": "chapter:" + source.id + ":" + chapter[0],
                                                        class: "md-button qa-practice__button qa-practise-chapter",
                                                        "aria-label": "Practise the chapter " + chapter[1]}));
        });
      }
    });
    var board = document.getElementById("qa-practice-board");
    if (board) dashboard(board, found, marks);
  }

  /* The practice page: progress by source and topic, random questions, export, import, reset. */
  function dashboard(board, found, marks) {
    var all = counted(found.pages, marks);
    var rows = function (items, kind) {
      var table = element("table", {class: "qa-practice-table"});
      var head = element("tr");
      [kind, "Progress", ""].forEach(function (label) { head.appendChild(element("th", {scope: "col"}, label)); });
      table.appendChild(element("thead")).appendChild(head);
      var body = table.appendChild(element("tbody"));
      items.forEach(function (item) {
        var set = (kind === "Topic" ? "topic:" : "source:") + item.id;
        var count = counted(members(found, set), marks);
        var row = element("tr");
        row.appendChild(element("td")).appendChild(element("a", {href: new URL(item.url, root).href}, item.title));
        row.appendChild(element("td", {}, progressText(count)));
        row.appendChild(element("td")).appendChild(button("Practise", "set", {"data-set": set, "aria-label": "Practise " + item.title}));
        body.appendChild(row);
      });
      return table;
    };
    var run = load().run;
    var going = element("p", {class: "qa-practice-going"});
    if (run && run.items[run.at]) {
      going.append(run.title + ": question " + (run.at + 1) + " of " + run.items.length + " is waiting. ");
      going.append(element("a", {href: new URL(run.items[run.at][1], root).href, class: PRIMARY}, "Continue"),
                   button("End that run", "stop"));
    }
    board.replaceChildren(
      going,
      element("p", {class: "qa-practice-start__count"}, "All pages: " + progressText(all) + "."),
      element("p"),
      element("h2", {id: "by-source"}, "By source"), rows(found.sources, "Source"),
      element("h2", {id: "by-topic"}, "By topic"), rows(found.topics, "Topic"),
      element("h2", {id: "your-progress"}, "Your progress"),
      element("p", {}, "Kept in this browser only (localStorage), never sent anywhere. Export it to keep a copy or move it to another browser."),
      element("p"));
    var random = board.children[2];
    random.append(button("Random question", "random", {class: PRIMARY}),
                  button("Random question not known yet", "random-later"));
    var tools = board.lastChild;
    var input = element("input", {type: "file", accept: "application/json,.json", id: "qa-practice-import", class: "qa-practice__file"});
    tools.append(button("Export progress", "export"),
                 element("label", {for: "qa-practice-import", class: "md-button qa-practice__button", tabindex: "0", role: "button"}, "Import progress"), input,
                 button("Reset progress", "reset"));
  }

  function exported() {
    var state = load();
    var blob = new Blob([JSON.stringify({site: root.href, exported: new Date().toISOString(), marks: state.marks}, null, 1)],
                        {type: "application/json"});
    var link = element("a", {href: URL.createObjectURL(blob), download: "practice-progress.json"});
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function imported(file) {
    file.text().then(function (text) {
      var marks = JSON.parse(text).marks || {};
      var state = load();
      Object.keys(marks).forEach(function (key) {
        var mark = marks[key];
        if (mark && (mark.s === "known" || mark.s === "later") && typeof mark.t === "number" &&
            (!state.marks[key] || state.marks[key].t < mark.t)) state.marks[key] = {s: mark.s, t: mark.t};
      });
      save(state);
      drawn();
    }).catch(function () { alert("That file is not an exported practice progress."); });
  }

  function drawn() {
    var state = load();
    practising(state);
    document.querySelectorAll(".qa-practise[hidden]").forEach(function (node) { node.hidden = false; });
    if (!Object.keys(state.marks).length && !document.querySelector(".qa-practice-start, #qa-practice-board")) return;
    pages().then(function (found) {
      marked(found, state.marks);
      starts(found, state.marks);
    });
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest("[data-practice]");
    if (!target) return;
    var action = target.getAttribute("data-practice");
    if (action === "reveal") reveal();
    else if (action === "known" || action === "later") mark(action);
    else if (action === "stop") stop();
    else if (action === "here") startHere();
    else if (action === "set") startSet(target.getAttribute("data-set"), false);
    else if (action === "set-later") startSet(target.getAttribute("data-set"), true);
    else if (action === "random") randomQuestion(false);
    else if (action === "random-later") randomQuestion(true);
    else if (action === "export") exported();
    else if (action === "reset" && confirm("Forget every mark and the run in progress?")) { localStorage.removeItem(STORE); location.reload(); }
    else if (action === "again") {
      var last = load().last;
      if (last) start(last.items, last.title, last.back);
    }
  });

  /* A label that acts as a button (Import progress; the home page's search) answers Enter and Space. */
  document.addEventListener("keydown", function (event) {
    var label = event.target.matches && event.target.matches("label[role=button]") ? event.target : null;
    if (label && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      label.click();
    }
  });

  window.addEventListener("pageshow", function (event) { if (event.persisted) drawn(); });

  document.addEventListener("change", function (event) {
    if (event.target.id === "qa-practice-import" && event.target.files.length) imported(event.target.files[0]);
  });

  /* R reveals, K marks known, L not yet, while a run shows its question; in a text field
     they are letters. Caught before Material's own shortcuts. */
  window.addEventListener("keydown", function (event) {
    if (!document.documentElement.classList.contains("qa-practising") || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest && event.target.closest("input, textarea, [contenteditable], .md-search")) return;
    var search = document.getElementById("__search");
    if (search && search.checked || event.repeat) return;
    var key = event.key.toLowerCase();
    var revealed = document.documentElement.classList.contains("qa-revealed");
    if (key === "r" && !revealed) reveal();
    else if (key === "k" && revealed) mark("known");
    else if (key === "l" && revealed) mark("later");
    else return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }, true);

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(drawn);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawn);
  else drawn();
})();
