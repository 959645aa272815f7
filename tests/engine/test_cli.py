"""De CLI als subprocess: uitvoer, en bij elke foute invoer exit 2 met één Nederlandse regel (issue 3 §4-5)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "poortwachter"
PUBLIEK = Path(__file__).resolve().parents[2] / "tests" / "browser" / "public-cases.json"  # in de repo


def draai(*args: str, module: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "poortwachter", *args] if module else [str(BIN), *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def test_json_uitvoer_van_het_commando():
    r = draai("termijnen", "--ziek", "2026-01-05", "--peildatum", "2026-11-23", "--json")
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["eerste_ziektedag"] == "2026-01-05"
    assert uit["huidige_ziekteweek"] == 47
    assert set(uit["regels"]) == {"versie", "laatst_gecontroleerd"}
    for t in uit["termijnen"]:
        assert {"id", "datum", "datum_tekst", "ziekteweek", "omschrijving", "rol", "bronnen", "toelichting"} <= set(t)


def test_python_m_poortwachter_doet_hetzelfde():
    a = draai("termijnen", "--ziek", "2026-01-05", "--json")
    b = draai("termijnen", "--ziek", "2026-01-05", "--json", module=True)
    assert a.returncode == b.returncode == 0
    assert a.stdout == b.stdout


def test_leesbare_tabel_zonder_json():
    r = draai("termijnen", "--ziek", "2026-01-05")
    assert r.returncode == 0
    assert "zondag 15 februari 2026" in r.stdout
    assert "maandag 26 oktober 2026" in r.stdout
    kop = next(regel for regel in r.stdout.splitlines() if regel.startswith("Week"))
    for woord in ("Week", "Datum", "Wat", "Wie", "Bron"):
        assert woord in kop


def test_ics_uitvoer():
    r = draai("termijnen", "--ziek", "2026-01-05", "--peildatum", "2026-11-23", "--ics")
    assert r.returncode == 0
    assert r.stdout.startswith("BEGIN:VCALENDAR")


def _publieke():
    return [pytest.param(g, id=g["naam"]) for g in json.loads(PUBLIEK.read_text(encoding="utf-8"))["gevallen"]]


@pytest.mark.parametrize("geval", _publieke())
def test_publiek_geval_via_de_cli(geval):
    r = draai("termijnen", *geval["args"], "--json")
    assert r.returncode == 0, r.stderr
    uit = json.loads(r.stdout)
    assert uit["eerste_ziektedag"] == geval["verwacht"]["eerste_ziektedag"]
    datums = {t["id"]: t["datum"] for t in uit["termijnen"]}
    assert {k: datums[k] for k in geval["verwacht"]["termijnen"]} == geval["verwacht"]["termijnen"]


FOUTEN = [
    (["--ziek", "2026-02-30"], "--ziek", "bestaat niet"),
    (["--ziek", "5-1-2026"], "--ziek", "JJJJ-MM-DD"),
    (["--ziek", ""], "--ziek", "leeg"),
    (["--ziek", "2026-03-01/2026-02-01"], "--ziek", "vóór de begindatum"),
    (["--ziek", "2026-01-01/2026-03-01", "--ziek", "2026-02-01"], "--ziek", "overlapt"),
    (["--ziek", "2026-01-01", "--ziek", "2026-05-01"], "--ziek", "alleen de laatste"),
    (["--ziek", "2026-01-05", "--verlof", "2025-01-01/2025-02-01"], "--verlof", "buiten alle ziekteperiodes"),
    (["--ziek", "2026-01-05", "--vrijwillige-verlenging-weken", "12"], "--vrijwillige-verlenging-weken", "ten minste 13"),
    (["--ziek", "2026-01-05", "--loonsanctie-weken", "53"], "--loonsanctie-weken", "ten hoogste 52"),
    (["--ziek", "2026-01-05", "--loonsanctie-weken", "0"], "--loonsanctie-weken", "geen loonsanctie"),
    (["--ziek", "2026-01-05", "--loonsanctie-weken", "x"], "--loonsanctie-weken", "geen geheel aantal"),
    (["--ziek", "2003-12-31"], "--ziek", "Niet gedekt"),
    (["--ziek", "2099-06-01"], "--ziek", "Niet gedekt"),
    (["--ziek", "2026-01-05", "--peildatum", "23-11-2026"], "--peildatum", "JJJJ-MM-DD"),
    (["--ziek", "2026-01-05", "--probleemanalyse-op", "2026-13-01"], "--probleemanalyse-op", "bestaat niet"),
    (["--ziek", "2026-01-05", "--ziekmelding-uwv-op", "2025-01-01"], "--ziekmelding-uwv-op", "vóór de eerste ziektedag"),
    (["--ziek", "2026-01-05", "--onzin"], "--onzin", "onbekende optie"),
    ([], "--ziek", "verplicht"),
    (["--ziek"], "--ziek", "verwacht een waarde"),
]


@pytest.mark.parametrize("args, optie, stuk", FOUTEN, ids=[" ".join(f[0]) or "(niets)" for f in FOUTEN])
def test_foute_invoer_geeft_exit_2_en_een_nederlandse_regel(args, optie, stuk):
    r = draai("termijnen", *args)
    assert r.returncode == 2
    assert r.stdout == ""
    regels = r.stderr.splitlines()
    assert len(regels) == 1, r.stderr
    assert optie in regels[0] and stuk in regels[0], regels[0]
    assert "Traceback" not in r.stderr


def test_zonder_opdracht_exit_2():
    r = draai()
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1 and "termijnen" in r.stderr
