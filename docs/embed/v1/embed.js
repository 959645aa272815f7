/*! Poortwachter-rekenhulp embed loader v1 (EUPL-1.2). Geen afhankelijkheden.
 Host: <div data-poortwachter-embed data-doelgroep="werkgever"></div> + dit script (of een eigen <iframe
 data-poortwachter-embed src=".../embed/v1/termijnen/">). Het iframe meldt alleen zijn hoogte; met
 data-resultaat-delen ook het event "poortwachter:resultaat" ({termijnen: {id: "JJJJ-MM-DD"}}). */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var BASIS = new URL("termijnen/", script.src);
  var OPTIES = ["doelgroep", "weergave", "kleur", "tekstkleur", "lettertype", "hoeken", "taal"];
  var SANDBOX = "allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox";
  var DATUM = /^\d{4}-\d{2}-\d{2}$/;
  var ID = /^[a-z0-9_]{1,60}$/;

  function koppel(el) {
    if (el.poortwachter) return;
    var frame = el;
    if (el.tagName !== "IFRAME") {
      var url = new URL(BASIS);
      OPTIES.forEach(function (o) {
        var w = el.getAttribute("data-" + o);
        if (w) url.searchParams.set(o, w);
      });
      frame = document.createElement("iframe");
      frame.src = url.href;
      frame.title = el.getAttribute("data-titel") || "Rekenhulp termijnen Wet verbetering poortwachter";
      frame.setAttribute("sandbox", SANDBOX);
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.style.width = "100%";
      frame.style.border = "0";
      frame.style.display = "block";
      frame.style.height = "600px";
      el.appendChild(frame);
    }
    var herkomst = new URL(frame.src, location.href).origin;
    var delen = el.hasAttribute("data-resultaat-delen");
    var poort = null;
    el.poortwachter = { frame: frame };

    function verbind() {
      if (poort) poort.close();
      var kanaal = new MessageChannel();
      poort = kanaal.port1;
      poort.onmessage = function (e) {
        var d = e.data || {};
        if (d.type === "hoogte" && typeof d.hoogte === "number" && isFinite(d.hoogte)) {
          frame.style.height = Math.min(Math.max(Math.ceil(d.hoogte), 80), 30000) + "px";
        } else if (d.type === "resultaat" && delen && d.termijnen && typeof d.termijnen === "object") {
          var termijnen = {};
          Object.keys(d.termijnen).forEach(function (k) {
            var v = d.termijnen[k];
            if (ID.test(k) && typeof v === "string" && DATUM.test(v)) termijnen[k] = v;
          });
          el.dispatchEvent(new CustomEvent("poortwachter:resultaat", { bubbles: true, detail: { termijnen: termijnen } }));
        }
      };
      // targetOrigin: only a document of the embed origin can receive the port.
      frame.contentWindow.postMessage({ poortwachter: 1, type: "verbind", resultaatDelen: delen }, herkomst, [kanaal.port2]);
    }

    window.addEventListener("message", function (e) {
      if (e.source !== frame.contentWindow || e.origin !== herkomst) return;
      if (e.data && e.data.poortwachter === 1 && e.data.type === "gereed") verbind();
    });
    // A host-written iframe may have loaded before this script: offer it the port now as well.
    if (frame === el) verbind();
  }

  function zoek() {
    var lijst = document.querySelectorAll("[data-poortwachter-embed]");
    for (var i = 0; i < lijst.length; i++) koppel(lijst[i]);
  }

  zoek();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", zoek);
  // Elements added later (single-page hosts, the generator's live preview).
  new MutationObserver(zoek).observe(document.documentElement, { childList: true, subtree: true });
})();
