"""De beslishulp spoor 2: elk pad als gegevensbestand, elke uitkomst met bronnen, datums uit de rekenkern."""

from __future__ import annotations

import re
import tomllib
from datetime import date, timedelta
from importlib import resources

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spoor2_hulp import contract, gevallen, spoor2, termijnen  # noqa: E402

from poortwachter import spoor2 as beslishulp_module  # noqa: E402
from poortwachter.regels import regels_als_dict  # noqa: E402

REGELS = regels_als_dict()["regels"]
DATA = tomllib.loads(resources.files("poortwachter").joinpath("inhoud/spoor2_beslishulp.toml").read_text("utf-8"))
DATUMGEVALLEN = gevallen("datum-")


def _id(geval: dict) -> str:
    return geval["naam"]


# ---------------------------------------------------------------- paden en stappen

@pytest.mark.parametrize("geval", gevallen("pad-") + gevallen("stap-"), ids=_id)
def test_geval(geval):
    uit = spoor2(geval["antwoorden"])
    assert "fouten" not in uit, uit
    verwacht = geval["verwacht"]
    assert uit["status"] == verwacht["status"]
    if verwacht["status"] == "uitkomst":
        assert uit["uitkomst"]["id"] == verwacht["uitkomst"]
        assert uit["vraag"] is None
    else:
        assert uit["vraag"]["id"] == verwacht["vraag"]
        assert uit["uitkomst"] is None
        assert uit["vraag"]["antwoorden"], "een vraag zonder antwoorden"


@pytest.mark.parametrize("geval", gevallen("fout-"), ids=_id)
def test_foutgeval(geval):
    uit = spoor2(geval["antwoorden"])
    assert "fouten" in uit, uit
    sleutels = [f.get("sleutel") for f in uit["fouten"]]
    assert sorted(sleutels) == sorted(geval["verwacht"]["fouten"])
    for f in uit["fouten"]:
        assert f["veld"] == "antwoorden" and f["optie"] == "--antwoord" and f["melding"]


def test_elk_pad_door_de_beslishulp_heeft_een_eigen_gegevensbestand():
    paden = {tuple(map(tuple, sorted(p["antwoorden"]))): p["uitkomst"] for p in beslishulp_module.alle_paden()}
    uit_bestanden = {tuple(sorted(g["antwoorden"].items())): g["verwacht"]["uitkomst"] for g in gevallen("pad-")}
    assert uit_bestanden == paden


def test_elke_uitkomst_is_bereikbaar_en_elke_uitkomst_in_de_data_wordt_gebruikt():
    bereikt = {p["uitkomst"] for p in beslishulp_module.alle_paden()}
    assert bereikt == set(DATA["uitkomsten"])
    assert {"start_spoor_2", "uitstellen", "niet_nu", "deskundigenoordeel", "overleg_arbeidsdeskundige"} <= bereikt


def test_elke_vraag_komt_op_minstens_een_pad_voor_en_elk_antwoord_wordt_gebruikt():
    gebruikt = {(v, a) for p in beslishulp_module.alle_paden() for v, a in p["antwoorden"]}
    alle = {(v, a["waarde"]) for v, d in DATA["vragen"].items() for a in d["antwoorden"]}
    assert gebruikt == alle


def test_het_pad_heeft_nooit_dezelfde_vraag_twee_keer():
    for p in beslishulp_module.alle_paden():
        vragen = [v for v, _ in p["antwoorden"]]
        assert len(vragen) == len(set(vragen))


# ---------------------------------------------------------------- bronnen, dossier, getallen

@pytest.mark.parametrize("uitkomst", sorted(DATA["uitkomsten"]))
def test_elke_uitkomst_heeft_bronnen_redenen_en_iets_voor_het_dossier(uitkomst):
    pad = next(p for p in beslishulp_module.alle_paden() if p["uitkomst"] == uitkomst)
    uit = spoor2(dict(pad["antwoorden"]))["uitkomst"]
    assert uit["id"] == uitkomst
    assert len(uit["bronnen"]) >= 1
    for bron in uit["bronnen"]:
        assert bron["titel"].strip()
        assert re.match(r"https?://[^\s]+\.[a-z]{2,}", bron["url"]), bron
    assert uit["redenen"] and uit["dossier"] and uit["samenvatting"] and uit["titel"]
    # de redenen beginnen met de eigen antwoorden op het pad
    assert len(uit["redenen"]) == len(pad["antwoorden"]) + len(DATA["uitkomsten"][uitkomst]["redenen"])


