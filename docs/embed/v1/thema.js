// Options of embed v1 (URL parameters of /embed/v1/termijnen/), shared by the embed page and the embed-code
// generator, so both accept and refuse exactly the same values. Colours are checked against WCAG 2.x AA
// (contrast ratio of at least 4.5:1 with the white background the embed always has, for normal text).

export const ACHTERGROND = "#ffffff";
export const MINIMAAL_CONTRAST = 4.5; // WCAG 2.x success criterion 1.4.3, normal text (not a legal number)

export const STANDAARD = {
  doelgroep: "beide",
  weergave: "volledig",
  kleur: "#1f4e9c",
  tekstkleur: "#1a1a1a",
  lettertype: "systeem",
  hoeken: "4",
  taal: "nl",
};

export const DOELGROEPEN = { beide: "Werkgever en werknemer", werkgever: "Werkgever", werknemer: "Werknemer" };
export const WEERGAVEN = { volledig: "Volledig (met uitleg)", compact: "Compact" };
// Only system font stacks: nothing is downloaded, and no free text reaches the CSS.
export const LETTERTYPEN = {
  systeem: { naam: "Systeemletter (schreefloos)", stack: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif' },
  schreef: { naam: "Schreefletter", stack: 'Georgia, Cambria, "Times New Roman", Times, serif' },
  afgerond: { naam: "Afgeronde systeemletter", stack: 'ui-rounded, "SF Pro Rounded", "Segoe UI", Roboto, Arial, sans-serif' },
};
export const TALEN = { nl: "Nederlands", en: "English" };
export const MAX_HOEKEN = 24;

const KLEUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function normaliseerKleur(tekst) {
  if (typeof tekst !== "string" || !KLEUR.test(tekst.trim())) return null;
  let h = tekst.trim().slice(1).toLowerCase();
  if (h.length === 3) h = h.split("").map((c) => c + c).join("");
  return `#${h}`;
}

function luminantie(hex) {
  const kanalen = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * kanalen[0] + 0.7152 * kanalen[1] + 0.0722 * kanalen[2];
}

/** WCAG contrast ratio of two "#rrggbb" colours (1 .. 21). */
export function contrast(a, b) {
  const [l1, l2] = [luminantie(a), luminantie(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

// The notes for refused values, per language (the embed shows them in its own language, the generator in the page's).
const MELDINGEN = {
  nl: {
    namen: { doelgroep: "doelgroep", weergave: "weergave", lettertype: "lettertype", taal: "taal", kleur: "hoofdkleur",
      tekstkleur: "tekstkleur" },
    rollen: { kleur: "knoppen en links", tekstkleur: "tekst" },
    getal: (x) => x.toFixed(2).replace(".", ","),
    onbekend: (naam, w, standaard) => `De ${naam} "${w}" bestaat niet; de rekenhulp gebruikt "${standaard}".`,
    hoeken: (w) => `De afronding "${w}" kan niet (kies 0 tot en met ${MAX_HOEKEN} pixels); de standaard wordt gebruikt.`,
    geenKleur: (naam, w) => `De ${naam} "${w}" is geen kleurcode zoals #1f4e9c; de standaardkleur wordt gebruikt.`,
    contrast: (naam, kleur, c, nodig, rol) => `De ${naam} ${kleur} heeft te weinig contrast met de witte achtergrond ` +
      `(${c}:1, nodig is minstens ${nodig}:1) en is daarom niet gebruikt voor ${rol}; de standaardkleur wordt gebruikt.`,
  },
  en: {
    namen: { doelgroep: "audience", weergave: "layout", lettertype: "font", taal: "language", kleur: "main colour",
      tekstkleur: "text colour" },
    rollen: { kleur: "buttons and links", tekstkleur: "text" },
    getal: (x) => x.toFixed(2),
    onbekend: (naam, w, standaard) => `The ${naam} "${w}" does not exist; the calculator uses "${standaard}".`,
    hoeken: (w) => `The rounding "${w}" is not possible (choose 0 to ${MAX_HOEKEN} pixels); the default is used.`,
    geenKleur: (naam, w) => `The ${naam} "${w}" is not a colour code such as #1f4e9c; the default colour is used.`,
    contrast: (naam, kleur, c, nodig, rol) => `The ${naam} ${kleur} has too little contrast with the white background ` +
      `(${c}:1, at least ${nodig}:1 is needed) and is therefore not used for ${rol}; the default colour is used.`,
  },
};

/**
 * Validate raw option values (strings, e.g. from URLSearchParams or a form).
 * Returns {opties, meldingen}: opties always holds usable values (defaults where the input was refused),
 * meldingen holds a plain note for every refused value (the embed shows them visibly), in `taalMeldingen` or, without
 * it, in the chosen embed language (an unknown `taal` gives Dutch, with a note).
 */
export function controleer(ruw, taalMeldingen = null) {
  const opties = { ...STANDAARD };
  const meldingen = [];
  const lees = (k) => (ruw[k] === undefined || ruw[k] === null ? "" : String(ruw[k]).trim());
  if (Object.hasOwn(TALEN, lees("taal"))) opties.taal = lees("taal");
  const M = MELDINGEN[taalMeldingen] || MELDINGEN[opties.taal];

  for (const [k, toegestaan] of [["doelgroep", DOELGROEPEN], ["weergave", WEERGAVEN], ["lettertype", LETTERTYPEN],
    ["taal", TALEN]]) {
    const w = lees(k);
    if (!w) continue;
    if (Object.hasOwn(toegestaan, w)) opties[k] = w;
    else meldingen.push(M.onbekend(M.namen[k], w, opties[k]));
  }

  const hoeken = lees("hoeken");
  if (hoeken) {
    if (/^\d{1,2}$/.test(hoeken) && Number(hoeken) <= MAX_HOEKEN) opties.hoeken = String(Number(hoeken));
    else meldingen.push(M.hoeken(hoeken));
  }

  for (const k of ["kleur", "tekstkleur"]) {
    const w = lees(k);
    if (!w) continue;
    const kleur = normaliseerKleur(w);
    if (!kleur) {
      meldingen.push(M.geenKleur(M.namen[k], w));
      continue;
    }
    const c = contrast(kleur, ACHTERGROND);
    if (c < MINIMAAL_CONTRAST) {
      meldingen.push(M.contrast(M.namen[k], kleur, M.getal(c), M.getal(MINIMAAL_CONTRAST), M.rollen[k]));
      continue;
    }
    opties[k] = kleur;
  }
  return { opties, meldingen };
}

/** The CSS custom properties of the chosen theme (set on :root by the embed page). */
export function cssVariabelen(opties) {
  return {
    "--pw-primair": opties.kleur,
    "--pw-tekst": opties.tekstkleur,
    "--pw-lettertype": LETTERTYPEN[opties.lettertype].stack,
    "--pw-hoeken": `${opties.hoeken}px`,
  };
}
