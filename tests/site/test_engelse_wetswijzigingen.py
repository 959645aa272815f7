"""The English law-changes page and the fine note on the English 'what if' page (issue 13): the same changes, statuses,
anchors and sources as the Dutch pages (tests/site/test_wetswijzigingen.py), in the English wording of the rule data
(the `_en` twins in regels/wetswijzigingen.toml and docs/_data/wetswijziging_status.yml)."""

from __future__ import annotations

import re
from html import unescape

import yaml

from poortwachter.regels import laad_regels
from sitehulp import ROOT, html_pad


def _tekst(html: str) -> str:
    """Visible text without any whitespace, so that inline tags (abbr, a, em) never split a comparison."""
    return re.sub(r"\s+", "", unescape(re.sub(r"<[^>]+>", "", html)))


def _en(w, veld: str) -> str:
    return getattr(w, f"{veld}_en") or getattr(w, veld)


def _artikel(site, md: str) -> str:
    html = html_pad(site / "en", md).read_text(encoding="utf-8")
    return html[html.find("<article"):html.find("</article>")]


def _labels() -> dict:
    ruw = yaml.safe_load((ROOT / "docs" / "_data" / "wetswijziging_status.yml").read_text(encoding="utf-8"))
    return {k: {"label": v.get("label_en") or v["label"], "uitleg": v.get("uitleg_en") or v["uitleg"]}
            for k, v in ruw.items()}


def test_de_engelse_pagina_toont_elke_wijziging_in_het_engels_met_haar_status(site):
    artikel = _artikel(site, "onderwerpen/wetswijzigingen.md")
    assert 'lang="en"' in html_pad(site / "en", "onderwerpen/wetswijzigingen.md").read_text(encoding="utf-8")[:2000]
    tekst = _tekst(artikel)
    labels = _labels()
    for s in labels.values():
        assert _tekst(s["label"]) in tekst and _tekst(s["uitleg"]) in tekst
    geldt = artikel[artikel.find('id="wat-geldt"'):artikel.find('id="ingetrokken"')]
    assert geldt, "the sections keep the Dutch ids wat-geldt and ingetrokken"
    for w in laad_regels().wetswijzigingen:
        assert _tekst(_en(w, "wat")) in tekst, w.id
        if w.status == "geldt":
            assert _tekst(_en(w, "titel")) in _tekst(geldt), w.id
        elif w.status in ("voorstel", "niet bevestigd"):
            anker = w.id.replace("_", "-")
            kop = re.search(rf'<h3 id="{anker}">(.*?)</h3>', artikel, re.S)
            assert kop and _tekst(_en(w, "titel")) in _tekst(kop.group(1)), w.id
            deel = artikel[kop.end():]
            deel = deel[:deel.find("<h3") if "<h3" in deel else len(deel)]
            assert _tekst(labels[w.status]["label"].lower()) in _tekst(deel), w.id
            assert _tekst(f"({_en(w, 'datum_soort')})") in _tekst(deel), w.id
        for b in w.bronnen:
            assert f'href="{b["url"]}"'.replace("&", "&amp;") in artikel, (w.id, b["url"])


def test_in_de_tabel_van_wat_geldt_staat_de_soort_datum_alleen_als_het_geen_inwerkingtreding_is(site):
    """As on the Dutch page ("in werking" left out), the English table leaves out the English twin ("in force")."""
    artikel = _artikel(site, "onderwerpen/wetswijzigingen.md")
    geldt = artikel[artikel.find('id="wat-geldt"'):artikel.find('id="ingetrokken"')]
    rijen = re.findall(r"<tr>(.*?)</tr>", geldt, re.S)[1:]
    wijzigingen = [w for w in laad_regels().wetswijzigingen if w.status == "geldt"]
    assert len(rijen) == len(wijzigingen)
    for rij, w in zip(rijen, wijzigingen):
        sinds = _tekst(re.search(r"<td>(.*?)</td>", rij, re.S).group(1))
        if w.datum_soort == "in werking":
            assert "(" not in sinds, (w.id, sinds)
        else:
            assert sinds.endswith(_tekst(f"({_en(w, 'datum_soort')})")), (w.id, sinds)
    assert any(w.datum_soort == "in werking" for w in wijzigingen)
    assert any(w.datum_soort != "in werking" for w in wijzigingen)


def test_het_engelse_boetevoorstel_staat_naast_de_boetetabel_en_linkt_naar_zijn_anker(site):
    html = _artikel(site, "onderwerpen/wat-als.md")
    deel = html[html.find('id="te-late-ziekmelding-uwv"'):]
    deel = deel[:deel.find("<h3", 10)]
    (voorstel,) = laad_regels().wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel", "niet bevestigd"))
    assert _tekst(_labels()[voorstel.status]["label"]) in _tekst(deel)
    assert _tekst(_en(voorstel, "wat")) in _tekst(deel)
    assert f'wetswijzigingen/#{voorstel.id.replace("_", "-")}"' in deel
    assert _tekst("not confirmed") in _tekst(deel)  # the fine table itself is not confirmed from the official text
