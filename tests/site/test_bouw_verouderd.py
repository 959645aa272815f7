"""De sitebouw waarschuwt voor verouderde regels, maar faalt daar nooit op (issue 15 §4): verstreken tijd mag CI
niet breken. Roept scripts/build_site.waarschuw_verouderd aan met een peildatum, zonder de hele site te bouwen."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_site  # noqa: E402

from poortwachter.datums import plus_maanden  # noqa: E402
from poortwachter.regels import laad_regels, verouderde_regels  # noqa: E402


def test_de_bouw_noemt_verouderde_regels_als_waarschuwing(capsys):
    oudste = min(r.laatst_gecontroleerd for r in laad_regels().regels.values())
    later = plus_maanden(oudste, build_site.MAANDEN_VEROUDERD) + timedelta(days=1)
    tekst = build_site.waarschuw_verouderd(later.isoformat())
    assert tekst.startswith("WAARSCHUWING: deze regels zijn langer dan 12 maanden niet gecontroleerd")
    for regel in verouderde_regels(later, build_site.MAANDEN_VEROUDERD):
        assert f"{regel.id} ({regel.bestand})" in tekst
    assert tekst in capsys.readouterr().err


def test_zonder_verouderde_regels_zegt_de_bouw_niets(capsys):
    oudste = min(r.laatst_gecontroleerd for r in laad_regels().regels.values())
    assert build_site.waarschuw_verouderd(oudste.isoformat()) == ""
    assert capsys.readouterr().err == ""


def test_ook_als_de_controle_zelf_stukgaat_faalt_de_bouw_niet(capsys):
    tekst = build_site.waarschuw_verouderd("2026-12-02", python=str(ROOT / "bestaat-niet" / "python"))
    assert tekst.startswith("WAARSCHUWING: de controle op verouderde regels lukte niet")
    tekst = build_site.waarschuw_verouderd("geen-datum")  # de CLI weigert: exit 2, toch geen uitzondering
    assert tekst.startswith("WAARSCHUWING: de controle op verouderde regels lukte niet (exit 2)")


def test_in_dit_proces_dezelfde_tekst_als_met_een_eigen_python(capsys):
    """De bouw draait de controle in zijn eigen proces (issue 14, P6); het commando in een eigen interpreter geeft
    dezelfde waarschuwing."""
    oudste = min(r.laatst_gecontroleerd for r in laad_regels().regels.values())
    later = (plus_maanden(oudste, build_site.MAANDEN_VEROUDERD) + timedelta(days=1)).isoformat()
    assert build_site.waarschuw_verouderd(later) == build_site.waarschuw_verouderd(later, python=sys.executable)


def test_een_uitzondering_in_de_controle_breekt_de_bouw_niet(capsys, monkeypatch):
    import poortwachter.cli

    def stuk(argv):
        raise ImportError("kapot")

    monkeypatch.setattr(poortwachter.cli, "main", stuk)
    tekst = build_site.waarschuw_verouderd("2026-12-02")
    assert tekst == "WAARSCHUWING: de controle op verouderde regels lukte niet (ImportError: kapot)"
    assert tekst in capsys.readouterr().err
