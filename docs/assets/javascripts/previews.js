/* Previews of internal links: hovering (for a moment) or focusing a link in an answer to another
   page of the site (a related question, a banner's other version, a "Linked from" entry, a
   topic's list) shows a card with that page's title, where it comes from and its description,
   read from the page itself (same site, cached; nothing else is asked of any host). A glossary
   link keeps its definition tooltip; Escape closes the card. */
(function () {
  var root = new URL("../../", document.currentScript.src);
  var DELAY = 350;
  var read = new Map();
  var card = null;
  var timer = 0;

  /* A link worth previewing: to another page of this site, in the article, not a heading's
     anchor, a glossary term (its tooltip is its definition) or a download. */
  function previewed(link) {
    if (!link || !link.closest("article") || link.closest(".qa-preview")) return null;
    if (link.matches(".qa-term, .headerlink, [download], .md-button, .qa-button, .qa-count")) return null;
    var url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname.indexOf(root.pathname) !== 0) return null;
    if (url.pathname === location.pathname) return null;
    url.hash = "";
    url.search = "";
    return url.href;
  }

  function summary(url) {
    if (!read.has(url))
      read.set(url, fetch(url).then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var title = page.querySelector("article h1");
          var description = page.querySelector('meta[name="description"]');
          var where = page.querySelector("article .qa-where");
          return title ? {title: title.textContent.replace(/¶\s*$/, "").trim(), where: where ? where.textContent.trim() : "",
                          description: description ? description.getAttribute("content") : ""} : null;
        }).catch(function () { return null; }));
    return read.get(url);
  }

  function hide() {
    clearTimeout(timer);
    if (card) {
      var owner = document.querySelector('[aria-describedby="qa-preview"]');
      if (owner) owner.removeAttribute("aria-describedby");
      card.remove();
      card = null;
    }
  }

  function show(link, url) {
    summary(url).then(function (found) {
      if (!found || !link.isConnected || (document.activeElement !== link && !link.matches(":hover"))) return;
      hide();
      card = document.createElement("div");
      card.className = "qa-preview";
      card.id = "qa-preview";
      card.setAttribute("role", "tooltip");
      [["strong", found.title], ["span", found.where], ["p", found.description]].forEach(function (part) {
        if (!part[1]) return;
        var node = document.createElement(part[0]);
        node.textContent = part[1];
        card.appendChild(node);
      });
      document.body.appendChild(card);
      var box = link.getBoundingClientRect();
      var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
      var below = box.bottom + 8 + card.offsetHeight < document.documentElement.clientHeight;
      card.style.left = left + "px";
      card.style.top = (below ? box.bottom + window.scrollY + 6 : box.top + window.scrollY - card.offsetHeight - 6) + "px";
      link.setAttribute("aria-describedby", "qa-preview");
    });
  }

  function armed(event, delay) {
    var link = event.target.closest && event.target.closest("a[href]");
    var url = previewed(link);
    if (!url) return;
    clearTimeout(timer);
    timer = setTimeout(function () { show(link, url); }, delay);
  }

  document.addEventListener("mouseover", function (event) { armed(event, DELAY); });
  document.addEventListener("focusin", function (event) { armed(event, 0); });
  /* Leaving the link for a part of it (an abbreviation) or for the card keeps the card, which
     stays while the pointer rests on it; leaving both closes it. */
  document.addEventListener("mouseout", function (event) {
    var from = event.target.closest && event.target.closest("a[href], .qa-preview");
    var to = event.relatedTarget;
    if (!from || to && (from.contains(to) || card && card.contains(to))) return;
    if (from.matches("a[href]") && to && to.closest && to.closest('[aria-describedby="qa-preview"]') === from) return;
    hide();
  });
  document.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(hide);
})();
