"""Scenario's naast elkaar: basis, vrijwillige verlenging van N weken, loonsanctie van N weken; plus het venster
voor een vervroegde IVA-aanvraag.

Alle datums komen uit de rekenkern (:mod:`poortwachter.verzoek`, hetzelfde antwoord als het JSON-contract bij
``actie: termijnen``); deze module rekent zelf geen termijnen uit. Getallen komen uit de regeldata, teksten uit
inhoud/spoor2_scenario.toml (elk met een Engelse tweeling ``<veld>_en``) en de berichtenlaag (groep ``scenario``).
"""

from __future__ import annotations

import functools
import math
import tomllib
from datetime import date
from importlib import resources
from typing import Any

from .regels import regels_als_dict
from .berichten import STANDAARD, TALEN, bericht
from .spoor2 import (bronnen_samen, controleer_tweelingen, euro, lees_datum, regelwaarde, termijnen_van_de_rekenkern,
                     tw, vul_in)
from .verzoek import kies_taal, maak_fout

#: Sleutels uit het verzoek die ongewijzigd naar de rekenkern gaan.
DOORGEVEN = ("ziek", "verlof", "probleemanalyse_op", "eerstejaarsevaluatie_op", "ziekmelding_uwv_op", "peildatum")


@functools.cache
def _teksten() -> dict[str, Any]:
    tekst = resources.files("poortwachter").joinpath("inhoud/spoor2_scenario.toml").read_text(encoding="utf-8")
    data = tomllib.loads(tekst)
    controleer_tweelingen(data, "spoor2_scenario.toml")
    return data


def _regels(peildatum: date | None) -> dict[str, Any]:
    return regels_als_dict(peildatum)


def _geheel(waarde: Any) -> int | None:
    if isinstance(waarde, bool):
        return None
    if isinstance(waarde, int):
        return waarde
    if isinstance(waarde, float) and waarde.is_integer():
        return int(waarde)
    if isinstance(waarde, str) and waarde.strip().isdigit():
        return int(waarde.strip())
    return None


def _controleer(verzoek: dict[str, Any], regels: dict[str, Any], taal: str = STANDAARD
                ) -> tuple[int, int, float | None, list[dict]]:
    fouten: list[dict[str, Any]] = []
    minimum = regelwaarde(regels, "vrijwillige_verlenging", "minimum_weken")
    maximum = regelwaarde(regels, "loonsanctie", "maximum_weken")

    vv_ruw = verzoek.get("vrijwillige_verlenging_weken")
    vv = minimum if vv_ruw in (None, "", 0) else _geheel(vv_ruw)
    if vv is None or vv < minimum:
        # Eén melding voor beide gevallen; de code zegt welk (geen geheel getal, of te weinig weken).
        fouten.append(maak_fout(bericht("scenario.vrijwillige_verlenging", taal, minimum=minimum),
                                veld="vrijwillige_verlenging_weken", optie="--vrijwillige-verlenging-weken",
                                code="weken_geen_geheel_getal" if vv is None else "weken_negatief" if vv < 0
                                else "weken_te_weinig"))
    ls_ruw = verzoek.get("loonsanctie_weken")
    ls = maximum if ls_ruw in (None, "", 0) else _geheel(ls_ruw)
    if ls is None or not 1 <= ls <= maximum:
        fouten.append(maak_fout(bericht("scenario.loonsanctie", taal, maximum=maximum),
                                veld="loonsanctie_weken", optie="--loonsanctie-weken",
                                code="weken_geen_geheel_getal" if ls is None else "weken_negatief" if ls < 1
                                else "weken_te_veel"))
    loon_ruw = verzoek.get("weekloon")
    weekloon: float | None = None
    if loon_ruw not in (None, ""):
        try:
            weekloon = float(str(loon_ruw).replace(",", ".")) if not isinstance(loon_ruw, bool) else -1.0
        except ValueError:
            weekloon = -1.0
        if not math.isfinite(weekloon) or weekloon < 0:
            fouten.append(maak_fout(bericht("scenario.weekloon", taal),
                                    veld="weekloon", optie="--weekloon", code="bedrag_ongeldig"))
    return vv or 0, ls or 0, weekloon, fouten


def _datumveld(termijn: dict[str, Any]) -> dict[str, Any]:
    return {"datum": termijn["datum"], "datum_tekst": termijn["datum_tekst"], "ziekteweek": termijn.get("ziekteweek")}


