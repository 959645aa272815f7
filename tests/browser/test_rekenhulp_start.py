"""The calculator's first result does not wait on what it does not need (issue 14, P1): with input in the URL
fragment, the page posts its first request to the worker while the engine is still starting, and the worker answers
it straight after the start. A failed start loses nothing: after "Opnieuw proberen" that request is answered."""

from __future__ import annotations

# Records, in order, what passes between the page and the calculator's worker: every request the page posts
# ({id, verzoek}), the worker's "klaar" and its answers. An init script (Playwright injects it before the page's own
# scripts; the page's CSP does not apply to it). A counter, not the clock: the tests fix the page's clock.
BERICHTEN_OPNEMEN = """
(() => {
  window.__berichten = [];
  const posten = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (bericht, ...rest) {
    if (bericht && bericht.verzoek !== undefined) window.__berichten.push("verzoek");
    return posten.call(this, bericht, ...rest);
  };
  const Origineel = window.Worker;
  window.Worker = class extends Origineel {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (e) => {
        const d = e.data || {};
        if (d.type === "voortgang" && d.fase === "klaar") window.__berichten.push("klaar");
        if (d.type === "antwoord") window.__berichten.push("antwoord");
      });
    }
  };
})();
"""

FRAGMENT = "#ziek=2026-01-05"


def getoonde_datums(page) -> dict[str, str]:
    """Step id -> the date shown (its <time datetime>), once the result is there and no request is under way."""
    page.wait_for_selector("#rekenhulp .rh-resultaat:not([hidden]) li.rh-stap")
    page.wait_for_selector("#rekenhulp:not([data-bezig])")
    return {li.get_attribute("data-id"): li.locator("time").get_attribute("datetime")
            for li in page.locator("#rekenhulp li.rh-stap").all()}


def test_het_eerste_verzoek_wacht_in_de_werker_niet_op_de_pagina(nieuwe_pagina, rekenhulp, cpython):
    page = nieuwe_pagina()
    page.add_init_script(BERICHTEN_OPNEMEN)
    rekenhulp(FRAGMENT, page=page, wacht=False)
    page.wait_for_selector("#rekenhulp[data-resultaat=ja]", timeout=90_000)
    berichten = page.evaluate("window.__berichten")
    # One request for the first result, posted before the engine was ready (not after a round trip on "klaar"),
    # and answered once.
    assert berichten[:3] == ["verzoek", "klaar", "antwoord"], berichten
    # And what is shown is CPython's answer to the fragment's request (the dates do not depend on the peildatum).
    verwacht = {t["id"]: t["datum"] for t in cpython({"ziek": ["2026-01-05"]})["termijnen"]}
    getoond = getoonde_datums(page)
    assert getoond and all(getoond[i] == verwacht[i] for i in getoond if i in verwacht)
    assert getoond["probleemanalyse"] == verwacht["probleemanalyse"]
    assert page.fouten == []


def test_na_een_mislukte_start_komt_het_eerste_verzoek_alsnog(nieuwe_pagina, rekenhulp):
    page = nieuwe_pagina()
    page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    rekenhulp(FRAGMENT, page=page, wacht=False)
    page.wait_for_selector("#rekenhulp[data-fase=fout]", timeout=60_000)
    assert page.evaluate("document.querySelector('#rekenhulp').dataset.resultaat") is None
    page.unroute("**/pyodide.asm.wasm")
    page.get_by_role("button", name="Opnieuw proberen").click()
    # No new input: the request from the fragment is asked again once the engine is there.
    page.wait_for_selector("#rekenhulp[data-resultaat=ja]", timeout=90_000)
    assert getoonde_datums(page)["probleemanalyse"]
    assert "Er ging iets mis" not in page.locator("#rekenhulp").inner_text()
    # (The aborted download itself surfaces as one uncaught "Failed to fetch", as it did before this change.)


def test_de_werker_start_vanuit_de_head_alleen_op_de_rekenhulppagina(site_url):
    """The calculator page starts its worker from the <head>, as an async module before any classic script (which
    would wait for the stylesheets); a content page does not load it."""
    import re
    from urllib.request import urlopen

    html = urlopen(f"{site_url}rekenhulp/").read().decode("utf-8")
    head = html.split("</head>", 1)[0]
    scripts = re.findall(r"<script\b[^>]*>", head)
    vroeg = r'<script type="module" async src="[./]*assets/js/rekenhulp/vroeg\.js">'
    assert scripts and re.fullmatch(vroeg, scripts[0])
    for pagina in ("", "softwaremakers/"):
        assert "vroeg.js" not in urlopen(f"{site_url}{pagina}").read().decode("utf-8")


def test_een_ander_wiel_dan_de_lockfile_noemt_start_niet(nieuwe_pagina, rekenhulp):
    """The wheel is checked against the lockfile's sha256 as soon as it is in (beside the runtime's start); another
    file never runs: the start fails visibly, with "Opnieuw proberen"."""
    page = nieuwe_pagina()
    page.route("**/pyodide/v*/*.whl", lambda route: route.fulfill(status=200, body=b"PK\x03\x04 geen wiel",
                                                                   content_type="application/octet-stream"))
    rekenhulp(FRAGMENT, page=page, wacht=False)
    page.wait_for_selector("#rekenhulp[data-fase=fout]", timeout=90_000)
    assert page.get_by_role("button", name="Opnieuw proberen").is_visible()
    assert page.evaluate("document.querySelector('#rekenhulp').dataset.resultaat") is None
