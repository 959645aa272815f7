"""The law-changes page and the other law-change dates and article numbers in prose come from data (issue 15 §2,
issue 12 §5): regels/wetswijzigingen.toml for the changes, docs/_data/wetsartikelen.yml for article numbers."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest
import yaml

from poortwachter.regels import STATUSSEN, laad_regels
from sitehulp import ROOT, bouw_site, html_pad

MAANDEN = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
GETYPT = re.compile(rf"\bartikel(?:en)? \d|\b\d:\d{{3}}[a-z]?\b|\bart\. ?\d|\b\d{{1,2}} (?:{MAANDEN}) (?:19|20)\d\d\b"
                    r"|\bKamerstuk \d|\bStb\. \d")


def _tekst(html: str) -> str:
    """Visible text without any whitespace, so that inline tags (abbr, a) never split a comparison."""
    return re.sub(r"\s+", "", unescape(re.sub(r"<[^>]+>", "", html)))


def test_elke_status_heeft_een_label_en_uitleg():
    labels = yaml.safe_load((ROOT / "docs" / "_data" / "wetswijziging_status.yml").read_text(encoding="utf-8"))
    assert sorted(labels) == sorted(STATUSSEN)
    assert all(v["label"] and v["uitleg"] for v in labels.values())


def test_de_pagina_toont_elke_wijziging_met_haar_status(site):
    html = html_pad(site, "onderwerpen/wetswijzigingen.md").read_text(encoding="utf-8")
    artikel = html[html.find("<article"):html.find("</article>")]
    tekst = _tekst(artikel)
    labels = yaml.safe_load((ROOT / "docs" / "_data" / "wetswijziging_status.yml").read_text(encoding="utf-8"))
    geldt = artikel[artikel.find('id="wat-geldt"'):artikel.find('id="ingetrokken"')]
    for w in laad_regels().wetswijzigingen:
        assert _tekst(w.wat) in tekst, w.id
        if w.status == "geldt":
            assert _tekst(w.titel) in _tekst(geldt), w.id
        elif w.status in ("voorstel", "niet bevestigd"):
            anker = w.id.replace("_", "-")
            kop = re.search(rf'<h3 id="{anker}">(.*?)</h3>', artikel, re.S)
            assert kop and _tekst(w.titel) in _tekst(kop.group(1)), w.id
            deel = artikel[kop.end():]
            deel = deel[:deel.find("<h3") if "<h3" in deel else len(deel)]
            assert _tekst(labels[w.status]["label"].lower()) in _tekst(deel), w.id
        for b in w.bronnen:
            assert f'href="{b["url"]}"'.replace("&", "&amp;") in artikel, (w.id, b["url"])


def test_de_vier_punten_uit_2025_en_2026_staan_er_met_hun_echte_status(site):
    per_id = {w.id: w for w in laad_regels().wetswijzigingen}
    verwacht = {"motie_dijk_yesilgoz": "voorstel", "coalitieakkoord_aan_de_slag": "voorstel",
                "uwv_beslistermijn_wia_tijdelijk": "geldt", "boetebesluit_waarschuwing": "voorstel"}
    assert {k: per_id[k].status for k in verwacht} == verwacht
    tekst = _tekst(html_pad(site, "onderwerpen/wetswijzigingen.md").read_text(encoding="utf-8"))
    for kenmerk in ("36 800 nr. 37", "Aan de slag", "36 785"):
        assert _tekst(kenmerk) in tekst


def test_het_boetevoorstel_staat_naast_de_boetetabel(site):
    html = html_pad(site, "onderwerpen/wat-als.md").read_text(encoding="utf-8")
    deel = html[html.find('id="te-late-ziekmelding-uwv"'):]
    deel = _tekst(deel[:deel.find("<h3", 10)])
    (voorstel,) = laad_regels().wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel", "niet bevestigd"))
    assert _tekst("Voorstel, geldt (nog) niet") in deel and _tekst(voorstel.wat) in deel
    assert _tekst("niet bevestigd") in deel  # de boetetabel zelf is niet uit de officiële tekst bevestigd


@pytest.mark.parametrize("bestand", sorted(
    [p for p in (ROOT / "docs").rglob("*.md")] + [p for p in (ROOT / "docs" / "_data").glob("*.yml")
                                                   if p.name != "wetsartikelen.yml"]), ids=lambda p: p.name)
def test_geen_wetsartikel_of_wijzigingsdatum_getypt_in_de_tekst(bestand):
    """Article numbers and law-change dates in prose come from data; source lists (lines with a URL) may name them."""
    tekst = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", "", bestand.read_text(encoding="utf-8"), flags=re.S)
    fout = [f"{i}: {m.group(0)}" for i, regel in enumerate(tekst.splitlines(), 1) if "http" not in regel
            for m in GETYPT.finditer(regel)]
    assert not fout, fout


def _project_met_eigen_regels(tmp_path, pagina: str, wijzig=lambda s: s):
    """A small MkDocs project whose hook loads a copy of the engine with edited law-change data."""
    kopie = tmp_path / "src"
    shutil.copytree(ROOT / "calculators" / "src", kopie)
    pad = kopie / "poortwachter" / "regels" / "wetswijzigingen.toml"
    pad.write_text(wijzig(pad.read_text(encoding="utf-8")), encoding="utf-8")
    project = tmp_path / "p"
    (project / "docs" / "_data").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: t\nhooks:\n  - " + str(ROOT / "scripts" / "mkdocs_hooks.py") + "\n"
        "extra:\n  voorbeeld:\n    eerste_ziektedag: '2026-01-05'\n", encoding="utf-8")
    shutil.copy(ROOT / "docs" / "_data" / "wetsartikelen.yml", project / "docs" / "_data")
    (project / "docs" / "index.md").write_text("---\ndoelgroep: beide\n---\n# T\n\n" + pagina, encoding="utf-8")
    return project, {"PYTHONPATH": str(kopie)}


def test_een_statuswijziging_is_een_gegevenswijziging(tmp_path):
    project, env = _project_met_eigen_regels(
        tmp_path, '{{ wijziging("motie_dijk_yesilgoz").status }}',
        lambda s: re.sub(r'(\[wetswijzigingen\.motie_dijk_yesilgoz\][^\[]*?\nstatus = )"voorstel"', r'\1"ingetrokken"', s,
                         count=1))
    res = bouw_site(project, tmp_path / "uit", env)
    assert res.returncode == 0, res.stderr
    assert "<p>ingetrokken</p>" in (tmp_path / "uit" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("naam, wijzig, melding", [
    ("onbekende status", lambda s: s.replace('status = "voorstel"', 'status = "misschien"', 1), "status"),
    # the motion's sources renamed to an unknown key: the required 'bronnen' is missing
    ("ontbrekende bron", lambda s: s.replace('bronnen = [\n  { titel = "Kamerstuk 36 800 nr. 37:',
                                            'x = [\n  { titel = "Kamerstuk 36 800 nr. 37:'),
     "motie_dijk_yesilgoz.bronnen"),
])
def test_foute_wijzigingsgegevens_laten_de_bouw_falen(tmp_path, naam, wijzig, melding):
    project, env = _project_met_eigen_regels(tmp_path, "x", wijzig)
    res = bouw_site(project, tmp_path / "uit", env)
    assert res.returncode != 0, naam
    assert "wetswijzigingen.toml" in res.stdout + res.stderr and melding in res.stdout + res.stderr


def test_artikel_komt_uit_de_gegevens_en_een_onbekend_artikel_laat_de_bouw_falen(tmp_path):
    project, env = _project_met_eigen_regels(tmp_path,
                                             '{{ artikel("bw_passende_arbeid") }} en {{ artikel("start_spoor_2") }}')
    res = bouw_site(project, tmp_path / "uit", env)
    assert res.returncode == 0, res.stderr
    data = yaml.safe_load((ROOT / "docs" / "_data" / "wetsartikelen.yml").read_text(encoding="utf-8"))
    g = data["bw_passende_arbeid"]
    s2 = laad_regels()["start_spoor_2"].grondslag
    verwacht = f"artikel {g['boek']}:{g['artikel']} lid {g['lid']} en artikel 7:{s2['artikel']} lid {s2['lid']}"
    assert verwacht in (tmp_path / "uit" / "index.html").read_text(encoding="utf-8")
    (project / "docs" / "index.md").write_text("---\ndoelgroep: beide\n---\n# T\n\n{{ artikel('bestaat_niet') }}\n",
                                               encoding="utf-8")
    res = bouw_site(project, tmp_path / "uit2", env)
    assert res.returncode != 0 and "bestaat_niet" in res.stdout + res.stderr
