"""Alle regressiegevallen uit tests/cases/*.json (elk genoemd naar een Nederlandse zin) en de publieke gevallen.

De verwachte waarden in tests/cases zijn afgeleid uit de rekenregels door tests/cases/maak_gevallen.py, dat niets
uit de rekenkern gebruikt; zie de "uitleg" bij elk geval.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from schemahulp import controleer_antwoord  # noqa: E402
CASES = ROOT / "tests" / "cases"
PUBLIEK = ROOT / "tests" / "browser" / "public-cases.json"  # de publieke rekenvoorbeelden, in de repo


def bereken(verzoek: dict) -> dict:
    from poortwachter.contract import bereken as _bereken
    uit = _bereken(json.dumps(verzoek))
    assert isinstance(uit, str)
    antwoord = json.loads(uit)
    controleer_antwoord(antwoord)  # elk antwoord van deze tests past in het gepubliceerde antwoord.schema.json
    return antwoord


def _gevallen(soort: str):
    uit = []
    for pad in sorted(CASES.glob("*.json")):
        for geval in json.loads(pad.read_text(encoding="utf-8")):
            if (soort == "werkdag") == ("werkdag" in geval):
                uit.append(pytest.param(geval, id=f"{pad.stem}: {geval['naam']}"))
    return uit


def test_er_zijn_minstens_zestig_eigen_gevallen():
    assert len(_gevallen("termijnen")) + len(_gevallen("werkdag")) >= 60


@pytest.mark.parametrize("geval", _gevallen("termijnen"))
def test_geval(geval):
    uit = bereken(geval["invoer"])
    verwacht = geval["verwacht"]
    if "fouten" in verwacht:
        from poortwachter.contract import FOUT_CODES
        assert "fouten" in uit, uit
        # Each expected error (veld, index or sleutel, and its code) is one of the errors given, key for key.
        for f in verwacht["fouten"]:
            assert any(all(k in g and g[k] == v for k, v in f.items()) for g in uit["fouten"]), (f, uit["fouten"])
        termijnen = not isinstance(geval["invoer"], dict) or geval["invoer"].get("actie", "termijnen") == "termijnen"
        for f in uit["fouten"]:
            assert f["melding"]
            assert f["code"] in FOUT_CODES, f
            if termijnen:  # the order of the keys is part of the contract: "code" came last, within v1
                assert f["melding"][0].isupper()  # (the beslishulp starts some messages with the question id)
                assert list(f) == ["veld", "index", "optie", "melding", "code"]
            else:
                assert {"veld", "optie", "melding", "code"} <= set(f) <= {"veld", "index", "sleutel", "optie",
                                                                          "melding", "code"}
                assert list(f)[-2:] == ["melding", "code"]
        return
    assert "fouten" not in uit, uit
    if "eerste_ziektedag" in verwacht:
        assert uit["eerste_ziektedag"] == verwacht["eerste_ziektedag"]
    datums = {t["id"]: t["datum"] for t in uit["termijnen"]}
    for tid, datum in verwacht.get("termijnen", {}).items():
        assert datums[tid] == datum, f"{tid}: {datums[tid]} != {datum}"
    weken = {t["id"]: t["ziekteweek"] for t in uit["termijnen"]}
    for tid, week in verwacht.get("ziekteweek", {}).items():
        assert weken[tid] == week, tid
    codes = [s["code"] for s in uit["signalen"]]
    for code in verwacht.get("signalen", []):
        assert code in codes, (code, uit["signalen"])
    for code in verwacht.get("geen_signalen", []):
        assert code not in codes, (code, uit["signalen"])
    # Signalen bij één termijn (veld "termijn" van het signaal).
    for tid, codes in verwacht.get("signalen_bij", {}).items():
        for code in codes:
            assert any(s["code"] == code and s["termijn"] == tid for s in uit["signalen"]), (tid, code, uit["signalen"])
    for tid, codes in verwacht.get("geen_signalen_bij", {}).items():
        for code in codes:
            assert not any(s["code"] == code and s["termijn"] == tid for s in uit["signalen"]), (tid, code)
    if "huidige_ziekteweek" in verwacht:
        assert uit["huidige_ziekteweek"] == verwacht["huidige_ziekteweek"]
    if "eerstvolgende" in verwacht:
        gekregen = [[e["id"], e["datum"], e["dagen"], e["tekst"]] for e in uit["eerstvolgende"]]
        assert gekregen == verwacht["eerstvolgende"]
        for e in uit["eerstvolgende"]:  # the rest of each entry is the timeline's own step
            t = next(t for t in uit["termijnen"] if t["id"] == e["id"])
            assert {k: e[k] for k in ("datum_tekst", "ziekteweek", "omschrijving", "rol", "soort")} == \
                {k: t[k] for k in ("datum_tekst", "ziekteweek", "omschrijving", "rol", "soort")}
            assert e["gedaan_veld"] == (f"{e['id']}_op" if e["dagen"] < 0 else None)
    meldingen = " ".join(s["melding"] for s in uit["signalen"])
    for stuk in verwacht.get("melding_bevat", []):
        assert stuk in meldingen, (stuk, meldingen)


@pytest.mark.parametrize("geval", _gevallen("werkdag"))
def test_werkdag(geval):
    from poortwachter.kalender import feestdag_naam, is_werkdag
    w = geval["werkdag"]
    d = date.fromisoformat(w["datum"])
    assert is_werkdag(d) is w["is_werkdag"]
    assert feestdag_naam(d) == w["feestdag"]


def _publieke():
    return [pytest.param(g, id=g["naam"]) for g in json.loads(PUBLIEK.read_text(encoding="utf-8"))["gevallen"]]


def _args_naar_verzoek(args: list[str]) -> dict:
    verzoek: dict = {}
    i = 0
    while i < len(args):
        optie, waarde = args[i], args[i + 1] if i + 1 < len(args) else None
        veld = optie.lstrip("-").replace("-", "_")
        if veld in ("ziek", "verlof"):
            verzoek.setdefault(veld, []).append(waarde)
        elif veld.endswith("_weken"):
            verzoek[veld] = int(waarde)
        else:
            verzoek[veld] = waarde
        i += 2
    return verzoek


@pytest.mark.parametrize("geval", _publieke())
def test_publiek_geval_via_contract(geval):
    uit = bereken(_args_naar_verzoek(geval["args"]))
    assert uit["eerste_ziektedag"] == geval["verwacht"]["eerste_ziektedag"]
    datums = {t["id"]: t["datum"] for t in uit["termijnen"]}
    assert {k: datums[k] for k in geval["verwacht"]["termijnen"]} == geval["verwacht"]["termijnen"]
