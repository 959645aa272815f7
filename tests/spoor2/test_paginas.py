"""The static pages of the spoor 2 helper in the built site: one page per step, valid links, diagram, scenarios.

Uses the site that scripts/build_site.py built into site/ (POORTWACHTER_SITE=dir overrides), like tests/browser.
"""

from __future__ import annotations

import html
import html.parser
import json
import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest

from poortwachter import spoor2

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("POORTWACHTER_SITE", ROOT / "site"))
HULP = SITE / "spoor2-hulp"


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.ids.add(a["id"])
        for sleutel in ("href", "src"):
            if sleutel in a and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append((tag, a | {"_attr": sleutel}))


def lees(pad: Path) -> Links:
    p = Links()
    p.feed(pad.read_text(encoding="utf-8"))
    return p


def url_naar_bestand(pagina: Path, url: str) -> Path | None:
    """The file in the site a relative/absolute URL of `pagina` points to, or None for another origin."""
    u = urlparse(url)
    if u.scheme or u.netloc:
        return None
    if not u.path:
        return pagina
    if u.path.startswith("/"):
        doel = SITE / u.path.lstrip("/")
    else:
        doel = Path(posixpath.normpath(str(pagina.parent / u.path)))
    return doel / "index.html" if u.path.endswith("/") or doel.is_dir() else doel


@pytest.fixture(scope="module")
def paginas() -> list[Path]:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is niet gebouwd: draai eerst .venv/bin/python scripts/build_site.py")
    return sorted(HULP.rglob("*.html"))


