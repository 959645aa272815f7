// The embed page /embed/v1/termijnen/: the calculator's own form and worker (assets/js/rekenhulp/), with the theme
// and the host connection every v1 embed page shares (../ingebed.js, which also documents the messages).

import { mount } from "../../../assets/js/rekenhulp/rekenhulp.js";
import { DOELGROEPEN } from "../thema.js";
import { startEmbed } from "../ingebed.js";

const LABELS = { beide: "Voor werkgevers en werknemers", werkgever: "Voor werkgevers", werknemer: "Voor werknemers" };

const { opties, ep, deel } = startEmbed();
const doelgroep = ep.querySelector(".ep-doelgroep");
doelgroep.className = `pw-doelgroep pw-doelgroep--${opties.doelgroep} ep-doelgroep`;
doelgroep.dataset.doelgroep = opties.doelgroep;
doelgroep.textContent = LABELS[opties.doelgroep] || DOELGROEPEN[opties.doelgroep];

const wortel = document.getElementById("rekenhulp");
mount(wortel, { doelgroep: opties.doelgroep, compact: true, fragment: false, telwijzeUrl: null });

wortel.addEventListener("rekenhulp:resultaat", (e) => {
  const antwoord = e.detail;
  if (!antwoord || antwoord.fouten || !Array.isArray(antwoord.termijnen)) return;
  const termijnen = {};
  for (const t of antwoord.termijnen) termijnen[t.id] = t.datum; // only the computed dates, nothing of the input
  deel({ type: "resultaat", termijnen });
});
