"""De beslishulp en de scenario's in het Nederlands en het Engels (issue 13): id's, routering, datums, codes en de vorm
van het antwoord zijn in beide talen gelijk; alleen de teksten verschillen, en de Engelse lezen als Engels.

Alles gaat via het JSON-contract (en dus langs het gepubliceerde antwoord.schema.json), zoals in de browser en de CLI.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spoor2_hulp import PEILDATUM, contract, gevallen  # noqa: E402

from poortwachter import spoor2 as beslishulp_module  # noqa: E402
from poortwachter.spoor2 import Spoor2Fout, controleer_tweelingen  # noqa: E402

#: Velden waarvan de waarde tekst voor de lezer is: die mogen (en moeten meestal) per taal verschillen.
TEKSTVELDEN = {"kort", "tekst", "uitleg", "label", "vraag_tekst", "antwoord_label", "reden", "redenen", "dossier",
               "titel", "samenvatting", "let_op", "melding", "datum_tekst", "omschrijving", "toelichting",
               "datum_nodig", "inleiding", "bedrag_tekst", "voorwaarden"}

#: Nederlandse functiewoorden: een Engelse tekst met een van deze woorden is (deels) niet vertaald.
NEDERLANDS = re.compile(r"\b(de|het|een|van|en|niet|voor|wordt|bij|als|dat|ook|naar|met|uw|u|zijn|geen|werkgever"
                        r"|werknemer|moet|kan)\b", re.IGNORECASE)
#: Nederlandse vaktermen en namen die in het Engels blijven staan (met een Engelse uitleg erbij).
TERMEN = re.compile(r"plan van aanpak|Wet verbetering poortwachter|Regeling procesgang|Algemene termijnenwet"
                    r"|Werkwijzer Poortwachter|Staatsblad", re.IGNORECASE)


def _vorm(x, sleutel: str | None = None):
    """Het antwoord met elke tekst vervangen door een merkteken: wat overblijft moet in beide talen gelijk zijn."""
    if isinstance(x, dict):
        return {k: _vorm(v, k) for k, v in x.items()}
    if isinstance(x, list):
        return [_vorm(v, sleutel) for v in x]
    if isinstance(x, str) and sleutel in TEKSTVELDEN:
        return "<tekst>"
    return x


def _teksten(x, sleutel: str | None = None):
    """(veld, tekst) voor elke tekst, zonder de bronnen: de titels uit de regeldata blijven de titels van de
    (Nederlandse) documenten, net als bij de termijnen."""
    if isinstance(x, dict):
        for k, v in x.items():
            if k != "bronnen":
                yield from _teksten(v, k)
    elif isinstance(x, list):
        for v in x:
            yield from _teksten(v, sleutel)
    elif isinstance(x, str) and sleutel in TEKSTVELDEN:
        yield sleutel, x


def _paar(verzoek: dict) -> tuple[dict, dict]:
    nl = contract(verzoek)
    en = contract({**verzoek, "taal": "en"})
    assert _vorm(en) == _vorm(nl), verzoek
    assert contract({**verzoek, "taal": "nl"}) == nl
    return nl, en


def _is_engels(tekst: str) -> bool:
    return not NEDERLANDS.search(TERMEN.sub("", tekst))


# ---------------------------------------------------------------- beslishulp: elk pad, elke vraagstap

def _alle_antwoorden() -> list[dict]:
    """Elke vraagstap en elk volledig pad, zonder datum, met een eerste ziektedag, en met ook een eerstejaarsevaluatie
    (die laatste maakt bij "uitstellen" de controledatum vanaf de echte datum)."""
    stappen = [dict(p) for p in beslishulp_module.alle_vraagstappen()]
    paden = [dict(p["antwoorden"]) for p in beslishulp_module.alle_paden()]
    datums = [{}, {"eerste_ziektedag": "2026-01-05"}, {"eerste_ziektedag": "2025-06-02"},
              {"eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2026-12-14"}]
    return [{**a, **d} for a in stappen + paden for d in datums]


def test_elk_pad_en_elke_stap_heeft_in_beide_talen_dezelfde_vorm_en_een_engelse_tekst():
    gezien = {"vraag": set(), "uitkomst": set(), "controledatum": 0, "datum_voorbij": 0, "datum_nodig": 0}
    for antwoorden in _alle_antwoorden():
        nl, en = _paar({"actie": "spoor2", "antwoorden": antwoorden, "peildatum": PEILDATUM})
        assert "fouten" not in nl, nl
        gezien[en["status"]].add((en["vraag"] or en["uitkomst"])["id"])
        u = en["uitkomst"] or {}
        gezien["controledatum"] += bool(u.get("controledatum"))
        gezien["datum_nodig"] += bool(u.get("datum_nodig"))
        gezien["datum_voorbij"] += any(s["code"] == "datum_voorbij" for s in u.get("signalen", []))
        teksten_nl, teksten_en = dict(enumerate(_teksten(nl))), dict(enumerate(_teksten(en)))
        for i, (veld, tekst) in teksten_en.items():
            assert _is_engels(tekst), (veld, tekst)
            assert teksten_nl[i][1] != tekst, f"niet vertaald: {veld}: {tekst!r}"
    assert gezien["vraag"] == set(beslishulp_module.VRAGEN)
    assert gezien["uitkomst"] == set(beslishulp_module._data()["uitkomsten"])
    assert gezien["controledatum"] and gezien["datum_nodig"] and gezien["datum_voorbij"], gezien


def test_de_datums_in_het_engels_zijn_engelse_datums():
    antwoorden = {"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "ja",
                  "structureel_binnen_termijn": "ja", "arbeidsdeskundig_onderzoek": "ja", "oneens": "nee",
                  "eerste_ziektedag": "2026-01-05"}
    nl, en = _paar({"actie": "spoor2", "antwoorden": antwoorden, "peildatum": PEILDATUM})
    assert en["uitkomst"]["datum"]["datum"] == nl["uitkomst"]["datum"]["datum"]
    assert en["uitkomst"]["controledatum"]["datum"] == nl["uitkomst"]["controledatum"]["datum"]
    for d in (en["uitkomst"]["datum"]["datum_tekst"], en["uitkomst"]["controledatum"]["datum_tekst"]):
        assert re.fullmatch(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day \d{1,2} [A-Z][a-z]+ \d{4}", d), d


@pytest.mark.parametrize("geval", gevallen("fout-"), ids=lambda g: g["naam"])
def test_elke_fout_van_de_beslishulp_heeft_in_beide_talen_dezelfde_code_en_plaats(geval):
    nl, en = _paar({"actie": "spoor2", "antwoorden": geval["antwoorden"], "peildatum": PEILDATUM})
    assert len(en["fouten"]) == len(geval["verwacht"]["fouten"])
    for f_nl, f_en in zip(nl["fouten"], en["fouten"]):
        assert f_en["melding"] != f_nl["melding"] and _is_engels(f_en["melding"]), f_en


@pytest.mark.parametrize("verzoek", [
    {"actie": "spoor2", "antwoorden": {}},
    {"actie": "spoor2", "antwoorden": "oneens", "peildatum": PEILDATUM},
    {"actie": "spoor2", "antwoorden": {"eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2025-01-05"},
     "peildatum": PEILDATUM},
], ids=["zonder peildatum", "antwoorden geen object", "evaluatie voor ziekte"])
def test_ook_de_vormfouten_van_de_beslishulp_zijn_engels(verzoek):
    nl, en = _paar(verzoek)
    assert en["fouten"] and all(_is_engels(f["melding"]) and f["melding"] not in {g["melding"] for g in nl["fouten"]}
                                for f in en["fouten"])


def test_de_hele_beslishulp_voor_de_sitebouw_heeft_in_beide_talen_dezelfde_vorm():
    nl, en = beslishulp_module.beslishulp(taal="nl"), beslishulp_module.beslishulp(taal="en")
    assert _vorm(en) == _vorm(nl)
    assert en["titel"] != nl["titel"] and _is_engels(en["inleiding"])
    assert all(_is_engels(t) for _, t in _teksten(en))


# ---------------------------------------------------------------- scenario's

SCENARIOS = [
    {"ziek": ["2026-01-05"]},
    {"ziek": ["2026-01-05"], "weekloon": "812,50"},
    {"ziek": ["2025-03-03"], "vrijwillige_verlenging_weken": 26, "loonsanctie_weken": 10, "weekloon": 1000},
    {"ziek": ["2026-01-05/2026-01-20", "2026-02-01"], "eerstejaarsevaluatie_op": "2026-12-14", "weekloon": 0},
    {"ziek": ["2026-01-05"], "ziekmelding_uwv_op": "2026-11-30"},
]


@pytest.mark.parametrize("verzoek", SCENARIOS, ids=range(len(SCENARIOS)))
def test_elk_scenario_heeft_in_beide_talen_dezelfde_datums_en_bedragen(verzoek):
    nl, en = _paar({"actie": "scenario", "peildatum": PEILDATUM, **verzoek})
    assert "fouten" not in en, en
    for veld, tekst in _teksten({k: v for k, v in en.items() if k not in ("signalen", "bronnen")}):
        assert _is_engels(tekst), (veld, tekst)
    assert en["label"] != nl["label"]
    assert [s["titel"] for s in en["scenarios"]] != [s["titel"] for s in nl["scenarios"]]
    for s_nl, s_en in zip(nl["scenarios"], en["scenarios"]):
        if s_en["extra_loonkosten"]:
            assert s_en["extra_loonkosten"]["bedrag"] == s_nl["extra_loonkosten"]["bedrag"]
            assert s_en["extra_loonkosten"]["bedrag_tekst"].startswith("€")
    assert [b["url"] for b in en["bronnen"]] == [b["url"] for b in nl["bronnen"]]


@pytest.mark.parametrize("verzoek", [
    {"weekloon": "-5"}, {"vrijwillige_verlenging_weken": 2}, {"loonsanctie_weken": 999}, {"ziek": ["gisteren"]},
], ids=["weekloon", "verlenging", "loonsanctie", "ziek"])
def test_de_fouten_van_de_scenarios_zijn_engels_met_dezelfde_code(verzoek):
    nl, en = _paar({"actie": "scenario", "peildatum": PEILDATUM, "ziek": ["2026-01-05"], **verzoek})
    assert en["fouten"] and [f["code"] for f in en["fouten"]] == [f["code"] for f in nl["fouten"]]
    assert all(_is_engels(f["melding"]) for f in en["fouten"]), en["fouten"]


# ---------------------------------------------------------------- de databestanden zelf

def test_een_tekst_zonder_engelse_tweeling_laat_de_beslishulp_niet_laden():
    controleer_tweelingen({"titel": "x", "titel_en": "y", "url": "https://voorbeeld"}, "proef.toml")
    for fout in ({"titel": "x"}, {"titel": "{a.b}", "titel_en": "y"}, {"redenen": ["a", "b"], "redenen_en": ["a"]},
                 {"titel_en": "y"}, {"v": {"tekst": "[basis]", "tekst_en": "basis"}}):
        with pytest.raises(Spoor2Fout):
            controleer_tweelingen(fout, "proef.toml")
