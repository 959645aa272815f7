"""The calculator page in Debian chromium against the built site under the production CSP.

Expected dates come from tests/browser/public-cases.json (golden vectors) or from CPython's answer to the very same
request (the installed wheel = the CLI); nothing here is computed by hand.
"""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest

VANDAAG = "2026-11-23"  # = conftest.VANDAAG, the fixed browser clock (conftest is not importable in importlib mode)

PRINT_DOCUMENTEN = ("probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie", "wia_aanvraag")
# The few button names the helpers below click, per page language (docs/assets/js/rekenhulp/teksten.js).
KNOPPEN = {
    "nl": {"bereken": "Bereken de termijnen", "periode": "Voeg een ziekteperiode toe", "verlof": "Voeg zwangerschaps"},
    "en": {"bereken": "Calculate the deadlines", "periode": "Add a period of sickness", "verlof": "Add pregnancy"},
}


def knop(page, naam: str) -> str:
    return KNOPPEN[page.evaluate("document.documentElement.lang")][naam]


@pytest.fixture(params=["nl", "en"])
def taalpagina(request):
    """(taal, naar) for the shared Dutch and English calculator pages: one test, both editions."""
    fixture = {"nl": "gedeelde_rekenhulp", "en": "gedeelde_engelse_rekenhulp"}[request.param]
    return request.param, request.getfixturevalue(fixture)


def verzoek_uit_args(args: list[str]) -> dict:
    verzoek: dict = {"ziek": []}
    for optie, waarde in zip(args[::2], args[1::2]):
        verzoek.setdefault(optie.lstrip("-").replace("-", "_"), []).append(waarde)
    return verzoek


def wacht_tot(page, uitdrukking: str, arg=None, timeout: float = 30.0) -> None:
    """Poll a JS function from Python (Playwright's own polling eval()s in the page, which the CSP forbids)."""
    import time

    eind = time.monotonic() + timeout
    while not page.evaluate(uitdrukking, arg):
        if time.monotonic() > eind:
            raise AssertionError(f"wacht_tot: {uitdrukking} bleef onwaar")
        page.wait_for_timeout(50)


def wacht_op_overgangen(page) -> None:
    """Wait until the page's CSS transitions have run to their end (a fixed pause lost that race on a busy machine):
    two frames first, so that a style change just made has started its transitions, then every running one."""
    page.evaluate("""async () => {
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        for (let i = 0; i < 20; i++) {
            const lopend = document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === "running");
            if (!lopend.length) return;
            await Promise.all(lopend.map((a) => a.finished.catch(() => null)));
        }
    }""")


def rij(page, soort: str, i: int):
    return page.locator(f"#rekenhulp fieldset[data-soort={soort}]").nth(i)


def vul_in(page, verzoek: dict) -> None:
    """Type a request into the form the way a reader does (buttons to add periods, date fields)."""
    for i, periode in enumerate(verzoek.get("ziek", [])):
        if i > 0:
            page.get_by_role("button", name=re.compile(knop(page, "periode"))).click()
        start, _, einde = periode.partition("/")
        r = rij(page, "ziek", i)
        r.locator("input[type=date]").nth(0).fill(start)
        r.locator("input[type=date]").nth(1).fill(einde)
    for i, periode in enumerate(verzoek.get("verlof", [])):
        page.get_by_role("button", name=re.compile(knop(page, "verlof"))).click()
        start, _, einde = periode.partition("/")
        r = rij(page, "verlof", i)
        r.locator("input[type=date]").nth(0).fill(start)
        r.locator("input[type=date]").nth(1).fill(einde)
    overig = {k: v for k, v in verzoek.items() if k not in {"ziek", "verlof", "peildatum", "actie"} and v is not None}
    if overig:
        page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open = true")
        for veld, waarde in overig.items():
            page.locator(f"#rekenhulp [id$='-{veld}']").fill(str(waarde))


def bereken(page) -> None:
    page.get_by_role("button", name=knop(page, "bereken")).click()


