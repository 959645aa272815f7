"""Shared constants and helpers of the quality gates (QUALITY); imported by conftest.py and the test modules."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import kwaliteit_html

ROOT = Path(__file__).resolve().parents[2]
SITE = Path(os.environ.get("POORTWACHTER_SITE", ROOT / "site"))
ARTEFACTEN = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NGINX_CONF = ROOT / "deploy" / "nginx" / "poortwachter.conf"  # the config README "Hosting" recommends
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Pages that are meant to start the engine in the browser (and so load Pyodide): the calculator, the embed, and the
# spoor-2 pages that hold a date or scenario form (kwaliteit_html.Pagina.rekenvorm). Every other page is an ordinary
# content page and must transfer no Pyodide byte (P3).
REKENPAGINAS = ("rekenhulp/", "embed/")

# Recorded in every page before its own scripts run (init scripts come through the DevTools protocol, not the CSP).
OPNAME = """
window.__kwaliteit = {csp: []};
document.addEventListener('securitypolicyviolation', e => window.__kwaliteit.csp.push({
  directive: e.violatedDirective, blocked: e.blockedURI, bron: e.sourceFile, regel: e.lineNumber,
  voorbeeld: e.sample}));
"""


def laad_module(naam: str, pad: Path):
    spec = importlib.util.spec_from_file_location(naam, pad)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_rekenpagina(pagina: kwaliteit_html.Pagina) -> bool:
    # the English edition has the same calculators under en/ (en/rekenhulp/, en/embed/)
    return pagina.pad.removeprefix("en/").startswith(REKENPAGINAS) or pagina.rekenvorm


def draai_axe(page, bron: str) -> list[dict]:
    """axe-core at WCAG 2.1 AA on the whole page; every rule of those tags, none switched off."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(f"(() => {{ {bron}\n }})(); typeof window.axe")
    return page.evaluate(
        "async (tags) => { const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']});"
        " return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')).slice(0, 5)})); }",
        WCAG_AA)
