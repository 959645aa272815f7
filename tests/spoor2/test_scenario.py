"""Scenario's: basis, vrijwillige verlenging en loonsanctie naast elkaar; de datums zijn die van de rekenkern."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spoor2_hulp import PEILDATUM, contract, gevallen, termijnen  # noqa: E402

from poortwachter.regels import regels_als_dict  # noqa: E402

REGELS = regels_als_dict()["regels"]
MINIMUM = REGELS["vrijwillige_verlenging"]["waarde"]["minimum_weken"]
MAXIMUM = REGELS["loonsanctie"]["waarde"]["maximum_weken"]
PERCENTAGE = REGELS["loondoorbetaling"]["waarde"]["percentage"]
GOUDEN = gevallen("datum-")


def scenario(**verzoek) -> dict:
    return contract({"actie": "scenario", "peildatum": PEILDATUM, **verzoek})


def per_id(uit: dict) -> dict[str, dict]:
    assert "fouten" not in uit, uit
    return {s["id"]: s for s in uit["scenarios"]}


def plus(datum: str, dagen: int) -> str:
    return (date.fromisoformat(datum) + timedelta(days=dagen)).isoformat()


@pytest.mark.parametrize("geval", GOUDEN, ids=lambda g: g["naam"])
def test_de_basis_geeft_de_datums_van_het_publieke_rekenvoorbeeld(geval):
    s = per_id(scenario(ziek=[geval["eerste_ziektedag"]]))["basis"]
    assert s["laatste_loondoorbetalingsdag"]["datum"] == geval["verwacht"]["laatste_loondoorbetalingsdag"]
    assert s["wia_aanvraag"]["datum"] == geval["verwacht"]["wia_aanvraag"]
    assert s["extra_weken_loondoorbetaling"] == 0 and s["weken"] == 0


@pytest.mark.parametrize("geval", GOUDEN, ids=lambda g: g["naam"])
def test_een_loonsanctie_van_het_maximum_verschuift_alleen_de_laatste_betaaldag_niet_de_wia_aanvraag(geval):
    s = per_id(scenario(ziek=[geval["eerste_ziektedag"]], loonsanctie_weken=MAXIMUM))["loonsanctie"]
    assert s["weken"] == MAXIMUM
    assert s["laatste_loondoorbetalingsdag"]["datum"] == plus(geval["verwacht"]["laatste_loondoorbetalingsdag"],
                                                               7 * MAXIMUM)
    assert s["wia_aanvraag"]["datum"] == geval["verwacht"]["wia_aanvraag"]
    assert s["extra_weken_loondoorbetaling"] == MAXIMUM


@pytest.mark.parametrize("geval", GOUDEN, ids=lambda g: g["naam"])
def test_een_vrijwillige_verlenging_verschuift_de_laatste_betaaldag_en_de_wia_aanvraag(geval):
    s = per_id(scenario(ziek=[geval["eerste_ziektedag"]], vrijwillige_verlenging_weken=MINIMUM))
    v = s["vrijwillige_verlenging"]
    assert v["laatste_loondoorbetalingsdag"]["datum"] == plus(geval["verwacht"]["laatste_loondoorbetalingsdag"],
                                                               7 * MINIMUM)
    assert v["wia_aanvraag"]["datum"] == plus(geval["verwacht"]["wia_aanvraag"], 7 * MINIMUM)
    assert v["extra_weken_loondoorbetaling"] == MINIMUM


def test_de_scenarios_zijn_dezelfde_datums_als_de_rekenkern_met_dezelfde_invoer():
    ziek = ["2025-03-03/2025-05-01", "2025-05-20"]
    uit = per_id(scenario(ziek=ziek, vrijwillige_verlenging_weken=MINIMUM + 4, loonsanctie_weken=MAXIMUM - 2))
    for ident, extra in [("basis", {}), ("vrijwillige_verlenging", {"vrijwillige_verlenging_weken": MINIMUM + 4}),
                         ("loonsanctie", {"loonsanctie_weken": MAXIMUM - 2})]:
        t = termijnen(ziek=ziek, **extra)
        assert uit[ident]["laatste_loondoorbetalingsdag"]["datum"] == t["laatste_loondoorbetalingsdag"]["datum"]
        assert uit[ident]["wia_aanvraag"]["datum"] == t["wia_aanvraag"]["datum"]


@pytest.mark.parametrize("weken,fout", [(MINIMUM - 1, True), (MINIMUM, False), (MINIMUM + 1, False), ("dertien", True)])
def test_vrijwillige_verlenging_minstens_het_minimum_dag_voor_op_en_na(weken, fout):
    uit = scenario(ziek=["2026-01-05"], vrijwillige_verlenging_weken=weken)
    if fout:
        assert [f["veld"] for f in uit["fouten"]] == ["vrijwillige_verlenging_weken"]
        assert uit["fouten"][0]["optie"] == "--vrijwillige-verlenging-weken"
        assert str(MINIMUM) in uit["fouten"][0]["melding"]
    else:
        assert per_id(uit)["vrijwillige_verlenging"]["weken"] == weken


@pytest.mark.parametrize("weken,fout", [(MAXIMUM - 1, False), (MAXIMUM, False), (MAXIMUM + 1, True), (-3, True)])
def test_loonsanctie_ten_hoogste_het_maximum_dag_voor_op_en_na(weken, fout):
    uit = scenario(ziek=["2026-01-05"], loonsanctie_weken=weken)
    if fout:
        assert [f["veld"] for f in uit["fouten"]] == ["loonsanctie_weken"]
        assert str(MAXIMUM) in uit["fouten"][0]["melding"]
    else:
        assert per_id(uit)["loonsanctie"]["weken"] == weken


def test_zonder_aantallen_gelden_het_minimum_en_het_maximum_uit_de_regels():
    s = per_id(scenario(ziek=["2026-01-05"]))
    assert s["vrijwillige_verlenging"]["weken"] == MINIMUM
    assert s["loonsanctie"]["weken"] == MAXIMUM


def test_met_een_weekloon_staat_er_een_schatting_van_de_extra_loonkosten_tegen_het_wettelijke_percentage():
    uit = scenario(ziek=["2026-01-05"], weekloon="812,50", loonsanctie_weken=MAXIMUM)
    s = per_id(uit)
    assert s["basis"]["extra_loonkosten"]["bedrag"] == 0
    assert s["loonsanctie"]["extra_loonkosten"]["bedrag"] == pytest.approx(812.5 * PERCENTAGE / 100 * MAXIMUM)
    assert s["loonsanctie"]["extra_loonkosten"]["percentage"] == PERCENTAGE
    assert s["loonsanctie"]["extra_loonkosten"]["bedrag_tekst"].startswith("€")
    urls = {b["url"] for b in uit["loondoorbetaling"]["bronnen"]}
    assert urls and urls <= {b["url"] for b in uit["bronnen"]}


def test_zonder_weekloon_geen_schatting():
    assert all(s["extra_loonkosten"] is None for s in per_id(scenario(ziek=["2026-01-05"])).values())


@pytest.mark.parametrize("weekloon", ["-1", "veel", "nan"])
def test_een_ongeldig_weekloon_is_een_fout(weekloon):
    uit = scenario(ziek=["2026-01-05"], weekloon=weekloon)
    assert [f["veld"] for f in uit["fouten"]] == ["weekloon"]


def test_fouten_in_de_ziekteperiode_en_in_de_scenarios_komen_samen_terug():
    uit = scenario(ziek=["geen datum"], loonsanctie_weken=MAXIMUM + 1)
    velden = {f["veld"] for f in uit["fouten"]}
    assert {"ziek", "loonsanctie_weken"} <= velden


@pytest.mark.parametrize("geval", GOUDEN, ids=lambda g: g["naam"])
def test_het_venster_voor_een_vervroegde_iva_aanvraag_met_voorwaarden_en_bronnen(geval):
    uit = scenario(ziek=[geval["eerste_ziektedag"]])
    iva = uit["vervroegde_iva"]
    assert iva["vanaf"]["datum"] == geval["verwacht"]["vervroegde_iva_vanaf"]
    assert iva["uiterlijk"]["datum"] == geval["verwacht"]["vervroegde_iva_uiterlijk"]
    assert len(iva["voorwaarden"]) >= 3 and iva["bronnen"]
    w = REGELS["vervroegde_iva"]["waarde"]
    assert any(f"ziekteweek {w['vanaf_week']}" in v and f"ziekteweek {w['uiterlijk_week']}" in v
               for v in iva["voorwaarden"])


def test_de_scenarios_zijn_duidelijk_geen_advies():
    uit = scenario(ziek=["2026-01-05"])
    assert "geen advies" in uit["label"]
    assert [s["id"] for s in uit["scenarios"]] == ["basis", "vrijwillige_verlenging", "loonsanctie"]