def getoonde_termijnen(page) -> dict[str, tuple[str, str]]:
    page.wait_for_selector("#rekenhulp .rh-resultaat:not([hidden]) li.rh-stap")
    wacht_tot(page, "() => !document.querySelector('#rekenhulp').dataset.bezig")
    return {li.get_attribute("data-id"): (li.locator("time").get_attribute("datetime"), li.locator("time").inner_text())
            for li in page.locator("#rekenhulp li.rh-stap").all()}


def test_publieke_gevallen_ingetypt_geven_precies_de_verwachte_datums(taalpagina, publieke_gevallen, cpython):
    taal, naar = taalpagina
    for geval in publieke_gevallen:
        page = naar()
        assert page.locator("#rekenhulp fieldset[data-soort]").count() == 1
        verzoek = verzoek_uit_args(geval["args"])
        vul_in(page, verzoek)
        bereken(page)
        getoond = getoonde_termijnen(page)
        for termijn_id, datum in geval["verwacht"]["termijnen"].items():
            assert getoond[termijn_id][0] == datum, (geval["naam"], termijn_id)
        # The whole timeline is the CLI's: same ids, dates and date texts (in the page's language), in the same order.
        cli = cpython({**verzoek, "peildatum": VANDAAG, "taal": taal})
        assert list(getoond) == [t["id"] for t in cli["termijnen"]]
        assert list(getoond.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
        week = page.locator("#rekenhulp .rh-week").inner_text()
        assert str(cli["huidige_ziekteweek"]) in week if cli["huidige_ziekteweek"] else {"nl": "niet", "en": "not"}[taal] in week
        # Month names only in the page's language (Dutch ones are lower case, English ones capitalised).
        tekst = page.locator("#rekenhulp .rh-resultaat").inner_text()
        for andere in maandnamen("nl" if taal == "en" else "en"):
            assert not re.search(rf"\b{andere}\b", tekst), (geval["naam"], andere)
        assert any(re.search(rf"\b{m}\b", tekst) for m in maandnamen(taal))
        assert page.fouten == []


def maandnamen(taal: str) -> list[str]:
    """The month names of the engine's message catalogue (poortwachter/berichten/<taal>.toml)."""
    from poortwachter.berichten import catalogus

    return list(catalogus(taal)["datum.maanden"])


FILTERS = {"nl": ("Werkgever", "Werknemer", "Werkgever en werknemer"), "en": ("Employer", "Employee", "Employer and employee")}


def test_verleden_en_toekomst_en_filter(taalpagina, cpython):
    taal, naar = taalpagina
    page = naar("#ziek=2026-01-05")
    getoond = getoonde_termijnen(page)
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "taal": taal})
    for t in cli["termijnen"]:
        li = page.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]")
        verwacht = "verleden" if t["datum"] < VANDAAG else "vandaag" if t["datum"] == VANDAAG else "toekomst"
        assert f"rh-stap--{verwacht}" in li.get_attribute("class"), t["id"]
        assert li.locator("a").first.get_attribute("href") == t["bronnen"][0]["url"]
    assert len(getoond) == len(cli["termijnen"])
    rollen = {t["id"]: t["rol"] for t in cli["termijnen"]}
    werkgever, werknemer, beide = FILTERS[taal]
    for kies, ander, sleutel in ((werkgever, werknemer, "werkgever"), (werknemer, werkgever, "werknemer")):
        page.get_by_role("radio", name=kies, exact=True).check()
        zichtbaar = {li.get_attribute("data-id") for li in page.locator("#rekenhulp li.rh-stap:not([hidden])").all()}
        assert zichtbaar == {i for i, rol in rollen.items()
                             if not (ander.lower() in rol.lower() and kies.lower() not in rol.lower())}
        assert zichtbaar and zichtbaar != set(rollen)
        assert f"rol={sleutel}" in page.url  # the same fragment key and value in both editions
    page.get_by_role("radio", name=beide).check()
    assert page.locator("#rekenhulp li.rh-stap:not([hidden])").count() == len(cli["termijnen"])


