"""De Atw-feestdagen (art. 3 lid 1 en 2) naast het pakket ``holidays`` (alleen als testafhankelijkheid), 2000-2040."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from poortwachter.kalender import NietGedekt, feestdagen, is_werkdag, pasen, werkdag_op_of_na

# Eerste Paas- en Pinksterdag vallen altijd op zondag en staan niet in art. 3; "holidays" noemt ze wel.
ALTIJD_ZONDAG = {"Eerste paasdag", "Eerste pinksterdag"}


@pytest.mark.parametrize("jaar", range(2000, 2041))
def test_feestdagen_gelijk_aan_holidays(jaar):
    pakket = holidays.country_holidays("NL", years=jaar, categories=("public", "optional"))
    verwacht = {d for d, naam in pakket.items() if naam not in ALTIJD_ZONDAG}
    assert set(feestdagen(jaar)) == verwacht


def test_pasen_en_goede_vrijdag():
    assert pasen(2024) == date(2024, 3, 31)
    assert pasen(2038) == date(2038, 4, 25)
    assert feestdagen(2026)[date(2026, 4, 3)] == "Goede Vrijdag"


def test_koningsdag_regels():
    assert feestdagen(2025)[date(2025, 4, 26)] == "Koningsdag"        # 27 april 2025 is een zondag
    assert date(2025, 4, 27) not in feestdagen(2025)
    assert feestdagen(2006)[date(2006, 4, 29)] == "Koninginnedag"     # 30 april 2006 is een zondag
    assert feestdagen(2013)[date(2013, 4, 30)] == "Koninginnedag"
    assert date(2014, 4, 30) not in feestdagen(2014)


def test_buiten_de_kalender_niet_gedekt():
    with pytest.raises(NietGedekt):
        feestdagen(1999)
    with pytest.raises(NietGedekt):
        is_werkdag(date(2100, 1, 4))


def test_weekend_is_geen_werkdag():
    assert not is_werkdag(date(2026, 10, 24)) and not is_werkdag(date(2026, 10, 25))
    assert werkdag_op_of_na(date(2026, 10, 24)) == date(2026, 10, 26)


def test_nooit_meer_dan_vijf_niet_werkdagen_achter_elkaar():
    # De langste reeks in 2000-2040: Goede Vrijdag 23 april 2038, weekend, Tweede Paasdag 26 april en Koningsdag
    # 27 april. Het doorschuiven naar een werkdag is dus hooguit 5 dagen.
    d, reeks, langste = date(2000, 1, 1), 0, 0
    while d.year <= 2040:
        reeks = 0 if is_werkdag(d) else reeks + 1
        langste = max(langste, reeks)
        d += timedelta(days=1)
    assert langste == 5
