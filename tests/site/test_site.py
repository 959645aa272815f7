"""The built site: pages, doelgroep, rendered references, deadline ids, links, no outside resources."""

from __future__ import annotations

import json
import re
import sys
import urllib.parse
from pathlib import Path

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sitehulp  # noqa: E402
from sitehulp import ROOT, html_pad, nav_bestanden, paginas, zonder_scripts  # noqa: E402

DOELGROEPEN = {"werkgever", "werknemer", "beide"}


def test_elke_pagina_uit_de_navigatie_is_gebouwd(site):
    nav = nav_bestanden(sitehulp.mkdocs_config()["nav"])
    assert len(nav) >= 10
    ontbreekt = [md for md in nav if not html_pad(site, md).is_file()]
    assert not ontbreekt, f"pagina's uit de nav niet gebouwd: {ontbreekt}"


def test_elke_markdownpagina_staat_in_de_navigatie():
    nav = set(nav_bestanden(sitehulp.mkdocs_config()["nav"]))
    docs = ROOT / "docs"
    # Pages that live outside the nav on purpose (generated sub pages of other helpers) may be listed here.
    buiten: set[str] = set()
    # An English twin `x.en.md` (mkdocs-static-i18n suffix layout) takes the nav place of its Dutch page `x.md`.
    los = [str(p.relative_to(docs)) for p in docs.rglob("*.md")
           if not p.relative_to(docs).parts[0].startswith(("_", "overrides"))
           and p.relative_to(docs).parts[0] not in buiten
           and re.sub(r"\.en\.md$", ".md", str(p.relative_to(docs))) not in nav]
    assert not los, f"pagina's zonder plek in de nav van mkdocs.yml: {los}"


def test_geen_onopgeloste_jinja_in_de_paginas(site):
    fout = {}
    for pad in paginas(site):
        html = zonder_scripts(pad.read_text(encoding="utf-8"))
        gevonden = re.findall(r"\{\{|\{%|%\}|\}\}", html)
        if gevonden:
            fout[str(pad.relative_to(site))] = gevonden[:3]
    assert not fout, f"onopgeloste jinja in: {fout}"


def test_elke_pagina_toont_haar_doelgroep(site):
    pag = paginas(site)
    assert len(pag) >= 10
    zonder = []
    for pad in pag:
        html = pad.read_text(encoding="utf-8")
        m = re.search(r'class="pw-doelgroep[^"]*" data-doelgroep="([a-z]+)">([^<]+)<', html)
        if not m or m.group(1) not in DOELGROEPEN or not m.group(2).strip():
            zonder.append(str(pad.relative_to(site)))
    assert not zonder, f"pagina's zonder zichtbare doelgroep: {zonder}"


def test_elke_docs_pagina_heeft_doelgroep_in_front_matter():
    fout = []
    for p in (ROOT / "docs").rglob("*.md"):
        if p.relative_to(ROOT / "docs").parts[0].startswith("_"):
            continue
        tekst = p.read_text(encoding="utf-8")
        m = re.match(r"---\n(.*?)\n---\n", tekst, flags=re.S)
        meta = yaml.safe_load(m.group(1)) if m else {}
        if (meta or {}).get("doelgroep") not in DOELGROEPEN:
            fout.append(str(p.relative_to(ROOT)))
    assert not fout, fout


def _engine_termijn_ids() -> set[str]:
    from poortwachter import contract

    eerste = str(sitehulp.mkdocs_config()["extra"]["voorbeeld"]["eerste_ziektedag"])
    uit = json.loads(contract.bereken(json.dumps({"ziek": [eerste], "peildatum": eerste})))
    return {t["id"] for t in uit["termijnen"]}


def test_elke_termijn_in_de_inhoud_bestaat_in_de_rekenkern(site):
    ids = _engine_termijn_ids()
    gebruikt: dict[str, set[str]] = {}
    for pad in paginas(site):
        for tid in re.findall(r'data-termijn="([^"]+)"', pad.read_text(encoding="utf-8")):
            gebruikt.setdefault(tid, set()).add(str(pad.relative_to(site)))
    # the structured content names its deadlines too
    stappen = yaml.safe_load((ROOT / "docs" / "_data" / "stappen.yml").read_text(encoding="utf-8"))
    for s in stappen:
        for tid in s.get("termijnen", []):
            gebruikt.setdefault(tid, set()).add("docs/_data/stappen.yml")
    assert {"probleemanalyse", "ziekmelding_uwv", "wia_aanvraag"} <= set(gebruikt)
    onbekend = {tid: sorted(w) for tid, w in gebruikt.items() if tid not in ids}
    assert not onbekend, f"termijn-ids die de rekenkern niet kent: {onbekend}"


