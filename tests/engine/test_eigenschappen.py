"""Eigenschappen (hypothesis) van de telling en de termijnen."""

from __future__ import annotations

import json
import sys
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

import poortwachter.regels as regels_module
import poortwachter.termijnen as termijnen_module
from poortwachter.contract import bereken, bereken_dict
from poortwachter.kalender import NietGedekt, is_werkdag
from poortwachter.regels import laad_map
from poortwachter.termijnen import InvoerFout
from poortwachter.verzoek import lees_verzoek

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from schemahulp import controleer_antwoord  # noqa: E402

DAG = timedelta(days=1)
# Vanaf 2014 gelden voor elke eerste ziektedag dezelfde regels (WIA-aanvraag in week 93).
eerste_dagen = st.dates(min_value=date(2014, 1, 1), max_value=date(2090, 12, 31))
VOLGORDE = ["vervroegde_iva_vanaf", "probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv",
            "eerstejaarsevaluatie_vanaf", "eerstejaarsevaluatie", "start_spoor_2", "vervroegde_iva_uiterlijk",
            "wia_aanvraag", "laatste_loondoorbetalingsdag"]
instellingen = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _datums(uit):
    return {t["id"]: date.fromisoformat(t["datum"]) for t in uit["termijnen"]}


def _ongerold(uit):
    return {t["id"]: date.fromisoformat(t["doorgeschoven_van"] or t["datum"]) for t in uit["termijnen"]}


@st.composite
def perioden(draw):
    """Een eerste ziektedag, 0-4 gesloten periodes met onderbrekingen < 28 dagen, en een open laatste periode."""
    D = draw(eerste_dagen)
    ziek, d = [], D
    for _ in range(draw(st.integers(0, 4))):
        lengte = draw(st.integers(1, 60))
        einde = d + (lengte - 1) * DAG
        ziek.append(f"{d.isoformat()}/{einde.isoformat()}")
        d = einde + (draw(st.integers(1, 27)) + 1) * DAG
    ziek.append(d.isoformat())
    return D, ziek


@instellingen
@given(perioden(), st.sampled_from([0, 13, 20]), st.sampled_from([0, 1, 52]))
def test_de_termijnen_komen_in_volgorde(p, v, l):
    D, ziek = p
    uit = bereken_dict({"ziek": ziek, "vrijwillige_verlenging_weken": v, "loonsanctie_weken": l})
    controleer_antwoord(uit)
    assert uit["eerste_ziektedag"] == D.isoformat()
    d = _datums(uit)
    reeks = [d[i] for i in VOLGORDE]
    assert reeks == sorted(reeks)
    assert [t["datum"] for t in uit["termijnen"]] == sorted(t["datum"] for t in uit["termijnen"])
    assert d["eindevaluatie"] < d["wia_aanvraag"] < d["laatste_loondoorbetalingsdag"] < d["einde_wachttijd"]


@instellingen
@given(eerste_dagen, st.integers(-3000, 3000))
def test_d_verschuiven_met_k_dagen_verschuift_elke_ongerolde_datum_met_k(D, k):
    E = D + k * DAG
    if not date(2014, 1, 1) <= E <= date(2090, 12, 31):
        return
    a, b = _ongerold(bereken_dict({"ziek": [D.isoformat()]})), _ongerold(bereken_dict({"ziek": [E.isoformat()]}))
    assert a.keys() == b.keys()
    for tid in a:
        assert b[tid] - a[tid] == k * DAG, tid


@instellingen
@given(eerste_dagen, st.integers(1, 21), st.integers(1, 27))
def test_een_onderbreking_korter_dan_28_dagen_schuift_latere_datums_met_g_op(D, lengte, g):
    zonder = _ongerold(bereken_dict({"ziek": [D.isoformat()]}))
    einde = D + (lengte - 1) * DAG
    met = _ongerold(bereken_dict({"ziek": [f"{D.isoformat()}/{einde.isoformat()}",
                                           (einde + (g + 1) * DAG).isoformat()]}))
    for tid, datum in zonder.items():
        # Alle termijnen liggen na dag 21 (de vroegste is cs(22)), dus na de eerste periode.
        assert met[tid] - datum == g * DAG, tid


