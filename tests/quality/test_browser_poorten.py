"""Browser gates over EVERY built page: axe-core WCAG 2.1 AA in light and dark mode, no CSP violation, no console
error, no request outside the server, no Pyodide bytes on content pages (P3). Each page is loaded once per colour
scheme: the content pages one after the other in one tab of a fresh context per round (as a reader browses; the
shared assets come from the cache), the spoor-2 pages with a date or scenario form likewise in a second tab (they
start the worker but ask it nothing, so they keep no snapshot), every calculator and embed page (Pyodide, its snapshot
in OPFS) in a fresh context of its own. axe-core comes with each context as an init script (compiled once
per renderer, not sent and evaluated per page), and a page is left only when the search index it asked for has
arrived. The light round through a real nginx with the README's hosting config (deploy/nginx/poortwachter.conf, see
test_nginx.py), the dark round through scripts/serve_site.py with its production CSP. So every page is checked through
both servers, and no page is loaded a third time just for nginx."""

from __future__ import annotations

import re

import json

import pytest
from kwaliteit_bezoek import bezoek, buiten, gedeelde_pagina, pyodide_bytes
from kwaliteit import eigen_context, is_rekenpagina

pytestmark = pytest.mark.browser


# One module fixture per colour scheme, each in its own xdist group (scripts/test runs pytest -n 2 --dist loadgroup):
# the two rounds over every page are the longest part of the suite, and so they run on two workers side by side.
LICHT = pytest.mark.xdist_group("kwaliteit-browser-light")
DONKER = pytest.mark.xdist_group("kwaliteit-browser-dark")
PER_KLEUR = [pytest.param("light", marks=LICHT), pytest.param("dark", marks=DONKER)]


def _bezoek_alles(kleur, browser, basis, paginas, axe_bron, artefacten):
    # The content pages share one tab, the spoor-2 form pages (they start the worker) a second one, so that a content
    # page never shares its renderer with a Pyodide that was just stopped; calculator and embed each get a context.
    tabs = {}

    def tab(p):
        if eigen_context(p):
            return None
        soort = is_rekenpagina(p)
        if soort not in tabs:
            tabs[soort] = gedeelde_pagina(browser, kleur, axe_bron)
        return tabs[soort]

    try:
        uit = {(kleur, p.pad): bezoek(browser, basis + p.pad, kleur=kleur, axe_bron=axe_bron, pagina=tab(p))
               for p in paginas}
    finally:
        for t in tabs.values():
            t.context.close()
    samenvatting = {
        f"{kleur} /{pad}": {"axe": b.axe, "csp": b.csp, "console": b.console, "verzoeken": len(b.verzoeken),
                            "buiten": buiten(basis, b.verzoeken), "kleurschema": b.kleurschema, "fase": b.fase, "seconden": b.seconden}
        for (kleur, pad), b in uit.items()}
    (artefacten / f"kwaliteit-browser-{kleur}.json").write_text(json.dumps(samenvatting, indent=1, ensure_ascii=False),
                                                               encoding="utf-8")
    return uit


@pytest.fixture(scope="module")
def bezoeken_light(browser, nginx, paginas, axe_bron, artefacten):
    return _bezoek_alles("light", browser, nginx["url"], paginas, axe_bron, artefacten)


@pytest.fixture(scope="module")
def bezoeken_dark(browser, csp_server, paginas, axe_bron, artefacten):
    return _bezoek_alles("dark", browser, csp_server, paginas, axe_bron, artefacten)


@pytest.fixture
def bezoeken(request, kleur):
    return request.getfixturevalue(f"bezoeken_{kleur}")


@pytest.fixture
def basis(request, kleur):
    """The server the round of this colour went through."""
    return request.getfixturevalue("nginx")["url"] if kleur == "light" else request.getfixturevalue("csp_server")


def _fouten(bezoeken, kleur, veld):
    return {pad: getattr(b, veld) for (k, pad), b in bezoeken.items() if k == kleur and getattr(b, veld)}


@LICHT
def test_axe_wcag21_aa_licht(bezoeken_light):
    assert _fouten(bezoeken_light, "light", "axe") == {}


@DONKER
def test_axe_wcag21_aa_donker(bezoeken_dark):
    assert _fouten(bezoeken_dark, "dark", "axe") == {}


@LICHT
def test_lichte_modus_is_licht(bezoeken_light):
    licht = {pad: b.kleurschema for (k, pad), b in bezoeken_light.items() if b.kleurschema}
    assert set(licht.values()) == {"default"}, licht


@DONKER
def test_donkere_modus_is_echt_donker(bezoeken_dark, paginas):
    # Material follows prefers-color-scheme: every themed page must really switch to 'slate' (else dark was not tested).
    donker = {pad: b.kleurschema for (k, pad), b in bezoeken_dark.items() if b.kleurschema}
    # Only the embed frames (embed/v<n>/<rekenhulp>/) have no Material theme: they carry the host's theme tokens.
    zonder = sorted(pad for (k, pad) in bezoeken_dark if pad not in donker and not re.match(r"/?(en/)?embed/v\d+/", pad))
    assert not zonder, f"pagina's zonder Material-thema: {zonder}"
    assert set(donker.values()) == {"slate"}, donker


@pytest.mark.parametrize("kleur", PER_KLEUR)
def test_geen_csp_schending(bezoeken, kleur):
    assert _fouten(bezoeken, kleur, "csp") == {}


