"""The message layer (issue 13, "Engine and CLI"): poortwachter.berichten and its two catalogues, and `taal` in the
contract. Dutch is the reference: the same keys and placeholders in English, the same answer apart from its text in
both languages for every case in tests/cases/, and "taal": "nl" byte for byte the answer without `taal`.
"""

from __future__ import annotations

import ast
import json
import re
import string
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from schemahulp import controleer_antwoord, hooks  # noqa: E402

from poortwachter.berichten import TALEN, b, bericht, catalogus, datum_tekst  # noqa: E402
from poortwachter.contract import bereken  # noqa: E402
from poortwachter.datums import datum_nl  # noqa: E402

BRON = ROOT / "calculators" / "src" / "poortwachter"
MAANDEN_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")
#: The answer's text fields: the only ones that may differ between the languages.
TEKSTVELDEN = {"datum_tekst", "melding", "omschrijving", "rol", "toelichting", "tekst"}


def _velden(tekst: str) -> list[str]:
    return sorted(naam for _, naam, _, _ in string.Formatter().parse(tekst) if naam is not None)


def _bereken(verzoek) -> dict:
    antwoord = json.loads(bereken(json.dumps(verzoek)))
    controleer_antwoord(antwoord)
    return antwoord


# ---------------------------------------------------------------- the catalogues

def test_beide_catalogi_hebben_dezelfde_sleutels_en_parameters():
    nl, en = catalogus("nl"), catalogus("en")
    assert len(nl) >= 80
    assert set(nl) == set(en), (set(nl) ^ set(en))
    for sleutel, tekst in nl.items():
        if isinstance(tekst, list):
            assert isinstance(en[sleutel], list) and len(en[sleutel]) == len(tekst), sleutel
            continue
        assert _velden(tekst) == _velden(en[sleutel]), sleutel
        assert tekst.strip() and en[sleutel].strip(), sleutel


def test_elke_sleutel_in_de_broncode_staat_in_de_catalogus():
    """Every b("...")/bericht("...") in the engine names a key that exists (the CLI's t_("x") means "cli.x"; the built
    keys wat.{soort} are listed by hand), and every key in the catalogue is used: no dead text."""
    gebruikt, constanten = set(), set()
    for pad in BRON.glob("*.py"):
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constanten.add(node.value)
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                naam = getattr(node.func, "id", None)
                if naam in ("b", "bericht"):
                    gebruikt.add(node.args[0].value)
                elif naam == "t_":
                    gebruikt.add("cli." + node.args[0].value)
    gebruikt |= {f"wat.{soort}{klein}" for soort in ("ziekteperiode", "verlofperiode") for klein in ("", "_klein")}
    assert len(gebruikt) >= 80
    assert gebruikt <= set(catalogus("nl")), gebruikt - set(catalogus("nl"))
    # Keys built at run time (datum.* in datum_tekst, rol.* from the rule's role, the table headers) must still
    # appear as a literal somewhere in the source, or be a role.
    from poortwachter.regels import ROLLEN
    rollen = {"rol." + r.replace(" ", "_") for r in ROLLEN}
    dood = {s for s in set(catalogus("nl")) - gebruikt - rollen
            if s not in constanten and s.split(".", 1)[1] not in constanten}
    assert not dood, dood


def test_een_bericht_vult_datums_en_geneste_berichten_in_de_eigen_taal_in():
    wat = b("wat.ziekteperiode_klein", n=2)
    assert bericht("wat.begindatum_van", "nl", periode=wat) == "De begindatum van ziekteperiode 2"
    assert bericht("wat.begindatum_van", "en", periode=wat) == "The start date of sickness period 2"
    d = date(2026, 10, 26)
    assert bericht("signaal.hersteld", "en", datum=d).startswith("The last sickness period ends on Monday 26 October")
    assert "maandag 26 oktober 2026" in bericht("signaal.hersteld", "nl", datum=d)


# ---------------------------------------------------------------- dates as text

