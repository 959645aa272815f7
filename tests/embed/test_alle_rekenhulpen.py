"""Every calculator embeds: the spoor 2 decision helper (data-rekenhulp="spoor2") and the scenario calculator
(data-rekenhulp="scenario") next to the deadlines, with the snippets the generator makes, pasted into a host page on
another origin with its own strict CSP (host A: default-src 'self'; frame-src B; script-src 'self' B).

Expected outcomes and dates come from the engine (poortwachter in this venv), never from this file: the scenario
check is the issue's case (first sick day 2026-01-05, 13 weeks of verlenging), read from the frame and compared with
what `contract.bereken` computes.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from poortwachter import contract, spoor2

ZIEK = "2026-01-05"
VERLENGING_WEKEN = 13
PEILDATUM = "2026-11-23"  # the fixed clock of these tests
# The path to the outcome, as answers; the expected outcome is the engine's, not this file's.
PAD = {"benutbare_mogelijkheden": "ja", "terugkeer_eigen_organisatie": "nee", "oneens": "nee"}


def frame_van(page, selector: str):
    return page.locator(selector).element_handle().content_frame()


def snippet_voor(generator, rekenhulp: str) -> str:
    generator.locator(f"input[name=rekenhulp][value={rekenhulp}]").check()
    generator.wait_for_function(
        "(s) => (s === 'termijnen') !== document.getElementById('embed-code').value.includes('data-rekenhulp=')",
        arg=rekenhulp)
    return generator.locator("#embed-code").input_value()


@pytest.fixture(scope="module")
def generator(context_factory, embed_origin):
    context = context_factory()
    context.route("**/pyodide/**", lambda route: route.abort())  # the preview's engine is not needed here
    page = context.new_page()
    page.goto(f"{embed_origin}/embed/")
    page.locator("input[name=doelgroep][value=werkgever]").check()
    page.locator("#embed-delen").check()
    return page


@pytest.fixture(scope="module")
def snippets(generator) -> dict[str, str]:
    return {soort: snippet_voor(generator, soort) for soort in ("spoor2", "scenario", "termijnen")}


@pytest.fixture(scope="module")
def ingebed(context_factory, host, snippets):
    """Host page on origin A: the spoor 2 and scenario snippets as generated, plus an unknown data-rekenhulp."""
    divs, scripts = [], set()
    for soort in ("spoor2", "scenario"):
        div, script = snippets[soort].split("\n")
        divs.append(div.replace("<div ", f'<div id="{soort}" ', 1))
        scripts.add(script)
    assert len(scripts) == 1, "one loader for every calculator"
    divs.append('<div data-poortwachter-embed id="onbekend" data-rekenhulp="ontslag"></div>')
    url = host.pagina("\n<p>Tekst van de host.</p>\n".join(divs) + "\n" + scripts.pop())
    context = context_factory()
    page = context.new_page()
    page.clock.set_fixed_time(f"{PEILDATUM}T10:00:00")
    page.verzoeken, page.fouten = [], []
    context.on("request", lambda r: page.verzoeken.append(r.url))
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.goto(url)
    page.host_url = url
    frame_van(page, "#spoor2 iframe").wait_for_selector("a.s2-antwoord", timeout=30_000)
    frame_van(page, "#scenario iframe").wait_for_selector("form.s2-scenarioformulier:not([hidden])", timeout=30_000)
    return page


def hoogte_klopt(page, selector: str) -> None:
    """The iframe is as tall as its content (within 2 px) and has no inner scrollbar."""
    frame = frame_van(page, selector)
    frame.wait_for_function("() => document.documentElement.scrollHeight <= document.documentElement.clientHeight",
                            timeout=10_000)
    onder = frame.evaluate("() => document.getElementById('ep').getBoundingClientRect().bottom")
    page.wait_for_function(f"() => Math.abs(document.querySelector('{selector}').getBoundingClientRect().height"
                           f" - {onder}) <= 2", timeout=10_000)


# ---------------------------------------------------------------------------------------------------- generator
def test_de_generator_maakt_de_code_voor_elke_rekenhulp(snippets, generator, embed_origin):
    loader = f'<script src="{embed_origin}/embed/v1/embed.js" async></script>'
    for soort in ("spoor2", "scenario"):
        div, script = snippets[soort].split("\n")
        assert script == loader
        assert f'data-rekenhulp="{soort}"' in div and " data-resultaat-delen" in div
        assert "data-doelgroep" not in div, "the audience option is for the deadlines only"
    div, script = snippets["termijnen"].split("\n")
    assert script == loader
    assert "data-rekenhulp" not in div, "the default stays out of the snippet: every v1 snippet keeps working"
    assert 'data-doelgroep="werkgever"' in div


@pytest.mark.parametrize("soort, event", [("spoor2", "poortwachter:uitkomst"), ("scenario", "poortwachter:scenario"),
                                          ("termijnen", "poortwachter:resultaat")])
def test_de_generator_toont_het_voorbeeld_en_het_event_van_de_gekozen_rekenhulp(generator, soort, event):
    snippet_voor(generator, soort)
    assert event in generator.locator("label:has(#embed-delen)").inner_text()
    assert generator.locator("#embed-doelgroep").is_visible() == (soort == "termijnen")
    generator.wait_for_function(
        "(s) => { const f = document.querySelector('#embed-voorbeeld iframe');"
        " return f && new URL(f.src).pathname.endsWith('/embed/v1/' + s + '/'); }", arg=soort, timeout=10_000)


def test_axe_vindt_geen_overtredingen_in_de_generator_met_elke_keuze(generator, axe):
    for soort in ("spoor2", "scenario", "termijnen"):
        snippet_voor(generator, soort)
        assert axe(generator, "#embed-generator") == [], soort


# ---------------------------------------------------------------------------------------------------- loader
def test_een_onbekende_rekenhulp_geeft_een_melding_en_geen_kader(ingebed):
    onbekend = ingebed.locator("#onbekend")
    assert onbekend.is_visible()
    assert "Onbekende rekenhulp" in onbekend.inner_text() and "ontslag" in onbekend.inner_text()
    assert onbekend.locator("iframe").count() == 0
    # the known ones next to it did get their frame, each titled after its calculator
    assert ingebed.locator("#spoor2 iframe").get_attribute("title").startswith("Beslishulp")
    assert ingebed.locator("#scenario iframe").get_attribute("title").startswith("Scenario")


# ---------------------------------------------------------------------------------------------------- spoor 2
def antwoordlabels() -> dict[tuple[str, str], str]:
    hulp = spoor2.beslishulp()
    return {(v, a["waarde"]): a["label"] for v, vraag in hulp["vragen"].items() for a in vraag["antwoorden"]}


def test_de_beslishulp_bereikt_per_toetsenbord_een_uitkomst(ingebed):
    soort, verwacht = spoor2.volgende_stap(PAD)
    assert soort == spoor2.UITKOMST
    titel = spoor2.beslishulp()["uitkomsten"][verwacht]["titel"]
    labels = antwoordlabels()
    frame = frame_van(ingebed, "#spoor2 iframe")
    hoogte_voor = ingebed.locator("#spoor2 iframe").evaluate("f => f.getBoundingClientRect().height")
    geschiedenis = ingebed.evaluate("history.length")
    aantal = ingebed.evaluate("window.ontvangen.length")

    ingebed.locator("h1").first.click()  # start on the host page; from here on only the keyboard
    gevolgd = {}
    while True:
        stap, vraag = spoor2.volgende_stap(gevolgd)
        if stap == spoor2.UITKOMST:
            break
        label = labels[(vraag, PAD[vraag])]
        for _ in range(30):
            ingebed.keyboard.press("Tab")
            if frame.evaluate("() => document.activeElement.textContent.trim()") == label:
                break
        else:
            pytest.fail(f"geen link '{label}' bereikt met Tab")
        kop = frame.locator("h1").inner_text()
        ingebed.keyboard.press("Enter")
        frame.wait_for_function("(k) => document.querySelector('h1').textContent !== k", arg=kop)
        # the focus moves to the new step's heading, inside the frame
        assert frame.evaluate("() => document.activeElement.tagName") == "H1"
        gevolgd[vraag] = PAD[vraag]

    assert frame.locator("h1").inner_text() == titel
    kopjes = frame.locator("h2").all_inner_texts()
    assert "Leg vast in het re-integratiedossier" in kopjes and "Bronnen" in kopjes
    bronnen = frame.locator("h2:text-is('Bronnen') + ul a")
    adressen = [urlparse(a) for a in bronnen.evaluate_all("l => l.map(a => a.href)")]
    assert adressen and all(a.scheme in ("http", "https") and a.hostname not in ("localhost", "127.0.0.1")
                            for a in adressen), "sources are links to their own sites"
    assert frame.locator("base").get_attribute("target") == "_blank", "they open in a new tab"
    # the answers live in the frame: not in the host's URL, not in the frame's URL, no history entries
    assert ingebed.url == ingebed.host_url
    assert frame.url.split("?")[0].endswith("/embed/v1/spoor2/") and "#" not in frame.url
    assert ingebed.evaluate("history.length") == geschiedenis
    # opt-in: the host gets the outcome id, and nothing else
    ingebed.wait_for_function(f"() => window.ontvangen.length > {aantal}")
    assert ingebed.evaluate("window.ontvangen.at(-1)") == {"doel": "spoor2", "type": "poortwachter:uitkomst",
                                                      "detail": {"uitkomst": verwacht}}
    # the frame grew with its content
    hoogte_klopt(ingebed, "#spoor2 iframe")
    assert ingebed.locator("#spoor2 iframe").evaluate("f => f.getBoundingClientRect().height") > hoogte_voor


def volg_pad_met_klikken(frame, pad: dict[str, str]) -> str:
    """From the first question, click the answers of `pad` in the frame; returns the engine's outcome id."""
    labels = antwoordlabels()
    if frame.locator("a", has_text="Opnieuw beginnen").count():
        frame.get_by_role("link", name="Opnieuw beginnen").click()
    gevolgd: dict[str, str] = {}
    while (stap := spoor2.volgende_stap(gevolgd))[0] == spoor2.VRAAG:
        vraag = stap[1]
        kop = frame.locator("h1").inner_text()
        frame.get_by_role("link", name=labels[(vraag, pad[vraag])], exact=True).click()
        frame.wait_for_function("(k) => document.querySelector('h1').textContent !== k", arg=kop)
        gevolgd[vraag] = pad[vraag]
    return stap[1]


