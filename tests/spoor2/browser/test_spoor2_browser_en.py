"""The English spoor 2 helper in a real browser (issue 13), on the CSP server like the Dutch one: the browser version
walks the English steps (en/spoor2-hulp/stappen.json), the engine answers in English (taal "en"), the glue's own words
are English, and the English embed pages work; no console error and no CSP violation."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from poortwachter import contract, spoor2  # noqa: E402

sys.path.insert(0, str(Path(__file__).parent))
from test_spoor2_browser import H1, h1, pad_met, sleutel, tab_en_enter  # noqa: E402

pytestmark = pytest.mark.browser

HULP = spoor2.beslishulp(taal="en")


def label(vraag: str, waarde: str) -> str:
    return next(a["label"] for a in HULP["vragen"][vraag]["antwoorden"] if a["waarde"] == waarde)


def _contract(verzoek: dict) -> dict:
    return json.loads(contract.bereken(json.dumps({**verzoek, "taal": "en"})))


def test_een_engels_pad_met_het_toetsenbord_en_javascript(bezoekerspagina, site_url, axe):
    page = bezoekerspagina()
    page.goto(site_url + "en/spoor2-hulp/")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    tab_en_enter(page, "Start the decision aid")
    pad = pad_met("start_spoor_2")
    for vraag, waarde in pad:
        assert h1(page) == HULP["vragen"][vraag]["tekst"]
        tab_en_enter(page, label(vraag, waarde), navigatie=False)
    assert h1(page) == HULP["uitkomsten"]["start_spoor_2"]["titel"]
    assert page.url == f"{site_url}en/spoor2-hulp/pad/#/{sleutel(pad)}"
    assert page.title().startswith(HULP["uitkomsten"]["start_spoor_2"]["titel"] + " – spoor 2 decision aid")
    tekst = page.locator("article").inner_text()
    assert "Your answers" in tekst and "Record in the re-integratiedossier" in tekst and "Uw antwoorden" not in tekst
    assert axe(page, ".md-content") == []
    eerste = HULP["vragen"][HULP["eerste_vraag"]]
    tab_en_enter(page, f"Change the answer to: {eerste['kort']}", navigatie=False)
    assert h1(page) == eerste["tekst"] and page.url == f"{site_url}en/spoor2-hulp/pad/#/"
    page.go_back()
    page.wait_for_function(f"(t) => ({H1})() === t", arg=HULP["uitkomsten"]["start_spoor_2"]["titel"])
    assert page.fouten == []


def test_een_engelse_uitkomstpagina_toont_de_datum_van_de_rekenkern_in_het_engels(bezoekerspagina, site_url, vandaag):
    pad = pad_met("uitstellen")
    page = bezoekerspagina()
    page.goto(site_url + f"en/spoor2-hulp/pad/#/{sleutel(pad)}?eerste_ziektedag=2026-01-05")
    datum = page.locator("time[data-termijn=start_spoor_2]")
    datum.wait_for(timeout=120_000)
    verwacht = _contract({"actie": "spoor2", "peildatum": vandaag,
                          "antwoorden": dict(pad) | {"eerste_ziektedag": "2026-01-05"}})["uitkomst"]
    assert datum.get_attribute("datetime") == verwacht["datum"]["datum"]
    assert datum.inner_text() == verwacht["datum"]["datum_tekst"]
    resultaat = page.locator(".s2-datumresultaat").inner_text()
    assert verwacht["datum"]["omschrijving"] in resultaat and "Check date: " in resultaat
    assert verwacht["controledatum"]["uitleg"] in resultaat
    # an empty first sick day: the glue's own message, in English
    page.fill("#s2-eerste-ziektedag", "")
    page.click(".s2-datumformulier button[type=submit]")
    page.wait_for_selector(".s2-datumresultaat .s2-fout")
    assert "Please check what you entered:" in page.locator(".s2-datumresultaat").inner_text()
    assert "Enter the first day of sickness." in page.locator(".s2-datumresultaat").inner_text()
    assert page.fouten == []


def test_de_engelse_scenariopagina_rekent_in_het_engels(bezoekerspagina, site_url, vandaag):
    page = bezoekerspagina()
    page.goto(site_url + "en/spoor2-hulp/scenarios/#ziek=2025-03-03&loonsanctie_weken=30&weekloon=640")
    rij = page.locator(".s2-scenarioresultaat tr[data-scenario=loonsanctie]")
    rij.wait_for(timeout=120_000)
    verwacht = _contract({"actie": "scenario", "ziek": ["2025-03-03"], "loonsanctie_weken": 30, "weekloon": "640",
                          "peildatum": vandaag})
    resultaat = page.locator(".s2-scenarioresultaat")
    assert "Scenarios side by side" in resultaat.inner_text()
    assert verwacht["label"] in resultaat.inner_text() and verwacht["vervroegde_iva"]["titel"] in resultaat.inner_text()
    for s in verwacht["scenarios"]:
        r = page.locator(f".s2-scenarioresultaat tr[data-scenario={s['id']}]")
        tijden = r.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
        assert tijden == [s["laatste_loondoorbetalingsdag"]["datum"], s["wia_aanvraag"]["datum"]]
        assert s["titel"] in r.inner_text() and s["extra_loonkosten"]["bedrag_tekst"] in r.inner_text()
    page.fill("#s2-ls", "999")
    page.click(".s2-scenarioformulier button[type=submit]")
    page.wait_for_selector(".s2-scenarioresultaat .s2-fout")
    fout = _contract({"actie": "scenario", "ziek": ["2025-03-03"], "loonsanctie_weken": 999, "weekloon": "640",
                      "peildatum": vandaag})["fouten"][0]["melding"]
    assert fout in page.locator(".s2-scenarioresultaat").inner_text()
    assert page.get_attribute("#s2-ls", "aria-invalid") == "true"
    assert page.fouten == []


@pytest.mark.parametrize("adres", ["en/embed/v1/spoor2/", "embed/v1/spoor2/?taal=en"])
def test_het_engelse_ingebedde_kader_van_de_beslishulp(bezoekerspagina, site_url, adres):
    page = bezoekerspagina()
    page.goto(site_url + adres)
    eerste = HULP["vragen"][HULP["eerste_vraag"]]
    page.wait_for_function("(t) => document.querySelector('#s2-stap h1')?.innerText.replace('¶', '').trim() === t",
                           arg=eerste["tekst"])
    assert page.url.startswith(site_url + "en/embed/v1/spoor2/")
    assert page.evaluate("() => document.documentElement.lang") == "en"
    page.locator("#s2-stap a.s2-antwoord", has_text=label(HULP["eerste_vraag"], "weet_niet")).click()
    page.wait_for_function("(t) => document.querySelector('#s2-stap h1')?.innerText.replace('¶', '').trim() === t",
                           arg=HULP["uitkomsten"]["overleg_arbeidsdeskundige"]["titel"])
    assert page.fouten == []


def test_het_engelse_ingebedde_kader_van_de_scenarios(bezoekerspagina, site_url, vandaag):
    page = bezoekerspagina()
    page.goto(site_url + "embed/v1/scenario/?taal=en")
    page.wait_for_url(site_url + "en/embed/v1/scenario/?taal=en")
    page.locator("form.s2-scenarioformulier").wait_for()
    assert page.locator("label[for=s2-ziek]").inner_text() == "First day of sickness"
    page.fill("#s2-ziek", "2026-01-05")
    page.click(".s2-scenarioformulier button[type=submit]")
    page.locator(".s2-scenarioresultaat tr[data-scenario=basis]").wait_for(timeout=120_000)
    verwacht = _contract({"actie": "scenario", "ziek": ["2026-01-05"], "peildatum": vandaag})
    resultaat = page.locator(".s2-scenarioresultaat").inner_text()
    assert verwacht["scenarios"][0]["titel"] in resultaat and verwacht["label"] in resultaat
    assert page.fouten == []
