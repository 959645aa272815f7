// Material for MkDocs 9.8.1 partials/javascripts/outdated.html, moved out of the page for the CSP.
(function () {
  var el = document.querySelector("[data-md-component=outdated]");
  var base = new URL(document.currentScript.getAttribute("data-md-base"), location);
  var outdated = __md_get("__outdated", sessionStorage, base);
  if (outdated === true && el) el.hidden = false;
})();
