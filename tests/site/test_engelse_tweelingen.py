"""The English twins of the home, audience, overview and legal pages and of the shared page templates (issue 13).

An English page is the same page in another language: the same front matter keys and audience, the same Jinja values
and macro calls (so every number still comes from the rules), the same links and the same explicit anchors (other
pages link to them with a #fragment). A template twin (`x.en.md.j2`) keeps the markup of `x.md.j2` (macros, HTML
tags with their ids, classes, data- and markdown attributes, anchors), so CSS and tests work on both editions.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TEMPLATES = ROOT / "scripts" / "templates"

PAGINAS = ["index.md", "werkgever/index.md", "werkgever/stappenplan.md", "werknemer/index.md",
           "werknemer/stappenplan.md", "tijdlijn.md", "fasen.md", "begrippen.md", "bronnen.md", "over/disclaimer.md",
           "over/privacy.md", "over/toegankelijkheid.md", "softwaremakers.md"]
SJABLONEN = ["stappen.md.j2", "gelijkgestelde_dagen.md.j2"]


def tweeling(pad: Path) -> Path:
    """docs/x/y.md -> docs/x/y.en.md; scripts/templates/z.md.j2 -> z.en.md.j2."""
    naam = pad.name
    stam, ext = (naam[: -len(".md.j2")], ".md.j2") if naam.endswith(".md.j2") else (pad.stem, pad.suffix)
    return pad.with_name(f"{stam}.en{ext}")


def delen(pad: Path) -> tuple[dict, str]:
    tekst = pad.read_text(encoding="utf-8")
    m = re.match(r"\A---\n(.*?)\n---\n", tekst, re.S)
    return (yaml.safe_load(m.group(1)), tekst[m.end():]) if m else ({}, tekst)


def _eng(s: str) -> str:
    return " ".join(s.split())


def jinja_waarden(tekst: str) -> set[str]:
    return {_eng(x) for x in re.findall(r"\{\{(.*?)\}\}", tekst, re.S)}


def jinja_opdrachten(tekst: str) -> list[str]:
    """The {% ... %} statements, with an imported template's name mapped to its English twin's."""
    uit = []
    for x in re.findall(r"\{%-?(.*?)-?%\}", tekst, re.S):
        uit.append(re.sub(r'"([\w-]+)\.md\.j2"', r'"\1.en.md.j2"', _eng(x)))
    return uit


def ankers(tekst: str) -> list[str]:
    return re.findall(r"\{\s*#([^}\s]+)\s*\}", tekst)


def links(tekst: str) -> set[str]:
    """Link targets of Markdown links and HTML hrefs that are not code."""
    tekst = re.sub(r"```.*?```", "", tekst, flags=re.S)
    return set(re.findall(r"\]\(([^)\s]+)\)", tekst)) | set(re.findall(r'href="([^"]+)"', tekst))


@pytest.mark.parametrize("pagina", PAGINAS)
def test_engelse_pagina_volgt_de_nederlandse(pagina):
    nl_meta, nl = delen(DOCS / pagina)
    en_pad = tweeling(DOCS / pagina)
    assert en_pad.is_file(), f"docs/{pagina} heeft geen Engelse tweeling {en_pad.relative_to(ROOT)}"
    en_meta, en = delen(en_pad)
    assert set(en_meta) == set(nl_meta), f"front matter: {sorted(nl_meta)} vs {sorted(en_meta)}"
    for sleutel in ("doelgroep", "pdf", "hide"):
        assert en_meta.get(sleutel) == nl_meta.get(sleutel), sleutel
    assert en_meta["title"], "geen titel"  # may equal the Dutch one ("Disclaimer")
    assert en_meta["description"] != nl_meta["description"], "description is niet vertaald"
    assert jinja_waarden(en) == jinja_waarden(nl), (
        f"andere Jinja-waarden: alleen NL {jinja_waarden(nl) - jinja_waarden(en)}, "
        f"alleen EN {jinja_waarden(en) - jinja_waarden(nl)}")
    assert jinja_opdrachten(en) == jinja_opdrachten(nl)
    assert ankers(en) == ankers(nl), "expliciete ankers (#fragment-doelen) moeten gelijk blijven"
    assert links(en) == links(nl), f"alleen NL {links(nl) - links(en)}, alleen EN {links(en) - links(nl)}"
    assert not [x for x in links(en) if ".en." in x], "link naar de Nederlandse pagina; de plugin kiest zelf de Engelse"


def _macros(tekst: str) -> list[str]:
    return [_eng(x) for x in re.findall(r"\{%-?\s*macro\s+(.*?)\s*-?%\}", tekst, re.S)]


def _opmaak(tekst: str) -> list[str]:
    """Every HTML start tag with its attributes, except the human-readable aria-label."""
    tekst = re.sub(r"\{##.*?##\}", "", tekst, flags=re.S)
    return [re.sub(r'\s+aria-label="[^"]*"', "", _eng(t)) for t in re.findall(r"<[a-z][^>]*>", tekst)]


def _velden(tekst: str) -> set[str]:
    """Data fields the template reads (s.titel, regel.omschrijving, ...)."""
    tekst = re.sub(r"\{##.*?##\}", "", tekst, flags=re.S)
    return set(re.findall(r"\b(?:s|st|f|rg|regel|b)\.[a-z_]+\b", tekst))


@pytest.mark.parametrize("sjabloon", SJABLONEN)
def test_sjabloontweeling_houdt_de_opmaak(sjabloon):
    nl = (TEMPLATES / sjabloon).read_text(encoding="utf-8")
    en_pad = tweeling(TEMPLATES / sjabloon)
    assert en_pad.is_file(), f"{sjabloon} heeft geen Engelse tweeling"
    en = en_pad.read_text(encoding="utf-8")
    assert _macros(en) == _macros(nl)
    assert _opmaak(en) == _opmaak(nl)
    assert ankers(en) == ankers(nl)
    assert _velden(en) == _velden(nl)
    assert en != nl


@pytest.mark.parametrize("naam", ["tijdlijn.md", "werkgever/index.md", "werkgever/stappenplan.md", "werknemer/index.md",
                                  "werknemer/stappenplan.md", "fasen.md", "index.md", "begrippen.md",
                                  "over/disclaimer.md", "over/toegankelijkheid.md"])
def test_geen_wettelijk_getal_getypt_in_engelse_inhoud(naam):
    """As test_site.test_geen_wettelijk_getal_getypt_in_eigen_inhoud, for the English pages and template twins."""
    for pad in (tweeling(DOCS / naam), TEMPLATES / "stappen.en.md.j2"):
        tekst = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{##.*?##\}", "", pad.read_text(encoding="utf-8"), flags=re.S)
        tekst = "\n".join(r for r in tekst.splitlines() if not r.lstrip().startswith("#"))
        getallen = re.findall(r"(?:weeks?|days?|months?|€)\s*\d+|\d+\s*(?:weeks?|days?|months?|%)|"
                              r"\d+(?:st|nd|rd|th)?[- ]week", tekst, re.I)
        assert not getallen, f"{pad.relative_to(ROOT)}: {getallen}"


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("site_mkdocs_hooks_en", ROOT / "scripts" / "mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["site_mkdocs_hooks_en"] = module
    spec.loader.exec_module(module)
    return module


def test_engelse_toegankelijkheidsverklaring_toont_het_ingestelde_meldadres(hook):
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sitehulp

    extra = sitehulp.mkdocs_config()["extra"]
    _, bron = delen(DOCS / "over" / "toegankelijkheid.en.md")
    teksten = {}
    for adres in ("meld@uitgever.nl", ""):
        bouw = hook.Bouw({"docs_dir": str(DOCS), "extra": {**extra, "toegankelijkheid": {"meldadres": adres}}})
        teksten[adres] = bouw.env.from_string(bron).render()
    assert "[meld@uitgever.nl](mailto:meld@uitgever.nl)" in teksten["meld@uitgever.nl"]
    assert "that has not been done yet" not in teksten["meld@uitgever.nl"]
    assert "mailto:" not in teksten[""] and "that has not been done yet" in teksten[""]


def test_engelse_voorpagina_biedt_beide_ingangen_in_het_engels(site):
    html = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "I am an employer" in html and "I am an employee" in html
    assert 'href="werkgever/"' in html and 'href="werknemer/"' in html
    assert "Ik ben werkgever" not in html


def test_engelse_tijdlijn_heeft_tabs_en_dezelfde_stapankers(site):
    nl = (site / "tijdlijn" / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "tijdlijn" / "index.html").read_text(encoding="utf-8")
    stappen = yaml.safe_load((DOCS / "_data" / "stappen.yml").read_text(encoding="utf-8"))
    for s in stappen:
        assert f'id="{s["id"]}"' in nl and f'id="{s["id"]}"' in en, s["id"]
    assert en.count(">Employer</label>") == nl.count(">Werkgever</label>") == len(stappen)
    assert en.count(">Employee</label>") == len(stappen)
    assert en.count('class="pw-datum"') == nl.count('class="pw-datum"') > 0


@pytest.mark.parametrize("pagina", ["tijdlijn", "fasen", "werkgever", "werkgever/stappenplan", "werknemer",
                                    "werknemer/stappenplan"])
def test_engelse_inhoudspagina_eindigt_met_haar_bronnen(site, pagina):
    """As test_site.test_elke_inhoudspagina_linkt_haar_eigen_bronnen: the English page ends with its own sources."""
    html = (site / "en" / pagina / "index.html").read_text(encoding="utf-8")
    artikel = html[html.find("<article"):html.find("</article>")]
    blok = artikel[artikel.find('class="pw-bronnen"'):]
    assert 'class="pw-bronnen"' in artikel and re.search(r'href="https?://', blok), pagina
    assert re.search(r"<h2[^>]*>Sources<", artikel) and not re.search(r"<h2[^>]*>Bronnen<", artikel)


def test_nederlands_sjabloon_geeft_in_de_engelse_bouw_de_engelse_tweeling(hook):
    """An English page that imports gelijkgestelde_dagen.md.j2 (not its twin) still shows the English list."""
    from types import SimpleNamespace

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sitehulp

    extra = sitehulp.mkdocs_config()["extra"]
    uit = {}
    for taal in ("nl", "en"):
        bouw = hook.Bouw({"docs_dir": str(DOCS), "extra": extra,
                          "plugins": {"i18n": SimpleNamespace(current_language=taal)}})
        uit[taal] = {naam: bouw.env.from_string(f'{{% from "{naam}" import besluiten %}}{{{{ besluiten() }}}}').render()
                     for naam in ("gelijkgestelde_dagen.md.j2", "gelijkgestelde_dagen.en.md.j2")}
    assert uit["en"]["gelijkgestelde_dagen.md.j2"] == uit["en"]["gelijkgestelde_dagen.en.md.j2"]
    assert "Period:" in uit["en"]["gelijkgestelde_dagen.md.j2"] and "Periode:" not in uit["en"]["gelijkgestelde_dagen.md.j2"]
    assert "Periode:" in uit["nl"]["gelijkgestelde_dagen.md.j2"] and "Period:" not in uit["nl"]["gelijkgestelde_dagen.md.j2"]
