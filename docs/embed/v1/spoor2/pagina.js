// The embed page /embed/v1/spoor2/: the spoor 2 decision helper, one question at a time, from the same step data as
// the site's own helper (spoor2-hulp/stappen.json, shown by spoor2.js). The answers live in this frame's memory:
// not in the host's URL, not in this frame's URL, not stored. Without JavaScript the page keeps its link to the
// static helper on the site. Theme and host connection: ../ingebed.js (also documents the messages).

import { ankersInHetKader, staatInGeheugen, startEmbed } from "../ingebed.js";
import { PAD_URL, stappenToner } from "../../../spoor2-hulp/spoor2.js";

const { ep, deel } = startEmbed();
ankersInHetKader(ep);
const artikel = document.getElementById("s2-stap");
const toner = stappenToner(artikel, staatInGeheugen());

async function toon(sleutel, focus) {
  const stap = await toner.toon(sleutel, focus);
  if (!stap) return;
  // The step's links are relative to the static steps (pad/). The answer links are handled below; every other link
  // (and an answer opened with a modifier key) goes to that page of the site, in a new tab (<base target="_blank">).
  for (const a of artikel.querySelectorAll("a[href]:not([href^='#'])")) {
    a.href = new URL(a.getAttribute("href"), PAD_URL).href;
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
