"""The spoor 2 helper in a real browser: two paths walked with the keyboard alone, axe without violations."""

from __future__ import annotations

import pytest

from poortwachter import spoor2

pytestmark = pytest.mark.browser

HULP = spoor2.beslishulp()


def label(vraag: str, waarde: str) -> str:
    return next(a["label"] for a in HULP["vragen"][vraag]["antwoorden"] if a["waarde"] == waarde)


H1 = "() => { const h = document.querySelector('article h1'); return h ? h.innerText.replace('¶', '').trim() : ''; }"


def tab_en_enter(page, tekst: str, navigatie: bool = True, maximaal: int = 120) -> None:
    """Press Tab until the focused element's text is `tekst`, then Enter. Fails if it is never reached.

    navigatie=False: the browser version replaces the step in place (answers in the fragment); wait for a new h1."""
    for _ in range(maximaal):
        page.keyboard.press("Tab")
        gefocust = page.evaluate("() => (document.activeElement && document.activeElement.innerText || '').trim()")
        if " ".join(gefocust.split()) == tekst:
            if navigatie:
                with page.expect_navigation():
                    page.keyboard.press("Enter")
            else:
                voor = page.evaluate(H1)
                page.keyboard.press("Enter")
                page.wait_for_function(f"(voor) => ({H1})() !== voor", arg=voor)
            return
    raise AssertionError(f"met Tab niet bereikt: {tekst!r}")


def h1(page) -> str:
    return " ".join(page.locator("article h1").first.inner_text().replace("¶", "").split())


def pad_met(uitkomst: str) -> list[tuple[str, str]]:
    return max((p["antwoorden"] for p in spoor2.alle_paden() if p["uitkomst"] == uitkomst), key=len)


def sleutel(pad) -> str:
    return "/".join(w.replace("_", "-") for _, w in pad)


def test_een_pad_lopen_met_alleen_het_toetsenbord_zonder_javascript(nieuwe_pagina, site_url):
    """The static pages: every step is its own page, the answers are in the path."""
    page = nieuwe_pagina(java_script_enabled=False)
    page.goto(site_url + "spoor2-hulp/")
    tab_en_enter(page, "Start de beslishulp")
    pad = pad_met("niet_nu")
    for vraag, waarde in pad:
        assert h1(page) == HULP["vragen"][vraag]["tekst"]
        tab_en_enter(page, label(vraag, waarde))
    assert h1(page) == HULP["uitkomsten"]["niet_nu"]["titel"]
    assert page.url == f"{site_url}spoor2-hulp/pad/{sleutel(pad)}/"
    eerste = HULP["vragen"][HULP["eerste_vraag"]]
    tab_en_enter(page, f"Wijzig het antwoord op: {eerste['kort']}")
    assert h1(page) == eerste["tekst"]
    assert page.url == f"{site_url}spoor2-hulp/pad/"


def test_een_pad_lopen_met_alleen_het_toetsenbord_met_javascript_antwoorden_in_het_fragment(bezoekerspagina, site_url):
    """The browser version: the steps change in place and the answers live in the URL fragment only."""
    page = bezoekerspagina()
    page.goto(site_url + "spoor2-hulp/")
    tab_en_enter(page, "Start de beslishulp")
    pad = pad_met("uitstellen")
    for i, (vraag, waarde) in enumerate(pad):
        assert h1(page) == HULP["vragen"][vraag]["tekst"]
        if i:  # focus moves to the new question's heading, so Tab continues from there
            assert page.evaluate("() => document.activeElement.tagName") == "H1"
        tab_en_enter(page, label(vraag, waarde), navigatie=False)
    assert h1(page) == HULP["uitkomsten"]["uitstellen"]["titel"]
    assert page.url == f"{site_url}spoor2-hulp/pad/#/{sleutel(pad)}"
    eerste = HULP["vragen"][HULP["eerste_vraag"]]
    tab_en_enter(page, f"Wijzig het antwoord op: {eerste['kort']}", navigatie=False)
    assert h1(page) == eerste["tekst"] and page.url == f"{site_url}spoor2-hulp/pad/#/"
    page.go_back()
    page.wait_for_function(f"(t) => ({H1})() === t", arg=HULP["uitkomsten"]["uitstellen"]["titel"])
    # a reload of the address shows the same step
    page.reload()
    page.wait_for_function(f"(t) => ({H1})() === t", arg=HULP["uitkomsten"]["uitstellen"]["titel"])
    assert page.fouten == []


