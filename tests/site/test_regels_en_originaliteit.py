"""The prose follows the rules (change a rule in a copy, rebuild, see the page change) and the text is our own."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import originaliteit  # noqa: E402
import sitehulp  # noqa: E402
from originaliteit import overlap  # noqa: E402
from sitehulp import ROOT, paginas, zichtbare_tekst  # noqa: E402

REGELBESTAND = ROOT / "calculators" / "src" / "poortwachter" / "regels" / "termijnen.toml"


def _stap_html(html: str, stap_id: str) -> str:
    """The part of a page from the step's heading to the next h2."""
    begin = html.index(f'<h2 id="{stap_id}"')
    eind = html.find("<h2 ", begin + 10)
    return html[begin:eind if eind > 0 else None]


@pytest.fixture(scope="module")
def gewijzigde_site(tmp_path_factory):
    """A copy of the repo with ziekmelding_uwv.week raised by one, built with PYTHONPATH at the copied engine."""
    kopie = sitehulp.kopieer_project(tmp_path_factory.mktemp("kopie") / "repo")
    regels = tomllib.loads(REGELBESTAND.read_text(encoding="utf-8"))
    oud = regels["ziekmelding_uwv"]["waarden"][-1]["week"]
    nieuw = oud + 1
    toml = kopie / REGELBESTAND.relative_to(ROOT)
    tekst = toml.read_text(encoding="utf-8")
    blok = tekst.rindex("[[ziekmelding_uwv.waarden]]")
    rest = re.sub(r"^week = \d+$", f"week = {nieuw}", tekst[blok:], count=1, flags=re.M)
    toml.write_text(tekst[:blok] + rest, encoding="utf-8")
    assert tomllib.loads(toml.read_text(encoding="utf-8"))["ziekmelding_uwv"]["waarden"][-1]["week"] == nieuw
    uit = kopie / "gebouwd"
    res = sitehulp.bouw_site(kopie, uit, env={"PYTHONPATH": str(kopie / "calculators" / "src")})
    assert res.returncode == 0, res.stdout + res.stderr
    return {"site": uit, "oud": oud, "nieuw": nieuw}


def test_proza_volgt_de_regels(site, gewijzigde_site):
    oud, nieuw = gewijzigde_site["oud"], gewijzigde_site["nieuw"]
    voor = _stap_html((site / "tijdlijn" / "index.html").read_text(encoding="utf-8"), "ziekmelding_uwv")
    na = _stap_html((gewijzigde_site["site"] / "tijdlijn" / "index.html").read_text(encoding="utf-8"), "ziekmelding_uwv")
    wanneer = re.compile(r'<p class="pw-wanneer">(.*?)</p>', re.S)
    assert f"na week {oud}" in wanneer.search(voor).group(1)
    assert f"na week {nieuw}" in wanneer.search(na).group(1)
    assert f"na week {oud}" not in wanneer.search(na).group(1)
    # the worked example date comes from the copied engine as well
    datum = re.compile(r'datetime="([0-9-]+)" data-termijn="ziekmelding_uwv"')
    assert datum.search(voor).group(1) < datum.search(na).group(1)
    # and the diagram drawn at build time
    fasen_na = (gewijzigde_site["site"] / "fasen" / "index.html").read_text(encoding="utf-8")
    assert f"na week {nieuw}: melding UWV" in fasen_na


def test_engelse_proza_volgt_de_regels(site, gewijzigde_site):
    """The English edition renders the same rule values: timeline step, worked example, diagram, software page."""
    oud, nieuw = gewijzigde_site["oud"], gewijzigde_site["nieuw"]
    voor = _stap_html((site / "en" / "tijdlijn" / "index.html").read_text(encoding="utf-8"), "ziekmelding_uwv")
    na = _stap_html((gewijzigde_site["site"] / "en" / "tijdlijn" / "index.html").read_text(encoding="utf-8"),
                    "ziekmelding_uwv")
    wanneer = re.compile(r'<p class="pw-wanneer">(.*?)</p>', re.S)
    assert re.search(rf"after week {oud}\b", wanneer.search(voor).group(1))
    assert re.search(rf"after week {nieuw}\b", wanneer.search(na).group(1))
    assert not re.search(rf"\bweek {oud}\b", wanneer.search(na).group(1))
    datum = re.compile(r'datetime="([0-9-]+)" data-termijn="ziekmelding_uwv"')
    assert datum.search(voor).group(1) < datum.search(na).group(1)
    fasen_na = (gewijzigde_site["site"] / "en" / "fasen" / "index.html").read_text(encoding="utf-8")
    assert f"after week {nieuw}: report to UWV" in fasen_na
    software = (gewijzigde_site["site"] / "en" / "softwaremakers" / "index.html").read_text(encoding="utf-8")
    assert f"after week of sickness {nieuw}." in software and f"after week of sickness {oud}." not in software


# ------------------------------------------------------------------------------------------------ originality

# The seed articles stay out of the repo; tests/site/seed_reeksen.txt holds a hash of each of their eight-word runs
# (see originaliteit.py), so the check runs on every machine.


@pytest.fixture(scope="module")
def seed_reeksen() -> dict[str, str]:
    uit = originaliteit.lees_lijst()
    assert len(uit) > 1000
    return uit


def test_geen_reeks_van_acht_woorden_uit_de_seeds_in_docs(seed_reeksen):
    fout = []
    for f in sorted((ROOT / "docs").rglob("*")):
        if f.is_file() and f.suffix in {".md", ".yml", ".yaml", ".html", ".j2", ".txt"}:
            fout += [f"{f.relative_to(ROOT)} <- {x}" for x in overlap(f.read_text(encoding="utf-8"), seed_reeksen)]
    for f in sorted((ROOT / "scripts" / "templates").rglob("*")):
        if f.is_file():
            fout += [f"{f.relative_to(ROOT)} <- {x}" for x in overlap(f.read_text(encoding="utf-8"), seed_reeksen)]
    assert not fout, "\n".join(fout[:30])


def test_geen_reeks_van_acht_woorden_uit_de_seeds_in_de_gebouwde_site(site, seed_reeksen):
    fout = []
    for pad in paginas(site):
        tekst = zichtbare_tekst(pad.read_text(encoding="utf-8"))
        fout += [f"{pad.relative_to(site)} <- {x}" for x in overlap(tekst, seed_reeksen)]
    assert not fout, "\n".join(fout[:30])


def test_de_originaliteitscontrole_vindt_een_letterlijke_zin():
    """The check itself works: a run of eight words from an article inside our own text is found, punctuation and
    case ignored, and text without such a run is not."""
    artikel = ("De werkgever en de werknemer maken samen afspraken over het werk dat nog wel gaat, en leggen die "
               "afspraken vast in een plan dat zij elke zes weken bespreken.")
    seeds = {originaliteit.sleutel(r): "artikel" for r in originaliteit.reeksen(originaliteit.woorden(artikel))}
    woorden = originaliteit.woorden(artikel)[5:15]
    zin = "Wij schrijven: " + " ".join(w.upper() for w in woorden) + "!"
    assert overlap(zin, seeds)
    assert not overlap("Wij schrijven: " + " ".join(woorden[:7]) + " en verder iets anders.", seeds)
