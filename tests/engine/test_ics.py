"""De agenda-export (RFC 5545), gelezen met het pakket icalendar (alleen als testafhankelijkheid)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import icalendar
import pytest

from poortwachter.contract import bereken, bereken_dict

VERZOEK = {"actie": "ics", "ziek": ["2022-01-03/2022-07-03", "2022-07-25"], "peildatum": "2026-11-23"}


@pytest.fixture(scope="module")
def ics() -> str:
    return json.loads(bereken(json.dumps(VERZOEK)))["ics"]


def test_crlf_en_regels_van_hooguit_75_octets(ics):
    assert ics.endswith("\r\n")
    regels = ics.split("\r\n")[:-1]
    assert all("\n" not in r and "\r" not in r for r in regels)
    assert all(len(r.encode("utf-8")) <= 75 for r in regels)
    assert any(r.startswith(" ") for r in regels), "lange DESCRIPTION-regels worden gevouwen"


def test_een_hele_dag_per_termijn_met_twee_herinneringen(ics):
    termijnen = bereken_dict({k: v for k, v in VERZOEK.items() if k != "actie"})["termijnen"]
    cal = icalendar.Calendar.from_ical(ics)
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == len(termijnen)
    for ev, t in zip(events, termijnen):
        begin = ev.decoded("DTSTART")
        assert type(begin) is date and begin.isoformat() == t["datum"]
        assert ev.decoded("DTEND") == begin + timedelta(days=1)
        assert str(ev["SUMMARY"]) == t["omschrijving"]
        assert t["bronnen"][0]["url"] in str(ev["DESCRIPTION"])
        triggers = sorted(a.decoded("TRIGGER") for a in ev.walk("VALARM"))
        assert triggers == [timedelta(days=-14), timedelta(days=-3)]
        assert ev.decoded("DTSTAMP").date() == date(2026, 11, 23)


def test_uids_zijn_uniek_en_stabiel(ics):
    cal = icalendar.Calendar.from_ical(ics)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    # Een andere verlenging verschuift datums, maar dezelfde afspraak (UID) wordt bijgewerkt.
    ander = json.loads(bereken(json.dumps({**VERZOEK, "vrijwillige_verlenging_weken": 13})))["ics"]
    uids2 = {str(e["UID"]): e.decoded("DTSTART") for e in icalendar.Calendar.from_ical(ander).walk("VEVENT")}
    assert "wia_aanvraag-20220103@poortwachter-termijnen" in uids2
    assert set(uids) <= set(uids2)


def test_ics_hangt_niet_af_van_de_klok():
    a = bereken(json.dumps(VERZOEK))
    assert a == bereken(json.dumps(VERZOEK))
    assert "DTSTAMP:20261123T000000Z" in json.loads(a)["ics"]


def test_ook_het_agenda_antwoord_noemt_de_regelversie():
    from poortwachter.regels import laad_regels
    uit = json.loads(bereken(json.dumps(VERZOEK)))
    assert uit["regels"] == {"versie": laad_regels().versie,
                             "laatst_gecontroleerd": laad_regels().laatst_gecontroleerd.isoformat()}
    assert f"termijnen {laad_regels().versie}" in uit["ics"]


def test_ics_met_foute_invoer_geeft_fouten():
    uit = json.loads(bereken(json.dumps({"actie": "ics", "ziek": ["2026-02-30"]})))
    assert uit["fouten"][0]["veld"] == "ziek"


def test_tekens_worden_ge_escaped():
    from poortwachter.ics import _tekst, _vouw
    assert _tekst("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    lang = "DESCRIPTION:" + "é" * 80
    gevouwen = _vouw(lang)
    assert all(len(r.encode()) <= 75 for r in gevouwen.split("\r\n"))
    assert gevouwen.replace("\r\n ", "") == lang