def test_rekenvoorbeeld_komt_uit_de_rekenkern(site):
    """The dates on the timeline are the engine's dates for the example first sick day."""
    from poortwachter import contract

    eerste = str(sitehulp.mkdocs_config()["extra"]["voorbeeld"]["eerste_ziektedag"])
    uit = json.loads(contract.bereken(json.dumps({"ziek": [eerste], "peildatum": eerste})))
    html = (site / "tijdlijn" / "index.html").read_text(encoding="utf-8")
    getoond = dict(re.findall(r'datetime="([0-9-]+)" data-termijn="([^"]+)"', html))
    getoond = {tid: datum for datum, tid in getoond.items()}
    assert getoond
    for t in uit["termijnen"]:
        if t["id"] in getoond:
            assert getoond[t["id"]] == t["datum"], t["id"]


def test_bronnenpagina_noemt_elke_regel_met_controledatum(site):
    from poortwachter.datums import datum_nl
    from poortwachter.regels import regels_als_dict

    import datetime as dt

    html = (site / "bronnen" / "index.html").read_text(encoding="utf-8")
    for rid, regel in regels_als_dict()["regels"].items():
        assert f'id="{rid}"' in html, rid
        for b in regel["bronnen"]:
            assert f'href="{b["url"]}"' in html.replace("&amp;", "&"), (rid, b["url"])
        datum = datum_nl(dt.date.fromisoformat(str(regel["laatst_gecontroleerd"])))
        assert datum in html, rid


def _interne_links(html: str) -> list[str]:
    return re.findall(r'<a\b[^>]*\bhref="([^"]*)"', zonder_scripts(html))


def test_interne_links_en_ankers_bestaan(site):
    ids_cache: dict[Path, set[str]] = {}

    def ids(pad: Path) -> set[str]:
        if pad not in ids_cache:
            ids_cache[pad] = set(re.findall(r'\bid="([^"]+)"', pad.read_text(encoding="utf-8")))
        return ids_cache[pad]

    kapot = []
    aantal = 0
    for pad in paginas(site):
        for href in _interne_links(pad.read_text(encoding="utf-8")):
            href = href.replace("&amp;", "&")
            if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("//"):
                continue
            if href.endswith(".pdf"):
                continue  # the handbooks are made after the site build by scripts/build_pdf.py (tests/pdf checks them)
            aantal += 1
            deel, _, anker = href.partition("#")
            doel = (pad.parent / urllib.parse.unquote(deel)).resolve() if deel else pad
            if doel.is_dir():
                doel = doel / "index.html"
            if not doel.is_file():
                kapot.append(f"{pad.relative_to(site)} -> {href}")
            elif anker and doel.suffix == ".html" and urllib.parse.unquote(anker) not in ids(doel):
                kapot.append(f"{pad.relative_to(site)} -> {href} (anker)")
    assert aantal > 100
    assert not kapot, "\n".join(kapot[:40])


def test_paginas_laden_niets_van_buiten_de_site(site):
    extern = []
    for pad in paginas(site) + [site / "404.html"]:
        html = pad.read_text(encoding="utf-8")
        for tag, attr, url in re.findall(r"<(script|img|link|iframe|source|video|audio)\b[^>]*?\b(src|href)=\"([^\"]+)\"",
                                         html):
            if tag == "link" and re.search(r'rel="(canonical|alternate)"', html[html.find(url) - 200:html.find(url)]):
                continue
            if re.match(r"^(https?:)?//", url):
                extern.append(f"{pad.relative_to(site)}: <{tag} {attr}={url}>")
    for css in (site / "assets").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text(encoding="utf-8")):
            extern.append(f"{css.relative_to(site)}: url({url})")
    assert not extern, "\n".join(extern[:20])


def test_diagrammen_zijn_inline_svg_zonder_mermaid(site):
    fasen = (site / "fasen" / "index.html").read_text(encoding="utf-8")
    assert '<svg class="pw-sporen"' in fasen and 'class="pw-fasen"' in fasen
    for pad in paginas(site):
        assert "mermaid" not in pad.read_text(encoding="utf-8").lower(), pad


def test_werkgever_en_werknemer_zien_elke_stap_en_de_tijdlijn_heeft_tabs(site):
    stappen = yaml.safe_load((ROOT / "docs" / "_data" / "stappen.yml").read_text(encoding="utf-8"))
    werkgever = (site / "werkgever" / "index.html").read_text(encoding="utf-8")
    werknemer = (site / "werknemer" / "index.html").read_text(encoding="utf-8")
    tijdlijn = (site / "tijdlijn" / "index.html").read_text(encoding="utf-8")
    for s in stappen:
        for html in (werkgever, werknemer, tijdlijn):
            assert f'id="{s["id"]}"' in html, s["id"]
    labels = re.findall(r'<label for="__tabbed_\d+_\d+">([^<]+)</label>', tijdlijn)
    assert labels.count("Werkgever") == len(stappen) and labels.count("Werknemer") == len(stappen)


