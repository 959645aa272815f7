"""English twins in the rule data (issue 13, "both languages in the same data files").

Every Dutch text field of regels/*.toml has an English twin `<veld>_en` next to it: non-empty, not a copy of the Dutch,
with the same `{velden}` (they are filled from the same values). A twin never stands without its Dutch field.
`regels_als_dict()` hands the twins to the site after the Dutch fields, which stay exactly as they were.

Read from the TOML sources themselves, so that a failure names the file and the key. Not text in this sense: `rol`
(translated by the message catalogue), `grondslag` and `bronnen` (names and titles of Dutch laws and documents),
and the values (`waarden`, `velden`: numbers, dates and the Dutch names of public holidays).
"""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import pytest

from poortwachter.regels import RegelFout, laad_regels, laad_teksten, regels_als_dict

ROOT = Path(__file__).resolve().parents[2]
REGELS = ROOT / "calculators" / "src" / "poortwachter" / "regels"

#: The Dutch text fields of a rule and of a law change (wetswijziging).
REGEL_TEKST = ("omschrijving", "toelichting")
WIJZIGING_TEKST = ("titel", "wat", "datum_soort", "stand")
REGEL_DICT = ["omschrijving", "rol", "grondslag", "bronnen", "toelichting", "laatst_gecontroleerd", "waarde",
              "waarde_vanaf", "waarden", "termijnen"]
WIJZIGING_DICT = ["id", "datum", "datum_precisie", "datum_soort", "status", "titel", "wat", "stand", "bij_regels",
                  "bronnen", "laatst_gecontroleerd"]


def _velden(tekst: str) -> list[str]:
    return sorted(naam for _, naam, _, _ in string.Formatter().parse(tekst) if naam is not None)


def _bestanden() -> list[tuple[str, str]]:
    return [(f"regels/{p.name}", p.read_text(encoding="utf-8")) for p in sorted(REGELS.glob("*.toml"))]


def _tabellen():
    """(plaats, tabel, tekstvelden) for every rule and every law change in the TOML sources."""
    for naam, tekst in _bestanden():
        for sleutel, ruw in tomllib.loads(tekst).items():
            if sleutel == "meta":
                continue
            if sleutel == "wetswijzigingen":
                for wid, w in ruw.items():
                    yield f"{naam}: wetswijzigingen.{wid}", w, WIJZIGING_TEKST
            else:
                yield f"{naam}: {sleutel}", ruw, REGEL_TEKST


def _problemen(plaats: str, tabel: dict, velden: tuple[str, ...]) -> list[str]:
    uit = []
    for veld in velden:
        if veld not in tabel:
            if f"{veld}_en" in tabel:
                uit.append(f"{plaats}.{veld}_en staat er zonder {veld}")
            continue
        nl, en = tabel[veld], tabel.get(f"{veld}_en")
        if en is None:
            uit.append(f"{plaats}.{veld}_en ontbreekt")
        elif not isinstance(en, str) or not en.strip():
            uit.append(f"{plaats}.{veld}_en is leeg")
        elif " ".join(en.split()) == " ".join(nl.split()):
            uit.append(f"{plaats}.{veld}_en is gelijk aan het Nederlands")
        elif _velden(en) != _velden(nl):
            uit.append(f"{plaats}.{veld}_en heeft velden {_velden(en)}, {veld} heeft {_velden(nl)}")
    for sleutel in tabel:
        if sleutel.endswith("_en") and sleutel[:-3] not in tabel:
            uit.append(f"{plaats}.{sleutel} staat er zonder {sleutel[:-3]}")
    return uit


def test_elk_nederlands_tekstveld_in_de_regelgegevens_heeft_een_engelse_tweeling():
    tabellen = list(_tabellen())
    assert len(tabellen) >= 40  # the rules and the law changes were all found
    problemen = [p for plaats, tabel, velden in tabellen for p in _problemen(plaats, tabel, velden)]
    assert not problemen, "\n".join(problemen)


def test_de_controle_vindt_een_ontbrekende_lege_of_gekopieerde_tweeling():
    tabel = {"omschrijving": "Een regel met {week}", "omschrijving_en": "A rule with {week}",
             "toelichting": "Uitleg", "toelichting_en": "Uitleg", "stand_en": "Status"}
    assert _problemen("x: r", tabel, REGEL_TEKST) == ["x: r.toelichting_en is gelijk aan het Nederlands",
                                                      "x: r.stand_en staat er zonder stand"]
    assert _problemen("x: r", {"omschrijving": "Een {week}", "omschrijving_en": "A {weken}"}, REGEL_TEKST) == [
        "x: r.omschrijving_en heeft velden ['weken'], omschrijving heeft ['week']"]
    assert _problemen("x: w", {"titel": "T", "wat": "W", "wat_en": " "}, WIJZIGING_TEKST) == [
        "x: w.titel_en ontbreekt", "x: w.wat_en is leeg"]


