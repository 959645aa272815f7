"""The published contract (testgevallen/v1/): the schemas are valid JSON Schema 2020-12, the engine passes every
published vector, every request and answer fits the schemas, and every request-shape error fails verzoek.schema.json.

The vectors and schemas are taken from scripts/testgevallen_hooks.py, the same functions that write them into the
site, so what is tested is what is published (tests/site/test_testgevallen.py checks the built files against them).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from schemahulp import controleer_antwoord, controleer_verzoek, fouten, hooks  # noqa: E402

from poortwachter.contract import FOUT_CODES, SIGNAAL_CODES, bereken  # noqa: E402

PUBLIEK = ROOT / "tests" / "browser" / "public-cases.json"
PEILDATUM = "2026-11-23"


def _bereken(verzoek: dict) -> dict:
    return json.loads(bereken(json.dumps(verzoek)))


def _vectoren():
    return [pytest.param(v, id=v["naam"]) for v in hooks().termijnen_json()["gevallen"]]


def _foutgevallen(vorm: bool):
    return [pytest.param(g, id=g["naam"]) for g in hooks().gevallen()
            if "invoer" in g and "fouten" in g["verwacht"] and bool(g.get("vormfout")) is vorm]


# ---------------------------------------------------------------- the schemas themselves

@pytest.mark.parametrize("naam", ["verzoek", "antwoord"])
def test_schema_is_geldig_json_schema_2020_12(naam):
    schema = hooks().schemas()[naam]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_signaalcodes_in_het_schema_zijn_die_van_de_rekenkern():
    enum = hooks().schemas()["antwoord"]["$defs"]["signaal_code"]["enum"]
    assert enum == list(SIGNAAL_CODES) and len(set(enum)) == len(enum)
    assert fouten("antwoord", {"fouten": [], "x": 1})  # sanity: the validator rejects something


def test_elke_signaalcode_in_de_broncode_staat_in_de_lijst():
    """A new signal in the engine's source without an entry in SIGNAAL_CODES fails here, even before a case hits it."""
    bron = ROOT / "calculators" / "src" / "poortwachter"
    gebruikt = set()
    for pad in bron.glob("*.py"):
        tekst = pad.read_text(encoding="utf-8")
        gebruikt |= set(re.findall(r'signaal\(\s*"([a-z0-9_]+)"', tekst))
        gebruikt |= set(re.findall(r'"code":\s*"([a-z0-9_]+)"', tekst))
        # A signal from the engine's cache (termijnen._Rekenaar.vast_signaal): its key tuple starts with the code.
        gebruikt |= set(re.findall(r'sleutel = \(\s*"([a-z0-9_]+)"', tekst))
    assert len(gebruikt) >= 15
    assert gebruikt <= set(SIGNAAL_CODES), gebruikt - set(SIGNAAL_CODES)


def test_readme_legt_elke_signaalcode_uit():
    readme = (ROOT / "calculators" / "README.md").read_text(encoding="utf-8")
    sectie = readme.split("### Signalen", 1)[1].split("\n### ", 1)[0]
    tabel = set(re.findall(r"^\| `([a-z0-9_]+)` \|", sectie, flags=re.M))
    assert tabel == set(SIGNAAL_CODES), (set(SIGNAAL_CODES) - tabel, tabel - set(SIGNAAL_CODES))


# ---------------------------------------------------------------- error codes

BRON = ROOT / "calculators" / "src" / "poortwachter"


def _foutcodes_in_de_bron() -> dict[str, set[str]]:
    """Every error code the source can emit, read with ast: each string in the value of a ``code=`` keyword (also in
    a conditional expression there), and each string a ``*_foutcode`` function returns. Also fails when a call that
    makes an error (``fout``, ``_fout``, ``maak_fout``) has no ``code=``: an error without a code cannot slip in."""
    import ast

    gevonden: dict[str, set[str]] = {}
    for pad in sorted(BRON.glob("*.py")):
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            stukken = []
            if isinstance(node, ast.Call):
                naam = getattr(node.func, "id", getattr(node.func, "attr", ""))
                codes = [k.value for k in node.keywords if k.arg == "code"]
                if naam in ("fout", "_fout", "maak_fout"):
                    assert codes, f"{pad.name}:{node.lineno}: {naam}(...) zonder code="
                stukken = codes
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_foutcode"):
                stukken = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value is not None]
            for stuk in stukken:
                # A code passed on (code=f["code"]) is not a new code: skip the keys of subscripts.
                sleutels = {id(n.slice) for n in ast.walk(stuk) if isinstance(n, ast.Subscript)}
                for c in ast.walk(stuk):
                    if isinstance(c, ast.Constant) and isinstance(c.value, str) and id(c) not in sleutels:
                        gevonden.setdefault(c.value, set()).add(pad.name)
    return gevonden