def test_voorpagina_biedt_beide_ingangen(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "Ik ben werkgever" in html and "Ik ben werknemer" in html
    assert 'href="werkgever/"' in html and 'href="werknemer/"' in html


@pytest.mark.parametrize("pagina", ["tijdlijn", "werkgever", "werknemer", "fasen"])
def test_geen_wettelijk_getal_getypt_in_eigen_inhoud(pagina):
    """The structured content and SITE pages type no week numbers, day counts or amounts: they render them."""
    bestanden = {"tijdlijn": ["docs/tijdlijn.md", "docs/_data/stappen.yml"],
                 "werkgever": ["docs/werkgever/index.md", "docs/werkgever/stappenplan.md",
                               "docs/_data/stappenplannen.yml"],
                 "werknemer": ["docs/werknemer/index.md", "docs/werknemer/stappenplan.md"],
                 "fasen": ["docs/fasen.md", "docs/_data/fasen.yml", "scripts/templates/stappen.md.j2",
                           "docs/index.md"]}[pagina]
    for naam in bestanden:
        tekst = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", "", (ROOT / naam).read_text(encoding="utf-8"), flags=re.S)
        tekst = "\n".join(r for r in tekst.splitlines() if not r.lstrip().startswith("#"))
        getallen = re.findall(r"(?:week|weken|dagen|maanden|€)\s*\d+|\d+\s*(?:weken|dagen|maanden|%)|\d+e[- ]?week", tekst)
        assert not getallen, f"{naam}: {getallen}"


def _klein_project(tmp_path):
    """A one-folder MkDocs project that uses our jinja hook, for the build-failure tests."""
    project = tmp_path / "p"
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(
        "site_name: t\nhooks:\n  - " + str(ROOT / "scripts" / "mkdocs_hooks.py") + "\n"
        "extra:\n  voorbeeld:\n    eerste_ziektedag: '2026-01-05'\n", encoding="utf-8")
    return project


def test_onbekende_verwijzing_laat_de_bouw_falen_met_bestandsnaam(tmp_path):
    project = _klein_project(tmp_path)
    (project / "docs" / "index.md").write_text("---\ndoelgroep: beide\n---\n# T\n\nWeek {{ r.ziekmelding_uwv.week }}\n",
                                               encoding="utf-8")
    (project / "docs" / "fout.md").write_text("---\ndoelgroep: beide\n---\n# F\n\nregel\n\n{{ r.bestaat_niet.week }}\n",
                                              encoding="utf-8")
    res = sitehulp.bouw_site(project, tmp_path / "uit")
    assert res.returncode != 0
    assert "docs/fout.md:8" in res.stdout + res.stderr


def test_onmogelijk_rekenvoorbeeld_laat_de_bouw_falen_met_de_melding_van_de_rekenkern(tmp_path):
    """bereken() asks the engine at build time; a request it refuses stops the build with its Dutch message."""
    project = _klein_project(tmp_path)
    (project / "docs" / "index.md").write_text(
        "---\ndoelgroep: beide\n---\n# T\n\n{% set v = bereken(voorbeeld.eerste_ziektedag ~ '/' ~ "
        "(voorbeeld.eerste_ziektedag | dagen_later(-1))) %}{{ v.tijd('plan_van_aanpak') }}\n", encoding="utf-8")
    res = sitehulp.bouw_site(project, tmp_path / "uit")
    assert res.returncode != 0
    assert "docs/index.md" in res.stdout + res.stderr and "eindigt vóór de begindatum" in res.stdout + res.stderr


def test_pagina_zonder_doelgroep_laat_de_bouw_falen(tmp_path):
    project = _klein_project(tmp_path)
    (project / "docs" / "index.md").write_text("# Zonder doelgroep\n", encoding="utf-8")
    res = sitehulp.bouw_site(project, tmp_path / "uit")
    assert res.returncode != 0
    assert "docs/index.md" in res.stdout + res.stderr and "doelgroep" in res.stdout + res.stderr


def test_elke_inhoudspagina_linkt_haar_eigen_bronnen(site):
    """Pages that explain rules end with their own sources: a Bronnen section with links to outside sources."""
    docs = ROOT / "docs"
    inhoud = ["index.md", "tijdlijn.md", "fasen.md", "werkgever/index.md", "werkgever/stappenplan.md",
              "werknemer/index.md", "werknemer/stappenplan.md"]
    inhoud += [str(p.relative_to(docs)) for p in sorted((docs / "onderwerpen").glob("*.md"))
               if not p.name.endswith(".en.md")]  # the English twins: tests/site/test_engelse_tweelingen.py
    zonder = []
    for md in inhoud:
        html = html_pad(site, md).read_text(encoding="utf-8")
        artikel = html[html.find("<article"):html.find("</article>")]
        eigen = 'id="bronnen"' in artikel and re.search(r'href="https?://', artikel[artikel.find('id="bronnen"'):])
        if not eigen and not (md == "index.md" and 'href="bronnen/"' in artikel):
            zonder.append(md)
    assert not zonder, f"pagina's zonder eigen bronnen: {zonder}"
