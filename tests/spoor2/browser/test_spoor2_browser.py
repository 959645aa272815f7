"""The spoor 2 helper in a real browser: two paths walked with the keyboard alone, axe without violations."""

from __future__ import annotations

import pytest

from poortwachter import spoor2

pytestmark = pytest.mark.browser

HULP = spoor2.beslishulp()


def label(vraag: str, waarde: str) -> str:
    return next(a["label"] for a in HULP["vragen"][vraag]["antwoorden"] if a["waarde"] == waarde)


def tab_en_enter(page, tekst: str, maximaal: int = 120) -> None:
    """Press Tab until the focused element's text is `tekst`, then Enter. Fails if it is never reached."""
    for _ in range(maximaal):
        page.keyboard.press("Tab")
        gefocust = page.evaluate("() => (document.activeElement && document.activeElement.innerText || '').trim()")
        if " ".join(gefocust.split()) == tekst:
            with page.expect_navigation():
                page.keyboard.press("Enter")
            return
    raise AssertionError(f"met Tab niet bereikt: {tekst!r}")


def h1(page) -> str:
    return " ".join(page.locator("h1").first.inner_text().replace("¶", "").split())


def pad_met(uitkomst: str) -> list[tuple[str, str]]:
    return max((p["antwoorden"] for p in spoor2.alle_paden() if p["uitkomst"] == uitkomst), key=len)


@pytest.mark.parametrize("uitkomst", ["uitstellen", "niet_nu"])
def test_een_pad_lopen_met_alleen_het_toetsenbord(nieuwe_pagina, site_url, uitkomst):
    page = nieuwe_pagina()
    page.goto(site_url + "spoor2-hulp/")
    tab_en_enter(page, "Start de beslishulp")
    for vraag, waarde in pad_met(uitkomst):
        assert h1(page) == HULP["vragen"][vraag]["tekst"]
        tab_en_enter(page, label(vraag, waarde))
    assert h1(page) == HULP["uitkomsten"][uitkomst]["titel"]
    assert page.url.rstrip("/").endswith("/".join(w.replace("_", "-") for _, w in pad_met(uitkomst)))
    # Wijzig the first answer with the keyboard: back at the first question
    eerste = HULP["vragen"][HULP["eerste_vraag"]]
    tab_en_enter(page, f"Wijzig het antwoord op: {eerste['kort']}")
    assert h1(page) == eerste["tekst"]
    assert page.fouten == []


def test_opnieuw_beginnen_met_het_toetsenbord(nieuwe_pagina, site_url):
    page = nieuwe_pagina()
    pad = pad_met("deskundigenoordeel")
    page.goto(site_url + "spoor2-hulp/pad/" + "/".join(w.replace("_", "-") for _, w in pad) + "/")
    assert h1(page) == HULP["uitkomsten"]["deskundigenoordeel"]["titel"]
    tab_en_enter(page, "Opnieuw beginnen")
    assert h1(page) == HULP["vragen"][HULP["eerste_vraag"]]["tekst"]


@pytest.mark.parametrize("pad", ["", "pad/", "pad/ja/ja/", "pad/ja/nee/nee/", "pad/nee/ja/", "scenarios/"])
def test_axe_vindt_geen_overtredingen(nieuwe_pagina, site_url, axe, pad):
    page = nieuwe_pagina()
    page.goto(site_url + "spoor2-hulp/" + pad)
    page.wait_for_load_state("load")
    # The page content (everything this helper renders). Theme-wide findings in header/search are SITE's and are
    # checked by the site's own axe tests.
    assert axe(page, ".md-content") == []