def test_foutcodes_in_het_schema_zijn_die_van_de_rekenkern():
    enum = hooks().schemas()["antwoord"]["$defs"]["fout_code"]["enum"]
    assert enum == list(FOUT_CODES) and len(set(enum)) == len(enum)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in FOUT_CODES)
    assert not set(FOUT_CODES) & set(SIGNAAL_CODES)  # one code, one meaning, also across the two lists


def test_elke_foutcode_in_de_broncode_staat_in_de_lijst():
    """A new error in the engine's source with a code outside FOUT_CODES fails here, even before a case hits it."""
    gebruikt = _foutcodes_in_de_bron()
    assert len(gebruikt) >= 20
    assert set(gebruikt) <= set(FOUT_CODES), {c: gebruikt[c] for c in set(gebruikt) - set(FOUT_CODES)}
    # ...and no code in the list is dead: the source can emit each of them.
    assert set(FOUT_CODES) <= set(gebruikt), set(FOUT_CODES) - set(gebruikt)


def test_readme_legt_elke_foutcode_uit():
    readme = (ROOT / "calculators" / "README.md").read_text(encoding="utf-8")
    sectie = readme.split("### Fouten", 1)[1].split("\n### ", 1)[0]
    assert "| `code` |" in sectie  # the key itself is in the table of keys
    tabel = re.findall(r"^\| `([a-z0-9_]+)` \|", sectie.split("#### Foutcodes", 1)[1], flags=re.M)
    assert len(tabel) == len(set(tabel))
    assert set(tabel) == set(FOUT_CODES), (set(FOUT_CODES) - set(tabel), set(tabel) - set(FOUT_CODES))


#: Codes that no request object in tests/cases/ can produce, each with the test below that produces it.
_BUITEN_DE_GEVALLEN = {"verzoek_geen_json": "test_geen_json_heeft_een_code",
                       "interne_fout": "test_een_interne_fout_heeft_een_code"}


def test_elke_foutcode_komt_uit_een_geval():
    """Each code is expected by at least one case in tests/cases/ (and the engine gives it: test_gevallen.py)."""
    verwacht: dict[str, list[str]] = {}
    for g in hooks().gevallen():
        for f in g.get("verwacht", {}).get("fouten", []):
            assert "code" in f, g["naam"]  # every error case names its code
            verwacht.setdefault(f["code"], []).append(g["naam"])
    assert set(verwacht) <= set(FOUT_CODES), set(verwacht) - set(FOUT_CODES)
    assert set(FOUT_CODES) - set(verwacht) == set(_BUITEN_DE_GEVALLEN), set(FOUT_CODES) - set(verwacht)
    assert all(naam in globals() for naam in _BUITEN_DE_GEVALLEN.values())


def test_geen_json_heeft_een_code():
    antwoord = json.loads(bereken("{niet json"))
    assert [f["code"] for f in antwoord["fouten"]] == ["verzoek_geen_json"]


def test_een_interne_fout_heeft_een_code(monkeypatch):
    """The contract never raises; a crash inside comes back as interne_fout, for termijnen, spoor2 and scenario."""
    from poortwachter import contract, scenario, spoor2

    def stuk(*_a, **_k):
        raise RuntimeError("stuk")

    monkeypatch.setattr(contract, "bereken_termijnen", stuk)
    monkeypatch.setattr(spoor2, "beoordeel", stuk)
    monkeypatch.setattr(scenario, "_bereken", stuk)
    for verzoek in ({"ziek": ["2026-01-05"]}, {"actie": "spoor2", "peildatum": PEILDATUM},
                    {"actie": "scenario", "ziek": ["2026-01-05"]}):
        antwoord = _bereken(verzoek)
        controleer_antwoord(antwoord)
        assert [f["code"] for f in antwoord["fouten"]] == ["interne_fout"], verzoek