def test_foutmeldingen_van_de_rekenkern_naast_het_veld_en_bovenaan(gedeelde_rekenhulp, cpython):
    page = gedeelde_rekenhulp()
    # Nothing filled in, then submit: the engine's message for a missing first sick day.
    bereken(page)
    samenvatting = page.locator("#rekenhulp .rh-foutsamenvatting")
    samenvatting.wait_for(state="visible")
    verwacht = cpython({"ziek": [""], "verlof": [], "peildatum": VANDAAG})["fouten"]
    assert [a.inner_text() for a in samenvatting.locator("a").all()] == [f["melding"] for f in verwacht]
    assert page.evaluate("document.activeElement.classList.contains('rh-foutsamenvatting')")

    # A wrong number of weeks and a second period that starts before the first ends: all errors at once.
    verzoek = {"ziek": ["2026-03-01/2026-03-10", "2026-03-05"], "loonsanctie_weken": "veel"}
    vul_in(page, verzoek)
    bereken(page)
    cli = cpython({**verzoek, "verlof": [], "probleemanalyse_op": None, "eerstejaarsevaluatie_op": None,
                   "ziekmelding_uwv_op": None, "vrijwillige_verlenging_weken": 0, "peildatum": VANDAAG})
    assert "fouten" in cli
    wacht_tot(page, "n => document.querySelectorAll('#rekenhulp .rh-foutsamenvatting li').length === n",
              len(cli["fouten"]))
    assert [a.inner_text() for a in samenvatting.locator("a").all()] == [f["melding"] for f in cli["fouten"]]
    for f in cli["fouten"]:
        # The message next to the field, and the field points at it with aria-describedby.
        fout = page.locator("#rekenhulp .rh-fout:not([hidden])", has_text=f["melding"]).first
        fout_id = fout.get_attribute("id")
        beschreven = page.locator(f"#rekenhulp [aria-describedby~='{fout_id}'][aria-invalid=true]")
        assert beschreven.count() >= 1, f
    # A summary link moves the focus to its field, without touching the URL fragment (the state).
    hash_voor = page.evaluate("location.hash")
    samenvatting.locator("a").last.click()
    assert page.evaluate("document.activeElement.tagName") == "INPUT"
    assert page.evaluate("location.hash") == hash_voor
    # Nothing the reader typed is lost.
    assert rij(page, "ziek", 1).locator("input").first.input_value() == "2026-03-05"
    assert page.locator("#rekenhulp [id$='-loonsanctie_weken']").input_value() == "veel"
    assert page.locator("#rekenhulp .rh-resultaat").is_hidden()
    # Fixing the fields clears the errors and shows the result again.
    page.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("")
    rij(page, "ziek", 1).get_by_role("button").click()
    bereken(page)
    getoonde_termijnen(page)
    assert samenvatting.is_hidden()
    assert page.locator("#rekenhulp [aria-invalid]").count() == 0


def test_alleen_met_het_toetsenbord(gedeelde_rekenhulp):
    page = gedeelde_rekenhulp()
    eerste = rij(page, "ziek", 0).locator("input").first
    eerste.fill("2026-01-05")  # the segment order of a native date field follows the browser's UI language
    knop = page.get_by_role("button", name=re.compile("Voeg een ziekteperiode toe"))
    knop.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == rij(page, "ziek", 1).locator("input").first.get_attribute("id")
    rij(page, "ziek", 1).get_by_role("button").focus()
    page.keyboard.press("Enter")
    assert page.locator("#rekenhulp fieldset[data-soort=ziek]").count() == 1
    assert page.evaluate("document.activeElement.textContent").startswith("Voeg een ziekteperiode toe")
    page.get_by_role("button", name="Bereken de termijnen").focus()
    page.keyboard.press("Enter")
    getoonde_termijnen(page)
    assert page.evaluate("document.activeElement.classList.contains('rh-resultaat')")


