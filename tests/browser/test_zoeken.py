"""Site search per language (scripts/zoekindex_hooks.py): a page fetches only the search index of its own edition, and
a search finds pages of that edition only, linked at their real address."""

from __future__ import annotations

import json
import time
from urllib.parse import urlsplit

import pytest

# A word that both editions use in their own running text (the legal term stays Dutch on the English pages).
ZOEKTERM = "loonsanctie"


@pytest.mark.parametrize(("pad", "index", "taal"), [("onderwerpen/kosten/", "search/search_index.json", "nl"),
                                                     ("en/onderwerpen/kosten/", "en/search/search_index.json", "en")])
def test_een_zoekopdracht_vindt_alleen_paginas_van_de_eigen_taal(browser, site_url, pad, index, taal):
    # Not nieuwe_pagina: its fixed clock stops the debounce (rxjs reads Date.now) with which Material starts a query.
    context = browser.new_context()
    page = context.new_page()
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    indexen = []
    page.on("requestfinished", lambda r: indexen.append(urlsplit(r.url).path) if "search_index" in r.url else None)
    with page.expect_response(lambda r: r.url.endswith("search_index.json")) as antwoord:
        page.goto(site_url + pad)
    assert antwoord.value.ok
    data = json.loads(antwoord.value.text())
    assert data["config"]["lang"] == [taal]

    # A query typed before the search worker holds the index is lost; once it does, Material shows its placeholder.
    klaar = ("() => JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
             " === document.querySelector('.md-search-result__meta').textContent.trim()")
    eind = time.monotonic() + 30
    while not page.evaluate(klaar):
        assert time.monotonic() < eind, "de zoekfunctie werd niet klaar"
        page.wait_for_timeout(50)
    # Typed key by key: Material reads the query on keyup (and on focus), not on the input event that fill() sends.
    page.locator("input.md-search__input").press_sequentially(ZOEKTERM)
    resultaten = page.locator(".md-search-result__item a")
    resultaten.first.wait_for(state="attached", timeout=15_000)
    links = resultaten.evaluate_all("as => as.map(a => new URL(a.href).pathname)")
    assert links
    for link in links:
        assert link.startswith("/en/") == (taal == "en"), link
    # Each link leads to a page that exists, in the same language as the search.
    doel = page.context.new_page()
    for link in sorted(set(links))[:3]:
        r = doel.goto(site_url.rstrip("/") + link)
        assert r.ok, link
        assert doel.evaluate("document.documentElement.lang") == taal
    assert indexen == ["/" + index]
    assert fouten == []
    context.close()
