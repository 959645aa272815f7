// Embed-code generator (docs/embed/index.md): calculator + options -> snippet, live preview through the real loader
// (embed/v1/embed.js, loaded by the page, picks up the preview's <div> itself), copy button.
// The options are checked with the same module the embed page uses (embed/v1/thema.js).

import { ACHTERGROND, LETTERTYPEN, MINIMAAL_CONTRAST, STANDAARD, contrast, controleer } from "../../../embed/v1/thema.js";

const $ = (id) => document.getElementById(id);

// Per calculator (data-rekenhulp of the loader): does the audience option apply, and what the result event holds.
const REKENHULPEN = {
  termijnen: { doelgroep: true, event: "poortwachter:resultaat", delen: "Stuur de berekende datums naar mijn pagina" },
  spoor2: { doelgroep: false, event: "poortwachter:uitkomst", delen: "Stuur de uitkomst (alleen de naam ervan) naar mijn pagina" },
  scenario: { doelgroep: false, event: "poortwachter:scenario", delen: "Stuur de berekende datums van de scenario's naar mijn pagina" },
};
const STANDAARD_REKENHULP = "termijnen";
const formulier = $("embed-opties");
if (formulier) start();

function start() {
  const lettertype = $("embed-lettertype");
  for (const [waarde, { naam }] of Object.entries(LETTERTYPEN)) {
    const o = document.createElement("option");
    o.value = waarde;
    o.textContent = naam;
    o.selected = waarde === STANDAARD.lettertype;
    lettertype.append(o);
  }
  // Our own address: the site this page is served from (the embed lives at <site>/embed/v1/).
  const eigenAdres = new URL("../", document.baseURI).href;
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
      taal: "nl",
      delen: f.get("resultaat-delen") === "on",
      adres: String(f.get("adres") || "").trim(),
    };
  }

  function toonContrast(id, kleur) {
    const el = $(`${id}-contrast`);
    const c = contrast(kleur, ACHTERGROND);
    const ok = c >= MINIMAAL_CONTRAST;
    el.textContent = `Contrast met wit: ${c.toFixed(2).replace(".", ",")}:1 ${ok ? "(voldoende)" : "(te laag: wordt niet gebruikt)"}`;
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
    const { opties, meldingen } = controleer(w);
    toonContrast("embed-kleur", w.kleur);
    toonContrast("embed-tekstkleur", w.tekstkleur);
    const b = basis(w.adres);
    if (!b) meldingen.push("Het adres van de rekenhulp is geen geldig webadres (https://…).");
    $("embed-meldingen").textContent = meldingen.join(" ");
    const soort = REKENHULPEN[w.rekenhulp] ? w.rekenhulp : STANDAARD_REKENHULP;
    const rekenhulp = REKENHULPEN[soort];
    $("embed-doelgroep").hidden = !rekenhulp.doelgroep;
    $("embed-doelgroep").disabled = !rekenhulp.doelgroep;
    const code = document.createElement("code");
    code.textContent = rekenhulp.event;
    $("embed-delen-tekst").replaceChildren(`${rekenhulp.delen} (het event `, code, ")");

    // Only what differs from the defaults goes into the snippet; refused values are left out.
    const attrs = [["data-poortwachter-embed", null]];
    if (soort !== STANDAARD_REKENHULP) attrs.push(["data-rekenhulp", soort]);
    for (const k of ["doelgroep", "weergave", "kleur", "tekstkleur", "lettertype", "hoeken"]) {
      if (k === "doelgroep" && !rekenhulp.doelgroep) continue;
      if (opties[k] !== STANDAARD[k]) attrs.push([`data-${k}`, opties[k]]);
    }
    if (w.delen) attrs.push(["data-resultaat-delen", null]);
    const loader = b ? new URL("embed/v1/embed.js", b).href : "";
    const div = `<div ${attrs.map(([k, v]) => (v === null ? k : `${k}="${esc(v)}"`)).join(" ")}></div>`;
    $("embed-code").value = `${div}\n<script src="${esc(loader)}" async></script>`;
    $("embed-csp").textContent = b
      ? `Content-Security-Policy van uw pagina: voeg ${b.origin} toe aan frame-src en script-src.`
      : "";

    // Live preview with this site's own copy of the embed (the loader on this page picks up the new <div>).
    const sleutel = JSON.stringify(attrs);
    if (sleutel === vorigeVoorbeeld) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      vorigeVoorbeeld = sleutel;
      const el = document.createElement("div");
      for (const [k, v] of attrs) el.setAttribute(k, v === null ? "" : v);
      el.setAttribute("data-titel", "Voorbeeld van de ingebedde rekenhulp");
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
      melding.textContent = "De code is gekopieerd.";
    } catch {
      code.focus();
      code.select();
      melding.textContent = "Kopiëren lukte niet automatisch: de code is geselecteerd, kopieer hem met Ctrl+C.";
    }
  });

  bijwerken(true);
}
