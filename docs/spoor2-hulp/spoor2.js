// Beslishulp spoor 2 and scenario page: progressive enhancement over the static pages (SPOOR2 helper).
// Glue only: it sends the request JSON to the calculator worker (BROWSER's rekenkern.js -> contract.bereken) and shows
// the answer. No rules and no numbers here; every text, date and number comes from the engine's answer.
// State (the dates, the weeks) lives in the URL fragment, never in storage. The embed pages (embed/v1/spoor2/,
// embed/v1/scenario/) import the same functions and give them a state of their own (`staat`, kept in memory).
// Language: the page's <html lang> ("en" on the English edition under /en/ and in an English embed frame, else "nl").
// The engine answers in that language (request field "taal"); the few words of this glue are in UI below.
import { rekenkern, FASEN } from "../assets/js/rekenhulp/rekenkern.js";

/** "en" when the page is English (<html lang="en">, "en-GB", ...), else "nl". Read on use: an embed frame sets
 * its lang before it mounts. */
export function taal() {
  return /^en\b/i.test(document.documentElement.lang || "") ? "en" : "nl";
}

// The glue's own words, per language; both tables have the same keys (tests/spoor2/browser checks the English).
const UI = {
  nl: {
    controleer: "Controleer uw invoer:",
    eersteZiektedag: "Vul de eerste ziektedag in.",
    datum: "Datum",
    ziekteweek: (n) => ` (ziekteweek ${n})`,
    controledatum: "Controledatum: ",
    kop: ["Scenario", "Laatste dag loondoorbetaling", "WIA-aanvraag uiterlijk", "Extra weken loondoorbetaling"],
    kosten: "Geschatte extra loonkosten",
    naastElkaar: "Scenario's naast elkaar",
    van: "Van ",
    totEnMet: " tot en met ",
    bronnen: "Bronnen: ",
  },
  en: {
    controleer: "Please check what you entered:",
    eersteZiektedag: "Enter the first day of sickness.",
    datum: "Date",
    ziekteweek: (n) => ` (sickness week ${n})`,
    controledatum: "Check date: ",
    kop: ["Scenario", "Last day of paid wages", "WIA application at the latest", "Extra weeks of paid wages"],
    kosten: "Estimated extra wage costs",
    naastElkaar: "Scenarios side by side",
    van: "From ",
    totEnMet: " up to and including ",
    bronnen: "Sources: ",
  },
};
const T = () => UI[taal()];

function vandaag() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function el(tag, attrs = {}, ...kinderen) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    if (k === "class") e.className = v;
    else e.setAttribute(k, v);
  }
  for (const k of kinderen.flat()) {
    if (k === null || k === undefined) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}

