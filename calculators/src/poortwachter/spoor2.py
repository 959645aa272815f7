"""Beslishulp "Moet ik nu met spoor 2 starten?".

De vragen, antwoorden en uitkomsten zijn data (inhoud/spoor2_beslishulp.toml). Welke vraag na welk antwoord komt,
staat in één kleine, expliciete functie: :func:`volgende_stap`. Getallen in de teksten komen uit de regeldata
(``{regel.veld}``), datums rechtstreeks uit de rekenkern (:mod:`poortwachter.verzoek` en :mod:`poortwachter.termijnen`), met
hetzelfde antwoord als het JSON-contract bij ``actie: termijnen``; deze module roept het contract nooit aan.

Elke tekst bestaat in het Nederlands en het Engels (issue 13): de inhoud als tweeling ``<veld>_en`` in het
databestand (:func:`controleer_tweelingen` eist ze bij het laden), de meldingen en koppen in de berichtenlaag
(:mod:`poortwachter.berichten`, groep ``spoor2``). Id's, routering, datums en de vorm van het antwoord zijn in beide
talen gelijk.

Zuivere functies: geen I/O behalve het lezen van de eigen databestanden, geen ``date.today()``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from datetime import date
from importlib import resources
from typing import Any

from .berichten import STANDAARD, TALEN, bericht, datum_tekst
from .datums import datum_foutcode, plus_maanden  # noqa: F401 - plus_maanden: ook publiek via deze module (tests)
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

#: Velden in de databestanden die geen tekst voor de lezer zijn (waarden, verwijzingen, adressen): geen tweeling.
GEEN_TEKST = frozenset({"waarde", "url", "datum_termijn", "controle_maanden", "laatst_gecontroleerd"})
_PLAATSHOUDER = re.compile(r"\{[^{}]*\}|\[[a-z_]+\]")


def controleer_tweelingen(data: Any, bestand: str, pad: str = "") -> None:
    """Elk tekstveld ``x`` (tekst of lijst van teksten) heeft een Engelse tweeling ``x_en`` van dezelfde vorm, met
    dezelfde verwijzingen (``{regel.veld}``, ``[basis]``); anders :class:`Spoor2Fout` met bestand en sleutel."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            controleer_tweelingen(item, bestand, f"{pad}[{i}]")
        return
    if not isinstance(data, dict):
        return
    for sleutel, waarde in data.items():
        plek = f"{pad}.{sleutel}" if pad else sleutel
        if isinstance(waarde, (dict, list)) and not _is_tekstlijst(waarde):
            controleer_tweelingen(waarde, bestand, plek)
            continue
        if sleutel.endswith("_en"):
            if sleutel[:-3] not in data:
                raise Spoor2Fout(f"{bestand}: {plek} heeft geen Nederlandse tegenhanger {sleutel[:-3]}")
            continue
        if sleutel in GEEN_TEKST or not (isinstance(waarde, str) or _is_tekstlijst(waarde)):
            continue
        en = data.get(f"{sleutel}_en")
        nl_lijst = waarde if isinstance(waarde, list) else [waarde]
        en_lijst = en if isinstance(en, list) else [en] if isinstance(en, str) else None
        if en_lijst is None or type(en) is not type(waarde) or len(en_lijst) != len(nl_lijst):
            raise Spoor2Fout(f"{bestand}: {plek} mist een Engelse tweeling {sleutel}_en van dezelfde vorm")
        for a, b_ in zip(nl_lijst, en_lijst):
            if sorted(_PLAATSHOUDER.findall(a)) != sorted(_PLAATSHOUDER.findall(b_)) or not b_.strip():
                raise Spoor2Fout(f"{bestand}: {plek}_en heeft andere verwijzingen dan {plek}: {b_!r}")


def _is_tekstlijst(waarde: Any) -> bool:
    return isinstance(waarde, list) and bool(waarde) and all(isinstance(x, str) for x in waarde)