def test_datum_tekst_in_het_nederlands_is_datum_nl_voor_elke_dag():
    """Every day from the first covered year to the end of the calendar (leap days and year ends included)."""
    d, eind = date(2004, 1, 1), date(2099, 12, 31)
    while d <= eind:
        assert datum_tekst(d, "nl") == datum_nl(d)
        d += timedelta(days=1)


@pytest.mark.parametrize("d, nl, en", [
    (date(2026, 10, 26), "maandag 26 oktober 2026", "Monday 26 October 2026"),
    (date(2024, 2, 29), "donderdag 29 februari 2024", "Thursday 29 February 2024"),
    (date(2025, 12, 31), "woensdag 31 december 2025", "Wednesday 31 December 2025"),
    (date(2026, 1, 1), "donderdag 1 januari 2026", "Thursday 1 January 2026"),
    (date(2026, 3, 1), "zondag 1 maart 2026", "Sunday 1 March 2026"),
])
def test_datum_tekst_in_beide_talen(d, nl, en):
    assert datum_tekst(d, "nl") == nl
    assert datum_tekst(d, "en") == en


# ---------------------------------------------------------------- taal in the contract

def _gevallen():
    return [pytest.param(g, id=g["naam"]) for g in hooks().gevallen()
            if isinstance(g.get("invoer"), dict) and "taal" not in g["invoer"]]


def _zonder_tekst(x):
    if isinstance(x, dict):
        return {k: (None if k in TEKSTVELDEN else _zonder_tekst(v)) for k, v in x.items()}
    if isinstance(x, list):
        return [_zonder_tekst(v) for v in x]
    return x


@pytest.mark.parametrize("geval", _gevallen())
def test_zelfde_antwoord_in_beide_talen(geval):
    """Ids, dates, signal and error codes and the structure are the same in both languages; nl is byte-identical."""
    verzoek = geval["invoer"]
    zonder = bereken(json.dumps(verzoek))
    assert bereken(json.dumps({**verzoek, "taal": "nl"})) == zonder
    nl = json.loads(zonder)
    if nl.get("actie") in ("spoor2", "scenario") or verzoek.get("actie") in ("spoor2", "scenario"):
        return  # only Dutch so far: test_spoor2_en_scenario_weigeren_engels
    en = _bereken({**verzoek, "taal": "en"})
    assert _zonder_tekst(en) == _zonder_tekst(nl)
    for t_nl, t_en in zip(nl.get("termijnen", []), en.get("termijnen", [])):
        assert t_en["datum_tekst"] == datum_tekst(date.fromisoformat(t_en["datum"]), "en")
        assert not any(m in t_en["datum_tekst"] for m in MAANDEN_NL)
        assert t_en["omschrijving"] != t_nl["omschrijving"], t_en["id"]
        assert (t_en["toelichting"] is None) == (t_nl["toelichting"] is None), t_en["id"]
        assert t_en["toelichting"] is None or t_en["toelichting"] != t_nl["toelichting"], t_en["id"]
        assert t_en["rol"] == t_nl["rol"] == "UWV" or t_en["rol"] != t_nl["rol"]
    for soort in ("signalen", "fouten"):
        for s_nl, s_en in zip(nl.get(soort, []), en.get(soort, [])):
            if s_nl["melding"] != s_en["melding"]:
                continue
            # The same text is allowed only where the message is language-neutral or bilingual by design.
            assert s_nl["code"] == "taal_onbekend", (s_nl, s_en)


