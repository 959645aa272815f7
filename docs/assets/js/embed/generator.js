// Embed-code generator (docs/embed/index.md): calculator + options -> snippet, live preview through the real loader
// (embed/v1/embed.js, loaded by the page, picks up the preview's <div> itself), copy button.
// The options are checked with the same module the embed page uses (embed/v1/thema.js). The page's own texts follow
// its language (<html lang>: /embed/ or /en/embed/); the embed's language is an option like the others (data-taal).

import { ACHTERGROND, LETTERTYPEN, MINIMAAL_CONTRAST, STANDAARD, contrast, controleer } from "../../../embed/v1/thema.js";

const $ = (id) => document.getElementById(id);
const PAGINATAAL = /^en\b/i.test(document.documentElement.lang) ? "en" : "nl";

// Per calculator (data-rekenhulp of the loader): does the audience option apply, which languages its frame shows
// (embed/v1/<rekenhulp>/pagina.js, startEmbed), and what the result event holds.
const REKENHULPEN = {
  termijnen: { doelgroep: true, talen: ["nl", "en"], event: "poortwachter:resultaat" },
  spoor2: { doelgroep: false, talen: ["nl", "en"], event: "poortwachter:uitkomst" },
  scenario: { doelgroep: false, talen: ["nl", "en"], event: "poortwachter:scenario" },
};
const TEKSTEN = {
  nl: {
    delen: {
      termijnen: "Stuur de berekende datums naar mijn pagina",
      spoor2: "Stuur de uitkomst (alleen de naam ervan) naar mijn pagina",
      scenario: "Stuur de berekende datums van de scenario's naar mijn pagina",
    },
    hetEvent: "het event",
    contrast: (c, ok) => `Contrast met wit: ${c.toFixed(2).replace(".", ",")}:1 ${ok ? "(voldoende)" : "(te laag: wordt niet gebruikt)"}`,
    adres: "Het adres van de rekenhulp is geen geldig webadres (https://…).",
    csp: (origin) => `Content-Security-Policy van uw pagina: voeg ${origin} toe aan frame-src en script-src.`,
    voorbeeld: "Voorbeeld van de ingebedde rekenhulp",
    gekopieerd: "De code is gekopieerd.",
    nietGekopieerd: "Kopiëren lukte niet automatisch: de code is geselecteerd, kopieer hem met Ctrl+C.",
    lettertypen: null, // the names in thema.js
  },
  en: {
    delen: {
      termijnen: "Send the calculated dates to my page",
      spoor2: "Send the outcome (only its name) to my page",
      scenario: "Send the calculated dates of the scenarios to my page",
    },
    hetEvent: "the event",
    contrast: (c, ok) => `Contrast with white: ${c.toFixed(2)}:1 ${ok ? "(sufficient)" : "(too low: will not be used)"}`,
    adres: "The address of the calculator is not a valid web address (https://…).",
    csp: (origin) => `Content-Security-Policy of your page: add ${origin} to frame-src and script-src.`,
    voorbeeld: "Preview of the embedded calculator",
    gekopieerd: "The code has been copied.",
    nietGekopieerd: "Copying did not work automatically: the code is selected, copy it with Ctrl+C.",
    lettertypen: { systeem: "System font (sans-serif)", schreef: "Serif font", afgerond: "Rounded system font" },
  },
};
const T = TEKSTEN[PAGINATAAL];
const STANDAARD_REKENHULP = "termijnen";
const formulier = $("embed-opties");
if (formulier) start();