def tw(data: dict[str, Any], veld: str, taal: str) -> Any:
    """Het veld in de gevraagde taal: de tweeling ``<veld>_en`` in het Engels, anders het veld zelf."""
    return data[f"{veld}_en"] if taal == "en" else data[veld]


@functools.cache
def _data() -> dict[str, Any]:
    tekst = resources.files("poortwachter").joinpath("inhoud/spoor2_beslishulp.toml").read_text(encoding="utf-8")
    data = tomllib.loads(tekst)
    if tuple(data["vragen"]) != VRAGEN:
        raise Spoor2Fout(f"spoor2_beslishulp.toml: verwacht de vragen {VRAGEN}, gevonden {tuple(data['vragen'])}")
    controleer_tweelingen(data, "spoor2_beslishulp.toml")
    return data


def _regels(peildatum: date | None) -> dict[str, Any]:
    return regels_als_dict(peildatum)


_VERWIJZING = re.compile(r"\{([a-z0-9_]+)\.([a-z0-9_]+)(?:\|([a-z]+))?\}")


def euro(waarde: Any, taal: str = STANDAARD) -> str:
    """``€ 1.234,50`` (nl) of ``€1,234.50`` (en); een heel bedrag zonder centen."""
    geheel = isinstance(waarde, int) or (isinstance(waarde, float) and waarde.is_integer())
    tekst = f"{int(waarde):,}" if geheel else f"{waarde:,.2f}"
    if taal == "en":
        return f"€{tekst}"
    return "€\u00a0" + tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def regelwaarde(regels: dict[str, Any], regel: str, veld: str) -> Any:
    try:
        return regels["regels"][regel]["waarde"][veld]
    except KeyError:
        raise Spoor2Fout(f"onbekende verwijzing naar de regeldata: {regel}.{veld}") from None


def vul_in(tekst: str, regels: dict[str, Any], gebruikt: set[str] | None = None, taal: str = STANDAARD) -> str:
    """Vervangt ``{regel.veld}`` en ``{regel.veld|euro}`` door de waarde uit de regeldata."""

    def vervang(m: re.Match[str]) -> str:
        regel, veld, filter_ = m.groups()
        waarde = regelwaarde(regels, regel, veld)
        if gebruikt is not None:
            gebruikt.add(regel)
        if filter_ == "euro":
            return euro(waarde, taal)
        if filter_:
            raise Spoor2Fout(f"onbekend filter |{filter_} in {m.group(0)}")
        return str(waarde)

    uit = _VERWIJZING.sub(vervang, tekst)
    if "{" in uit or "}" in uit:
        raise Spoor2Fout(f"onleesbare verwijzing in tekst: {tekst!r}")
    return uit


def bronnen_samen(*lijsten: list[dict[str, str]], taal: str = STANDAARD) -> list[dict[str, str]]:
    """De bronnen zonder dubbele adressen; een bron met ``titel_en`` (de eigen databestanden) krijgt in het Engels
    die titel. Bronnen uit de regeldata houden hun titel, net als bij de termijnen."""
    uit: list[dict[str, str]] = []
    urls: set[str] = set()
    for lijst in lijsten:
        for bron in lijst:
            if bron["url"] not in urls:
                urls.add(bron["url"])
                titel = bron.get("titel_en", bron["titel"]) if taal == "en" else bron["titel"]
                uit.append({"titel": titel, "url": bron["url"]})
    return uit


