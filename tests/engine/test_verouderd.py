"""Verouderde regels (issue 15 §4): ``poortwachter regels --verouderd`` en :func:`verouderde_regels`, met de
peildatum als parameter. De grens is ``laatst_gecontroleerd`` plus N kalendermaanden: getest op de dag ervoor, op
de dag zelf en de dag erna. En: de uitsteldatum van spoor 2 als gedateerde regel van de rekenkern (§5)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from poortwachter.datums import plus_maanden
from poortwachter.regels import laad_regels, verouderde_regels
from poortwachter.termijnen import uitstel_spoor_2_controledatum

BIN = Path(sys.executable).parent / "poortwachter"


def draai(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "regels", *args], capture_output=True, text=True, timeout=60)


def _oudste() -> date:
    return min(r.laatst_gecontroleerd for r in laad_regels().regels.values())


@pytest.mark.parametrize("maanden", [12, 3, 0])
def test_de_grens_ligt_precies_n_maanden_na_de_oudste_controle(maanden):
    oudste = _oudste()
    grens = plus_maanden(oudste, maanden)  # vanaf de dag na de grens is de oudste regel verouderd
    assert verouderde_regels(grens - timedelta(days=1), maanden) == []
    assert verouderde_regels(grens, maanden) == []
    oud = verouderde_regels(grens + timedelta(days=1), maanden)
    assert oud and all(r.laatst_gecontroleerd == oudste for r in oud)
    assert {r.id for r in oud} == {r.id for r in laad_regels().regels.values() if r.laatst_gecontroleerd == oudste}


def test_de_cli_noemt_verouderde_regels_met_hun_bronnen_en_eindigt_met_0():
    later = plus_maanden(_oudste(), 12) + timedelta(days=1)
    r = draai("--verouderd", "--peildatum", later.isoformat())
    assert r.returncode == 0, r.stderr
    oud = verouderde_regels(later, 12)
    for regel in oud:
        assert f"{regel.id} ({regel.bestand})" in r.stdout
        for b in regel.bronnen:
            assert b["url"] in r.stdout


def test_de_cli_zonder_verouderde_regels_zegt_dat_en_eindigt_met_0():
    r = draai("--verouderd", "--maanden", "12", "--peildatum", _oudste().isoformat())
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Geen regel is langer dan 12 maanden")


def test_de_cli_zonder_opties_toont_elke_regel_met_zijn_controledatum():
    r = draai()
    assert r.returncode == 0
    for regel in laad_regels().regels.values():
        assert f"{regel.id}: laatst gecontroleerd {regel.laatst_gecontroleerd.isoformat()}" in r.stdout


@pytest.mark.parametrize("args", [["--verouderd", "--peildatum", "2026-13-01"], ["--verouderd", "--maanden", "-1"],
                                  ["--verouderd", "--maanden", "twaalf"]])
def test_foute_opties_geven_exit_2_met_een_nederlandse_melding(args):
    r = draai(*args)
    assert r.returncode == 2
    assert "fout:" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("eje, verwacht", [
    (date(2027, 1, 3), date(2027, 4, 3)),
    (date(2026, 11, 30), date(2027, 2, 28)),   # 30 februari bestaat niet: de laatste dag van februari
    (date(2027, 11, 30), date(2028, 2, 29)),   # schrikkeljaar
    (date(2026, 12, 31), date(2027, 3, 31)),
])
def test_controledatum_bij_uitstel_van_spoor_2(eje, verwacht):
    maanden = laad_regels()["start_spoor_2"].nieuwste.velden["maanden_terugkeer_eigen_organisatie"]
    assert maanden == 3  # de verwachte datums hieronder zijn met de hand uitgerekend voor 3 maanden
    assert uitstel_spoor_2_controledatum(date(2026, 1, 5), eje) == (verwacht, maanden)