def test_engelse_meldingen_zijn_engels():
    """A few English answers read as English: no Dutch function words outside Dutch legal terms and rule texts."""
    verzoeken = [
        {"ziek": ["2026-02-30", "x"], "verlof": ["2026-03-01"], "loonsanctie_weken": 60, "zeik": 1},
        {"ziek": ["2026-01-05"], "probleemanalyse_op": "2026-01-01", "ziekmelding_uwv_op": "2025-12-01"},
        {"ziek": ["2026-01-05/2026-01-20", "2026-02-01/2026-02-10"], "verlof": ["2026-02-11/2026-03-01"],
         "peildatum": "2026-02-20", "vrijwillige_verlenging_weken": 13, "loonsanctie_weken": 10},
        {"ziek": ["2026-01-05"], "probleemanalyse_op": "2026-03-01", "ziekmelding_uwv_op": "2026-11-30",
         "eerstejaarsevaluatie_op": "2026-06-01"},
    ]
    dutch = re.compile(r"\b(de|het|een|van|niet|is op tijd|ligt|valt|dagen|tellen|tot en met|uiterlijk)\b")
    # Dutch legal terms stay (with an English gloss): UWV and the employer use them.
    termen = re.compile(r"plan van aanpak|Algemene termijnenwet")
    gezien = 0
    for verzoek in verzoeken:
        en = _bereken({**verzoek, "taal": "en"})
        for m in en.get("fouten", []) + en.get("signalen", []):
            gezien += 1
            assert not dutch.search(termen.sub("", m["melding"])), m
    assert gezien >= 10


@pytest.mark.parametrize("taal", ["de", "EN", "", 5, None, ["en"]])
def test_een_onbekende_taal_geeft_een_fout_in_beide_talen(taal):
    antwoord = _bereken({"ziek": ["2026-01-05"], "taal": taal})
    assert [(f["veld"], f["code"]) for f in antwoord["fouten"]] == [("taal", "taal_onbekend")]
    melding = antwoord["fouten"][0]["melding"]
    assert "Onbekende taal" in melding and "Unknown language" in melding and "nl" in melding and "en" in melding


@pytest.mark.parametrize("actie", ["spoor2", "scenario"])
def test_spoor2_en_scenario_spreken_engels(actie):
    """Issue 13: the decision aid and the scenarios answer in English too (full parity: tests/spoor2/test_taal.py);
    taal nl is the default, byte for byte."""
    verzoek = {"actie": actie, "peildatum": "2026-11-23", "ziek": ["2026-01-05"]}
    antwoord = _bereken({**verzoek, "taal": "en"})
    assert "fouten" not in antwoord and antwoord["actie"] == actie
    assert antwoord != _bereken(verzoek)
    assert bereken(json.dumps({**verzoek, "taal": "nl"})) == bereken(json.dumps(verzoek))


def test_ics_in_het_engels_heeft_dezelfde_regels():
    nl = _bereken({"actie": "ics", "ziek": ["2026-01-05"]})
    en = _bereken({"actie": "ics", "ziek": ["2026-01-05"], "taal": "en"})
    assert en["regels"] == nl["regels"] and en["ics"].startswith("BEGIN:VCALENDAR")


def test_talen():
    assert TALEN == ("nl", "en")


# ---------------------------------------------------------------- English twins in the rule data

def test_elke_rol_heeft_een_vertaling():
    from poortwachter.regels import ROLLEN
    for rol in ROLLEN:
        assert bericht("rol." + rol.replace(" ", "_"), "nl") == rol
        assert bericht("rol." + rol.replace(" ", "_"), "en")


def test_elke_regel_met_termijnen_heeft_engelse_teksten_met_dezelfde_velden():
    from poortwachter.regels import laad_regels
    rs = laad_regels()
    met = [r for r in rs.regels.values() if r.termijnen]
    assert len(met) >= 10
    for r in met:
        assert r.omschrijving_en and set(r.termijnen_en) == set(r.termijnen), r.id
        assert (r.toelichting is None) == (r.toelichting_en is None), r.id
        for tid, tekst in r.termijnen.items():
            assert _velden(r.termijnen_en[tid]) == _velden(tekst), (r.id, tid)


def test_elk_voorstel_in_het_boetesignaal_heeft_engelse_tekst():
    from poortwachter.regels import laad_regels
    voorstellen = laad_regels().wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel", "niet bevestigd"))
    assert voorstellen
    for w in voorstellen:
        assert w.wat_en and w.wat_en != w.wat, w.id


