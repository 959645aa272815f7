// The deadline calculator UI: mount(element, options) builds the form and the result inside `element`.
// Every rule, number, date and message comes from the engine (poortwachter.contract.bereken in the worker);
// this file only collects input, shows the engine's answer and keeps the input in the URL fragment.
//
//   import { mount } from ".../rekenhulp.js";
//   const rh = mount(document.querySelector("#rekenhulp"), {
//     doelgroep: "beide",          // initial filter: "werkgever" | "werknemer" | "beide"
//     compact: false,              // true: no print/share buttons and no period explanation (embed)
//     fragment: true,              // keep the input in location.hash (false for embeds that own their URL)
//     telwijzeUrl: "../onderwerpen/tellen/",   // page explaining the counting convention (optional)
//   });
//   rh.stop();

import { rekenkern, stopRekenkern } from "./rekenkern.js";
import { taal as paginaTaal, teksten } from "./teksten.js";

export { stopRekenkern };

// Request fields with their own input; labels and hints per language in teksten.js (velden).
const DATUMVELDEN = [["probleemanalyse_op"], ["ziekmelding_uwv_op"], ["eerstejaarsevaluatie_op"]];
const WEKENVELDEN = [["vrijwillige_verlenging_weken"], ["loonsanctie_weken"]];
const hoofdletter = (t) => (t ? t[0].toUpperCase() + t.slice(1) : "");
const FILTERS = ["beide", "werkgever", "werknemer"];

let teller = 0;

function el(tag, attrs = {}, ...kinderen) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kinderen.flat()) if (k !== null && k !== undefined && k !== false) e.append(k);
  return e;
}

/** Today's date from the browser clock, as the engine's peildatum ("YYYY-MM-DD"); never shown formatted. */
export function vandaag(nu = new Date()) {
  const p = (n) => String(n).padStart(2, "0");
  return `${nu.getFullYear()}-${p(nu.getMonth() + 1)}-${p(nu.getDate())}`;
}

