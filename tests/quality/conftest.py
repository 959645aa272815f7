"""Fixtures for the site-wide quality gates (QUALITY): the built site (scripts/build_site.py → site/, or
POORTWACHTER_SITE=dir), every page parsed once, one Debian chromium per session, the CSP server, axe-core.

The browser fixtures follow tests/browser/conftest.py (same chromium flags, same axe injection through the DevTools
protocol, so the page's CSP stays as strict as in production).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kwaliteit_html  # noqa: E402
from kwaliteit import AXE, ARTEFACTEN, CHROMIUM_ARGS, ROOT, SITE, laad_module  # noqa: E402


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail(f"{SITE} is niet gebouwd: draai eerst .venv/bin/python scripts/build_site.py")
    return SITE


@pytest.fixture(scope="session")
def paginas(site_dir) -> list[kwaliteit_html.Pagina]:
    gevonden = [kwaliteit_html.lees(site_dir, f) for f in kwaliteit_html.html_bestanden(site_dir)]
    assert len(gevonden) >= 10, f"te weinig pagina's gebouwd in {site_dir}: {len(gevonden)}"
    return gevonden


@pytest.fixture(scope="session")
def artefacten() -> Path:
    ARTEFACTEN.mkdir(exist_ok=True)
    return ARTEFACTEN


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


@pytest.fixture(scope="session")
def csp_server(site_dir):
    """scripts/serve_site.py with its own (production) CSP; the tests never loosen it."""
    srv = laad_module("serve_site_q", ROOT / "scripts" / "serve_site.py").start(site_dir)
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}/"
    srv.shutdown()


@pytest.fixture(scope="session")
def axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")