@instellingen
@given(perioden())
def test_een_doorgeschoven_datum_is_een_werkdag_en_hooguit_5_dagen_later(p):
    _, ziek = p
    uit = bereken_dict({"ziek": ziek})
    t = next(t for t in uit["termijnen"] if t["id"] == "ziekmelding_uwv")
    datum, ongerold = date.fromisoformat(t["datum"]), date.fromisoformat(t["doorgeschoven_van"] or t["datum"])
    assert is_werkdag(datum)
    assert timedelta(0) <= datum - ongerold <= 5 * DAG
    if t["doorgeschoven_van"]:
        assert not is_werkdag(ongerold)


@instellingen
@given(eerste_dagen, st.integers(0, 800), st.integers(1, 30))
def test_de_huidige_ziekteweek_loopt_op_met_de_peildatum(D, dag, stap):
    p1, p2 = D + dag * DAG, D + (dag + stap) * DAG
    w1 = bereken_dict({"ziek": [D.isoformat()], "peildatum": p1.isoformat()})["huidige_ziekteweek"]
    w2 = bereken_dict({"ziek": [D.isoformat()], "peildatum": p2.isoformat()})["huidige_ziekteweek"]
    assert w1 == dag // 7 + 1
    assert w1 <= w2


json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=12)
    | st.sampled_from(["2026-01-05", "2026-01-05/2026-02-01", "2003-01-01", "9999-12-31", "0001-01-01"]),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind, max_size=4), max_leaves=12)
velden = st.sampled_from(["actie", "ziek", "verlof", "probleemanalyse_op", "eerstejaarsevaluatie_op",
                          "ziekmelding_uwv_op", "vrijwillige_verlenging_weken", "loonsanctie_weken", "peildatum"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(velden, json_waarden, max_size=6) | json_waarden)
def test_het_contract_werpt_nooit_en_geeft_altijd_json(verzoek):
    uit = json.loads(bereken(json.dumps(verzoek)))
    assert isinstance(uit, dict)
    controleer_antwoord(uit)  # ook bij willekeurige invoer past het antwoord in het gepubliceerde schema
    assert "fouten" in uit or "termijnen" in uit or "ics" in uit
    if "fouten" in uit:
        assert uit["fouten"] and all(f["melding"] for f in uit["fouten"])
        assert all("Interne fout" not in f["melding"] for f in uit["fouten"]), uit


@settings(max_examples=50, deadline=None)
@given(perioden(), st.sampled_from([None, "2026-11-23", "2030-01-01"]))
def test_snelle_json_weg_is_gelijk_aan_de_dict(p, peil):
    _, ziek = p
    verzoek = {"ziek": ziek, **({"peildatum": peil} if peil else {}), "ziekmelding_uwv_op": "2091-06-01"}
    assert json.loads(bereken(json.dumps(verzoek))) == json.loads(json.dumps(bereken_dict(verzoek)))


@settings(max_examples=80, deadline=None)
@given(perioden(), st.integers(-40, 800), st.booleans(), st.integers(-60, 700), st.sampled_from(["nl", None]))
def test_snelle_json_weg_is_byte_voor_byte_de_dict(p, peil_na, probleemanalyse, ziekmelding_na, taal):
    """De snelle weg van het contract (Uitkomst.als_json, ook het stuk eerstvolgende) geeft dezelfde bytes als
    json.dumps van het dict-antwoord, ook met verlopen stappen (gedaan_veld), "vandaag" en "over 1 dag"."""
    D, ziek = p
    verzoek = {"ziek": ziek, "peildatum": (D + peil_na * DAG).isoformat(),
               "ziekmelding_uwv_op": (D + ziekmelding_na * DAG).isoformat(), **({"taal": taal} if taal else {})}
    if probleemanalyse:
        verzoek["probleemanalyse_op"] = (D + 50 * DAG).isoformat()
    verwacht = bereken_dict(verzoek)
    assert "termijnen" in verwacht or "fouten" in verwacht
    assert bereken(json.dumps(verzoek)) == json.dumps(verwacht, ensure_ascii=False, separators=(",", ":"))


# Een tweede Regelset uit dezelfde bestanden: eigen caches (termijnen._per_regelset is per Regelset), die deze test
# leeg houdt. Zo is er een antwoord waarin elk signaal nieuw gemaakt is, naast dat van het contract.
_EIGEN_REGELS = laad_map(Path(regels_module.__file__).parent / "regels")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dates(min_value=date(2004, 1, 1), max_value=date(2098, 12, 31)), st.lists(st.integers(0, 60), max_size=4),
       st.integers(-40, 900), st.booleans(), st.booleans(), st.sampled_from(["nl", "en"]))
