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


@pytest.mark.parametrize("naam, tekst, sleutel", [
    ("ontbrekende bron", GOED.replace('bronnen = [{ titel = "Regeling", url = "https://wetten.overheid.nl/BWBR0013540" }]\n', ""),
     "probleemanalyse.bronnen"),
    ("lege bronnenlijst", GOED.replace('bronnen = [{ titel = "Regeling", url = "https://wetten.overheid.nl/BWBR0013540" }]', "bronnen = []"),
     "probleemanalyse.bronnen"),
    ("bron zonder url", GOED.replace(', url = "https://wetten.overheid.nl/BWBR0013540" }]', ' }]'),
     "probleemanalyse.bronnen[0].url"),
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


def test_datum_nl():
    from poortwachter.datums import datum_nl
    assert datum_nl(date(2026, 10, 26)) == "maandag 26 oktober 2026"
    assert datum_nl(date(2024, 2, 29)) == "donderdag 29 februari 2024"
    assert datum_nl(date(2027, 3, 7)) == "zondag 7 maart 2027"