def test_url_fragment_herstelt_alle_invoer(rekenhulp, bezoekerspagina, cpython):
    verzoek = {"ziek": ["2022-01-03/2022-07-03", "2022-07-25"], "verlof": ["2022-09-01/2022-12-21"],
               "vrijwillige_verlenging_weken": 0, "loonsanctie_weken": 5, "probleemanalyse_op": "2022-02-10"}
    fragment = "#" + "&".join(f"{k}={quote(str(w), safe='/-')}" for k, v in verzoek.items()
                              for w in (v if isinstance(v, list) else [v]))
    page = rekenhulp(fragment, page=bezoekerspagina())  # a link opened in a new tab
    getoond = getoonde_termijnen(page)
    assert rij(page, "ziek", 0).locator("input").nth(1).input_value() == "2022-07-03"
    assert rij(page, "ziek", 1).locator("input").first.input_value() == "2022-07-25"
    assert rij(page, "verlof", 0).locator("input").nth(1).input_value() == "2022-12-21"
    assert page.locator("#rekenhulp [id$='-loonsanctie_weken']").input_value() == "5"
    cli = cpython({**verzoek, "peildatum": VANDAAG})
    assert list(getoond.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
    # Typing updates the fragment; reopening that link gives the same page again.
    page.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("6")
    wacht_tot(page, "() => location.hash.includes('loonsanctie_weken=6')")
    link = page.url
    # Nothing of the input is stored (Material keeps only its own colour-palette choice in localStorage).
    opslag = page.evaluate("JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage)])")
    assert not any(w in opslag for w in ("2022-07-25", "2022-07-03", "2022-09-01", "loonsanctie", "ziek"))
    assert page.context.cookies() == []
    verwacht = getoonde_termijnen(page)
    # The same link pasted into the open page (hashchange), and an anchor link that must not wipe the form.
    page.evaluate("location.hash = '#rekenvoorbeeld'")
    assert page.locator("#rekenhulp [id$='-loonsanctie_weken']").input_value() == "6"
    page.evaluate("location.hash = '#leeg=1'")
    wacht_tot(page, "() => document.querySelector('#rekenhulp [id$=\"-loonsanctie_weken\"]').value === ''")
    page.evaluate("h => { location.hash = h }", link[link.index("#"):])
    wacht_tot(page, "() => document.querySelector('#rekenhulp [id$=\"-loonsanctie_weken\"]').value === '6'")
    assert getoonde_termijnen(page) == verwacht


def test_ics_download(gedeelde_rekenhulp, cpython):
    import icalendar

    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    with page.expect_download() as info:
        page.get_by_role("button", name=re.compile(r"agenda \(\.ics\)")).click()
    download = info.value
    assert download.suggested_filename.endswith(".ics")
    tekst = open(download.path(), "rb").read()
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "actie": "ics"})
    assert tekst.decode("utf-8") == cli["ics"]  # exactly the engine's calendar
    kalender = icalendar.Calendar.from_ical(tekst)
    events = [c for c in kalender.walk("VEVENT")]
    termijnen = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})["termijnen"]
    assert sorted(str(e.decoded("DTSTART")) for e in events) == sorted(t["datum"] for t in termijnen)
    for e in events:
        assert not hasattr(e.decoded("DTSTART"), "hour")  # all-day
        triggers = sorted(a.decoded("TRIGGER").days for a in e.walk("VALARM"))
        assert triggers == [-14, -3]
        assert e.get("UID") and e.get("DESCRIPTION")


