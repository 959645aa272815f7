"""Kalender: getelde ziektedagen, samentelling, WAZO-verlof en werkdagen volgens de Algemene termijnenwet.

Telling (issue 3 §3, feiten §0): dag 1 = de eerste ziektedag D van het huidige tijdvak; ``cs(n)`` is de
kalenderdatum van de n-de getelde ziektedag. Herstelde dagen tussen twee periodes tellen niet mee; is die
onderbreking 28 dagen of langer (regel ``samentelling``), dan begint een nieuw tijdvak. Dagen met WAZO-verlof tellen
niet als ziektedag en ook niet als dag van de onderbreking (WIA art. 23 lid 3).

Alles rekent met ordinale dagnummers (``date.toordinal``): snel, en lineair in het aantal periodes.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from .regels import Regelset, laad_regels

ONEINDIG = date.max.toordinal()


class NietGedekt(ValueError):
    """Een datum valt buiten wat de regelgegevens dekken (regel ``dekking``)."""


# ---------------------------------------------------------------- feestdagen (Atw art. 3)


def pasen(jaar: int) -> date:
    """Eerste Paasdag in de Gregoriaanse kalender (anonieme algoritme van Meeus/Jones/Butcher)."""
    a = jaar % 19
    b, c = divmod(jaar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    maand, dag = divmod(h + l - 7 * m + 114, 31)
    return date(jaar, maand, dag + 1)


def dekking(regels: Regelset | None = None) -> tuple[date, date, date]:
    """(eerste_ziektedag_vanaf, kalender_vanaf, kalender_tot) uit de regel ``dekking``."""
    rs = regels or laad_regels()
    w = rs["dekking"].nieuwste.velden
    return w["eerste_ziektedag_vanaf"], w["kalender_vanaf"], w["kalender_tot"]


@functools.cache
def _feestdagen(jaar: int, regels: Regelset) -> dict[int, str]:
    _, vanaf, tot = dekking(regels)
    if not vanaf.year <= jaar <= tot.year:
        raise NietGedekt(f"De feestdagen van {jaar} staan niet in de regelgegevens (gedekt: {vanaf.year} tot en met "
                         f"{tot.year}).")
    peil = date(jaar, 1, 1)
    uit: dict[int, str] = {}
    atw = regels["atw_feestdagen"].waarde_op(peil)
    if atw is None:
        raise NietGedekt(f"Voor {jaar} staan geen feestdagen in de regelgegevens.")
    for v in atw.velden["vaste_dagen"]:
        uit[date(jaar, v["maand"], v["dag"]).toordinal()] = v["naam"]
    p = pasen(jaar).toordinal()
    for v in atw.velden["paasdagen"]:
        uit[p + v["dagen_na_pasen"]] = v["naam"]
    kd = regels["koningsdag"].waarde_op(peil)
    if kd is not None:
        k = date(jaar, kd.velden["maand"], kd.velden["dag"])
        if k.weekday() == 6:  # zondag: de Atw volgt de dag waarop de verjaardag wordt gevierd
            k += timedelta(days=kd.velden["dagen_verschuiving_bij_zondag"])
        uit[k.toordinal()] = kd.velden["naam"]
    for d in gelijkgestelde_dagen(jaar, regels):
        uit.setdefault(d.toordinal(), GELIJKGESTELD)
    return uit


# ---------------------------------------------------------------- gelijkgestelde dagen (Atw art. 3 lid 3)

#: Regels met dit voorvoegsel zijn besluiten die dagen gelijkstellen met een feestdag (regels/gelijkstelling.toml).
BESLUIT_GELIJKSTELLING = "besluit_gelijkstelling_"
#: Zo heet een gelijkgestelde dag in een melding, bijvoorbeeld "vrijdag 2 januari 2026 (...)".
GELIJKGESTELD = "bij besluit gelijkgesteld met een feestdag"


class Gelijkstelling(NamedTuple):
    """Eén besluit: de periode die het bestrijkt (ordinals, inclusief), of we al zijn dagen kennen, en de dagen."""

    regel: str
    vanaf: int
    tot: int
    volledig: bool
    dagen: tuple[date, ...]


@functools.cache
def gelijkstellingen(regels: Regelset) -> tuple[Gelijkstelling, ...]:
    """De besluiten op grond van Atw art. 3 lid 3 in de regelgegevens, oplopend op periode."""
    uit = []
    for rid, r in regels.regels.items():
        if rid.startswith(BESLUIT_GELIJKSTELLING):
            for w in r.waarden:
                tot = w.tot or w.vanaf  # een besluit zonder 'tot' bestrijkt alleen zijn eigen dagen
                uit.append(Gelijkstelling(rid, w.vanaf.toordinal(), tot.toordinal(), bool(w.velden["volledig"]),
                                          tuple(w.velden["dagen"])))
    return tuple(sorted(uit, key=lambda g: g.vanaf))


def gelijkgestelde_dagen(jaar: int, regels: Regelset | None = None) -> list[date]:
    """De dagen in ``jaar`` die een besluit (Atw art. 3 lid 3) met een algemeen erkende feestdag gelijkstelt."""
    return sorted(d for g in gelijkstellingen(regels or laad_regels()) for d in g.dagen if d.year == jaar)


def gelijkstelling_onzeker(o: int, regels: Regelset) -> str | None:
    """Waarom de gelijkgestelde dagen rond ordinal ``o`` niet vaststaan, of ``None`` als een volledig bekend besluit
    die dag bestrijkt: ``"na_laatste_besluit"`` (er kan nog een besluit komen) of ``"niet_volledig"`` (een besluit
    voor die periode staat niet, of niet helemaal, in de regelgegevens)."""
    besluiten = gelijkstellingen(regels)
    if besluiten and o > _laatste_tot(regels):
        return "na_laatste_besluit"
    if any(g.vanaf <= o <= g.tot and g.volledig for g in besluiten):
        return None
    return "niet_volledig"


@functools.cache
def _laatste_tot(regels: Regelset) -> int:
    return max((g.tot for g in gelijkstellingen(regels)), default=0)


def laatste_gelijkstelling(regels: Regelset | None = None) -> date | None:
    """De laatste dag die een besluit gelijkstelling bestrijkt (``None`` zonder besluiten)."""
    tot = _laatste_tot(regels or laad_regels())
    return date.fromordinal(tot) if tot else None


def feestdagen(jaar: int, regels: Regelset | None = None) -> dict[date, str]:
    """De algemeen erkende feestdagen van de Atw in ``jaar``: art. 3 lid 1 en 2, plus de dagen die een besluit op
    grond van lid 3 ermee gelijkstelt (naam :data:`GELIJKGESTELD`; zie :func:`gelijkgestelde_dagen`)."""
    return {date.fromordinal(o): n for o, n in sorted(_feestdagen(jaar, regels or laad_regels()).items())}


@functools.cache
def feestdag_ordinals(regels: Regelset) -> tuple[int, int, frozenset[int]]:
    """(eerste, laatste, feestdagen) als ordinals over de hele kalender in de regelgegevens, één keer per Regelset.

    Zo kost een werkdagvraag één verzameling-opzoeking in plaats van een datum plus een cache-opzoeking per jaar.
    Lukt het voor een jaar niet (geen feestdagen in de gegevens), dan geen snelle weg: ``_feestdagen`` geeft dan per
    dag dezelfde fout als voorheen.
    """
    _, vanaf, tot = dekking(regels)
    alle: set[int] = set()
    try:
        for jaar in range(vanaf.year, tot.year + 1):
            alle.update(_feestdagen(jaar, regels))
    except NietGedekt:
        return 1, 0, frozenset()
    return date(vanaf.year, 1, 1).toordinal(), date(tot.year, 12, 31).toordinal(), frozenset(alle)


def is_werkdag_ord(o: int, regels: Regelset) -> bool:
    # date(1, 1, 1) heeft ordinal 1 en is een maandag, dus (o - 1) % 7 is de weekdag (0 = maandag).
    if (o - 1) % 7 >= 5:
        return False
    eerste, laatste, feest = feestdag_ordinals(regels)
    if eerste <= o <= laatste:
        return o not in feest
    return o not in _feestdagen(date.fromordinal(o).year, regels)  # buiten de kalender: werpt NietGedekt


def is_werkdag(d: date, regels: Regelset | None = None) -> bool:
    """Geen zaterdag, zondag of Atw-feestdag (Atw art. 1 lid 1 en art. 3)."""
    return is_werkdag_ord(d.toordinal(), regels or laad_regels())


def werkdag_op_of_na(d: date, regels: Regelset | None = None) -> date:
    rs = regels or laad_regels()
    o = d.toordinal()
    while not is_werkdag_ord(o, rs):
        o += 1
    return date.fromordinal(o)


def werkdag_op_of_voor(d: date, regels: Regelset | None = None) -> date:
    rs = regels or laad_regels()
    o = d.toordinal()
    while not is_werkdag_ord(o, rs):
        o -= 1
    return date.fromordinal(o)


def feestdag_naam(d: date, regels: Regelset | None = None) -> str | None:
    return _feestdagen(d.year, regels or laad_regels()).get(d.toordinal())


# ---------------------------------------------------------------- telling


class Periode(NamedTuple):
    """Een ziekteperiode. Een NamedTuple (onveranderlijk zoals de frozen dataclass die het was), omdat het contract er
    bij elk verzoek één per periode maakt en een tuple veel sneller gemaakt wordt."""

    begin: int          # ordinal
    einde: int | None   # ordinal, None = open
    index: int          # plaats in de invoer (voor foutmeldingen)


@dataclass
class Telling:
    """De getelde ziektedagen van het huidige tijdvak als aaneengesloten stukken.

    ``begins[i]..eindes[i]`` (ordinals, inclusief) zijn getelde dagen; ``voor[i]`` = aantal getelde dagen vóór stuk i.
    Het laatste stuk loopt altijd door (open periode, of een gesloten periode die we doortrekken: ``laatste_echte``
    is dan de laatste echte ziektedag). Verlofdagen die in het doorgetrokken deel vallen, tellen ook in
    ``verlofdagen``.
    """

    begins: list[int]
    eindes: list[int]
    voor: list[int]
    laatste_echte: int | None   # None als de laatste periode open is
    tijdvak_index: int          # index (gesorteerd) van de eerste periode van dit tijdvak
    eerdere_tijdvakken: int
    onderbrekingen: list[tuple[int, int, int]]   # (eerste hersteldag, laatste hersteldag, herstelde dagen) binnen tijdvak
    verlofdagen: int            # verlofdagen binnen het tijdvak (in ziekteperiodes en onderbrekingen; tellen niet)
    vorige_einde: int | None    # laatste ziektedag van het vorige tijdvak

    @property
    def eerste_dag(self) -> int:
        return self.begins[0]

    def cs(self, n: int) -> int:
        """Ordinal van de n-de getelde ziektedag (n ≥ 1)."""
        i = bisect_right(self.voor, n - 1) - 1
        return self.begins[i] + (n - 1 - self.voor[i])

    def geteld_tot_en_met(self, o: int, doortrekken: bool = True) -> int:
        """Aantal getelde ziektedagen op of vóór ordinal ``o``; zonder ``doortrekken`` alleen echte ziektedagen."""
        if not doortrekken and self.laatste_echte is not None and o > self.laatste_echte:
            o = self.laatste_echte
        i = bisect_right(self.begins, o) - 1
        if i < 0:
            return 0
        return self.voor[i] + min(o, self.eindes[i]) - self.begins[i] + 1


def verlof_in(verlof: list[tuple[int, int]], j: int, lo: int, hi: int) -> tuple[int, int]:
    """Aantal verlofdagen in [lo, hi]; ``j`` = eerste verlof dat nog kan overlappen (schuift alleen vooruit)."""
    while j < len(verlof) and verlof[j][1] < lo:
        j += 1
    n = 0
    k = j
    while k < len(verlof) and verlof[k][0] <= hi:
        n += min(hi, verlof[k][1]) - max(lo, verlof[k][0]) + 1
        k += 1
    return n, j


def maak_telling(perioden: list[Periode], verlof: list[tuple[int, int]], onderbreking_dagen: int) -> Telling:
    """Bouw de telling. ``perioden`` gesorteerd, niet overlappend, alleen de laatste open;
    ``verlof`` gesorteerd en niet overlappend. Lineair in het aantal periodes en verlofperiodes."""
    if not verlof:
        return _telling_zonder_verlof(perioden, onderbreking_dagen)
    # 1. Het huidige tijdvak begint na de laatste onderbreking van ten minste ``onderbreking_dagen`` herstelde dagen.
    start = 0
    onderbrekingen: list[tuple[int, int, int]] = []
    verlof_in_onderbrekingen = 0
    j = 0
    for i in range(1, len(perioden)):
        lo, hi = perioden[i - 1][1] + 1, perioden[i][0] - 1  # einde + 1, begin - 1 (index: sneller dan de naam)
        if hi < lo:
            continue
        v, j = verlof_in(verlof, j, lo, hi) if verlof else (0, 0)  # zonder verlof (de gewone weg) geen aanroep
        hersteld = hi - lo + 1 - v
        if hersteld >= onderbreking_dagen:
            start = i
            onderbrekingen = []
            verlof_in_onderbrekingen = 0
        else:
            verlof_in_onderbrekingen += v
            if hersteld > 0:
                onderbrekingen.append((lo, hi, hersteld))
    # 2. De getelde stukken: ziektedagen van het tijdvak zonder verlofdagen.
    begins: list[int] = []
    eindes: list[int] = []
    voor: list[int] = []
    totaal = 0
    verlofdagen = verlof_in_onderbrekingen
    j = 0
    laatste = perioden[-1]
    for p in perioden[start:]:
        b = p.begin
        # De laatste periode loopt altijd door: open, of gesloten en doorgetrokken alsof de ziekte doorloopt
        # (signaal "hersteld"). Verlof na het einde telt ook in dat doorgetrokken deel niet mee.
        e = ONEINDIG if p is laatste else p.einde
        while j < len(verlof) and verlof[j][1] < b:
            j += 1
        k = j
        while k < len(verlof) and verlof[k][0] <= e:
            vb, ve = verlof[k]
            if vb > b:
                begins.append(b); eindes.append(vb - 1); voor.append(totaal)
                totaal += vb - b
            verlofdagen += min(e, ve) - max(b, vb) + 1
            b = ve + 1
            if ve >= e:
                break
            k += 1
        if b <= e:
            begins.append(b); eindes.append(e); voor.append(totaal)
            totaal += e - b + 1
    if not begins:
        raise ValueError("geen getelde ziektedag")  # de invoercontrole voorkomt dit
    return Telling(begins, eindes, voor, laatste.einde, start, _tel_tijdvakken(perioden, start, verlof,
                                                                                 onderbreking_dagen),
                   onderbrekingen, verlofdagen, perioden[start - 1].einde if start > 0 else None)


def _telling_zonder_verlof(perioden: list[Periode], onderbreking_dagen: int) -> Telling:
    """:func:`maak_telling` zonder verlof (de gewone weg), in één lus (issue 14, P7): elke periode is dan één
    getelde stuk, een onderbreking telt al haar dagen als hersteld, en een onderbreking van ten minste
    ``onderbreking_dagen`` begint een nieuw tijdvak (de stukken en onderbrekingen tot dan vervallen). Dezelfde Telling
    als de lus met verlof."""
    p = perioden[0]  # per index: sneller dan de naam
    begins, eindes, voor = [p[0]], [], [0]
    onderbrekingen: list[tuple[int, int, int]] = []
    totaal = start = tijdvakken = 0
    vorige_einde = p[1]  # het einde van de vorige periode (alleen de laatste periode kan open zijn)
    for i in range(1, len(perioden)):
        p = perioden[i]
        b = p[0]
        hersteld = b - vorige_einde - 1
        if hersteld >= onderbreking_dagen:
            start, tijdvakken, totaal = i, tijdvakken + 1, 0
            begins, eindes, voor, onderbrekingen = [b], [], [0], []
        else:
            if hersteld > 0:
                onderbrekingen.append((vorige_einde + 1, b - 1, hersteld))
            # Het vorige stuk sluiten en dit beginnen.
            eindes.append(vorige_einde)
            totaal += vorige_einde - begins[-1] + 1
            begins.append(b)
            voor.append(totaal)
        vorige_einde = p[1]
    eindes.append(ONEINDIG)  # het laatste stuk loopt altijd door
    return Telling(begins, eindes, voor, vorige_einde, start, tijdvakken, onderbrekingen, 0,
                   perioden[start - 1][1] if start > 0 else None)


def _tel_tijdvakken(perioden: list[Periode], start: int, verlof, onderbreking_dagen: int) -> int:
    if start == 0:
        return 0
    n = 0
    j = 0
    for i in range(1, start + 1):
        lo, hi = perioden[i - 1].einde + 1, perioden[i].begin - 1
        if hi < lo:
            continue
        v, j = verlof_in(verlof, j, lo, hi)
        if hi - lo + 1 - v >= onderbreking_dagen:
            n += 1
    return n
