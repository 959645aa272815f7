// Material for MkDocs 9.8.1 partials/javascripts/consent.html, moved out of the page for the CSP.
(function () {
  var consent = __md_get("__consent");
  if (consent) {
    for (var input of document.forms.consent.elements) if (input.name) input.checked = consent[input.name] || false;
  } else if (location.protocol !== "file:") {
    setTimeout(function () { document.querySelector("[data-md-component=consent]").hidden = false; }, 250);
  }
  var form = document.forms.consent;
  for (var action of ["submit", "reset"]) {
    form.addEventListener(action, function (ev) {
      ev.preventDefault();
      if (ev.type === "reset") for (var n of document.forms.consent.elements) if (n.name) n.checked = false;
      __md_set("__consent", Object.fromEntries(Array.from(new FormData(form).keys()).map(function (k) { return [k, true]; })));
      location.hash = "";
      location.reload();
    });
  }
})();
