"""De regelgegevens: de echte bestanden zijn geldig en compleet; foute bestanden geven een fout met bestand en sleutel."""

from __future__ import annotations

from datetime import date

import pytest

from poortwachter.regels import RegelFout, laad_map, laad_regels, regels_als_dict

META = '[meta]\nversie = "test"\nlaatst_gecontroleerd = 2026-11-23\n'
GOED = '''
[probleemanalyse]
omschrijving = "Probleemanalyse"
rol = "werkgever"
grondslag = { regeling = "Regeling procesgang", artikel = "2", url = "https://wetten.overheid.nl/BWBR0013540" }
bronnen = [{ titel = "Regeling", url = "https://wetten.overheid.nl/BWBR0013540" }]
laatst_gecontroleerd = 2026-11-23

[[probleemanalyse.waarden]]
vanaf = 2002-04-01
week = 6
'''


def _schrijf(tmp_path, **bestanden):
    for naam, tekst in bestanden.items():
        (tmp_path / f"{naam}.toml").write_text(tekst, encoding="utf-8")
    return tmp_path


def test_de_fixture_zelf_is_geldig(tmp_path):
    rs = laad_map(_schrijf(tmp_path, meta=META, termijnen=GOED))
    assert rs["probleemanalyse"].waarde_op(date(2026, 1, 1)).velden == {"week": 6}


BRONNEN = 'bronnen = [{ titel = "Regeling", url = "https://wetten.overheid.nl/BWBR0013540" }]'


def _bron_gevallen(tekst: str, sleutel: str) -> list[tuple[str, str, str]]:
    """The same three source errors, for a rule and for a law change: no sources, an empty list, a source without url."""
    return [("ontbrekende bron", tekst.replace(BRONNEN + "\n", ""), f"{sleutel}.bronnen"),
            ("lege bronnenlijst", tekst.replace(BRONNEN, "bronnen = []"), f"{sleutel}.bronnen"),
            ("bron zonder url", tekst.replace(', url = "https://wetten.overheid.nl/BWBR0013540" }]', " }]"),
             f"{sleutel}.bronnen[0].url")]


@pytest.mark.parametrize("naam, tekst, sleutel", [
    *_bron_gevallen(GOED, "probleemanalyse"),
    ("onmogelijke datum", GOED.replace("vanaf = 2002-04-01", "vanaf = 2002-02-30"), "vanaf"),
    ("datum als tekst", GOED.replace("vanaf = 2002-04-01", 'vanaf = "1-4-2002"'), "probleemanalyse.waarden[0].vanaf"),
    ("dubbele sleutel", GOED.replace("week = 6", "week = 6\nweek = 7"), "week"),
    ("dubbele tabel", GOED + GOED.split("[[")[0], "probleemanalyse"),
    ("overlappende geldigheid (zelfde vanaf)", GOED + "\n[[probleemanalyse.waarden]]\nvanaf = 2002-04-01\nweek = 7\n",
     "probleemanalyse.waarden"),
    ("overlappende geldigheid (tot na de volgende vanaf)",
     GOED.replace("week = 6", "tot = 2010-12-31\nweek = 6") + "\n[[probleemanalyse.waarden]]\nvanaf = 2010-01-01\nweek = 7\n",
     "probleemanalyse.waarden"),
    ("ontbrekende grondslag", GOED.replace('grondslag = { regeling = "Regeling procesgang", artikel = "2", url = "https://wetten.overheid.nl/BWBR0013540" }\n', ""),
     "probleemanalyse.grondslag"),
    ("onbekende rol", GOED.replace('rol = "werkgever"', 'rol = "baas"'), "probleemanalyse.rol"),
    ("geen laatst_gecontroleerd", GOED.replace("laatst_gecontroleerd = 2026-11-23\n", ""),
     "probleemanalyse.laatst_gecontroleerd"),
    ("tikfout in een sleutel", GOED.replace("omschrijving =", "omschrijving = \"x\"\nomschrving ="),
     "probleemanalyse.omschrving"),
    ("sjabloon met onbekend veld", GOED.replace('laatst_gecontroleerd = 2026-11-23',
                                               'laatst_gecontroleerd = 2026-11-23\ntermijnen = { probleemanalyse = "week {weken}" }'),
     "probleemanalyse.termijnen.probleemanalyse"),
])
def test_foute_regelgegevens_noemen_bestand_en_sleutel(tmp_path, naam, tekst, sleutel):
    with pytest.raises(RegelFout) as fout:
        laad_map(_schrijf(tmp_path, meta=META, termijnen=tekst))
    melding = str(fout.value)
    assert melding.startswith("regels/termijnen.toml: "), melding
    assert f"'{sleutel}'" in melding, melding


def test_dezelfde_regel_in_twee_bestanden_noemt_beide_bestanden(tmp_path):
    with pytest.raises(RegelFout) as fout:
        laad_map(_schrijf(tmp_path, meta=META, a=GOED, b=GOED))
    assert "regels/b.toml: sleutel 'probleemanalyse'" in str(fout.value)
    assert "regels/a.toml" in str(fout.value)


