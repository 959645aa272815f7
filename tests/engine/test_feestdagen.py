"""De Atw-feestdagen (art. 3 lid 1 en 2) naast het pakket ``holidays`` (alleen als testafhankelijkheid), 2000-2040.

Verschil met ``holidays``: dat pakket kent de dagen niet die een Koninklijk Besluit op grond van Atw art. 3 lid 3 met
een feestdag gelijkstelt (brugdagen, zoals de vrijdag na Hemelvaartsdag; regels/gelijkstelling.toml). Die dagen staan
wel in :func:`feestdagen`; de vergelijking laat ze daarom weg, en een aparte test eist dat ``holidays`` ze echt niet
noemt (anders is die uitzondering hier niet meer nodig).
"""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from poortwachter.kalender import (GELIJKGESTELD, NietGedekt, feestdag_naam, feestdagen, gelijkgestelde_dagen,
                                   gelijkstelling_onzeker, is_werkdag, laatste_gelijkstelling, pasen, werkdag_op_of_na)
from poortwachter.regels import laad_regels

# Eerste Paas- en Pinksterdag vallen altijd op zondag en staan niet in art. 3; "holidays" noemt ze wel.
ALTIJD_ZONDAG = {"Eerste paasdag", "Eerste pinksterdag"}


@pytest.mark.parametrize("jaar", range(2000, 2041))
def test_feestdagen_gelijk_aan_holidays(jaar):
    pakket = holidays.country_holidays("NL", years=jaar, categories=("public", "optional"))
    verwacht = {d for d, naam in pakket.items() if naam not in ALTIJD_ZONDAG}
    assert set(feestdagen(jaar)) - set(gelijkgestelde_dagen(jaar)) == verwacht


@pytest.mark.parametrize("jaar", range(2000, 2041))
def test_holidays_kent_de_gelijkgestelde_dagen_niet(jaar):
    pakket = holidays.country_holidays("NL", years=jaar, categories=("public", "optional"))
    assert not set(gelijkgestelde_dagen(jaar)) & set(pakket)


# Met de hand overgenomen uit de titels van de besluiten (zie de bronnen in regels/gelijkstelling.toml).
BESLUITDAGEN = [date(2017, 4, 28), date(2017, 5, 26), date(2018, 5, 11), date(2018, 12, 24), date(2018, 12, 31),
                date(2019, 5, 31), date(2019, 12, 27), date(2022, 5, 27), date(2023, 4, 28), date(2023, 5, 19),
                date(2024, 5, 10), date(2024, 12, 27), date(2025, 5, 30), date(2026, 1, 2), date(2026, 5, 15),
                date(2027, 5, 7), date(2028, 4, 28), date(2028, 5, 26)]


@pytest.mark.parametrize("dag", BESLUITDAGEN, ids=str)
def test_een_gelijkgestelde_dag_is_geen_werkdag(dag):
    assert not is_werkdag(dag)
    assert feestdag_naam(dag) == GELIJKGESTELD
    assert dag in gelijkgestelde_dagen(dag.year)


def test_precies_de_besluitdagen_zijn_gelijkgesteld():
    alle = [d for jaar in range(2000, 2041) for d in gelijkgestelde_dagen(jaar)]
    assert alle == BESLUITDAGEN


def test_waar_de_besluiten_niet_reiken_is_de_telling_onzeker():
    rs = laad_regels()
    assert laatste_gelijkstelling() == date(2028, 12, 31)
    assert gelijkstelling_onzeker(date(2028, 12, 31).toordinal(), rs) is None
    assert gelijkstelling_onzeker(date(2029, 1, 1).toordinal(), rs) == "na_laatste_besluit"
    assert gelijkstelling_onzeker(date(2017, 1, 1).toordinal(), rs) is None
    assert gelijkstelling_onzeker(date(2016, 12, 31).toordinal(), rs) == "niet_volledig"   # geen besluit gevonden
    assert gelijkstelling_onzeker(date(2021, 6, 1).toordinal(), rs) == "niet_volledig"     # besluit maar deels bekend
    assert gelijkstelling_onzeker(date(2023, 1, 1).toordinal(), rs) is None


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
    # 27 april. Het doorschuiven naar een werkdag is dus hooguit 5 dagen. (Een gelijkgestelde dag maakt hooguit een
    # reeks van 4, zoals Hemelvaartsdag, de vrijdag erna en het weekend.)
    d, reeks, langste = date(2000, 1, 1), 0, 0
    while d.year <= 2040:
        reeks = 0 if is_werkdag(d) else reeks + 1
        langste = max(langste, reeks)
        d += timedelta(days=1)
    assert langste == 5
