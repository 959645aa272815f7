"""The loader stays small and self-contained; the theme checks (thema.js, used by the embed page and the generator)
follow the WCAG contrast definition, tested in Node on the real module. No browser needed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOADER = ROOT / "docs" / "embed" / "v1" / "embed.js"
THEMA = ROOT / "docs" / "embed" / "v1" / "thema.js"


def test_de_loader_is_kleiner_dan_5_kb_en_heeft_geen_afhankelijkheden():
    bron = LOADER.read_text(encoding="utf-8")
    assert len(LOADER.read_bytes()) < 5 * 1024
    assert not re.search(r"\bimport\b|\brequire\(|\beval\(|new Function|innerHTML|document\.write", bron)
    assert not re.search(r"https?://", bron), "no hard-coded origin: the embed origin is the script's own"
    assert "MessageChannel" in bron and "e.origin !== herkomst" in bron


def test_de_loader_kent_precies_de_drie_rekenhulpen_met_termijnen_als_standaard():
    bron = LOADER.read_text(encoding="utf-8")
    blok = re.search(r"var REKENHULPEN = \{(.*?)\};", bron, re.S).group(1)
    assert re.findall(r"^\s*(\w+): \[", blok, re.M) == ["termijnen", "spoor2", "scenario"]
    assert 'getAttribute("data-rekenhulp") || "termijnen"' in bron
    for soort in ("termijnen", "spoor2", "scenario"):
        assert (ROOT / "docs" / "embed" / "v1" / soort / "index.html").is_file(), soort


@pytest.mark.parametrize("rekenhulp", ["termijnen", "spoor2", "scenario"])
def test_de_ingebedde_pagina_laadt_alleen_eigen_bestanden_zonder_inline_code(rekenhulp, site_dir):
    # the built page: the source is a template with the shared head (scripts/templates/embed_kop.html)
    html = (site_dir / "embed" / "v1" / rekenhulp / "index.html").read_text(encoding="utf-8")
    assert "{{" not in html and "{%" not in html and html.startswith("<!doctype html>"), "rendered, nothing left over"
    assert not re.search(r"<script(?![^>]*\bsrc=)", html), "no inline script"
    assert "<style" not in html and " style=" not in html, "no inline style"
    assert not re.search(r'(src|href)="(https?:)?//', html)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "'wasm-unsafe-eval'" in csp and "unsafe-inline" not in csp and "'unsafe-eval'" not in csp


@pytest.fixture(scope="module")
def thema(tmp_path_factory):
    """thema(js_expression) -> JSON value, evaluated in Node with the module imported as `t`."""
    node = shutil.which("node")
    if not node:
        pytest.fail("node ontbreekt")
    map_ = tmp_path_factory.mktemp("thema")
    shutil.copy(THEMA, map_ / "thema.mjs")

    def draai(expressie: str):
        script = f"import * as t from './thema.mjs'; console.log(JSON.stringify({expressie}));"
        uit = subprocess.run([node, "--input-type=module", "-e", script], cwd=map_, capture_output=True, text=True,
                             check=True)
        return json.loads(uit.stdout)

    return draai


def test_contrast_volgt_de_wcag_definitie(thema):
    # the extremes of the definition: black on white 21:1, equal colours 1:1
    assert thema("t.contrast('#000000', '#ffffff')") == pytest.approx(21)
    assert thema("t.contrast('#ffffff', '#000000')") == pytest.approx(21)
    assert thema("t.contrast('#1f4e9c', '#1f4e9c')") == pytest.approx(1)


def test_de_aa_grens_grijs_767676_mag_777777_niet(thema):
    ok = thema("t.controleer({kleur: '#767676', tekstkleur: '#767676'})")
    assert ok == {"opties": {**ok["opties"], "kleur": "#767676", "tekstkleur": "#767676"}, "meldingen": []}
    nee = thema("t.controleer({kleur: '#777777', tekstkleur: '#777'})")
    assert nee["opties"]["kleur"] == thema("t.STANDAARD.kleur")
    assert nee["opties"]["tekstkleur"] == thema("t.STANDAARD.tekstkleur")
    assert len(nee["meldingen"]) == 2 and all("te weinig contrast" in m for m in nee["meldingen"])


def test_onbekende_waarden_worden_geweigerd_met_een_melding(thema):
    r = thema("t.controleer({doelgroep: 'iedereen', weergave: 'groot', lettertype: 'Comic Sans', taal: 'fr',"
              " hoeken: '25', kleur: 'red; background: url(x)', tekstkleur: '#12345'})")
    assert r["opties"] == thema("t.STANDAARD")
    assert len(r["meldingen"]) == 7
    # An unknown language gives the Dutch embed, with a note in Dutch that names the refused value.
    assert any('"fr"' in m and "taal" in m for m in r["meldingen"])
    # In the English embed the same refusals are explained in English; the generator asks for its page's language.
    en = thema("t.controleer({doelgroep: 'iedereen', taal: 'en', kleur: '#777777'})")
    assert en["opties"] == {**thema("t.STANDAARD"), "taal": "en"}
    assert len(en["meldingen"]) == 2 and "does not exist" in en["meldingen"][0] and "too little contrast" in en["meldingen"][1]
    assert thema("t.controleer({taal: 'en', kleur: '#777777'}, 'nl')")["meldingen"][0].startswith("De hoofdkleur")
    goed = thema("t.controleer({doelgroep: 'werknemer', weergave: 'compact', lettertype: 'schreef', hoeken: '24',"
                 " kleur: '#036'})")
    assert goed["meldingen"] == []
    assert goed["opties"] == {**thema("t.STANDAARD"), "doelgroep": "werknemer", "weergave": "compact",
                                   "lettertype": "schreef", "hoeken": "24", "kleur": "#003366"}


def test_css_variabelen_bevatten_alleen_gecontroleerde_waarden(thema):
    v = thema("t.cssVariabelen(t.controleer({kleur: '#8a1538', lettertype: 'schreef', hoeken: '0'}).opties)")
    assert v["--pw-primair"] == "#8a1538" and v["--pw-hoeken"] == "0px" and v["--pw-lettertype"].startswith("Georgia")


# v1 is a promise to hosts: these names may grow in v1, never change or disappear (that is what v2 is for).
V1_OPTIES = ["doelgroep", "weergave", "kleur", "tekstkleur", "lettertype", "hoeken", "taal"]
V1_WAARDEN = {"doelgroep": ["beide", "werkgever", "werknemer"], "weergave": ["volledig", "compact"],
              "lettertype": ["systeem", "schreef", "afgerond"], "taal": ["nl", "en"]}


def test_v1_houdt_zijn_opties_en_berichten(thema):
    bron = LOADER.read_text(encoding="utf-8")
    opties = re.search(r"var OPTIES = (\[[^\]]*\]);", bron).group(1)
    assert set(V1_OPTIES) <= set(json.loads(opties))
    assert set(V1_OPTIES) <= set(thema("Object.keys(t.STANDAARD)"))
    for k, waarden in V1_WAARDEN.items():
        lijst = {"doelgroep": "DOELGROEPEN", "weergave": "WEERGAVEN", "lettertype": "LETTERTYPEN", "taal": "TALEN"}[k]
        assert set(waarden) <= set(thema(f"Object.keys(t.{lijst})")), k
    # the embed pages share their host connection (ingebed.js); the deadline page sends its own result message
    pagina = "\n".join((ROOT / "docs" / "embed" / "v1" / f).read_text(encoding="utf-8")
                       for f in ("termijnen/pagina.js", "ingebed.js"))
    for bericht in ('type: "gereed"', 'type: "hoogte"', 'type: "resultaat"', 'd.type !== "verbind"'):
        assert bericht in pagina
    for bericht in ('"gereed"', 'type: "verbind"', '"hoogte"', '"resultaat"', '"poortwachter:resultaat"',
                    '"poortwachter:uitkomst"', '"poortwachter:scenario"', "data-rekenhulp",
                    "data-resultaat-delen", "data-poortwachter-embed"):
        assert bericht in bron
