"""Shared fixtures for every browser test (tests/browser, tests/embed, tests/spoor2/browser, tests/quality): the built
site on the CSP server, ONE Debian chromium per session, axe-core, and a calculator page that waits until the engine
is ready.

They live here, in the root conftest, so that each fixture has exactly one definition: a session fixture re-exported
from several conftest files is a separate fixture per file, and a second sync_playwright() in the same process fails
("Sync API inside the asyncio loop").

    def test_x(site_url, nieuwe_pagina, axe):
        page = nieuwe_pagina()                       # fresh context + page (clock fixed at VANDAAG)
        page.goto(site_url + "rekenhulp/")
        assert axe(page) == []

A test of what a page does once its engine runs (not of how the engine starts) opens its page with
`bezoekerspagina()` instead: a new tab of a returning visitor, whose engine starts from the kept memory snapshot
(about a third of the CPU of a first start). Tests of the start itself keep `nieuwe_pagina` (an empty context).

The site is the one scripts/build_site.py built into site/ (POORTWACHTER_SITE=dir overrides). The server is
scripts/serve_site.py with its production CSP (script-src 'self' 'wasm-unsafe-eval'): the tests never loosen it.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("POORTWACHTER_SITE", ROOT / "site"))
ARTEFACTEN = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VANDAAG = "2026-11-23"  # the browser clock in these tests; the page passes it to the engine as peildatum
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]

@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """scripts/test runs `pytest -n 2 --dist loadgroup`: each test module is one xdist group (its module fixtures,
    such as one booted calculator page or one nginx, are then made once, on one worker), unless a test names its
    own group (tests/quality/test_browser_poorten.py splits its two colour rounds that way)."""
    for item in items:
        if not any(item.iter_markers("xdist_group")):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::", 1)[0]))
    # The longest groups first (each visits every page: light and dark axe rounds, nginx, Lighthouse), so that the
    # short ones fill the other worker's time instead of waiting behind them at the end. Whole modules move, in order.
    # (scripts/test passes --no-loadscope-reorder: xdist would otherwise re-sort the groups by their number of tests.)
    items.sort(key=lambda item: not item.nodeid.startswith("tests/quality/"))


@pytest.fixture(scope="session")
def vrije_poort():
    """A function that returns a free loopback port, for servers a test starts itself (nginx, the author server)."""
    def poort() -> int:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    return poort


def _momentopname_hulp():
    """tests/browser/momentopname_hulp.py: the snapshot tests' helpers (the cache name, waiting until it is kept)."""
    spec = importlib.util.spec_from_file_location("momentopname_hulp", ROOT / "tests" / "browser" / "momentopname_hulp.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _serve_site():
    spec = importlib.util.spec_from_file_location("serve_site", ROOT / "scripts" / "serve_site.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is niet gebouwd: draai eerst .venv/bin/python scripts/build_site.py")
    return SITE


@pytest.fixture(scope="session")
def server(site_dir):
    srv = _serve_site().start(site_dir)
    yield srv
    srv.shutdown()


@pytest.fixture(scope="session")
def site_url(server) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if not chromium:
        pytest.fail("Debian chromium ontbreekt (scripts/bootstrap installeert het)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def nieuwe_pagina(browser):
    """Factory: a fresh context and page per call (downloads allowed, clock fixed at VANDAAG, CSP honoured)."""
    contexten = []

    def maak(**opties):
        context = browser.new_context(accept_downloads=True, locale="nl-NL", **opties)
        contexten.append(context)
        page = context.new_page()
        page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
        page.fouten = []  # uncaught page errors; tests assert it stays empty
        page.on("pageerror", lambda e: page.fouten.append(str(e)))
        return page

    yield maak
    for c in contexten:
        c.close()


@pytest.fixture
def rekenhulp(nieuwe_pagina, site_url):
    """Factory: open the calculator page (optionally with a URL fragment) and wait until the engine is ready."""

    def open_(fragment: str = "", page=None, wacht: bool = True, taal: str = "nl"):
        page = page or nieuwe_pagina()
        page.goto(f"{site_url}{'' if taal == 'nl' else taal + '/'}rekenhulp/{fragment}")
        if wacht:
            page.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=90_000)
        return page

    return open_


@pytest.fixture(scope="session")
def terugkerende_bezoeker(browser, site_url):
    """The browser context of a returning visitor (locale nl-NL, like nieuwe_pagina): it has used a calculator once,
    so the engine's memory snapshot is in its private file system (OPFS) and every engine in it starts from that
    snapshot, about a third of the CPU of a normal start (wasm, stdlib and Python init are not done again).

    For tests of what a page does once its engine runs (forms, answers, links, navigation), not of how it starts:
    those (first visit, failed start, snapshot start and fallback, requests during the start) use `nieuwe_pagina`,
    a context without anything. Pages come from `bezoekerspagina`; the snapshot is the build's own file, the same for
    every visitor, so what a test sees does not depend on which test made it.
    """
    context = browser.new_context(accept_downloads=True, locale="nl-NL")
    page = context.new_page()
    page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
    page.goto(f"{site_url}rekenhulp/#ziek={VANDAAG}")
    page.wait_for_selector("#rekenhulp[data-resultaat=ja]", timeout=90_000)
    # After its first result the idle page lets the worker keep the snapshot (test_momentopname.py tests that).
    _momentopname_hulp().wacht_op_momentopname(page)
    page.close()
    yield context
    context.close()


@pytest.fixture
def bezoekerspagina(terugkerende_bezoeker):
    """Factory: a new tab in the returning visitor's context (clock fixed at VANDAAG, page errors collected), closed
    after the test. A fresh page load; only its engine starts from the kept snapshot (see terugkerende_bezoeker)."""
    paginas = []

    def maak():
        page = terugkerende_bezoeker.new_page()
        paginas.append(page)
        page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
        page.fouten = []
        page.on("pageerror", lambda e: page.fouten.append(str(e)))
        return page

    yield maak
    for page in paginas:
        page.close()


@pytest.fixture(scope="module")
def gedeelde_rekenhulp(terugkerende_bezoeker, site_url):
    """One calculator page per test module, booted once: naar(fragment) shows that state without a reload.

    It sets location.hash (first to a reset state), which the calculator handles like a pasted link; so a module
    pays for one Pyodide boot, not one per test. Use `rekenhulp` for tests that need a fresh page load.
    A tab of the returning visitor (its engine starts from the snapshot).
    """
    page = terugkerende_bezoeker.new_page()
    yield from _gedeelde_rekenhulp(page, f"{site_url}rekenhulp/")
    page.close()


@pytest.fixture(scope="module")
def gedeelde_engelse_rekenhulp(terugkerende_bezoeker, site_url):
    """The same as gedeelde_rekenhulp for the English edition's calculator page (/en/rekenhulp/). The page's language
    is its own (<html lang>, its texts); the calculator's scripts do not read the browser's locale (no
    navigator.language, no Intl), so the Dutch visitor's tab shows it as an English reader's would."""
    page = terugkerende_bezoeker.new_page()
    yield from _gedeelde_rekenhulp(page, f"{site_url}en/rekenhulp/")
    page.close()


def _gedeelde_rekenhulp(page, url: str):
    page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
    page.fouten = []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    page.goto(url)
    page.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=90_000)

    def naar(fragment: str = ""):
        # The tab in front: a shared page is one tab of the visitor's context among others, and a background tab's
        # rendering and timers run slow (tests there took seconds more).
        page.bring_to_front()
        page.emulate_media(media="screen")
        # "#leeg=1" empties the form (the calculator then clears the fragment itself); then the wanted state.
        for h in ("#leeg=1", fragment) if fragment else ("#leeg=1",):
            page.evaluate("h => new Promise(r => { addEventListener('hashchange', () => setTimeout(r, 0), {once: true});"
                          " setTimeout(r, 5000); location.hash = h; })", h)
        return page

    yield naar