def _teksten(d):
    if isinstance(d, str):
        yield d
    elif isinstance(d, dict):
        for k, v in d.items():
            if k not in ("bronnen", "waarde", "datum_termijn", "controle_maanden"):
                yield from _teksten(v)
    elif isinstance(d, list):
        for v in d:
            yield from _teksten(v)


def test_in_de_teksten_staat_geen_getypt_getal_alleen_verwijzingen_naar_de_regeldata():
    for tekst in _teksten({k: v for k, v in DATA.items() if k != "laatst_gecontroleerd"}):
        kaal = re.sub(r"\{[a-z0-9_]+\.[a-z0-9_]+(\|[a-z]+)?\}", "", tekst)
        kaal = re.sub(r"(?i)spoor [12]|7:658a", "", kaal)
        assert not re.search(r"\d", kaal), f"getal in de tekst, gebruik {{regel.veld}}: {tekst!r}"


def test_de_getallen_in_de_uitkomsten_komen_uit_de_regeldata():
    uit = spoor2({"benutbare_mogelijkheden": "nee", "oneens": "ja"})["uitkomst"]
    d = REGELS["deskundigenoordeel"]["waarde"]
    assert f"€\u00a0{d['kosten_werkgever']}" in uit["samenvatting"]
    assert f"{d['antwoordtijd_weken_min']} tot {d['antwoordtijd_weken_max']} weken" in uit["samenvatting"]
    # de bronnen van de gebruikte regel komen mee
    for bron in REGELS["deskundigenoordeel"]["bronnen"]:
        assert bron["url"] in {b["url"] for b in uit["bronnen"]}
    vraag = spoor2({"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "ja"})["vraag"]
    assert f"{REGELS['start_spoor_2']['waarde']['maanden_terugkeer_eigen_organisatie']} maanden" in vraag["tekst"]


def test_een_onbekende_verwijzing_naar_de_regeldata_is_een_fout():
    with pytest.raises(beslishulp_module.Spoor2Fout):
        beslishulp_module.vul_in("{start_spoor_2.bestaat_niet}", regels_als_dict())
    with pytest.raises(beslishulp_module.Spoor2Fout):
        beslishulp_module.vul_in("{bestaat_niet.week}", regels_als_dict())


# ---------------------------------------------------------------- datums uit de rekenkern

START = {"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "nee", "oneens": "nee"}
UITSTEL = {"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "ja", "structureel_binnen_termijn": "ja",
           "arbeidsdeskundig_onderzoek": "ja", "oneens": "nee"}


@pytest.mark.parametrize("geval", DATUMGEVALLEN, ids=_id)
def test_start_spoor_2_geeft_de_datum_van_het_publieke_rekenvoorbeeld(geval):
    uit = spoor2(START | {"eerste_ziektedag": geval["eerste_ziektedag"]})["uitkomst"]
    assert uit["datum"]["id"] == "start_spoor_2"
    assert uit["datum"]["datum"] == geval["verwacht"]["start_spoor_2"]
    assert uit["datum"]["datum_tekst"]


@pytest.mark.parametrize("geval", DATUMGEVALLEN, ids=_id)
def test_uitstel_zonder_datum_eerstejaarsevaluatie_controleert_maanden_na_de_uiterste_evaluatiedatum(geval):
    uit = spoor2(UITSTEL | {"eerste_ziektedag": geval["eerste_ziektedag"]})["uitkomst"]
    maanden = REGELS["start_spoor_2"]["waarde"]["maanden_terugkeer_eigen_organisatie"]
    eje = date.fromisoformat(geval["verwacht"]["eerstejaarsevaluatie"])
    assert uit["controledatum"]["datum"] == beslishulp_module.plus_maanden(eje, maanden).isoformat()
    assert uit["datum"]["datum"] == geval["verwacht"]["start_spoor_2"]


def test_met_een_datum_eerstejaarsevaluatie_volgt_de_datum_de_rekenkern():
    verzoek = {"ziek": ["2026-01-05"], "eerstejaarsevaluatie_op": "2026-12-07"}
    verwacht = termijnen(**verzoek)
    uit = spoor2(START | {"eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2026-12-07"})["uitkomst"]
    assert uit["datum"]["datum"] == verwacht["start_spoor_2"]["datum"]
    uit = spoor2(UITSTEL | {"eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2026-12-07"})["uitkomst"]
    maanden = REGELS["start_spoor_2"]["waarde"]["maanden_terugkeer_eigen_organisatie"]
    assert uit["controledatum"]["datum"] == beslishulp_module.plus_maanden(date(2026, 12, 7), maanden).isoformat()


@pytest.mark.parametrize("maanden", [1, 3, 12])
def test_plus_maanden_houdt_de_dag_of_neemt_de_laatste_dag_van_de_maand(maanden):
    for begin in [date(2026, 1, 31), date(2026, 11, 30), date(2024, 2, 29), date(2026, 12, 7)]:
        uit = beslishulp_module.plus_maanden(begin, maanden)
        assert (uit.year * 12 + uit.month) - (begin.year * 12 + begin.month) == maanden
        assert uit.day == begin.day or (uit.day < begin.day and (uit + timedelta(days=1)).day == 1)


def test_zonder_eerste_ziektedag_noemt_de_uitkomst_de_week_en_vraagt_om_de_datum():
    uit = spoor2(START)["uitkomst"]
    assert uit["datum"] is None and uit["datum_nodig"]
    assert f"ziekteweek {REGELS['start_spoor_2']['waarde']['week']}" in uit["samenvatting"]


@pytest.mark.parametrize("verschil,signaal", [(-1, False), (0, False), (1, True)])
def test_een_startdatum_in_het_verleden_geeft_een_waarschuwing_dag_voor_op_en_na(verschil, signaal):
    start = date.fromisoformat(DATUMGEVALLEN[0]["verwacht"]["start_spoor_2"])
    peil = (start + timedelta(days=verschil)).isoformat()
    uit = spoor2(START | {"eerste_ziektedag": DATUMGEVALLEN[0]["eerste_ziektedag"]}, peildatum=peil)["uitkomst"]
    assert any(s["code"] == "datum_voorbij" for s in uit["signalen"]) is signaal


def test_een_ongeldige_eerste_ziektedag_voor_de_rekenkern_komt_terug_als_fout():
    uit = spoor2(START | {"eerste_ziektedag": "1990-01-01"})
    assert "fouten" in uit and uit["fouten"][0]["melding"]


def test_zonder_peildatum_geeft_het_contract_een_fout():
    uit = contract({"actie": "spoor2", "antwoorden": START})
    assert uit["fouten"][0]["veld"] == "peildatum"


def test_de_beslishulp_voor_de_sitebouw_is_compleet():
    b = beslishulp_module.beslishulp()
    assert b["eerste_vraag"] == "benutbare_mogelijkheden"
    assert len(b["paden"]) == len(gevallen("pad-"))
    assert set(b["uitkomsten"]) == set(DATA["uitkomsten"])


# ---------------------------------------------------------------- eigenschappen

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_KEUZES = {v: [a["waarde"] for a in d["antwoorden"]] for v, d in DATA["vragen"].items()}


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(_KEUZES)), st.sampled_from(["ja", "nee", "weet_niet", "weet-niet"])))
def test_elke_combinatie_van_antwoorden_geeft_een_vraag_of_een_uitkomst_en_alleen_het_pad_telt(antwoorden):
    geldig = all(w.replace("-", "_") in _KEUZES[v] for v, w in antwoorden.items())
    uit = spoor2(antwoorden)
    if not geldig:
        assert "fouten" in uit
        return
    assert uit["status"] in ("vraag", "uitkomst")
    gebruikt = {g["vraag"]: g["antwoord"] for g in uit["gegeven"]}
    # alleen de antwoorden op het pad opnieuw sturen geeft hetzelfde antwoord
    alleen_pad = spoor2(gebruikt)
    assert (alleen_pad["status"], alleen_pad["vraag"], alleen_pad["uitkomst"]) == (
        uit["status"], uit["vraag"], uit["uitkomst"])
    assert set(uit["niet_gebruikt"]) == set(antwoorden) - set(gebruikt)
    if uit["status"] == "vraag":
        assert uit["vraag"]["id"] not in antwoorden


@pytest.mark.parametrize("antwoorden", [["oneens=nee"], "oneens=nee", 5])
def test_antwoorden_die_geen_object_zijn_geven_een_fout_en_geen_uitzondering(antwoorden):
    uit = contract({"actie": "spoor2", "antwoorden": antwoorden, "peildatum": "2026-11-23"})
    assert uit["fouten"][0]["veld"] == "antwoorden"
