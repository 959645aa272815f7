// Shared by the embed pages of v1 (termijnen/, spoor2/, scenario/): the host's theme from the URL (thema.js checks
// it), a visible note for every refused option, and the v1 message protocol with the host's loader (embed.js):
//
//   iframe -> parent (window.postMessage, "*"):  {poortwachter: 1, type: "gereed"}       nothing else goes this way
//   parent -> iframe (window.postMessage + port): {poortwachter: 1, type: "verbind", resultaatDelen: bool}
//   iframe -> port:                              {type: "hoogte", hoogte: px}             always
//                                                {type: "resultaat", ...}                 only when the host asked
//                                                for it (resultaatDelen); what follows "resultaat" per page:
//       termijnen/  termijnen: {id: "YYYY-MM-DD"}
//       spoor2/     uitkomst: "id"
//       scenario/   scenario: {scenario_id: {veld: "YYYY-MM-DD"}}
// No cookies, no storage, no requests beyond this origin (the page's CSP enforces the last part).

import { controleer, cssVariabelen } from "./thema.js";

const KOP = { nl: "Let op, voor de beheerder van deze website:", en: "Note for the administrator of this website:" };
const ALLEEN_NL = (taal) => `De taal "${taal}" is er voor deze rekenhulp nog niet; de rekenhulp is Nederlands.`;

/**
 * Applies the theme to the page (<main id="ep">) and connects to the host. Returns {opties, ep, deel(bericht)}.
 * `talen`: the languages this page can show (option taal; without it the page's own lang). The page's <html lang>
 * becomes opties.taal, before the page mounts its content, so that the calculator's texts
 * (assets/js/rekenhulp/teksten.js) follow it. A language the page cannot show gives the Dutch page with a note.
 */
export function startEmbed(talen = ["nl"]) {
  const ruw = Object.fromEntries(new URLSearchParams(location.search));
  // Without ?taal the page's own language (an English twin under en/ is English); the default otherwise.
  if (!ruw.taal && talen.includes(document.documentElement.lang)) ruw.taal = document.documentElement.lang;
  let { opties, meldingen } = controleer(ruw);
  if (!talen.includes(opties.taal)) {
    const gevraagd = opties.taal;
    ({ opties, meldingen } = controleer(ruw, "nl"));
    meldingen.push(ALLEEN_NL(gevraagd));
    opties.taal = "nl";
  }
  document.documentElement.lang = opties.taal;
  const wortelStijl = document.documentElement.style;
  for (const [naam, waarde] of Object.entries(cssVariabelen(opties))) wortelStijl.setProperty(naam, waarde);

  const ep = document.getElementById("ep");
  ep.classList.add(`ep--${opties.weergave}`);
  const meldingenEl = ep.querySelector(".ep-meldingen");
  if (meldingen.length) {
    const lijst = document.createElement("ul");
    for (const m of meldingen) {
      const li = document.createElement("li");
      li.textContent = m;
      lijst.append(li);
    }
    const kop = document.createElement("p");
    kop.textContent = KOP[opties.taal];
    meldingenEl.replaceChildren(kop, lijst);
    meldingenEl.hidden = false;
  }

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

  new ResizeObserver(meldHoogte).observe(ep);
  // After the calling page module has built its content (its synchronous rest), so the first height is the real one.
  queueMicrotask(() => {
    if (window.parent !== window) window.parent.postMessage({ poortwachter: 1, type: "gereed" }, "*");
  });

  /** Sends a result message to the host, only if it opted in (data-resultaat-delen). */
  function deel(bericht) {
    if (poort && delen) poort.postMessage(bericht);
  }

  return { opties, ep, deel };
}

/** A form's state kept in this page's memory ({lees, schrijf} as spoor2.js expects): not in any URL, not stored. */
export function staatInGeheugen() {
  let params = new URLSearchParams();
  return { lees: () => new URLSearchParams(params), schrijf: (nieuw) => { params = new URLSearchParams(nieuw); } };
}

/** The page has <base target="_blank"> (links leave the frame in a new tab); a link to "#id" stays in the frame. */
export function ankersInHetKader(ep) {
  ep.addEventListener("click", (ev) => {
    const a = ev.target.closest('a[href^="#"]');
    const doel = a && document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!doel) return;
    ev.preventDefault();
    doel.focus();
  });
}
