// The embed page /embed/v1/spoor2/: the spoor 2 decision helper, one question at a time, from the same step data as
// the site's own helper (spoor2-hulp/stappen.json, shown by spoor2.js). The answers live in this frame's memory:
// not in the host's URL, not in this frame's URL, not stored. Without JavaScript the page keeps its link to the
// static helper on the site. Theme and host connection: ../ingebed.js (also documents the messages).
// Two pages, one module: this page in Dutch and its English twin en/embed/v1/spoor2/ (index.en.html, built in
// English); the option taal (?taal=en, data-taal="en" on the loader) opens the page of that language.

import { ankersInHetKader, staatInGeheugen, startEmbed } from "../ingebed.js";
import { padUrl, stappenToner } from "../../../spoor2-hulp/spoor2.js";
import { kiesTaalpagina } from "../taalpagina.js";

const PAGINA = { nl: new URL("./", import.meta.url), en: new URL("../../../en/embed/v1/spoor2/", import.meta.url) };

const taal = kiesTaalpagina(PAGINA);
if (taal) start();

function start() {
  const { ep, deel } = startEmbed(["nl", "en"]);
  document.documentElement.lang = taal; // the language this page was built in (see ../taalpagina.js)
  ankersInHetKader(ep);
  const artikel = document.getElementById("s2-stap");
  const toner = stappenToner(artikel, staatInGeheugen());

  async function toon(sleutel, focus) {
    const stap = await toner.toon(sleutel, focus);
    if (!stap) return;
    // The step's links are relative to the static steps (pad/). The answer links are handled below; every other link
    // (and an answer opened with a modifier key) goes to that page of the site, in a new tab (<base target="_blank">).
    for (const a of artikel.querySelectorAll("a[href]:not([href^='#'])")) {
      a.href = new URL(a.getAttribute("href"), padUrl()).href;
    }
    if (stap.uitkomst) deel({ type: "resultaat", uitkomst: stap.uitkomst });
  }

  artikel.addEventListener("click", (ev) => {
    const a = ev.target.closest("a[data-s2-pad]");
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    toon(a.dataset.s2Pad, true).catch(() => window.open(a.href, "_blank", "noopener"));
  });

  toon("", false).catch(() => {}); // stappen.json did not load: the link to the site's helper stays
}
