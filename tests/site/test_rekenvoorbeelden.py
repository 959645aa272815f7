"""Worked examples that a page computes itself (the jinja global bereken): every date is the engine's answer for the
request written next to it, and the samentelling page's examples show what its prose says (issue 12)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sitehulp import paginas  # noqa: E402

SAMENTELLING = Path("onderwerpen") / "samentelling-en-zwangerschap" / "index.html"


class _Tijden(HTMLParser):
    """Every <time data-verzoek=...>: (request, deadline id, datetime, visible text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tijden: list[tuple[dict, str, str, str]] = []
        self._open: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "time" and "data-verzoek" in a:
            self._open = [json.loads(a["data-verzoek"]), a["data-termijn"], a["datetime"], ""]

    def handle_data(self, data):
        if self._open is not None:
            self._open[3] += data

    def handle_endtag(self, tag):
        if tag == "time" and self._open is not None:
            self.tijden.append(tuple(self._open))
            self._open = None


def tijden(html: str) -> list[tuple[dict, str, str, str]]:
    lezer = _Tijden()
    lezer.feed(html)
    return lezer.tijden


def engine(verzoek: dict) -> dict:
    from poortwachter import contract

    return json.loads(contract.bereken(json.dumps(verzoek)))


def _datum(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def test_elke_datum_van_een_eigen_rekenvoorbeeld_komt_uit_de_rekenkern(site):
    gezien = 0
    for pad in paginas(site):
        for verzoek, tid, datum, tekst in tijden(pad.read_text(encoding="utf-8")):
            antwoord = {t["id"]: t for t in engine(verzoek)["termijnen"]}
            assert antwoord[tid]["datum"] == datum, (pad, verzoek, tid)
            assert antwoord[tid]["datum_tekst"] == tekst.strip(), (pad, verzoek, tid)
            gezien += 1
    assert gezien >= 16, f"te weinig berekende voorbeelddatums gevonden: {gezien}"


def test_samentelling_en_verlof_schuiven_de_termijnen_zoals_de_tekst_zegt(site):
    from poortwachter.regels import regels_als_dict

    grens = regels_als_dict()["regels"]["samentelling"]["waarde"]["onderbreking_dagen"]
    html = (site / SAMENTELLING).read_text(encoding="utf-8")
    per_verzoek: dict[str, dict[str, str]] = defaultdict(dict)
    for verzoek, tid, datum, _ in tijden(html):
        per_verzoek[json.dumps(verzoek, sort_keys=True)][tid] = datum
    verzoeken = {k: json.loads(k) for k in per_verzoek}
    doorlopend = [k for k, v in verzoeken.items() if len(v["ziek"]) == 1 and "/" not in v["ziek"][0]
                  and "verlof" not in v]
    assert len(doorlopend) == 1, verzoeken
    basis = per_verzoek[doorlopend[0]]
    soorten = set()
    for k, v in verzoeken.items():
        if len(v["ziek"]) == 2:
            einde = _datum(v["ziek"][0].split("/")[1])
            terug = _datum(v["ziek"][1])
            herstel = (terug - einde).days - 1
            antwoord = engine(v)
            assert f"{herstel} dagen beter" in html, herstel
            if herstel < grens:
                soorten.add("samen")
                assert antwoord["eerste_ziektedag"] == v["ziek"][0].split("/")[0]
                assert "samentelling" in {s["code"] for s in antwoord["signalen"]}
                for tid, datum in per_verzoek[k].items():
                    assert (_datum(datum) - _datum(basis[tid])).days == herstel, tid
            else:
                soorten.add("apart")
                assert antwoord["eerste_ziektedag"] == v["ziek"][1]
                assert "nieuw_tijdvak" in {s["code"] for s in antwoord["signalen"]}
        elif "verlof" in v:
            soorten.add("verlof")
            begin, einde = (_datum(x) for x in v["verlof"][0].split("/"))
            for tid, datum in per_verzoek[k].items():
                assert (_datum(datum) - _datum(basis[tid])).days == (einde - begin).days + 1, tid
    assert soorten == {"samen", "apart", "verlof"}, soorten
