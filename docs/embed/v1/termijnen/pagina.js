// The embed page /embed/v1/termijnen/: the calculator's own form and worker (assets/js/rekenhulp/), options from
// the URL (thema.js checks them), and the v1 message protocol with the host's loader (embed.js):
//
//   iframe -> parent (window.postMessage, "*"):  {poortwachter: 1, type: "gereed"}       nothing else goes this way
//   parent -> iframe (window.postMessage + port): {poortwachter: 1, type: "verbind", resultaatDelen: bool}
//   iframe -> port:                              {type: "hoogte", hoogte: px}             always
//                                                {type: "resultaat", termijnen: {id: "YYYY-MM-DD"}}
//                                                                   only when the host asked for it (resultaatDelen)
// No cookies, no storage, no requests beyond this origin (the page's CSP enforces the last part).

import { mount } from "../../../assets/js/rekenhulp/rekenhulp.js";
import { controleer, cssVariabelen, DOELGROEPEN } from "../thema.js";

const LABELS = { beide: "Voor werkgevers en werknemers", werkgever: "Voor werkgevers", werknemer: "Voor werknemers" };

const params = new URLSearchParams(location.search);
const { opties, meldingen } = controleer(Object.fromEntries(params));

const wortelStijl = document.documentElement.style;
for (const [naam, waarde] of Object.entries(cssVariabelen(opties))) wortelStijl.setProperty(naam, waarde);

const ep = document.getElementById("ep");
ep.classList.add(`ep--${opties.weergave}`);
const doelgroep = ep.querySelector(".ep-doelgroep");
doelgroep.className = `pw-doelgroep pw-doelgroep--${opties.doelgroep} ep-doelgroep`;
doelgroep.dataset.doelgroep = opties.doelgroep;
doelgroep.textContent = LABELS[opties.doelgroep] || DOELGROEPEN[opties.doelgroep];

const meldingenEl = ep.querySelector(".ep-meldingen");
if (meldingen.length) {
  const lijst = document.createElement("ul");
  for (const m of meldingen) {
    const li = document.createElement("li");
    li.textContent = m;
    lijst.append(li);
  }
  const kop = document.createElement("p");
  kop.textContent = "Let op, voor de beheerder van deze website:";
  meldingenEl.replaceChildren(kop, lijst);
  meldingenEl.hidden = false;
}

const wortel = document.getElementById("rekenhulp");
mount(wortel, { doelgroep: opties.doelgroep, compact: true, fragment: false, telwijzeUrl: null });

// ------------------------------------------------------------------ host connection
let poort = null;
let delen = false;
let laatsteHoogte = 0;

function hoogte() {
  const stijl = getComputedStyle(document.body);
  return Math.ceil(ep.getBoundingClientRect().bottom + window.scrollY + parseFloat(stijl.marginBottom || "0"));
}

function meldHoogte() {
  if (!poort) return;
  const h = hoogte();
  if (h === laatsteHoogte) return;
  laatsteHoogte = h;
  poort.postMessage({ type: "hoogte", hoogte: h });
}

function meldResultaat(antwoord) {
  if (!poort || !delen || !antwoord || !Array.isArray(antwoord.termijnen)) return;
  const termijnen = {};
  for (const t of antwoord.termijnen) termijnen[t.id] = t.datum; // only the computed dates, nothing of the input
  poort.postMessage({ type: "resultaat", termijnen });
}

addEventListener("message", (e) => {
  // Only the embedding window may connect; its origin is the host's and is not known in advance.
  if (window.parent === window || e.source !== window.parent) return;
  const d = e.data;
  if (!d || d.poortwachter !== 1 || d.type !== "verbind" || !e.ports || e.ports.length !== 1) return;
  if (poort) poort.close();
  poort = e.ports[0];
  delen = d.resultaatDelen === true;
  laatsteHoogte = 0;
  meldHoogte();
});

wortel.addEventListener("rekenhulp:resultaat", (e) => {
  if (e.detail && !e.detail.fouten) meldResultaat(e.detail);
});

new ResizeObserver(meldHoogte).observe(ep);
if (window.parent !== window) window.parent.postMessage({ poortwachter: 1, type: "gereed" }, "*");
