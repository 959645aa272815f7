"""De termijnen van de Wet verbetering poortwachter, uit de telling en de gedateerde regels.

De tabel in issue 3 §3 is het contract; de getallen (weken, dagen) komen uit ``regels/*.toml``:
``probleemanalyse`` = cs(7·6), ``plan_van_aanpak`` = cs(7·8) of P + 14, ``ziekmelding_uwv`` = eerste werkdag na
cs(7·42), ``eerstejaarsevaluatie_vanaf`` = cs(7·45 + 1), ``eerstejaarsevaluatie`` = cs(7·52), ``start_spoor_2`` =
cs(7·58) of E + 42, ``laatste_loondoorbetalingsdag`` = cs(7·104) + 7·(verlenging + loonsanctie), ``wia_aanvraag`` =
cs(7·104) + 7·verlenging − 7·11, ``vervroegde_iva_vanaf`` = cs(7·3 + 1), ``vervroegde_iva_uiterlijk`` = cs(7·68).
Teruggerekende termijnen (WIA-aanvraag, eindevaluatie) schuiven nooit naar een werkdag; valt er een op een
niet-werkdag, dan volgt een signaal.
"""

from __future__ import annotations

import functools
import json
from json.encoder import encode_basestring as _tekst_json
from bisect import bisect_left, bisect_right
from itertools import repeat
from operator import itemgetter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .berichten import Bericht, Tweetalig, b, bericht, catalogus, datum_tekst
from .datums import datum_nl, plus_maanden
from .kalender import (ONEINDIG, NietGedekt, Periode, Telling, dekking, feestdag_naam, feestdag_ordinals,
                       gelijkstelling_onzeker, is_werkdag_ord, laatste_gelijkstelling, maak_telling, verlof_in)
from .regels import Regel, Regelset, Waarde, laad_regels

# Volgorde bij gelijke datum: de volgorde waarin het proces loopt.
VOLGORDE = ("vervroegde_iva_vanaf", "probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv",
            "eerstejaarsevaluatie_vanaf", "eerstejaarsevaluatie", "start_spoor_2", "vervroegde_iva_uiterlijk",
            "uwv_wia_brief", "eindevaluatie", "wia_aanvraag", "laatste_loondoorbetalingsdag", "einde_wachttijd")
VERPLICHTE_IDS = ("probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie_vanaf",
                  "eerstejaarsevaluatie", "start_spoor_2", "wia_aanvraag", "laatste_loondoorbetalingsdag",
                  "vervroegde_iva_vanaf", "vervroegde_iva_uiterlijk")
# Een verlopen stap kan de lezer als gedaan opgeven met dit veld van het verzoek (contract.OPTIES). Alleen voor deze
# stappen weet de rekenkern of ze gedaan zijn; zie eerstvolgende().
GEDAAN_VELD = {"probleemanalyse": "probleemanalyse_op", "ziekmelding_uwv": "ziekmelding_uwv_op",
               "eerstejaarsevaluatie": "eerstejaarsevaluatie_op"}
# Hoeveel stappen het antwoord vooraan zet (issue 12 §2: "the next one to three deadlines"): een keuze van de
# weergave, geen wettelijke waarde.
EERSTVOLGENDE_AANTAL = 3
_DAGNAMEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


class EersteDagNietGedekt(NietGedekt):
    """De eerste ziektedag ligt vóór wat de regelgegevens dekken."""

    def __init__(self, eerste_dag: date, vanaf: date):
        self.eerste_dag, self.vanaf = eerste_dag, vanaf
        super().__init__(eerste_dag.isoformat())


class InvoerFout(ValueError):
    """Een of meer fouten in de vorm van het contract: ``[{"veld", "index", "optie", "melding", "code"}]``."""

    def __init__(self, fouten: list[dict[str, Any]]):
        self.fouten = fouten
        super().__init__("; ".join(f["melding"] for f in fouten))


@dataclass
class Invoer:
    perioden: list[Periode]             # gesorteerd op begin
    verlof: list[tuple[int, int]]       # gesorteerd, ordinals
    probleemanalyse_op: date | None = None
    eerstejaarsevaluatie_op: date | None = None
    ziekmelding_uwv_op: date | None = None
    vrijwillige_verlenging_weken: int = 0
    loonsanctie_weken: int = 0
    peildatum: date | None = None


@functools.cache
def _tekst(regel: Regel, termijn_id: str, waarde: Waarde, taal: str = "nl") -> str:
    # evaluatie_1, evaluatie_2, ... delen de tekst van "evaluatie". Engels: termijnen_en (regels.py eist die).
    teksten, omschrijving = (regel.termijnen, regel.omschrijving) if taal == "nl" else \
        (regel.termijnen_en, regel.omschrijving_en)
    sjabloon = teksten.get(termijn_id) or teksten.get(termijn_id.rstrip("0123456789").rstrip("_"))
    return sjabloon.format(**waarde.velden) if sjabloon else omschrijving


def _naam(regel: Regel) -> Tweetalig:
    """De omschrijving van een regel als parameter van een signaal, in beide talen."""
    return Tweetalig(regel.omschrijving, regel.omschrijving_en or regel.omschrijving)


def _rol(regel: Regel, taal: str) -> str:
    return regel.rol if taal == "nl" else bericht("rol." + regel.rol.replace(" ", "_"), taal)


@functools.cache
def _bronnen(regel: Regel) -> list[dict[str, str]]:
    return [{"titel": b["titel"], "url": b["url"]} for b in regel.bronnen]


_ISO: dict[int, str] = {}
_NL: dict[int, str] = {}


def _iso(o: int) -> str:
    # Begrensd door de kalender in de regelgegevens (hooguit enkele tienduizenden dagen).
    t = _ISO.get(o)
    if t is None:
        t = _ISO[o] = date.fromordinal(o).isoformat()
    return t


def _datum_tekst(o: int, taal: str) -> str:
    return datum_tekst(date.fromordinal(o), taal)


def _dagwoord(n: int) -> Bericht:
    return _DAG if n == 1 else _DAGEN


# Vaste berichten zonder parameters (een Bericht is onveranderlijk): één exemplaar in plaats van één per berekening.
_DAG, _DAGEN = b("woord.dag"), b("woord.dagen")
_WAT_ZIEKMELDING_UWV, _WAT_WIA_AANVRAAG, _WAT_EINDEVALUATIE = \
    b("wat.ziekmelding_uwv"), b("wat.wia_aanvraag"), b("wat.eindevaluatie")


def _nl(o: int) -> str:
    t = _NL.get(o)
    if t is None:
        t = _NL[o] = datum_nl(date.fromordinal(o))
    return t


_VOLGORDE = {tid: i for i, tid in enumerate(VOLGORDE)}
# Het aantal herstelde dagen van een onderbreking (eerste, laatste, herstelde dagen) in Telling.onderbrekingen.
_HERSTELDE_DAGEN = itemgetter(2)
_ACHTERAAN = len(VOLGORDE)
# Sorteren op de dag alleen (ints vergelijken, geen tuples; issue 14, P7). Bij gelijke dag beslist de volgorde in de
# lijst, want sort is stabiel: bereken() zet elke termijn uit VOLGORDE op zijn eigen plaats (_Rekenaar.voeg_toe) en
# de evaluaties (_ACHTERAAN) daarna.
_OP_DAG = itemgetter(0)
# evaluatie_0, evaluatie_1, ...: groeit alleen als er meer evaluaties nodig zijn; begrensd door de kalender.
_EVALUATIE_IDS = [f"evaluatie_{n}" for n in range(64)]