def test_zonder_meta_geen_versie(tmp_path):
    with pytest.raises(RegelFout, match="meta"):
        laad_map(_schrijf(tmp_path, termijnen=GOED))


def test_de_echte_regelgegevens_zijn_geldig_en_hebben_bronnen():
    rs = laad_regels()
    assert rs.versie
    for rid, r in rs.regels.items():
        assert r.bronnen and all(b["url"].startswith("http") for b in r.bronnen), rid
        assert r.laatst_gecontroleerd <= rs.laatst_gecontroleerd


# calculators/README.md, "Regels voor site en pdf": deze ids en velden gebruikt de site; de namen liggen vast.
VERPLICHT = {
    "probleemanalyse": ["week"], "plan_van_aanpak": ["week", "dagen_na_probleemanalyse"],
    "evaluatie": ["interval_weken"], "ziekmelding_uwv": ["week"],
    "eerstejaarsevaluatie": ["vanaf_week", "week"],
    "start_spoor_2": ["week", "weken_na_eerstejaarsevaluatie", "maanden_terugkeer_eigen_organisatie"],
    "wachttijd": ["weken"], "loondoorbetaling": ["percentage"],
    "wia_aanvraag": ["week", "weken_voor_einde_wachttijd"], "uwv_wia_brief": ["week"], "eindevaluatie": [],
    "vervroegde_iva": ["vanaf_week", "uiterlijk_week"], "samentelling": ["onderbreking_dagen"],
    "vrijwillige_verlenging": ["minimum_weken"], "loonsanctie": ["maximum_weken"],
    "deskundigenoordeel": ["kosten_werkgever", "antwoordtijd_weken_min", "antwoordtijd_weken_max"],
    "boete_ziekmelding_uwv": ["banden"], "scholing_passende_arbeid": ["maanden"],
}


def test_regels_als_dict_heeft_de_afgesproken_ids_en_velden():
    import json
    d = regels_als_dict()
    json.dumps(d)  # JSON-baar
    assert d["versie"] and d["laatst_gecontroleerd"]
    for rid, velden in VERPLICHT.items():
        r = d["regels"][rid]
        for sleutel in ("omschrijving", "rol", "grondslag", "bronnen", "toelichting", "laatst_gecontroleerd", "waarde"):
            assert sleutel in r, (rid, sleutel)
        for veld in velden:
            assert veld in r["waarde"], (rid, veld)
        assert all(set(b) == {"titel", "url"} for b in r["bronnen"])


def test_regels_als_dict_geeft_de_waarde_die_op_de_peildatum_gold():
    assert regels_als_dict(date(2012, 1, 1))["regels"]["wia_aanvraag"]["waarde"]["week"] == 91
    assert regels_als_dict(date(2013, 7, 1))["regels"]["wia_aanvraag"]["waarde"]["week"] == 93
    assert regels_als_dict(date(2000, 1, 1))["regels"]["wia_aanvraag"]["waarde"] is None


def test_conflicten_tussen_bronnen_staan_in_een_toelichting():
    d = regels_als_dict()["regels"]
    for rid in ("probleemanalyse", "ziekmelding_uwv", "wachttijd", "uwv_wia_brief", "start_spoor_2",
                "eerstejaarsevaluatie", "vervroegde_iva"):
        assert d[rid]["toelichting"], rid


def test_datum_kort_is_zo_precies_als_de_bron():
    from poortwachter.berichten import datum_kort
    assert datum_kort(date(2002, 4, 1)) == "1 april 2002"
    assert datum_kort(date(2025, 12, 1), precisie="maand") == "december 2025"
    assert datum_kort(date(2008, 11, 1), precisie="jaar") == "2008"


def test_datum_nl():
    from poortwachter.datums import datum_nl
    assert datum_nl(date(2026, 10, 26)) == "maandag 26 oktober 2026"
    assert datum_nl(date(2024, 2, 29)) == "donderdag 29 februari 2024"
    assert datum_nl(date(2027, 3, 7)) == "zondag 7 maart 2027"


# ---------------------------------------------------------------- wetswijzigingen (issue 15 §2)

WIJZIGING = '''
[wetswijzigingen.voorbeeld]
datum = 2002-04-01
datum_soort = "in werking"
status = "geldt"
titel = "Probleemanalyse in week {week}"
wat = "De probleemanalyse moet uiterlijk in week {week} klaar zijn; eerder {oud}."
regel = "probleemanalyse"
velden = { oud = "nooit" }
bronnen = [{ titel = "Regeling", url = "https://wetten.overheid.nl/BWBR0013540" }]
laatst_gecontroleerd = 2026-12-01
'''


def test_een_geldige_wetswijziging_krijgt_de_getallen_uit_de_regel_op_haar_datum(tmp_path):
    rs = laad_map(_schrijf(tmp_path, meta=META, termijnen=GOED, wetswijzigingen=WIJZIGING))
    (w,) = rs.wetswijzigingen
    assert (w.titel, w.status, w.datum) == ("Probleemanalyse in week 6", "geldt", date(2002, 4, 1))
    assert w.wat == "De probleemanalyse moet uiterlijk in week 6 klaar zijn; eerder nooit."
    assert rs.laatst_gecontroleerd == date(2026, 12, 1)  # de nieuwste datum, ook over de wijzigingen