@pytest.mark.parametrize("kleur", PER_KLEUR)
def test_geen_consolefouten(bezoeken, kleur):
    assert _fouten(bezoeken, kleur, "console") == {}
    assert _fouten(bezoeken, kleur, "mislukt") == {}


@pytest.mark.parametrize("kleur", PER_KLEUR)
def test_geen_verzoeken_buiten_de_eigen_server(bezoeken, basis):
    fout = {f"{k} {pad}": buiten(basis, b.verzoeken) for (k, pad), b in bezoeken.items()}
    assert {k: v for k, v in fout.items() if v} == {}


@pytest.mark.parametrize("kleur", PER_KLEUR)
def test_rekenhulp_bereikt_klaar(bezoeken):
    fasen = {(k, pad): b.fase for (k, pad), b in bezoeken.items() if b.fase is not None}
    assert fasen, "geen rekenpagina met [data-fase] gevonden"
    assert all(set(f.split(",")) <= {"klaar"} for f in fasen.values()), fasen


@LICHT
def test_p3_contentpaginas_laden_geen_pyodide(bezoeken_light, paginas, site_dir, nginx, artefacten):
    per_pagina = {pad: pyodide_bytes(site_dir, nginx["url"], b.verzoeken)
                  for (k, pad), b in bezoeken_light.items() if k == "light"}
    reken_paden = {p.pad for p in paginas if is_rekenpagina(p)}
    content = {pad: v for pad, v in per_pagina.items() if pad not in reken_paden}
    reken = {pad: v for pad, v in per_pagina.items() if pad in reken_paden}
    (artefacten / "p3.json").write_text(json.dumps({
        "contentpaginas": len(content), "pyodide_bytes_contentpaginas": sum(b for _, b in content.values()),
        "rekenpaginas": {p: {"verzoeken": n, "bytes": b} for p, (n, b) in reken.items()}}, indent=1), encoding="utf-8")
    assert {pad: v for pad, v in content.items() if v != (0, 0)} == {}
    # The measurement itself works: the calculator page does fetch the runtime.
    assert reken.get("rekenhulp/", (0, 0))[1] > 1_000_000, reken


@LICHT
def test_elke_pagina_werkt_via_nginx(bezoeken_light, nginx, paginas, artefacten):
    """Every built page through the real nginx (the light round): no CSP violation, no console error, no failed or
    outside request, the calculator reaches 'klaar'."""
    fout = {}
    for (k, pad), b in bezoeken_light.items():
        problemen = {"csp": b.csp, "console": b.console, "mislukt": b.mislukt,
                     "buiten": buiten(nginx["url"], b.verzoeken)}
        if b.fase is not None and set(b.fase.split(",")) != {"klaar"}:
            problemen["fase"] = b.fase
        problemen = {k: v for k, v in problemen.items() if v}
        if problemen:
            fout[pad] = problemen
    assert len(bezoeken_light) == len(paginas)
    (artefacten / "nginx-paginas.txt").write_text(
        f"{len(paginas)} pagina's via nginx; met problemen: {len(fout)}\n{fout}\n", encoding="utf-8")
    assert fout == {}


def test_palet_wissel_werkt_en_blijft_bewaard(browser, csp_server):
    """The theme's storage helpers (moved out of the page for the CSP) work: the toggle switches and persists."""
    context = browser.new_context(color_scheme="light")
    try:
        page = context.new_page()
        fouten = []
        page.on("pageerror", lambda e: fouten.append(str(e)))
        page.goto(csp_server)
        assert page.get_attribute("body", "data-md-color-scheme") == "default"
        page.locator("label[for='__palette_1']").click()
        page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
        page.goto(csp_server + "tijdlijn/")
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        page.reload()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert fouten == []
    finally:
        context.close()


def test_meting_van_csp_schendingen_werkt(browser, csp_server):
    """Self-check of the recorder: an inline script (what Material used to have) IS blocked and IS recorded."""
    from kwaliteit import OPNAME

    context = browser.new_context()
    try:
        context.add_init_script(OPNAME)
        page = context.new_page()
        page.goto(csp_server)
        page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.__x = 1';"
                      " document.head.append(s); }")
        page.wait_for_function("window.__kwaliteit.csp.length > 0", timeout=5000)
        schendingen = page.evaluate("window.__kwaliteit.csp")
        assert page.evaluate("typeof window.__x") == "undefined"
        assert schendingen[0]["directive"].startswith("script-src"), schendingen
    finally:
        context.close()


@pytest.mark.parametrize("fout", ["aborted", "failed"])
def test_meting_van_mislukte_verzoeken_werkt(browser, csp_server, fout):
    """Self-check of the visit's request log: a stylesheet the page never gets fails the visit, also when Chromium calls
    it aborted (an aborted request only passes when the same file did arrive in that visit)."""
    tab = gedeelde_pagina(browser)
    try:
        tab.context.route("**/spoor2.css", lambda route: route.abort(fout))
        b = bezoek(browser, csp_server + "spoor2-hulp/pad/ja/ja/", pagina=tab)
        assert [m for m in b.mislukt if "spoor2.css" in m], b.mislukt
        tab.context.unroute("**/spoor2.css")
        assert bezoek(browser, csp_server + "spoor2-hulp/pad/ja/ja/", pagina=tab).mislukt == []
    finally:
        tab.context.close()
