// The embed page /embed/v1/scenario/: the scenario calculator of the site (spoor2-hulp/scenarios/), with the same
// form (scripts/templates/scenario_formulier.html) and the same code (spoor2.js). What is filled in stays in this
// frame's memory. Theme and host connection: ../ingebed.js (also documents the messages).
// Two pages, one module: this page in Dutch and its English twin en/embed/v1/scenario/ (index.en.html, built in
// English); the option taal (?taal=en, data-taal="en" on the loader) opens the page of that language.

import { ankersInHetKader, staatInGeheugen, startEmbed } from "../ingebed.js";
import { scenarioPagina } from "../../../spoor2-hulp/spoor2.js";
import { kiesTaalpagina } from "../taalpagina.js";

const PAGINA = { nl: new URL("./", import.meta.url), en: new URL("../../../en/embed/v1/scenario/", import.meta.url) };

const taal = kiesTaalpagina(PAGINA);
if (taal) start();

function start() {
  const { ep, deel } = startEmbed(["nl", "en"]);
  document.documentElement.lang = taal; // the language this page was built in (see ../taalpagina.js)
  ankersInHetKader(ep);
  const wortel = document.getElementById("s2-scenario");
  scenarioPagina(wortel, staatInGeheugen());

  wortel.addEventListener("spoor2:scenario", (e) => {
    // Only the computed dates go to the host (if it asked): not the first sick day as typed, not the weekly wage.
    const uit = e.detail;
    const scenario = {};
    for (const s of uit.scenarios) {
      scenario[s.id] = { laatste_loondoorbetalingsdag: s.laatste_loondoorbetalingsdag.datum, wia_aanvraag: s.wia_aanvraag.datum };
    }
    scenario.vervroegde_iva = { vanaf: uit.vervroegde_iva.vanaf.datum, uiterlijk: uit.vervroegde_iva.uiterlijk.datum };
    deel({ type: "resultaat", scenario });
  });
}