def bereken_scenario(verzoek: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    """Ingang voor ``contract.bereken`` bij ``"actie": "scenario"``, met de teksten in ``taal``. Gooit nooit een
    uitzondering."""
    if taal not in TALEN:
        taal = STANDAARD
    try:
        return _bereken(verzoek, taal)
    except Exception as e:  # noqa: BLE001 - het contract gooit nooit
        return {"fouten": [maak_fout(bericht("scenario.interne_fout", taal, soort=type(e).__name__, tekst=str(e)),
                                     veld="actie", optie="scenario", code="interne_fout")]}


def _bereken(verzoek: dict[str, Any], taal: str) -> dict[str, Any]:
    peil = lees_datum(verzoek.get("peildatum"))
    regels = _regels(peil)
    vv, ls, weekloon, fouten = _controleer(verzoek, regels, taal)
    basis_verzoek = {k: verzoek[k] for k in DOORGEVEN if k in verzoek}
    basis_verzoek.update(vrijwillige_verlenging_weken=0, loonsanctie_weken=0)
    basis = termijnen_van_de_rekenkern(basis_verzoek, taal)
    if "fouten" in basis:
        return {"fouten": basis["fouten"] + fouten}
    if fouten:
        return {"fouten": fouten}
    varianten = {
        "basis": (basis, 0),
        "vrijwillige_verlenging": (termijnen_van_de_rekenkern({**basis_verzoek, "vrijwillige_verlenging_weken": vv},
                                                              taal), vv),
        "loonsanctie": (termijnen_van_de_rekenkern({**basis_verzoek, "loonsanctie_weken": ls}, taal), ls),
    }
    teksten = _teksten()
    gebruikt: set[str] = set()
    percentage = regelwaarde(regels, "loondoorbetaling", "percentage")
    basis_laatste = {t["id"]: t for t in basis["termijnen"]}["laatste_loondoorbetalingsdag"]
    scenarios = []
    for ident, (antwoord, weken) in varianten.items():
        if "fouten" in antwoord:
            return {"fouten": antwoord["fouten"]}
        termijnen = {t["id"]: t for t in antwoord["termijnen"]}
        laatste = termijnen["laatste_loondoorbetalingsdag"]
        extra_dagen = (date.fromisoformat(laatste["datum"]) - date.fromisoformat(basis_laatste["datum"])).days
        extra_weken = extra_dagen / 7
        extra_weken = int(extra_weken) if extra_weken.is_integer() else extra_weken
        kosten = None
        if weekloon is not None:
            bedrag = round(weekloon * percentage / 100 * extra_weken, 2)
            kosten = {"bedrag": bedrag, "bedrag_tekst": euro(bedrag, taal), "weekloon": weekloon,
                      "percentage": percentage,
                      "uitleg": vul_in(tw(teksten["loonkosten"], "uitleg", taal), regels, gebruikt, taal)}
        t = teksten["scenarios"][ident]
        scenarios.append({
            "id": ident, "titel": tw(t, "titel", taal), "uitleg": vul_in(tw(t, "uitleg", taal), regels, gebruikt, taal),
            "weken": weken,
            "laatste_loondoorbetalingsdag": _datumveld(laatste),
            "wia_aanvraag": _datumveld(termijnen["wia_aanvraag"]),
            "extra_dagen_loondoorbetaling": extra_dagen,
            "extra_weken_loondoorbetaling": extra_weken,
            "extra_loonkosten": kosten,
        })
    basis_termijnen = {t["id"]: t for t in basis["termijnen"]}
    iva = teksten["vervroegde_iva"]
    voorwaarden = [vul_in(v, regels, gebruikt, taal) for v in tw(iva, "voorwaarden", taal)]
    regelbronnen = [b for regel in sorted(gebruikt | {"loondoorbetaling"})
                    for b in regels["regels"][regel].get("bronnen", [])]
    return {
        "actie": "scenario",
        "label": tw(teksten, "label", taal),
        "eerste_ziektedag": basis["eerste_ziektedag"],
        "scenarios": scenarios,
        "loondoorbetaling": {"percentage": percentage,
                             "bronnen": regels["regels"]["loondoorbetaling"].get("bronnen", [])},
        "vervroegde_iva": {
            "titel": tw(iva, "titel", taal),
            "vanaf": _datumveld(basis_termijnen["vervroegde_iva_vanaf"]),
            "uiterlijk": _datumveld(basis_termijnen["vervroegde_iva_uiterlijk"]),
            "voorwaarden": voorwaarden,
            "bronnen": bronnen_samen(iva["bronnen"], basis_termijnen["vervroegde_iva_vanaf"].get("bronnen", []),
                                     taal=taal),
        },
        "bronnen": bronnen_samen(regelbronnen, iva["bronnen"], taal=taal),
        "signalen": basis.get("signalen", []),
        "regels": basis.get("regels"),
    }


# ------------------------------------------------------------------------------------------------ CLI

def _tekst(uit: dict[str, Any], taal: str = STANDAARD) -> str:
    def k(sleutel: str, **p: Any) -> str:
        return bericht(f"scenario.{sleutel}", taal, **p)

    regels = [uit["label"], k("eerste_ziektedag", datum=uit["eerste_ziektedag"]), ""]
    for s in uit["scenarios"]:
        regels.append(k("kop", titel=s["titel"], weken=s["weken"]))
        regels.append(k("laatste_dag", datum=s["laatste_loondoorbetalingsdag"]["datum_tekst"]))
        regels.append(k("wia_aanvraag", datum=s["wia_aanvraag"]["datum_tekst"]))
        regels.append(k("extra_weken", weken=s["extra_weken_loondoorbetaling"]))
        if s["extra_loonkosten"]:
            regels.append(k("extra_kosten", bedrag=s["extra_loonkosten"]["bedrag_tekst"]))
        regels.append("")
    iva = uit["vervroegde_iva"]
    regels.append(k("iva", titel=iva["titel"], vanaf=iva["vanaf"]["datum_tekst"],
                    uiterlijk=iva["uiterlijk"]["datum_tekst"]))
    regels += [f"  - {v}" for v in iva["voorwaarden"]]
    regels += ["", k("bronnen")] + [f"  - {b['titel']}: {b['url']}" for b in uit["bronnen"]]
    return "\n".join(regels)


def cli_scenario(argv: list[str]) -> int:
    """``poortwachter scenario --ziek JJJJ-MM-DD [--vrijwillige-verlenging-weken N] [--loonsanctie-weken N]
    [--weekloon BEDRAG] [--json]``."""
    from poortwachter.cli_hulp import NlParser, druk_af, peildatum_van_vandaag

    parser = NlParser(prog="poortwachter scenario",
                      description="Scenario's naast elkaar: zonder verlenging, met vrijwillige verlenging en met "
                                  "loonsanctie. Dit zijn scenario's, geen advies.")
    parser.add_argument("--ziek", action="append", required=True, metavar="START[/EINDE]",
                        help="ziekteperiode (mag vaker)")
    parser.add_argument("--verlof", action="append", default=[], metavar="START/EINDE", help="WAZO-verlof")
    parser.add_argument("--eerstejaarsevaluatie-op", default=None, metavar="JJJJ-MM-DD")
    parser.add_argument("--vrijwillige-verlenging-weken", default=None, metavar="N")
    parser.add_argument("--loonsanctie-weken", default=None, metavar="N")
    parser.add_argument("--weekloon", default=None, metavar="BEDRAG")
    parser.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD")
    parser.add_argument("--json", action="store_true", help="antwoord als JSON (het contract)")
    parser.add_argument("--taal", default=None, metavar="nl|en", help="taal van de uitvoer: nl (standaard) of en")
    args = parser.parse_args(argv)
    taal = STANDAARD
    if args.taal is not None:
        taal, taalfout = kies_taal({"taal": args.taal}, "scenario")
        if taalfout:
            return druk_af({"fouten": [taalfout]}, args.json, _tekst)
    verzoek: dict[str, Any] = {"actie": "scenario", "ziek": args.ziek, "verlof": args.verlof,
                               "peildatum": args.peildatum or peildatum_van_vandaag()}
    for sleutel in ("eerstejaarsevaluatie_op", "vrijwillige_verlenging_weken", "loonsanctie_weken", "weekloon"):
        if getattr(args, sleutel) is not None:
            verzoek[sleutel] = getattr(args, sleutel)
    return druk_af(bereken_scenario(verzoek, taal), args.json, lambda u: _tekst(u, taal), taal)


if __name__ == "__main__":  # pragma: no cover
    import sys
    raise SystemExit(cli_scenario(sys.argv[1:]))