def test_een_onbekende_foutcode_past_niet():
    antwoord = _bereken({"ziek": ["2026-02-30"]})
    controleer_antwoord(antwoord)
    antwoord["fouten"][0]["code"] = "bestaat_niet"
    assert fouten("antwoord", antwoord)
    del antwoord["fouten"][0]["code"]
    assert fouten("antwoord", antwoord)


def test_de_cli_geeft_een_regel_zonder_code_en_exit_2(capsys):
    """The code is for software; the command line keeps its one Dutch line on stderr, and exit code 2."""
    from poortwachter.cli import main

    assert main(["termijnen", "--ziek", "2026-02-30", "--json"]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    regels = uit.err.strip().splitlines()
    assert len(regels) == 1 and "bestaat niet in de kalender" in regels[0]
    assert "datum_bestaat_niet" not in regels[0]


def test_een_onbekende_signaalcode_past_niet():
    antwoord = _bereken({"ziek": ["2026-01-05/2026-02-01"]})
    controleer_antwoord(antwoord)
    antwoord["signalen"][0]["code"] = "bestaat_niet"
    assert fouten("antwoord", antwoord)


def test_een_antwoord_met_een_veld_te_veel_of_te_weinig_past_niet():
    antwoord = _bereken({"ziek": ["2026-01-05"]})
    assert fouten("antwoord", {**antwoord, "extra": 1})
    zonder = dict(antwoord)
    del zonder["huidige_ziekteweek"]
    assert fouten("antwoord", zonder)
    antwoord["termijnen"][0]["datum"] = "5 januari 2026"
    assert fouten("antwoord", antwoord)


# ---------------------------------------------------------------- the published vectors

def test_er_zijn_minstens_honderd_vectoren_uit_tests_cases():
    data = hooks().termijnen_json()
    assert data["versie"] == 1
    assert set(data) == {"versie", "regels", "gevallen"}
    gevallen = data["gevallen"]
    assert len(gevallen) >= 100
    geslaagd = [g for g in hooks().gevallen() if "invoer" in g and "fouten" not in g["verwacht"]]
    assert [v["naam"] for v in gevallen] == [g["naam"] for g in geslaagd]
    for v in gevallen:
        assert set(v) == {"naam", "verzoek", "verwacht"}
        assert {"eerste_ziektedag", "termijnen"} <= set(v["verwacht"])
        assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in v["verwacht"]["termijnen"].values())


def test_de_verwachte_datums_komen_uit_de_gevalbestanden_niet_uit_de_rekenkern():
    """One source: every expected date is the one written in tests/cases/*.json."""
    per_naam = {g["naam"]: g for g in hooks().gevallen()}
    for v in hooks().termijnen_json()["gevallen"]:
        geval = per_naam[v["naam"]]
        assert v["verwacht"]["termijnen"] == geval["verwacht"].get("termijnen", {})
        assert v["verwacht"]["eerste_ziektedag"] == geval["verwacht"]["eerste_ziektedag"]
        assert v["verzoek"] == {"actie": "termijnen", **geval["invoer"]}


def test_de_regelversie_is_die_van_de_rekenkern():
    antwoord = _bereken({"ziek": ["2026-01-05"]})
    assert hooks().termijnen_json()["regels"] == antwoord["regels"]


@pytest.mark.parametrize("vector", _vectoren())
def test_de_rekenkern_haalt_de_vector(vector):
    controleer_verzoek(vector["verzoek"])
    antwoord = _bereken(vector["verzoek"])
    controleer_antwoord(antwoord)
    v = vector["verwacht"]
    assert antwoord["eerste_ziektedag"] == v["eerste_ziektedag"]
    datums = {t["id"]: t["datum"] for t in antwoord["termijnen"]}
    assert {tid: datums.get(tid) for tid in v["termijnen"]} == v["termijnen"]
    codes = {s["code"] for s in antwoord["signalen"]}
    assert set(v.get("signalen", [])) <= codes
    assert not set(v.get("geen_signalen", [])) & codes
    if "huidige_ziekteweek" in v:
        assert antwoord["huidige_ziekteweek"] == v["huidige_ziekteweek"]
    # The same request as an agenda file also fits the answer schema.
    controleer_antwoord(_bereken({**vector["verzoek"], "actie": "ics"}))