@pytest.mark.parametrize("weg", ["termijnen_en", "omschrijving_en", "toelichting_en"])
def test_een_regel_met_termijnen_zonder_engelse_tweeling_laadt_niet(weg):
    from poortwachter.regels import RegelFout, laad_teksten
    pad = BRON / "regels" / "termijnen.toml"
    tekst = pad.read_text(encoding="utf-8")
    # The first rule's twin (probleemanalyse), one line or a multi-line string.
    zonder, n = re.subn(rf'^{weg} = (""".*?"""|".*?"|{{.*?}})\n', "", tekst, count=1, flags=re.M | re.S)
    assert n == 1
    bestanden = [(p.name, zonder if p == pad else p.read_text(encoding="utf-8"))
                 for p in sorted((BRON / "regels").glob("*.toml"))]
    with pytest.raises(RegelFout, match="termijnen_en" if weg != "toelichting_en" else "toelichting_en"):
        laad_teksten(bestanden)


def test_engelse_termijntekst_met_een_ander_veld_laadt_niet():
    from poortwachter.regels import RegelFout, laad_teksten
    pad = BRON / "regels" / "termijnen.toml"
    tekst = pad.read_text(encoding="utf-8").replace("(at the latest in week {week})\" }", "(week {weken})\" }", 1)
    assert tekst != pad.read_text(encoding="utf-8")
    bestanden = [(p.name, tekst if p == pad else p.read_text(encoding="utf-8"))
                 for p in sorted((BRON / "regels").glob("*.toml"))]
    with pytest.raises(RegelFout, match="termijnen_en"):
        laad_teksten(bestanden)


# ---------------------------------------------------------------- the command line

MAANDEN_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December")


def _cli(capsys, *argv: str) -> tuple[int, str, str]:
    from poortwachter.cli import main
    code = main(list(argv))
    uit = capsys.readouterr()
    return code, uit.out, uit.err


def _argv(invoer: dict) -> list[str]:
    argv = []
    for veld, waarde in invoer.items():
        if veld.endswith("_weken") and waarde == 0:  # the CLI leaves the option out: 0 weeks is none
            continue
        for w in (waarde if isinstance(waarde, list) else [waarde]):
            argv += ["--" + veld.replace("_", "-"), str(w)]
    return argv


def _vectoren():
    return [pytest.param(g, id=g["naam"]) for g in hooks().gevallen() if hooks().is_vector(g)
            and all(isinstance(v, (str, int, list)) for v in g["invoer"].values())]


@pytest.mark.parametrize("geval", _vectoren())
def test_cli_json_in_het_engels_geeft_dezelfde_ids_datums_en_signalen(capsys, geval):
    """Acceptance of issue 13: `termijnen ... --taal en --json` gives the Dutch ids, dates and signal codes."""
    argv = ["termijnen", *_argv(geval["invoer"]), "--json"]
    code_nl, nl, _ = _cli(capsys, *argv)
    code_en, en, _ = _cli(capsys, *argv, "--taal", "en")
    assert code_nl == code_en == 0
    nl, en = json.loads(nl), json.loads(en)
    assert [(t["id"], t["datum"]) for t in en["termijnen"]] == [(t["id"], t["datum"]) for t in nl["termijnen"]]
    assert [s["code"] for s in en["signalen"]] == [s["code"] for s in nl["signalen"]]
    assert en["eerste_ziektedag"] == nl["eerste_ziektedag"] == geval["verwacht"]["eerste_ziektedag"]