def test_printbare_dossierchecklist(gedeelde_rekenhulp, artefacten, cpython):
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    page.emulate_media(media="print")
    pad = artefacten / "rekenhulp-print.png"
    page.screenshot(path=str(pad), full_page=True)
    assert pad.stat().st_size > 10_000
    assert page.locator("#rekenhulp .rh-formulier").is_hidden()
    assert page.locator("#rekenhulp .rh-printkop").is_visible()
    assert "2026-01-05" in page.locator("#rekenhulp .rh-invoeroverzicht").inner_text()
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})
    assert cli["regels"]["versie"] in page.locator("#rekenhulp .rh-printkop").inner_text()
    for t in cli["termijnen"]:
        li = page.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]")
        assert li.is_visible() and li.locator("input[type=checkbox]").is_visible()
        assert t["datum_tekst"] in li.inner_text()
    for document in PRINT_DOCUMENTEN:
        assert page.locator(f"#rekenhulp li.rh-stap[data-id={document}]").count() == 1
    pdf = artefacten / "rekenhulp-print.pdf"
    page.pdf(path=str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")


def test_geen_verzoek_naar_elders_en_geen_na_klaar(nieuwe_pagina, rekenhulp, zelfde_origin, vandaag):
    assert vandaag == VANDAAG
    page = nieuwe_pagina()
    verzoeken: list[str] = []
    page.on("request", lambda r: verzoeken.append(r.url))
    rekenhulp(page=page)
    assert any("/pyodide/v" in u and u.endswith(".wasm") for u in verzoeken)
    assert any(u.endswith(".whl") for u in verzoeken)
    andere = [u for u in verzoeken if not zelfde_origin(u)]
    assert andere == []
    # Material's own page start (search index, favicon) may still finish; from then on the calculator is silent.
    page.wait_for_load_state("networkidle")
    tot_klaar = len(verzoeken)
    vul_in(page, {"ziek": ["2026-01-05/2026-02-01", "2026-02-20"], "verlof": ["2026-06-01/2026-09-01"]})
    bereken(page)
    getoonde_termijnen(page)
    page.get_by_role("radio", name="Werkgever", exact=True).check()
    with page.expect_download():
        page.get_by_role("button", name=re.compile(r"agenda \(\.ics\)")).click()
    page.wait_for_timeout(300)
    # Chromium itself re-checks the page's favicon after every same-document URL change (the fragment update);
    # that request carries no state (a fragment never leaves the browser), so it is the one exception.
    icoon = page.evaluate("[...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)")
    # After the first result the worker keeps the memory snapshot for a next visit (issue 14 §3): one fixed,
    # versioned, same-origin URL without query or fragment, so it carries no state either.
    momentopname = [u for u in verzoeken[tot_klaar:] if re.fullmatch(r".*/pyodide/momentopname-v[0-9.]+/[0-9a-f]{16}\.bin\.gz", u)]
    assert all(zelfde_origin(u) for u in momentopname) and len(set(momentopname)) <= 1
    na = [u for u in verzoeken[tot_klaar:] if not u.startswith("blob:") and u not in icoon and u not in momentopname]
    assert na == []
    assert not [u for u in verzoeken if "2026-02-20" in u or "ziek=" in u]


def test_gewone_paginas_laden_geen_pyodide(nieuwe_pagina, site_url):
    page = nieuwe_pagina()
    verzoeken: list[str] = []
    page.on("request", lambda r: verzoeken.append(r.url))
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    assert not [u for u in verzoeken if "/pyodide/" in u or "rekenhulp" in u.split("/")[-1]]
    assert page.evaluate("document.querySelectorAll('script[src*=rekenhulp]').length") == 0


@pytest.mark.parametrize("taal, melding, knop_naam", [("nl", "niet starten", "Opnieuw proberen"),
                                                      ("en", "could not start", "Try again")])
def test_mislukte_start_toont_melding_en_opnieuw_proberen(nieuwe_pagina, rekenhulp, taal, melding, knop_naam):
    page = nieuwe_pagina()
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    rekenhulp(page=page, wacht=False, taal=taal)
    page.wait_for_selector("#rekenhulp[data-fase=fout]", timeout=60_000)
    status = page.locator("#rekenhulp .rh-status")
    assert melding in status.inner_text()  # the worker's failure, told in the page's language
    page.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name=knop_naam).click()
    page.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=90_000)
    vul_in(page, {"ziek": ["2026-01-05"]})
    bereken(page)
    assert getoonde_termijnen(page)["probleemanalyse"]