@functools.cache
def _vast_json(regel: Regel, termijn_id: str, waarde: Waarde, soort: str) -> str:
    """Het deel van een termijn dat alleen van de regel afhangt, als kant-en-klare JSON (snelle weg van het contract)."""
    return json.dumps({"omschrijving": _tekst(regel, termijn_id, waarde), "rol": regel.rol,
                       "bronnen": _bronnen(regel), "toelichting": regel.toelichting, "regel": regel.id,
                       "soort": soort}, ensure_ascii=False, separators=(",", ":"))[1:-1]


@dataclass(frozen=True, slots=True, eq=False)
class Vorm:
    """Alles van een termijn wat niet van de invoer afhangt, maar alleen van de regelwaarde die gold op de eerste
    ziektedag: id, regel, waarde, soort, de plaats bij gelijke datum, en de vaste stukken van zijn JSON-object.

    Eén exemplaar per (Regelset, interval tussen twee regelgrenzen, termijn-id), gemaakt bij het eerste gebruik
    (:meth:`_Rekenaar.vorm`); een berekening zet er alleen nog de datum naast (issue 14, P7). Omdat het interval in de
    sleutel zit, hoort een Vorm altijd bij de waarden die op de eerste ziektedag golden, nooit bij een ander gedateerd
    item. Met ``slots`` (geen NamedTuple): het lezen van een veld is dan in de interpreter het snelst.
    """

    tid: str
    regel: Regel
    waarde: Waarde
    soort: str
    volgorde: int
    #: ``{"id":"…",`` vóór de datumvelden
    kop: str
    #: ``,<vaste velden>,"doorgeschoven_van":`` voor een termijn die wel doorschoof (de datum komt erachter)
    midden: str
    #: ``,<vaste velden>,"doorgeschoven_van":null},`` voor de gewone termijn: één stuk minder in de lijst
    staart: str
    #: Het stuk van een item in ``eerstvolgende`` na de ziekteweek tot en met ``"dagen":`` (zie _eerstvolgende_json)
    ev_midden: str
    #: Het einde van een verlopen item in ``eerstvolgende``: het gedaan-veld (GEDAAN_VELD of null) en ``},``
    ev_gedaan: str
    #: Per ziekteweek (-1: geen) de week als tekst plus ``staart``: één stuk per gewone termijn in als_json. Gevuld bij
    #: het eerste gebruik (:meth:`staart_bij`); begrensd door het aantal weken in de kalender.
    staarten: dict[int, str] = field(default_factory=dict)

    #: Net zo de week plus ``ev_midden`` voor een item in ``eerstvolgende`` (:meth:`ev_midden_bij`).
    ev_middens: dict[int, str] = field(default_factory=dict)

    def staart_bij(self, week: int) -> str:
        s = self.staarten[week] = f'{"null" if week < 0 else week}{self.staart}'
        return s

    def ev_midden_bij(self, week: int) -> str:
        s = self.ev_middens[week] = f'{"null" if week < 0 else week}{self.ev_midden}'
        return s


def _maak_vorm(tid: str, r: Regel, w: Waarde, soort: str) -> Vorm:
    midden = f',{_vast_json(r, tid, w, soort)},"doorgeschoven_van":'
    veld = GEDAAN_VELD.get(tid)
    return Vorm(tid, r, w, soort, _VOLGORDE.get(tid, _ACHTERAAN), f'{{"id":{_tekst_json(tid)},', midden,
                f'{midden}null}},', f',"omschrijving":{_tekst_json(_tekst(r, tid, w))},"rol":{_tekst_json(r.rol)},'
                                    f'"soort":{_tekst_json(soort)},"dagen":',
                f'{"null" if veld is None else _tekst_json(veld)}}},')