// Fragment: "#eerste_ziektedag=..." on a static page, "#/ja/nee?eerste_ziektedag=..." in the browser version.
function hashDelen() {
  const h = location.hash.replace(/^#/, "");
  if (!h.startsWith("/")) return { pad: null, query: h };
  const [pad, query = ""] = h.slice(1).split("?");
  return { pad: pad.replace(/\/$/, ""), query };
}

function fragment() {
  return new URLSearchParams(hashDelen().query);
}

function zetFragment(params) {
  const { pad } = hashDelen();
  const q = params.toString();
  const hash = pad === null ? q : `/${pad}${q ? `?${q}` : ""}`;
  history.replaceState(null, "", `${location.pathname}${location.search}#${hash}`);
}

// Where a form keeps what was filled in: {lees() -> URLSearchParams, schrijf(URLSearchParams)}.
const IN_FRAGMENT = { lees: fragment, schrijf: zetFragment };

function toonStatus(vak, kern) {
  if (kern.klaar) return () => {};
  return kern.opVoortgang((fase, melding) => {
    if (fase === "klaar") return;
    vak.replaceChildren(el("p", {}, fase === "fout" ? melding || FASEN.fout : FASEN[fase] || FASEN.downloaden));
  });
}

function toonFouten(vak, form, fouten, velden) {
  for (const invoer of form.querySelectorAll("input")) invoer.removeAttribute("aria-invalid");
  const lijst = el("ul");
  for (const f of fouten) {
    const naam = velden[f.sleutel || f.veld];
    const invoer = naam ? form.querySelector(`[name="${naam}"]`) : null;
    if (invoer) invoer.setAttribute("aria-invalid", "true");
    lijst.append(el("li", {}, invoer ? el("a", { href: `#${invoer.id}` }, f.melding) : f.melding));
  }
  vak.replaceChildren(el("div", { class: "s2-fout", role: "alert" }, el("p", {}, T().controleer), lijst));
}

// ------------------------------------------------------------------ outcome pages: the date
// Asks the engine (through the worker) and handles what every form here handles alike: the status while it
// works, a failed worker, and the engine's own input errors next to the fields. Returns the answer, or null.
async function vraagKern(kern, vak, form, velden, verzoek) {
  const stop = toonStatus(vak, kern);
  let uit;
  try {
    uit = await kern.bereken({ ...verzoek, taal: taal() });
  } catch (e) {
    vak.replaceChildren(el("p", { class: "s2-fout" }, e.message));
    return null;
  } finally {
    stop();
  }
  if (uit.fouten) {
    toonFouten(vak, form, uit.fouten, velden);
    return null;
  }
  for (const invoer of form.querySelectorAll("input")) invoer.removeAttribute("aria-invalid");
  return uit;
}

export function uitkomstDatum(sectie, staat = IN_FRAGMENT) {
  const form = sectie.querySelector("form");
  const vak = sectie.querySelector(".s2-datumresultaat");
  const antwoorden = JSON.parse(sectie.dataset.antwoorden);
  const velden = { eerste_ziektedag: "eerste_ziektedag", eerstejaarsevaluatie_op: "eerstejaarsevaluatie_op", ziek: "eerste_ziektedag" };
  form.hidden = false;
  const f = staat.lees();
  for (const naam of ["eerste_ziektedag", "eerstejaarsevaluatie_op"]) {
    if (f.get(naam)) form.elements[naam].value = f.get(naam);
  }
  const kern = rekenkern();

  async function reken() {
    const a = { ...antwoorden };
    const params = new URLSearchParams();
    for (const naam of ["eerste_ziektedag", "eerstejaarsevaluatie_op"]) {
      const waarde = form.elements[naam].value.trim();
      if (waarde) {
        a[naam] = waarde;
        params.set(naam, waarde);
      }
    }
    if (!a.eerste_ziektedag) {
      toonFouten(vak, form, [{ sleutel: "eerste_ziektedag", melding: T().eersteZiektedag }], velden);
      return;
    }
    staat.schrijf(params);
    const uit = await vraagKern(kern, vak, form, velden, { actie: "spoor2", antwoorden: a, peildatum: vandaag() });
    if (!uit) return;
    const u = uit.uitkomst;
    const delen = [];
    if (u.datum) {
      delen.push(el("p", { class: "s2-datumregel" }, `${u.datum.omschrijving || T().datum}: `,
        el("strong", {}, el("time", { datetime: u.datum.datum, "data-termijn": u.datum.id }, u.datum.datum_tekst)),
        u.datum.ziekteweek ? T().ziekteweek(u.datum.ziekteweek) : ""));
      if (u.datum.toelichting) delen.push(el("p", { class: "s2-hint" }, u.datum.toelichting));
    }
    if (u.controledatum) {
      delen.push(el("p", { class: "s2-datumregel" }, T().controledatum,
        el("strong", {}, el("time", { datetime: u.controledatum.datum, "data-controledatum": "" }, u.controledatum.datum_tekst)),
        `. ${u.controledatum.uitleg}`));
    }
    for (const s of u.signalen || []) delen.push(el("p", { class: "s2-fout" }, s.melding));
    vak.replaceChildren(...delen);
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    reken();
  });
  if (f.get("eerste_ziektedag")) reken();
}

