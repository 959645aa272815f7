"""The English calculator page /en/rekenhulp/ (issue 13): the same form and worker as the Dutch page, with English
texts, and the engine asked in English. The public cases typed into both editions are in test_rekenhulp.py
(parametrised over the language); this file checks what is particular to the English edition.

Expected texts come from CPython's answer to the same request with "taal": "en" (the installed wheel = the CLI).
"""

from __future__ import annotations

import re

VANDAAG = "2026-11-23"  # = conftest.VANDAAG, the fixed browser clock

# The form's skeleton: every element's tag, id, name, classes, type and data- attributes, without any text.
STRUCTUUR = """() => [...document.querySelectorAll('#rekenhulp form *')].map(e => [e.tagName, e.id, e.getAttribute('name'),
  e.className, e.getAttribute('type'), JSON.stringify({...e.dataset}), e.getAttribute('aria-describedby'),
  e.getAttribute('for'), e.value === undefined || e.tagName === 'BUTTON' ? null : e.value])"""


def getoond(page) -> dict[str, tuple[str, str]]:
    page.wait_for_selector("#rekenhulp .rh-resultaat:not([hidden]) li.rh-stap", state="attached")
    for _ in range(200):  # polled from Python: Playwright's own polling evals in the page, which the CSP forbids
        if not page.evaluate("() => document.querySelector('#rekenhulp').dataset.bezig"):
            break
        page.wait_for_timeout(50)
    return {li.get_attribute("data-id"): (li.locator("time").get_attribute("datetime"), li.locator("time").inner_text())
            for li in page.locator("#rekenhulp li.rh-stap").all()}


def test_de_teksttabellen_hebben_dezelfde_sleutels(gedeelde_engelse_rekenhulp):
    page = gedeelde_engelse_rekenhulp()
    sleutels = page.evaluate("""async () => {
      const m = await import(new URL('/assets/js/rekenhulp/teksten.js', location.href).href);
      const vorm = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) =>
        [k, typeof v === 'object' && !Array.isArray(v) ? vorm(v) : Array.isArray(v) ? v.length : typeof v]));
      return [vorm(m.TEKSTEN.nl), vorm(m.TEKSTEN.en), m.taal(), document.documentElement.lang];
    }""")
    assert sleutels[0] == sleutels[1]
    assert sleutels[2:] == ["en", "en"]


def test_een_gedeelde_nederlandse_link_vult_hetzelfde_formulier_met_engelse_tekst(rekenhulp, bezoekerspagina, cpython):
    fragment = ("#ziek=2022-01-03/2022-07-03&ziek=2022-07-25&verlof=2022-09-01/2022-12-21&loonsanctie_weken=5"
                "&probleemanalyse_op=2022-02-10&rol=werkgever")
    nl = rekenhulp(fragment, page=bezoekerspagina())
    en = rekenhulp(fragment, page=bezoekerspagina(), taal="en")
    nl_termijnen, en_termijnen = getoond(nl), getoond(en)
    # Same elements, ids, names, classes and values: one set of browser tests drives both editions.
    assert en.evaluate(STRUCTUUR) == nl.evaluate(STRUCTUUR)
    assert en.locator("#rekenhulp input[type=radio][value=werkgever]").is_checked()
    # Same dates; the texts are the engine's English ones.
    verzoek = {"ziek": ["2022-01-03/2022-07-03", "2022-07-25"], "verlof": ["2022-09-01/2022-12-21"],
               "loonsanctie_weken": 5, "probleemanalyse_op": "2022-02-10", "peildatum": VANDAAG}
    cli_en = cpython({**verzoek, "taal": "en"})
    assert [d for d, _ in en_termijnen.values()] == [d for d, _ in nl_termijnen.values()]
    assert list(en_termijnen.values()) == [(t["datum"], t["datum_tekst"]) for t in cli_en["termijnen"]]
    for t in cli_en["termijnen"][:3]:
        assert t["omschrijving"] in en.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]").inner_text()
    assert en.get_by_role("button", name="Calculate the deadlines").is_visible()
    assert en.locator("#rekenhulp legend").first.inner_text() == "Sickness"
    # The English page keeps the input in the same fragment keys.
    en.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("6")
    for _ in range(100):
        if "loonsanctie_weken=6" in en.url:
            break
        en.wait_for_timeout(50)
    assert "loonsanctie_weken=6" in en.url and "ziek=2022-07-25" in en.url
    assert en.fouten == [] and nl.fouten == []