@dataclass
class Uitkomst:
    """Het resultaat zonder tekstwerk: termijnen als ``(ordinal, Vorm, doorgeschoven_van)`` (gesorteerd op dag en
    daarbinnen op VOLGORDE), signalen als
    ``(code, niveau, termijn, melding, json)`` (melding als :class:`Bericht`, nog zonder taal; ``json`` het
    Nederlandse JSON-object of ``None`` als het nog gemaakt moet worden).

    ``als_dict`` en ``als_json`` maken er het contract van; ``als_json`` bouwt de tekst uit vooraf gemaakte stukken,
    zodat duizenden berekeningen per seconde kunnen (issue 3 §7). Beide geven dezelfde inhoud (getest).
    """

    eerste_dag: int
    termijnen: list[tuple]
    signalen_ruw: list[tuple]
    huidige_ziekteweek: int | None
    regels: Regelset
    telling: Telling
    #: De stappen die de lezer eerst aangaan (eerstvolgende()): (termijn-tuple, dagen tot de termijn).
    eerstvolgende_ruw: list[tuple[tuple, int]] = field(default_factory=list)

    @property
    def signalen(self) -> list[dict[str, Any]]:
        """De signalen zoals het contract ze in het Nederlands geeft."""
        return [{"code": c, "niveau": n, "melding": m.tekst("nl"), "termijn": t} for c, n, t, m, _ in self.signalen_ruw]

    def week(self, o: int) -> int | None:
        t = self.telling
        if len(t.begins) == 1:  # één doorlopend stuk: dag k = o - D + 1
            return (o - t.begins[0]) // 7 + 1 if o >= t.begins[0] else None
        k = t.geteld_tot_en_met(o)
        return (k + 6) // 7 if k > 0 else None

    def als_dict(self, taal: str = "nl") -> dict[str, Any]:
        """Het antwoord van het contract; ``taal`` kiest de taal van de teksten (:mod:`poortwachter.berichten`)."""
        rs = self.regels
        tekst = _nl if taal == "nl" else functools.partial(_datum_tekst, taal=taal)
        return {
            "eerste_ziektedag": _iso(self.eerste_dag),
            "regels": {"versie": rs.versie, "laatst_gecontroleerd": rs.laatst_gecontroleerd.isoformat()},
            "termijnen": [{
                "id": v.tid, "datum": _iso(o), "datum_tekst": tekst(o), "ziekteweek": self.week(o),
                "omschrijving": _tekst(v.regel, v.tid, v.waarde, taal), "rol": _rol(v.regel, taal),
                "bronnen": _bronnen(v.regel),
                "toelichting": v.regel.toelichting if taal == "nl" else v.regel.toelichting_en, "regel": v.regel.id,
                "soort": v.soort, "doorgeschoven_van": None if dv is None else _iso(dv),
            } for o, v, dv in self.termijnen],
            "signalen": [{"code": c, "niveau": n, "melding": m.tekst(taal), "termijn": t}
                         for c, n, t, m, _ in self.signalen_ruw],
            "huidige_ziekteweek": self.huidige_ziekteweek,
            "eerstvolgende": self.eerstvolgende(taal),
        }

    def eerstvolgende(self, taal: str = "nl") -> list[dict[str, Any]]:
        """De stappen die de lezer eerst aangaan, met hun teksten in ``taal`` (zie _Rekenaar.eerstvolgende)."""
        tekst = _nl if taal == "nl" else functools.partial(_datum_tekst, taal=taal)
        uit = []
        for (o, v, _), dagen in self.eerstvolgende_ruw:
            sleutel = _eerstvolgende_sleutel(dagen)
            uit.append({"id": v.tid, "datum": _iso(o), "datum_tekst": tekst(o), "ziekteweek": self.week(o),
                        "omschrijving": _tekst(v.regel, v.tid, v.waarde, taal), "rol": _rol(v.regel, taal),
                        "soort": v.soort, "dagen": dagen, "tekst": bericht(sleutel, taal, n=abs(dagen)),
                        "gedaan_veld": GEDAAN_VELD.get(v.tid) if dagen < 0 else None})
        return uit

    def _eerstvolgende_delen(self, delen: list[str]) -> None:
        """Zet de items van ``eerstvolgende`` achter ``delen`` (zonder de haken): samen
        ``json.dumps(self.eerstvolgende(), ensure_ascii=False, separators=(",", ":"))``, byte voor byte, uit dezelfde
        vooraf gemaakte stukken als de termijnen (issue 14, P7): per Vorm de vaste velden (met de week ervoor) en het
        gedaan-veld, per dag de datumteksten, per aantal dagen de tekst "over N dagen". Sleutels in dezelfde volgorde als
        eerstvolgende(). Alleen vanuit als_json, dat de lijst met datumteksten lang genoeg maakte."""
        t = self.telling
        # Ziekteweek als in week(), zonder aanroep (zie als_json).
        laatste_begin = t.begins[-1]
        verschuiving = t.voor[-1] - laatste_begin + 7
        lijst = _DATUM_LIJST
        for (o, v, _), dagen in self.eerstvolgende_ruw:
            if o >= laatste_begin:
                k = (o + verschuiving) // 7
            else:
                k = _week_vroeg(t, o)
            delen.append(v.kop)
            delen.append(lijst[o - _DAG0] or _datum_json(o))
            delen.append(v.ev_middens.get(k) or v.ev_midden_bij(k))
            sleutel = _eerstvolgende_sleutel(dagen)
            voor_n, na_n = _EV_TEKST.get(sleutel) or _ev_tekst(sleutel)
            # Het aantal dagen en de tekst "over N dagen": N staat er als getal in (geen tekens om te ontsnappen).
            if na_n is not None:
                tekst = f"{voor_n}{abs(dagen)}{na_n}"
            else:
                tekst = voor_n or _tekst_json(bericht(sleutel, "nl", n=abs(dagen)))
            delen.append(f'{dagen},"tekst":{tekst},"gedaan_veld":')
            delen.append(v.ev_gedaan if dagen < 0 else "null},")
        delen[-1] = delen[-1][:-1]  # geen komma na het laatste item

    def als_json(self) -> str:
        """Als ``json.dumps(self.als_dict(), ensure_ascii=False, separators=(",", ":"))``, byte voor byte (getest), uit
        vooraf gemaakte stukken: per termijn de vaste stukken van zijn :class:`Vorm`, per dag de datumteksten, per
        signaal het JSON-object dat het signaal al meebracht (issue 14, P7)."""
        termijnen = self.termijnen
        if not termijnen or termijnen[0][0] < _DAG0:  # (niet in de kalender van de regelgegevens) de gewone weg
            return json.dumps(self.als_dict(), ensure_ascii=False, separators=(",", ":"))
        # De datumteksten per dag in een lijst vanaf _DAG0 (sneller dan een dict met int-sleutels); de termijnen zijn
        # gesorteerd, dus de laatste zegt hoe lang de lijst moet zijn. Begrensd door de kalender in de regelgegevens.
        lijst = _DATUM_LIJST
        if termijnen[-1][0] - _DAG0 >= len(lijst):
            lijst.extend([""] * (termijnen[-1][0] - _DAG0 + 1 - len(lijst)))
        t = self.telling
        # Ziekteweek als in week(), hier zonder functieaanroep (dit is de binnenste lus van het contract). Het laatste
        # stuk loopt altijd door, en daar liggen bijna alle termijnen: dag k = voor + o - begin + 1, week = (k + 6) // 7.
        laatste_begin = t.begins[-1]
        verschuiving = t.voor[-1] - laatste_begin + 7
        # Eén platte lijst stukken en één join aan het eind: de vaste stukken (samen ruim 20 kB) worden zo maar één keer
        # gekopieerd, niet eerst per termijn in een eigen tekst en dan nog eens in de lijst en het geheel.
        delen = [f'{{"eerste_ziektedag":"{_ISO.get(self.eerste_dag) or _iso(self.eerste_dag)}","regels":{_regels_json(self.regels)},"termijnen":[']
        begins, eindes, voor = t.begins, t.eindes, t.voor
        for o, v, dv in termijnen:
            if o >= laatste_begin:
                k = (o + verschuiving) // 7
            else:  # als _week_vroeg, zonder aanroep: bij meer periodes liggen de eerste termijnen vaak hier
                i = bisect_right(begins, o) - 1
                # Eerst het verschil van twee dagen (een klein getal): zo geen grote tussengetallen. -1: geen week.
                k = ((o if o < eindes[i] else eindes[i]) - begins[i] + voor[i] + 7) // 7 if i >= 0 else -1
            # Losse delen.append: de interpreter heeft daar een eigen snelle weg voor, sneller dan += met een tuple.
            delen.append(v.kop)
            delen.append(lijst[o - _DAG0] or _datum_json(o))  # een datumtekst is nooit leeg
            if dv is None:
                delen.append(v.staarten.get(k) or v.staart_bij(k))  # week en vaste velden in één stuk
            else:
                delen.append("null" if k < 0 else str(k))
                delen.append(v.midden)
                delen.append(f'"{_iso(dv)}"}},')
        delen[-1] = delen[-1][:-1]  # geen komma na de laatste termijn
        hw = "null" if self.huidige_ziekteweek is None else str(self.huidige_ziekteweek)
        signalen = ",".join([s[4] or _signaal_json(*s[:4]) for s in self.signalen_ruw])
        delen.append(f'],"signalen":[{signalen}],"huidige_ziekteweek":{hw},"eerstvolgende":[')
        if self.eerstvolgende_ruw:
            self._eerstvolgende_delen(delen)
        delen.append("]}")
        return "".join(delen)


# ---------------------------------------------------------------- caches van de snelle JSON-weg
# Per dag de datumteksten en per getal de tekst: begrensd door de kalender in de regelgegevens.
# _DATUM_LIJST[o - _DAG0] is de tekst van _datum_json(o), of "" als die nog niet gemaakt is; als_json maakt de lijst
# lang genoeg voor zijn termijnen (die binnen de kalender in de regelgegevens liggen).
_DAG0 = date(2000, 1, 1).toordinal()
_DATUM_LIJST: list[str] = []
# Voor eerstvolgende in de snelle weg: per catalogussleutel (_eerstvolgende_sleutel) de tekst als JSON, in twee
# stukken rond ``{n}``: (``"over ``, `` dagen"``), of (de hele tekst, None) als hij geen ``{n}`` heeft, of ("", None)
# als het sjabloon meer doet (dan per item bericht()). Zo geen cache per aantal dagen (dat kan elk getal zijn) en
# geen format per item (issue 14, P7).
_EV_TEKST: dict[str, tuple[str, str | None]] = {}


