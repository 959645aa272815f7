"""Maakt de regressiegevallen in tests/cases/*.json, afgeleid uit de rekenregels, NIET uit de rekenkern.

Dit script importeert niets uit ``poortwachter``. De verwachte datums volgen met gewone datumrekenkunde uit de
telling van feiten §0 en issue 3 §3:
  cs(n) = de n-de getelde ziektedag; zonder onderbreking is dat D + (n - 1) dagen.
  uiterlijk in week N = cs(7N); ziekmelding_uwv = eerste werkdag na cs(294);
  wia_aanvraag = cs(728) + 7v - 77; laatste_loondoorbetalingsdag = cs(728) + 7(v + l).
De feestdagen zijn hieronder met de hand opgeschreven (kalender van het betreffende jaar), niet berekend.
Na een wijziging: ``python tests/cases/maak_gevallen.py`` en de JSON-verschillen in de review nakijken.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

HIER = Path(__file__).resolve().parent
DAG = timedelta(days=1)
# Met de hand nagekeken Atw-feestdagen (art. 3 lid 1 en 2) in de jaren die de gevallen raken.
FEESTDAGEN = {
    date(2025, 1, 1), date(2025, 4, 18), date(2025, 4, 21), date(2025, 4, 26), date(2025, 5, 5), date(2025, 5, 29),
    date(2025, 6, 9), date(2025, 12, 25), date(2025, 12, 26),
    date(2026, 1, 1), date(2026, 4, 3), date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 5), date(2026, 5, 14),
    date(2026, 5, 25), date(2026, 12, 25), date(2026, 12, 26),
    date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 4, 27), date(2027, 5, 5), date(2027, 5, 6),
    date(2027, 5, 17), date(2027, 12, 25), date(2027, 12, 26),
    date(2028, 1, 1), date(2028, 4, 14), date(2028, 4, 17), date(2028, 4, 27), date(2028, 5, 5), date(2028, 5, 25),
    date(2028, 6, 5), date(2028, 12, 25), date(2028, 12, 26),
    date(2013, 1, 1), date(2013, 3, 29), date(2013, 4, 1), date(2013, 4, 30), date(2013, 5, 5), date(2013, 5, 9),
    date(2013, 5, 20), date(2013, 12, 25), date(2013, 12, 26),
    date(2038, 1, 1), date(2038, 4, 23), date(2038, 4, 26), date(2038, 4, 27), date(2038, 5, 5), date(2038, 6, 3),
    date(2038, 6, 14), date(2038, 12, 25), date(2038, 12, 26),
    date(2015, 1, 1), date(2015, 4, 3), date(2015, 4, 6), date(2015, 4, 27), date(2015, 5, 5), date(2015, 5, 14),
    date(2015, 5, 25), date(2015, 12, 25), date(2015, 12, 26),
    date(2023, 1, 1), date(2023, 4, 7), date(2023, 4, 10), date(2023, 4, 27), date(2023, 5, 5), date(2023, 5, 18),
    date(2023, 5, 29), date(2023, 12, 25), date(2023, 12, 26),
    date(2024, 1, 1), date(2024, 3, 29), date(2024, 4, 1), date(2024, 4, 27), date(2024, 5, 5), date(2024, 5, 9),
    date(2024, 5, 20), date(2024, 12, 25), date(2024, 12, 26),
    date(2016, 1, 1), date(2016, 3, 25), date(2016, 3, 28), date(2016, 4, 27), date(2016, 5, 5), date(2016, 5, 16),
    date(2016, 12, 25), date(2016, 12, 26),
    date(2020, 1, 1), date(2020, 4, 10), date(2020, 4, 13), date(2020, 4, 27), date(2020, 5, 5), date(2020, 5, 21),
    date(2020, 6, 1), date(2020, 12, 25), date(2020, 12, 26),
    date(2021, 1, 1), date(2021, 4, 2), date(2021, 4, 5), date(2021, 4, 27), date(2021, 5, 5), date(2021, 5, 13),
    date(2021, 5, 24), date(2021, 12, 25), date(2021, 12, 26),
    date(2017, 1, 1), date(2017, 4, 14), date(2017, 4, 17), date(2017, 4, 27), date(2017, 5, 5), date(2017, 5, 25),
    date(2017, 6, 5), date(2017, 12, 25), date(2017, 12, 26),
    date(2018, 1, 1), date(2018, 3, 30), date(2018, 4, 2), date(2018, 4, 27), date(2018, 5, 5), date(2018, 5, 10),
    date(2018, 5, 21), date(2018, 12, 25), date(2018, 12, 26),
    date(2019, 1, 1), date(2019, 4, 19), date(2019, 4, 22), date(2019, 4, 27), date(2019, 5, 5), date(2019, 5, 30),
    date(2019, 6, 10), date(2019, 12, 25), date(2019, 12, 26),
    date(2022, 1, 1), date(2022, 4, 15), date(2022, 4, 18), date(2022, 4, 27), date(2022, 5, 5), date(2022, 5, 26),
    date(2022, 6, 6), date(2022, 12, 25), date(2022, 12, 26),
    date(2029, 1, 1), date(2029, 3, 30), date(2029, 4, 2), date(2029, 4, 27), date(2029, 5, 5), date(2029, 5, 10),
    date(2029, 5, 21), date(2029, 12, 25), date(2029, 12, 26),
}
# Dagen die een Koninklijk Besluit met een feestdag gelijkstelt (Atw art. 3 lid 3), overgeschreven uit de titels van
# de besluiten (bronnen in calculators/src/poortwachter/regels/gelijkstelling.toml): 2017-2019 volledig, van
# 2020-2022 alleen 27 mei 2022, 2023-2025 en 2026-2028 volledig. Na 2028 is geen besluit bekend.
GELIJKGESTELD = {
    date(2017, 4, 28), date(2017, 5, 26), date(2018, 5, 11), date(2018, 12, 24), date(2018, 12, 31),
    date(2019, 5, 31), date(2019, 12, 27), date(2022, 5, 27), date(2023, 4, 28), date(2023, 5, 19),
    date(2024, 5, 10), date(2024, 12, 27), date(2025, 5, 30), date(2026, 1, 2), date(2026, 5, 15),
    date(2027, 5, 7), date(2028, 4, 28), date(2028, 5, 26),
}
GELIJKGESTELD_NAAM = "bij besluit gelijkgesteld met een feestdag"
LAATSTE_BESLUITDAG = date(2028, 12, 31)
DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december")


# Vanaf deze eerste ziektedag gelden voor elke verplichte termijn de huidige waarden (de WIA-aanvraag elf weken voor
# het einde van de wachttijd sinds 1 juli 2013, feiten §2.4); daarvoor noemt een geval alleen wat het toetst.
HUIDIGE_REGELS_VANAF = date(2013, 7, 1)


def werkdag(d: date) -> bool:
    assert d.year in {2013, 2015, 2016, 2017, 2020, 2021, 2018, 2019, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2038}, \
        f"{d}: feestdagen niet opgeschreven"
    return d.weekday() < 5 and d not in FEESTDAGEN and d not in GELIJKGESTELD


def werkdag_ervoor(d: date) -> date:
    d -= DAG
    while not werkdag(d):
        d -= DAG
    return d


def nl(d: date) -> str:
    """``maandag 5 januari 2026``: zoals de rekenkern een datum schrijft (hier los daarvan opgeschreven)."""
    return f"{DAGNAMEN[d.weekday()]} {d.day} {MAANDNAMEN[d.month - 1]} {d.year}"


def eerste_werkdag_na(d: date) -> date:
    d += DAG
    while not werkdag(d):
        d += DAG
    return d


def vorm(is_vormfout: bool) -> dict:
    """``{"vormfout": true}`` bij een fout in de vorm van het verzoek (geen datum als JJJJ-MM-DD, een leeg of onbekend
    veld, een negatief aantal of tekst waar een getal hoort): die weigert het gepubliceerde verzoek.schema.json al.
    Wat alleen met de kalender of de regels te toetsen is (30 februari, overlap, minimum en maximum, dekking) is
    geen vormfout: dat past in het schema en de rekenkern weigert het."""
    return {"vormfout": True} if is_vormfout else {}


def iso(d: date) -> str:
    return d.isoformat()


def zonder_onderbreking(D: date, v: int = 0, l: int = 0) -> dict[str, str]:
    """Alle verplichte termijnen voor één doorlopende periode vanaf D (cs(n) = D + n - 1)."""
    cs = lambda n: D + (n - 1) * DAG  # noqa: E731
    return termijnen_uit(cs, v, l)


def termijnen_uit(cs, v: int = 0, l: int = 0) -> dict[str, str]:
    return {
        "probleemanalyse": iso(cs(42)), "plan_van_aanpak": iso(cs(56)),
        "ziekmelding_uwv": iso(eerste_werkdag_na(cs(294))),
        "eerstejaarsevaluatie_vanaf": iso(cs(316)), "eerstejaarsevaluatie": iso(cs(364)),
        "start_spoor_2": iso(cs(406)),
        "wia_aanvraag": iso(cs(728) + 7 * v * DAG - 77 * DAG),
        "laatste_loondoorbetalingsdag": iso(cs(728) + 7 * (v + l) * DAG),
        "vervroegde_iva_vanaf": iso(cs(22)), "vervroegde_iva_uiterlijk": iso(cs(476)),
    }


def cs_met_stukken(stukken: list[tuple[date, date | None]]):
    """cs(n) over getelde stukken (begin, einde incl.; het laatste mag open zijn). Alleen voor de uitleg hieronder."""
    def cs(n: int) -> date:
        rest = n
        for b, e in stukken:
            lengte = None if e is None else (e - b).days + 1
            if lengte is None or rest <= lengte:
                return b + (rest - 1) * DAG
            rest -= lengte
        raise AssertionError
    return cs


def schrijf(naam: str, gevallen: list[dict]) -> None:
    (HIER / f"{naam}.json").write_text(json.dumps(gevallen, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- samentelling
def samentelling() -> list[dict]:
    g = []
    eerste_einde = date(2025, 3, 2)  # 6 jan t/m 2 mrt 2025 = 26 + 28 + 2 = 56 ziektedagen
    for gat, samen in ((27, True), (28, False), (29, False)):
        tweede = eerste_einde + (gat + 1) * DAG
        if samen:
            cs = cs_met_stukken([(date(2025, 1, 6), eerste_einde), (tweede, None)])
            verwacht = {"eerste_ziektedag": "2025-01-06", "termijnen": termijnen_uit(cs),
                        "signalen": ["samentelling"], "geen_signalen": ["nieuw_tijdvak"]}
            uitleg = (f"Periode 1 telt 56 dagen (6 jan t/m 2 mrt). {gat} dagen herstel < 28: één tijdvak. "
                      f"cs(56) = 2 mrt, cs(57) = {tweede}; elke latere termijn schuift {gat} dagen op.")
        else:
            verwacht = {"eerste_ziektedag": iso(tweede), "termijnen": zonder_onderbreking(tweede),
                        "signalen": ["nieuw_tijdvak"], "geen_signalen": ["samentelling"]}
            uitleg = f"{gat} dagen herstel ≥ 28: een nieuw tijdvak begint op {tweede}; D = {tweede}."
        g.append({"naam": f"Bij een onderbreking van {gat} dagen "
                          f"{'tellen de ziekteperiodes samen' if samen else 'begint een nieuwe telling'}",
                  "uitleg": uitleg,
                  "invoer": {"ziek": [f"2025-01-06/{iso(eerste_einde)}", iso(tweede)]}, "verwacht": verwacht})
    # Onderbreking van 27 dagen vóór week 6: de probleemanalyse schuift mee (feiten §2.1: tel alleen ziektedagen).
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 1, 20)), (date(2026, 2, 17), None)])
    g.append({"naam": "Een onderbreking van 27 dagen in week 3 schuift ook de probleemanalyse 27 dagen op",
              "uitleg": "5 t/m 20 jan = 16 ziektedagen; 21 jan t/m 16 feb = 27 dagen herstel; cs(42) = 17 feb + 25.",
              "invoer": {"ziek": ["2026-01-05/2026-01-20", "2026-02-17"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["samentelling"]}})
    # Drie periodes, twee korte onderbrekingen: de herstelde dagen tellen allebei niet.
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 2, 1)), (date(2026, 2, 11), date(2026, 4, 30)),
                         (date(2026, 5, 20), None)])
    g.append({"naam": "Drie ziekteperiodes met 9 en 19 dagen herstel tellen samen tot één tijdvak",
              "uitleg": "Stukken: 5 jan-1 feb (28), 11 feb-30 apr (79), vanaf 20 mei. Herstel 2-10 feb (9) en "
                        "1-19 mei (19), beide < 28.",
              "invoer": {"ziek": ["2026-01-05/2026-02-01", "2026-02-11/2026-04-30", "2026-05-20"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["samentelling"]}})
    # Een lange onderbreking gevolgd door een korte: alleen de periodes na de lange tellen.
    cs = cs_met_stukken([(date(2026, 4, 1), date(2026, 4, 30)), (date(2026, 5, 11), None)])
    g.append({"naam": "Na een herstel van 45 dagen tellen alleen de latere periodes samen",
              "uitleg": "5 jan-15 feb ziek, 16 feb-31 mrt hersteld (44 dagen ≥ 28): nieuw tijdvak op 1 apr. "
                        "Dan 1-30 apr ziek, 1-10 mei hersteld (10 < 28), ziek vanaf 11 mei.",
              "invoer": {"ziek": ["2026-01-05/2026-02-15", "2026-04-01/2026-04-30", "2026-05-11"]},
              "verwacht": {"eerste_ziektedag": "2026-04-01", "termijnen": termijnen_uit(cs),
                           "signalen": ["nieuw_tijdvak", "samentelling"]}})
    # Aansluitende periodes (0 dagen herstel) gedragen zich als één periode.
    g.append({"naam": "Twee aansluitende ziekteperiodes zonder hersteldag tellen als één doorlopende periode",
              "uitleg": "31 jan en 1 feb sluiten aan: geen onderbreking, cs(n) = D + n - 1.",
              "invoer": {"ziek": ["2026-01-05/2026-01-31", "2026-02-01"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": zonder_onderbreking(date(2026, 1, 5)),
                           "geen_signalen": ["samentelling", "nieuw_tijdvak"]}})
    # Periodes in willekeurige volgorde ingevoerd.
    cs = cs_met_stukken([(date(2025, 1, 6), date(2025, 3, 2)), (date(2025, 3, 30), None)])
    g.append({"naam": "De volgorde waarin de ziekteperiodes worden ingevoerd maakt niet uit",
              "uitleg": "Zelfde als het geval met 27 dagen herstel, maar de gesloten periode staat als tweede.",
              "invoer": {"ziek": ["2025-03-30/2025-12-31", "2025-01-06/2025-03-02"]},
              "verwacht": {"eerste_ziektedag": "2025-01-06", "signalen": ["samentelling", "hersteld"],
                           "termijnen": termijnen_uit(cs)}})
    return g


# ---------------------------------------------------------------- weekgrenzen
def weekgrenzen() -> list[dict]:
    g = []
    D = date(2026, 1, 5)
    for week in (6, 8, 42, 46, 52, 58, 93, 104):
        laatste = D + (7 * week - 1) * DAG  # laatste dag van week N = D + 7N - 1 (feiten §0)
        for naam, dag, verwacht_week in (("de dag voor", laatste - DAG, week), ("de laatste dag van", laatste, week),
                                        ("de dag na", laatste + DAG, week + 1)):
            g.append({"naam": f"Op {naam} het einde van week {week} is de huidige ziekteweek {verwacht_week}",
                      "uitleg": f"D = {D}; week {week} eindigt op D + {7 * week - 1} = {laatste}; peildatum {dag}.",
                      "invoer": {"ziek": [iso(D)], "peildatum": iso(dag)},
                      "verwacht": {"eerste_ziektedag": iso(D), "termijnen": zonder_onderbreking(D),
                                   "huidige_ziekteweek": verwacht_week}})
    # De termijnen zelf vallen op de laatste dag van de week: de ziekteweek van de termijn is N.
    g.append({"naam": "Elke uiterlijk-in-week-N-termijn valt in ziekteweek N",
              "uitleg": "cs(7N) is dag 7N: (7N + 6) // 7 = N.",
              "invoer": {"ziek": ["2026-01-05"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": zonder_onderbreking(date(2026, 1, 5)),
                           "ziekteweek": {"probleemanalyse": 6, "plan_van_aanpak": 8, "eerstejaarsevaluatie": 52,
                                          "start_spoor_2": 58, "wia_aanvraag": 93,
                                          "laatste_loondoorbetalingsdag": 104, "vervroegde_iva_uiterlijk": 68,
                                          "eerstejaarsevaluatie_vanaf": 46, "vervroegde_iva_vanaf": 4,
                                          "ziekmelding_uwv": 43}}})
    return g


# ---------------------------------------------------------------- feestdagen en werkdagen
def feestdagen() -> list[dict]:
    g = []
    rol = [  # (datum waarop cs(294)+1 valt, naam, verwachte eerste werkdag, uitleg)
        (date(2027, 1, 1), "Nieuwjaarsdag", date(2027, 1, 4), "vr 1 jan feestdag, za/zo: maandag 4 jan"),
        (date(2026, 4, 3), "Goede Vrijdag", date(2026, 4, 7), "vr Goede Vrijdag, za, zo, ma Tweede Paasdag: di 7 apr"),
        (date(2027, 3, 29), "Tweede Paasdag", date(2027, 3, 30), "ma Tweede Paasdag: di 30 mrt"),
        (date(2026, 4, 27), "Koningsdag", date(2026, 4, 28), "ma 27 apr Koningsdag: di 28 apr"),
        (date(2025, 4, 26), "Koningsdag", date(2025, 4, 28),
         "27 apr 2025 is een zondag, dus Koningsdag is za 26 apr; zo 27: ma 28 apr is een werkdag"),
        (date(2013, 4, 30), "Koninginnedag", date(2013, 5, 1), "di 30 apr 2013 Koninginnedag: wo 1 mei (geen Atw-dag)"),
        (date(2026, 5, 5), "Bevrijdingsdag", date(2026, 5, 6), "di 5 mei: wo 6 mei"),
        (date(2026, 5, 14), "Hemelvaartsdag", date(2026, 5, 18),
         "do Hemelvaartsdag, vr 15 mei bij besluit gelijkgesteld (Atw art. 3 lid 3), za, zo: ma 18 mei"),
        (date(2026, 5, 25), "Tweede Pinksterdag", date(2026, 5, 26), "ma Tweede Pinksterdag: di 26 mei"),
        (date(2026, 12, 25), "Eerste Kerstdag", date(2026, 12, 28), "vr 25 dec, za 26 dec, zo: ma 28 dec"),
        (date(2025, 12, 26), "Tweede Kerstdag", date(2025, 12, 29), "vr 26 dec Tweede Kerstdag, za, zo: ma 29 dec"),
        (date(2038, 4, 23), "Goede Vrijdag", date(2038, 4, 28),
         "vr Goede Vrijdag, za, zo, ma Tweede Paasdag, di Koningsdag: wo 28 apr, 5 dagen later (de langste reeks)"),
        (date(2026, 10, 24), "zaterdag", date(2026, 10, 26), "za 24 okt, zo: ma 26 okt"),
    ]
    for dag, naam, verwacht, uitleg in rol:
        assert eerste_werkdag_na(dag - DAG) == verwacht, (dag, verwacht)
        D = dag - 294 * DAG  # cs(294) + 1 = D + 294
        g.append({"naam": f"Valt de dag na week 42 op {naam} {dag.day}-{dag.month}-{dag.year}, dan schuift de "
                          f"ziekmelding bij UWV naar {verwacht.day}-{verwacht.month}-{verwacht.year}",
                  "uitleg": f"D = {D}; cs(294) + 1 = D + 294 = {dag}; {uitleg}.",
                  "invoer": {"ziek": [iso(D)]},
                  "verwacht": {"eerste_ziektedag": iso(D),
                               "termijnen": zonder_onderbreking(D) if D >= HUIDIGE_REGELS_VANAF
                               else {"ziekmelding_uwv": iso(verwacht)},
                               "signalen": ["ziekmelding_uwv_doorgeschoven"],
                               **({"melding_bevat": [naam]} if naam not in ("zaterdag", "Bevrijdingsdag") else {})}})
    # Een gewone werkdag schuift niet.
    g.append({"naam": "Valt de dag na week 42 op een gewone woensdag, dan schuift de ziekmelding niet",
              "uitleg": "D = 2026-01-07 (wo); D + 294 = wo 28 okt 2026, een werkdag.",
              "invoer": {"ziek": ["2026-01-07"]},
              "verwacht": {"eerste_ziektedag": "2026-01-07", "termijnen": zonder_onderbreking(date(2026, 1, 7)),
                           "geen_signalen": ["ziekmelding_uwv_doorgeschoven"]}})
    # Teruggerekende termijn op een feestdag: geen verschuiving, wel een signaal.
    D = date(2027, 5, 6) - 650 * DAG  # wia_aanvraag = cs(728) - 77 = D + 650
    g.append({"naam": "Een WIA-aanvraag op Hemelvaartsdag schuift niet, maar geeft een waarschuwing",
              "uitleg": f"D = {D}; wia_aanvraag = D + 727 - 77 = D + 650 = do 6 mei 2027 (Hemelvaartsdag). De werkdag "
                        f"ervoor is di 4 mei: wo 5 mei is Bevrijdingsdag.",
              "invoer": {"ziek": [iso(D)]},
              "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "wia_aanvraag": "2027-05-06"},
                           "signalen": ["teruggerekend_geen_werkdag"],
                           "melding_bevat": ["Hemelvaartsdag", "dinsdag 4 mei 2027"]}})
    D = date(2026, 1, 6)  # di; D + 650 = ma 18 okt 2027, een werkdag
    g.append({"naam": "Een WIA-aanvraag op een gewone maandag geeft geen waarschuwing",
              "uitleg": "D = di 6 jan 2026; D + 650 = ma 18 okt 2027; eindevaluatie = D + 636 = ma 4 okt 2027.",
              "invoer": {"ziek": [iso(D)]},
              "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "wia_aanvraag": "2027-10-18",
                                                                      "eindevaluatie": "2027-10-04"},
                           "geen_signalen": ["teruggerekend_geen_werkdag"]}})
    return g


def gelijkgestelde_dagen() -> list[dict]:
    """De dag vóór, op en na elke gelijkgestelde dag: voor de 42e-weeksmelding (die schuift naar een werkdag) en voor
    de WIA-aanvraag (teruggerekend: schuift niet, maar krijgt een signaal op een niet-werkdag). En de grens van het
    laatste besluit: daarna geeft de rekenkern een signaal dat de datum nog kan verschuiven."""
    g = []
    for K in sorted(GELIJKGESTELD):
        for wanneer, dag in (("de dag vóór", K - DAG), ("de dag van", K), ("de dag na", K + DAG)):
            # 42e-weeksmelding: cs(294) + 1 = D + 294 = dag; dan de eerste werkdag op of na die dag.
            D = dag - 294 * DAG
            verwacht = eerste_werkdag_na(dag - DAG)
            geschoven = verwacht != dag
            onzeker = K.year in (2020, 2021, 2022)  # het besluit voor 2020-2022 kennen we maar voor een deel
            g.append({
                "naam": f"Valt de dag na week 42 op {wanneer} de gelijkgestelde dag {nl(K)}, dan is de ziekmelding "
                        f"bij UWV uiterlijk op {nl(verwacht)}",
                "uitleg": f"D = {D}; cs(294) + 1 = D + 294 = {dag} ({DAGNAMEN[dag.weekday()]}); {K} is bij besluit "
                          f"gelijkgesteld met een feestdag (Atw art. 3 lid 3); eerste werkdag op of na {dag}: {verwacht}.",
                "invoer": {"ziek": [iso(D)]},
                "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "ziekmelding_uwv": iso(verwacht)},
                             ("signalen" if geschoven else "geen_signalen"): ["ziekmelding_uwv_doorgeschoven"],
                             ("signalen_bij" if onzeker else "geen_signalen_bij"):
                                 {"ziekmelding_uwv": ["gelijkgestelde_dagen_onzeker"]},
                             **({"melding_bevat": [f"{nl(dag)} ({GELIJKGESTELD_NAAM})"]} if dag == K else {})}})
            # WIA-aanvraag = cs(728) - 77 = D + 650 = dag; de eindevaluatie twee weken eerder (D + 636).
            D = dag - 650 * DAG
            wia_werkdag = werkdag(dag)
            signaal = not wia_werkdag or not werkdag(dag - 14 * DAG)
            verwacht_wia: dict = {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "wia_aanvraag": iso(dag)},
                                  ("signalen" if signaal else "geen_signalen"): ["teruggerekend_geen_werkdag"],
                                  ("signalen_bij" if onzeker else "geen_signalen_bij"):
                                      {"wia_aanvraag": ["gelijkgestelde_dagen_onzeker"]}}
            if not wia_werkdag:
                verwacht_wia["melding_bevat"] = [f"De WIA-aanvraag valt op {nl(dag)}",
                                                 f"regel het uiterlijk op de werkdag ervoor, {nl(werkdag_ervoor(dag))}"]
            g.append({
                "naam": f"Een WIA-aanvraag op {wanneer} de gelijkgestelde dag {nl(K)} "
                        f"{'geeft een waarschuwing' if not wia_werkdag else 'valt op een werkdag'}",
                "uitleg": f"D = {D}; wia_aanvraag = D + 650 = {dag} ({DAGNAMEN[dag.weekday()]}); "
                          f"{'geen werkdag: de werkdag ervoor is ' + iso(werkdag_ervoor(dag)) if not wia_werkdag else 'een werkdag'}"
                          f"; eindevaluatie = D + 636 = {dag - 14 * DAG}.",
                "invoer": {"ziek": [iso(D)]},
                "verwacht": verwacht_wia})
    # Na het laatste besluit (31 december 2028): een signaal dat de datum nog kan verschuiven.
    for dag in (LAATSTE_BESLUITDAG - 2 * DAG, LAATSTE_BESLUITDAG - DAG, LAATSTE_BESLUITDAG, LAATSTE_BESLUITDAG + DAG):
        D = dag - 294 * DAG
        verwacht = eerste_werkdag_na(dag - DAG)
        na = verwacht > LAATSTE_BESLUITDAG
        g.append({
            "naam": f"Valt de dag na week 42 op {nl(dag)}, dan is de ziekmelding bij UWV uiterlijk op {nl(verwacht)}"
                    f"{', met een signaal dat die nog kan verschuiven' if na else ' en staat die vast'}",
            "uitleg": f"D = {D}; D + 294 = {dag}; eerste werkdag: {verwacht}; het laatste besluit gaat tot en met "
                      f"{LAATSTE_BESLUITDAG}.",
            "invoer": {"ziek": [iso(D)]},
            "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "ziekmelding_uwv": iso(verwacht)},
                         ("signalen_bij" if na else "geen_signalen_bij"):
                             {"ziekmelding_uwv": ["gelijkgestelde_dagen_onzeker"]},
                         **({"melding_bevat": [f"De ziekmelding bij UWV ({nl(verwacht)}) valt na "
                                               f"{nl(LAATSTE_BESLUITDAG)}"]} if na else {})}})
        D = dag - 650 * DAG
        g.append({
            "naam": f"Een WIA-aanvraag op {nl(dag)} "
                    f"{'krijgt een signaal dat een later besluit die dag kan gelijkstellen' if dag > LAATSTE_BESLUITDAG else 'valt binnen het laatste besluit'}",
            "uitleg": f"D = {D}; wia_aanvraag = D + 650 = {dag}; het laatste besluit gaat tot en met {LAATSTE_BESLUITDAG}.",
            "invoer": {"ziek": [iso(D)]},
            "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "wia_aanvraag": iso(dag)},
                         ("signalen_bij" if dag > LAATSTE_BESLUITDAG else "geen_signalen_bij"):
                             {"wia_aanvraag": ["gelijkgestelde_dagen_onzeker"]}}})
    # Samentelling: twee periodes met 10 dagen herstel; week 42 eindigt op do 1 januari 2026 (Nieuwjaarsdag), de
    # vrijdag erna is gelijkgesteld, dus de melding is op maandag 5 januari 2026.
    eerste, einde, tweede = date(2025, 3, 4), date(2025, 4, 30), date(2025, 5, 11)
    cs = cs_met_stukken([(eerste, einde), (tweede, None)])
    assert cs(294) == date(2026, 1, 1), cs(294)
    g.append({
        "naam": "Met samentelling eindigt week 42 op Nieuwjaarsdag 2026 en schuift de ziekmelding over de "
                "gelijkgestelde vrijdag naar maandag 5 januari 2026",
        "uitleg": "Ziek 4 mrt-30 apr 2025 (58 dagen), 1-10 mei hersteld (10 < 28), ziek vanaf 11 mei: cs(294) = "
                  "1 mei + 10 dagen later dan zonder herstel = do 1 jan 2026; vr 2 jan gelijkgesteld, za, zo: ma 5 jan.",
        "invoer": {"ziek": [f"{iso(eerste)}/{iso(einde)}", iso(tweede)]},
        "verwacht": {"eerste_ziektedag": iso(eerste), "termijnen": termijnen_uit(cs),
                     "signalen": ["samentelling", "ziekmelding_uwv_doorgeschoven"],
                     "melding_bevat": [f"vrijdag 2 januari 2026 ({GELIJKGESTELD_NAAM})"]}})
    return g


def werkdagen() -> list[dict]:
    rijen = [
        ("2024-03-29", False, "Goede Vrijdag", "Goede Vrijdag 2024 (Atw art. 3 lid 2)"),
        ("2025-04-18", False, "Goede Vrijdag", "Goede Vrijdag 2025"),
        ("2006-04-29", False, "Koninginnedag", "30 apr 2006 was een zondag: Koninginnedag op za 29 apr"),
        ("2006-04-30", False, None, "zondag 30 april 2006 zelf is geen feestdag (wel weekend)"),
        ("2013-04-30", False, "Koninginnedag", "laatste Koninginnedag, dinsdag"),
        ("2014-04-26", False, "Koningsdag", "eerste Koningsdag: 27 apr 2014 was een zondag, dus za 26 apr"),
        ("2014-04-30", True, None, "na 2013 is 30 april een gewone werkdag (wo)"),
        ("2025-04-26", False, "Koningsdag", "27 apr 2025 is een zondag: Koningsdag op za 26 apr"),
        ("2025-04-28", True, None, "maandag na Koningsdag 2025 is een werkdag"),
        ("2026-04-27", False, "Koningsdag", "Koningsdag 2026 op maandag"),
        ("2025-05-05", False, "Bevrijdingsdag (5 mei)", "5 mei 2025 (maandag)"),
        ("2026-05-15", False, GELIJKGESTELD_NAAM, "vrijdag na Hemelvaartsdag 2026: bij besluit gelijkgesteld"),
        ("2026-01-02", False, GELIJKGESTELD_NAAM, "vrijdag na Nieuwjaarsdag 2026: bij besluit gelijkgesteld"),
        ("2022-05-27", False, GELIJKGESTELD_NAAM, "vrijdag na Hemelvaartsdag 2022: bij besluit gelijkgesteld"),
        ("2021-05-14", True, None, "vrijdag na Hemelvaartsdag 2021: het besluit voor 2020-2022 is niet gevonden"),
        ("2029-05-11", True, None, "vrijdag na Hemelvaartsdag 2029: (nog) geen besluit"),
        ("2025-12-24", True, None, "24 december is geen Atw-feestdag"),
        ("2026-05-01", True, None, "1 mei is geen Atw-feestdag"),
        ("2024-05-09", False, "Hemelvaartsdag", "Hemelvaartsdag 2024 (Pasen 31 mrt + 39)"),
        ("2024-05-20", False, "Tweede Pinksterdag", "Tweede Pinksterdag 2024 (Pasen + 50)"),
        ("2000-04-24", False, "Tweede Paasdag", "Tweede Paasdag 2000 (Pasen 23 apr)"),
        ("2038-04-26", False, "Tweede Paasdag", "Tweede Paasdag 2038 (Pasen 25 apr, de laatste mogelijke week)"),
    ]
    return [{"naam": f"{'Werkdag' if w else 'Geen werkdag'}: {d} ({uitleg})", "uitleg": uitleg,
             "werkdag": {"datum": d, "is_werkdag": w, "feestdag": f}} for d, w, f, uitleg in rijen]


# ---------------------------------------------------------------- schrikkeljaren
def schrikkeljaren() -> list[dict]:
    g = []
    for D, uitleg in ((date(2023, 3, 1), "het eerste jaar bevat 29 feb 2024"),
                      (date(2027, 3, 1), "het eerste jaar bevat 29 feb 2028"),
                      (date(2028, 2, 28), "de dag na D is schrikkeldag 29 feb 2028"),
                      (date(2024, 2, 28), "schrikkeldag 2024 is dag 2"),
                      (date(2028, 3, 1), "D net na schrikkeldag 2028: geen 29 feb in de telling tot 2030")):
        g.append({"naam": f"Een eerste ziektedag op {D.day}-{D.month}-{D.year}: {uitleg}",
                  "uitleg": f"cs(n) = D + n - 1 kalenderdagen; 29 februari telt gewoon als dag. {uitleg}.",
                  "invoer": {"ziek": [iso(D)]},
                  "verwacht": {"eerste_ziektedag": iso(D), "termijnen": zonder_onderbreking(D)}})
    return g


# ---------------------------------------------------------------- WAZO-verlof
def wazo() -> list[dict]:
    g = []
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 3, 1)), (date(2026, 6, 22), None)])
    g.append({"naam": "Zestien weken zwangerschapsverlof midden in de ziekte tellen niet mee",
              "uitleg": "Ziek vanaf 5 jan; verlof 2 mrt t/m 21 jun (112 dagen). cs(56) = 1 mrt, cs(57) = 22 jun.",
              "invoer": {"ziek": ["2026-01-05"], "verlof": ["2026-03-02/2026-06-21"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["wazo_verlof"]}})
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 2, 28)), (date(2026, 6, 21), None)])
    g.append({"naam": "Verlof dat precies tussen twee ziekteperiodes valt is geen onderbreking",
              "uitleg": "Ziek 5 jan-28 feb, verlof 1 mrt-20 jun, ziek vanaf 21 jun: 0 herstelde dagen, één tijdvak.",
              "invoer": {"ziek": ["2026-01-05/2026-02-28", "2026-06-21"], "verlof": ["2026-03-01/2026-06-20"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["wazo_verlof"], "geen_signalen": ["nieuw_tijdvak"]}})
    # Onderbreking = herstelde dagen zonder verlofdagen: 20 + 7 = 27 < 28 → samen; 20 + 8 = 28 → nieuw.
    for na, samen in ((7, True), (8, False)):
        verlof_b, verlof_e = date(2026, 3, 21), date(2026, 7, 10)  # 112 dagen
        tweede = verlof_e + (na + 1) * DAG
        invoer = {"ziek": ["2026-01-05/2026-02-28", iso(tweede)], "verlof": [f"{iso(verlof_b)}/{iso(verlof_e)}"]}
        if samen:
            cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 2, 28)), (tweede, None)])
            verwacht = {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs), "signalen": ["samentelling"]}
        else:
            verwacht = {"eerste_ziektedag": iso(tweede), "termijnen": zonder_onderbreking(tweede),
                        "signalen": ["nieuw_tijdvak"]}
        g.append({"naam": f"Twintig dagen herstel voor en {na} na het verlof "
                          f"{'tellen samen als onderbreking van 27 dagen' if samen else 'vormen 28 dagen: nieuwe telling'}",
                  "uitleg": f"Herstel 1-20 mrt (20 dagen), verlof 21 mrt-10 jul telt niet, herstel na verlof {na} "
                            f"dagen: samen {20 + na}.",
                  "invoer": invoer, "verwacht": verwacht})
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 3, 1)), (date(2026, 6, 22), None)])
    g.append({"naam": "Verlof direct na de laatste gesloten ziekteperiode telt niet mee en de telling loopt erna door",
              "uitleg": "Ziek 5 jan-1 mrt (56 dagen), verlof 2 mrt-21 jun sluit aan; doorgetrokken vanaf 22 jun.",
              "invoer": {"ziek": ["2026-01-05/2026-03-01"], "verlof": ["2026-03-02/2026-06-21"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["wazo_verlof", "hersteld"]}})
    cs = cs_met_stukken([(date(2026, 1, 5), date(2026, 1, 31)), (date(2026, 5, 24), None)])
    g.append({"naam": "Verlof dat na de laatste ziektedag doorloopt telt ook daarna niet mee",
              "uitleg": "Ziek 5 jan-15 feb, verlof 1 feb-23 mei: getelde stukken 5-31 jan (27 dagen) en vanaf 24 mei.",
              "invoer": {"ziek": ["2026-01-05/2026-02-15"], "verlof": ["2026-02-01/2026-05-23"]},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs),
                           "signalen": ["wazo_verlof", "hersteld"]}})
    # Ziek 5 jan-1 mrt, verlof 2 mrt-21 jun: de telling loopt door vanaf 22 jun (zoals hierboven).
    cs_na_verlof = cs_met_stukken([(date(2026, 1, 5), date(2026, 3, 1)), (date(2026, 6, 22), None)])
    for peil, week, signaal, uitleg in (
            ("2026-03-15", 8, "peildatum_verlof", "in het verlof na de laatste ziektedag: 56 dagen = week 8"),
            ("2026-07-18", 8, "peildatum_hersteld", "22 jun-18 jul = 27 herstelde dagen na het verlof (< 28)"),
            ("2026-07-19", None, "tijdvak_voorbij", "22 jun-19 jul = 28 herstelde dagen na het verlof")):
        g.append({"naam": f"Peildatum {peil} na ziekte tot 1 maart en verlof tot 21 juni: "
                          f"{'week ' + str(week) if week else 'geen lopende telling'}",
                  "uitleg": f"Verlofdagen tellen niet als herstel; {uitleg}.",
                  "invoer": {"ziek": ["2026-01-05/2026-03-01"], "verlof": ["2026-03-02/2026-06-21"], "peildatum": peil},
                  "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": termijnen_uit(cs_na_verlof),
                               "huidige_ziekteweek": week, "signalen": [signaal]}})
    g.append({"naam": "Verlof dat helemaal voor de eerste ziektedag ligt wordt geweigerd",
              "uitleg": "Verlof telt alleen tussen de eerste en de laatste ziektedag.",
              "invoer": {"ziek": ["2026-06-01"], "verlof": ["2026-01-01/2026-04-30"]},
              "verwacht": {"fouten": [{"veld": "verlof", "index": 0, "code": "verlof_buiten_ziekte"}]}})
    g.append({"naam": "Verlof na het einde van de laatste gesloten ziekteperiode wordt geweigerd",
              "uitleg": "De laatste periode eindigt 31 jan; verlof vanaf 1 mrt ligt erbuiten.",
              "invoer": {"ziek": ["2026-01-05/2026-01-31"], "verlof": ["2026-03-01/2026-06-20"]},
              "verwacht": {"fouten": [{"veld": "verlof", "index": 0, "code": "verlof_buiten_ziekte"}]}})
    g.append({"naam": "Twee overlappende verlofperiodes worden geweigerd",
              "uitleg": "Verlof 2 overlapt verlof 1.",
              "invoer": {"ziek": ["2026-01-05"], "verlof": ["2026-03-01/2026-05-01", "2026-04-01/2026-06-01"]},
              "verwacht": {"fouten": [{"veld": "verlof", "index": 1, "code": "periode_overlapt"}]}})
    g.append({"naam": "Verlof zonder einddatum wordt geweigerd",
              "uitleg": "Verlof moet BEGIN/EINDE zijn.",
              "invoer": {"ziek": ["2026-01-05"], "verlof": ["2026-03-01"]}, "vormfout": True,
              "verwacht": {"fouten": [{"veld": "verlof", "index": 0, "code": "periode_zonder_einde"}]}})
    return g


# ---------------------------------------------------------------- verlenging en loonsanctie
def verlenging() -> list[dict]:
    g = []
    D = date(2026, 1, 5)
    for v, l in ((13, 0), (0, 52), (13, 52), (0, 1), (26, 10), (52, 0)):
        t = zonder_onderbreking(D, v, l)
        g.append({"naam": f"Met {v} weken vrijwillige verlenging en {l} weken loonsanctie schuift de WIA-aanvraag "
                          f"{v} en de laatste loondoorbetalingsdag {v + l} weken op",
                  "uitleg": f"cs(728) = 2 jan 2028; laatste = + 7·({v}+{l}) dagen; wia = cs(728) + 7·{v} - 77.",
                  "invoer": {"ziek": [iso(D)], "vrijwillige_verlenging_weken": v, "loonsanctie_weken": l},
                  "verwacht": {"eerste_ziektedag": iso(D), "termijnen": t}})
    for veld, w, naam, code in (
            ("vrijwillige_verlenging_weken", 12, "Een vrijwillige verlenging van 12 weken", "weken_te_weinig"),
            ("vrijwillige_verlenging_weken", -13, "Een negatieve vrijwillige verlenging", "weken_negatief"),
            ("loonsanctie_weken", 53, "Een loonsanctie van 53 weken", "weken_te_veel"),
            ("loonsanctie_weken", -1, "Een negatieve loonsanctie", "weken_negatief"),
            ("loonsanctie_weken", "10", "Een loonsanctie als tekst in plaats van getal", "weken_geen_geheel_getal")):
        g.append({"naam": f"{naam} wordt geweigerd", "uitleg": "Minimaal 13 weken verlenging; loonsanctie 1-52.",
                  "invoer": {"ziek": ["2026-01-05"], veld: w}, **vorm(not isinstance(w, int) or w < 0),
                  "verwacht": {"fouten": [{"veld": veld, "index": None, "code": code}]}})
    return g


# ---------------------------------------------------------------- opgegeven datums en boete
def opgegeven() -> list[dict]:
    g = []
    g.append({"naam": "Met een probleemanalyse op 10 februari is het plan van aanpak uiterlijk 24 februari",
              "uitleg": "P + 14 dagen.", "invoer": {"ziek": ["2026-01-05"], "probleemanalyse_op": "2026-02-10"},
              "verwacht": {"eerste_ziektedag": "2026-01-05",
                           "termijnen": {**zonder_onderbreking(date(2026, 1, 5)), "plan_van_aanpak": "2026-02-24"},
                           "geen_signalen": ["probleemanalyse_te_laat"]}})
    g.append({"naam": "Een probleemanalyse een dag na week 6 geeft een waarschuwing en telt vanaf die dag",
              "uitleg": "cs(42) = 15 feb; P = 16 feb; plan = 2 mrt.",
              "invoer": {"ziek": ["2026-01-05"], "probleemanalyse_op": "2026-02-16"},
              "verwacht": {"eerste_ziektedag": "2026-01-05",
                           "termijnen": {**zonder_onderbreking(date(2026, 1, 5)), "plan_van_aanpak": "2026-03-02"},
                           "signalen": ["probleemanalyse_te_laat"]}})
    g.append({"naam": "Met een eerstejaarsevaluatie op 1 december start spoor 2 uiterlijk 12 januari",
              "uitleg": "E + 42 dagen = 12 jan 2027; E ligt in het venster 16 nov 2026 - 3 jan 2027.",
              "invoer": {"ziek": ["2026-01-05"], "eerstejaarsevaluatie_op": "2026-12-01"},
              "verwacht": {"eerste_ziektedag": "2026-01-05",
                           "termijnen": {**zonder_onderbreking(date(2026, 1, 5)), "start_spoor_2": "2027-01-12"},
                           "geen_signalen": ["eerstejaarsevaluatie_buiten_venster"]}})
    g.append({"naam": "Een eerstejaarsevaluatie na week 52 geeft een waarschuwing",
              "uitleg": "cs(364) = 3 jan 2027; E = 4 jan 2027; spoor 2 = E + 42 = 15 feb 2027.",
              "invoer": {"ziek": ["2026-01-05"], "eerstejaarsevaluatie_op": "2027-01-04"},
              "verwacht": {"eerste_ziektedag": "2026-01-05",
                           "termijnen": {**zonder_onderbreking(date(2026, 1, 5)), "start_spoor_2": "2027-02-15"},
                           "signalen": ["eerstejaarsevaluatie_buiten_venster"]}})
    # Boete: termijn ma 26 okt 2026 (D = 5 jan 2026). Banden 1-6: 70, 7-27: 230, vanaf 28: 455 (tabel 2017).
    for te_laat, bedrag in ((1, 70), (6, 70), (7, 230), (27, 230), (28, 455)):
        gemeld = date(2026, 10, 26) + te_laat * DAG
        g.append({"naam": f"Een 42e-weeksmelding {te_laat} dag{'en' if te_laat != 1 else ''} te laat valt in de "
                          f"boeteband van {bedrag} euro en verschuift geen datum",
                  "uitleg": f"Termijn 26 okt 2026; gemeld {gemeld}; band uit de boetetabel vanaf 1 apr 2017.",
                  "invoer": {"ziek": ["2026-01-05"], "ziekmelding_uwv_op": iso(gemeld)},
                  "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": zonder_onderbreking(date(2026, 1, 5)),
                               "signalen": ["ziekmelding_uwv_te_laat"], "melding_bevat": [f"€ {bedrag}"]}})
    g.append({"naam": "Een 42e-weeksmelding op de laatste dag is op tijd",
              "uitleg": "Gemeld op 26 okt 2026 = de termijn.",
              "invoer": {"ziek": ["2026-01-05"], "ziekmelding_uwv_op": "2026-10-26"},
              "verwacht": {"eerste_ziektedag": "2026-01-05", "termijnen": zonder_onderbreking(date(2026, 1, 5)),
                           "signalen": ["ziekmelding_uwv_op_tijd"], "geen_signalen": ["ziekmelding_uwv_te_laat"]}})
    D = date(2015, 1, 5)
    zm = eerste_werkdag_na(D + 293 * DAG)  # D + 294 = ma 26 okt 2015
    g.append({"naam": "Een te late 42e-weeksmelding van voor de boetetabel noemt geen bedrag",
              "uitleg": "D = 5 jan 2015; termijn ma 26 okt 2015; gemeld 2 nov 2015, vóór 1 apr 2017.",
              "invoer": {"ziek": [iso(D)], "ziekmelding_uwv_op": "2015-11-02"},
              "verwacht": {"eerste_ziektedag": iso(D), "termijnen": {**zonder_onderbreking(D), "ziekmelding_uwv": iso(zm)},
                           "signalen": ["ziekmelding_uwv_te_laat"],
                           "melding_bevat": ["geen boetebedrag"]}})
    g.append({"naam": "Een probleemanalyse voor de eerste ziektedag wordt geweigerd",
              "uitleg": "P < D.", "invoer": {"ziek": ["2026-01-05"], "probleemanalyse_op": "2026-01-04"},
              "verwacht": {"fouten": [{"veld": "probleemanalyse_op", "index": None,
                                       "code": "datum_voor_eerste_ziektedag"}]}})
    return g


# ---------------------------------------------------------------- peildatum
def peildatum() -> list[dict]:
    # Een gesloten laatste periode wordt doorgetrokken (de ziekte loopt door): cs(n) = D + n - 1 zonder onderbreking.
    D = date(2026, 1, 5)
    doorlopend = {"eerste_ziektedag": iso(D), "termijnen": zonder_onderbreking(D)}
    met_gat = {"eerste_ziektedag": iso(D),
               "termijnen": termijnen_uit(cs_met_stukken([(D, date(2026, 2, 1)), (date(2026, 2, 20), None)]))}
    met_verlof = {"eerste_ziektedag": iso(D),
                  "termijnen": termijnen_uit(cs_met_stukken([(D, date(2026, 3, 1)), (date(2026, 6, 22), None)]))}
    return [
        {"naam": "Een peildatum voor de eerste ziektedag geeft geen huidige ziekteweek",
         "uitleg": "peildatum 4 jan < D 5 jan.", "invoer": {"ziek": ["2026-01-05"], "peildatum": "2026-01-04"},
         "verwacht": {**doorlopend, "huidige_ziekteweek": None, "signalen": ["peildatum_voor_ziekte"]}},
        {"naam": "Een peildatum op de eerste ziektedag is ziekteweek 1",
         "uitleg": "dag 1.", "invoer": {"ziek": ["2026-01-05"], "peildatum": "2026-01-05"},
         "verwacht": {**doorlopend, "huidige_ziekteweek": 1}},
        {"naam": "Een peildatum in een korte onderbreking telt alleen de ziektedagen tot dan",
         "uitleg": "Ziek 5 jan-1 feb = 28 dagen (week 4); peildatum 10 feb in het herstel: week 4.",
         "invoer": {"ziek": ["2026-01-05/2026-02-01", "2026-02-20"], "peildatum": "2026-02-10"},
         "verwacht": {**met_gat, "huidige_ziekteweek": 4, "signalen": ["peildatum_hersteld"]}},
        {"naam": "Een peildatum 27 dagen na de laatste ziektedag hoort nog bij dezelfde telling",
         "uitleg": "Ziek 5 jan-1 feb (28 dagen, week 4), peildatum 28 feb = 27 dagen hersteld.",
         "invoer": {"ziek": ["2026-01-05/2026-02-01"], "peildatum": "2026-02-28"},
         "verwacht": {**doorlopend, "huidige_ziekteweek": 4, "signalen": ["peildatum_hersteld", "hersteld"]}},
        {"naam": "Een peildatum 28 dagen na de laatste ziektedag valt buiten de telling",
         "uitleg": "1 mrt = 28 dagen hersteld: de periode is voorbij.",
         "invoer": {"ziek": ["2026-01-05/2026-02-01"], "peildatum": "2026-03-01"},
         "verwacht": {**doorlopend, "huidige_ziekteweek": None, "signalen": ["tijdvak_voorbij"]}},
        {"naam": "Een peildatum tijdens het verlof telt de verlofdagen niet",
         "uitleg": "Ziek vanaf 5 jan, verlof vanaf 2 mrt; 1 mrt = dag 56 (week 8); peildatum 15 apr: nog week 8.",
         "invoer": {"ziek": ["2026-01-05"], "verlof": ["2026-03-02/2026-06-21"], "peildatum": "2026-04-15"},
         "verwacht": {**met_verlof, "huidige_ziekteweek": 8, "signalen": ["peildatum_verlof"]}},
    ]


# ---------------------------------------------------------------- de eerste ziektedag zelf
def eerste_ziektedag() -> list[dict]:
    """De eerste ziektedag op elke dag van de week, op een feestdag, op oudejaarsdag en op schrikkeldag."""
    g = []
    dagnamen = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
    maanden = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december")
    for n in range(7):  # ma 2 feb t/m zo 8 feb 2026: de dag na week 42 valt op ma 23 t/m zo 29 nov 2026
        D = date(2026, 2, 2) + n * DAG
        zm = eerste_werkdag_na(D + 293 * DAG)
        geschoven = zm != D + 294 * DAG
        g.append({"naam": f"Een eerste ziektedag op {dagnamen[D.weekday()]} {D.day} februari 2026 geeft een "
                          f"42e-weeksmelding uiterlijk op {dagnamen[zm.weekday()]} {zm.day} {maanden[zm.month - 1]}",
                  "uitleg": f"D + 294 = {D + 294 * DAG}, een {dagnamen[(D + 294 * DAG).weekday()]}"
                            f"{'; geen werkdag, dus de maandag erna' if geschoven else ', een werkdag'}.",
                  "invoer": {"ziek": [iso(D)]},
                  "verwacht": {"eerste_ziektedag": iso(D), "termijnen": zonder_onderbreking(D),
                               ("signalen" if geschoven else "geen_signalen"): ["ziekmelding_uwv_doorgeschoven"]}})
    for D, soort, uitleg in ((date(2026, 4, 6), "Tweede Paasdag", "dag 1 mag een feestdag zijn, alleen de "
                                                                  "42e-weeksmelding kijkt naar werkdagen"),
                             (date(2025, 12, 31), "oudejaarsdag", "de jaargrens verandert de telling niet"),
                             (date(2024, 2, 29), "schrikkeldag", "29 februari 2024 is zelf dag 1"),
                             (date(2028, 2, 29), "schrikkeldag", "29 februari 2028 is zelf dag 1")):
        g.append({"naam": f"Een eerste ziektedag op {D.day} {maanden[D.month - 1]} {D.year} ({soort}) "
                          f"telt gewoon als dag 1",
                  "uitleg": f"{uitleg}; cs(n) = D + n - 1.",
                  "invoer": {"ziek": [iso(D)]},
                  "verwacht": {"eerste_ziektedag": iso(D), "termijnen": zonder_onderbreking(D)}})
    return g


# ---------------------------------------------------------------- foute invoer en dekking
def fouten() -> list[dict]:
    # Het zesde veld: een vormfout, die het gepubliceerde verzoek.schema.json al weigert (zie vorm()). Het vijfde: de
    # code uit FOUT_CODES (calculators/README.md, "Foutcodes") die de fout moet dragen.
    rij = [
        ("Een datum die niet bestaat (30 februari) wordt geweigerd", {"ziek": ["2026-02-30"]}, "ziek", 0,
         "datum_bestaat_niet"),
        ("Een datum in de vorm dag-maand-jaar wordt geweigerd", {"ziek": ["5-1-2026"]}, "ziek", 0, "datum_vorm", True),
        ("Een lege datum wordt geweigerd", {"ziek": [""]}, "ziek", 0, "datum_leeg", True),
        ("Een einddatum voor de begindatum wordt geweigerd", {"ziek": ["2026-03-01/2026-02-01"]}, "ziek", 0,
         "periode_einde_voor_begin"),
        ("Twee overlappende ziekteperiodes worden geweigerd", {"ziek": ["2026-01-01/2026-03-01", "2026-02-01"]},
         "ziek", 1, "periode_overlapt"),
        ("Een open ziekteperiode die niet de laatste is wordt geweigerd", {"ziek": ["2026-01-01", "2026-05-01"]},
         "ziek", 0, "open_periode_niet_laatste"),
        ("Een eerste ziektedag op 31 december 2003 valt buiten de dekking", {"ziek": ["2003-12-31"]}, "ziek", 0,
         "niet_gedekt"),
        ("Een eerste ziektedag in 2099 valt buiten de dekking van de kalender", {"ziek": ["2099-06-01"]}, "ziek", 0,
         "niet_gedekt"),
        ("Zonder ziekteperiode is er niets te berekenen", {"ziek": []}, "ziek", None, "veld_ontbreekt", True),
        ("Een onbekend veld in het verzoek wordt gemeld", {"ziek": ["2026-01-05"], "zeik": 1}, "zeik", None,
         "veld_onbekend", True),
        ("Een peildatum in de vorm 2026/11/23 wordt geweigerd", {"ziek": ["2026-01-05"], "peildatum": "2026/11/23"},
         "peildatum", None, "datum_vorm", True),
        ("Ziekteperiodes als getal in plaats van lijst worden geweigerd", {"ziek": 20260105}, "ziek", None,
         "vorm_ongeldig", True),
        ("Een peildatum als getal in plaats van tekst wordt geweigerd", {"ziek": ["2026-01-05"], "peildatum": 20261123},
         "peildatum", None, "vorm_ongeldig", True),
        ("Een onbekende actie wordt geweigerd", {"actie": "rekenen", "ziek": ["2026-01-05"]}, "actie", None,
         "actie_onbekend", True),
        ("Een onbekende taal wordt in beide talen geweigerd", {"ziek": ["2026-01-05"], "taal": "de"}, "taal", None,
         "taal_onbekend", True),
    ]
    g = [{"naam": naam, "uitleg": "Issue 3 §5: foute invoer geeft een fout met het veld en de index.",
          "invoer": inv, **vorm(bool(rest)), "verwacht": {"fouten": [{"veld": veld, "index": idx, "code": code}]}}
         for naam, inv, veld, idx, code, *rest in rij]
    g.append({"naam": "Een eerste ziektedag op 1 januari 2004 valt precies binnen de dekking",
              "uitleg": "Eerste dag van de dekking; WIA-regels gelden pas vanaf 29 dec 2005: waarschuwing.",
              "invoer": {"ziek": ["2004-01-01"]},
              "verwacht": {"eerste_ziektedag": "2004-01-01", "signalen": ["regel_buiten_gegevens"]}})
    g.append({"naam": "Alle fouten in één verzoek worden samen gemeld",
              "uitleg": "Drie foute velden: ziek[0], ziek[1] en loonsanctie_weken.",
              "invoer": {"ziek": ["2026-02-30", "x"], "loonsanctie_weken": 60}, "vormfout": True,
              "verwacht": {"fouten": [{"veld": "ziek", "index": 0, "code": "datum_bestaat_niet"},
                                      {"veld": "ziek", "index": 1, "code": "datum_vorm"},
                                      {"veld": "loonsanctie_weken", "index": None, "code": "weken_te_veel"}]}})
    g.append({"naam": "Een verzoek dat een lijst is in plaats van een object wordt geweigerd",
              "uitleg": "Het verzoek als geheel is fout: veld en index zijn null.",
              "invoer": ["2026-01-05"], "vormfout": True,
              "verwacht": {"fouten": [{"veld": None, "index": None, "code": "verzoek_geen_object"}]}})
    # De beslishulp en de scenario's: hun fouten hebben geen index; bij de beslishulp noemt "sleutel" de vraag.
    spoor2 = {"actie": "spoor2", "peildatum": "2026-11-23"}
    for naam, antwoorden, sleutel, code, is_vorm in (
            ("De beslishulp weigert een antwoord dat niet bij de vraag hoort", {"oneens": "misschien"}, "oneens",
             "antwoord_onbekend", False),
            ("De beslishulp weigert een vraag die zij niet kent", {"bestaat_niet": "ja"}, "bestaat_niet",
             "vraag_onbekend", False),
            ("De beslishulp vraagt de eerste ziektedag bij een eerstejaarsevaluatie",
             {"eerstejaarsevaluatie_op": "2026-12-01"}, "eerste_ziektedag", "veld_ontbreekt", False),
            ("De beslishulp weigert een eerstejaarsevaluatie voor de eerste ziektedag",
             {"eerste_ziektedag": "2026-01-05", "eerstejaarsevaluatie_op": "2026-01-04"}, "eerstejaarsevaluatie_op",
             "datum_voor_eerste_ziektedag", False),
            ("De beslishulp weigert een eerste ziektedag op 30 februari", {"eerste_ziektedag": "2026-02-30"},
             "eerste_ziektedag", "datum_bestaat_niet", False)):
        g.append({"naam": naam, "uitleg": "De beslishulp controleert elk antwoord en elke datum.",
                  "invoer": {**spoor2, "antwoorden": antwoorden}, **vorm(is_vorm),
                  "verwacht": {"fouten": [{"veld": "antwoorden", "sleutel": sleutel, "code": code}]}})
    g.append({"naam": "De beslishulp zonder peildatum wordt geweigerd",
              "uitleg": "De beslishulp kent geen vandaag: de peildatum is verplicht.",
              "invoer": {"actie": "spoor2", "antwoorden": {}}, "vormfout": True,
              "verwacht": {"fouten": [{"veld": "peildatum", "code": "veld_ontbreekt"}]}})
    g.append({"naam": "De beslishulp in het Engels weigert een onbekend antwoord met dezelfde code als in het Nederlands",
              "uitleg": "Issue 13: de beslishulp spreekt ook Engels; de fout, het veld en de sleutel zijn in beide "
                        "talen gelijk, alleen de melding verschilt.",
              "invoer": {**spoor2, "antwoorden": {"oneens": "misschien"}, "taal": "en"},
              "verwacht": {"fouten": [{"veld": "antwoorden", "sleutel": "oneens", "code": "antwoord_onbekend"}]}})
    g.append({"naam": "De scenario's weigeren een weekloon dat geen bedrag is",
              "uitleg": "Het weekloon is een bedrag in euro, 0 of meer.",
              "invoer": {"actie": "scenario", "ziek": ["2026-01-05"], "weekloon": "-5"}, "vormfout": True,
              "verwacht": {"fouten": [{"veld": "weekloon", "code": "bedrag_ongeldig"}]}})
    return g


# ---------------------------------------------------------------- eerstvolgende stappen (issue 12 §2)
def wanneer(dagen: int) -> str:
    """De tekst bij een stap, zoals issue 12 §2 hem vraagt: "over N dagen", "vandaag", "N dagen geleden verlopen"."""
    woord = "dag" if abs(dagen) == 1 else "dagen"
    return "vandaag" if dagen == 0 else f"over {dagen} {woord}" if dagen > 0 else f"{-dagen} {woord} geleden verlopen"


def eerstvolgende() -> list[dict]:
    """Vooraan hooguit één verlopen stap die als gedaan op te geven is (probleemanalyse, ziekmelding bij UWV,
    eerstejaarsevaluatie) en niet is opgegeven, de laatst verlopen; dan de stappen vanaf de peildatum, samen drie."""
    D = date(2026, 1, 5)
    cs = lambda n: D + (n - 1) * DAG  # noqa: E731
    pa, pva = cs(42), cs(56)
    zm = eerste_werkdag_na(cs(294))  # cs(294) = zondag 25 okt 2026 -> maandag 26 okt
    ev = lambda n: pva + 42 * n * DAG  # noqa: E731  evaluaties elke zes weken na het plan van aanpak
    eje_vanaf = cs(316)

    def stap(tid: str, d: date, peil: date) -> list:
        dagen = (d - peil).days
        return [tid, iso(d), dagen, wanneer(dagen)]

    g = []
    for peil, zin in ((zm - DAG, "de dag voor"), (zm, "de dag van"), (zm + DAG, "de dag na")):
        verlopen = [stap("probleemanalyse", pa, peil)] if peil <= zm else [stap("ziekmelding_uwv", zm, peil)]
        komend = [stap(t, d, peil) for t, d in (("ziekmelding_uwv", zm), ("evaluatie_6", ev(6)),
                                                 ("eerstejaarsevaluatie_vanaf", eje_vanaf)) if d >= peil]
        g.append({"naam": f"Op {zin} de ziekmelding bij UWV staat die vooraan bij de eerstvolgende stappen",
                  "uitleg": f"D = {D}; ziekmelding = eerste werkdag na cs(294) = {zm}; peildatum {peil}. Verlopen en "
                            f"niet opgegeven: de laatst verlopen van probleemanalyse ({pa}) en ziekmelding.",
                  "invoer": {"ziek": [iso(D)], "peildatum": iso(peil)},
                  "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": (verlopen + komend)[:3]}})
    peil = zm + DAG
    g.append({"naam": "Een opgegeven ziekmelding bij UWV staat de dag erna niet meer bij de eerstvolgende stappen",
              "uitleg": f"Ziekmelding gedaan op {zm}; de probleemanalyse ({pa}) is nu de laatst verlopen open stap.",
              "invoer": {"ziek": [iso(D)], "peildatum": iso(peil), "ziekmelding_uwv_op": iso(zm)},
              "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": [stap("probleemanalyse", pa, peil), stap("evaluatie_6", ev(6), peil),
                                             stap("eerstejaarsevaluatie_vanaf", eje_vanaf, peil)]}})
    for peil, zin in ((pa - DAG, "de dag voor"), (pa, "de dag van"), (pa + DAG, "de dag na")):
        stappen = [stap("probleemanalyse", pa, peil), stap("plan_van_aanpak", pva, peil), stap("evaluatie_1", ev(1), peil)]
        g.append({"naam": f"Op {zin} de probleemanalyse is die de eerste van de eerstvolgende stappen",
                  "uitleg": f"D = {D}; probleemanalyse cs(42) = {pa}; plan van aanpak cs(56) = {pva}; eerste "
                            f"evaluatie {ev(1)}. Na de termijn: verlopen, want niet opgegeven.",
                  "invoer": {"ziek": [iso(D)], "peildatum": iso(peil)},
                  "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": stappen}})
    g.append({"naam": "Een opgegeven probleemanalyse staat na de termijn niet meer bij de eerstvolgende stappen",
              "uitleg": f"Probleemanalyse gedaan op {pa}; plan van aanpak dan {pa} + 14 dagen.",
              "invoer": {"ziek": [iso(D)], "peildatum": iso(pa + DAG), "probleemanalyse_op": iso(pa)},
              "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": [stap("plan_van_aanpak", pa + 14 * DAG, pa + DAG),
                                             stap("evaluatie_1", pa + 14 * DAG + 42 * DAG, pa + DAG),
                                             stap("evaluatie_2", pa + 14 * DAG + 84 * DAG, pa + DAG)]}})
    g.append({"naam": "Zonder peildatum zijn er geen eerstvolgende stappen",
              "uitleg": "Vooraan zetten kan alleen ten opzichte van een dag.",
              "invoer": {"ziek": [iso(D)]}, "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": []}})
    g.append({"naam": "Na een herstel van vier weken of langer zijn er geen eerstvolgende stappen",
              "uitleg": "Ziek 5 jan-1 feb, peildatum 1 jun: ruim 28 dagen hersteld, de termijnen vervallen.",
              "invoer": {"ziek": ["2026-01-05/2026-02-01"], "peildatum": "2026-06-01"},
              "verwacht": {"eerste_ziektedag": iso(D), "eerstvolgende": [], "signalen": ["tijdvak_voorbij"]}})
    return g


# ---------------------------------------------------------------- gedateerde regels
def regimes() -> list[dict]:
    return [
        {"naam": "Bij ziekte vanaf 2010 geldt nog de WIA-aanvraag in week 91",
         "uitleg": "D = 4 jan 2010; 13 weken voor het einde: cs(728) - 91 = D + 636 = 2 okt 2011 (voor 1 jul 2013).",
         "invoer": {"ziek": ["2010-01-04"]},
         "verwacht": {"eerste_ziektedag": "2010-01-04", "termijnen": {"wia_aanvraag": "2011-10-02"}, "ziekteweek": {"wia_aanvraag": 91},
                      "geen_signalen": ["regel_gewijzigd"]}},
        {"naam": "Bij ziekte vanaf begin 2012 valt de WIA-aanvraag na de wetswijziging: waarschuwing",
         "uitleg": "D = 2 jan 2012; week 91 eindigt D + 636 = 29 sep 2013, na 1 jul 2013: regel gewijzigd.",
         "invoer": {"ziek": ["2012-01-02"]},
         "verwacht": {"eerste_ziektedag": "2012-01-02", "termijnen": {"wia_aanvraag": "2013-09-29"}, "signalen": ["regel_gewijzigd"]}},
        {"naam": "Bij ziekte vanaf 2008 ontbreekt de 42e-weeksmelding in de gegevens: waarschuwing",
         "uitleg": "De regel begint in de gegevens veilig op 1 jan 2009.",
         "invoer": {"ziek": ["2008-01-07"]},
         "verwacht": {"eerste_ziektedag": "2008-01-07", "signalen": ["regel_buiten_gegevens"]}},
    ]


if __name__ == "__main__":
    alle = {"samentelling": samentelling(), "weekgrenzen": weekgrenzen(), "feestdagen": feestdagen(),
            "gelijkgestelde_dagen": gelijkgestelde_dagen(),
            "werkdagen": werkdagen(), "schrikkeljaren": schrikkeljaren(), "wazo": wazo(),
            "verlenging": verlenging(), "opgegeven_datums": opgegeven(), "peildatum": peildatum(),
            "eerstvolgende": eerstvolgende(), "fouten": fouten(), "regimes": regimes(),
            "eerste_ziektedag": eerste_ziektedag()}
    namen = [c["naam"] for g in alle.values() for c in g]
    assert len(namen) == len(set(namen)), "dubbele naam"
    for naam, gevallen in alle.items():
        schrijf(naam, gevallen)
    print(f"{len(namen)} gevallen in {len(alle)} bestanden")
