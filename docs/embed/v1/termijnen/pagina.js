// The embed page /embed/v1/termijnen/: the calculator's own form and worker (assets/js/rekenhulp/), with the theme
// and the host connection every v1 embed page shares (../ingebed.js, which also documents the messages).
// One page for both languages: ?taal=en (data-taal="en" on the loader) sets <html lang="en"> and the texts below;
// the form, the worker and the messages to the host are the same (the address stays /embed/v1/termijnen/). The
// English twin /en/embed/v1/termijnen/ (index.en.html, for the site's English edition) runs this same module and
// is English without ?taal.

import { mount } from "../../../assets/js/rekenhulp/rekenhulp.js";
import { startEmbed } from "../ingebed.js";

const TEKSTEN = {
  nl: {
    titel: "Rekenhulp termijnen poortwachter (ingebed)",
    kop: "Termijnen bij langdurige ziekte",
    doelgroep: { beide: "Voor werkgevers en werknemers", werkgever: "Voor werkgevers", werknemer: "Voor werknemers" },
    uitleg: "Vul de eerste ziektedag in. U ziet dan wie wat moet doen, in welke ziekteweek en op welke datum.",
    privacy: "De berekening gebeurt in uw eigen browser. Wat u invult, wordt niet verstuurd en niet bewaard.",
  },
  en: {
    titel: "Poortwachter deadline calculator (embedded)",
    kop: "Deadlines during long-term sickness",
    doelgroep: { beide: "For employers and employees", werkgever: "For employers", werknemer: "For employees" },
    uitleg: "Enter the first day of sickness. You then see who has to do what, in which week of sickness and on which date.",
    privacy: "The calculation runs in your own browser. What you enter is not sent anywhere and not stored.",
  },
};

const { opties, ep, deel } = startEmbed(["nl", "en"]);
const T = TEKSTEN[opties.taal];
document.title = T.titel;
ep.querySelector(".ep-titel").textContent = T.kop;
ep.querySelector(".ep-uitleg").textContent = T.uitleg;
ep.querySelector(".ep-privacy").textContent = T.privacy;
const doelgroep = ep.querySelector(".ep-doelgroep");
doelgroep.className = `pw-doelgroep pw-doelgroep--${opties.doelgroep} ep-doelgroep`;
doelgroep.dataset.doelgroep = opties.doelgroep;
doelgroep.textContent = T.doelgroep[opties.doelgroep];

const wortel = document.getElementById("rekenhulp");
mount(wortel, { doelgroep: opties.doelgroep, compact: true, fragment: false, telwijzeUrl: null });

wortel.addEventListener("rekenhulp:resultaat", (e) => {
  const antwoord = e.detail;
  if (!antwoord || antwoord.fouten || !Array.isArray(antwoord.termijnen)) return;
  const termijnen = {};
  for (const t of antwoord.termijnen) termijnen[t.id] = t.datum; // only the computed dates, nothing of the input
  deel({ type: "resultaat", termijnen });
});
