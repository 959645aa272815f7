"""The English embed (issue 13) across origins, with the harness of test_embed.py: the English generator page
/en/embed/ makes the snippet (data-taal="en"), pasted into a host page on another origin with a strict CSP.

The English frame is the same frame at the same address (/embed/v1/termijnen/?taal=en): the same form (ids, names),
the same worker and the same height/result protocol; only the texts and <html lang> differ. The English twin
/en/embed/v1/termijnen/ (the site's English edition) runs the same module and is English without ?taal.
Expected dates come from tests/browser/public-cases.json; expected texts from CPython's English answer.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

KLAAR = "#rekenhulp[data-fase=klaar]"
VANDAAG = "2026-11-23"


def frame_van(page, selector: str):
    return page.locator(selector).element_handle().content_frame()


def toon(frame) -> dict[str, tuple[str, str]]:
    frame.wait_for_function("() => { const w = document.querySelector('#rekenhulp');"
                            " return !w.dataset.bezig && !w.querySelector('.rh-resultaat').hidden; }")
    return {li.get_attribute("data-id"): (li.locator("time").get_attribute("datetime"), li.locator("time").inner_text())
            for li in frame.locator("li.rh-stap").all()}


def vul_ziekte_in(frame, ziek: list[str]) -> None:
    """Type sick periods into the English form like a reader (extra periods through the English button)."""
    rijen = frame.locator(".rh-periodes").first.locator("fieldset.rh-periode")
    while rijen.count() > 1:
        frame.get_by_role("button", name=re.compile(r"Remove period of sickness")).last.click()
    for i, periode in enumerate(ziek):
        if i > 0:
            frame.get_by_role("button", name=re.compile("Add a period of sickness")).click()
        start, _, einde = periode.partition("/")
        rij = rijen.nth(i)
        rij.locator("input[type=date]").nth(1).fill(einde)
        rij.locator("input[type=date]").nth(0).fill(start)


def ziek_uit_args(args: list[str]) -> list[str]:
    return [w for o, w in zip(args[::2], args[1::2]) if o == "--ziek"]


@pytest.fixture(scope="module")
def generator_en(context_factory, embed_origin):
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    context.route("**/pyodide/**", lambda route: route.abort())  # the preview's engine is not needed here
    page = context.new_page()
    page.goto(f"{embed_origin}/en/embed/")
    page.locator("input[name=doelgroep][value=werkgever]").check()
    page.locator("#embed-delen").check()
    return page


@pytest.fixture(scope="module")
def snippet_en(generator_en) -> str:
    generator_en.wait_for_function("() => document.getElementById('embed-code').value.includes('data-resultaat-delen')")
    return generator_en.locator("#embed-code").input_value()


@pytest.fixture(scope="module")
def ingebed_en(context_factory, host, snippet_en, embed_origin):
    """Host page on origin A: #en is the English generator's snippet, #tweeling a host-written iframe on the
    English twin /en/embed/v1/termijnen/ (with the sandbox the loader uses)."""
    div, script = snippet_en.split("\n")
    en = div.replace("<div ", '<div id="en" ', 1)
    sandbox = "allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox"
    tweeling = (f'<iframe id="tweeling" data-poortwachter-embed title="Deadlines" sandbox="{sandbox}" '
                f'src="{embed_origin}/en/embed/v1/termijnen/"></iframe>')
    url = host.pagina(f"{en}\n<p>Host text between the two calculators.</p>\n{tweeling}\n{script}")
    context = context_factory()
    page = context.new_page()
    page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
    page.fouten = []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.goto(url)
    for selector in ("#en iframe", "#tweeling"):
        frame_van(page, selector).wait_for_selector(KLAAR, timeout=180_000)
    return page


# ---------------------------------------------------------------------------------------------------- generator
def test_de_engelse_generator_maakt_code_met_data_taal_en_het_adres_van_de_site(generator_en, snippet_en, embed_origin):
    div, script = snippet_en.split("\n")
    # the loader of the site itself, not under /en/: the embed lives at <site>/embed/v1/ for both languages
    assert script == f'<script src="{embed_origin}/embed/v1/embed.js" async></script>'
    assert 'data-taal="en"' in div and 'data-doelgroep="werkgever"' in div and " data-resultaat-delen" in div
    assert generator_en.locator("#embed-adres").input_value() == f"{embed_origin}/"
    assert "Send the calculated dates" in generator_en.locator("label:has(#embed-delen)").inner_text()
    generator_en.wait_for_function("() => { const f = document.querySelector('#embed-voorbeeld iframe');"
                                   " return f && f.src.includes('taal=en'); }", timeout=10_000)
    frame = generator_en.locator("#embed-voorbeeld iframe")
    assert parse_qs(urlparse(frame.get_attribute("src")).query)["taal"] == ["en"]
    assert urlparse(frame.get_attribute("src")).path == "/embed/v1/termijnen/", "one frame address for both languages"


def test_de_engelse_generator_geeft_de_taal_aan_elke_rekenhulp(generator_en):
    for soort in ("spoor2", "scenario", "termijnen"):
        generator_en.locator(f"input[name=rekenhulp][value={soort}]").check()
        generator_en.wait_for_function("(s) => { const c = document.getElementById('embed-code').value;"
                                       " return c.includes('data-taal=\"en\"') && (s === 'termijnen') !== c.includes("
                                       "'data-rekenhulp='); }", arg=soort)
        assert generator_en.locator("input[name=taal][value=en]").is_enabled()
    generator_en.locator("input[name=taal][value=nl]").check()
    generator_en.wait_for_function("() => !document.getElementById('embed-code').value.includes('data-taal')")
    generator_en.locator("input[name=taal][value=en]").check()


def test_de_engelse_generator_meldt_te_weinig_contrast_in_het_engels(generator_en):
    try:
        generator_en.locator("#embed-kleur").fill("#ffff00")
        generator_en.wait_for_function(
            "() => document.querySelector('#embed-meldingen').textContent.includes('too little contrast')")
        assert "too low" in generator_en.locator("#embed-kleur-contrast").inner_text()
    finally:
        generator_en.locator("#embed-kleur").fill("#1f4e9c")


def test_axe_vindt_geen_overtredingen_op_de_engelse_embedpagina(generator_en, axe):
    generator_en.wait_for_timeout(800)  # the preview is replaced after a pause; axe must see the end state
    assert axe(generator_en) == []


# ---------------------------------------------------------------------------------------------------- the frame
def test_het_engelse_frame_rekent_een_publiek_geval_met_engelse_teksten_en_deelt_alleen_datums(
        ingebed_en, publieke_gevallen, cpython):
    page = ingebed_en
    assert page.locator("#en iframe").get_attribute("title") == "Poortwachter deadlines"
    frame = frame_van(page, "#en iframe")
    assert frame.evaluate("document.documentElement.lang") == "en"
    assert frame.locator("h1").inner_text() == "Deadlines during long-term sickness"
    assert frame.locator(".ep-doelgroep").inner_text() == "For employers"
    assert frame.locator(".ep-meldingen").is_hidden()
    geval = next(g for g in publieke_gevallen if len(ziek_uit_args(g["args"])) > 1)
    ziek = ziek_uit_args(geval["args"])
    aantal = page.evaluate("window.ontvangen.length")
    vul_ziekte_in(frame, ziek)
    frame.get_by_role("button", name="Calculate the deadlines").click()
    getoond = toon(frame)
    for termijn_id, datum in geval["verwacht"]["termijnen"].items():
        assert getoond[termijn_id][0] == datum, (geval["naam"], termijn_id)
    cli = cpython({"ziek": ziek, "peildatum": VANDAAG, "taal": "en"})
    assert list(getoond.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
    # the host gets the same dates as from the Dutch frame: only {id: date}, nothing of the input
    page.wait_for_function(f"() => window.ontvangen.length > {aantal} && window.ontvangen.at(-1).detail.termijnen"
                           f".probleemanalyse === '{geval['verwacht']['termijnen']['probleemanalyse']}'")
    laatste = page.evaluate("window.ontvangen.at(-1)")
    assert laatste["doel"] == "en" and laatste["type"] == "poortwachter:resultaat"
    assert laatste["detail"] == {"termijnen": {t["id"]: t["datum"] for t in cli["termijnen"]}}
    # the height protocol is the same: the frame grew with its result, without an inner scroll bar
    frame.wait_for_function("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight",
                            timeout=10_000)
    hoogte = page.locator("#en iframe").evaluate("f => f.getBoundingClientRect().height")
    onder = frame.evaluate("() => document.getElementById('ep').getBoundingClientRect().bottom")
    assert abs(hoogte - onder) <= 2
    assert page.fouten == []


def test_de_engelse_tweeling_is_engels_zonder_parameter(ingebed_en, cpython):
    frame = frame_van(ingebed_en, "#tweeling")
    assert frame.evaluate("document.documentElement.lang") == "en"
    assert frame.title() == "Poortwachter deadline calculator (embedded)"
    vul_ziekte_in(frame, ["2026-01-05"])
    getoond = toon(frame)
    cli = cpython({"ziek": ["2026-01-05"], "peildatum": VANDAAG, "taal": "en"})
    assert list(getoond.values()) == [(t["datum"], t["datum_tekst"]) for t in cli["termijnen"]]
    # a host-written iframe gets its height through the same loader
    hoogte = ingebed_en.locator("#tweeling").evaluate("f => f.getBoundingClientRect().height")
    assert hoogte > 600


def test_axe_vindt_geen_overtredingen_in_het_engelse_frame(ingebed_en, axe):
    frame = frame_van(ingebed_en, "#en iframe")
    vul_ziekte_in(frame, ["2026-01-05"])
    toon(frame)
    frame.locator("li.rh-stap:not([hidden]) summary").first.click()
    assert axe(frame) == []


def test_een_onbekende_taal_geeft_het_nederlandse_frame_met_een_melding(context_factory, host, embed_origin):
    context = context_factory()
    context.route("**/pyodide/**", lambda route: route.abort())  # only the page's own texts are checked
    url = host.pagina(f'<div id="fr" data-poortwachter-embed data-taal="fr"></div>\n'
                      f'<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context.new_page()
    page.goto(url)
    frame = frame_van(page, "#fr iframe")
    frame.wait_for_selector(".ep-meldingen:not([hidden])")
    assert frame.evaluate("document.documentElement.lang") == "nl"
    assert '"fr"' in frame.locator(".ep-meldingen").inner_text()
    assert frame.get_by_role("button", name="Bereken de termijnen").count() == 1
    assert page.locator("#fr iframe").get_attribute("title").startswith("Rekenhulp termijnen")