function start() {
  const lettertype = $("embed-lettertype");
  for (const [waarde, { naam }] of Object.entries(LETTERTYPEN)) {
    const o = document.createElement("option");
    o.value = waarde;
    o.textContent = (T.lettertypen && T.lettertypen[waarde]) || naam;
    o.selected = waarde === STANDAARD.lettertype;
    lettertype.append(o);
  }
  // Our own address: the site this script is served from (assets/js/embed/ -> <site>/; the embed lives at
  // <site>/embed/v1/), the same for the Dutch page /embed/ and the English page /en/embed/.
  const eigenAdres = new URL("../../../", import.meta.url).href;
  $("embed-adres").value = eigenAdres;

  let timer = null;
  let vorigeVoorbeeld = "";

  function waarden() {
    const f = new FormData(formulier);
    return {
      rekenhulp: f.get("rekenhulp") || STANDAARD_REKENHULP,
      doelgroep: f.get("doelgroep"),
      weergave: f.get("weergave"),
      kleur: f.get("kleur"),
      tekstkleur: f.get("tekstkleur"),
      lettertype: f.get("lettertype"),
      hoeken: String(f.get("hoeken") ?? "").trim(),
      taal: f.get("taal") || STANDAARD.taal,
      delen: f.get("resultaat-delen") === "on",
      adres: String(f.get("adres") || "").trim(),
    };
  }

  function toonContrast(id, kleur) {
    const el = $(`${id}-contrast`);
    const c = contrast(kleur, ACHTERGROND);
    const ok = c >= MINIMAAL_CONTRAST;
    el.textContent = T.contrast(c, ok);
    el.className = `pw-embed__contrast${ok ? "" : " pw-embed__contrast--te-laag"}`;
  }

  function basis(adres) {
    try {
      const u = new URL(adres || eigenAdres, document.baseURI);
      if (u.protocol !== "https:" && u.protocol !== "http:") return null;
      if (!u.pathname.endsWith("/")) u.pathname += "/";
      u.search = "";
      u.hash = "";
      return u;
    } catch {
      return null;
    }
  }

  const esc = (t) => t.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

  function bijwerken(direct = false) {
    const w = waarden();
    const { opties, meldingen } = controleer(w, PAGINATAAL);
    toonContrast("embed-kleur", w.kleur);
    toonContrast("embed-tekstkleur", w.tekstkleur);
    const b = basis(w.adres);
    if (!b) meldingen.push(T.adres);
    $("embed-meldingen").textContent = meldingen.join(" ");
    const soort = REKENHULPEN[w.rekenhulp] ? w.rekenhulp : STANDAARD_REKENHULP;
    const rekenhulp = REKENHULPEN[soort];
    $("embed-doelgroep").hidden = !rekenhulp.doelgroep;
    $("embed-doelgroep").disabled = !rekenhulp.doelgroep;
    // A language the chosen calculator does not have yet cannot be picked (the frame would show Dutch anyway).
    for (const r of formulier.querySelectorAll("input[name=taal]")) r.disabled = !rekenhulp.talen.includes(r.value);
    const taal = rekenhulp.talen.includes(opties.taal) ? opties.taal : STANDAARD.taal;
    const code = document.createElement("code");
    code.textContent = rekenhulp.event;
    $("embed-delen-tekst").replaceChildren(`${T.delen[soort]} (${T.hetEvent} `, code, ")");

    // Only what differs from the defaults goes into the snippet; refused values are left out.
    const attrs = [["data-poortwachter-embed", null]];
    if (soort !== STANDAARD_REKENHULP) attrs.push(["data-rekenhulp", soort]);
    for (const k of ["doelgroep", "weergave", "kleur", "tekstkleur", "lettertype", "hoeken"]) {
      if (k === "doelgroep" && !rekenhulp.doelgroep) continue;
      if (opties[k] !== STANDAARD[k]) attrs.push([`data-${k}`, opties[k]]);
    }
    if (taal !== STANDAARD.taal) attrs.push(["data-taal", taal]);
    if (w.delen) attrs.push(["data-resultaat-delen", null]);
    const loader = b ? new URL("embed/v1/embed.js", b).href : "";
    const div = `<div ${attrs.map(([k, v]) => (v === null ? k : `${k}="${esc(v)}"`)).join(" ")}></div>`;
    $("embed-code").value = `${div}\n<script src="${esc(loader)}" async></script>`;
    $("embed-csp").textContent = b ? T.csp(b.origin) : "";

    // Live preview with this site's own copy of the embed (the loader on this page picks up the new <div>).
    const sleutel = JSON.stringify(attrs);
    if (sleutel === vorigeVoorbeeld) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      vorigeVoorbeeld = sleutel;
      const el = document.createElement("div");
      for (const [k, v] of attrs) el.setAttribute(k, v === null ? "" : v);
      el.setAttribute("data-titel", T.voorbeeld);
      $("embed-voorbeeld").replaceChildren(el);
    }, direct ? 0 : 700);
  }

  formulier.addEventListener("input", () => bijwerken());
  formulier.addEventListener("change", () => bijwerken());
  formulier.addEventListener("submit", (e) => e.preventDefault());

  $("embed-kopieer").addEventListener("click", async () => {
    const code = $("embed-code");
    const melding = $("embed-gekopieerd");
    try {
      await navigator.clipboard.writeText(code.value);
      melding.textContent = T.gekopieerd;
    } catch {
      code.focus();
      code.select();
      melding.textContent = T.nietGekopieerd;
    }
  });

  bijwerken(true);
}