def test_foutmeldingen_in_het_engels_naast_het_veld_en_bovenaan(gedeelde_engelse_rekenhulp, cpython):
    page = gedeelde_engelse_rekenhulp("#ziek=2026-03-01/2026-03-10&ziek=2026-03-05&loonsanctie_weken=veel")
    page.get_by_role("button", name="Calculate the deadlines").click()
    samenvatting = page.locator("#rekenhulp .rh-foutsamenvatting")
    samenvatting.wait_for(state="visible")
    cli = cpython({"ziek": ["2026-03-01/2026-03-10", "2026-03-05"], "verlof": [], "probleemanalyse_op": None,
                   "eerstejaarsevaluatie_op": None, "ziekmelding_uwv_op": None, "vrijwillige_verlenging_weken": 0,
                   "loonsanctie_weken": "veel", "peildatum": VANDAAG, "taal": "en"})
    meldingen = [f["melding"] for f in cli["fouten"]]
    assert len(meldingen) >= 2
    for _ in range(100):
        if samenvatting.locator("li").count() == len(meldingen):
            break
        page.wait_for_timeout(50)
    assert samenvatting.locator("h2").inner_text() == "There is a problem"
    assert [a.inner_text() for a in samenvatting.locator("a").all()] == meldingen
    # each message also next to its field (nothing lost), with the English prefix for screen readers
    naast = " ".join(page.locator("#rekenhulp .rh-fout:not([hidden])").all_inner_texts())
    for m in meldingen:
        assert m in naast
    assert "Error:" in page.locator("#rekenhulp .rh-fout:not([hidden]) .rh-onzichtbaar").first.text_content()


def test_ics_en_printbare_checklist_in_het_engels(gedeelde_engelse_rekenhulp, cpython):
    page = gedeelde_engelse_rekenhulp("#ziek=2026-01-05")
    getoond(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile(r"calendar \(\.ics\)")).click()
    tekst = open(info.value.path(), "rb").read().decode("utf-8")
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "actie": "ics", "taal": "en"})
    assert tekst == cli["ics"]  # exactly the engine's English calendar
    assert tekst != cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "actie": "ics"})["ics"]
    page.emulate_media(media="print")
    try:
        kop = page.locator("#rekenhulp .rh-printkop")
        assert kop.is_visible() and "checklist" in kop.inner_text().lower()
        assert "Calculated on" in kop.inner_text()
        termijnen = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "taal": "en"})["termijnen"]
        for t in termijnen:
            li = page.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]")
            assert t["datum_tekst"] in li.inner_text()
            if t["toelichting"]:
                assert li.locator(".rh-stap__toelichting").inner_text() == t["toelichting"]
    finally:
        page.emulate_media(media="screen")


def test_zonder_javascript_engelse_uitleg_en_voorbeeld(browser, site_url, cpython):
    from poortwachter.regels import regels_als_dict

    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}en/rekenhulp/")
        uitleg = page.locator(".rh-noscript")
        assert uitleg.is_visible() and "needs JavaScript" in uitleg.inner_text()
        assert uitleg.locator("a[href='#rekenvoorbeeld']").count() == 1
        dag = uitleg.locator("code", has_text="--ziek").inner_text().split("--ziek ")[1].split()[0]
        cli = cpython({"ziek": [dag], "peildatum": str(regels_als_dict()["laatst_gecontroleerd"]), "taal": "en"})
        rijen = page.locator("table.rh-voorbeeld tbody tr").all()
        assert [r.get_attribute("data-id") for r in rijen] == [t["id"] for t in cli["termijnen"]]
        assert [r.locator("time").inner_text() for r in rijen] == [t["datum_tekst"] for t in cli["termijnen"]]
        assert [r.locator("td").nth(2).inner_text() for r in rijen] == [t["omschrijving"] for t in cli["termijnen"]]
        # the anchors other pages and the calculator link to exist here too
        for anker in ("zo-telt-de-rekenhulp", "gelijkgestelde-dagen", "rekenvoorbeeld"):
            assert page.locator(f"#{anker}").count() == 1, anker
    finally:
        context.close()