def test_de_datum_bij_de_uitkomst_komt_van_de_rekenkern_en_blijft_in_het_kader(ingebed):
    verwacht = json.loads(contract.bereken(json.dumps(
        {"actie": "spoor2", "antwoorden": {**PAD, "eerste_ziektedag": ZIEK}, "peildatum": PEILDATUM})))
    datum = verwacht["uitkomst"]["datum"]
    frame = frame_van(ingebed, "#spoor2 iframe")
    volg_pad_met_klikken(frame, PAD)
    veld = frame.get_by_label(spoor2.beslishulp()["datums"]["eerste_ziektedag"]["label"])
    veld.fill(ZIEK)
    veld.press("Enter")
    tijd = frame.locator(".s2-datumresultaat time[data-termijn]")
    tijd.wait_for(timeout=180_000)
    assert (tijd.get_attribute("datetime"), tijd.inner_text()) == (datum["datum"], datum["datum_tekst"])
    assert ZIEK not in frame.url and ZIEK not in ingebed.url, "the date stays in the frame's memory"
    hoogte_klopt(ingebed, "#spoor2 iframe")


def test_wijzig_en_opnieuw_blijven_in_het_kader(ingebed):
    frame = frame_van(ingebed, "#spoor2 iframe")
    eerste = spoor2.beslishulp()["vragen"][spoor2.volgende_stap({})[1]]["tekst"]
    with _geen_nieuwe_tab(ingebed):
        frame.get_by_role("link", name="Opnieuw beginnen").click()
        frame.wait_for_function("(t) => document.querySelector('h1').textContent === t", arg=eerste)
    # links that are not steps point at the site, absolute, and open in a new tab (<base target="_blank">)
    frame.locator("a.s2-antwoord").first.click()
    frame.wait_for_function("(t) => document.querySelector('h1').textContent !== t", arg=eerste)
    wijzig = frame.locator("a.s2-wijzig").first
    assert re.match(r"https?://localhost:\d+/spoor2-hulp/pad/", wijzig.evaluate("a => a.href"))
    with _geen_nieuwe_tab(ingebed):
        wijzig.click()
        frame.wait_for_function("(t) => document.querySelector('h1').textContent === t", arg=eerste)


