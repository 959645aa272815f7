"""CLI: `poortwachter spoor2 --antwoord vraag=antwoord ... [--json]` and `poortwachter scenario ...`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spoor2_hulp import PEILDATUM, contract  # noqa: E402

POORTWACHTER = Path(sys.executable).parent / "poortwachter"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(POORTWACHTER), *args], capture_output=True, text=True, timeout=60)


def test_zonder_antwoorden_noemt_de_cli_de_eerste_vraag_en_de_mogelijke_antwoorden():
    uit = cli("spoor2", "--peildatum", PEILDATUM)
    assert uit.returncode == 0, uit.stderr
    vraag = contract({"actie": "spoor2", "antwoorden": {}, "peildatum": PEILDATUM})["vraag"]
    assert vraag["tekst"] in uit.stdout
    for a in vraag["antwoorden"]:
        assert f"--antwoord {vraag['id']}={a['waarde']}" in uit.stdout


def test_met_json_geeft_de_cli_precies_het_antwoord_van_het_contract():
    antwoorden = {"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "nee", "oneens": "nee",
                  "eerste_ziektedag": "2026-01-05"}
    args = [a for k, v in antwoorden.items() for a in ("--antwoord", f"{k}={v}")]
    uit = cli("spoor2", *args, "--peildatum", PEILDATUM, "--json")
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout) == contract({"actie": "spoor2", "antwoorden": antwoorden, "peildatum": PEILDATUM})


def test_de_tekstuitvoer_van_een_uitkomst_noemt_datum_dossier_en_bronnen():
    uit = cli("spoor2", "--antwoord", "benutbare_mogelijkheden=ja", "--antwoord", "terugkeer_eigen_organisatie=nee",
              "--antwoord", "oneens=nee", "--antwoord", "eerste_ziektedag=2026-01-05", "--peildatum", PEILDATUM)
    assert uit.returncode == 0, uit.stderr
    verwacht = contract({"actie": "spoor2", "peildatum": PEILDATUM, "antwoorden": {
        "benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "nee", "oneens": "nee",
        "eerste_ziektedag": "2026-01-05"}})["uitkomst"]
    assert verwacht["titel"] in uit.stdout and verwacht["datum"]["datum_tekst"] in uit.stdout
    assert "re-integratiedossier" in uit.stdout
    assert all(b["url"] in uit.stdout for b in verwacht["bronnen"])


@pytest.mark.parametrize("args,woord", [
    (["--antwoord", "benutbare_mogelijkheden=misschien"], "moet een van deze zijn"),
    (["--antwoord", "zomaar"], "vraag=antwoord"),
    (["--onbekend"], "onbekende opties"),
    (["--antwoord", "eerste_ziektedag=5-1-2026"], "JJJJ-MM-DD"),
])
def test_foute_invoer_geeft_een_nederlandse_melding_en_exitcode_2(args, woord):
    uit = cli("spoor2", *args, "--peildatum", PEILDATUM)
    assert uit.returncode == 2
    assert woord in uit.stderr
    assert "Traceback" not in uit.stderr


def test_scenario_cli_met_json_is_het_contract():
    uit = cli("scenario", "--ziek", "2026-01-05", "--loonsanctie-weken", "20", "--weekloon", "700",
              "--peildatum", PEILDATUM, "--json")
    assert uit.returncode == 0, uit.stderr
    assert json.loads(uit.stdout) == contract({"actie": "scenario", "ziek": ["2026-01-05"], "loonsanctie_weken": "20",
                                               "weekloon": "700", "peildatum": PEILDATUM})


def test_scenario_cli_tekst_en_fout():
    goed = cli("scenario", "--ziek", "2026-01-05", "--peildatum", PEILDATUM)
    assert goed.returncode == 0 and "geen advies" in goed.stdout and "Vervroegde IVA" in goed.stdout
    fout = cli("scenario", "--ziek", "2026-01-05", "--loonsanctie-weken", "9999", "--peildatum", PEILDATUM)
    assert fout.returncode == 2 and "loonsanctie" in fout.stderr.lower()