def test_cli_tabel_in_het_engels_noemt_engelse_maanden(capsys):
    code, uit, _ = _cli(capsys, "termijnen", "--ziek", "2026-01-05", "--ziekmelding-uwv-op", "2026-11-30",
                        "--peildatum", "2026-03-01", "--taal", "en")
    assert code == 0
    assert "First day of sickness: Monday 5 January 2026" in uit and "Current week of sickness: 8" in uit
    assert any(m in uit for m in MAANDEN_EN[1:])
    assert not re.search(r"\b(" + "|".join(MAANDEN_NL) + r")\b", uit)
    code, nl, _ = _cli(capsys, "termijnen", "--ziek", "2026-01-05", "--ziekmelding-uwv-op", "2026-11-30",
                       "--peildatum", "2026-03-01")
    assert code == 0 and "Eerste ziektedag: maandag 5 januari 2026" in nl and "Huidige ziekteweek: 8" in nl
    assert len(uit.splitlines()) == len(nl.splitlines())


def test_cli_agenda_in_het_engels(capsys):
    _, en, _ = _cli(capsys, "termijnen", "--ziek", "2026-01-05", "--ics", "--taal", "en")
    _, nl, _ = _cli(capsys, "termijnen", "--ziek", "2026-01-05", "--ics")
    assert "//EN\r\n" in en and "//NL\r\n" in nl
    assert "Week of sickness 4" in en and "Ziekteweek 4" in nl and "Ziekteweek" not in en
    assert re.findall(r"DTSTART;VALUE=DATE:\d+", en) == re.findall(r"DTSTART;VALUE=DATE:\d+", nl)


@pytest.mark.parametrize("argv, stukken", [
    (["--ziek", "2026-02-30", "--ziek", "x"], ["--ziek (number 1): The start date of sickness period 1",
                                                "does not exist in the calendar", "--ziek (number 2)"]),
    ([], ["--ziek: this option is required"]),
    (["--ziek", "2026-01-05", "--loonsanctie-weken", "x"], ["'x' is not a whole number of weeks"]),
    (["--ziek", "2026-01-05", "--onbekend"], ["unrecognized arguments: --onbekend"]),
])
def test_cli_in_het_engels_geeft_engelse_fouten_met_exit_2(capsys, argv, stukken):
    code, uit, err = _cli(capsys, "termijnen", *argv, "--taal", "en")
    assert code == 2 and uit == ""
    assert len(err.strip().splitlines()) == 1
    for stuk in stukken:
        assert stuk in err


def test_cli_met_een_onbekende_taal_geeft_exit_2_in_beide_talen(capsys):
    code, uit, err = _cli(capsys, "termijnen", "--ziek", "2026-01-05", "--taal", "de")
    assert code == 2 and uit == ""
    assert "Onbekende taal 'de'" in err and "Unknown language 'de'" in err


@pytest.mark.parametrize("argv, stuk", [(["spoor2", "--peildatum", "2026-11-23"], "Next question"),
                                        (["scenario", "--ziek", "2026-01-05", "--peildatum", "2026-11-23"],
                                         "Without extension")])
def test_cli_spoor2_en_scenario_spreken_engels(capsys, argv, stuk):
    code, uit, _ = _cli(capsys, *argv, "--taal", "en")
    assert code == 0 and stuk in uit
    code, _, err = _cli(capsys, *argv, "--taal", "xx")
    assert code == 2 and "Unknown language 'xx'" in err


@pytest.mark.parametrize("argv, stuk", [
    (["spoor2", "--peildatum", "2026-11-23", "--antwoord", "oneens"], "error (--antwoord antwoorden): Write an answer"),
    (["spoor2", "--peildatum", "2026-11-23", "--antwoord", "oneens=misschien"], "must be one of these"),
    (["scenario", "--ziek", "2026-01-05", "--weekloon", "-3"], "error (--weekloon weekloon): The weekly wage"),
    (["scenario", "--ziek", "2026-01-05", "--onbekend"], "error: unrecognized arguments: --onbekend"),
])
def test_cli_spoor2_en_scenario_geven_engelse_fouten(capsys, argv, stuk):
    try:
        code, uit, err = _cli(capsys, *argv, "--taal", "en")
    except SystemExit as e:  # argparse in the subcommands stops with exit 2, as in Dutch
        code, (uit, err) = e.code, capsys.readouterr()
    assert code == 2 and uit == "" and stuk in err, err
