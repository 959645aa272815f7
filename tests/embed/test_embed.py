"""The embed across origins: the generator's snippet pasted into a plain host page on another origin, in Debian
chromium, with strict CSPs on both sides (host A: default-src 'self'; frame-src B; script-src 'self' B; embed B: the
site server's CSP with 'wasm-unsafe-eval', plus the embed page's own meta CSP).

One host page holds two embeds made from the same generated snippet (both boot the engine, in parallel):
#met has the opt-in to the result event (data-resultaat-delen), #zonder is the snippet without it.
Expected dates come from tests/browser/public-cases.json (golden vectors), never from this file.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest

THEMA = {"kleur": "#8a1538", "tekstkleur": "#102a43", "lettertype": "schreef", "hoeken": "10"}
KLAAR = "#rekenhulp[data-fase=klaar]"


def rgb(hex_: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_[i:i + 2], 16) for i in (1, 3, 5)))


def frame_van(page, selector: str):
    return page.locator(selector).element_handle().content_frame()


def toon(frame) -> dict[str, str]:
    """Deadline id -> ISO date, as the embedded calculator shows them."""
    frame.wait_for_function("() => { const w = document.querySelector('#rekenhulp');"
                            " return !w.dataset.bezig && !w.querySelector('.rh-resultaat').hidden; }")
    return {li.get_attribute("data-id"): li.locator("time").get_attribute("datetime")
            for li in frame.locator("li.rh-stap").all()}


def ziekteperiodes(frame):
    # the first .rh-periodes list holds the sick periods (the second: WAZO leave)
    return frame.locator(".rh-periodes").first.locator("fieldset.rh-periode")


def vul_ziekte_in(frame, ziek: list[str]) -> None:
    """Type sick periods into the embedded form like a reader: extra periods through the button."""
    while ziekteperiodes(frame).count() > 1:
        frame.get_by_role("button", name=re.compile(r"Verwijder ziekteperiode")).last.click()
    for i, periode in enumerate(ziek):
        if i > 0:
            frame.get_by_role("button", name=re.compile("Voeg een ziekteperiode toe")).click()
        start, _, einde = periode.partition("/")
        rij = ziekteperiodes(frame).nth(i)
        rij.locator("input[type=date]").nth(1).fill(einde)
        rij.locator("input[type=date]").nth(0).fill(start)


def ziek_uit_args(args: list[str]) -> list[str]:
    return [w for o, w in zip(args[::2], args[1::2]) if o == "--ziek"]


# ---------------------------------------------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def generator(context_factory, embed_origin):
    """The embed-code generator page on the embed origin, with options picked like a user does."""
    context = context_factory(permissions=["clipboard-read", "clipboard-write"])
    # The live preview boots its own engine; these tests only need its markup, so the runtime is not fetched.
    context.route("**/pyodide/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{embed_origin}/embed/")
    page.locator("input[name=doelgroep][value=werkgever]").check()
    page.locator("#embed-kleur").fill(THEMA["kleur"])
    page.locator("#embed-tekstkleur").fill(THEMA["tekstkleur"])
    page.locator("#embed-lettertype").select_option(THEMA["lettertype"])
    page.locator("#embed-hoeken").fill(THEMA["hoeken"])
    page.locator("#embed-delen").check()
    return page


@pytest.fixture(scope="module")
def snippet(generator) -> str:
    return generator.locator("#embed-code").input_value()


@pytest.fixture(scope="module")
def ingebed(context_factory, host, snippet, embed_origin):
    """Host page on origin A with the pasted snippet twice (#met: as generated, #zonder: without the opt-in)."""
    div, script = snippet.split("\n")
    met = div.replace("<div ", '<div id="met" ', 1)
    zonder = div.replace("<div ", '<div id="zonder" ', 1).replace(" data-resultaat-delen", "")
    url = host.pagina(f"{met}\n<p>Tekst van de host tussen de twee rekenhulpen.</p>\n{zonder}\n{script}")
    context = context_factory()
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-23T10:00:00")
    page.verzoeken = []
    page.console = []
    page.fouten = []
    context.on("request", lambda r: page.verzoeken.append(r.url))
    page.on("console", lambda m: page.console.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.goto(url)
    page.hoogte_voor = {}
    for naam in ("met", "zonder"):
        frame = frame_van(page, f"#{naam} iframe")
        frame.wait_for_selector(KLAAR, timeout=180_000)
        page.hoogte_voor[naam] = page.locator(f"#{naam} iframe").evaluate("f => f.getBoundingClientRect().height")
    return page


# ---------------------------------------------------------------------------------------------------- generator
def test_de_generator_maakt_een_div_met_opties_en_een_script_van_de_embed_origin(snippet, embed_origin, generator):
    div, script = snippet.split("\n")
    assert script == f'<script src="{embed_origin}/embed/v1/embed.js" async></script>'
    assert div.startswith("<div data-poortwachter-embed ") and div.endswith("></div>")
    for k, v in {"doelgroep": "werkgever", **THEMA}.items():
        assert f'data-{k}="{v}"' in div
    assert " data-resultaat-delen" in div
    assert "data-weergave" not in div, "default options stay out of the snippet"
    # the CSP advice names exactly our origin
    assert embed_origin in generator.locator("#embed-csp").inner_text()
    # the live preview is the real loader's iframe with the same options
    generator.wait_for_function("() => { const f = document.querySelector('#embed-voorbeeld iframe');"
                                " return f && f.src.includes('hoeken=10'); }", timeout=10_000)
    frame = generator.locator("#embed-voorbeeld iframe")
    q = parse_qs(urlparse(frame.get_attribute("src")).query)
    assert q["kleur"] == [THEMA["kleur"]] and q["doelgroep"] == ["werkgever"] and q["hoeken"] == [THEMA["hoeken"]]


def test_de_kopieerknop_zet_precies_de_code_op_het_klembord(generator, snippet):
    generator.get_by_role("button", name="Kopieer de code").click()
    generator.wait_for_function("() => document.getElementById('embed-gekopieerd').textContent !== ''")
    assert generator.locator("#embed-gekopieerd").inner_text() == "De code is gekopieerd."
    assert generator.evaluate("() => navigator.clipboard.readText()") == snippet


def test_axe_vindt_geen_overtredingen_in_de_generator(generator, axe):
    assert axe(generator, "#embed-generator") == []


def test_de_generator_meldt_te_weinig_contrast_en_laat_de_kleur_weg(generator):
    generator.locator("#embed-kleur").fill("#ffff00")
    generator.wait_for_function("() => document.querySelector('#embed-meldingen').textContent.includes('te weinig contrast')")
    assert "te laag" in generator.locator("#embed-kleur-contrast").inner_text()
    assert "data-kleur" not in generator.locator("#embed-code").input_value()
    generator.locator("#embed-kleur").fill(THEMA["kleur"])
    generator.wait_for_function("() => document.querySelector('#embed-meldingen').textContent === ''")
    assert f'data-kleur="{THEMA["kleur"]}"' in generator.locator("#embed-code").input_value()


# ---------------------------------------------------------------------------------------------------- calculator
@pytest.fixture(scope="module")
def gevallen(publieke_gevallen):
    # single-period cases first, so every case after the first also exercises removing periods
    return sorted(publieke_gevallen, key=lambda g: len(ziek_uit_args(g["args"])))


@pytest.mark.parametrize("nummer", range(4))
def test_een_publiek_geval_in_het_iframe_geeft_exacte_datums_en_alleen_die_datums_gaan_naar_de_host(
        ingebed, gevallen, nummer):
    geval = gevallen[nummer]
    frame = frame_van(ingebed, "#met iframe")
    aantal = ingebed.evaluate("window.ontvangen.length")
    vul_ziekte_in(frame, ziek_uit_args(geval["args"]))
    getoond = toon(frame)
    verwacht = geval["verwacht"]["termijnen"]
    assert {k: getoond.get(k) for k in verwacht} == verwacht, geval["naam"]
    # opt-in: the host receives an event with exactly the shown dates, and nothing else
    ingebed.wait_for_function(f"() => window.ontvangen.length > {aantal} && "
                              f"window.ontvangen.at(-1).detail.termijnen.probleemanalyse === '{verwacht['probleemanalyse']}'")
    laatste = ingebed.evaluate("window.ontvangen.at(-1)")
    assert laatste["doel"] == "met"
    assert list(laatste["detail"]) == ["termijnen"]
    assert laatste["detail"]["termijnen"] == getoond
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in laatste["detail"]["termijnen"].values())


def test_zonder_opt_in_krijgt_de_host_geen_resultaat(ingebed, gevallen):
    geval = gevallen[0]
    frame = frame_van(ingebed, "#zonder iframe")
    vul_ziekte_in(frame, ziek_uit_args(geval["args"]))
    getoond = toon(frame)
    assert getoond["probleemanalyse"] == geval["verwacht"]["termijnen"]["probleemanalyse"]  # it did compute
    # the #met embed computes the same case as a live control: its event arrives, #zonder's never does
    frame_met = frame_van(ingebed, "#met iframe")
    aantal = ingebed.evaluate("window.ontvangen.length")
    vul_ziekte_in(frame_met, ["2026-03-02"])
    toon(frame_met)
    ingebed.wait_for_function(f"() => window.ontvangen.length > {aantal}")
    ingebed.wait_for_timeout(500)
    assert {e["doel"] for e in ingebed.evaluate("window.ontvangen")} == {"met"}


def test_de_hoogte_van_het_iframe_volgt_de_inhoud_zonder_schuifbalk(ingebed):
    iframe = ingebed.locator("#met iframe")
    frame = frame_van(ingebed, "#met iframe")
    vul_ziekte_in(frame, ["2026-01-05"])
    toon(frame)

    def meet():
        hoogte = iframe.evaluate("f => f.getBoundingClientRect().height")
        inhoud = frame.evaluate("() => ({scroll: document.documentElement.scrollHeight,"
                                " client: document.documentElement.clientHeight,"
                                " onder: document.getElementById('ep').getBoundingClientRect().bottom})")
        return hoogte, inhoud

    frame.wait_for_function("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight",
                            timeout=10_000)
    hoogte, inhoud = meet()
    assert hoogte > ingebed.hoogte_voor["met"] + 500, "the result made the frame grow"
    assert inhoud["scroll"] <= inhoud["client"], "no inner scrollbar"
    assert abs(hoogte - inhoud["onder"]) <= 2, "the frame is as tall as its content, not taller"
    # and it shrinks again when the result disappears
    ziekteperiodes(frame).first.locator("input[type=date]").first.fill("")
    ingebed.wait_for_function(f"() => document.querySelector('#met iframe').getBoundingClientRect().height < {hoogte - 500}")
    hoogte2, inhoud2 = meet()
    assert inhoud2["scroll"] <= inhoud2["client"] and abs(hoogte2 - inhoud2["onder"]) <= 2


def test_de_themakleuren_lettertype_en_afronding_staan_in_de_berekende_stijl(ingebed):
    frame = frame_van(ingebed, "#met iframe")
    knop = frame.locator("button.md-button--primary")
    stijl = knop.evaluate("b => { const s = getComputedStyle(b); return {bg: s.backgroundColor, radius: s.borderTopLeftRadius}; }")
    assert stijl == {"bg": rgb(THEMA["kleur"]), "radius": f'{THEMA["hoeken"]}px'}
    body = frame.evaluate("() => { const s = getComputedStyle(document.body); return {kleur: s.color, font: s.fontFamily}; }")
    assert body["kleur"] == rgb(THEMA["tekstkleur"])
    assert body["font"].startswith("Georgia"), body["font"]
    root = frame.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--pw-primair').trim()")
    assert root == THEMA["kleur"]
    # the embed's own layout keeps the form's hidden elements hidden (e.g. the retry button once the engine runs)
    assert frame.locator(".rh-status__opnieuw").count() == 1
    assert not frame.locator(".rh-status__opnieuw").is_visible()
    # the audience option preselects the filter
    assert frame.locator("input[type=radio][value=werkgever]").is_checked()
    # the second embed comes from the same snippet: same theme
    zonder = frame_van(ingebed, "#zonder iframe")
    assert zonder.evaluate("() => getComputedStyle(document.body).color") == rgb(THEMA["tekstkleur"])


def test_axe_vindt_geen_overtredingen_in_de_embed(ingebed, axe, gevallen):
    frame = frame_van(ingebed, "#met iframe")
    vul_ziekte_in(frame, ziek_uit_args(gevallen[-1]["args"]))
    toon(frame)
    assert axe(frame) == []
    # and with a host (and so a frame) that prefers dark
    ingebed.emulate_media(color_scheme="dark")
    try:
        assert frame.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches")
        assert axe(frame) == []
    finally:
        ingebed.emulate_media(color_scheme="light")


def test_geen_verzoeken_buiten_host_en_embed_en_niets_bewaard(ingebed, host, embed_origin):
    toegestaan = {host.origin, embed_origin}
    origins = {f"{u.scheme}://{u.netloc}" for u in map(urlparse, ingebed.verzoeken) if u.scheme in ("http", "https")}
    assert origins <= toegestaan, origins - toegestaan
    assert any(u.endswith(".wasm") for u in ingebed.verzoeken), "the worker's requests are in the log too"
    assert ingebed.context.cookies() == []
    for naam in ("met", "zonder"):
        frame = frame_van(ingebed, f"#{naam} iframe")
        # Chromium may deny a cross-site frame its storage altogether ("geweigerd"); otherwise it must be empty.
        opslag = frame.evaluate("""async () => {
            const probeer = async (f) => { try { return await f(); } catch (e) { return "geweigerd"; } };
            return {cookie: await probeer(() => document.cookie.length), local: await probeer(() => localStorage.length),
                    session: await probeer(() => sessionStorage.length),
                    idb: await probeer(async () => (await indexedDB.databases()).length),
                    caches: await probeer(async () => (await caches.keys()).length),
                    opfs: await probeer(async () => {
                        let n = 0;
                        for await (const _ of (await navigator.storage.getDirectory()).keys()) n++;
                        return n; })}; }""")
        assert set(opslag.values()) <= {0, "geweigerd"}, (naam, opslag)
    assert ingebed.fouten == []


def test_de_ics_download_en_de_bronlinks_werken_in_de_sandbox(ingebed):
    frame = frame_van(ingebed, "#met iframe")
    vul_ziekte_in(frame, ["2026-01-05"])
    getoond = toon(frame)
    with ingebed.expect_download() as info:
        frame.get_by_role("button", name=re.compile(r"agenda")).click()
    ics = open(info.value.path(), encoding="utf-8").read()
    assert ics.startswith("BEGIN:VCALENDAR")
    assert f"DTSTART;VALUE=DATE:{getoond['probleemanalyse'].replace('-', '')}" in ics
    # a source link opens in a new tab (the source site is answered locally: no request leaves the machine)
    ingebed.context.route(re.compile(r"^https?://(?!127\.0\.0\.1|localhost)"),
                          lambda route: route.fulfill(status=200, content_type="text/html",
                                                      body="<!doctype html><title>bron</title><p>bron</p>"))
    # issue 12 §2: a step's sources fold out with its explanation; open the first visible step first
    stap = frame.locator("li.rh-stap:not([hidden])").first
    stap.locator("summary").click()
    link = stap.locator(".rh-stap__bron a").first
    href = link.get_attribute("href")
    with ingebed.context.expect_page() as nieuw:
        link.click()
    tab = nieuw.value
    tab.wait_for_load_state()
    assert tab.url.rstrip("/") == href.rstrip("/")
    assert ingebed.url.startswith("http://127.0.0.1"), "the host page itself was not navigated away"
    tab.close()


# ---------------------------------------------------------------------------------------------------- issue 12 §2
# The frame height the test below measured before issue 12 §2 (every step's explanation and sources shown): 5,845 px
# (the issue reports 7,150 px on another host). The issue asks for "well under a third" of it for one period.
HOOGTE_VOOR_ISSUE_12 = 5845


def test_met_een_periode_is_het_frame_minder_dan_een_derde_van_vroeger(context_factory, host, embed_origin, artefacten):
    """The plain snippet (audience 'beide'), 1280 x 720, one open sick period: the compact answer keeps it short."""
    import json

    url = host.pagina(f'<div id="rh" data-poortwachter-embed></div>\n'
                      f'<script src="{embed_origin}/embed/v1/embed.js" async></script>', naam="compact.html")
    page = context_factory(viewport={"width": 1280, "height": 720}).new_page()
    page.clock.set_fixed_time("2026-11-23T10:00:00")
    page.goto(url)
    frame = frame_van(page, "#rh iframe")
    frame.wait_for_selector(KLAAR, timeout=180_000)
    vul_ziekte_in(frame, ["2026-01-05"])
    getoond = toon(frame)
    assert len(getoond) > 20, "the whole timeline is there"
    frame.wait_for_function("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight",
                            timeout=10_000)
    # the last height message has arrived: the frame is as tall as its content
    onder = frame.evaluate("() => document.getElementById('ep').getBoundingClientRect().bottom")
    page.wait_for_function(f"() => Math.abs(document.querySelector('#rh iframe').getBoundingClientRect().height"
                           f" - {onder}) <= 2", timeout=10_000)
    hoogte = page.locator("#rh iframe").evaluate("f => f.getBoundingClientRect().height")
    (artefacten / "embed-hoogte.json").write_text(json.dumps({"voor": HOOGTE_VOOR_ISSUE_12, "na": hoogte}) + "\n")
    page.set_viewport_size({"width": 1280, "height": int(hoogte) + 200})  # the whole frame renders in the screenshot
    page.screenshot(path=str(artefacten / "embed-compact.png"), full_page=True)
    assert hoogte < HOOGTE_VOOR_ISSUE_12 / 3, hoogte