@pytest.fixture(scope="session")
def axe():
    """axe(page, context=None) -> list of violations (WCAG 2.x A/AA + best practices).

    axe-core is injected with page.evaluate (DevTools protocol), which the page's CSP does not govern, so the CSP
    stays as strict as production; add_script_tag would be an inline script and is blocked by script-src 'self'.
    """
    bron = AXE.read_text(encoding="utf-8")

    def draai(page, context: str | None = None) -> list[dict]:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.evaluate(f"(() => {{ {bron}\n }})(); typeof window.axe")
        resultaat = page.evaluate(
            "async (ctx) => { const r = await axe.run(ctx || document, {resultTypes: ['violations']});"
            " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)})); }", context)
        return resultaat

    return draai


@pytest.fixture(scope="session")
def artefacten() -> Path:
    ARTEFACTEN.mkdir(exist_ok=True)
    return ARTEFACTEN


@pytest.fixture(scope="session")
def publieke_gevallen() -> list[dict]:
    return json.loads((ROOT / "tests" / "browser" / "public-cases.json").read_text(encoding="utf-8"))["gevallen"]


@pytest.fixture(scope="session")
def cpython():
    """cpython(verzoek: dict) -> dict: the INSTALLED wheel's answer (the CLI's truth) for the same request."""
    from poortwachter import contract

    return lambda verzoek: json.loads(contract.bereken(json.dumps(verzoek)))


@pytest.fixture(scope="session")
def vandaag() -> str:
    return VANDAAG


@pytest.fixture(scope="session")
def zelfde_origin(site_url):
    """zelfde_origin(url) -> True for the test server's origin (and blob:/data: URLs the page makes itself)."""
    s = urlparse(site_url)

    def is_zelfde(url: str) -> bool:
        u = urlparse(url)
        return u.scheme in {"blob", "data"} or (u.scheme, u.netloc) == (s.scheme, s.netloc)

    return is_zelfde
