"""Fixtures for the embed tests: two origins on loopback, the built site as the embed origin and a host server.

    embed origin B  = http://localhost:<port>   the built site (scripts/serve_site.py, production CSP)
    host origin A   = http://127.0.0.1:<port>   plain host pages with a strict CSP:
                      default-src 'self'; frame-src B; script-src 'self' B

Shared with the other browser tests (tests/conftest.py): the session chromium (`browser`), `axe`, `site_dir`,
`server`, `publieke_gevallen`, `artefacten`. The fixtures here open their own contexts (module scoped: one Pyodide boot per
module).
"""

from __future__ import annotations

import importlib.util
import itertools
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

HIER = Path(__file__).resolve().parent
ROOT = HIER.parents[1]
VANDAAG = "2026-11-23"


def _laad(naam: str, pad: Path):
    spec = importlib.util.spec_from_file_location(naam, pad)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


serve_site = _laad("_serve_site_voor_embed", ROOT / "scripts" / "serve_site.py")
# Constants only: the fixtures of tests/conftest.py reach this folder through pytest itself (one definition each).
CHROMIUM_ARGS = _laad("_gedeelde_conftest_voor_embed", ROOT / "tests" / "conftest.py").CHROMIUM_ARGS


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HIER):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def embed_origin(server) -> str:
    """Origin B: the built site, addressed as localhost (another host name than the host pages' 127.0.0.1)."""
    return f"http://localhost:{server.server_address[1]}"


def host_csp(*frame_origins: str) -> str:
    bronnen = " ".join(frame_origins)
    return f"default-src 'self'; frame-src {bronnen}; script-src 'self' {frame_origins[0]}"


HOST_JS = """// Test host script (external: the host CSP allows no inline script). Records what the host page receives:
// the documented result events of the three calculators.
window.ontvangen = [];
["poortwachter:resultaat", "poortwachter:uitkomst", "poortwachter:scenario"].forEach(function (type) {
  document.addEventListener(type, function (e) {
    window.ontvangen.push({ doel: e.target.id, type: e.type, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
});
"""


class Host:
    """A static host site on its own origin; pagina(naam, body) writes an HTML page and returns its URL."""

    def __init__(self, csp):
        """csp: the header value, or a function of the port (for a CSP that names this server itself)."""
        self.map = Path(tempfile.mkdtemp(prefix="embed-host-"))
        (self.map / "host.js").write_text(HOST_JS, encoding="utf-8")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            poort = s.getsockname()[1]
        self.server = serve_site.start(self.map, port=poort, csp=csp(poort) if callable(csp) else csp)
        self.poort = poort
        self.origin = f"http://127.0.0.1:{poort}"
        self._n = itertools.count()

    def pagina(self, body: str, naam: str | None = None) -> str:
        naam = naam or f"pagina-{next(self._n)}.html"
        (self.map / naam).write_text(
            '<!doctype html>\n<html lang="nl"><head><meta charset="utf-8"><title>Host</title>'
            '<link rel="icon" href="data:,"></head>\n'
            f'<body><main><h1>Host</h1>\n{body}\n<script src="host.js"></script></main></body></html>\n',
            encoding="utf-8")
        return f"{self.origin}/{naam}"

    def stop(self):
        self.server.shutdown()
        shutil.rmtree(self.map, ignore_errors=True)


@pytest.fixture(scope="module")
def host(embed_origin):
    h = Host(host_csp(embed_origin))
    yield h
    h.stop()


@pytest.fixture(scope="module")
def host_factory():
    """host_factory(csp) -> Host; csp may be a function of the new server's port. Stopped after the module."""
    hosts = []

    def maak(csp):
        hosts.append(Host(csp))
        return hosts[-1]

    yield maak
    for h in hosts:
        h.stop()


@pytest.fixture(scope="session")
def csp_voor_host():
    return host_csp


@pytest.fixture(scope="module")
def context_factory(browser):
    """Factory for module-scoped contexts (fixed clock, downloads allowed); all closed after the module."""
    contexten = []

    def maak(**opties):
        c = browser.new_context(accept_downloads=True, locale="nl-NL", **opties)
        contexten.append(c)
        return c

    yield maak
    for c in contexten:
        c.close()


def nieuwe_pagina(context):
    page = context.new_page()
    page.clock.set_fixed_time(f"{VANDAAG}T10:00:00")
    page.fouten = []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    return page