def test_opnieuw_beginnen_met_het_toetsenbord(bezoekerspagina, site_url):
    page = bezoekerspagina()
    pad = pad_met("deskundigenoordeel")
    page.goto(site_url + "spoor2-hulp/pad/" + sleutel(pad) + "/")
    assert h1(page) == HULP["uitkomsten"]["deskundigenoordeel"]["titel"]
    tab_en_enter(page, "Opnieuw beginnen", navigatie=False)
    assert h1(page) == HULP["vragen"][HULP["eerste_vraag"]]["tekst"]


@pytest.mark.parametrize("pad", ["", "pad/", "pad/ja/ja/", "pad/ja/nee/nee/", "pad/nee/ja/", "scenarios/",
                                 "pad/#/ja/ja/ja/ja/nee"])
def test_axe_vindt_geen_overtredingen(bezoekerspagina, site_url, axe, pad):
    page = bezoekerspagina()
    page.goto(site_url + "spoor2-hulp/" + pad)
    page.wait_for_load_state("load")
    if "#/" in pad:
        page.wait_for_function(f"(t) => ({H1})() === t", arg=HULP["uitkomsten"]["uitstellen"]["titel"])
    # The page content (everything this helper renders). Theme-wide findings in header/search are SITE's and are
    # checked by the site's own axe tests.
    assert axe(page, ".md-content") == []


def _contract(verzoek: dict) -> dict:
    import json

    from poortwachter import contract
    return json.loads(contract.bereken(json.dumps(verzoek)))


def test_met_javascript_toont_een_uitkomstpagina_de_datum_van_de_rekenkern(bezoekerspagina, site_url, vandaag):
    pad = pad_met("uitstellen")
    page = bezoekerspagina()
    page.goto(site_url + f"spoor2-hulp/pad/#/{sleutel(pad)}?eerste_ziektedag=2026-01-05")
    datum = page.locator("time[data-termijn=start_spoor_2]")
    datum.wait_for(timeout=120_000)
    verwacht = _contract({"actie": "spoor2", "peildatum": vandaag,
                          "antwoorden": dict(pad) | {"eerste_ziektedag": "2026-01-05"}})["uitkomst"]
    assert datum.get_attribute("datetime") == verwacht["datum"]["datum"]
    assert page.locator("time[data-controledatum]").get_attribute("datetime") == verwacht["controledatum"]["datum"]
    # a second date via the form (keyboard): the fragment follows
    page.fill("#s2-eerstejaarsevaluatie-op", "2026-12-07")
    page.focus("#s2-eerstejaarsevaluatie-op")
    page.keyboard.press("Enter")
    verwacht = _contract({"actie": "spoor2", "peildatum": vandaag, "antwoorden": dict(pad) | {
        "eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2026-12-07"}})["uitkomst"]
    page.wait_for_function("(d) => document.querySelector('time[data-controledatum]')?.getAttribute('datetime') === d",
                           arg=verwacht["controledatum"]["datum"])
    assert page.url.endswith(f"#/{sleutel(pad)}?eerste_ziektedag=2026-01-05&eerstejaarsevaluatie_op=2026-12-07")
    assert page.fouten == []


def test_met_javascript_rekent_de_scenariopagina_met_de_rekenkern(bezoekerspagina, site_url, vandaag, axe):
    page = bezoekerspagina()
    page.goto(site_url + "spoor2-hulp/scenarios/#ziek=2025-03-03&loonsanctie_weken=30&weekloon=640")
    rij = page.locator(".s2-scenarioresultaat tr[data-scenario=loonsanctie]")
    rij.wait_for(timeout=120_000)
    verwacht = _contract({"actie": "scenario", "ziek": ["2025-03-03"], "loonsanctie_weken": 30, "weekloon": "640",
                          "peildatum": vandaag})
    for s in verwacht["scenarios"]:
        r = page.locator(f".s2-scenarioresultaat tr[data-scenario={s['id']}]")
        tijden = r.locator("time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
        assert tijden == [s["laatste_loondoorbetalingsdag"]["datum"], s["wia_aanvraag"]["datum"]]
        assert s["extra_loonkosten"]["bedrag_tekst"] in r.inner_text()
    # an invalid number of weeks: a Dutch message, the field marked invalid
    page.fill("#s2-ls", "999")
    page.click(".s2-scenarioformulier button[type=submit]")
    page.wait_for_selector(".s2-scenarioresultaat .s2-fout")
    assert page.get_attribute("#s2-ls", "aria-invalid") == "true"
    assert axe(page, ".md-content") == []
    assert page.fouten == []