class _geen_nieuwe_tab:
    """Context manager: fails if a new tab opened meanwhile (a step link must stay in the frame)."""

    def __init__(self, page):
        self.page = page

    def __enter__(self):
        self.voor = len(self.page.context.pages)

    def __exit__(self, *exc):
        self.page.wait_for_timeout(300)
        assert len(self.page.context.pages) == self.voor, "a step link opened a new tab"


# ---------------------------------------------------------------------------------------------------- scenario
def test_het_scenario_toont_de_laatste_loondoorbetalingsdag_van_de_rekenkern(ingebed):
    verwacht = json.loads(contract.bereken(json.dumps(
        {"actie": "scenario", "ziek": [ZIEK], "vrijwillige_verlenging_weken": VERLENGING_WEKEN,
         "peildatum": PEILDATUM})))
    rij = {s["id"]: s for s in verwacht["scenarios"]}["vrijwillige_verlenging"]
    frame = frame_van(ingebed, "#scenario iframe")
    hoogte_voor = ingebed.locator("#scenario iframe").evaluate("f => f.getBoundingClientRect().height")
    aantal = ingebed.evaluate("window.ontvangen.length")
    frame.get_by_label("Eerste ziektedag").fill(ZIEK)
    frame.get_by_label("Vrijwillige verlenging in weken").fill(str(VERLENGING_WEKEN))
    frame.get_by_label("Weekloon in euro (niet verplicht)").fill("750")
    frame.get_by_label("Weekloon in euro (niet verplicht)").press("Enter")
    tijd = frame.locator("tr[data-scenario=vrijwillige_verlenging] td").first.locator("time")
    tijd.wait_for(timeout=180_000)
    assert tijd.get_attribute("datetime") == rij["laatste_loondoorbetalingsdag"]["datum"] == "2028-04-02"
    assert tijd.inner_text() == rij["laatste_loondoorbetalingsdag"]["datum_tekst"]
    assert "2 april 2028" in tijd.inner_text()
    # three scenarios side by side, and the vervroegde IVA window
    assert frame.locator("tr[data-scenario]").evaluate_all("l => l.map(r => r.dataset.scenario)") == [
        s["id"] for s in verwacht["scenarios"]]
    # opt-in: the host gets the computed dates only (not the sick day as typed, not the wage)
    ingebed.wait_for_function(f"() => window.ontvangen.length > {aantal}")
    laatste = ingebed.evaluate("window.ontvangen.at(-1)")
    assert (laatste["doel"], laatste["type"]) == ("scenario", "poortwachter:scenario")
    scenario = laatste["detail"]["scenario"]
    assert list(laatste["detail"]) == ["scenario"]
    assert scenario["vrijwillige_verlenging"]["laatste_loondoorbetalingsdag"] == "2028-04-02"
    for s in verwacht["scenarios"]:
        assert scenario[s["id"]] == {"laatste_loondoorbetalingsdag": s["laatste_loondoorbetalingsdag"]["datum"],
                                     "wia_aanvraag": s["wia_aanvraag"]["datum"]}
    assert scenario["vervroegde_iva"] == {"vanaf": verwacht["vervroegde_iva"]["vanaf"]["datum"],
                                          "uiterlijk": verwacht["vervroegde_iva"]["uiterlijk"]["datum"]}
    assert "750" not in json.dumps(laatste)
    # what was filled in stays in the frame's memory, not in its URL
    assert "#" not in frame.url and ZIEK not in frame.url
    hoogte_klopt(ingebed, "#scenario iframe")
    assert ingebed.locator("#scenario iframe").evaluate("f => f.getBoundingClientRect().height") > hoogte_voor + 200