export function mount(wortel, opties = {}) {
  const o = { doelgroep: "beide", compact: false, fragment: true, telwijzeUrl: null, ...wortel.dataset, ...opties };
  if (o.compact === "true") o.compact = true;
  const pre = `rh${++teller}`;
  const kern = rekenkern();
  const staat = { verzonden: false, laatste: null, volgnummer: 0, antwoord: null, verzoek: null };
  // The page language (<html lang>), read now: the embed page sets it from ?taal= before mounting. The engine answers
  // in the same language (request field "taal"); the form's structure, ids and URL fragment are the same in both.
  const taal = paginaTaal();
  const T = teksten(taal);
  // A legal number in a label comes from the rule data, which the page writes on the root element
  // (data-ziekmelding-week="{{ r.ziekmelding_uwv.week }}"): never typed into this file.
  const veldTeksten = Object.fromEntries(Object.entries(T.velden).map(([veld, paar]) =>
    [veld, paar.map((t) => t.replace("{week}", o.ziekmeldingWeek ?? ""))]));
  const veldLabel = (veld) => veldTeksten[veld][0];

  wortel.classList.add("rh");
  if (o.compact) wortel.classList.add("rh--compact");
  wortel.replaceChildren();

  // ------------------------------------------------------------------ status (progress, retry)
  const statusTekst = el("span", { class: "rh-status__tekst" });
  const voortgangBalk = el("progress", { class: "rh-status__balk", max: "4", value: "0", "aria-hidden": "true" });
  const opnieuw = el("button", { type: "button", class: "md-button rh-status__opnieuw", hidden: true, text: T.opnieuw,
    onclick: () => kern.herstart() });
  const status = el("div", { class: "rh-status", role: "status", "aria-live": "polite", "data-fase": "" },
    voortgangBalk, statusTekst, opnieuw);
  const fasen = ["downloaden", "python", "rekenkern", "klaar"];

  // ------------------------------------------------------------------ error summary (GOV.UK pattern)
  const samenvattingLijst = el("ul", { class: "rh-foutsamenvatting__lijst" });
  const samenvatting = el("div", { class: "rh-foutsamenvatting", hidden: true, tabindex: "-1", role: "alert",
    "aria-labelledby": `${pre}-fouten-kop` },
    el("h2", { id: `${pre}-fouten-kop`, class: "rh-foutsamenvatting__kop", text: T.foutenKop }),
    samenvattingLijst);

  // ------------------------------------------------------------------ form
  const velden = new Map(); // key "veld" or "veld:index" -> {invoer: [inputs], fout: element, groep: element}

  function datumInvoer(id, label, hint, extra = {}) {
    const hintEl = hint ? el("div", { class: "rh-hint", id: `${id}-hint`, text: hint }) : null;
    const fout = el("p", { class: "rh-fout", id: `${id}-fout`, hidden: true });
    const invoer = el("input", { type: "date", id, name: id, class: "rh-invoer", "aria-describedby": hintEl ? `${id}-hint` : null, ...extra });
    const groep = el("div", { class: "rh-veld" }, el("label", { for: id, text: label }), hintEl, fout, invoer);
    return { groep, invoer, fout };
  }

  function koppelFout(sleutel, invoer, fout, groep) {
    velden.set(sleutel, { invoer, fout, groep });
  }

  // Sick periods: ziek[0] = first sick day [/ last sick day], ziek[i] = "weer ziek op" [/ last sick day].
  const periodesLijst = el("div", { class: "rh-periodes" });
  const periodes = [];

  let rijTeller = 0;
  function periodeRij(start = "", einde = "") {
    const id = `${pre}-ziek-${rijTeller++}`;
    const eerste = periodes.length === 0;
    const s = datumInvoer(`${id}-start`, ...(eerste ? T.eersteZiektedag : T.weerZiek), { required: eerste ? true : null });
    const e = datumInvoer(`${id}-einde`, ...T.laatsteZiektedag);
    s.invoer.value = start;
    e.invoer.value = einde;
    const fout = el("p", { class: "rh-fout", id: `${id}-fout`, hidden: true });
    const kop = el("legend", { text: eerste ? T.ziekteperiode : T.volgendeZiekteperiode });
    const verwijder = eerste ? null : el("button", { type: "button", class: "rh-knop rh-knop--klein",
      text: T.verwijderDezePeriode, onclick: () => verwijderPeriode(rij) });
    const rij = { start: s.invoer, einde: e.invoer, fout, verwijder, element: null, kop };
    rij.element = el("fieldset", { class: "rh-groep rh-periode", "data-soort": "ziek", "aria-describedby": `${id}-fout` },
      kop, fout, el("div", { class: "rh-rij" }, s.groep, e.groep), verwijder);
    periodes.push(rij);
    periodesLijst.append(rij.element);
    hernummer();
    return rij;
  }

  function hernummer() {
    periodes.forEach((rij, i) => {
      if (i > 0) rij.kop.textContent = T.periodeKop(i + 1);
      if (rij.verwijder) rij.verwijder.textContent = T.verwijderPeriode(i + 1);
    });
  }

  function verwijderPeriode(rij) {
    const i = periodes.indexOf(rij);
    periodes.splice(i, 1);
    rij.element.remove();
    hernummer();
    voegPeriodeToe.focus();
    wijziging();
  }

  const voegPeriodeToe = el("button", { type: "button", class: "rh-knop", text: T.voegPeriodeToe,
    onclick: () => { periodeRij().start.focus(); } });

  // WAZO leave periods
  const verlofLijst = el("div", { class: "rh-periodes" });
  const verloven = [];

  function verlofRij(start = "", einde = "") {
    const id = `${pre}-verlof-${rijTeller++}`;
    const s = datumInvoer(`${id}-start`, T.verlofVanaf, null);
    const e = datumInvoer(`${id}-einde`, T.verlofTot, null);
    s.invoer.value = start;
    e.invoer.value = einde;
    const fout = el("p", { class: "rh-fout", id: `${id}-fout`, hidden: true });
    const kop = el("legend");
    const rij = { start: s.invoer, einde: e.invoer, fout, kop, element: null };
    const verwijder = el("button", { type: "button", class: "rh-knop rh-knop--klein", text: T.verwijderDitVerlof,
      onclick: () => {
        verloven.splice(verloven.indexOf(rij), 1);
        rij.element.remove();
        hernummerVerlof();
        voegVerlofToe.focus();
        wijziging();
      } });
    rij.verwijder = verwijder;
    rij.element = el("fieldset", { class: "rh-groep rh-periode", "data-soort": "verlof", "aria-describedby": `${id}-fout` },
      kop, fout, el("div", { class: "rh-rij" }, s.groep, e.groep), verwijder);
    verloven.push(rij);
    verlofLijst.append(rij.element);
    hernummerVerlof();
    return rij;
  }

  function hernummerVerlof() {
    verloven.forEach((rij, i) => {
      rij.kop.textContent = T.verlofKop(i + 1);
      rij.verwijder.textContent = T.verwijderVerlof(i + 1);
    });
  }

  const voegVerlofToe = el("button", { type: "button", class: "rh-knop", text: T.voegVerlofToe,
    onclick: () => { verlofRij().start.focus(); } });

  const losseVelden = new Map();
  const datumGroepen = DATUMVELDEN.map(([veld]) => {
    const v = datumInvoer(`${pre}-${veld}`, ...veldTeksten[veld]);
    losseVelden.set(veld, v);
    koppelFout(veld, [v.invoer], v.fout, v.groep);
    return v.groep;
  });
  const wekenGroepen = WEKENVELDEN.map(([veld]) => {
    const [tekst, hint] = veldTeksten[veld];
    const id = `${pre}-${veld}`;
    const hintEl = el("div", { class: "rh-hint", id: `${id}-hint`, text: hint });
    const fout = el("p", { class: "rh-fout", id: `${id}-fout`, hidden: true });
    const invoer = el("input", { type: "text", inputmode: "numeric", id, name: id, class: "rh-invoer rh-invoer--kort",
      autocomplete: "off", spellcheck: "false", "aria-describedby": `${id}-hint` });
    const groep = el("div", { class: "rh-veld" }, el("label", { for: id, text: tekst }), hintEl, fout, invoer);
    losseVelden.set(veld, { invoer, fout, groep });
    koppelFout(veld, [invoer], fout, groep);
    return groep;
  });
  const peil = datumInvoer(`${pre}-peildatum`, ...veldTeksten.peildatum);
  peil.invoer.value = vandaag();
  losseVelden.set("peildatum", peil);
  koppelFout("peildatum", [peil.invoer], peil.fout, peil.groep);

  const bereken = el("button", { type: "submit", class: "md-button md-button--primary", text: T.bereken });
  const formulier = el("form", { class: "rh-formulier", novalidate: true, "aria-label": T.formulier },
    el("fieldset", { class: "rh-groep" }, el("legend", { text: T.ziekte }), periodesLijst, voegPeriodeToe),
    el("fieldset", { class: "rh-groep" }, el("legend", { text: T.verlof }),
      el("p", { class: "rh-hint", text: T.verlofHint }), verlofLijst, voegVerlofToe),
    el("details", { class: "rh-groep rh-meer" }, el("summary", { text: T.meer }),
      ...datumGroepen, ...wekenGroepen, peil.groep),
    el("div", { class: "rh-acties" }, bereken));
  periodeRij();

  // ------------------------------------------------------------------ result
  const filterNaam = `${pre}-filter`;
  const filter = el("fieldset", { class: "rh-filter" }, el("legend", { text: T.filter }),
    ...FILTERS.map((waarde) => el("label", { class: "rh-filter__optie" },
      el("input", { type: "radio", name: filterNaam, value: waarde, checked: waarde === o.doelgroep,
        onchange: () => { toonFilter(); schrijfFragment(); } }), ` ${T.filters[waarde]}`)));
  // The answer first (issue 12 §2, GOV.UK): the sick week, the engine's next steps and the signals that concern them;
  // below it the compact timeline, one line per step, whose explanation and sources fold out (native <details>).
  const weekRegel = el("p", { class: "rh-week" });
  const volgendeKop = el("h3", { id: `${pre}-volgende-kop`, class: "rh-nu__kop", text: T.eerstAanDeBeurt });
  const volgende = el("ol", { class: "rh-eerstvolgende", "aria-labelledby": `${pre}-volgende-kop` });
  const signalen = el("ul", { class: "rh-signalen" });
  const nu = el("div", { class: "rh-nu" }, weekRegel, volgendeKop, volgende, signalen);
  const telwijze = el("p", { class: "rh-telwijze" });
  const tijdlijn = el("ol", { class: "rh-tijdlijn", "aria-labelledby": `${pre}-tijdlijn-kop` });
  const stappen = new Map(); // step id -> its row (kept between answers: updated in place, ticks and fold-outs stay)
  const regelsVersie = el("p", { class: "rh-versie" });
  const meldingen = el("p", { class: "rh-melding", role: "status", "aria-live": "polite" });
  const icsKnop = el("button", { type: "button", class: "md-button", text: T.ics, onclick: () => downloadIcs() });
  const kopieerKnop = el("button", { type: "button", class: "md-button", text: T.kopieer, onclick: () => kopieerLink() });
  const printKnop = el("button", { type: "button", class: "md-button", text: T.print, onclick: () => print() });
  const invoerOverzicht = el("dl", { class: "rh-invoeroverzicht" });
  const resultaat = el("section", { class: "rh-resultaat", hidden: true, "aria-labelledby": `${pre}-resultaat-kop`, tabindex: "-1" },
    el("h2", { id: `${pre}-resultaat-kop`, text: T.resultaat }),
    el("div", { class: "rh-printkop" }, el("p", { text: T.printkop }), invoerOverzicht),
    nu, el("h3", { id: `${pre}-tijdlijn-kop`, class: "rh-tijdlijn__kop", text: T.alleStappen }), telwijze, filter,
    tijdlijn, regelsVersie,
    el("div", { class: "rh-acties rh-uitvoer" }, icsKnop, o.compact ? null : kopieerKnop, o.compact ? null : printKnop),
    meldingen);

  wortel.append(status, samenvatting, formulier, resultaat);

  // ------------------------------------------------------------------ progress
  const stopVoortgang = kern.opVoortgang((fase, melding) => {
    status.dataset.fase = fase;
    const i = fasen.indexOf(fase);
    voortgangBalk.value = i >= 0 ? i + 1 : 0;
    statusTekst.textContent = fase === "fout" ? (melding || T.fasen.fout) : T.fasen[fase] || "";
    opnieuw.hidden = fase !== "fout";
    wortel.dataset.fase = fase;
    if (fase === "klaar" && staat.wacht) {
      staat.wacht = false;
      wijziging();
    }
  });

  // ------------------------------------------------------------------ request from the form
  function getal(tekst) {
    const t = tekst.trim();
    if (t === "") return 0;
    return /^\d+$/.test(t) ? Number(t) : t; // anything else goes to the engine as is: it names the error
  }

  function periodeTekst(start, einde) {
    return einde ? `${start}/${einde}` : start;
  }

  function verzoekUitFormulier() {
    const v = {
      ziek: periodes.map((r) => periodeTekst(r.start.value, r.einde.value)),
      verlof: verloven.map((r) => `${r.start.value}/${r.einde.value}`),
    };
    for (const [veld] of DATUMVELDEN) v[veld] = losseVelden.get(veld).invoer.value || null;
    for (const [veld] of WEKENVELDEN) v[veld] = getal(losseVelden.get(veld).invoer.value);
    v.peildatum = peil.invoer.value || vandaag();
    v.taal = taal;
    return v;
  }

  function leeg() {
    return !periodes[0].start.value && periodes.length === 1 && !periodes[0].einde.value;
  }

  // ------------------------------------------------------------------ URL fragment (state lives only here)
  function schrijfFragment() {
    if (!o.fragment) return;
    const p = new URLSearchParams();
    for (const r of periodes) if (r.start.value || r.einde.value) p.append("ziek", periodeTekst(r.start.value, r.einde.value));
    for (const r of verloven) if (r.start.value || r.einde.value) p.append("verlof", `${r.start.value}/${r.einde.value}`);
    for (const [veld] of [...DATUMVELDEN, ...WEKENVELDEN]) {
      const w = losseVelden.get(veld).invoer.value.trim();
      if (w) p.set(veld, w);
    }
    if (peil.invoer.value && peil.invoer.value !== vandaag()) p.set("peildatum", peil.invoer.value);
    const rol = gekozenFilter();
    if (rol !== "beide") p.set("rol", rol);
    const hash = p.toString() ? `#${p.toString()}` : "";
    if (location.hash !== hash) history.replaceState(history.state, "", `${location.pathname}${location.search}${hash}`);
  }

  function leesFragment(hash) {
    if (!hash || hash.length < 2) return false;
    const p = new URLSearchParams(hash.slice(1));
    if (![...p.keys()].some((k) => k === "ziek")) return false;
    const ziek = p.getAll("ziek");
    ziek.forEach((tekst, i) => {
      const [start, einde = ""] = tekst.split("/");
      const rij = i === 0 ? periodes[0] : periodeRij();
      rij.start.value = start;
      rij.einde.value = einde;
    });
    for (const tekst of p.getAll("verlof")) {
      const [start, einde = ""] = tekst.split("/");
      verlofRij(start, einde);
    }
    for (const [veld] of [...DATUMVELDEN, ...WEKENVELDEN]) if (p.has(veld)) losseVelden.get(veld).invoer.value = p.get(veld);
    if (p.has("peildatum")) peil.invoer.value = p.get("peildatum");
    if ([...DATUMVELDEN, ...WEKENVELDEN, ["peildatum"]].some(([veld]) => p.has(veld))) formulier.querySelector("details").open = true;
    if (p.has("rol")) {
      for (const r of formulierFilter()) r.checked = r.value === p.get("rol");
    }
    return true;
  }

  // ------------------------------------------------------------------ errors
  function formulierFilter() {
    return [...filter.querySelectorAll("input[type=radio]")];
  }
  function gekozenFilter() {
    return (formulierFilter().find((r) => r.checked) || { value: "beide" }).value;
  }

  function foutDoel(f) {
    if (f.veld === "ziek" || f.veld === "verlof") {
      const rijen = f.veld === "ziek" ? periodes : verloven;
      const rij = rijen[f.index ?? 0] || rijen[0];
      if (!rij) return null;
      return { fout: rij.fout, invoer: [rij.start, rij.einde], focus: rij.start.value ? rij.einde.value ? rij.start : rij.einde : rij.start, groep: rij.element };
    }
    const v = velden.get(f.veld);
    if (!v) return null;
    return { fout: v.fout, invoer: v.invoer, focus: v.invoer[0], groep: v.groep };
  }

  function wisFouten() {
    samenvatting.hidden = true;
    samenvattingLijst.replaceChildren();
    for (const e of wortel.querySelectorAll(".rh-fout")) {
      e.hidden = true;
      e.textContent = "";
    }
    for (const e of wortel.querySelectorAll("[aria-invalid]")) {
      e.removeAttribute("aria-invalid");
      const ids = (e.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && !x.endsWith("-fout"));
      if (ids.length) e.setAttribute("aria-describedby", ids.join(" "));
      else e.removeAttribute("aria-describedby");
    }
    for (const e of wortel.querySelectorAll(".rh-veld--fout, .rh-groep--fout")) e.classList.remove("rh-veld--fout", "rh-groep--fout");
  }

  function toonFouten(fouten, focus) {
    wisFouten();
    for (const f of fouten) {
      const doel = foutDoel(f);
      const melding = f.melding;
      if (doel) {
        const regel = el("span", { text: melding });
        if (!doel.fout.hidden) doel.fout.append(el("br"));
        doel.fout.append(el("span", { class: "rh-onzichtbaar", text: T.fout }), regel);
        doel.fout.hidden = false;
        doel.groep.classList.add(doel.groep.tagName === "FIELDSET" ? "rh-groep--fout" : "rh-veld--fout");
        for (const invoer of doel.invoer) {
          invoer.setAttribute("aria-invalid", "true");
          const ids = new Set((invoer.getAttribute("aria-describedby") || "").split(" ").filter(Boolean));
          ids.add(doel.fout.id);
          invoer.setAttribute("aria-describedby", [...ids].join(" "));
        }
      }
      const link = el("a", { href: doel ? `#${doel.focus.id}` : "#", text: melding, onclick: (e) => {
        e.preventDefault();
        e.stopPropagation();
        if (doel) {
          const groep = doel.focus.closest("details");
          if (groep) groep.open = true;
          doel.focus.focus();
          doel.focus.closest(".rh-veld")?.scrollIntoView({ block: "center" });
        }
      } });
      samenvattingLijst.append(el("li", {}, link));
    }
    samenvatting.hidden = false;
    for (const f of fouten) {
      const doel = foutDoel(f);
      const d = doel && doel.focus.closest("details");
      if (d) d.open = true;
    }
    resultaat.hidden = true;
    if (focus) samenvatting.focus();
  }

  // ------------------------------------------------------------------ result
  function toonFilter() {
    const rol = gekozenFilter();
    // The engine's rol is free text in the page language ("werkgever", "werknemer", "werkgever en werknemer", "UWV";
    // "employer", ...): a filter hides only the steps that are the other party's alone.
    const ander = { werkgever: "werknemer", werknemer: "werkgever" }[rol];
    for (const li of tijdlijn.children) {
      const r = (li.dataset.rol || "").toLowerCase();
      li.hidden = !!ander && r.includes(T.rollen[ander]) && !r.includes(T.rollen[rol]);
    }
  }

  // An in-page link would replace the URL fragment, which holds the input: scroll to it instead.
  function naarUitleg(e) {
    const doel = o.telwijzeUrl.startsWith("#") && document.getElementById(o.telwijzeUrl.slice(1));
    if (!doel) return;
    e.preventDefault();
    e.stopPropagation();
    doel.scrollIntoView();
    doel.setAttribute("tabindex", "-1");
    doel.focus();
  }

  // "Al gedaan?": the engine names the request field that records an overdue step as done; open the form there.
  function naarVeld(veld) {
    const v = losseVelden.get(veld);
    if (!v) return;
    formulier.querySelector("details").open = true;
    v.invoer.focus();
    v.groep.scrollIntoView({ block: "center" });
  }

  function signaalItem(s) {
    return el("li", { class: `rh-signaal rh-signaal--${s.niveau}`, "data-code": s.code },
      el("strong", { text: s.niveau === "waarschuwing" ? T.letOp : T.goedOmTeWeten }), s.melding);
  }

  function volgendeItem(v) {
    const wanneer = v.dagen < 0 ? "verlopen" : v.dagen === 0 ? "vandaag" : "toekomst";
    return el("li", { class: `rh-volgende rh-volgende--${wanneer}`, "data-id": v.id, "data-dagen": String(v.dagen) },
      el("strong", { class: "rh-volgende__wanneer", text: hoofdletter(v.tekst) }), `: ${v.omschrijving}. `,
      el("span", { class: "rh-volgende__wie" }, el("time", { datetime: v.datum, text: v.datum_tekst }),
        v.ziekteweek ? T.inWeek(v.ziekteweek) : null, T.wie(v.rol)),
      v.gedaan_veld && losseVelden.has(v.gedaan_veld) ? el("button", { type: "button", class: "rh-knop rh-knop--klein",
        text: T.alGedaan, onclick: () => naarVeld(v.gedaan_veld) }) : null);
  }

  function zet(e, eigenschap, waarde) {
    if (e[eigenschap] !== waarde) e[eigenschap] = waarde;
  }

  function nieuweStap(id) {
    const r = {
      vink: el("input", { type: "checkbox", class: "rh-vink", id: `${pre}-vink-${id}` }),
      week: el("span", { class: "rh-stap__week" }),
      datum: el("time", { class: "rh-stap__datum" }),
      omschrijving: el("span", { class: "rh-stap__omschrijving" }),
      rolTekst: document.createTextNode(""),
      wanneer: el("span", { class: "rh-stap__wanneer" }),
      letop: el("span", { class: "rh-stap__letop", text: T.letOpKort }),
      uitleg: el("div", { class: "rh-stap__uitleg" }),
      uitlegSleutel: null,
    };
    r.details = el("details", { class: "rh-stap__meer" },
      el("summary", { class: "rh-stap__kop" }, r.week, r.datum, r.omschrijving,
        el("span", { class: "rh-stap__rol" }, el("span", { class: "rh-onzichtbaar", text: T.wieKort }), r.rolTekst),
        r.wanneer, r.letop),
      r.uitleg);
    r.li = el("li", { class: "rh-stap", "data-id": id }, r.vink, r.details);
    return r;
  }

  function werkStapBij(r, t, peildatum, eersteOpen, stapSignalen) {
    const wanneer = t.datum < peildatum ? "verleden" : t.datum === peildatum ? "vandaag" : "toekomst";
    const label = T.wanneer[t.id === eersteOpen ? "eerste" : wanneer];
    zet(r.li, "className", `rh-stap rh-stap--${wanneer}${t.id === eersteOpen ? " rh-stap--eerste-open" : ""}`);
    if (t.id === eersteOpen) r.li.setAttribute("aria-current", "step");
    else r.li.removeAttribute("aria-current");
    if (r.li.dataset.rol !== t.rol) r.li.dataset.rol = t.rol;
    if (r.li.dataset.datum !== t.datum) r.li.dataset.datum = t.datum;
    if (r.vink.getAttribute("aria-label") !== T.afgevinkt(t.omschrijving)) r.vink.setAttribute("aria-label", T.afgevinkt(t.omschrijving));
    zet(r.week, "textContent", T.week(t.ziekteweek));
    if (r.datum.getAttribute("datetime") !== t.datum) r.datum.setAttribute("datetime", t.datum);
    zet(r.datum, "textContent", t.datum_tekst);
    zet(r.omschrijving, "textContent", t.omschrijving);
    zet(r.rolTekst, "data", hoofdletter(t.rol));
    zet(r.wanneer, "textContent", `(${label})`);
    zet(r.wanneer, "className", `rh-stap__wanneer rh-stap__wanneer--${wanneer}`);
    zet(r.letop, "hidden", !stapSignalen.some((s) => s.niveau === "waarschuwing"));
    // The fold-out (signals, explanation, sources) only changes with the rules or the signals: rebuilt only then.
    const sleutel = JSON.stringify([stapSignalen, t.toelichting, t.bronnen]);
    if (r.uitlegSleutel === sleutel) return;
    r.uitlegSleutel = sleutel;
    r.uitleg.replaceChildren(...[
      stapSignalen.length ? el("ul", { class: "rh-signalen rh-signalen--stap" }, stapSignalen.map(signaalItem)) : null,
      t.toelichting ? el("p", { class: "rh-stap__toelichting", text: t.toelichting }) : null,
      (t.bronnen || []).length ? el("p", { class: "rh-stap__bron" }, T.bron,
        ...t.bronnen.flatMap((b, i) => [i ? ", " : null, el("a", { href: b.url, rel: "noreferrer", text: b.titel })])) : null,
    ].filter(Boolean));
  }

  function toonResultaat(a, verzoek) {
    wisFouten();
    staat.antwoord = a;
    staat.verzoek = verzoek;
    const peildatum = verzoek.peildatum;
    weekRegel.textContent = a.huidige_ziekteweek
      ? T.nuInWeek(a.huidige_ziekteweek)
      : T.nietZiek;
    telwijze.replaceChildren(T.telwijze,
      ...(o.telwijzeUrl ? [el("a", { href: o.telwijzeUrl, text: T.telwijzeLink, onclick: naarUitleg })] : []));
    const eerst = a.eerstvolgende || [];
    volgende.replaceChildren(...eerst.map(volgendeItem));
    volgende.hidden = volgendeKop.hidden = !eerst.length;
    // Signals about the calculation as a whole, or about a step named above, come first; the others sit with their step.
    const bovenaan = new Set(eerst.map((v) => v.id));
    const perStap = new Map();
    const algemeen = [];
    for (const s of a.signalen || []) {
      if (s.termijn === null || bovenaan.has(s.termijn)) algemeen.push(s);
      if (s.termijn !== null) perStap.set(s.termijn, [...(perStap.get(s.termijn) || []), s]);
    }
    signalen.replaceChildren(...algemeen.map(signaalItem));
    signalen.hidden = !algemeen.length;
    const eersteOpen = (a.termijnen.find((t) => t.datum >= peildatum) || {}).id;
    const rijen = a.termijnen.map((t) => {
      let r = stappen.get(t.id);
      if (!r) stappen.set(t.id, (r = nieuweStap(t.id)));
      werkStapBij(r, t, peildatum, eersteOpen, perStap.get(t.id) || []);
      return r.li;
    });
    if (rijen.length !== tijdlijn.children.length || rijen.some((li, i) => tijdlijn.children[i] !== li)) {
      tijdlijn.replaceChildren(...rijen);
      const ids = new Set(a.termijnen.map((t) => t.id));
      for (const id of stappen.keys()) if (!ids.has(id)) stappen.delete(id);
    }
    toonFilter();
    regelsVersie.textContent = a.regels ? T.versie(a.regels.versie, a.regels.laatst_gecontroleerd) : "";
    invoerOverzicht.replaceChildren(
      ...verzoek.ziek.flatMap((z, i) => [el("dt", { text: i ? T.ziekN(i + 1) : T.ziekEerste }), el("dd", { text: z.replace("/", T.tot) })]),
      ...verzoek.verlof.flatMap((z, i) => [el("dt", { text: T.verlofN(i + 1) }), el("dd", { text: z.replace("/", T.tot) })]),
      ...[...DATUMVELDEN, ...WEKENVELDEN].filter(([veld]) => verzoek[veld]).flatMap(([veld]) => [el("dt", { text: veldLabel(veld) }), el("dd", { text: String(verzoek[veld]) })]),
      el("dt", { text: T.berekendOp }), el("dd", { text: peildatum }),
      el("dt", { text: T.rekenregels }), el("dd", { text: a.regels ? a.regels.versie : "" }));
    resultaat.hidden = false;
    wortel.dataset.resultaat = "ja";
  }

  // ------------------------------------------------------------------ recalculation
  async function wijziging(opts = {}) {
    if (leeg() && !opts.verzonden) {
      schrijfFragment();
      wisFouten();
      resultaat.hidden = true;
      return;
    }
    if (!kern.klaar) {
      // The first request goes to the worker at once and waits there for the engine, so the first answer comes
      // straight after the start, without a round trip through this page (issue 14, P1). Later changes wait here.
      if (staat.vooruit || kern.fase === "fout") {
        staat.wacht = true;
        return;
      }
      staat.vooruit = true;
    }
    const verzoek = verzoekUitFormulier();
    const nummer = ++staat.volgnummer;
    wortel.dataset.bezig = "ja";
    let a;
    try {
      a = await kern.bereken(verzoek);
    } catch (e) {
      if (!kern.klaar) {
        staat.wacht = true; // the start failed: ask again once the engine is there ("Opnieuw proberen")
        return;
      }
      meldingen.textContent = T.rekenFout;
      return;
    } finally {
      if (nummer === staat.volgnummer) delete wortel.dataset.bezig;
    }
    if (nummer !== staat.volgnummer) return; // a newer change is on its way
    // The URL is updated after the answer arrived: a same-document URL change costs the main thread a round trip to
    // the browser process, which would otherwise delay the worker's answer (measured: p95 ~40 ms -> see bench).
    queueMicrotask(schrijfFragment);
    if (a.fouten) {
      staat.verzonden = staat.verzonden || !!opts.verzonden;
      // While typing (input events) errors only show once the form was submitted; a finished change (change
      // event) or a submit shows them. A submit also moves the focus to the summary (GOV.UK pattern).
      if (opts.typen && !staat.verzonden) {
        resultaat.hidden = true;
        return;
      }
      toonFouten(a.fouten, !!opts.verzonden);
    } else {
      toonResultaat(a, verzoek);
      if (opts.verzonden) resultaat.focus();
    }
    if (!staat.gemeten) {
      staat.gemeten = true;
      performance.mark("rekenhulp:eerste-resultaat"); // read by scripts/bench_browser.py
    }
    wortel.dispatchEvent(new CustomEvent("rekenhulp:resultaat", { detail: a }));
  }

  formulier.addEventListener("submit", (e) => {
    e.preventDefault();
    if (!kern.klaar) {
      staat.wacht = true;
      statusTekst.focus?.();
      return;
    }
    wijziging({ verzonden: true });
  });
  formulier.addEventListener("change", () => wijziging());
  formulier.addEventListener("input", () => wijziging({ typen: true }));

  // ------------------------------------------------------------------ exports
  async function downloadIcs() {
    if (!staat.verzoek) return;
    let a;
    try {
      a = await kern.bereken({ ...staat.verzoek, actie: "ics" });
    } catch {
      a = null;
    }
    if (!a || !a.ics) {
      meldingen.textContent = T.icsFout;
      return;
    }
    const url = URL.createObjectURL(new Blob([a.ics], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: `${T.icsNaam}-${staat.antwoord.eerste_ziektedag}.ics`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    meldingen.textContent = T.icsKlaar;
  }

  async function kopieerLink() {
    schrijfFragment();
    try {
      await navigator.clipboard.writeText(location.href);
      meldingen.textContent = T.gekopieerd;
    } catch {
      meldingen.textContent = T.nietGekopieerd(location.href);
    }
  }

  // Back/forward or a pasted link on the same page change the fragment from outside: show that state.
  function zetTerug() {
    while (periodes.length > 1) periodes.pop().element.remove();
    periodes[0].start.value = periodes[0].einde.value = "";
    while (verloven.length) verloven.pop().element.remove();
    for (const [veld] of [...DATUMVELDEN, ...WEKENVELDEN]) losseVelden.get(veld).invoer.value = "";
    peil.invoer.value = vandaag();
    for (const r of formulierFilter()) r.checked = r.value === o.doelgroep;
    stappen.clear(); // another case: no ticks or open rows carried over
    tijdlijn.replaceChildren();
    staat.verzonden = false;
    wisFouten();
  }
  const opHashchange = () => {
    if (location.hash.length > 1 && !location.hash.includes("=")) return; // an in-page anchor, not our state
    zetTerug();
    resultaat.hidden = true;
    delete wortel.dataset.resultaat;
    leesFragment(location.hash);
    wijziging();
  };
  if (o.fragment) addEventListener("hashchange", opHashchange);

  // Print / dossier view: every step with its full text and sources. rekenhulp.css shows closed fold-outs in print
  // (::details-content); for browsers without that pseudo-element the fold-outs are opened for the print itself.
  let geopendVoorPrint = [];
  const voorPrint = () => {
    geopendVoorPrint = [...tijdlijn.querySelectorAll("details:not([open])")];
    for (const d of geopendVoorPrint) d.open = true;
  };
  const naPrint = () => {
    for (const d of geopendVoorPrint) d.open = false;
    geopendVoorPrint = [];
  };
  addEventListener("beforeprint", voorPrint);
  addEventListener("afterprint", naPrint);

  const hersteld = o.fragment && leesFragment(location.hash);
  if (hersteld) wijziging();

  return {
    element: wortel,
    kern,
    verzoek: verzoekUitFormulier,
    herbereken: () => wijziging(),
    stop() {
      stopVoortgang();
      removeEventListener("hashchange", opHashchange);
      removeEventListener("beforeprint", voorPrint);
      removeEventListener("afterprint", naPrint);
      wortel.replaceChildren();
    },
  };
}