def test_regels_als_dict_zet_de_tweelingen_achter_de_nederlandse_velden():
    rs = laad_regels()
    d = regels_als_dict()
    for rid, r in d["regels"].items():
        sleutels = list(r)
        assert sleutels[:len(REGEL_DICT)] == REGEL_DICT, rid
        assert all(k.endswith("_en") for k in sleutels[len(REGEL_DICT):]), rid
        assert r["omschrijving_en"] == rs[rid].omschrijving_en, rid
        assert r.get("toelichting_en") == rs[rid].toelichting_en, rid
        assert r.get("termijnen_en", {}) == dict(rs[rid].termijnen_en), rid
    per_id = {w.id: w for w in rs.wetswijzigingen}
    for w in d["wetswijzigingen"]:
        sleutels = list(w)
        assert sleutels[:len(WIJZIGING_DICT)] == WIJZIGING_DICT, w["id"]
        assert all(k.endswith("_en") for k in sleutels[len(WIJZIGING_DICT):]), w["id"]
        bron = per_id[w["id"]]
        assert (w["titel_en"], w["wat_en"], w["datum_soort_en"], w.get("stand_en")) == (
            bron.titel_en, bron.wat_en, bron.datum_soort_en, bron.stand_en)
        # filled like the Dutch: no {veld} left
        assert "{" not in w["titel_en"] + w["wat_en"], w["id"]


def test_regels_als_dict_vult_de_engelse_titel_met_dezelfde_getallen():
    d = {w["id"]: w for w in regels_als_dict()["wetswijzigingen"]}
    w = d["uwv_beslistermijn_wia_tijdelijk"]
    getallen = re.findall(r"\d+", w["titel"])
    assert getallen and re.findall(r"\d+", w["titel_en"]) == getallen


def _met(vervang: tuple[str, str], bestand: str = "wetswijzigingen.toml") -> list[tuple[str, str]]:
    oud, nieuw = vervang
    uit = []
    for naam, tekst in _bestanden():
        if naam.endswith(bestand):
            assert oud in tekst
            tekst = tekst.replace(oud, nieuw, 1)
        uit.append((naam, tekst))
    return uit


@pytest.mark.parametrize("vervang, sleutel", [
    # a stand_en without stand
    (('wat = "De WIA vervangt de WAO."', 'wat = "De WIA vervangt de WAO."\nstand_en = "Status"'),
     "wetswijzigingen.wia_vervangt_wao.stand_en"),
    # a titel_en with another field than its titel
    (('titel_en = "UWV temporarily decides on a WIA application within {tijdelijke_beslistermijn_weken} weeks"',
      'titel_en = "UWV temporarily decides on a WIA application within {beslistermijn_weken} weeks"'),
     "wetswijzigingen.uwv_beslistermijn_wia_tijdelijk.titel_en"),
    # an empty datum_soort_en
    (('datum_soort_en = "withdrawn"', 'datum_soort_en = " "'),
     "wetswijzigingen.bedrijfsarts_leidend_ingetrokken.datum_soort_en"),
])
def test_een_foute_engelse_tweeling_van_een_wetswijziging_laadt_niet(vervang, sleutel):
    with pytest.raises(RegelFout) as fout:
        laad_teksten(_met(vervang))
    assert fout.value.sleutel == sleutel


def test_een_regel_zonder_termijnen_mag_een_engelse_omschrijving_hebben_maar_geen_lege():
    rs = laad_teksten(_bestanden())
    assert not rs["loonsanctie"].termijnen and rs["loonsanctie"].omschrijving_en
    oud = next(r for r in tomllib.loads((REGELS / "verlenging.toml").read_text(encoding="utf-8")).values()
               if r.get("omschrijving") == rs["loonsanctie"].omschrijving)["omschrijving_en"]
    with pytest.raises(RegelFout) as fout:
        laad_teksten(_met((f'omschrijving_en = "{oud}"', 'omschrijving_en = ""'), "verlenging.toml"))
    assert fout.value.sleutel == "loonsanctie.omschrijving_en"
