// Page-side glue for the calculator worker (werker.js). Reusable by the calculator page, the embed and the
// spoor-2 helper: it only moves request JSON to the worker and answers back; it knows no rules.
//
//   import { rekenkern } from ".../rekenkern.js";
//   const kern = rekenkern();                     // one worker per page (shared)
//   kern.opVoortgang((fase) => ...);              // "downloaden" | "python" | "rekenkern" | "klaar" | "fout"
//   const antwoord = await kern.bereken({ ziek: ["2026-01-05"], peildatum: "2026-11-23" });  // parsed object
//   kern.herstart();                              // after a failed start ("Opnieuw proberen")
//   kern.stop();                                  // terminate the worker (page left)

import { teksten } from "./teksten.js";

const WERKER_URL = new URL("werker.js", import.meta.url);

/** Progress texts in the page language (read on use: FASEN.klaar, FASEN[fase]). */
export const FASEN = new Proxy({}, { get: (_, fase) => teksten().fasen[fase] });

class Rekenkern {
  constructor(werkerUrl = WERKER_URL) {
    this.werkerUrl = werkerUrl;
    this.luisteraars = new Set();
    this.fase = null;
    this.melding = null;
    this.werker = null;
    this.volgende = 1;
    this.open = new Map();
    this.start();
  }

  start() {
    this.gestart = performance.now();
    this.werker = new Worker(this.werkerUrl, { type: "module", name: "poortwachter-rekenkern" });
    this.werker.onmessage = (e) => this.bericht(e.data);
    this.werker.onerror = (e) => {
      e.preventDefault?.();
      this.mislukt(teksten().werkerMislukt, e.message);
    };
  }

  bericht(data) {
    if (data.type === "voortgang") {
      if (data.start) {
        this.startVia = data.start; // "momentopname" (restored snapshot) or "normaal"
        performance.mark(`rekenhulp:start:${data.start}`); // read by the tests and scripts/bench_browser.py
      }
      this.zetFase(data.fase);
    } else if (data.type === "antwoord") {
      const open = this.open.get(data.id);
      if (!open) return;
      this.open.delete(data.id);
      if (!this.momentopnameGevraagd) {
        // After the first answer, once the page is idle: let the worker keep the memory snapshot for the next
        // visit (never on a first visit's critical path).
        this.momentopnameGevraagd = true;
        const werker = this.werker;
        const vraag = () => werker && werker === this.werker && werker.postMessage({ type: "momentopname" });
        if (typeof requestIdleCallback === "function") requestIdleCallback(vraag, { timeout: 5000 });
        else setTimeout(vraag, 1000);
      }
      try {
        open.resolve(JSON.parse(data.json));
      } catch (e) {
        open.reject(e);
      }
    } else if (data.type === "fout") {
      if (data.id !== undefined && this.open.has(data.id)) {
        const open = this.open.get(data.id);
        this.open.delete(data.id);
        open.reject(Object.assign(new Error(teksten().onverwacht), { detail: data.detail }));
      } else {
        // The worker has no document: its (Dutch) text is replaced by the page language's.
        this.mislukt(teksten().startMislukt, data.detail);
      }
    }
  }

  zetFase(fase) {
    this.fase = fase;
    if (fase === "klaar") {
      this.klaarNa = performance.now() - this.gestart;
      performance.mark("rekenhulp:klaar");
    }
    for (const f of this.luisteraars) f(fase, this.melding);
  }

  mislukt(melding, detail) {
    this.melding = melding;
    this.detail = detail;
    if (this.werker) this.werker.terminate();
    this.werker = null;
    for (const open of this.open.values()) open.reject(new Error(melding));
    this.open.clear();
    this.zetFase("fout");
  }

  opVoortgang(f) {
    this.luisteraars.add(f);
    if (this.fase) f(this.fase, this.melding);
    return () => this.luisteraars.delete(f);
  }

  get klaar() {
    return this.fase === "klaar";
  }

  /** Send any request (object or JSON string) to bereken(); resolves with the parsed answer. */
  bereken(verzoek) {
    if (!this.werker) this.herstart();
    const id = this.volgende++;
    return new Promise((resolve, reject) => {
      this.open.set(id, { resolve, reject });
      this.werker.postMessage({ id, verzoek });
    });
  }

  herstart() {
    this.stop();
    this.melding = null;
    this.start();
  }

  stop() {
    if (this.werker) this.werker.terminate();
    this.werker = null;
    for (const open of this.open.values()) open.reject(new Error("gestopt"));
    this.open.clear();
  }
}

let gedeeld = null;

/** The page's one calculator worker; created on first use. */
export function rekenkern() {
  if (!gedeeld) gedeeld = new Rekenkern();
  return gedeeld;
}

/** Stop the page's worker (used when the calculator leaves the page, e.g. Material instant navigation). */
export function stopRekenkern() {
  if (gedeeld) gedeeld.stop();
  gedeeld = null;
}

addEventListener("pagehide", (e) => {
  if (!e.persisted) stopRekenkern();
});