def test_bewaarde_signalen_zijn_gelijk_aan_nieuw_gemaakte(D, stukken, peil_na, hersteld, met_verlof, taal):
    """Het contract bewaart signalen waarvan de melding alleen van een dag of aantal afhangt (vast_signaal, issue 14,
    P7). Een bewaard signaal moet precies het signaal zijn dat nu gemaakt zou worden: anders noemt zijn sleutel niet
    alles wat de melding bepaalt. Vergeleken met een berekening zonder cache, na hetzelfde verzoek één keer vooraf
    (dan komt het tweede antwoord zeker uit de cache)."""
    ziek, d = [], D
    for i, lengte in enumerate(stukken):
        einde = d + lengte * DAG
        ziek.append(f"{d.isoformat()}/{einde.isoformat()}")
        d = einde + (2 + (lengte * 7 + i) % 30) * DAG  # onderbrekingen van 2 tot 31 dagen: soms een nieuw tijdvak
    ziek.append(f"{d.isoformat()}/{(d + 20 * DAG).isoformat()}" if hersteld else d.isoformat())
    verzoek = {"ziek": ziek, "peildatum": (D + peil_na * DAG).isoformat(), "taal": taal}
    if met_verlof:
        verzoek["verlof"] = [f"{d.isoformat()}/{(d + 9 * DAG).isoformat()}"]
    bereken(json.dumps(verzoek))
    antwoord = bereken(json.dumps(verzoek))
    try:
        invoer = lees_verzoek({k: v for k, v in verzoek.items() if k != "taal"}, taal)
        oud_max, termijnen_module._SIGNALEN_MAX = termijnen_module._SIGNALEN_MAX, 0
        try:
            zonder_cache = termijnen_module.bereken_uitkomst(invoer, _EIGEN_REGELS)
        finally:
            termijnen_module._SIGNALEN_MAX = oud_max
    except (InvoerFout, NietGedekt):
        assert "fouten" in json.loads(antwoord)
        return
    assert not termijnen_module._per_regelset(_EIGEN_REGELS).signalen
    if taal == "nl":
        assert antwoord == zonder_cache.als_json()
    assert json.loads(antwoord) == json.loads(json.dumps(zonder_cache.als_dict(taal)))


# Tekens rond de vorm JJJJ-MM-DD: ASCII-cijfers vaak, en wat fromisoformat anders zou kunnen lezen (weekdatum, spatie,
# plus, niet-ASCII-cijfers).
_DATUMTEKENS = st.sampled_from("0123456789" * 4 + "-W +_.:T/٠١٥２é")


@settings(max_examples=3000, deadline=None)
@given(st.lists(_DATUMTEKENS, min_size=10, max_size=10))
def test_fromisoformat_met_streepjes_op_4_en_7_leest_alleen_wat_lees_iso_leest(tekens):
    """De snelle weg van lees_verzoek leest een periode met date.fromisoformat zonder regex, als de tekst tien tekens
    heeft met streepjes op plaats 4 en 7 (issue 14, P7). Dat mag alleen als fromisoformat dan precies leest wat
    lees_iso leest: vier, twee en twee ASCII-cijfers en een bestaande dag."""
    from poortwachter.datums import lees_iso
    tekens[4] = tekens[7] = "-"
    tekst = "".join(tekens)
    try:
        gelezen = date.fromisoformat(tekst)
    except ValueError:
        gelezen = None
    assert gelezen == lees_iso(tekst)
