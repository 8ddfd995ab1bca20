/* The "Copy link" button under each question's title, and one beside each section's heading
   in the answer. One delegated listener, so they keep working across Material's instant
   navigation. The strip's button may name the link to copy (data-link: the page's short link,
   /q/<n>/); otherwise it is this page's address. A section's button copies the same link with
   the section's #anchor: the short link's page carries it on to the answer. */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-copy-link], .qa-copy-section");
  if (!button) return;
  var strip = document.querySelector("article [data-copy-link]");  // the page's one strip button
  var link = new URL(strip && strip.getAttribute("data-link") || location.href, location.href);
  link.hash = button.getAttribute("data-section") || "";
  var text = link.href;
  var done = function () {
    if (!button.hasAttribute("data-label")) button.setAttribute("data-label", button.textContent);
    button.textContent = "Link copied";
    button.setAttribute("aria-live", "polite");
    clearTimeout(button.copied);
    button.copied = setTimeout(function () { button.textContent = button.getAttribute("data-label"); }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
  } else {
    fallback(text);
    done();
  }
});

/* A copy button after each section heading of an answer (not the related questions'), on every
   page view: Material's document$ when it runs, the first load otherwise. */
function sectionButtons() {
  if (!document.querySelector("article .qa-meta [data-copy-link]")) return;
  document.querySelectorAll("article h2[id], article h3[id]").forEach(function (heading) {
    if (heading.id === "qa-related" || heading.querySelector(".qa-copy-section")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "qa-copy-section";
    button.setAttribute("data-section", heading.id);
    button.setAttribute("aria-label", "Copy a link to the section " + heading.textContent.replace(/¶$/, "").trim());
    button.textContent = "Copy link";
    heading.appendChild(button);
  });
}

if (window.document$ && window.document$.subscribe) window.document$.subscribe(sectionButtons);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sectionButtons);
else sectionButtons();

function fallback(text) {
  var area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try { document.execCommand("copy"); } catch (error) { /* the URL stays visible in the address bar */ }
  document.body.removeChild(area);
}