def _ev_tekst(sleutel: str) -> tuple[str, str | None]:
    sjabloon = catalogus("nl")[sleutel]
    voor_n, n, na_n = sjabloon.partition("{n}")
    if "{" in voor_n + na_n or "}" in voor_n + na_n:
        delen = ("", None)  # nog een veld, of accolades: niet te splitsen
    elif n:
        # encode_basestring ontsnapt per teken, dus de JSON van voor + N + na is die van voor en na met N ertussen.
        delen = (_tekst_json(voor_n)[:-1], _tekst_json(na_n)[1:])
    else:
        delen = (_tekst_json(sjabloon), None)
    _EV_TEKST[sleutel] = delen
    return delen


def _week_vroeg(t: Telling, o: int) -> int:
    """De ziekteweek van dag ``o`` vóór het laatste stuk van de telling (als Uitkomst.week), of -1 voor geen week."""
    k = t.geteld_tot_en_met(o)
    return (k + 6) // 7 if k > 0 else -1


def _datum_json(o: int) -> str:
    """``"datum":"…","datum_tekst":"…","ziekteweek":`` voor dag ``o``, één keer per dag gemaakt (termijnen en
    eerstvolgende hebben deze drie sleutels in dezelfde volgorde)."""
    t = f'"datum":"{_iso(o)}","datum_tekst":{_tekst_json(_nl(o))},"ziekteweek":'
    if 0 <= o - _DAG0 < len(_DATUM_LIJST):
        _DATUM_LIJST[o - _DAG0] = t
    return t


def _eerstvolgende_sleutel(dagen: int) -> str:
    """De catalogussleutel van de tekst bij een stap ``dagen`` dagen na (negatief: vóór) de peildatum."""
    if dagen == 0:
        return "eerstvolgende.vandaag"
    if dagen > 0:
        return "eerstvolgende.over_dag" if dagen == 1 else "eerstvolgende.over_dagen"
    return "eerstvolgende.verlopen_dag" if dagen == -1 else "eerstvolgende.verlopen_dagen"


@functools.cache
def _regels_json(rs: Regelset) -> str:
    return f'{{"versie":{json.dumps(rs.versie)},"laatst_gecontroleerd":"{rs.laatst_gecontroleerd.isoformat()}"}}'


def _signaal_json(code: str, niveau: str, termijn: str | None, melding: Bericht) -> str:
    """Het JSON-object van een signaal in het Nederlands, als ``json.dumps`` van ``{"code", "niveau", "melding",
    "termijn"}`` met ``ensure_ascii=False`` en zonder spaties, byte voor byte: tekst gaat door
    ``encode_basestring``, dezelfde functie die json.dumps dan gebruikt. Alleen de melding verschilt per signaal; de
    rest van het object één keer per (code, niveau, termijn)."""
    rand = _SIGNAAL_RAND.get((code, niveau, termijn)) or _signaal_rand(code, niveau, termijn)
    return f"{rand[0]}{_tekst_json(melding.tekst('nl'))}{rand[1]}"


# Per (code, niveau, termijn) het begin en einde van het JSON-object van een signaal; begrensd door de signaalcodes.
_SIGNAAL_RAND: dict[tuple, tuple[str, str]] = {}


def _signaal_rand(code: str, niveau: str, termijn: str | None) -> tuple[str, str]:
    rand = _SIGNAAL_RAND[(code, niveau, termijn)] = (
        f'{{"code":{_tekst_json(code)},"niveau":{_tekst_json(niveau)},"melding":',
        f',"termijn":{"null" if termijn is None else _tekst_json(termijn)}}}')
    return rand


# ---------------------------------------------------------------- per Regelset, één keer


class _PerRegelset:
    """Wat een berekening uit de regelgegevens nodig heeft en niet van de invoer afhangt, één keer per Regelset
    gemaakt (:func:`_per_regelset`), met de caches die bij die gegevens horen.

    De regelgegevens zijn gedateerd: tussen twee opeenvolgende ``grenzen`` (een datum waarop een waarde begint of
    eindigt) gelden voor elke regel dezelfde waarden. Alles wat van die waarden afhangt (:func:`_regime`,
    :meth:`_Rekenaar.vorm`) staat daarom per interval, zodat een antwoord nooit een ander gedateerd item gebruikt dan
    het item dat op de eerste ziektedag gold.
    """

    def __init__(self, rs: Regelset):
        vanaf, _, kal_tot = dekking(rs)
        laatste = laatste_gelijkstelling(rs)
        self.onderbreking_dagen: int = rs["samentelling"].nieuwste.velden["onderbreking_dagen"]
        self.dekking_vanaf = vanaf
        self.dekking_vanaf_ord = vanaf.toordinal()
        self.kal_tot = kal_tot.toordinal()
        #: (laatste dag van een besluit gelijkstelling als ordinal, en als datum, of (0, None) zonder besluiten)
        self.laatste_besluit = (laatste.toordinal() if laatste else 0, laatste)
        #: Alle datums waarop een waarde in de regelgegevens begint of eindigt (ordinals, oplopend).
        grenzen = set()
        for r in rs.regels.values():
            for w in r.waarden:
                grenzen.add(w.vanaf.toordinal())
                if w.tot is not None:
                    grenzen.add(w.tot.toordinal() + 1)
        self.grenzen = sorted(grenzen)
        #: De feestdagen als ordinals over de hele kalender (kalender.feestdag_ordinals).
        self.feest_eerste, self.feest_laatste, self.feest = feestdag_ordinals(rs)
        #: Per interval-index: {regel-id: (waarde, buiten)} en {termijn-id: Vorm}; gevuld bij het eerste gebruik.
        self.regimes: dict[int, dict[str, tuple[Waarde, bool]]] = {}
        self.vormen: dict[int, dict[str, Vorm]] = {}
        #: Per interval-index waarin elke regel uit _TERMIJNREGELS een waarde heeft (geen 'buiten'): {regel-id: waarde}.
        self.waarden: dict[int, dict[str, Waarde]] = {}
        #: Per interval-index de Vormen van evaluatie_1, evaluatie_2, ... (groeit alleen).
        self.evaluatie_vormen: dict[int, list[Vorm]] = {}
        #: Kant-en-klare signalen (met hun JSON) waarvan de melding alleen van een dag, een aantal of een termijn-id
        #: afhangt, plus deze regelgegevens: zie _Rekenaar.vast_signaal. Begrensd (_SIGNALEN_MAX).
        self.signalen: dict[tuple, tuple] = {}


# Een bewaard signaal kost met zijn melding en JSON rond een kilobyte: zo blijft de cache rond de 20 MB, ook in een
# browser die lang openstaat. Daarna worden nieuwe signalen gewoon gemaakt, niet bewaard.
_SIGNALEN_MAX = 20_000


@functools.cache
def _per_regelset(rs: Regelset) -> _PerRegelset:
    return _PerRegelset(rs)


def _regime(rs: Regelset, index: int) -> dict[str, tuple[Waarde, bool]]:
    """Per regel de waarde op een dag in het index-de interval tussen de grenzen van :class:`_PerRegelset` (en of
    die ontbrak)."""
    pr = _per_regelset(rs)
    uit = pr.regimes.get(index)
    if uit is None:
        grenzen = pr.grenzen
        dag = date.fromordinal(grenzen[index - 1] if index > 0 else grenzen[0] - 1)
        uit = {}
        for rid, r in rs.regels.items():
            w = r.waarde_op(dag)
            uit[rid] = (w, False) if w is not None else (r.waarden[0], True)
        pr.regimes[index] = uit
    return uit


