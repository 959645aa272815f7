"""The English edition of the spoor 2 helper in the built site (issue 13): the same static step pages under
en/spoor2-hulp/pad/..., with lang="en", the engine's English texts, English layout words, working links that stay in
the English edition, and no Dutch running text; the English steps for the browser version, diagram, scenario example
and embed frames too.

Uses the site that scripts/build_site.py built into site/ (POORTWACHTER_SITE=dir overrides), like test_paginas.py.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from poortwachter import spoor2

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER))
sys.path.insert(0, str(HIER.parent / "site"))
from test_paginas import SITE, h1, lees, url_naar_bestand, zichtbaar  # noqa: E402
from test_engels import nederlandse_regels, toegestaan  # noqa: E402

HULP_NL = SITE / "spoor2-hulp"
HULP_EN = SITE / "en" / "spoor2-hulp"
PEIL = spoor2.lees_datum("2026-11-23")


@pytest.fixture(scope="module")
def paginas() -> list[Path]:
    if not (HULP_EN / "pad" / "index.html").exists():
        pytest.fail(f"{SITE} heeft geen Engelse beslishulp: draai eerst .venv/bin/python scripts/build_site.py")
    return sorted(HULP_EN.rglob("*.html"))


@pytest.fixture(scope="module")
def hulp_en() -> dict:
    return spoor2.beslishulp(taal="en")


def stap_pagina(antwoorden, basis: Path = HULP_EN) -> Path:
    return basis.joinpath("pad", *[a.replace("_", "-") for _, a in antwoorden], "index.html")


def inhoud(tekst: str) -> str:
    """The page's own content (<article>): the site's navigation is not the helper's (other pages' titles)."""
    return re.search(r"<article.*?</article>", tekst, re.S).group(0)


def test_elke_nederlandse_stap_heeft_een_engelse_pagina_met_lang_en(paginas):
    nl = {p.relative_to(HULP_NL) for p in HULP_NL.rglob("*.html")}
    en = {p.relative_to(HULP_EN) for p in paginas}
    assert nl == en and len(en) == len(spoor2.alle_vraagstappen()) + len(spoor2.alle_paden()) + 2
    for p in paginas:
        assert re.search(r'<html[^>]*\blang="en"', p.read_text(encoding="utf-8")[:3000]), p


def test_geen_engelse_hulppagina_toont_nederlandse_lopende_tekst(paginas):
    termen = toegestaan()
    fouten = {}
    for p in paginas + sorted((SITE / "en" / "embed" / "v1").glob("[!t]*/index.html")):
        tekst = p.read_text(encoding="utf-8")
        gevonden = nederlandse_regels(inhoud(tekst) if "<article" in tekst else tekst, termen)
        if gevonden:
            fouten[str(p.relative_to(SITE))] = gevonden[:3]
    assert not fouten, fouten
    # ...and the check can fail: the Dutch pages of the same helper do show Dutch.
    assert nederlandse_regels(inhoud((HULP_NL / "pad" / "index.html").read_text(encoding="utf-8")), termen)


@pytest.mark.parametrize("stap", spoor2.alle_vraagstappen(), ids=lambda s: "/".join(a for _, a in s) or "start")
def test_een_engelse_vraagpagina_heeft_de_engelse_vraag_en_links_binnen_de_engelse_hulp(paginas, hulp_en, stap):
    _, vraag_id = spoor2.volgende_stap(dict(stap))
    pagina = stap_pagina(stap)
    tekst = pagina.read_text(encoding="utf-8")
    vraag = hulp_en["vragen"][vraag_id]
    assert h1(tekst) == vraag["tekst"]
    labels = [zichtbaar(x) for x in re.findall(r'<a class="s2-antwoord"[^>]*>(.*?)</a>', tekst, re.S)]
    assert labels == [a["label"] for a in vraag["antwoorden"]]
    antwoorden = re.findall(r'<a class="s2-antwoord" href="([^"]+)"', tekst)
    assert [url_naar_bestand(pagina, a) for a in antwoorden] == [
        stap_pagina(stap + [(vraag_id, a["waarde"])]) for a in vraag["antwoorden"]]
    wijzig = re.findall(r'<a class="s2-wijzig" href="([^"]+)"', tekst)
    assert [url_naar_bestand(pagina, w) for w in wijzig] == [stap_pagina(stap[:i]) for i in range(len(stap))]
    assert len(re.findall(r'class="s2-wijzig"[^>]*>Change<', tekst)) == len(stap)
    if stap:
        opnieuw = re.search(r'<a href="([^"]+)"[^>]*>Start again</a>', tekst)
        assert url_naar_bestand(pagina, opnieuw.group(1)) == stap_pagina([])
        assert re.search(r'<h2 id="uw-antwoorden"[^>]*>Your answers', tekst)


@pytest.mark.parametrize("pad", spoor2.alle_paden(), ids=lambda p: "/".join(a for _, a in p["antwoorden"]))
def test_een_engelse_uitkomstpagina_heeft_de_engelse_uitkomst_met_dezelfde_ankers_en_bronnen(paginas, pad):
    pagina = stap_pagina(pad["antwoorden"])
    tekst = pagina.read_text(encoding="utf-8")
    nl = stap_pagina(pad["antwoorden"], HULP_NL).read_text(encoding="utf-8")
    verwacht = spoor2.beoordeel(dict(pad["antwoorden"]), PEIL, "en")["uitkomst"]
    assert h1(tekst) == verwacht["titel"] != h1(nl)
    for anker, kop in (("waarom", "Why"), ("leg-vast-in-het-re-integratiedossier", "Record in the"),
                       ("bronnen", "Sources"), ("uw-antwoorden", "Your answers")):
        assert re.search(rf'<h2 id="{anker}"[^>]*>{kop}', tekst), anker
        assert f'id="{anker}"' in nl
    assert [b["url"] for b in verwacht["bronnen"]] == [
        b["url"] for b in spoor2.beoordeel(dict(pad["antwoorden"]), PEIL)["uitkomst"]["bronnen"]]
    zichtbare_tekst = zichtbaar(tekst)
    for tekst_en in [b["titel"] for b in verwacht["bronnen"]] + verwacht["redenen"] + verwacht["dossier"]:
        assert tekst_en in zichtbare_tekst, tekst_en


def test_alle_links_op_de_engelse_hulppaginas_bestaan(paginas):
    kapot = []
    for pagina in paginas:
        for tag, a in lees(pagina).links:
            url = a[a["_attr"]]
            if url.startswith(("mailto:", "#")) or a.get("hreflang"):  # the language switcher goes to Dutch
                continue
            doel = url_naar_bestand(pagina, url)
            if doel is None:
                continue
            if not doel.exists():
                kapot.append((str(pagina.relative_to(SITE)), url))
            elif tag == "a" and doel.suffix == ".html" and "spoor2-hulp" in doel.parts:
                assert doel.is_relative_to(SITE / "en"), (pagina, url)  # the helper's own links stay English
    assert kapot == []


def test_de_engelse_stappen_voor_de_browserversie_zijn_de_engelse_paginas(paginas):
    nl = json.loads((HULP_NL / "stappen.json").read_text(encoding="utf-8"))["stappen"]
    en = json.loads((HULP_EN / "stappen.json").read_text(encoding="utf-8"))["stappen"]
    assert set(en) == set(nl)
    for sleutel, stap in en.items():
        statisch = HULP_EN.joinpath("pad", *filter(None, sleutel.split("/")), "index.html")
        kop = h1(statisch.read_text(encoding="utf-8"))
        assert zichtbaar(re.search(r"<h1[^>]*>(.*?)</h1>", stap["html"], re.S).group(1)) == kop
        assert stap["titel"] == f"{kop} – spoor 2 decision aid"
        assert stap.get("uitkomst") == nl[sleutel].get("uitkomst")
        assert not nederlandse_regels(stap["html"], toegestaan()), sleutel


def test_het_engelse_stroomschema_en_het_scenariovoorbeeld(paginas, hulp_en):
    index = (HULP_EN / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"s2-diagram\".*?</svg>", index, re.S).group(0)
    assert "<title id=\"s2-diagram-titel\">Flow chart of the spoor 2 decision aid</title>" in svg
    assert "The decision aid step by step." in svg and ", don&#x27;t know: " in svg
    for u in hulp_en["uitkomsten"].values():
        assert u["titel"].split()[0] in svg
    for anker in ("het-stroomschema", "op-de-opdrachtregel"):
        assert f'id="{anker}"' in index and f'id="{anker}"' in (HULP_NL / "index.html").read_text(encoding="utf-8")
    scenario_en = (HULP_EN / "scenarios" / "index.html").read_text(encoding="utf-8")
    scenario_nl = (HULP_NL / "scenarios" / "index.html").read_text(encoding="utf-8")
    datums = re.compile(r'<tr data-scenario="[a-z_]+">.*?</tr>', re.S)
    assert [re.findall(r'datetime="([\d-]+)"', r) for r in datums.findall(scenario_en)] == [
        re.findall(r'datetime="([\d-]+)"', r) for r in datums.findall(scenario_nl)]
    assert "<caption>Scenarios side by side</caption>" in scenario_en
    assert ">Show the scenarios</button>" in scenario_en and 'id="voorbeeld"' in scenario_en


def test_de_ingebedde_paginas_hebben_een_engelse_tweeling(paginas):
    for soort, kop in (("spoor2", "Should I start spoor 2 now?"), ("scenario", "Scenarios: extension")):
        en = (SITE / "en" / "embed" / "v1" / soort / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<html lang="en">', en) and kop in en and "For employers" in en
        script = re.search(r'<script type="module" src="([^"]+)"', en).group(1)
        assert url_naar_bestand(SITE / "en" / "embed" / "v1" / soort / "index.html", script) == \
            SITE / "embed" / "v1" / soort / "pagina.js"  # one module for both pages
        assert '<html lang="nl">' in (SITE / "embed" / "v1" / soort / "index.html").read_text(encoding="utf-8")


def test_de_opmaakwoorden_bestaan_in_beide_talen():
    from importlib import util

    spec = util.spec_from_file_location("spoor2_hooks_test", HIER.parents[1] / "scripts" / "spoor2_hooks.py")
    sys.path.insert(0, str(HIER.parents[1] / "scripts"))
    m = util.module_from_spec(spec)
    spec.loader.exec_module(m)
    assert set(m.UI["nl"]) == set(m.UI["en"])
    assert all(m.UI["nl"][k] != m.UI["en"][k] for k in m.UI["nl"] if k != "sc_scenario")
