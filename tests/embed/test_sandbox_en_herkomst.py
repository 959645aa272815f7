"""Sandbox tokens, message origins and theme refusal, measured in chromium across origins.

- Each sandbox token the loader gives the iframe is needed: with the full set everything works; without one token,
  exactly the capability that token is for breaks (measured on the embed page itself, with the same mechanisms the
  calculator uses: module scripts + worker, the form's submit, an <a download> of a blob, a link opening a new tab).
- The loader hands its MessageChannel port only to the embed origin and takes sizes only from that port.
- Theme colours below WCAG AA contrast are refused with a visible note; the boundary grey is accepted.
The engine is not needed here, so the Pyodide runtime is not fetched (route aborted).
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
LOADER = ROOT / "docs" / "embed" / "v1" / "embed.js"
TOKENS = re.search(r'var SANDBOX = "([^"]+)"', LOADER.read_text(encoding="utf-8")).group(1).split()


def context_zonder_runtime(context_factory):
    context = context_factory()
    context.route("**/pyodide/**", lambda route: route.abort())
    return context


def wacht_op_hoogte(page, selector: str, niet: str, timeout: int = 15_000) -> bool:
    try:
        page.wait_for_function(f"() => !['', '{niet}'].includes(document.querySelector('{selector}').style.height)",
                               timeout=timeout)
        return True
    except PlaywrightTimeout:
        return False


def wacht_op_vaste_hoogte(page, selector: str, stil_ms: int = 1000, timeout: int = 15_000) -> str:
    """Wait until the frame's height has not changed for `stil_ms` (the real embed may still report its settled
    content), so that a later change can only come from the message under test. Returns that height."""
    vorige, sinds, eind = None, 0, timeout
    while eind > 0:
        h = page.locator(selector).evaluate("f => f.style.height")
        sinds = sinds + 100 if h == vorige else 0
        if sinds >= stil_ms:
            return h
        vorige = h
        page.wait_for_timeout(100)
        eind -= 100
    raise AssertionError(f"{selector}: height never settled (last {vorige})")


def ms_sinds(t0: float) -> float:
    return (time.monotonic() - t0) * 1000


# How long a capability may take to show itself. With the full token set (the module's control, `controle`) each
# one waits as long as it needs (up to these generous limits) and its time is measured. Without a token, the
# missing capability is a negative: it only needs to be waited for until it would certainly have shown itself,
# which is FACTOR times the control's own time on this machine, just measured in the same module (so a busy
# machine makes both slower together), and never less than VLOER_MS. That bound is safe for each negative:
# - "verbonden": page.goto() returns after the host's load event, which waits for the iframe's load event; the
#   frame posts "gereed" while its module script runs (ingebed.js, a microtask), so before its DOMContentLoaded.
#   After goto only two message hops are left (loader -> frame: the port, frame -> port: the height), and the
#   control times exactly those.
# - "formulier": the submit event fires inside the click's activation, before click() returns;
# - "download" / "popup": the control times the click -> download / new tab in the same kind of frame.
RUIM_MS = {"verbonden": 15_000, "formulier": 5_000, "download": 5_000, "popup": 5_000}
FACTOR = 10
VLOER_MS = {"verbonden": 1_500, "formulier": 300, "download": 1_000, "popup": 1_000}


def meet(page, embed_origin: str, grens: dict[str, float] | None = None) -> tuple[dict, dict]:
    """What works inside the sandboxed iframe #kader (see the module docstring), and how many ms each capability
    took to show itself. `grens`: the wait per capability in ms (default: the generous RUIM_MS, for the control)."""
    grens = grens or RUIM_MS
    tijden = {}
    t0 = time.monotonic()
    uit = {"verbonden": wacht_op_hoogte(page, "#kader", "", timeout=grens["verbonden"])}
    if not uit["verbonden"]:
        return uit, tijden
    tijden["verbonden"] = ms_sinds(t0)
    frame = page.locator("#kader").element_handle().content_frame()
    knop = frame.get_by_role("button", name="Bereken de termijnen")
    knop.wait_for(timeout=15_000)

    frame.evaluate("() => { window.verzonden = 0; document.querySelector('form.rh-formulier')"
                   ".addEventListener('submit', () => { window.verzonden++; }); }")
    t0 = time.monotonic()
    knop.click()
    try:
        frame.wait_for_function("() => window.verzonden > 0", timeout=grens["formulier"])
        tijden["formulier"] = ms_sinds(t0)
    except PlaywrightTimeout:
        pass
    uit["formulier"] = frame.evaluate("window.verzonden") > 0

    frame.evaluate("""(bron) => {
        const ep = document.getElementById('ep');
        const dl = document.createElement('a');
        dl.id = 't-dl'; dl.download = 'test.ics'; dl.textContent = 'agendabestand';
        dl.href = URL.createObjectURL(new Blob(['BEGIN:VCALENDAR'], {type: 'text/calendar'}));
        const pop = document.createElement('a');
        pop.id = 't-pop'; pop.href = bron; pop.textContent = 'bron';
        ep.append(dl, ' ', pop);
    }""", f"{embed_origin}/bronnen/")
    try:
        t0 = time.monotonic()
        with page.expect_download(timeout=grens["download"]) as d:
            frame.locator("#t-dl").click()
        download = d.value
        tijden["download"] = ms_sinds(t0)
        uit["download"] = download.suggested_filename == "test.ics"
    except PlaywrightTimeout:
        uit["download"] = False

    try:
        t0 = time.monotonic()
        with page.context.expect_page(timeout=grens["popup"]) as nieuw:
            frame.locator("#t-pop").click()
        tab = nieuw.value
        tijden["popup"] = ms_sinds(t0)
        tab.wait_for_load_state()
        uit["popup"] = tab.url == f"{embed_origin}/bronnen/"
        # An unsandboxed tab may show dialogs; one that inherits our sandbox (no allow-modals) may not.
        dialogen = []
        tab.on("dialog", lambda dialog: (dialogen.append(dialog.message), dialog.dismiss()))
        tab.evaluate("() => { alert('test'); }")
        uit["buiten_sandbox"] = dialogen == ["test"]
        tab.close()
    except PlaywrightTimeout:
        uit["popup"] = False
    return uit, tijden


@pytest.fixture(scope="module")
def sandbox_host(host_factory, csp_voor_host, embed_origin):
    return host_factory(csp_voor_host(embed_origin))


def test_de_loader_geeft_precies_deze_tokens():
    assert TOKENS == ["allow-scripts", "allow-same-origin", "allow-forms", "allow-downloads", "allow-popups",
                      "allow-popups-to-escape-sandbox"]


def kader_zonder(weg, sandbox_host, embed_origin, context_factory):
    """A host page with the embed's iframe sandboxed with every token but `weg` (None: all of them), opened."""
    tokens = " ".join(t for t in TOKENS if t != weg)
    url = sandbox_host.pagina(
        f'<iframe data-poortwachter-embed id="kader" title="Rekenhulp" sandbox="{tokens}" '
        f'src="{embed_origin}/embed/v1/termijnen/"></iframe>\n<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context_zonder_runtime(context_factory).new_page()
    page.goto(url)
    return page


@pytest.fixture(scope="module")
def controle(sandbox_host, embed_origin, context_factory):
    """The full token set, measured once per module: (what works, ms per capability). It is the "volledig" case
    below and the time base for the negatives' bounds."""
    return meet(kader_zonder(None, sandbox_host, embed_origin, context_factory), embed_origin)


@pytest.mark.parametrize("weg", [None, *TOKENS], ids=lambda t: f"zonder-{t}" if t else "volledig")
def test_elk_sandbox_token_is_nodig(weg, controle, sandbox_host, embed_origin, context_factory):
    alles = {"verbonden": True, "formulier": True, "download": True, "popup": True, "buiten_sandbox": True}
    grens = RUIM_MS
    if weg is None:
        uit = controle[0]
    else:
        # each capability at most FACTOR x its time in the control (see RUIM_MS), and never below the floor
        assert controle[0] == alles, "the control works, so its times are a base for the bounds"
        grens = {k: max(VLOER_MS[k], FACTOR * controle[1][k]) for k in RUIM_MS}
        uit, _ = meet(kader_zonder(weg, sandbox_host, embed_origin, context_factory), embed_origin, grens)
    verwacht = {
        None: alles,
        # no script runs at all / an opaque origin may not load its module scripts and worker: nothing starts
        "allow-scripts": {"verbonden": False},
        "allow-same-origin": {"verbonden": False},
        "allow-forms": {**alles, "formulier": False},
        "allow-downloads": {**alles, "download": False},
        "allow-popups": {"verbonden": True, "formulier": True, "download": True, "popup": False},
        "allow-popups-to-escape-sandbox": {**alles, "buiten_sandbox": False},
    }[weg]
    assert uit == verwacht, {"gewacht_ms": grens, "controle_ms": controle[1]}


# ---------------------------------------------------------------------------------------------------- origins
KWAAD_JS = """// A page on a wrong origin inside the embed's iframe, pretending to be the embed.
window.kreeg = [];
addEventListener("message", function (e) { window.kreeg.push({type: e.data && e.data.type, poorten: e.ports.length}); });
parent.postMessage({poortwachter: 1, type: "gereed"}, "*");
parent.postMessage({type: "hoogte", hoogte: 1234}, "*");
"""


def test_berichten_van_een_verkeerde_origin_worden_genegeerd(host_factory, csp_voor_host, embed_origin, context_factory):
    # The host allows a second origin C (same server, host name localhost) in frame-src, so the iframe can get there.
    host = host_factory(lambda poort: csp_voor_host(embed_origin, f"http://localhost:{poort}"))
    (host.map / "kwaad.js").write_text(KWAAD_JS, encoding="utf-8")
    (host.map / "kwaad.html").write_text('<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>kwaad</title>'
                                         '<script src="kwaad.js"></script></head><body>kwaad</body></html>',
                                         encoding="utf-8")
    verkeerd = f"http://localhost:{host.poort}"
    url = host.pagina(f'<div data-poortwachter-embed id="met" data-resultaat-delen></div>\n'
                      f'<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context_zonder_runtime(context_factory).new_page()
    console = []
    page.on("console", lambda m: console.append(m.text))
    page.goto(url)
    assert wacht_op_hoogte(page, "#met iframe", "600px"), "the real embed connects and reports its height"
    wacht_op_vaste_hoogte(page, "#met iframe")  # the real frame's own late resizes are not the messages under test
    frame = page.locator("#met iframe").element_handle().content_frame()

    # 1. messages posted by the host page itself (not the iframe, not the embed origin)
    page.evaluate("() => { document.querySelector('#met iframe').style.height = '77px';"
                  " postMessage({poortwachter: 1, type: 'gereed'}, '*'); postMessage({type: 'hoogte', hoogte: 999}, '*'); }")
    page.wait_for_timeout(500)
    assert page.locator("#met iframe").evaluate("f => f.style.height") == "77px"

    # 2. the iframe navigated to a wrong origin claims to be the embed: it gets no port, its sizes are ignored
    frame.goto(f"{verkeerd}/kwaad.html")
    frame.wait_for_function("() => window.kreeg !== undefined")
    page.wait_for_timeout(1000)
    assert frame.evaluate("window.kreeg") == []
    assert page.locator("#met iframe").evaluate("f => f.style.height") == "77px"
    assert not [c for c in console if "postMessage" in c], "the loader did not even try to send the port"

    # 3. control: back on the embed origin, the same frame connects again and its size is applied
    frame.goto(f"{embed_origin}/embed/v1/termijnen/")
    assert wacht_op_hoogte(page, "#met iframe", "77px")


# ---------------------------------------------------------------------------------------------------- theme
def test_kleuren_met_te_weinig_contrast_worden_zichtbaar_geweigerd(host, embed_origin, context_factory):
    url = host.pagina(
        '<div data-poortwachter-embed id="standaard"></div>\n'
        '<div data-poortwachter-embed id="geel" data-kleur="#ffff00" data-tekstkleur="#777777" data-hoeken="99"></div>\n'
        '<div data-poortwachter-embed id="grens" data-kleur="#767676" data-tekstkleur="#767676"></div>\n'
        f'<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context_zonder_runtime(context_factory).new_page()
    page.goto(url)
    stijlen = {}
    for naam in ("standaard", "geel", "grens"):
        frame = page.locator(f"#{naam} iframe").element_handle().content_frame()
        frame.locator("button.md-button--primary").wait_for(timeout=15_000)
        stijlen[naam] = frame.evaluate("""() => ({
            knop: getComputedStyle(document.querySelector('button.md-button--primary')).backgroundColor,
            tekst: getComputedStyle(document.body).color,
            radius: getComputedStyle(document.querySelector('button.md-button--primary')).borderTopLeftRadius,
            melding: document.querySelector('.ep-meldingen').hidden ? null : document.querySelector('.ep-meldingen').innerText})""")
        stijlen[naam]["zichtbaar"] = frame.locator(".ep-meldingen").is_visible()
    geel, standaard, grens = stijlen["geel"], stijlen["standaard"], stijlen["grens"]
    assert standaard["melding"] is None and not standaard["zichtbaar"]
    # refused: defaults are used, and a visible note names each refused value
    assert (geel["knop"], geel["tekst"], geel["radius"]) == (standaard["knop"], standaard["tekst"], standaard["radius"])
    assert geel["zichtbaar"]
    assert geel["melding"].count("te weinig contrast") == 2 and "#ffff00" in geel["melding"] and "#777777" in geel["melding"]
    assert '"99"' in geel["melding"]
    # the boundary grey (contrast just above 4.5:1 on white) is accepted
    assert grens["melding"] is None
    assert grens["knop"] == grens["tekst"] == "rgb(118, 118, 118)"


def test_compact_laat_de_uitleg_weg_maar_niet_het_formulier(host, embed_origin, context_factory):
    url = host.pagina('<div data-poortwachter-embed id="volledig"></div>\n'
                      '<div data-poortwachter-embed id="compact" data-weergave="compact"></div>\n'
                      f'<script src="{embed_origin}/embed/v1/embed.js"></script>')
    page = context_zonder_runtime(context_factory).new_page()
    page.goto(url)
    zichtbaar = {}
    for naam in ("volledig", "compact"):
        frame = page.locator(f"#{naam} iframe").element_handle().content_frame()
        frame.get_by_role("button", name="Bereken de termijnen").wait_for(timeout=15_000)
        zichtbaar[naam] = {s: frame.locator(s).first.is_visible()
                           for s in (".ep-uitleg", ".rh-hint", "input[type=date]", "details.rh-meer")}
        # the heading stays for screen readers; compact shows it visually hidden (1px)
        assert frame.get_by_role("heading", level=1).count() == 1
        zichtbaar[naam]["h1"] = frame.locator("h1").bounding_box()["height"] > 1
    assert zichtbaar["volledig"] == dict.fromkeys(zichtbaar["volledig"], True)
    assert zichtbaar["compact"] == {".ep-uitleg": False, ".rh-hint": False, "h1": False, "input[type=date]": True,
                                    "details.rh-meer": True}
