"""scripts/bouwcache_hooks.py: what it keeps in .cache/ gives exactly what the uncached step gives (issue 14, P6)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import bouwcache_hooks  # noqa: E402
from material.plugins.search.plugin import SearchIndex  # noqa: E402


def _pagina(inhoud: str, titel: str = "Kop") -> SimpleNamespace:
    kop = SimpleNamespace(id="kop", url="#kop", children=[SimpleNamespace(id="sub", url="#sub", children=[])])
    return SimpleNamespace(url="p/", title=titel, meta={"search": {"boost": 2}}, toc=[kop], content=inhoud)


def test_zoekregels_uit_de_cache_zijn_die_van_de_parse(tmp_path, monkeypatch):
    monkeypatch.setattr(bouwcache_hooks, "CACHE", tmp_path)
    monkeypatch.delenv("POORTWACHTER_GEEN_CACHE", raising=False)
    inhoud = ('<h1 id="kop">Kop</h1><p>Tekst één.</p><h2 id="sub">Sub</h2><p>Meer <b>tekst</b>.</p>'
              '<div data-search-exclude><p>Niet zoeken.</p></div>')

    def regels(pagina, functie) -> list[dict]:
        index = SearchIndex()
        index.entries.append({"location": "al-er", "title": "", "text": ""})  # a hit appends, replaces nothing
        functie(index, pagina)
        return index.entries

    verwacht = regels(_pagina(inhoud), bouwcache_hooks._zoek_zonder_cache)
    assert [e["location"] for e in verwacht] == ["al-er", "p/", "p/#sub"]
    assert regels(_pagina(inhoud), bouwcache_hooks._zoek_met_cache) == verwacht  # parsed, then kept
    assert len(list(tmp_path.glob("zoeken/*/*.pickle"))) == 1
    assert regels(_pagina(inhoud), bouwcache_hooks._zoek_met_cache) == verwacht  # from the cache
    # Another page text or title is another key, never the kept entries.
    anders = inhoud.replace("Meer", "Minder")
    assert regels(_pagina(anders), bouwcache_hooks._zoek_met_cache) == regels(
        _pagina(anders), bouwcache_hooks._zoek_zonder_cache)
    assert regels(_pagina(inhoud.replace('<h1 id="kop">Kop</h1>', ""), "Titel"), bouwcache_hooks._zoek_met_cache)[
        1]["title"] == "Titel"
    assert len(list(tmp_path.glob("zoeken/*/*.pickle"))) == 3
