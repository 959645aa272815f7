"""Markdown in the content data renders wherever the data is shown (issue 12).

The stappenplan pages showed `**Leg de basis…**` and `[…](/onderwerpen/….md)` as typed: the template put data inside
an HTML block that Python-Markdown leaves alone. This test adds Markdown to every prose string of docs/_data/*.yml in
a copy of the project, builds it, and reads every page: each marker must arrive as <strong> / <a>, never as source.
So a template that places data in raw HTML fails here even when today's data happens to hold no Markdown.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import sitehulp  # noqa: E402
from zichtbare_tekst import bronresten, zichtbare_regels  # noqa: E402

VET = "**pwvet**"
LINK = "[pwlink](/bronnen.md)"
# Identifiers, references, URLs and numbers: not prose, so no Markdown is added there.
GEEN_PROZA = {"id", "fase", "doelgroep", "afkorting", "zie", "url", "termijnen", "regels", "gelezen_op", "btw",
              "bedrag"}
# Titles and names also end up inside link text ([titel](…)), where a second link cannot go: only bold there.
ALLEEN_VET = {"titel", "term", "aanbieder", "wanneer", "duur"}


def met_markdown(waarde, sleutel=None):
    if isinstance(waarde, dict):  # an English twin x_en (issue 13) is prose exactly where x is
        return {k: (v if str(k).removesuffix("_en") in GEEN_PROZA else met_markdown(v, str(k).removesuffix("_en")))
                for k, v in waarde.items()}
    if isinstance(waarde, list):
        return [met_markdown(v, sleutel) for v in waarde]
    if isinstance(waarde, str) and " " in waarde.strip():
        extra = VET if sleutel in ALLEEN_VET else f"{VET} {LINK}"
        return waarde.rstrip("\n") + f" {extra}" + ("\n" if waarde.endswith("\n") else "")
    return waarde


@pytest.fixture(scope="module")
def site_met_markdown_in_data(tmp_path_factory):
    kopie = sitehulp.kopieer_project(tmp_path_factory.mktemp("data-md") / "repo")
    for pad in sorted((kopie / "docs" / "_data").glob("*.yml")):
        data = yaml.safe_load(pad.read_text(encoding="utf-8"))
        pad.write_text(yaml.safe_dump(met_markdown(data), allow_unicode=True, sort_keys=False, width=10_000),
                       encoding="utf-8")
    uit = kopie / "gebouwd"
    res = sitehulp.bouw_site(kopie, uit)
    assert res.returncode == 0, res.stdout + res.stderr
    return uit


def test_markdown_in_de_data_wordt_overal_opgemaakt(site_met_markdown_in_data):
    site = site_met_markdown_in_data
    resten, met_data = {}, []
    for pad in sitehulp.paginas(site):
        html = pad.read_text(encoding="utf-8")
        rel = pad.relative_to(site).as_posix()
        if gevonden := bronresten(zichtbare_regels(html)):
            resten[rel] = gevonden
        if "<strong>pwvet</strong>" in html:
            met_data.append(rel)
    assert resten == {}, "Markdown uit de data niet opgemaakt:\n" + "\n".join(f"{p}: {f[:4]}" for p, f in resten.items())
    # The pages that render data (stappen, fasen, stappenplannen, begrippen, prijsvoorbeelden) all show the markers.
    for verwacht in ("werkgever/stappenplan/index.html", "werknemer/stappenplan/index.html", "tijdlijn/index.html",
                     "werkgever/index.html", "werknemer/index.html", "fasen/index.html", "index.html",
                     "begrippen/index.html", "onderwerpen/kosten/index.html"):
        assert verwacht in met_data, f"{verwacht}: geen opgemaakte data gevonden (wel op {met_data})"
    stappenplan = (site / "werkgever" / "stappenplan" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../bronnen/">pwlink</a>' in stappenplan
