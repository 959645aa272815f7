"""testgevallen/v1/ in the built site: the two schemas and the vectors, generated from tests/cases/ at build time, and
the page for software makers that explains them (linked from the embed page and Bronnen)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from schemahulp import hooks  # noqa: E402


def test_de_gebouwde_bestanden_zijn_precies_wat_de_hook_uit_tests_cases_maakt(site):
    verwacht = hooks().publicaties()
    assert sorted(verwacht) == ["testgevallen/v1/antwoord.schema.json", "testgevallen/v1/termijnen.json",
                                "testgevallen/v1/verzoek.schema.json"]
    for pad, inhoud in verwacht.items():
        assert (site / pad).read_text(encoding="utf-8") == inhoud, pad
    data = json.loads((site / "testgevallen/v1/termijnen.json").read_text(encoding="utf-8"))
    assert len(data["gevallen"]) >= 100
    for naam in ("verzoek", "antwoord"):
        schema = json.loads((site / f"testgevallen/v1/{naam}.schema.json").read_text(encoding="utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_een_nieuw_geval_in_tests_cases_komt_bij_de_bouw_in_termijnen_json(tmp_path, monkeypatch):
    """One source: the vectors follow the case files, nobody copies them."""
    kopie = tmp_path / "cases"
    kopie.mkdir()
    for pad in (ROOT / "tests" / "cases").glob("*.json"):
        (kopie / pad.name).write_text(pad.read_text(encoding="utf-8"), encoding="utf-8")
    nieuw = {"naam": "Een extra geval verschijnt in de gepubliceerde vectoren", "invoer": {"ziek": ["2026-03-02"]},
             "verwacht": {"eerste_ziektedag": "2026-03-02", "termijnen": {}}}
    (kopie / "zzz_extra.json").write_text(json.dumps([nieuw]), encoding="utf-8")
    monkeypatch.setattr(hooks(), "GEVALLEN", kopie)
    namen = [g["naam"] for g in hooks().termijnen_json()["gevallen"]]
    assert namen[-1] == nieuw["naam"]


def _pagina(site: Path, pad: str) -> str:
    return (site / pad / "index.html").read_text(encoding="utf-8")


def test_de_pagina_voor_softwaremakers(site):
    html = _pagina(site, "softwaremakers")
    assert "<h1" in html and "Testgevallen en rekenregels voor softwaremakers" in html
    for bestand in ("termijnen.json", "verzoek.schema.json", "antwoord.schema.json"):
        assert f'href="../testgevallen/v1/{bestand}"' in html
    # The example is the real case from termijnen.json, not typed in.
    data = json.loads((site / "testgevallen/v1/termijnen.json").read_text(encoding="utf-8"))
    voorbeeld = next(g for g in data["gevallen"] if g["naam"] == hooks().VOORBEELD)
    tekst = re.sub(r"<[^>]+>", "", html).replace("&quot;", '"')
    for datum in voorbeeld["verwacht"]["termijnen"].values():
        assert f'"{datum}"' in tekst
    assert "testgeval-voorbeeld" not in html
    assert "def uw_rekenkern(verzoek)" in tekst and "function uwRekenkern(verzoek)" in tekst  # Python and JS


def test_embed_en_bronnen_linken_naar_de_pagina(site):
    for pad in ("embed", "bronnen"):
        html = _pagina(site, pad)
        artikel = html[html.index("<article"):html.index("</article>")]  # the page text, not the navigation
        assert 'href="../softwaremakers/"' in artikel, pad