def _vraag(ident: str, regels: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    v = _data()["vragen"][ident]
    return {"id": ident, "kort": tw(v, "kort", taal), "tekst": vul_in(tw(v, "tekst", taal), regels, taal=taal),
            "uitleg": vul_in(tw(v, "uitleg", taal), regels, taal=taal),
            "antwoorden": [{"waarde": a["waarde"], "label": vul_in(tw(a, "label", taal), regels, taal=taal)}
                           for a in v["antwoorden"]]}


def _uitkomst_tekst(ident: str, regels: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    u = _data()["uitkomsten"][ident]
    gebruikt: set[str] = set()
    uit = {
        "id": ident,
        "titel": vul_in(tw(u, "titel", taal), regels, gebruikt, taal),
        "samenvatting": vul_in(tw(u, "samenvatting", taal), regels, gebruikt, taal),
        "redenen": [vul_in(r, regels, gebruikt, taal) for r in tw(u, "redenen", taal)],
        "dossier": [vul_in(d, regels, gebruikt, taal) for d in tw(u, "dossier", taal)],
    }
    regelbronnen = [b for regel in sorted(gebruikt) for b in regels["regels"][regel].get("bronnen", [])]
    uit["bronnen"] = bronnen_samen(u["bronnen"], regelbronnen, taal=taal)
    return uit


def beslishulp(peildatum: date | None = None, taal: str = STANDAARD) -> dict[str, Any]:
    """De hele beslishulp met ingevulde teksten in ``taal``, JSON-baar: voor de sitebouw (statische pagina's,
    diagram)."""
    regels = _regels(peildatum)
    data = _data()
    return {
        "titel": tw(data, "titel", taal),
        "inleiding": vul_in(tw(data, "inleiding", taal), regels, taal=taal),
        "let_op": tw(data["teksten"], "let_op", taal),
        "eerste_vraag": volgende_stap({})[1],
        "vragen": {ident: _vraag(ident, regels, taal) for ident in data["vragen"]},
        "datums": {ident: {"label": tw(d, "label", taal), "uitleg": tw(d, "uitleg", taal)}
                   for ident, d in data["datums"].items()},
        "uitkomsten": {ident: _uitkomst_tekst(ident, regels, taal) for ident in data["uitkomsten"]},
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


def controleer_antwoorden(antwoorden: Any, taal: str = STANDAARD
                          ) -> tuple[dict[str, str], dict[str, date], list[dict[str, Any]]]:
    """Splitst en controleert de antwoorden: (keuzes, datums, fouten). Alle fouten tegelijk, in gewone taal."""
    data = _data()
    keuzes: dict[str, str] = {}
    datums: dict[str, date] = {}
    fouten: list[dict[str, Any]] = []
    if antwoorden is None:
        return keuzes, datums, fouten
    if not isinstance(antwoorden, dict):
        return keuzes, datums, [maak_fout(bericht("spoor2.antwoorden_geen_lijst", taal),
                                          code="vorm_ongeldig", veld="antwoorden", optie="--antwoord")]
    for sleutel, waarde in antwoorden.items():
        if sleutel in data["vragen"]:
            toegestaan = [a["waarde"] for a in data["vragen"][sleutel]["antwoorden"]]
            normaal = waarde.replace("-", "_") if isinstance(waarde, str) else waarde
            if normaal in toegestaan:
                keuzes[sleutel] = normaal
            else:
                fouten.append(_fout(sleutel, bericht("spoor2.antwoord_onbekend", taal, vraag=sleutel,
                                                     toegestaan=", ".join(toegestaan), waarde=repr(waarde)),
                                    code="antwoord_onbekend"))
        elif sleutel in DATUMS:
            if waarde in (None, ""):
                continue
            d = lees_datum(waarde)
            if d is None:
                fouten.append(_fout(sleutel, bericht("spoor2.datum_vorm", taal, vraag=sleutel, waarde=repr(waarde)),
                                    code=datum_foutcode(waarde) or "datum_vorm"))
            else:
                datums[sleutel] = d
        else:
            bekend = ", ".join([*data["vragen"], *DATUMS])
            fouten.append(_fout(sleutel, bericht("spoor2.vraag_onbekend", taal, vraag=sleutel, bekend=bekend),
                                code="vraag_onbekend"))
    if "eerstejaarsevaluatie_op" in datums and "eerste_ziektedag" not in datums:
        fouten.append(_fout("eerste_ziektedag", bericht("spoor2.eerste_ziektedag_nodig", taal),
                            code="veld_ontbreekt"))
    if "eerstejaarsevaluatie_op" in datums and "eerste_ziektedag" in datums \
            and datums["eerstejaarsevaluatie_op"] <= datums["eerste_ziektedag"]:
        fouten.append(_fout("eerstejaarsevaluatie_op", bericht("spoor2.eerstejaarsevaluatie_voor_ziekte", taal),
                            code="datum_voor_eerste_ziektedag"))
    return keuzes, datums, fouten


# ------------------------------------------------------------------------------------------------ datums

def termijnen_van_de_rekenkern(verzoek: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    """Vraagt de rekenkern om de termijnen: hetzelfde antwoord als het JSON-contract geeft (``actie: termijnen``,
    in ``taal``), maar rechtstreeks uit :mod:`poortwachter.verzoek`, zonder via het contract terug te lopen."""
    return termijnen_antwoord({**verzoek, "actie": "termijnen"}, taal)


def _datumdeel(ident: str, datums: dict[str, date], peildatum: date, regels: dict[str, Any], taal: str = STANDAARD
               ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Datum(s) bij een uitkomst, uit de rekenkern. Geeft (velden voor de uitkomst, fouten)."""
    u = _data()["uitkomsten"][ident]
    teksten = _data()["teksten"]
    termijn_id = u.get("datum_termijn")
    if not termijn_id:
        return {"datum": None, "controledatum": None, "signalen": []}, []
    if "eerste_ziektedag" not in datums:
        return {"datum": None, "controledatum": None, "signalen": [],
                "datum_nodig": tw(teksten, "datum_nodig", taal)}, []
    verzoek: dict[str, Any] = {"ziek": [datums["eerste_ziektedag"].isoformat()], "peildatum": peildatum.isoformat()}
    if "eerstejaarsevaluatie_op" in datums:
        verzoek["eerstejaarsevaluatie_op"] = datums["eerstejaarsevaluatie_op"].isoformat()
    antwoord = termijnen_van_de_rekenkern(verzoek, taal)
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
        deel["datum"]["omschrijving"] = vul_in(tw(u, "datum_uitleg", taal), regels, taal=taal)
    if date.fromisoformat(termijn["datum"]) < peildatum and ident != "uitstellen":
        deel["signalen"].append({"code": "datum_voorbij", "niveau": "waarschuwing",
                                 "melding": tw(teksten, "datum_voorbij", taal)})
    if u.get("controle_maanden"):
        if "eerstejaarsevaluatie_op" in datums:
            basis = datums["eerstejaarsevaluatie_op"]
            basis_tekst = tw(teksten, "controle_basis_eerstejaarsevaluatie", taal)
        else:
            eje = termijnen["eerstejaarsevaluatie"]
            basis, basis_tekst = date.fromisoformat(eje["datum"]), tw(teksten, "controle_basis_uiterste_datum", taal)
        # De datum zelf is een gedateerde regel van de rekenkern (termijnen.uitstel_spoor_2_controledatum).
        controle, _ = uitstel_spoor_2_controledatum(datums["eerste_ziektedag"], basis)
        uitleg = vul_in(tw(teksten, "controledatum", taal), regels, taal=taal).replace("[basis]", basis_tekst)
        deel["controledatum"] = {
            "datum": controle.isoformat(), "datum_tekst": datum_tekst(controle, taal),
            "uitleg": uitleg.replace("[basis_datum]", datum_tekst(basis, taal)),
        }
    return deel, []


# ------------------------------------------------------------------------------------------------ contract

def beoordeel(antwoorden: dict[str, Any] | None, peildatum: date, taal: str = STANDAARD) -> dict[str, Any]:
    """Van antwoorden naar de volgende vraag of de uitkomst, met de teksten in ``taal``. Fouten komen terug als
    ``{"fouten": [...]}``."""
    keuzes, datums, fouten = controleer_antwoorden(antwoorden, taal)
    if fouten:
        return {"fouten": fouten}
    regels = _regels(peildatum)
    data = _data()
    pad, (soort, ident) = gevolgd_pad(keuzes)
    gegeven = []
    for vraag_id, waarde in pad:
        v = data["vragen"][vraag_id]
        optie = next(a for a in v["antwoorden"] if a["waarde"] == waarde)
        gegeven.append({"vraag": vraag_id, "kort": tw(v, "kort", taal),
                        "vraag_tekst": vul_in(tw(v, "tekst", taal), regels, taal=taal),
                        "antwoord": waarde, "antwoord_label": vul_in(tw(optie, "label", taal), regels, taal=taal),
                        "reden": vul_in(tw(optie, "reden", taal), regels, taal=taal)})
    op_pad = {v for v, _ in pad}
    uit: dict[str, Any] = {
        "actie": "spoor2",
        "status": soort,
        "gegeven": gegeven,
        "niet_gebruikt": sorted(k for k in keuzes if k not in op_pad),
        "vraag": None,
        "uitkomst": None,
        "let_op": tw(data["teksten"], "let_op", taal),
        "regels": {"versie": regels["versie"], "laatst_gecontroleerd": str(regels["laatst_gecontroleerd"])},
    }
    if soort == VRAAG:
        uit["vraag"] = _vraag(ident, regels, taal)
        return uit
    uitkomst = _uitkomst_tekst(ident, regels, taal)
    uitkomst["redenen"] = [g["reden"] for g in gegeven] + uitkomst["redenen"]
    deel, fouten = _datumdeel(ident, datums, peildatum, regels, taal)
    if fouten:
        return {"fouten": fouten}
    uitkomst.update(deel)
    if uitkomst.get("datum"):
        uitkomst["bronnen"] = bronnen_samen(uitkomst["bronnen"], uitkomst["datum"]["bronnen"], taal=taal)
    uit["uitkomst"] = uitkomst
    return uit


def bereken_spoor2(verzoek: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    """Ingang voor ``contract.bereken`` bij ``"actie": "spoor2"``, met de teksten in ``taal``. Gooit nooit een
    uitzondering."""
    if taal not in TALEN:
        taal = STANDAARD
    peil = lees_datum(verzoek.get("peildatum"))
    if peil is None:
        melding = bericht("spoor2.peildatum_ontbreekt", taal)
        ruw = verzoek.get("peildatum")
        return {"fouten": [maak_fout(melding, veld="peildatum", optie="--peildatum",
                                     code="veld_ontbreekt" if ruw is None else datum_foutcode(ruw) or "datum_vorm")]}
    antwoorden = verzoek.get("antwoorden") or {}
    if not isinstance(antwoorden, dict):
        return {"fouten": [maak_fout(bericht("spoor2.antwoorden_geen_object", taal), code="vorm_ongeldig",
                                     veld="antwoorden", optie="--antwoord")]}
    antwoorden = dict(antwoorden)
    # De eerste ziektedag mag ook als "ziek" komen, zoals bij de termijnen.
    ziek = verzoek.get("ziek")
    if "eerste_ziektedag" not in antwoorden and isinstance(ziek, list) and ziek and isinstance(ziek[0], str):
        antwoorden["eerste_ziektedag"] = ziek[0].split("/")[0]
    if verzoek.get("eerstejaarsevaluatie_op") and "eerstejaarsevaluatie_op" not in antwoorden:
        antwoorden["eerstejaarsevaluatie_op"] = verzoek["eerstejaarsevaluatie_op"]
    try:
        return beoordeel(antwoorden, peil, taal)
    except Exception as e:  # noqa: BLE001 - het contract gooit nooit
        return {"fouten": [maak_fout(bericht("spoor2.interne_fout", taal, soort=type(e).__name__, tekst=str(e)),
                                     code="interne_fout", veld="antwoorden", optie="--antwoord")]}


# ------------------------------------------------------------------------------------------------ CLI

def _tekst(uit: dict[str, Any], taal: str = STANDAARD) -> str:
    def k(sleutel: str, **p: Any) -> str:
        return bericht(f"spoor2.{sleutel}", taal, **p)

    regels: list[str] = []
    for g in uit["gegeven"]:
        regels.append(f"  {g['kort']}: {g['antwoord_label']}")
    if regels:
        regels.insert(0, k("uw_antwoorden"))
        regels.append("")
    if uit["status"] == VRAAG:
        v = uit["vraag"]
        regels += [k("volgende_vraag", id=v["id"], tekst=v["tekst"]), f"  {v['uitleg']}", k("antwoorden")]
        regels += [f"  --antwoord {v['id']}={a['waarde']}   {a['label']}" for a in v["antwoorden"]]
        return "\n".join(regels)
    u = uit["uitkomst"]
    regels += [k("uitkomst", titel=u["titel"]), "", u["samenvatting"], ""]
    if u.get("datum"):
        regels.append(f"{u['datum']['omschrijving']}: {u['datum']['datum_tekst']}")
    if u.get("controledatum"):
        regels.append(k("controledatum", datum=u["controledatum"]["datum_tekst"], uitleg=u["controledatum"]["uitleg"]))
    if u.get("datum_nodig"):
        regels.append(f"{u['datum_nodig']} (--antwoord eerste_ziektedag={k('datum_invullen')})")
    for s in u.get("signalen", []):
        regels.append(k("let_op", melding=s["melding"]))
    regels += ["", k("waarom")] + [f"  - {r}" for r in u["redenen"]]
    regels += ["", k("dossier")] + [f"  - {d}" for d in u["dossier"]]
    regels += ["", k("bronnen")] + [f"  - {b['titel']}: {b['url']}" for b in u["bronnen"]]
    regels += ["", uit["let_op"]]
    return "\n".join(regels)


def cli_spoor2(argv: list[str]) -> int:
    """``poortwachter spoor2 --antwoord vraag=antwoord ... [--json] [--peildatum JJJJ-MM-DD] [--taal nl|en]``."""
    from poortwachter.cli_hulp import NlParser, druk_af, peildatum_van_vandaag

    parser = NlParser(prog="poortwachter spoor2",
                      description="Beslishulp: moet ik nu met spoor 2 starten? Geef de antwoorden die u weet; "
                                  "de hulp noemt de volgende vraag of de uitkomst.")
    parser.add_argument("--antwoord", action="append", default=[], metavar="VRAAG=ANTWOORD",
                        help="een antwoord, bijvoorbeeld benutbare_mogelijkheden=ja (mag vaker)")
    parser.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD", help="vandaag (standaard: de systeemdatum)")
    parser.add_argument("--json", action="store_true", help="antwoord als JSON (het contract)")
    parser.add_argument("--taal", default=None, metavar="nl|en", help="taal van de uitvoer: nl (standaard) of en")
    args = parser.parse_args(argv)
    taal = STANDAARD
    if args.taal is not None:
        taal, taalfout = kies_taal({"taal": args.taal}, "spoor2")
        if taalfout:
            return druk_af({"fouten": [taalfout]}, args.json, _tekst)
    antwoorden: dict[str, str] = {}
    fouten = []
    for i, paar in enumerate(args.antwoord):
        if "=" not in paar:
            fouten.append(maak_fout(bericht("spoor2.cli_vorm", taal, paar=repr(paar)), code="vorm_ongeldig",
                                    veld="antwoorden", index=i, optie="--antwoord"))
            continue
        sleutel, waarde = paar.split("=", 1)
        antwoorden[sleutel.strip()] = waarde.strip()
    verzoek = {"actie": "spoor2", "antwoorden": antwoorden,
               "peildatum": args.peildatum or peildatum_van_vandaag()}
    uit = {"fouten": fouten} if fouten else bereken_spoor2(verzoek, taal)
    return druk_af(uit, args.json, lambda u: _tekst(u, taal), taal)
