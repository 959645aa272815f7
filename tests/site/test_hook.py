"""Unit tests of the rendering hook's filters and rule wrapper, and of the structure of the step data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def hook():
    spec = importlib.util.spec_from_file_location("site_mkdocs_hooks", ROOT / "scripts" / "mkdocs_hooks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["site_mkdocs_hooks"] = module
    spec.loader.exec_module(module)
    return module


def test_euro_en_getal_in_nederlandse_notatie(hook):
    assert hook.f_euro(400) == "€\u00a0400"
    assert hook.f_euro(1234.5) == "€\u00a01.234,50"
    assert hook.f_getal(1234567) == "1.234.567"
    assert hook.f_getal(0.5) == "0,50"


def test_datum_nl_neemt_tekst_en_datum(hook):
    import datetime as dt

    from poortwachter.datums import datum_nl

    assert hook.f_datum_nl("2026-01-05") == datum_nl(dt.date(2026, 1, 5))
    assert hook.f_datum_nl(dt.date(2026, 1, 5)) == datum_nl(dt.date(2026, 1, 5))


def test_regel_geeft_waarden_en_metadata_en_weigert_onbekende_velden(hook):
    from poortwachter.regels import regels_als_dict

    data = regels_als_dict()["regels"]
    r = hook.Regels(data)
    assert r.ziekmelding_uwv.week == data["ziekmelding_uwv"]["waarde"]["week"]
    assert r.ziekmelding_uwv.bronnen == data["ziekmelding_uwv"]["bronnen"]
    assert r["probleemanalyse"].grondslag == data["probleemanalyse"]["grondslag"]
    with pytest.raises(AttributeError):
        r.ziekmelding_uwv.bestaat_niet
    with pytest.raises(AttributeError):
        r.bestaat_niet
    assert sorted(x.id for x in r) == sorted(data)


def test_waardeveld_met_de_naam_van_metadata_wordt_geweigerd(hook):
    with pytest.raises(hook.BouwFout):
        hook.Regel("x", {"waarde": {"bronnen": 1}})


def test_grondslag_als_link(hook):
    g = {"wet": "Ziektewet", "artikel": "38", "lid": "1", "url": "https://wetten.overheid.nl/BWBR0001888"}
    assert hook.f_grondslag(g) == "[Ziektewet artikel 38 lid 1](https://wetten.overheid.nl/BWBR0001888)"
    assert hook.f_grondslag(None) == ""


VELDEN = {"id", "titel", "fase", "doelgroep", "wanneer", "termijnen", "regels", "kort", "werkgever", "werknemer", "samen"}


def test_elke_stap_heeft_alle_velden_en_twee_perspectieven():
    stappen = yaml.safe_load((ROOT / "docs" / "_data" / "stappen.yml").read_text(encoding="utf-8"))
    fasen = {f["id"] for f in yaml.safe_load((ROOT / "docs" / "_data" / "fasen.yml").read_text(encoding="utf-8"))}
    from poortwachter.regels import regels_als_dict

    regels = regels_als_dict()["regels"]
    ids = [s["id"] for s in stappen]
    assert len(ids) == len(set(ids))
    for s in stappen:
        assert VELDEN <= set(s), (s.get("id"), VELDEN - set(s))
        assert s["doelgroep"] in {"werkgever", "werknemer", "beide"}
        assert s["fase"] in fasen
        assert s["werkgever"].strip() and s["werknemer"].strip() and s["werkgever"] != s["werknemer"]
        assert s["regels"], s["id"]
        assert set(s["regels"]) <= set(regels), s["id"]
    # the timeline covers the whole law, in the order
    volgorde = ["ziekmelding", "probleemanalyse", "plan_van_aanpak", "evaluaties", "ziekmelding_uwv",
                "eerstejaarsevaluatie", "spoor_2", "eindevaluatie", "wia_aanvraag", "riv_toets",
                "vrijwillige_verlenging", "vervroegde_iva"]
    assert ids == volgorde


def test_stappenplannen_hebben_vier_en_drie_stappen():
    plannen = yaml.safe_load((ROOT / "docs" / "_data" / "stappenplannen.yml").read_text(encoding="utf-8"))
    assert len(plannen["werkgever"]) == 4 and len(plannen["werknemer"]) == 3


def test_meldadres_toegankelijkheid_komt_uit_een_plek(hook):
    def adres(extra=None, site_url=None):
        return hook.toegankelijkheid({"extra": {"toegankelijkheid": extra or {}}, "site_url": site_url})["meldadres"]

    assert adres({"meldadres": "meld@uitgever.nl"}, "https://www.poortwachter.example.org/") == "meld@uitgever.nl"
    assert adres({}, "https://www.poortwachter.example.org/") == "toegankelijkheid@poortwachter.example.org"
    assert adres({"meldadres": ""}) == ""
    assert adres({}, "http://localhost:8000/") == ""          # no domain: no invented address
    with pytest.raises(hook.BouwFout, match="geen e-mailadres"):
        adres({"meldadres": "https://example.org/issues"})


def test_toegankelijkheidsverklaring_toont_het_ingestelde_meldadres(hook):
    import re

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import sitehulp

    extra = sitehulp.mkdocs_config()["extra"]
    bron = (ROOT / "docs" / "over" / "toegankelijkheid.md").read_text(encoding="utf-8")
    bron = re.sub(r"\A---\n.*?\n---\n", "", bron, flags=re.S)
    teksten = {}
    for adres in ("meld@uitgever.nl", ""):
        bouw = hook.Bouw({"docs_dir": str(ROOT / "docs"),
                          "extra": {**extra, "toegankelijkheid": {"meldadres": adres}}})
        teksten[adres] = bouw.env.from_string(bron).render()
    assert "[meld@uitgever.nl](mailto:meld@uitgever.nl)" in teksten["meld@uitgever.nl"]
    assert "mailto:" not in teksten[""] and "nog niet gebeurd" in teksten[""]


def test_ruwe_url_vindt_wat_een_woordgrens_vindt(hook):
    """The raw-URL pattern of on_post_page starts with a letter (speed, issue 14 P6) and matches exactly what
    `\\b(?:src|href)="...` matched: also at the start, after a hyphen, never inside a longer word."""
    import re

    woordgrens = re.compile(r'(?P<voor>\b(?:src|href)=")(?P<url>(?![a-z][a-z0-9+.-]*:|/|#)[^"#?]+)(?P<na>[#?"])')
    tekst = ('src="a.js" <img data-src="b.png"> <a xhref="c/">x</a><a href="d/#k">y</a><a href="https://e/">'
             '<a href="/f/"> <link href="g.css?v=1"> <a href="#h"> nosrc="i" _href="j" é-src="k" ésrc="l"')
    gevonden = [(m.span(), m.groups()) for m in hook._RUWE_URL.finditer(tekst)]
    assert gevonden == [(m.span(), m.groups()) for m in woordgrens.finditer(tekst)]
    assert [g[1] for _, g in gevonden] == ["a.js", "b.png", "d/", "g.css", "k"]


def test_gecompileerde_sjablonen_uit_de_cache_houden_de_eigen_filters(hook, tmp_path, monkeypatch):
    """Bouw.sjabloon keeps compiled page code in .cache/; the same source in another language's environment (same
    filter names, other filters) must render with that environment's filters, not with filter output that Jinja
    folded into the cached code while compiling. With POORTWACHTER_GEEN_CACHE nothing is kept."""
    from types import SimpleNamespace

    import jinja2

    monkeypatch.setattr(hook, "CACHE", tmp_path)
    monkeypatch.delenv("POORTWACHTER_GEEN_CACHE", raising=False)

    def bouw(achtervoegsel, filter_=None):
        env = jinja2.Environment(keep_trailing_newline=True)
        env.filters["taal"] = filter_ or hook._bij_het_renderen(lambda w: f"{w}-{achtervoegsel}")
        env.bytecode_cache = hook._jinja_cache(env)
        return SimpleNamespace(env=env)

    bron = '{{ "x" | taal }} {{ 1 + 2 }}\n'
    nl, en = bouw("nl"), bouw("en")
    assert hook.Bouw.sjabloon(nl, bron, "docs/p.md").render() == "x-nl 3\n"
    assert len(list(tmp_path.glob("jinja-inhoud-*/*"))) == 1
    assert hook.Bouw.sjabloon(en, bron, "docs/p.md").render() == "x-en 3\n"  # from the cache: the same one file
    assert len(list(tmp_path.glob("jinja-inhoud-*/*"))) == 1
    with pytest.raises(jinja2.TemplateSyntaxError) as fout:
        hook.Bouw.sjabloon(nl, "{{ kapot ", "docs/q.md")
    assert fout.value.name == "docs/q.md"
    # A filter that Jinja may call while compiling: no cache at all rather than code holding its output.
    assert bouw("nl", filter_=lambda w: w).env.bytecode_cache is None
    monkeypatch.setenv("POORTWACHTER_GEEN_CACHE", "1")
    leeg = bouw("nl")
    assert leeg.env.bytecode_cache is None
    assert hook.Bouw.sjabloon(leeg, bron, "docs/p.md").render() == "x-nl 3\n"
