// Material for MkDocs 9.8.1 partials/javascripts/announce.html, moved out of the page for the CSP.
(function () {
  var el = document.querySelector("[data-md-component=announce]");
  if (el) {
    var content = el.querySelector(".md-typeset");
    if (__md_hash(content.innerHTML) === __md_get("__announce")) el.hidden = true;
  }
})();