# ---------------------------------------------------------------- bad requests

@pytest.mark.parametrize("geval", _foutgevallen(vorm=True))
def test_een_vormfout_past_niet_in_het_verzoekschema(geval):
    assert fouten("verzoek", geval["invoer"]), "het schema laat deze vormfout door"
    antwoord = _bereken(geval["invoer"])
    assert "fouten" in antwoord
    controleer_antwoord(antwoord)


@pytest.mark.parametrize("geval", _foutgevallen(vorm=False))
def test_een_fout_tegen_kalender_of_regels_past_wel_in_het_schema(geval):
    """The schema describes the shape; 30 February, overlaps, minimum and maximum are the engine's to refuse."""
    controleer_verzoek(geval["invoer"])
    antwoord = _bereken(geval["invoer"])
    assert "fouten" in antwoord
    controleer_antwoord(antwoord)


@pytest.mark.parametrize("verzoek", [
    "geen object", ["2026-01-05"], {"actie": "onbekend", "ziek": ["2026-01-05"]},
    {"ziek": "2026-01-05", "vrijwillige_verlenging_weken": 13.5}, {"actie": "spoor2"},
    {"actie": "scenario", "ziek": ["2026-01-05"], "weekloon": "veel"},
], ids=["tekst", "lijst", "onbekende-actie", "halve-week", "spoor2-zonder-peildatum", "scenario-weekloon-tekst"])
def test_meer_foute_verzoeken(verzoek):
    assert fouten("verzoek", verzoek)
    antwoord = _bereken(verzoek)
    assert "fouten" in antwoord
    controleer_antwoord(antwoord)


def test_geen_json_en_een_interne_fout_passen_in_het_antwoordschema():
    controleer_antwoord(json.loads(bereken("{niet json")))


# ---------------------------------------------------------------- the other actions and the public cases

def _publieke():
    return [pytest.param(g, id=g["naam"]) for g in json.loads(PUBLIEK.read_text(encoding="utf-8"))["gevallen"]]


@pytest.mark.parametrize("geval", _publieke())
def test_publiek_geval_past_in_de_schemas(geval):
    args, verzoek = geval["args"], {}
    for optie, waarde in zip(args[::2], args[1::2]):
        veld = optie.lstrip("-").replace("-", "_")
        if veld in ("ziek", "verlof"):
            verzoek.setdefault(veld, []).append(waarde)
        else:
            verzoek[veld] = int(waarde) if veld.endswith("_weken") else waarde
    for actie in ("termijnen", "ics", "scenario"):
        v = {**verzoek, "actie": actie, "peildatum": PEILDATUM}
        controleer_verzoek(v)
        controleer_antwoord(_bereken(v))


def test_elk_pad_van_de_beslishulp_past_in_de_schemas():
    from poortwachter.spoor2 import alle_paden, alle_vraagstappen

    verzoeken = [{"actie": "spoor2", "peildatum": PEILDATUM, "antwoorden": dict(stap)}
                 for stap in alle_vraagstappen()]
    for pad in alle_paden():
        antwoorden = {v: a for v, a in pad["antwoorden"]}
        verzoeken.append({"actie": "spoor2", "peildatum": PEILDATUM, "antwoorden": antwoorden})
        verzoeken.append({"actie": "spoor2", "peildatum": PEILDATUM, "ziek": ["2026-01-05"],
                          "eerstejaarsevaluatie_op": "2026-12-01", "antwoorden": antwoorden})
    assert len(verzoeken) > 10
    statussen = set()
    for verzoek in verzoeken:
        controleer_verzoek(verzoek)
        antwoord = _bereken(verzoek)
        controleer_antwoord(antwoord)
        statussen.add(antwoord.get("status"))
    assert statussen == {"vraag", "uitkomst"}


@pytest.mark.parametrize("extra", [{}, {"weekloon": 812.5}, {"weekloon": "812,50", "vrijwillige_verlenging_weken": 26,
                                                               "loonsanctie_weken": 10}])
def test_scenario_past_in_de_schemas(extra):
    verzoek = {"actie": "scenario", "ziek": ["2026-01-05"], "peildatum": PEILDATUM, **extra}
    controleer_verzoek(verzoek)
    antwoord = _bereken(verzoek)
    assert "fouten" not in antwoord
    controleer_antwoord(antwoord)