# ---------------------------------------------------------------------------------------------------- checks
def test_de_loader_laat_alleen_geldige_resultaten_door(ingebed):
    """A frame that sends more (or other) than its one event type allows: the loader drops it."""
    # Reach the frames' own port to the loader: wrap postMessage, make the frame report its height once, and keep
    # the port that carried that height (other code in the frame may use message ports of its own).
    vang = """() => new Promise((klaar) => {
        const orig = MessagePort.prototype.postMessage;
        MessagePort.prototype.postMessage = function (...a) {
            if (a[0] && a[0].type === 'hoogte') window.__poort = this;
            return orig.apply(this, a);
        };
        const extra = document.createElement('p'); extra.textContent = 'x'; document.getElementById('ep').append(extra);
        // the height goes out from the frame's ResizeObserver, in a rendering update: look once per frame, up to 300
        let n = 0;
        const kijk = () => {
            if (window.__poort || ++n > 300) { extra.remove(); klaar(!!window.__poort); } else requestAnimationFrame(kijk);
        };
        requestAnimationFrame(kijk);
    })"""
    spoor2_frame = frame_van(ingebed, "#spoor2 iframe")
    scenario_frame = frame_van(ingebed, "#scenario iframe")
    assert spoor2_frame.evaluate(vang) and scenario_frame.evaluate(vang)
    aantal = ingebed.evaluate("window.ontvangen.length")
    spoor2_frame.evaluate("""() => { const p = window.__poort;
        p.postMessage({type: 'resultaat', uitkomst: 'Geen id!'});
        p.postMessage({type: 'resultaat', uitkomst: ['start_spoor_2']});
        p.postMessage({type: 'resultaat', termijnen: {probleemanalyse: '2026-02-15'}});
        p.postMessage({type: 'resultaat', uitkomst: 'niet_nu', antwoorden: {oneens: 'nee'}}); }""")
    scenario_frame.evaluate("""() => window.__poort.postMessage({type: 'resultaat', scenario: {
        basis: {laatste_loondoorbetalingsdag: '2028-01-02', wia_aanvraag: '17-10-2027', html: '<b>x</b>'},
        'Niet-Goed': {vanaf: '2027-01-01'}, diep: {a: {b: '2027-01-01'}}, getal: 5}, weekloon: 750})""")
    ingebed.wait_for_function(f"() => window.ontvangen.length >= {aantal + 2}")
    ingebed.wait_for_timeout(300)
    # two frames, two ports: their events may arrive in either order
    nieuw = sorted(ingebed.evaluate(f"window.ontvangen.slice({aantal})"), key=lambda e: e["doel"], reverse=True)
    assert nieuw == [{"doel": "spoor2", "type": "poortwachter:uitkomst", "detail": {"uitkomst": "niet_nu"}},
                     {"doel": "scenario", "type": "poortwachter:scenario",
                      "detail": {"scenario": {"basis": {"laatste_loondoorbetalingsdag": "2028-01-02"}, "diep": {}}}}]


