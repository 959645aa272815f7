"""The prose follows the rules (change a rule in a copy, rebuild, see the page change) and the text is our own."""

from __future__ import annotations

import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sitehulp  # noqa: E402
from sitehulp import ROOT, paginas, zichtbare_tekst  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
NIET_KOPIEREN = {".venv", "node_modules", "site", ".git", "dist", "test-artifacts", ".pytest_cache", ".hypothesis",
                 "__pycache__", "build", ".cache"}
REGELBESTAND = ROOT / "calculators" / "src" / "poortwachter" / "regels" / "termijnen.toml"


def _stap_html(html: str, stap_id: str) -> str:
    """The part of a page from the step's heading to the next h2."""
    begin = html.index(f'<h2 id="{stap_id}"')
    eind = html.find("<h2 ", begin + 10)
    return html[begin:eind if eind > 0 else None]


@pytest.fixture(scope="module")
def gewijzigde_site(tmp_path_factory):
    """A copy of the repo with ziekmelding_uwv.week raised by one, built with PYTHONPATH at the copied engine."""
    kopie = tmp_path_factory.mktemp("kopie") / "repo"
    shutil.copytree(ROOT, kopie, ignore=lambda d, namen: [n for n in namen if n in NIET_KOPIEREN])
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


# ------------------------------------------------------------------------------------------------ originality

WOORDEN = 8


def _woorden(tekst: str) -> list[str]:
    tekst = tekst.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[0-9a-zà-ÿ]+", tekst)


def _reeksen(woorden: list[str]) -> set[tuple[str, ...]]:
    return {tuple(woorden[i:i + WOORDEN]) for i in range(len(woorden) - WOORDEN + 1)}


@pytest.fixture(scope="module")
def seed_reeksen() -> dict[tuple[str, ...], str]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} ontbreekt (shared/ staat niet naast de repo); originaliteit niet te controleren")
    uit: dict[tuple[str, ...], str] = {}
    for f in sorted(SEEDS.iterdir()):
        if f.is_file():
            for r in _reeksen(_woorden(f.read_text(encoding="utf-8", errors="replace"))):
                uit.setdefault(r, f.name)
    assert uit
    return uit


def _overlap(tekst: str, seeds: dict) -> list[str]:
    return sorted({f"{seeds[r]}: '{' '.join(r)}'" for r in _reeksen(_woorden(tekst)) if r in seeds})


def test_geen_reeks_van_acht_woorden_uit_de_seeds_in_docs(seed_reeksen):
    fout = []
    for f in sorted((ROOT / "docs").rglob("*")):
        if f.is_file() and f.suffix in {".md", ".yml", ".yaml", ".html", ".j2", ".txt"}:
            fout += [f"{f.relative_to(ROOT)} <- {x}" for x in _overlap(f.read_text(encoding="utf-8"), seed_reeksen)]
    for f in sorted((ROOT / "scripts" / "templates").rglob("*")):
        if f.is_file():
            fout += [f"{f.relative_to(ROOT)} <- {x}" for x in _overlap(f.read_text(encoding="utf-8"), seed_reeksen)]
    assert not fout, "\n".join(fout[:30])


def test_geen_reeks_van_acht_woorden_uit_de_seeds_in_de_gebouwde_site(site, seed_reeksen):
    fout = []
    for pad in paginas(site):
        tekst = zichtbare_tekst(pad.read_text(encoding="utf-8"))
        fout += [f"{pad.relative_to(site)} <- {x}" for x in _overlap(tekst, seed_reeksen)]
    assert not fout, "\n".join(fout[:30])


def test_de_originaliteitscontrole_vindt_een_letterlijke_zin():
    """The check itself works: a seed sentence inside our own text is found, punctuation and case ignored."""
    if not SEEDS.is_dir():
        pytest.skip("shared/seeds ontbreekt")
    seed = next(f for f in sorted(SEEDS.iterdir()) if f.is_file())
    woorden = _woorden(seed.read_text(encoding="utf-8", errors="replace"))[40:50]
    zin = "Wij schrijven: " + " ".join(w.upper() for w in woorden) + "!"
    seeds = {r: seed.name for r in _reeksen(_woorden(seed.read_text(encoding="utf-8", errors="replace")))}
    assert _overlap(zin, seeds)
