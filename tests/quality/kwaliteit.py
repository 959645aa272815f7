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


def eigen_context(pagina: kwaliteit_html.Pagina) -> bool:
    """The calculator and the embed (under rekenhulp/ or embed/, both editions) are each visited in a fresh browser
    context: they reach an answer, after which the worker keeps its memory snapshot in OPFS, and every visit
    must be a first visit. The spoor-2 pages with a date or scenario form start the worker too but ask it nothing
    until a date is filled in (so they keep no snapshot): they are visited one after the other in a shared tab, like
    a reader who browses the steps, with the runtime from the HTTP cache."""
    return pagina.pad.removeprefix("en/").startswith(REKENPAGINAS)


def is_rekenpagina(pagina: kwaliteit_html.Pagina) -> bool:
    # the English edition has the same calculators under en/ (en/rekenhulp/, en/embed/)
    return pagina.pad.removeprefix("en/").startswith(REKENPAGINAS) or pagina.rekenvorm


def axe_vooraf(bron: str) -> str:
    """axe-core as an init script (context.add_init_script): evaluated at the start of every top-level http(s) page
    of the context, not in its frames (axe tests a page's own document, as before) nor in about:blank. The source
    then goes to the browser once per context, not once per page, and V8 compiles it from its in-memory cache on
    every later page of that renderer (about 0.15 s less per page than evaluating the 650 KB source each time)."""
    return f"if (window === window.top && /^https?:$/.test(location.protocol)) {{\n{bron}\n}}"


# axe.run at WCAG 2.1 AA on the whole page (every rule of those tags, none switched off), and then, in the same
# round trip, the CSP violations recorded so far (OPNAME). null when the page has no axe yet.
AXE_EN_CSP = (
    "async (tags) => { if (typeof window.axe === 'undefined') return null;"
    " const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},"
    " resultTypes: ['violations']});"
    " return {axe: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
    " nodes: v.nodes.map(n => n.target.join(' ') + ' :: ' + (n.failureSummary || '')).slice(0, 5)})),"
    " csp: window.__kwaliteit ? window.__kwaliteit.csp : [{directive: 'init script liep niet'}]}; }")


def draai_axe(page, bron: str) -> tuple[list[dict], list[dict]]:
    """axe-core at WCAG 2.1 AA on the whole page; every rule of those tags, none switched off. Returns (violations,
    CSP violations). axe comes from the init script axe_vooraf when the context has it, else it is evaluated here."""
    uit = page.evaluate(AXE_EN_CSP, WCAG_AA)
    if uit is None:
        page.evaluate(f"(() => {{ {bron}\n }})(); typeof window.axe")
        uit = page.evaluate(AXE_EN_CSP, WCAG_AA)
    return uit["axe"], uit["csp"]
