"""One visit of one page: network log, CSP violations, console errors, optional axe run. In a fresh browser context,
or (pagina=) in a tab that visits many pages one after the other (gedeelde_pagina)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kwaliteit import OPNAME, axe_vooraf, draai_axe

KLAAR_TIMEOUT_MS = 120_000
ZOEKINDEX = "search/search_index.json"  # Material's search worker fetches it after the page's load event
ZOEKINDEX_TIMEOUT_S = 30


@dataclass
class Bezoek:
    url: str
    verzoeken: list[str] = field(default_factory=list)
    mislukt: list[str] = field(default_factory=list)
    csp: list[dict] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    axe: list[dict] | None = None
    kleurschema: str | None = None
    fase: str | None = None
    antwoorden: dict = field(default_factory=dict)  # url -> (status, headers)
    seconden: float = 0.0


def _context(browser, kleur: str, axe_bron: str | None):
    context = browser.new_context(color_scheme=kleur, locale="nl-NL", service_workers="block")
    context.add_init_script(OPNAME)
    if axe_bron is not None:
        context.add_init_script(axe_vooraf(axe_bron))
    return context


def gedeelde_pagina(browser, kleur: str = "light", axe_bron: str | None = None):
    """A tab in a fresh context, to visit many pages in a row (its context is page.context). With axe_bron, every
    page of it gets axe-core before its own scripts run (kwaliteit.axe_vooraf)."""
    return _context(browser, kleur, axe_bron).new_page()


def bezoek(browser, url: str, *, kleur: str = "light", axe_bron: str | None = None,
           headers: bool = False, pagina=None) -> Bezoek:
    """Without `pagina` the visit gets a fresh context of its own; with it, the visit navigates that tab (made by
    gedeelde_pagina with the same colour scheme) and only its own events count."""
    b = Bezoek(url=url)
    begin = time.perf_counter()
    eigen = pagina is None
    context = _context(browser, kleur, axe_bron) if eigen else None
    luisteraars = []
    try:
        page = context.new_page() if eigen else pagina
        actief = [True]  # events fired while the context closes (aborted requests) do not count
        zoekindex = {"gevraagd": 0, "klaar": 0}
        binnen: set[str] = set()  # urls that arrived in this visit
        afgebroken: list[str] = []

        def luister(soort, f):
            page.on(soort, f)
            luisteraars.append((soort, f))

        def index_klaar(r):
            if r.url.endswith(ZOEKINDEX):
                zoekindex["klaar"] += 1

        def verzoek(r):
            b.verzoeken.append(r.url)
            if r.url.endswith(ZOEKINDEX):
                zoekindex["gevraagd"] += 1

        def aangekomen(r):
            binnen.add(r.url)
            index_klaar(r)

        def mislukt(r):
            index_klaar(r)
            if not actief[0]:
                return
            if r.failure == "net::ERR_ABORTED":
                afgebroken.append(r.url)  # judged when the visit ends (below)
            else:
                b.mislukt.append(f"{r.url} ({r.failure})")

        luister("request", verzoek)
        luister("requestfinished", aangekomen)
        luister("requestfailed", mislukt)
        luister("console", lambda m: b.console.append(f"{m.type}: {m.text} @ {m.location.get('url')}")
                if m.type == "error" else None)
        luister("pageerror", lambda e: b.console.append(f"pageerror: {e}"))
        if headers:
            luister("response", lambda r: b.antwoorden.__setitem__(r.url, (r.status, r.all_headers())))
        antwoord = page.goto(url, wait_until="load")
        if antwoord is None or antwoord.status >= 400:
            b.console.append(f"HTTP {antwoord.status if antwoord else '?'} voor {url}")
        staat = page.evaluate(
            "() => ({reken: document.querySelectorAll('[data-fase]').length > 0,"
            " kleurschema: document.body && document.body.getAttribute('data-md-color-scheme')})")
        # A calculator (rekenhulp, embed) must reach 'klaar' (engine loaded) before the page counts as loaded.
        if staat["reken"]:
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-fase]')].some(e => ['klaar', 'fout'].includes(e.dataset.fase))",
                timeout=KLAAR_TIMEOUT_MS)
            staat = page.evaluate(
                "() => ({fase: [...document.querySelectorAll('[data-fase]')].map(e => e.dataset.fase).join(','),"
                " kleurschema: document.body && document.body.getAttribute('data-md-color-scheme')})")
            b.fase = staat["fase"]
        b.kleurschema = staat["kleurschema"]
        if axe_bron is not None:
            b.axe, b.csp = draai_axe(page, axe_bron)
        else:
            page.wait_for_timeout(300)  # late requests (search index) and their errors
        # The search index the page asked for has arrived (or failed, counted above) before the page is left, so
        # its errors count for this page and are never cut off by the next navigation.
        tot = time.perf_counter() + ZOEKINDEX_TIMEOUT_S
        gewacht = False
        while zoekindex["klaar"] < zoekindex["gevraagd"] and time.perf_counter() < tot:
            page.wait_for_timeout(20)
            gewacht = True
        if zoekindex["klaar"] < zoekindex["gevraagd"]:
            b.mislukt.append(f"{ZOEKINDEX}: geen antwoord binnen {ZOEKINDEX_TIMEOUT_S} s")
        if axe_bron is None or gewacht:  # (with axe the CSP violations came with its result)
            b.csp = page.evaluate("window.__kwaliteit ? window.__kwaliteit.csp : [{directive: 'init script liep niet'}]")
        actief[0] = False
        # An aborted request counts unless the page got that file after all in this visit: Chromium now and then
        # cancels a second request for a stylesheet it already has (seen once in ~1,000 visits: spoor2.css on one
        # spoor-2 page, ERR_ABORTED next to the same URL loaded fine). A file the page never got still fails the visit.
        b.mislukt += [f"{url} (net::ERR_ABORTED)" for url in afgebroken if url not in binnen]
    finally:
        if eigen:
            context.close()
        else:
            # Leave the page before the next visit, so that requests it still has in flight are aborted now (not
            # counted) rather than during the next page's load (counted there).
            actief[0] = False
            page.goto("about:blank")
            for soort, f in luisteraars:
                page.remove_listener(soort, f)
    b.seconden = round(time.perf_counter() - begin, 2)
    return b


def buiten(basis: str, urls: list[str]) -> list[str]:
    """Requests that go anywhere but the server at basis (data: and blob: URLs are made by the page itself)."""
    s = urlsplit(basis)
    return sorted({u for u in urls
                   if urlsplit(u).scheme not in ("data", "blob")
                   and (urlsplit(u).scheme, urlsplit(u).netloc) != (s.scheme, s.netloc)})


def pyodide_bytes(site: Path, basis: str, urls: list[str]) -> tuple[int, int]:
    """(requests, bytes on disk) of everything under /pyodide/ or the wheel that a page fetched."""
    n = tot = 0
    for u in set(urls):
        pad = urlsplit(u).path
        if "/pyodide/" in pad or pad.endswith(".whl"):
            n += 1
            f = site / pad.lstrip("/")
            tot += f.stat().st_size if f.is_file() else 0
    return n, tot