def zichtbaar(fragment: str) -> str:
    """Text without tags (abbreviation tooltips wrap words like UWV in <abbr>) and without entities."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def h1(tekst: str) -> str:
    return zichtbaar(re.search(r"<h1[^>]*>(.*?)<a class=\"headerlink\"", tekst, re.S).group(1))


def stap_pagina(antwoorden: list[tuple[str, str]]) -> Path:
    return HULP.joinpath("pad", *[a.replace("_", "-") for _, a in antwoorden], "index.html")


def test_elke_stap_van_elk_pad_heeft_een_statische_pagina(paginas):
    stappen = spoor2.alle_vraagstappen()
    paden = spoor2.alle_paden()
    verwacht = {stap_pagina(p) for p in stappen} | {stap_pagina(p["antwoorden"]) for p in paden}
    gevonden = {p for p in paginas if "pad" in p.relative_to(HULP).parts}
    assert verwacht == gevonden
    assert len(verwacht) == len(stappen) + len(paden)


@pytest.mark.parametrize("stap", spoor2.alle_vraagstappen(), ids=lambda s: "/".join(a for _, a in s) or "start")
def test_een_vraagpagina_toont_een_vraag_met_een_link_per_antwoord_en_wijzig_per_gegeven_antwoord(paginas, stap):
    hulp = spoor2.beslishulp()
    _, vraag_id = spoor2.volgende_stap(dict(stap))
    pagina = stap_pagina(stap)
    tekst = pagina.read_text(encoding="utf-8")
    vraag = hulp["vragen"][vraag_id]
    assert h1(tekst) == vraag["tekst"]
    antwoorden = re.findall(r'<a class="s2-antwoord" href="([^"]+)"', tekst)
    assert [url_naar_bestand(pagina, a) for a in antwoorden] == [
        stap_pagina(stap + [(vraag_id, a["waarde"])]) for a in vraag["antwoorden"]]
    wijzig = re.findall(r'<a class="s2-wijzig" href="([^"]+)"', tekst)
    assert [url_naar_bestand(pagina, w) for w in wijzig] == [stap_pagina(stap[:i]) for i in range(len(stap))]
    if stap:
        opnieuw = re.search(r'<a href="([^"]+)"[^>]*>Opnieuw beginnen</a>', tekst)
        assert url_naar_bestand(pagina, opnieuw.group(1)) == stap_pagina([])
    assert tekst.count("<h1") == 1


@pytest.mark.parametrize("pad", spoor2.alle_paden(), ids=lambda p: "/".join(a for _, a in p["antwoorden"]))
def test_een_uitkomstpagina_toont_de_uitkomst_redenen_dossier_en_bronnen(paginas, pad):
    pagina = stap_pagina(pad["antwoorden"])
    tekst = pagina.read_text(encoding="utf-8")
    verwacht = spoor2.beoordeel(dict(pad["antwoorden"]), spoor2.lees_datum("2026-11-23"))["uitkomst"]
    assert h1(tekst) == verwacht["titel"]
    for kop in ("Waarom", "Leg vast in het re-integratiedossier", "Bronnen", "Uw antwoorden"):
        assert re.search(r"<h2[^>]*>" + re.escape(kop), tekst), kop
    for bron in verwacht["bronnen"]:
        assert f'href="{bron["url"]}"'.replace("&", "&amp;") in tekst or f'href="{bron["url"]}"' in tekst
    assert len(re.findall(r'class="s2-wijzig"', tekst)) == len(pad["antwoorden"])
    assert "Opnieuw beginnen" in tekst
    heeft_datum = bool(spoor2._data()["uitkomsten"][pad["uitkomst"]].get("datum_termijn"))
    assert ('class="s2-datum"' in tekst) is heeft_datum
    if heeft_datum:
        data = re.search(r'data-antwoorden="([^"]+)"', tekst).group(1)
        assert json.loads(html.unescape(data)) == dict(pad["antwoorden"])


def test_alle_links_op_de_hulppaginas_bestaan_en_niets_komt_van_een_ander_domein(paginas):
    kapot, extern = [], []
    for pagina in paginas:
        for tag, a in lees(pagina).links:
            url = a[a["_attr"]]
            if url.startswith(("mailto:", "#")):
                continue
            doel = url_naar_bestand(pagina, url)
            if doel is None:
                if tag != "a":
                    extern.append((pagina, url))
                continue
            if not doel.exists():
                kapot.append((str(pagina.relative_to(SITE)), url))
            frag = urlparse(url).fragment
            if frag and doel.suffix == ".html" and doel.exists() and frag not in lees(doel).ids:
                kapot.append((str(pagina.relative_to(SITE)), url))
    assert kapot == []
    assert extern == []


def test_het_stroomschema_staat_als_inline_svg_op_de_spoor_2_pagina(paginas):
    tekst = (HULP / "index.html").read_text(encoding="utf-8")
    svg = re.search(r"<svg class=\"s2-diagram\".*?</svg>", tekst, re.S)
    assert svg, "geen inline SVG"
    svg = svg.group(0)
    assert "<title" in svg and "<desc" in svg
    assert not re.search(r"(href|src)=\"https?://", svg)
    hulp = spoor2.beslishulp()
    for v in hulp["vragen"].values():
        assert html.escape(v["kort"]).split()[0] in svg
    for u in hulp["uitkomsten"].values():
        assert html.escape(u["titel"]).split()[0] in svg


def test_de_scenariopagina_toont_het_vooraf_berekende_voorbeeld_van_de_rekenkern(paginas):
    from poortwachter.regels import regels_als_dict
    from poortwachter.scenario import bereken_scenario

    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    eerste = re.search(r"eerste_ziektedag:\s*\"?(\d{4}-\d{2}-\d{2})", config).group(1)
    peil = str(regels_als_dict()["laatst_gecontroleerd"])
    uit = bereken_scenario({"ziek": [eerste], "peildatum": peil})
    tekst = (HULP / "scenarios" / "index.html").read_text(encoding="utf-8")
    for s in uit["scenarios"]:
        rij = re.search(rf'<tr data-scenario="{s["id"]}">(.*?)</tr>', tekst, re.S).group(1)
        assert f'datetime="{s["laatste_loondoorbetalingsdag"]["datum"]}"' in rij
        assert f'datetime="{s["wia_aanvraag"]["datum"]}"' in rij
    assert uit["label"] in zichtbaar(tekst)


def sleutel_van(bestand: Path) -> str:
    return "/".join(bestand.parent.relative_to(HULP / "pad").parts)


def test_elke_link_in_de_hulp_heeft_de_stap_van_zijn_doel_voor_de_browserversie(paginas):
    for pagina in paginas:
        if "pad" not in pagina.relative_to(HULP).parts:
            continue
        tekst = pagina.read_text(encoding="utf-8")
        links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*data-s2-pad="([^"]*)"', tekst)
        assert links, pagina
        for href, stap in links:
            assert sleutel_van(url_naar_bestand(pagina, href)) == stap


def test_stappen_json_heeft_elke_stap_met_dezelfde_kop_en_geldige_links(paginas):
    stappen = json.loads((HULP / "stappen.json").read_text(encoding="utf-8"))["stappen"]
    statisch = {sleutel_van(p): p for p in paginas if "pad" in p.relative_to(HULP).parts}
    assert set(stappen) == set(statisch)
    basis = HULP / "pad" / "index.html"
    for stap, inhoud in stappen.items():
        assert zichtbaar(re.search(r"<h1[^>]*>(.*?)</h1>", inhoud["html"], re.S).group(1)) == h1(
            statisch[stap].read_text(encoding="utf-8"))
        assert inhoud["titel"].startswith(h1(statisch[stap].read_text(encoding="utf-8")))
        for href, doel in re.findall(r'<a [^>]*href="([^"]+)"[^>]*data-s2-pad="([^"]*)"', inhoud["html"]):
            assert sleutel_van(url_naar_bestand(basis, href)) == doel  # links resolve from pad/ (the address)
        for href in re.findall(r'href="([^"#]+)"', inhoud["html"]):
            doel = url_naar_bestand(basis, href)
            assert doel is None or doel.exists(), (stap, href)
        assert "<script" not in inhoud["html"]