// ------------------------------------------------------------------ scenario page
function scenarioTabel(uit) {
  const kosten = uit.scenarios.some((s) => s.extra_loonkosten);
  const kop = [...T().kop];
  if (kosten) kop.push(T().kosten);
  const tijd = (d) => el("time", { datetime: d.datum }, d.datum_tekst);
  const rijen = uit.scenarios.map((s) =>
    el("tr", { "data-scenario": s.id },
      el("th", { scope: "row" }, s.titel, el("br"), el("small", {}, s.uitleg)),
      el("td", {}, tijd(s.laatste_loondoorbetalingsdag)),
      el("td", {}, tijd(s.wia_aanvraag)),
      el("td", {}, String(s.extra_weken_loondoorbetaling)),
      kosten ? el("td", {}, s.extra_loonkosten ? s.extra_loonkosten.bedrag_tekst : "") : null));
  const tabel = el("table", {},
    el("caption", {}, T().naastElkaar),
    el("thead", {}, el("tr", {}, kop.map((k) => el("th", { scope: "col" }, k)))),
    el("tbody", {}, rijen));
  const iva = uit.vervroegde_iva;
  return [
    el("p", { class: "s2-label" }, el("strong", {}, uit.label)),
    el("div", { class: "md-typeset__scrollwrap" }, el("div", { class: "md-typeset__table" }, tabel)),
    kosten ? el("p", { class: "s2-hint" }, uit.scenarios[0].extra_loonkosten.uitleg) : null,
    el("h2", {}, iva.titel),
    el("p", {}, T().van, tijd(iva.vanaf), T().totEnMet, tijd(iva.uiterlijk), "."),
    el("ul", {}, iva.voorwaarden.map((v) => el("li", {}, v))),
    el("p", { class: "s2-hint" }, T().bronnen,
      ...iva.bronnen.flatMap((b, i) => [i ? "; " : "", el("a", { href: b.url }, b.titel)])),
  ].filter(Boolean);
}

// After every answer the root element gets the event "spoor2:scenario" with the engine's answer (the embed passes
// its dates on to the host page, when the host asked for them).
export function scenarioPagina(wortel, staat = IN_FRAGMENT) {
  const form = wortel.querySelector("form");
  const vak = wortel.querySelector(".s2-scenarioresultaat");
  const velden = { ziek: "ziek", vrijwillige_verlenging_weken: "vrijwillige_verlenging_weken", loonsanctie_weken: "loonsanctie_weken", weekloon: "weekloon" };
  form.hidden = false;
  const f = staat.lees();
  for (const naam of Object.values(velden)) if (f.get(naam)) form.elements[naam].value = f.get(naam);
  const kern = rekenkern();

  async function reken() {
    const ziek = form.elements.ziek.value.trim();
    if (!ziek) return toonFouten(vak, form, [{ veld: "ziek", melding: T().eersteZiektedag }], velden);
    const verzoek = { actie: "scenario", ziek: [ziek], peildatum: vandaag() };
    const params = new URLSearchParams({ ziek });
    for (const naam of ["vrijwillige_verlenging_weken", "loonsanctie_weken", "weekloon"]) {
      const waarde = form.elements[naam].value.trim();
      if (waarde) {
        verzoek[naam] = naam === "weekloon" ? waarde : Number(waarde);
        params.set(naam, waarde);
      }
    }
    staat.schrijf(params);
    const uit = await vraagKern(kern, vak, form, velden, verzoek);
    if (!uit) return;
    vak.replaceChildren(...scenarioTabel(uit));
    wortel.dispatchEvent(new CustomEvent("spoor2:scenario", { detail: uit }));
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    reken();
  });
  if (f.get("ziek")) reken();
}

