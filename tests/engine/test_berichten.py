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
TEKSTVELDEN = {"datum_tekst", "melding", "omschrijving", "rol", "toelichting"}


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
    """Every b("...") in the engine names a key that exists; the one built key (wat.{soort}) is listed by hand."""
    gebruikt = set()
    for pad in BRON.glob("*.py"):
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("b", "bericht") and node.args \
                    and isinstance(node.args[0], ast.Constant):
                gebruikt.add(node.args[0].value)
    gebruikt |= {f"wat.{soort}{klein}" for soort in ("ziekteperiode", "verlofperiode") for klein in ("", "_klein")}
    assert len(gebruikt) >= 70
    assert gebruikt <= set(catalogus("nl")), gebruikt - set(catalogus("nl"))
    # ...and the catalogue holds no dead text (datum.* is read by datum_tekst, rol.* by the rule's role).
    ongebruikt = {s for s in catalogus("nl") if not s.startswith(("datum.", "rol."))} - gebruikt
    assert not ongebruikt, ongebruikt


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
def test_spoor2_en_scenario_weigeren_engels(actie):
    verzoek = {"actie": actie, "peildatum": "2026-11-23", "ziek": ["2026-01-05"]}
    antwoord = _bereken({**verzoek, "taal": "en"})
    assert [f["code"] for f in antwoord["fouten"]] == ["taal_niet_beschikbaar"]
    assert "only available in Dutch" in antwoord["fouten"][0]["melding"]
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
        for tid, tekst in r.termijnen.items():
            assert _velden(r.termijnen_en[tid]) == _velden(tekst), (r.id, tid)


def test_elk_voorstel_in_het_boetesignaal_heeft_engelse_tekst():
    from poortwachter.regels import laad_regels
    voorstellen = laad_regels().wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel", "niet bevestigd"))
    assert voorstellen
    for w in voorstellen:
        assert w.wat_en and w.wat_en != w.wat, w.id


@pytest.mark.parametrize("weg", ["termijnen_en", "omschrijving_en"])
def test_een_regel_met_termijnen_zonder_engelse_tweeling_laadt_niet(weg):
    from poortwachter.regels import RegelFout, laad_teksten
    pad = BRON / "regels" / "termijnen.toml"
    tekst = pad.read_text(encoding="utf-8")
    regel = next(r for r in tekst.splitlines() if r.startswith(f"{weg} = "))  # the first rule's twin
    bestanden = [(p.name, tekst.replace(regel + "\n", "", 1) if p == pad else p.read_text(encoding="utf-8"))
                 for p in sorted((BRON / "regels").glob("*.toml"))]
    with pytest.raises(RegelFout, match="termijnen_en"):
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