@pytest.mark.parametrize("kleur", ["light", "dark"])
def test_axe_vindt_geen_overtredingen_in_elk_kader(ingebed, axe, kleur):
    ingebed.emulate_media(color_scheme=kleur)
    try:
        for soort in ("spoor2", "scenario"):
            frame = frame_van(ingebed, f"#{soort} iframe")
            assert frame.evaluate("() => matchMedia('(prefers-color-scheme: dark)').matches") == (kleur == "dark")
            assert axe(frame) == [], (soort, kleur)
    finally:
        ingebed.emulate_media(color_scheme="light")


def test_geen_verzoeken_buiten_host_en_embed_en_niets_bewaard(ingebed, host, embed_origin):
    origins = {f"{u.scheme}://{u.netloc}" for u in map(urlparse, ingebed.verzoeken) if u.scheme in ("http", "https")}
    assert origins <= {host.origin, embed_origin}, origins
    assert any(u.endswith("/spoor2-hulp/stappen.json") for u in ingebed.verzoeken)
    assert any(u.endswith(".wasm") for u in ingebed.verzoeken), "the scenario's worker requests are in the log too"
    assert ingebed.context.cookies() == []
    for soort in ("spoor2", "scenario"):
        opslag = frame_van(ingebed, f"#{soort} iframe").evaluate("""async () => {
            const probeer = async (f) => { try { return await f(); } catch (e) { return "geweigerd"; } };
            return {local: await probeer(() => localStorage.length), session: await probeer(() => sessionStorage.length),
                    idb: await probeer(async () => (await indexedDB.databases()).length)}; }""")
        assert set(opslag.values()) <= {0, "geweigerd"}, (soort, opslag)
    assert ingebed.fouten == []


def test_zonder_javascript_linkt_de_beslishulp_naar_de_statische_versie(context_factory, embed_origin):
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(f"{embed_origin}/embed/v1/spoor2/")
    link = page.get_by_role("link", name=re.compile("Start de beslishulp"))
    assert link.is_visible()
    doel = link.evaluate("a => a.href")
    assert doel == f"{embed_origin}/spoor2-hulp/pad/"
    assert page.request.get(doel).ok
    page.goto(f"{embed_origin}/embed/v1/scenario/")
    melding = page.locator(".ep-noscript")
    assert melding.is_visible() and "heeft JavaScript nodig" in melding.inner_text()
    assert page.request.get(page.get_by_role("link", name=re.compile("voorbeeld")).evaluate("a => a.href")).ok


def test_een_eigen_iframe_van_de_beslishulp_werkt_en_deelt_de_uitkomst(host, embed_origin, context_factory):
    """A host-written iframe: the loader takes the calculator from its address."""
    tokens = "allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox"
    url = host.pagina(f'<iframe data-poortwachter-embed data-resultaat-delen id="eigen" title="Beslishulp" '
                      f'sandbox="{tokens}" src="{embed_origin}/embed/v1/spoor2/"></iframe>\n'
                      f'<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context_factory().new_page()
    page.goto(url)
    page.wait_for_function("() => !['', '150px'].includes(document.getElementById('eigen').style.height)",
                           timeout=15_000)
    frame = page.locator("#eigen").element_handle().content_frame()
    frame.locator("a.s2-antwoord").first.wait_for()
    uitkomst = volg_pad_met_klikken(frame, PAD)
    page.wait_for_function("() => window.ontvangen.length > 0")
    assert page.evaluate("window.ontvangen") == [{"doel": "eigen", "type": "poortwachter:uitkomst",
                                                  "detail": {"uitkomst": uitkomst}}]