# (naam, te vervangen tekst, vervanging, sleutel onder wetswijzigingen.voorbeeld die de fout moet noemen)
FOUTE_WIJZIGINGEN = [
    ("onbekende status", 'status = "geldt"', 'status = "aangenomen"', "status"),
    ("geen status", 'status = "geldt"\n', "", "status"),
    ("geen laatst_gecontroleerd", "laatst_gecontroleerd = 2026-12-01\n", "", "laatst_gecontroleerd"),
    ("datum als tekst", "datum = 2002-04-01", 'datum = "april 2002"', "datum"),
    ("onbekende precisie", "datum_soort", 'datum_precisie = "seizoen"\ndatum_soort', "datum_precisie"),
    ("onbekende regel", 'regel = "probleemanalyse"', 'regel = "probleem"', "regel"),
    ("regel zonder waarde op de datum", "datum = 2002-04-01", "datum = 2001-04-01", "regel"),
    ("onbekend veld in de tekst", "{oud}", "{nieuw}", "wat"),
    ("onbekende regel bij bij_regels", 'regel = "probleemanalyse"', 'regel = "probleemanalyse"\nbij_regels = ["boete"]',
     "bij_regels"),
    ("tikfout in een sleutel", 'status = "geldt"', 'status = "geldt"\nstnd = "x"', "stnd"),
]


@pytest.mark.parametrize("naam, tekst, sleutel", [
    *[(naam, WIJZIGING.replace(oud, nieuw), f"wetswijzigingen.voorbeeld.{veld}")
      for naam, oud, nieuw, veld in FOUTE_WIJZIGINGEN],
    *_bron_gevallen(WIJZIGING, "wetswijzigingen.voorbeeld"),
])
def test_een_foute_wetswijziging_laat_het_laden_mislukken(tmp_path, naam, tekst, sleutel):
    with pytest.raises(RegelFout) as fout:
        laad_map(_schrijf(tmp_path, meta=META, termijnen=GOED, wetswijzigingen=tekst))
    assert fout.value.bestand == "regels/wetswijzigingen.toml"
    assert fout.value.sleutel == sleutel, (naam, str(fout.value))


def test_de_echte_wetswijzigingen_hebben_de_2025_2026_punten_met_hun_status():
    rs = laad_regels()
    per_id = {w.id: w for w in rs.wetswijzigingen}
    assert per_id["motie_dijk_yesilgoz"].status == "voorstel"
    assert "36 800 nr. 37" in per_id["motie_dijk_yesilgoz"].wat
    assert per_id["coalitieakkoord_aan_de_slag"].status == "voorstel"
    assert per_id["uwv_beslistermijn_wia_tijdelijk"].status == "geldt"
    assert per_id["uwv_beslistermijn_wia_tijdelijk"].datum == date(2026, 1, 1)
    assert per_id["boetebesluit_waarschuwing"].status == "voorstel"
    assert "36 785" in per_id["boetebesluit_waarschuwing"].stand
    # de oude beslistermijn in de tekst komt uit de regel riv_toets zoals die op 1 januari 2026 gold
    assert f"van {rs['riv_toets'].waarde_op(date(2026, 1, 1)).velden['beslistermijn_weken']} naar" \
        in per_id["uwv_beslistermijn_wia_tijdelijk"].wat
    datums = [w.datum for w in rs.wetswijzigingen]
    assert datums == sorted(datums)
    assert [w.id for w in rs.wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel",))] == ["boetebesluit_waarschuwing"]


def test_regels_als_dict_geeft_de_wetswijzigingen_json_baar():
    import json
    d = regels_als_dict()
    json.dumps(d["wetswijzigingen"])
    assert {w["status"] for w in d["wetswijzigingen"]} <= {"geldt", "voorstel", "ingetrokken", "niet bevestigd"}
    assert all(w["bronnen"] and w["laatst_gecontroleerd"] for w in d["wetswijzigingen"])


@pytest.mark.parametrize("gemeld, verwacht", [("2026-10-26", False), ("2026-10-27", True)])
def test_het_boetevoorstel_staat_naast_het_boetesignaal_alleen_bij_een_te_late_melding(gemeld, verwacht):
    import json
    from poortwachter import contract
    uit = json.loads(contract.bereken(json.dumps({"ziek": ["2026-01-05"], "ziekmelding_uwv_op": gemeld})))
    codes = [s["code"] for s in uit["signalen"]]
    assert ("ziekmelding_uwv_boete_voorstel" in codes) is verwacht
    assert ("ziekmelding_uwv_te_laat" in codes) is verwacht
    if verwacht:
        voorstel = next(s for s in uit["signalen"] if s["code"] == "ziekmelding_uwv_boete_voorstel")
        assert voorstel["melding"].startswith("Alleen een voorstel") and "voorstel" in voorstel["melding"]
        assert codes.index("ziekmelding_uwv_boete_voorstel") == codes.index("ziekmelding_uwv_te_laat") + 1