def test_axe_geen_overtredingen(gedeelde_rekenhulp, axe):
    """The whole calculator page, Material's header/footer/search included."""
    page = gedeelde_rekenhulp("#ziek=2026-01-05/2026-02-01&ziek=2026-02-20&verlof=2026-06-01/2026-09-01")
    getoonde_termijnen(page)
    page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open = true")
    assert axe(page) == []
    # With errors on screen too.
    page.locator("#rekenhulp [id$='-loonsanctie_weken']").fill("veel")
    bereken(page)
    page.locator("#rekenhulp .rh-foutsamenvatting").wait_for(state="visible")
    # Focusing the summary scrolls up, and Material then fades in its "Terug naar boven" button: axe must see the end
    # state, not a half-transparent button mid-transition (seen once as a colour-contrast hit on .md-top).
    page.wait_for_timeout(500)
    assert axe(page) == []


def test_zonder_javascript_uitleg_en_vooraf_berekend_voorbeeld(browser, site_url, cpython):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}rekenhulp/")
        uitleg = page.locator(".rh-noscript")
        assert uitleg.is_visible()
        assert "JavaScript" in uitleg.inner_text() and "poortwachter termijnen" in uitleg.inner_text()
        assert uitleg.locator("a[href='#rekenvoorbeeld']").count() == 1
        # The build-time example is the engine's answer for the example first sick day (the page names it).
        rijen = page.locator("table.rh-voorbeeld tbody tr").all()
        eerste = page.locator("table.rh-voorbeeld tbody time").first.get_attribute("datetime")
        assert rijen and eerste
        voorbeeld_dag = uitleg.locator("code", has_text="--ziek").inner_text().split("--ziek ")[1]
        cli = cpython({"ziek": [voorbeeld_dag], "peildatum": cli_peildatum(cpython)})
        assert [r.get_attribute("data-id") for r in rijen] == [t["id"] for t in cli["termijnen"]]
        assert [r.locator("time").inner_text() for r in rijen] == [t["datum_tekst"] for t in cli["termijnen"]]
    finally:
        context.close()


def cli_peildatum(cpython) -> str:
    """The build renders the example with the rule data's check date as peildatum (scripts/mkdocs_hooks.py)."""
    from poortwachter.regels import regels_als_dict

    return str(regels_als_dict()["laatst_gecontroleerd"])


# ---------------------------------------------------------------------------------------------------- issue 12 §2
def dag(iso: str, verschil: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(iso) + timedelta(days=verschil)).isoformat()


def samenvatting(page) -> list[tuple[str, str, str]]:
    """(id, ISO date, 'over N dagen' / 'vandaag' / 'N dagen geleden verlopen') of each step the answer puts first."""
    getoonde_termijnen(page)
    return [(li.get_attribute("data-id"), li.locator("time").get_attribute("datetime"),
             li.locator(".rh-volgende__wanneer").inner_text().lower())
            for li in page.locator("#rekenhulp .rh-eerstvolgende > li").all()]


def test_het_antwoord_eerst_voor_op_en_na_een_termijn(gedeelde_rekenhulp, cpython):
    """The next steps come first, each with date, who and how far off; the timeline marks past and first open step."""
    basis = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})
    termijn = next(t for t in basis["termijnen"] if t["id"] == "ziekmelding_uwv")
    for verschil, wanneer in ((-1, "toekomst"), (0, "vandaag"), (1, "verleden")):
        peil = dag(termijn["datum"], verschil)
        page = gedeelde_rekenhulp(f"#ziek=2026-01-05&peildatum={peil}")
        cli = cpython({"ziek": ["2026-01-05"], "peildatum": peil})
        getoond = samenvatting(page)
        assert getoond == [(v["id"], v["datum"], v["tekst"]) for v in cli["eerstvolgende"]], peil
        assert "ziekmelding_uwv" in [v[0] for v in getoond]
        assert {-1: "over 1 dag", 0: "vandaag", 1: "1 dag geleden verlopen"}[verschil] in \
            [t for i, _, t in getoond if i == "ziekmelding_uwv"]
        # who must act, shown with each step
        for li, v in zip(page.locator("#rekenhulp .rh-eerstvolgende > li").all(), cli["eerstvolgende"]):
            assert v["rol"] in li.inner_text() and v["omschrijving"] in li.inner_text()
        # the answer is above the timeline, and in the first screen
        assert page.evaluate("() => { const n = document.querySelector('#rekenhulp .rh-nu');"
                             " return n.compareDocumentPosition(document.querySelector('#rekenhulp .rh-tijdlijn'))"
                             " & Node.DOCUMENT_POSITION_FOLLOWING; }")
        rij = page.locator("#rekenhulp li.rh-stap[data-id=ziekmelding_uwv]")
        assert f"rh-stap--{wanneer}" in rij.get_attribute("class")
        eerste_open = next(t["id"] for t in cli["termijnen"] if t["datum"] >= peil)
        gemarkeerd = page.locator("#rekenhulp li.rh-stap[aria-current=step]")
        assert gemarkeerd.count() == 1 and gemarkeerd.get_attribute("data-id") == eerste_open
        assert "rh-stap--eerste-open" in gemarkeerd.get_attribute("class")
        assert "eerstvolgende stap" in gemarkeerd.locator(".rh-stap__wanneer").inner_text()
        assert page.fouten == []