#: De regels waarvan bereken() de waarde vraagt (_Rekenaar.waarde).
_TERMIJNREGELS = ("vervroegde_iva", "probleemanalyse", "plan_van_aanpak", "ziekmelding_uwv", "eerstejaarsevaluatie",
                  "start_spoor_2", "wachttijd", "wia_aanvraag", "eindevaluatie", "uwv_wia_brief", "evaluatie")


class _Rekenaar:
    def __init__(self, invoer: Invoer, rs: Regelset):
        self.invoer = invoer
        self.rs = rs
        #: (code, niveau, termijn, melding, json of None): zie Uitkomst.
        self.signalen: list[tuple] = []
        #: Eerst één plaats per termijn uit VOLGORDE (voeg_toe), dan de evaluaties erachter; zie _OP_DAG.
        self.termijnen: list[tuple] = [None] * _ACHTERAAN
        pr = self._pr = _per_regelset(rs)
        self._vaste_signalen = pr.signalen
        self.kal_tot, self._laatste_besluit = pr.kal_tot, pr.laatste_besluit
        self._feest_eerste, self._feest_laatste, self._feest = pr.feest_eerste, pr.feest_laatste, pr.feest
        self.t: Telling = maak_telling(invoer.perioden, invoer.verlof, pr.onderbreking_dagen)
        self.D = self.t.begins[0]  # Telling.eerste_dag, zonder de aanroep van de property
        self._gemeld_buiten: set[str] = set()
        self.tijdvak_voorbij = False  # peildatum(): de telling is op de peildatum voorbij
        grenzen = pr.grenzen
        index = self._index = bisect_right(grenzen, self.D)
        self._regime = pr.regimes.get(index) or _regime(rs, index)  # de aanroep alleen de eerste keer
        waarden = pr.waarden.get(index)
        if waarden is None and not any(self._regime[rid][1] for rid in _TERMIJNREGELS):
            waarden = pr.waarden[index] = {rid: self._regime[rid][0] for rid in _TERMIJNREGELS}
        if waarden is not None:
            # Elke regel van de termijnen had een waarde op de eerste ziektedag: waarde() kan dan geen signaal geven en
            # is gewoon opzoeken. Dan de methode van het dict zelf (elke termijn vraagt zijn waarde, issue 14, P7). Een
            # regel die niet in _TERMIJNREGELS staat, geeft dan KeyError: nooit stil een verkeerde waarde.
            self.waarde = waarden.__getitem__
        # De Vormen van dit interval: ze horen bij de waarden in self._regime (zie Vorm).
        self._vormen = pr.vormen.get(index)
        if self._vormen is None:
            self._vormen = pr.vormen[index] = {}
        # Vóór deze dag geldt voor elke regel dezelfde waarde als op D: een termijn daarvoor hoeft niet te kijken of
        # zijn regel tussendoor is gewijzigd (voeg_toe).
        self._volgende_grens = grenzen[index] if index < len(grenzen) else ONEINDIG + 1
        self._grens = min(self._volgende_grens, self.kal_tot + 1)
        if self.D < pr.dekking_vanaf_ord:
            raise EersteDagNietGedekt(date.fromordinal(self.D), pr.dekking_vanaf)

    # -- regels
    def waarde(self, rid: str) -> Waarde:
        """De waarde die gold op de eerste ziektedag; daarvoor geen waarde → de oudste, met een signaal."""
        w, buiten = self._regime[rid]
        if buiten:
            r = self.rs.regels[rid]
            if rid not in self._gemeld_buiten:
                self._gemeld_buiten.add(rid)
                self.signaal("regel_buiten_gegevens", "waarschuwing",
                             b("signaal.regel_buiten_gegevens", eerste=date.fromordinal(self.D), regel=_naam(r),
                               vanaf=w.vanaf), None)
        return w

    def signaal(self, code: str, niveau: str, melding: Bericht, termijn: str | None) -> None:
        """De melding blijft een :class:`Bericht` zonder taal: de tekst ontstaat pas in het antwoord, in de taal van
        het verzoek."""
        self.signalen.append((code, niveau, termijn, melding, None))

    def vast_signaal(self, sleutel: tuple, niveau: str, melding: Bericht) -> tuple:
        """Het signaal bij ``sleutel`` = ``(code, termijn, *wat de melding bepaalt)`` voor een melding die alleen van
        de regelgegevens en van de dagen (ordinals), aantallen en vaste namen in de sleutel afhangt: één keer per
        sleutel gemaakt, met zijn Nederlandse JSON, en bewaard bij deze Regelset (issue 14, P7). De aanroeper zoekt
        eerst zelf in ``self._vaste_signalen`` en maakt ``melding`` alleen als het signaal er nog niet is; daarna
        voegt hij het toe aan ``self.signalen``. Schrijf de sleutel als ``sleutel = ("<code>", ...)``: zo vindt
        tests/engine/test_contract_schema.py de code in de bron."""
        code, termijn = sleutel[0], sleutel[1]
        s = (code, niveau, termijn, melding, _signaal_json(code, niveau, termijn, melding))
        if len(self._vaste_signalen) < _SIGNALEN_MAX:
            self._vaste_signalen[sleutel] = s
        return s

    def vorm(self, tid: str, rid: str, soort: str, w: Waarde) -> Vorm:
        """De Vorm van termijn ``tid`` in het interval van de eerste ziektedag (één keer per interval gemaakt)."""
        v = self._vormen.get(tid)
        # w is de waarde uit self._regime, dus altijd dezelfde voor dit interval; de controle kost niets en zorgt
        # dat een Vorm nooit bij een andere waarde of soort hoort.
        if v is None or v.waarde is not w or v.soort != soort:
            v = self._vormen[tid] = _maak_vorm(tid, self.rs.regels[rid], w, soort)
        return v

    def evaluatie_vormen(self, w: Waarde, aantal: int) -> list[Vorm]:
        """De Vormen van evaluatie_1 .. evaluatie_<aantal> (of meer) in dit interval; de lijst groeit alleen."""
        per_index = self._pr.evaluatie_vormen
        vormen = per_index.get(self._index)
        if vormen is None or len(vormen) < aantal or (vormen and vormen[0].waarde is not w):
            while len(_EVALUATIE_IDS) <= aantal:
                _EVALUATIE_IDS.append(f"evaluatie_{len(_EVALUATIE_IDS)}")
            vormen = per_index[self._index] = [self.vorm(_EVALUATIE_IDS[n], "evaluatie", "uiterlijk", w)
                                               for n in range(1, aantal + 1)]
        return vormen

    def voeg_toe(self, tid: str, rid: str, o: int, soort: str, w: Waarde, doorgeschoven_van: int | None = None):
        # Als self.vorm(), zonder de aanroep als de Vorm er al is. De waarde wordt altijd vergeleken (nooit een ander
        # gedateerd item); de soort hoort vast bij het termijn-id (zie de aanroepen in bereken()).
        v = self._vormen.get(tid)
        if v is None or v.waarde is not w:
            v = self.vorm(tid, rid, soort, w)
        # Eén vergelijking voor de gewone weg: alleen na de volgende regelgrens of na het einde van de kalender valt er
        # iets te controleren.
        if o >= self._grens:
            self._na_grens(tid, v.regel, o, w)
        # Op de plaats van zijn volgorde: zo staan gelijke dagen na het (stabiele) sorteren in de VOLGORDE. Een plaats
        # die bereken() niet vulde, laat het sorteren hard mislukken (None heeft geen dag), nooit stil.
        self.termijnen[v.volgorde] = (o, v, doorgeschoven_van)

    def _na_grens(self, tid: str, r: Regel, o: int, w: Waarde) -> None:
        if o > self.kal_tot:
            raise NietGedekt(tid)
        if o >= self._volgende_grens and len(r.waarden) > 1:
            latere = r.waarde_op(date.fromordinal(o))
            if latere is not None and latere is not w and w is r.waarde_op(date.fromordinal(self.D)):
                self.signaal("regel_gewijzigd", "waarschuwing",
                             b("signaal.regel_gewijzigd", regel=_naam(r), datum=date.fromordinal(o),
                               vanaf=latere.vanaf), tid)

    def werkdag(self, o: int) -> bool:
        """Als kalender.is_werkdag_ord, met de feestdagen van deze Regelset al bij de hand."""
        # date(1, 1, 1) heeft ordinal 1 en is een maandag, dus (o - 1) % 7 is de weekdag (0 = maandag).
        if (o - 1) % 7 >= 5:
            return False
        if self._feest_eerste <= o <= self._feest_laatste:
            return o not in self._feest
        return is_werkdag_ord(o, self.rs)  # buiten de kalender: werpt NietGedekt

    def niet_werkdag_tekst(self, o: int) -> date | Bericht:
        """``zondag 17 oktober 2027`` of ``maandag 6 april 2026 (Tweede Paasdag)``, als parameter van een bericht."""
        d = date.fromordinal(o)
        naam = feestdag_naam(d, self.rs)
        return b("signaal.niet_werkdag_feestdag", datum=d, naam=naam) if naam else d

    def bereken(self) -> Uitkomst:
        inv, t, rs = self.invoer, self.t, self.rs
        # cs(n) in het laatste stuk (dat altijd doorloopt, en waar bijna alle termijnen liggen) zonder zoeken:
        # begin + (n - 1 - voor). Bij één doorlopend stuk is dat D + n - 1.
        laatste_begin, laatste_voor, cs_zoek = t.begins[-1], t.voor[-1], t.cs
        if laatste_voor == 0:
            # Eén doorlopend stuk: cs(n) = D - 1 + n, dan als int.__add__ (een aanroep zonder Python-frame).
            cs = (laatste_begin - 1).__add__
        else:
            def cs(n: int) -> int:
                return laatste_begin + (n - 1 - laatste_voor) if n > laatste_voor else cs_zoek(n)
        v_weken, l_weken = inv.vrijwillige_verlenging_weken, inv.loonsanctie_weken

        # Vervroegde IVA (WIA art. 23 lid 6; UWV): aanvragen na week 3 en uiterlijk in week 68 (feiten §2.6).
        w = self.waarde("vervroegde_iva")
        self.voeg_toe("vervroegde_iva_vanaf", "vervroegde_iva", cs(7 * w.velden["vanaf_week"] + 1), "vanaf", w)
        self.voeg_toe("vervroegde_iva_uiterlijk", "vervroegde_iva", cs(7 * w.velden["uiterlijk_week"]), "uiterlijk", w)

        # Probleemanalyse (Regeling procesgang art. 2): de veilige lezing "uiterlijk in week 6" = cs(42), feiten §5.1.
        w = self.waarde("probleemanalyse")
        pa = cs(7 * w.velden["week"])
        self.voeg_toe("probleemanalyse", "probleemanalyse", pa, "uiterlijk", w)
        if inv.probleemanalyse_op is not None and inv.probleemanalyse_op.toordinal() > pa:
            te_laat = inv.probleemanalyse_op.toordinal() - pa
            self.signaal("probleemanalyse_te_laat", "waarschuwing",
                         b("signaal.probleemanalyse_te_laat", gedaan=inv.probleemanalyse_op, dagen=te_laat,
                           dagwoord=_dagwoord(te_laat), termijn=date.fromordinal(pa)), "probleemanalyse")

        # Plan van aanpak (Regeling procesgang art. 4): binnen twee weken na de probleemanalyse; anders week 8.
        w = self.waarde("plan_van_aanpak")
        if inv.probleemanalyse_op is not None:
            pva = inv.probleemanalyse_op.toordinal() + w.velden["dagen_na_probleemanalyse"]
        else:
            pva = cs(7 * w.velden["week"])
        self.voeg_toe("plan_van_aanpak", "plan_van_aanpak", pva, "uiterlijk", w)

        # 42e-weeksmelding (ZW art. 38): UWV zegt "uiterlijk de eerste werkdag na de 42e ziekteweek" (feiten §5.2),
        # dus de eerste werkdag (Atw art. 1 en 3) na cs(294). Te laat melden verschuift niets (feiten §2.3).
        w = self.waarde("ziekmelding_uwv")
        ongerold = cs(7 * w.velden["week"]) + 1
        zm = ongerold
        while not self.werkdag(zm):
            zm += 1
        self.voeg_toe("ziekmelding_uwv", "ziekmelding_uwv", zm, "uiterlijk", w, ongerold if zm != ongerold else None)
        if zm != ongerold:
            week = w.velden["week"]
            sleutel = ("ziekmelding_uwv_doorgeschoven", "ziekmelding_uwv", week, ongerold, zm)
            self.signalen.append(self._vaste_signalen.get(sleutel) or self.vast_signaal(sleutel, "info", b(
                "signaal.ziekmelding_uwv_doorgeschoven", week=week, dag=self.niet_werkdag_tekst(ongerold),
                datum=date.fromordinal(zm))))
        self.gelijkstelling_onzeker("ziekmelding_uwv", _WAT_ZIEKMELDING_UWV, zm)
        if inv.ziekmelding_uwv_op is not None:
            self.boete(inv.ziekmelding_uwv_op.toordinal(), zm)

        # Eerstejaarsevaluatie: "tussen de 46e en de 52e ziekteweek" (feiten §1 rij 11, §5.6).
        w = self.waarde("eerstejaarsevaluatie")
        eje_vanaf = cs(7 * (w.velden["vanaf_week"] - 1) + 1)
        eje = cs(7 * w.velden["week"])
        self.voeg_toe("eerstejaarsevaluatie_vanaf", "eerstejaarsevaluatie", eje_vanaf, "vanaf", w)
        self.voeg_toe("eerstejaarsevaluatie", "eerstejaarsevaluatie", eje, "uiterlijk", w)
        E = inv.eerstejaarsevaluatie_op
        if E is not None and not eje_vanaf <= E.toordinal() <= eje:
            self.signaal("eerstejaarsevaluatie_buiten_venster", "waarschuwing",
                         b("signaal.eerstejaarsevaluatie_buiten_venster", datum=E, vanaf=date.fromordinal(eje_vanaf),
                           tot=date.fromordinal(eje), vanaf_week=w.velden["vanaf_week"], week=w.velden["week"]),
                         "eerstejaarsevaluatie")

        # Start spoor 2: UWV-beleid, uiterlijk zes weken na de eerstejaarsevaluatie (feiten §3, §5.5).
        w = self.waarde("start_spoor_2")
        sp2 = E.toordinal() + 7 * w.velden["weken_na_eerstejaarsevaluatie"] if E is not None \
            else cs(7 * w.velden["week"])
        self.voeg_toe("start_spoor_2", "start_spoor_2", sp2, "uiterlijk", w)

        # Loondoorbetaling 104 weken (BW 7:629 lid 1): laatste betaalde dag = cs(728) (feiten §5.3). Vrijwillige
        # verlenging (WIA art. 24) en loonsanctie (WIA art. 25 lid 9) tellen er in kalenderweken bij.
        ww = self.waarde("wachttijd")
        einde_104 = cs(7 * ww.velden["weken"])
        laatste = einde_104 + 7 * (v_weken + l_weken)
        self.voeg_toe("laatste_loondoorbetalingsdag", "wachttijd", laatste, "einde", ww)
        self.voeg_toe("einde_wachttijd", "wachttijd", laatste + 1, "vanaf", ww)

        # WIA-aanvraag (WIA art. 64 lid 3): elf weken voor het einde van de (vrijwillig verlengde) wachttijd. Een
        # loonsanctie verschuift haar niet, en als teruggerekende termijn schuift ze niet naar een werkdag (issue §3).
        w = self.waarde("wia_aanvraag")
        wia = einde_104 + 7 * v_weken - 7 * w.velden["weken_voor_einde_wachttijd"]
        self.voeg_toe("wia_aanvraag", "wia_aanvraag", wia, "uiterlijk", w)
        self.teruggerekend("wia_aanvraag", _WAT_WIA_AANVRAAG, wia)

        w2 = self.waarde("eindevaluatie")
        eind = wia - 7 * w2.velden["weken_voor_wia_aanvraag"]
        self.voeg_toe("eindevaluatie", "eindevaluatie", eind, "uiterlijk", w2)
        self.teruggerekend("eindevaluatie", _WAT_EINDEVALUATIE, eind)

        w = self.waarde("uwv_wia_brief")
        self.voeg_toe("uwv_wia_brief", "uwv_wia_brief", cs(7 * w.velden["week"]) + 1, "verwacht", w)

        # Evaluaties van het plan van aanpak: ten minste elke zes weken, vanaf het plan tot de eindevaluatie.
        w = self.waarde("evaluatie")
        stap = 7 * w.velden["interval_weken"]
        dagen = range(pva + stap, eind, stap)  # eind ligt binnen de kalender (al gecontroleerd bij de eindevaluatie)
        # (dag, Vorm van evaluatie_n, doorgeschoven_van) voor n = 1, 2, ...: in één zip, zonder Python-lus.
        self.termijnen += zip(dagen, self.evaluatie_vormen(w, len(dagen)), repeat(None))

        if v_weken:
            self.signaal("vrijwillige_verlenging", "info", b("signaal.vrijwillige_verlenging", weken=v_weken),
                         "wia_aanvraag")
        if l_weken:
            self.signaal("loonsanctie", "info",
                         b("signaal.loonsanctie", weken=l_weken, laatste=date.fromordinal(laatste)),
                         "laatste_loondoorbetalingsdag")
        self.telling_signalen()
        huidige = self.peildatum()

        self.termijnen.sort(key=_OP_DAG)  # stabiel: zie _OP_DAG
        uitkomst = Uitkomst(self.D, self.termijnen, self.signalen, huidige, rs, t)
        uitkomst.eerstvolgende_ruw = self.eerstvolgende()
        return uitkomst

    def eerstvolgende(self) -> list[tuple[tuple, int]]:
        """De stappen die de lezer op de peildatum eerst aangaan (issue 12 §2), in de volgorde van de tijdlijn, elk met
        het aantal dagen vanaf de peildatum (negatief: verlopen).

        Vooraan hooguit één verlopen stap die de lezer als gedaan kan opgeven (GEDAAN_VELD) en dat niet deed: de
        laatst verlopen. Daarna de stappen vanaf de peildatum, tot EERSTVOLGENDE_AANTAL samen. Zonder peildatum, of
        als de telling op de peildatum voorbij is (signaal tijdvak_voorbij: de termijnen vervallen), is de lijst leeg.
        """
        p = self.invoer.peildatum
        if p is None or self.tijdvak_voorbij:
            return []
        p = p.toordinal()
        uit = []
        termijnen = self.termijnen
        i = bisect_left(termijnen, p, key=_OP_DAG)  # de eerste termijn op of na p
        # De laatst verlopen stap met een gedaan-veld dat niet is opgegeven: van achteren af vóór i.
        for j in range(i - 1, -1, -1):
            x = termijnen[j]
            veld = GEDAAN_VELD.get(x[1].tid)
            if veld is not None and getattr(self.invoer, veld) is None:
                uit.append(x)
                break
        uit += termijnen[i:i + EERSTVOLGENDE_AANTAL - len(uit)]
        return [(x, x[0] - p) for x in uit]

    def in_verlof(self, o: int) -> bool:
        v = self.invoer.verlof
        i = bisect_right(v, (o, ONEINDIG)) - 1
        return i >= 0 and v[i][0] <= o <= v[i][1]

    def gelijkstelling_onzeker(self, tid: str, naam: Bericht, o: int) -> None:
        """Atw art. 3 lid 3: een later (of ontbrekend) besluit kan een dag rond ``o`` met een feestdag gelijkstellen.
        Dan verschuift een doorgeschoven datum, of valt een teruggerekende datum op een niet-werkdag. Zeg dat."""
        laatste_ord, laatste = self._laatste_besluit
        # Na het laatste besluit (de gewone weg voor latere jaren) zonder de hele vraag aan de kalender: die zegt dan
        # hetzelfde (kalender.gelijkstelling_onzeker).
        reden = "na_laatste_besluit" if laatste is not None and o > laatste_ord else gelijkstelling_onzeker(o, self.rs)
        if reden is None:
            return
        # De melding hangt af van de reden, de naam (een vaste tekst zonder parameters: zijn sleutel zegt alles), de
        # dag en het laatste besluit in de regelgegevens: één keer per dag gemaakt (vast_signaal).
        sleutel = ("gelijkgestelde_dagen_onzeker", tid, reden, naam.sleutel, naam.parameters, o)
        s = self._vaste_signalen.get(sleutel)
        if s is None:
            s = self.vast_signaal(sleutel, "info", b(
                "signaal.gelijkgestelde_dagen_na_laatste_besluit", naam=naam, datum=date.fromordinal(o),
                laatste=laatste) if reden == "na_laatste_besluit" else b(
                "signaal.gelijkgestelde_dagen_besluit_ontbreekt", naam=naam, datum=date.fromordinal(o)))
        self.signalen.append(s)

    def teruggerekend(self, tid: str, naam: Bericht, o: int) -> None:
        self.gelijkstelling_onzeker(tid, naam, o)
        if self.werkdag(o):
            return
        # De melding hangt alleen af van de naam (vast, zonder parameters), de dag en de kalender: één keer per dag.
        sleutel = ("teruggerekend_geen_werkdag", tid, naam.sleutel, naam.parameters, o)
        s = self._vaste_signalen.get(sleutel)
        if s is None:
            vorige = o - 1
            while not self.werkdag(vorige):
                vorige -= 1
            s = self.vast_signaal(sleutel, "waarschuwing", b(
                "signaal.teruggerekend_geen_werkdag", naam=naam, dag=self.niet_werkdag_tekst(o),
                vorige=date.fromordinal(vorige)))
        self.signalen.append(s)

    def boete(self, gemeld: int, termijn: int) -> None:
        if gemeld <= termijn:
            self.signaal("ziekmelding_uwv_op_tijd", "info",
                         b("signaal.ziekmelding_uwv_op_tijd", gemeld=date.fromordinal(gemeld),
                           termijn=date.fromordinal(termijn)), "ziekmelding_uwv")
            return
        dagen = gemeld - termijn
        r = self.rs["boete_ziekmelding_uwv"]
        w = r.waarde_op(date.fromordinal(gemeld))
        te_laat = {"gemeld": date.fromordinal(gemeld), "dagen": dagen, "dagwoord": _dagwoord(dagen),
                   "termijn": date.fromordinal(termijn)}
        if w is None:
            self.signaal("ziekmelding_uwv_te_laat", "waarschuwing",
                         b("signaal.ziekmelding_uwv_te_laat_zonder_tabel", **te_laat), "ziekmelding_uwv")
            return
        bedrag = None
        for band in w.velden["banden"]:
            if dagen >= band["van_dagen"] and ("tot_en_met_dagen" not in band or dagen <= band["tot_en_met_dagen"]):
                bedrag = band["bedrag"]
        band = b("signaal.boete_bedrag", bedrag=bedrag) if bedrag is not None else b("signaal.boete_onbekend")
        self.signaal("ziekmelding_uwv_te_laat", "waarschuwing",
                     b("signaal.ziekmelding_uwv_te_laat", **te_laat, band=band, vanaf=w.vanaf), "ziekmelding_uwv")
        self.boete_voorstellen()

    def boete_voorstellen(self) -> None:
        # Naast het boetesignaal: voorstellen die de boete zouden veranderen, uit regels/wetswijzigingen.toml, met hun
        # status erbij. Ze veranderen het bedrag hierboven niet: dat volgt de tabel die geldt (issue 15 §2).
        for w in self.rs.wijzigingen_bij("boete_ziekmelding_uwv", ("voorstel", "niet bevestigd")):
            stand = b("signaal.stand_niet_bevestigd") if w.status == "niet bevestigd" else b("signaal.stand_voorstel")
            self.signaal("ziekmelding_uwv_boete_voorstel", "info",
                         b("signaal.ziekmelding_uwv_boete_voorstel", stand=stand,
                           wat=Tweetalig(w.wat, w.wat_en or w.wat),
                           gecontroleerd=w.laatst_gecontroleerd), "ziekmelding_uwv")

    def telling_signalen(self) -> None:
        t = self.t
        # Elke melding hier hangt alleen af van een dag of een aantal (en de regelgegevens): vast_signaal.
        vast, signalen = self._vaste_signalen, self.signalen
        if t.eerdere_tijdvakken:
            sleutel = ("nieuw_tijdvak", None, self.D)
            signalen.append(vast.get(sleutel) or self.vast_signaal(sleutel, "info", b(
                "signaal.nieuw_tijdvak", dagen=self.rs["samentelling"].nieuwste.velden["onderbreking_dagen"],
                datum=date.fromordinal(self.D))))
        if t.onderbrekingen:
            perioden, dagen = len(t.onderbrekingen) + 1, sum(map(_HERSTELDE_DAGEN, t.onderbrekingen))
            sleutel = ("samentelling", None, perioden, dagen)
            signalen.append(vast.get(sleutel) or self.vast_signaal(sleutel, "info", b(
                "signaal.samentelling", perioden=perioden, dagen=dagen, dagwoord=_dagwoord(dagen))))
        if t.verlofdagen:
            sleutel = ("wazo_verlof", None, t.verlofdagen)
            signalen.append(vast.get(sleutel) or self.vast_signaal(sleutel, "info", b(
                "signaal.wazo_verlof", dagen=t.verlofdagen, dagwoord=_dagwoord(t.verlofdagen))))
        if t.laatste_echte is not None:
            sleutel = ("hersteld", None, t.laatste_echte)
            signalen.append(vast.get(sleutel) or self.vast_signaal(sleutel, "info", b(
                "signaal.hersteld", datum=date.fromordinal(t.laatste_echte))))

    def peildatum(self) -> int | None:
        p = self.invoer.peildatum
        if p is None:
            return None
        t = self.t
        o = p.toordinal()
        if o < self.D:
            self.signaal("peildatum_voor_ziekte", "info",
                         b("signaal.peildatum_voor_ziekte", peildatum=p, eerste=date.fromordinal(self.D)), None)
            return None
        k = t.geteld_tot_en_met(o, doortrekken=False)
        week = (k + 6) // 7 if k > 0 else None
        if t.laatste_echte is not None and o > t.laatste_echte:
            if self.in_verlof(o):
                self.signaal("peildatum_verlof", "info", b("signaal.peildatum_verlof_week", peildatum=p, week=week),
                             None)
                return week
            # Herstelde dagen sinds de laatste ziektedag, zonder verlofdagen (WIA art. 23 lid 3).
            hersteld = o - t.laatste_echte - verlof_in(self.invoer.verlof, 0, t.laatste_echte + 1, o)[0]
            grens = self.rs["samentelling"].nieuwste.velden["onderbreking_dagen"]
            if hersteld >= grens:
                self.tijdvak_voorbij = True
                self.signaal("tijdvak_voorbij", "info", b("signaal.tijdvak_voorbij", peildatum=p, dagen=hersteld),
                             None)
                return None
            self.signaal("peildatum_hersteld", "info", b("signaal.peildatum_hersteld_week", peildatum=p, week=week),
                         None)
            return week
        i = bisect_right(t.begins, o) - 1
        if not (t.begins[i] <= o <= t.eindes[i]):
            if self.in_verlof(o):
                self.signaal("peildatum_verlof", "info", b("signaal.peildatum_verlof", peildatum=p), None)
            else:
                self.signaal("peildatum_hersteld", "info", b("signaal.peildatum_hersteld", peildatum=p), None)
        return week


