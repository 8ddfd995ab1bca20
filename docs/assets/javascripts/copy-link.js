/* The "Copy link" button under each question's title. One delegated listener,
   so it keeps working across Material's instant navigation. The button may
   name the link to copy (data-link); otherwise it is this page's address
   without the #fragment. */
document.addEventListener("click", function (event) {
  var button = event.target.closest && event.target.closest("[data-copy-link]");
  if (!button) return;
  var link = new URL(button.getAttribute("data-link") || location.href, location.href);
  link.hash = "";
  var text = link.href;
  var done = function () {
    var label = button.textContent;
    button.textContent = "Link copied";
    button.setAttribute("aria-live", "polite");
    setTimeout(function () { button.textContent = label; }, 2000);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
  } else {
    fallback(text);
    done();
  }
});

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