def test_signalen_staan_bovenaan_als_hun_stap_eerst_aan_de_beurt_is(gedeelde_rekenhulp, cpython):
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})
    signaal = next(s for s in cli["signalen"] if s["termijn"])  # a signal about one step (a non-working day)
    stap = next(t for t in cli["termijnen"] if t["id"] == signaal["termijn"])
    assert signaal["termijn"] not in [v["id"] for v in cli["eerstvolgende"]]
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    assert page.locator(f"#rekenhulp .rh-nu [data-code={signaal['code']}]").count() == 0
    rij = page.locator(f"#rekenhulp li.rh-stap[data-id={stap['id']}]")
    assert signaal["melding"] in rij.locator(".rh-stap__uitleg").text_content()
    assert rij.locator(".rh-stap__letop").is_visible() == (signaal["niveau"] == "waarschuwing")
    # the day before that step, it is among the next steps and its signal is in the answer at the top
    peil = dag(stap["datum"], -1)
    page = gedeelde_rekenhulp(f"#ziek=2026-01-05&peildatum={peil}")
    assert stap["id"] in [i for i, _, _ in samenvatting(page)]
    assert any(signaal["melding"] in tekst
               for tekst in page.locator(f"#rekenhulp .rh-nu [data-code={signaal['code']}]").all_inner_texts())


def test_uitleg_en_bronnen_klappen_uit_met_het_toetsenbord(gedeelde_rekenhulp, cpython):
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    t = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})["termijnen"][1]
    rij = page.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]")
    bron = rij.locator(".rh-stap__bron a").first
    assert not bron.is_visible() and not rij.locator(".rh-stap__toelichting").is_visible()
    rij.locator(".rh-vink").focus()
    page.keyboard.press("Tab")  # from the tick box to the step's line
    assert page.evaluate("document.activeElement.matches('summary.rh-stap__kop')")
    assert page.evaluate("document.activeElement.closest('li').dataset.id") == t["id"]
    page.keyboard.press("Enter")
    assert rij.locator("details").evaluate("d => d.open")
    assert rij.locator(".rh-stap__toelichting").inner_text() == t["toelichting"]
    assert bron.is_visible() and bron.get_attribute("href") == t["bronnen"][0]["url"]
    page.keyboard.press("Tab")  # the sources are next in the tab order
    assert page.evaluate("document.activeElement.href") == bron.evaluate("a => a.href")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert not rij.locator("details").evaluate("d => d.open") and not bron.is_visible()
    # the tick box works from the keyboard too
    rij.locator(".rh-vink").focus()
    page.keyboard.press("Space")
    assert rij.locator(".rh-vink").is_checked()


