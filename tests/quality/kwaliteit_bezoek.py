"""One visit of one page: network log, CSP violations, console errors, optional axe run. In a fresh browser context,
or (pagina=) in a tab that visits many content pages one after the other (gedeelde_pagina)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from kwaliteit import OPNAME, draai_axe

KLAAR_TIMEOUT_MS = 120_000


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


def gedeelde_pagina(browser, kleur: str = "light"):
    """A tab in a fresh context, to visit many content pages in a row (its context is page.context)."""
    context = browser.new_context(color_scheme=kleur, locale="nl-NL", service_workers="block")
    context.add_init_script(OPNAME)
    return context.new_page()


def bezoek(browser, url: str, *, kleur: str = "light", axe_bron: str | None = None,
           headers: bool = False, pagina=None) -> Bezoek:
    """Without `pagina` the visit gets a fresh context of its own; with it, the visit navigates that tab (made by
    gedeelde_pagina with the same colour scheme) and only its own events count."""
    b = Bezoek(url=url)
    begin = time.perf_counter()
    eigen = pagina is None
    context = browser.new_context(color_scheme=kleur, locale="nl-NL", service_workers="block") if eigen else None
    luisteraars = []
    try:
        if eigen:
            context.add_init_script(OPNAME)
            page = context.new_page()
        else:
            page = pagina
        actief = [True]  # events fired while the context closes (aborted requests) do not count

        def luister(soort, f):
            page.on(soort, f)
            luisteraars.append((soort, f))

        luister("request", lambda r: b.verzoeken.append(r.url))
        luister("requestfailed", lambda r: b.mislukt.append(f"{r.url} ({r.failure})") if actief[0] else None)
        luister("console", lambda m: b.console.append(f"{m.type}: {m.text} @ {m.location.get('url')}")
                if m.type == "error" else None)
        luister("pageerror", lambda e: b.console.append(f"pageerror: {e}"))
        if headers:
            luister("response", lambda r: b.antwoorden.__setitem__(r.url, (r.status, r.all_headers())))
        antwoord = page.goto(url, wait_until="load")
        if antwoord is None or antwoord.status >= 400:
            b.console.append(f"HTTP {antwoord.status if antwoord else '?'} voor {url}")
        # A calculator (rekenhulp, embed) must reach 'klaar' (engine loaded) before the page counts as loaded.
        if page.locator("[data-fase]").count():
            page.wait_for_function(
                "() => [...document.querySelectorAll('[data-fase]')].some(e => ['klaar', 'fout'].includes(e.dataset.fase))",
                timeout=KLAAR_TIMEOUT_MS)
            b.fase = page.evaluate("[...document.querySelectorAll('[data-fase]')].map(e => e.dataset.fase).join(',')")
        b.kleurschema = page.evaluate("document.body && document.body.getAttribute('data-md-color-scheme')")
        if axe_bron is not None:
            b.axe = draai_axe(page, axe_bron)
        else:
            page.wait_for_timeout(300)  # late requests (search index) and their errors
        b.csp = page.evaluate("window.__kwaliteit ? window.__kwaliteit.csp : [{directive: 'init script liep niet'}]")
        actief[0] = False
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
