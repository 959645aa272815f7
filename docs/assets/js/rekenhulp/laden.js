// Classic loader for the calculator page, referenced only from docs/rekenhulp/index.md (no other page loads it,
// so ordinary pages never start Pyodide). Material's instant navigation re-inserts the content's <script> tags on
// every visit, so this file runs on each visit of the page (a module script would run only once per document).
// When the calculator leaves the page (instant navigation elsewhere), its worker is terminated.
(function () {
  var script = document.currentScript;
  var wortel = document.getElementById("rekenhulp");
  if (!wortel || wortel.dataset.gemount) return;
  wortel.dataset.gemount = "ja";
  var basis = script && script.src ? script.src : document.baseURI;
  // The input lives in the URL fragment, with the same keys in both editions: the language switcher (a link with
  // hreflang) takes it along, so switching language keeps the calculation. Material's own handler for that link
  // rebuilds the address without the fragment, so a plain click is handled here.
  if (!window.__rekenhulpTaalwissel) {
    window.__rekenhulpTaalwissel = true;
    document.addEventListener("click", function (e) {
      var a = e.target && e.target.closest ? e.target.closest("a[hreflang]") : null;
      if (!a || location.hash.indexOf("=") < 0 || !document.getElementById("rekenhulp")) return;
      var doel = new URL(a.href, location.href);
      if (doel.hash || doel.origin !== location.origin) return;
      doel.hash = location.hash;
      a.href = doel.href;
      if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return; // new tab or window: the link as is
      e.preventDefault();
      e.stopPropagation();
      location.href = doel.href;
    }, true);
  }
  // Start the worker (Pyodide download) first, in parallel with loading the form module.
  import(new URL("rekenkern.js", basis).href).then(function (k) { k.rekenkern(); }, function () {});
  import(new URL("rekenhulp.js", basis).href).then(function (m) {
    var rh = m.mount(wortel, {});
    var weg = function () {
      if (!wortel.isConnected) {
        rh.stop();
        m.stopRekenkern();
        if (abonnement) abonnement.unsubscribe();
      }
    };
    var abonnement = null;
    // Material's bundle (which defines document$) loads after this script; subscribe once it is there.
    var abonneer = function () {
      if (!abonnement && window.document$ && window.document$.subscribe) abonnement = window.document$.subscribe(weg);
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", abonneer, { once: true });
    else abonneer();
  }, function () {
    wortel.dataset.fase = "fout";
    var p = document.createElement("p");
    p.className = "rh-fout";
    p.textContent = /^en\b/i.test(document.documentElement.lang)
      ? "The calculator could not load. Reload the page to try again."
      : "De rekenhulp kon niet laden. Herlaad de pagina om het opnieuw te proberen.";
    wortel.replaceChildren(p);
  });
})();