// ------------------------------------------------------------------ the steps from stappen.json
// stappen.json holds every step as HTML (built from the same data as the static pages; links relative to pad/).
// stappenToner(artikel).toon(sleutel, focus) shows one step in `artikel`, starts the date form of an outcome and
// moves the focus to the step's heading; it returns the step ({titel, html, uitkomst?}) or null.
// This module is shared by both editions (it lives at the site root); the English steps are under en/spoor2-hulp/.
// The Dutch addresses keep their v1 names (an embed page of another host may import them).
export const STAPPEN_URL = new URL("stappen.json", import.meta.url);
export const PAD_URL = new URL("pad/", STAPPEN_URL);
const STAPPEN_EN = new URL("../en/spoor2-hulp/stappen.json", import.meta.url);

/** The steps of the page language: spoor2-hulp/stappen.json or en/spoor2-hulp/stappen.json. */
export function stappenUrl() {
  return taal() === "en" ? STAPPEN_EN : STAPPEN_URL;
}
/** The static steps (pages of the site, not modules) of the page language: the links in stappen.json are relative
 * to this address. */
export function padUrl() {
  return new URL("pad/", stappenUrl());
}

export function stappenToner(artikel, staat = IN_FRAGMENT) {
  let stappen = null;

  async function laad() {
    if (!stappen) {
      const r = await fetch(stappenUrl());
      if (!r.ok) throw new Error(`stappen.json: ${r.status}`);
      stappen = (await r.json()).stappen;
    }
    return stappen;
  }

  async function toon(sleutel, focus) {
    const stap = (await laad())[sleutel];
    if (!stap) return null;
    artikel.innerHTML = stap.html; // our own build output, same origin
    const sectie = artikel.querySelector(".s2-datum[data-antwoorden]");
    if (sectie) uitkomstDatum(sectie, staat);
    if (focus) {
      const h1 = artikel.querySelector("h1");
      h1.tabIndex = -1;
      h1.focus();
      scrollTo(0, 0);
    }
    return stap;
  }

  return { laad, toon };
}

// ------------------------------------------------------------------ browser version of the helper
// With JavaScript the steps are shown from stappen.json and the answers live in the URL fragment: the address stays
// .../spoor2-hulp/pad/#/ja/nee, so no answer reaches a server log. Without JavaScript (or if stappen.json cannot
// load) the links lead to the static page of each step.
function beslishulp(label) {
  const basis = new URL(label.dataset.s2Basis, location.href);
  const eigen = label.dataset.s2Sleutel;
  const artikel = label.closest("article") || label.parentElement;
  const stappen = stappenToner(artikel);
  const laad = stappen.laad;

  async function toon(sleutel, focus) {
    const stap = await stappen.toon(sleutel, focus);
    if (stap) document.title = stap.titel;
    return Boolean(stap);
  }

  document.addEventListener("click", async (ev) => {
    const a = ev.target.closest("a[data-s2-pad]");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    const sleutel = a.dataset.s2Pad;
    try {
      await laad();
      history.pushState(null, "", `${basis.pathname}#/${sleutel}`);
      if (!(await toon(sleutel, true))) throw new Error("onbekende stap");
    } catch {
      location.href = a.href;
    }
  });

  addEventListener("popstate", () => {
    const { pad } = hashDelen();
    toon(pad ?? eigen, true).catch(() => location.reload());
  });

  const { pad } = hashDelen();
  if (pad !== null && pad !== eigen) toon(pad, false).catch(() => {});
  else return false;
  return true;
}

// The site's own pages start here; an embed page (marked data-s2-embed) starts the parts itself, with its own state.
if (!document.querySelector("[data-s2-embed]")) {
  const label = document.querySelector("[data-s2-basis]");
  const vervangen = label ? beslishulp(label) : false;
  const sectie = document.querySelector(".s2-datum[data-antwoorden]");
  if (sectie && !vervangen) uitkomstDatum(sectie);
  const scenario = document.getElementById("s2-scenario");
  if (scenario) scenarioPagina(scenario);
}