def bereken_uitkomst(invoer: Invoer, regels: Regelset | None = None) -> Uitkomst:
    """Bereken alle termijnen. Werpt :class:`NietGedekt` als een datum buiten de regelgegevens valt."""
    return _Rekenaar(invoer, regels or laad_regels()).bereken()


def bereken_termijnen(invoer: Invoer, regels: Regelset | None = None) -> dict[str, Any]:
    """Als :func:`bereken_uitkomst`, als dict in de vorm van het contract."""
    return bereken_uitkomst(invoer, regels).als_dict()


def uitstel_spoor_2_controledatum(eerste_ziektedag: date, eerstejaarsevaluatie: date,
                                  regels: Regelset | None = None) -> tuple[date, int]:
    """Controledatum bij uitstel van spoor 2: de eerstejaarsevaluatie plus de maanden uit de regel ``start_spoor_2``
    (``maanden_terugkeer_eigen_organisatie``; UWV-beleid, feiten §3), die golden op de eerste ziektedag. Geeft
    (datum, maanden)."""
    r = (regels or laad_regels())["start_spoor_2"]
    w = r.waarde_op(eerste_ziektedag) or r.waarden[0]
    maanden = w.velden["maanden_terugkeer_eigen_organisatie"]
    return plus_maanden(eerstejaarsevaluatie, maanden), maanden