def test_een_nieuwe_berekening_werkt_de_rijen_bij_zonder_vinkjes_en_uitklap_te_verliezen(gedeelde_rekenhulp, cpython):
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    rij = page.locator("#rekenhulp li.rh-stap[data-id=probleemanalyse]")
    rij.locator(".rh-vink").check()
    rij.locator("summary").click()
    element = rij.element_handle()
    page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open = true")
    page.locator("#rekenhulp [id$='-peildatum']").fill("2026-02-16")
    wacht_tot(page, "() => document.querySelector('#rekenhulp li.rh-stap[data-id=probleemanalyse]')"
                    ".classList.contains('rh-stap--verleden') && !document.querySelector('#rekenhulp').dataset.bezig")
    assert rij.element_handle().evaluate("(a, b) => a === b", element), "the same row element, updated in place"
    assert rij.locator(".rh-vink").is_checked() and rij.locator("details").evaluate("d => d.open")
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": "2026-02-16"})
    assert [i for i, _, _ in samenvatting(page)] == [v["id"] for v in cli["eerstvolgende"]]
    # a changed first sick day moves every date, still in the same rows
    rij_ids = [li.get_attribute("data-id") for li in page.locator("#rekenhulp li.rh-stap").all()]
    page.locator("#rekenhulp fieldset[data-soort=ziek] input[type=date]").first.fill("2026-01-12")
    cli = cpython({"ziek": ["2026-01-12"], "peildatum": "2026-02-16"})
    wacht_tot(page, "d => document.querySelector('#rekenhulp li.rh-stap[data-id=probleemanalyse] time')"
                    ".getAttribute('datetime') === d", next(t["datum"] for t in cli["termijnen"] if t["id"] == "probleemanalyse"))
    getoond = getoonde_termijnen(page)
    assert list(getoond.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
    assert list(getoond) == rij_ids


def test_al_gedaan_opent_het_veld_van_die_stap(gedeelde_rekenhulp, cpython):
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    verlopen = [v for v in cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})["eerstvolgende"] if v["dagen"] < 0]
    assert verlopen and verlopen[0]["gedaan_veld"]
    samenvatting(page)
    page.locator("#rekenhulp .rh-eerstvolgende").get_by_role("button", name=re.compile("Al gedaan")).click()
    assert page.evaluate("document.activeElement.id").endswith(f"-{verlopen[0]['gedaan_veld']}")
    assert page.locator("#rekenhulp details.rh-meer").evaluate("d => d.open")


def test_print_toont_de_volledige_uitleg_en_bronnen_van_elke_stap(gedeelde_rekenhulp, cpython):
    page = gedeelde_rekenhulp("#ziek=2026-01-05")
    getoonde_termijnen(page)
    page.emulate_media(media="print")
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG})
    for t in cli["termijnen"]:
        li = page.locator(f"#rekenhulp li.rh-stap[data-id={t['id']}]")
        assert not li.locator("details").evaluate("d => d.open"), "closed on screen, yet printed in full"
        assert li.locator(".rh-stap__omschrijving").is_visible()
        if t["toelichting"]:
            assert li.locator(".rh-stap__toelichting").is_visible()
        assert [a.get_attribute("href") for a in li.locator(".rh-stap__bron a").all()] == [b["url"] for b in t["bronnen"]]
        assert li.locator(".rh-stap__bron a").first.is_visible()
    page.emulate_media(media="screen")


def test_axe_geen_overtredingen_met_uitgeklapte_stap_licht_en_donker(gedeelde_rekenhulp, axe):
    page = gedeelde_rekenhulp("#ziek=2026-01-05&peildatum=2027-09-30")  # with the next steps' signals at the top
    getoonde_termijnen(page)
    for li in page.locator("#rekenhulp li.rh-stap").all()[:2]:
        li.locator("summary").click()
    page.locator("#rekenhulp li.rh-stap:has(.rh-signaal) summary").first.click()
    assert page.locator("#rekenhulp .rh-nu .rh-signaal").count() >= 1
    assert axe(page, "#rekenhulp") == []
    page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'slate')")  # Material's dark palette
    try:
        assert page.evaluate("getComputedStyle(document.body).colorScheme") == "dark"
        wacht_op_overgangen(page)  # Material fades link colours (transition); axe must see the end state
        assert axe(page, "#rekenhulp") == []
    finally:
        page.evaluate("() => document.body.setAttribute('data-md-color-scheme', 'default')")