def test_axe_geen_overtredingen_op_de_engelse_rekenhulp(gedeelde_engelse_rekenhulp, axe):
    page = gedeelde_engelse_rekenhulp("#ziek=2026-01-05/2026-02-01&ziek=2026-02-20&verlof=2026-06-01/2026-09-01")
    getoond(page)
    page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open = true")
    page.locator("#rekenhulp li.rh-stap summary").first.click()
    assert axe(page) == []
    page.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("many")
    page.get_by_role("button", name="Calculate the deadlines").click()
    page.locator("#rekenhulp .rh-foutsamenvatting").wait_for(state="visible")
    page.wait_for_timeout(500)  # Material's "back to top" button fades in (see the Dutch test)
    assert axe(page) == []
    assert page.fouten == []


def test_de_taalkeuze_neemt_de_berekening_mee(rekenhulp, bezoekerspagina, cpython):
    """Switching to English in the header keeps the fragment (the input), so the same calculation shows in English."""
    page = rekenhulp("#ziek=2026-01-05&loonsanctie_weken=4", page=bezoekerspagina())
    nl = getoond(page)
    page.locator(".md-header .md-select").first.hover()
    page.locator("a.md-select__link[hreflang=en]").first.click()
    page.wait_for_url(re.compile(r"/en/rekenhulp/#ziek=2026-01-05&loonsanctie_weken=4$"))
    page.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=90_000)
    en = getoond(page)
    assert page.evaluate("document.documentElement.lang") == "en"
    assert [d for d, _ in en.values()] == [d for d, _ in nl.values()]
    cli = cpython({"ziek": ["2026-01-05"], "loonsanctie_weken": 4, "peildatum": VANDAAG, "taal": "en"})
    assert list(en.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
    assert page.locator("#rekenhulp [id$='-loonsanctie_weken']").input_value() == "4"


def test_de_engelse_rekenhulp_toont_geen_nederlandse_lopende_tekst(gedeelde_engelse_rekenhulp):
    """The texts the page builds in the browser (form, answer, signals, errors) pass the same Dutch-text check as the
    built English pages (tests/site/test_engels.py): Dutch terms only as terms."""
    import importlib.util
    import sys
    from pathlib import Path

    site_tests = Path(__file__).resolve().parents[1] / "site"
    sys.path.insert(0, str(site_tests))
    try:
        spec = importlib.util.spec_from_file_location("_engels_voor_rekenhulp", site_tests / "test_engels.py")
        engels = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(engels)
    finally:
        sys.path.remove(str(site_tests))
    termen = engels.toegestaan()
    page = gedeelde_engelse_rekenhulp("#ziek=2026-01-05/2026-02-01&ziek=2026-02-20&verlof=2026-06-01/2026-09-01"
                                      "&probleemanalyse_op=2026-03-20&ziekmelding_uwv_op=2027-01-20&peildatum=2026-12-01")
    getoond(page)
    page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open = true")
    for d in page.locator("#rekenhulp li.rh-stap details").all():
        d.evaluate("d => d.open = true")
    html = page.locator("#rekenhulp").evaluate("e => e.outerHTML")
    assert page.locator("#rekenhulp .rh-signaal").count() >= 3  # with the engine's signals on screen
    assert engels.nederlandse_regels(html, termen) == []
    # and with the engine's errors on screen
    page.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("many")
    page.get_by_role("button", name="Calculate the deadlines").click()
    page.locator("#rekenhulp .rh-foutsamenvatting").wait_for(state="visible")
    assert engels.nederlandse_regels(page.locator("#rekenhulp").evaluate("e => e.outerHTML"), termen) == []
