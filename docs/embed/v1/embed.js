/*! Poortwachter-rekenhulp embed loader v1 (EUPL-1.2), zonder afhankelijkheden.
 Host: <div data-poortwachter-embed data-rekenhulp="termijnen|spoor2|scenario" data-taal="nl|en"></div> + dit
 script, of een eigen <iframe data-poortwachter-embed src=".../embed/v1/termijnen/">. Het iframe meldt alleen
 zijn hoogte; met data-resultaat-delen ook een event. Uitleg: /embed/ op de site. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var BASIS = new URL("./", script.src);
  // calculator -> [title, event, English title]
  var REKENHULPEN = {
    termijnen: ["Rekenhulp termijnen Wet verbetering poortwachter", "poortwachter:resultaat", "Poortwachter deadlines"],
    spoor2: ["Beslishulp: moet ik nu met spoor 2 starten?", "poortwachter:uitkomst", "Spoor 2 decision aid"],
    scenario: ["Scenario's: vrijwillige verlenging, loonsanctie en vervroegde IVA", "poortwachter:scenario", "Scenarios"]
  };
  var OPTIES = ["doelgroep", "weergave", "kleur", "tekstkleur", "lettertype", "hoeken", "taal"];
  var SANDBOX = "allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox";
  var DATUM = /^\d{4}-\d{2}-\d{2}$/;
  var ID = /^[a-z0-9_]{1,60}$/;

  // Keeps only {id: "YYYY-MM-DD"} (diep 0) or {id: {id: "YYYY-MM-DD"}} (diep 1).
  function datums(o, diep) {
    var uit = {};
    if (o && typeof o === "object") Object.keys(o).forEach(function (k) {
      var v = o[k];
      if (!ID.test(k)) return;
      if (typeof v === "string" && DATUM.test(v)) uit[k] = v;
      else if (diep && v && typeof v === "object") uit[k] = datums(v, diep - 1);
    });
    return uit;
  }

  function koppel(el) {
    if (el.poortwachter) return;
    var frame = el;
    var soort;
    if (el.tagName !== "IFRAME") {
      soort = el.getAttribute("data-rekenhulp") || "termijnen";
      if (!Object.prototype.hasOwnProperty.call(REKENHULPEN, soort)) {
        el.poortwachter = {};
        el.textContent = "Onbekende rekenhulp \u201c" + soort + "\u201d: kies termijnen, spoor2 of scenario.";
        return;
      }
      var url = new URL(soort + "/", BASIS);
      OPTIES.forEach(function (o) {
        var w = el.getAttribute("data-" + o);
        if (w) url.searchParams.set(o, w);
      });
      frame = document.createElement("iframe");
      frame.src = url.href;
      // data-taal is checked by the frame
      frame.title = el.getAttribute("data-titel") || REKENHULPEN[soort][url.searchParams.get("taal") == "en" ? 2 : 0];
      frame.setAttribute("sandbox", SANDBOX);
      frame.setAttribute("referrerpolicy", "no-referrer");
      frame.style.width = "100%";
      frame.style.border = "0";
      frame.style.display = "block";
      frame.style.height = "600px";
      el.appendChild(frame);
    } else {
      // host-written iframe: the calculator is the folder in its address
      soort = (/\/embed\/v1\/([a-z0-9]+)\//.exec(new URL(frame.src, location.href).pathname) || [])[1];
    }
    var herkomst = new URL(frame.src, location.href).origin;
    var delen = el.hasAttribute("data-resultaat-delen");
    var poort = null;
    el.poortwachter = { frame: frame };

    function resultaat(d) {
      if (soort === "termijnen" && d.termijnen) return { termijnen: datums(d.termijnen, 0) };
      if (soort === "spoor2" && typeof d.uitkomst == "string" && ID.test(d.uitkomst)) return { uitkomst: d.uitkomst };
      if (soort === "scenario" && d.scenario) return { scenario: datums(d.scenario, 1) };
    }

    function verbind() {
      if (poort) poort.close();
      var kanaal = new MessageChannel();
      poort = kanaal.port1;
      poort.onmessage = function (e) {
        var d = e.data || {};
        var detail;
        if (d.type === "hoogte" && typeof d.hoogte === "number" && isFinite(d.hoogte)) {
          frame.style.height = Math.min(Math.max(Math.ceil(d.hoogte), 80), 30000) + "px";
        } else if (d.type === "resultaat" && delen && (detail = resultaat(d))) {
          el.dispatchEvent(new CustomEvent(REKENHULPEN[soort][1], { bubbles: true, detail: detail }));
        }
      };
      // targetOrigin: only a document of the embed origin can receive the port.
      frame.contentWindow.postMessage({ poortwachter: 1, type: "verbind", resultaatDelen: delen }, herkomst, [kanaal.port2]);
    }

    window.addEventListener("message", function (e) {
      if (e.source !== frame.contentWindow || e.origin !== herkomst) return;
      if (e.data && e.data.poortwachter === 1 && e.data.type === "gereed") verbind();
    });
    // A host-written iframe may have loaded before this script: offer the port now too.
    if (frame === el) verbind();
  }

  function zoek() {
    var lijst = document.querySelectorAll("[data-poortwachter-embed]");
    for (var i = 0; i < lijst.length; i++) koppel(lijst[i]);
  }

  zoek();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", zoek);
  // Elements added later (single-page hosts, the generator's preview).
  new MutationObserver(zoek).observe(document.documentElement, { childList: true, subtree: true });
})();
