"""Beslishulp "Moet ik nu met spoor 2 starten?".

De vragen, antwoorden en uitkomsten zijn data (inhoud/spoor2_beslishulp.toml). Welke vraag na welk antwoord komt,
staat in één kleine, expliciete functie: :func:`volgende_stap`. Getallen in de teksten komen uit de regeldata
(``{regel.veld}``), datums rechtstreeks uit de rekenkern (:mod:`poortwachter.verzoek` en :mod:`poortwachter.termijnen`), met
hetzelfde antwoord als het JSON-contract bij ``actie: termijnen``; deze module roept het contract nooit aan.

Zuivere functies: geen I/O behalve het lezen van de eigen databestanden, geen ``date.today()``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from datetime import date
from importlib import resources
from typing import Any

from .datums import datum_foutcode, datum_nl, plus_maanden  # noqa: F401 - plus_maanden: ook publiek via deze module (tests)
from .regels import regels_als_dict
from .termijnen import uitstel_spoor_2_controledatum
from .verzoek import kies_taal, maak_fout, termijnen_antwoord

VRAAG = "vraag"
UITKOMST = "uitkomst"

#: De keuzevragen, in de volgorde waarin ze op het langste pad komen.
VRAGEN = ("benutbare_mogelijkheden", "terugkeer_eigen_organisatie", "structureel_binnen_termijn",
          "arbeidsdeskundig_onderzoek", "oneens")
#: Optionele datums: met een eerste ziektedag toont de uitkomst de datum van de rekenkern.
DATUMS = ("eerste_ziektedag", "eerstejaarsevaluatie_op")


class Spoor2Fout(ValueError):
    """Fout in de data van de beslishulp (bijvoorbeeld een onbekende verwijzing naar de regeldata)."""


# ------------------------------------------------------------------------------------------------ routering

def volgende_stap(antwoorden: dict[str, str]) -> tuple[str, str]:
    """Geeft ``("vraag", vraag_id)`` voor de volgende vraag, of ``("uitkomst", uitkomst_id)``.

    ``antwoorden`` bevat geldige waarden (zie :func:`controleer_antwoorden`); antwoorden die niet op het pad liggen,
    worden genegeerd.
    """
    benutbaar = antwoorden.get("benutbare_mogelijkheden")
    if benutbaar is None:
        return VRAAG, "benutbare_mogelijkheden"
    if benutbaar == "weet_niet":
        return UITKOMST, "overleg_arbeidsdeskundige"
    if benutbaar == "ja":
        terugkeer = antwoorden.get("terugkeer_eigen_organisatie")
        if terugkeer is None:
            return VRAAG, "terugkeer_eigen_organisatie"
        if terugkeer == "weet_niet":
            return UITKOMST, "overleg_arbeidsdeskundige"
        if terugkeer == "ja":
            binnen = antwoorden.get("structureel_binnen_termijn")
            if binnen is None:
                return VRAAG, "structureel_binnen_termijn"
            if binnen == "weet_niet":
                return UITKOMST, "overleg_arbeidsdeskundige"
            if binnen == "ja":
                onderzoek = antwoorden.get("arbeidsdeskundig_onderzoek")
                if onderzoek is None:
                    return VRAAG, "arbeidsdeskundig_onderzoek"
                if onderzoek == "nee":
                    # Uitstel zonder arbeidsdeskundige onderbouwing kan de rekenhulp niet verantwoorden.
                    return UITKOMST, "overleg_arbeidsdeskundige"
    oneens = antwoorden.get("oneens")
    if oneens is None:
        return VRAAG, "oneens"
    if oneens == "ja":
        return UITKOMST, "deskundigenoordeel"
    if benutbaar == "nee":
        return UITKOMST, "niet_nu"
    if antwoorden.get("terugkeer_eigen_organisatie") == "nee" or antwoorden.get("structureel_binnen_termijn") == "nee":
        return UITKOMST, "start_spoor_2"
    return UITKOMST, "uitstellen"


def gevolgd_pad(antwoorden: dict[str, str]) -> tuple[list[tuple[str, str]], tuple[str, str]]:
    """De beantwoorde vragen op het pad (in volgorde) en de stap waar het pad eindigt."""
    pad: list[tuple[str, str]] = []
    gebruikt: dict[str, str] = {}
    while True:
        soort, ident = volgende_stap(gebruikt)
        if soort == UITKOMST or ident not in antwoorden:
            return pad, (soort, ident)
        gebruikt[ident] = antwoorden[ident]
        pad.append((ident, antwoorden[ident]))


def alle_paden() -> list[dict[str, Any]]:
    """Elk pad door de beslishulp: ``{"antwoorden": [(vraag, antwoord), ...], "uitkomst": id}``.

    Loopt alle antwoordopties uit de data af; zo vindt een test elk pad zonder de routering te herhalen.
    """
    data = _data()
    paden: list[dict[str, Any]] = []

    def loop(pad: list[tuple[str, str]]) -> None:
        soort, ident = volgende_stap(dict(pad))
        if soort == UITKOMST:
            paden.append({"antwoorden": pad, "uitkomst": ident})
            return
        for optie in data["vragen"][ident]["antwoorden"]:
            loop(pad + [(ident, optie["waarde"])])

    loop([])
    return paden


def alle_vraagstappen() -> list[list[tuple[str, str]]]:
    """Elk voorvoegsel van een pad dat op een vraag eindigt (één pagina per vraag in de statische versie)."""
    gezien: list[list[tuple[str, str]]] = []
    for pad in alle_paden():
        for i in range(len(pad["antwoorden"])):
            voorvoegsel = pad["antwoorden"][:i]
            if voorvoegsel not in gezien:
                gezien.append(voorvoegsel)
    return gezien


# ------------------------------------------------------------------------------------------------ data

@functools.cache
def _data() -> dict[str, Any]:
    tekst = resources.files("poortwachter").joinpath("inhoud/spoor2_beslishulp.toml").read_text(encoding="utf-8")
    data = tomllib.loads(tekst)
    if tuple(data["vragen"]) != VRAGEN:
        raise Spoor2Fout(f"spoor2_beslishulp.toml: verwacht de vragen {VRAGEN}, gevonden {tuple(data['vragen'])}")
    return data


def _regels(peildatum: date | None) -> dict[str, Any]:
    return regels_als_dict(peildatum)


_VERWIJZING = re.compile(r"\{([a-z0-9_]+)\.([a-z0-9_]+)(?:\|([a-z]+))?\}")


def euro(waarde: Any) -> str:
    if isinstance(waarde, int) or (isinstance(waarde, float) and waarde.is_integer()):
        tekst = f"{int(waarde):,}".replace(",", ".")
    else:
        tekst = f"{waarde:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return f"€\u00a0{tekst}"


def regelwaarde(regels: dict[str, Any], regel: str, veld: str) -> Any:
    try:
        return regels["regels"][regel]["waarde"][veld]
    except KeyError:
        raise Spoor2Fout(f"onbekende verwijzing naar de regeldata: {regel}.{veld}") from None


def vul_in(tekst: str, regels: dict[str, Any], gebruikt: set[str] | None = None) -> str:
    """Vervangt ``{regel.veld}`` en ``{regel.veld|euro}`` door de waarde uit de regeldata."""

    def vervang(m: re.Match[str]) -> str:
        regel, veld, filter_ = m.groups()
        waarde = regelwaarde(regels, regel, veld)
        if gebruikt is not None:
            gebruikt.add(regel)
        if filter_ == "euro":
            return euro(waarde)
        if filter_:
            raise Spoor2Fout(f"onbekend filter |{filter_} in {m.group(0)}")
        return str(waarde)

    uit = _VERWIJZING.sub(vervang, tekst)
    if "{" in uit or "}" in uit:
        raise Spoor2Fout(f"onleesbare verwijzing in tekst: {tekst!r}")
    return uit


def bronnen_samen(*lijsten: list[dict[str, str]]) -> list[dict[str, str]]:
    uit: list[dict[str, str]] = []
    urls: set[str] = set()
    for lijst in lijsten:
        for bron in lijst:
            if bron["url"] not in urls:
                urls.add(bron["url"])
                uit.append({"titel": bron["titel"], "url": bron["url"]})
    return uit


def _vraag(ident: str, regels: dict[str, Any]) -> dict[str, Any]:
    v = _data()["vragen"][ident]
    return {"id": ident, "kort": v["kort"], "tekst": vul_in(v["tekst"], regels), "uitleg": vul_in(v["uitleg"], regels),
            "antwoorden": [{"waarde": a["waarde"], "label": vul_in(a["label"], regels)} for a in v["antwoorden"]]}


def _uitkomst_tekst(ident: str, regels: dict[str, Any]) -> dict[str, Any]:
    u = _data()["uitkomsten"][ident]
    gebruikt: set[str] = set()
    uit = {
        "id": ident,
        "titel": vul_in(u["titel"], regels, gebruikt),
        "samenvatting": vul_in(u["samenvatting"], regels, gebruikt),
        "redenen": [vul_in(r, regels, gebruikt) for r in u["redenen"]],
        "dossier": [vul_in(d, regels, gebruikt) for d in u["dossier"]],
    }
    regelbronnen = [b for regel in sorted(gebruikt) for b in regels["regels"][regel].get("bronnen", [])]
    uit["bronnen"] = bronnen_samen(u["bronnen"], regelbronnen)
    return uit


def beslishulp(peildatum: date | None = None) -> dict[str, Any]:
    """De hele beslishulp met ingevulde teksten, JSON-baar: voor de sitebouw (statische pagina's, diagram)."""
    regels = _regels(peildatum)
    data = _data()
    return {
        "titel": data["titel"],
        "inleiding": vul_in(data["inleiding"], regels),
        "let_op": data["teksten"]["let_op"],
        "eerste_vraag": volgende_stap({})[1],
        "vragen": {ident: _vraag(ident, regels) for ident in data["vragen"]},
        "datums": {ident: dict(d) for ident, d in data["datums"].items()},
        "uitkomsten": {ident: _uitkomst_tekst(ident, regels) for ident in data["uitkomsten"]},
        "paden": [{"antwoorden": [list(p) for p in pad["antwoorden"]], "uitkomst": pad["uitkomst"]}
                  for pad in alle_paden()],
        "regels": {"versie": regels["versie"], "laatst_gecontroleerd": str(regels["laatst_gecontroleerd"])},
    }


# ------------------------------------------------------------------------------------------------ invoer

def _fout(sleutel: str, melding: str, *, code: str) -> dict[str, Any]:
    return maak_fout(melding, code=code, veld="antwoorden", sleutel=sleutel, optie="--antwoord")


def lees_datum(tekst: Any) -> date | None:
    if not isinstance(tekst, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        return None


def controleer_antwoorden(antwoorden: Any) -> tuple[dict[str, str], dict[str, date], list[dict[str, Any]]]:
    """Splitst en controleert de antwoorden: (keuzes, datums, fouten). Alle fouten tegelijk, in gewone taal."""
    data = _data()
    keuzes: dict[str, str] = {}
    datums: dict[str, date] = {}
    fouten: list[dict[str, Any]] = []
    if antwoorden is None:
        return keuzes, datums, fouten
    if not isinstance(antwoorden, dict):
        return keuzes, datums, [maak_fout("De antwoorden moeten een lijst van vraag=antwoord zijn.",
                                          code="vorm_ongeldig", veld="antwoorden", optie="--antwoord")]
    for sleutel, waarde in antwoorden.items():
        if sleutel in data["vragen"]:
            toegestaan = [a["waarde"] for a in data["vragen"][sleutel]["antwoorden"]]
            normaal = waarde.replace("-", "_") if isinstance(waarde, str) else waarde
            if normaal in toegestaan:
                keuzes[sleutel] = normaal
            else:
                fouten.append(_fout(sleutel, f"Het antwoord op '{sleutel}' moet een van deze zijn: "
                                             f"{', '.join(toegestaan)}. U gaf: {waarde!r}.",
                                    code="antwoord_onbekend"))
        elif sleutel in DATUMS:
            if waarde in (None, ""):
                continue
            d = lees_datum(waarde)
            if d is None:
                fouten.append(_fout(sleutel, f"'{sleutel}' moet een datum zijn als JJJJ-MM-DD, bijvoorbeeld "
                                             f"2026-01-05. U gaf: {waarde!r}.",
                                    code=datum_foutcode(waarde) or "datum_vorm"))
            else:
                datums[sleutel] = d
        else:
            bekend = ", ".join([*data["vragen"], *DATUMS])
            fouten.append(_fout(sleutel, f"Onbekende vraag '{sleutel}'. Bekende vragen: {bekend}.",
                                code="vraag_onbekend"))
    if "eerstejaarsevaluatie_op" in datums and "eerste_ziektedag" not in datums:
        fouten.append(_fout("eerste_ziektedag", "Vul ook de eerste ziektedag in: zonder eerste ziektedag kan de "
                                                "rekenhulp geen datum berekenen.", code="veld_ontbreekt"))
    if "eerstejaarsevaluatie_op" in datums and "eerste_ziektedag" in datums \
            and datums["eerstejaarsevaluatie_op"] <= datums["eerste_ziektedag"]:
        fouten.append(_fout("eerstejaarsevaluatie_op", "De eerstejaarsevaluatie moet na de eerste ziektedag liggen.",
                            code="datum_voor_eerste_ziektedag"))
    return keuzes, datums, fouten


# ------------------------------------------------------------------------------------------------ datums

def termijnen_van_de_rekenkern(verzoek: dict[str, Any]) -> dict[str, Any]:
    """Vraagt de rekenkern om de termijnen: hetzelfde antwoord als het JSON-contract geeft (``actie: termijnen``),
    maar rechtstreeks uit :mod:`poortwachter.verzoek`, zonder via het contract terug te lopen."""
    return termijnen_antwoord({**verzoek, "actie": "termijnen"})


def _datumdeel(ident: str, datums: dict[str, date], peildatum: date, regels: dict[str, Any]
               ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Datum(s) bij een uitkomst, uit de rekenkern. Geeft (velden voor de uitkomst, fouten)."""
    u = _data()["uitkomsten"][ident]
    teksten = _data()["teksten"]
    termijn_id = u.get("datum_termijn")
    if not termijn_id:
        return {"datum": None, "controledatum": None, "signalen": []}, []
    if "eerste_ziektedag" not in datums:
        return {"datum": None, "controledatum": None, "signalen": [],
                "datum_nodig": teksten["datum_nodig"]}, []
    verzoek: dict[str, Any] = {"ziek": [datums["eerste_ziektedag"].isoformat()], "peildatum": peildatum.isoformat()}
    if "eerstejaarsevaluatie_op" in datums:
        verzoek["eerstejaarsevaluatie_op"] = datums["eerstejaarsevaluatie_op"].isoformat()
    antwoord = termijnen_van_de_rekenkern(verzoek)
    if "fouten" in antwoord:
        fouten = []
        for f in antwoord["fouten"]:
            sleutel = {"ziek": "eerste_ziektedag"}.get(f.get("veld"), f.get("veld", "eerste_ziektedag"))
            fouten.append(_fout(sleutel, f["melding"], code=f["code"]))
        return {}, fouten
    termijnen = {t["id"]: t for t in antwoord["termijnen"]}
    termijn = termijnen[termijn_id]
    deel: dict[str, Any] = {
        "datum": {"id": termijn_id, "datum": termijn["datum"], "datum_tekst": termijn["datum_tekst"],
                  "ziekteweek": termijn.get("ziekteweek"), "omschrijving": termijn.get("omschrijving"),
                  "toelichting": termijn.get("toelichting"), "bronnen": termijn.get("bronnen", [])},
        "controledatum": None,
        "signalen": [],
    }
    if u.get("datum_uitleg"):
        deel["datum"]["omschrijving"] = vul_in(u["datum_uitleg"], regels)
    if date.fromisoformat(termijn["datum"]) < peildatum and ident != "uitstellen":
        deel["signalen"].append({"code": "datum_voorbij", "niveau": "waarschuwing",
                                 "melding": teksten["datum_voorbij"]})
    if u.get("controle_maanden"):
        if "eerstejaarsevaluatie_op" in datums:
            basis, basis_tekst = datums["eerstejaarsevaluatie_op"], teksten["controle_basis_eerstejaarsevaluatie"]
        else:
            eje = termijnen["eerstejaarsevaluatie"]
            basis, basis_tekst = date.fromisoformat(eje["datum"]), teksten["controle_basis_uiterste_datum"]
        # De datum zelf is een gedateerde regel van de rekenkern (termijnen.uitstel_spoor_2_controledatum).
        controle, _ = uitstel_spoor_2_controledatum(datums["eerste_ziektedag"], basis)
        uitleg = vul_in(teksten["controledatum"], regels).replace("[basis]", basis_tekst)
        deel["controledatum"] = {
            "datum": controle.isoformat(), "datum_tekst": datum_nl(controle),
            "uitleg": uitleg.replace("[basis_datum]", datum_nl(basis)),
        }
    return deel, []


# ------------------------------------------------------------------------------------------------ contract

def beoordeel(antwoorden: dict[str, Any] | None, peildatum: date) -> dict[str, Any]:
    """Van antwoorden naar de volgende vraag of de uitkomst. Fouten komen terug als ``{"fouten": [...]}``."""
    keuzes, datums, fouten = controleer_antwoorden(antwoorden)
    if fouten:
        return {"fouten": fouten}
    regels = _regels(peildatum)
    data = _data()
    pad, (soort, ident) = gevolgd_pad(keuzes)
    gegeven = []
    for vraag_id, waarde in pad:
        v = data["vragen"][vraag_id]
        optie = next(a for a in v["antwoorden"] if a["waarde"] == waarde)
        gegeven.append({"vraag": vraag_id, "kort": v["kort"], "vraag_tekst": vul_in(v["tekst"], regels),
                        "antwoord": waarde, "antwoord_label": vul_in(optie["label"], regels),
                        "reden": vul_in(optie["reden"], regels)})
    op_pad = {v for v, _ in pad}
    uit: dict[str, Any] = {
        "actie": "spoor2",
        "status": soort,
        "gegeven": gegeven,
        "niet_gebruikt": sorted(k for k in keuzes if k not in op_pad),
        "vraag": None,
        "uitkomst": None,
        "let_op": data["teksten"]["let_op"],
        "regels": {"versie": regels["versie"], "laatst_gecontroleerd": str(regels["laatst_gecontroleerd"])},
    }
    if soort == VRAAG:
        uit["vraag"] = _vraag(ident, regels)
        return uit
    uitkomst = _uitkomst_tekst(ident, regels)
    uitkomst["redenen"] = [g["reden"] for g in gegeven] + uitkomst["redenen"]
    deel, fouten = _datumdeel(ident, datums, peildatum, regels)
    if fouten:
        return {"fouten": fouten}
    uitkomst.update(deel)
    if uitkomst.get("datum"):
        uitkomst["bronnen"] = bronnen_samen(uitkomst["bronnen"], uitkomst["datum"]["bronnen"])
    uit["uitkomst"] = uitkomst
    return uit


def bereken_spoor2(verzoek: dict[str, Any]) -> dict[str, Any]:
    """Ingang voor ``contract.bereken`` bij ``"actie": "spoor2"``. Gooit nooit een uitzondering."""
    peil = lees_datum(verzoek.get("peildatum"))
    if peil is None:
        melding = "De peildatum (vandaag) ontbreekt of is geen datum als JJJJ-MM-DD."
        ruw = verzoek.get("peildatum")
        return {"fouten": [maak_fout(melding, veld="peildatum", optie="--peildatum",
                                     code="veld_ontbreekt" if ruw is None else datum_foutcode(ruw) or "datum_vorm")]}
    antwoorden = verzoek.get("antwoorden") or {}
    if not isinstance(antwoorden, dict):
        return {"fouten": [maak_fout("De antwoorden moeten een object zijn van vraag naar antwoord, bijvoorbeeld "
                                     '{"oneens": "nee"}.', code="vorm_ongeldig", veld="antwoorden",
                                     optie="--antwoord")]}
    antwoorden = dict(antwoorden)
    # De eerste ziektedag mag ook als "ziek" komen, zoals bij de termijnen.
    ziek = verzoek.get("ziek")
    if "eerste_ziektedag" not in antwoorden and isinstance(ziek, list) and ziek and isinstance(ziek[0], str):
        antwoorden["eerste_ziektedag"] = ziek[0].split("/")[0]
    if verzoek.get("eerstejaarsevaluatie_op") and "eerstejaarsevaluatie_op" not in antwoorden:
        antwoorden["eerstejaarsevaluatie_op"] = verzoek["eerstejaarsevaluatie_op"]
    try:
        return beoordeel(antwoorden, peil)
    except Exception as e:  # noqa: BLE001 - het contract gooit nooit
        return {"fouten": [maak_fout(f"De beslishulp kon dit niet verwerken ({type(e).__name__}: {e}).",
                                     code="interne_fout", veld="antwoorden", optie="--antwoord")]}


# ------------------------------------------------------------------------------------------------ CLI

def _tekst(uit: dict[str, Any]) -> str:
    regels: list[str] = []
    for g in uit["gegeven"]:
        regels.append(f"  {g['kort']}: {g['antwoord_label']}")
    if regels:
        regels.insert(0, "Uw antwoorden:")
        regels.append("")
    if uit["status"] == VRAAG:
        v = uit["vraag"]
        regels += [f"Volgende vraag ({v['id']}): {v['tekst']}", f"  {v['uitleg']}", "Antwoorden:"]
        regels += [f"  --antwoord {v['id']}={a['waarde']}   {a['label']}" for a in v["antwoorden"]]
        return "\n".join(regels)
    u = uit["uitkomst"]
    regels += [f"Uitkomst: {u['titel']}", "", u["samenvatting"], ""]
    if u.get("datum"):
        regels.append(f"{u['datum']['omschrijving']}: {u['datum']['datum_tekst']}")
    if u.get("controledatum"):
        regels.append(f"Controledatum: {u['controledatum']['datum_tekst']}: {u['controledatum']['uitleg']}")
    if u.get("datum_nodig"):
        regels.append(f"{u['datum_nodig']} (--antwoord eerste_ziektedag=JJJJ-MM-DD)")
    for s in u.get("signalen", []):
        regels.append(f"Let op: {s['melding']}")
    regels += ["", "Waarom:"] + [f"  - {r}" for r in u["redenen"]]
    regels += ["", "Leg vast in het re-integratiedossier:"] + [f"  - {d}" for d in u["dossier"]]
    regels += ["", "Bronnen:"] + [f"  - {b['titel']}: {b['url']}" for b in u["bronnen"]]
    regels += ["", uit["let_op"]]
    return "\n".join(regels)


def cli_spoor2(argv: list[str]) -> int:
    """``poortwachter spoor2 --antwoord vraag=antwoord ... [--json] [--peildatum JJJJ-MM-DD]``."""
    from poortwachter.cli_hulp import NlParser, druk_af, peildatum_van_vandaag

    parser = NlParser(prog="poortwachter spoor2",
                      description="Beslishulp: moet ik nu met spoor 2 starten? Geef de antwoorden die u weet; "
                                  "de hulp noemt de volgende vraag of de uitkomst.")
    parser.add_argument("--antwoord", action="append", default=[], metavar="VRAAG=ANTWOORD",
                        help="een antwoord, bijvoorbeeld benutbare_mogelijkheden=ja (mag vaker)")
    parser.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD", help="vandaag (standaard: de systeemdatum)")
    parser.add_argument("--json", action="store_true", help="antwoord als JSON (het contract)")
    parser.add_argument("--taal", default=None, metavar="nl|en",
                        help="taal van de uitvoer (de beslishulp: nog alleen nl)")
    args = parser.parse_args(argv)
    if args.taal is not None:
        _, taalfout = kies_taal({"taal": args.taal}, "spoor2")
        if taalfout:
            return druk_af({"fouten": [taalfout]}, args.json, _tekst)
    antwoorden: dict[str, str] = {}
    fouten = []
    for i, paar in enumerate(args.antwoord):
        if "=" not in paar:
            fouten.append(maak_fout(f"Schrijf een antwoord als vraag=antwoord, bijvoorbeeld oneens=nee. "
                                    f"U gaf: {paar!r}.", code="vorm_ongeldig", veld="antwoorden", index=i,
                                    optie="--antwoord"))
            continue
        sleutel, waarde = paar.split("=", 1)
        antwoorden[sleutel.strip()] = waarde.strip()
    verzoek = {"actie": "spoor2", "antwoorden": antwoorden,
               "peildatum": args.peildatum or peildatum_van_vandaag()}
    uit = {"fouten": fouten} if fouten else bereken_spoor2(verzoek)
    return druk_af(uit, args.json, _tekst)
