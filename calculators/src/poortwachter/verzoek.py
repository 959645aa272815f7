"""Een verzoek om termijnen lezen, controleren en uitrekenen: van een dict (het JSON-verzoek van het contract) naar
een :class:`~poortwachter.termijnen.Uitkomst`, of alle fouten tegelijk.

Deze module ligt onder het contract: ``contract`` gebruikt haar voor de acties ``termijnen`` en ``ics``, en
``spoor2`` en ``scenario`` vragen hier hun datums zonder via het contract terug te lopen. Foute invoer geeft
:class:`~poortwachter.termijnen.InvoerFout` met ``[{"veld", "index", "optie", "melding", "code"}]``. De codes staan in
``FOUT_CODES`` in ``contract.py``; ``code="..."`` staat in de bron letterlijk bij elke fout (getest in
``tests/engine/test_contract_schema.py``).
"""

from __future__ import annotations

import operator
from datetime import date
from typing import Any

from .berichten import STANDAARD, TALEN, Bericht, b
from .datums import datum_foutcode, lees_iso
from .kalender import NietGedekt, Periode, dekking
from .regels import laad_regels
from .termijnen import EersteDagNietGedekt, InvoerFout, Invoer, Uitkomst, bereken_uitkomst

OPTIES = {
    "actie": None,
    "ziek": "--ziek",
    "verlof": "--verlof",
    "probleemanalyse_op": "--probleemanalyse-op",
    "eerstejaarsevaluatie_op": "--eerstejaarsevaluatie-op",
    "ziekmelding_uwv_op": "--ziekmelding-uwv-op",
    "vrijwillige_verlenging_weken": "--vrijwillige-verlenging-weken",
    "loonsanctie_weken": "--loonsanctie-weken",
    "peildatum": "--peildatum",
}


def maak_fout(melding: str | Bericht, *, code: str, **plaats: Any) -> dict[str, Any]:
    """Een fout in de vorm van het contract: eerst de plaats (``veld``, ``index``, ``sleutel``, ``optie``, in de
    volgorde waarin ze gegeven worden), dan ``melding`` en ``code`` (een code uit ``FOUT_CODES`` in contract.py).
    ``code`` kwam er in v1 achteraan bij, zodat de bestaande sleutels en teksten gelijk bleven. Een melding als
    :class:`~poortwachter.berichten.Bericht` krijgt haar taal in :func:`in_taal`."""
    return {**plaats, "melding": melding, "code": code}


def in_taal(fouten: list[dict[str, Any]], taal: str) -> list[dict[str, Any]]:
    """Vul de meldingen in de taal van het verzoek in (de sleutels blijven op hun plaats)."""
    return [{**f, "melding": f["melding"].tekst(taal)} if isinstance(f["melding"], Bericht) else f for f in fouten]


def kies_taal(verzoek: dict[str, Any], actie: str) -> tuple[str, dict[str, Any] | None]:
    """(taal, fout of ``None``) voor het veld ``taal`` van een verzoek. Een onbekende taal krijgt een melding in beide
    talen, want welke de lezer kan, weten we niet. Elke actie kent beide talen (issue 13)."""
    taal = verzoek.get("taal", STANDAARD)
    if taal not in TALEN:
        return STANDAARD, in_taal([maak_fout(b("fout.taal_onbekend", taal=taal), code="taal_onbekend", veld="taal",
                                             index=None, optie="--taal")], STANDAARD)[0]
    return taal, None


def fout(veld: str | None, melding: str | Bericht, index: int | None = None, *, code: str) -> dict[str, Any]:
    return maak_fout(melding, code=code, veld=veld, index=index, optie=OPTIES.get(veld) if veld else None)


def _datum_fout(veld: str, tekst: object, wat: Bericht, index: int | None = None) -> dict[str, Any]:
    """De fout bij een datum die :func:`lees_iso` niet las; de soort (en dus de melding) zegt ``datum_foutcode``."""
    code = datum_foutcode(tekst) or "datum_vorm"
    if code == "vorm_ongeldig":
        return fout(veld, b("fout.datum_geen_tekst", wat=wat), index, code=code)
    if code == "datum_leeg":
        return fout(veld, b("fout.datum_leeg", wat=wat), index, code=code)
    if code == "datum_bestaat_niet":
        return fout(veld, b("fout.datum_bestaat_niet", wat=wat, tekst=tekst), index, code=code)
    return fout(veld, b("fout.datum_vorm", wat=wat, tekst=tekst), index, code="datum_vorm")


def _lees_periode(tekst: object, veld: str, index: int, soort: str, open_mag: bool
                  ) -> tuple[date | None, date | None, dict[str, Any] | None]:
    """``START`` of ``START/EINDE`` → (begin, einde, fout). ``soort`` is ``ziekteperiode`` of ``verlofperiode``: de
    naam in de melding, met hoofdletter aan het begin van de zin (``wat.ziekteperiode``) en zonder erin
    (``wat.ziekteperiode_klein``). Die namen (:class:`Bericht`) ontstaan alleen bij een fout. De gewone vorm van een
    ziekteperiode leest :func:`lees_verzoek` zelf, zonder deze aanroep (issue 14, P7); hier komen de andere vormen,
    elke fout en het verlof."""
    if not isinstance(tekst, str):
        return None, None, fout(veld, b("fout.periode_geen_tekst", wat=b(f"wat.{soort}", n=index + 1)), index,
                                code="vorm_ongeldig")
    if "/" in tekst:
        b_tekst, _, e_tekst = tekst.partition("/")
    else:
        b_tekst, e_tekst = tekst, None
    begin = lees_iso(b_tekst.strip())
    if begin is None:
        return None, None, _datum_fout(veld, b_tekst, b("wat.begindatum_van", periode=b(f"wat.{soort}_klein",
                                                                                       n=index + 1)), index)
    if e_tekst is None:
        if not open_mag:
            return None, None, fout(veld, b("fout.periode_zonder_einde", wat=b(f"wat.{soort}", n=index + 1),
                                            tekst=tekst), index, code="periode_zonder_einde")
        return begin, None, None
    einde = lees_iso(e_tekst.strip())
    if einde is None:
        return None, None, _datum_fout(veld, e_tekst, b("wat.einddatum_van", periode=b(f"wat.{soort}_klein",
                                                                                      n=index + 1)), index)
    if einde < begin:
        return None, None, fout(veld, b("fout.periode_einde_voor_begin", wat=b(f"wat.{soort}", n=index + 1),
                                        tekst=tekst), index, code="periode_einde_voor_begin")
    return begin, einde, None


def _lees_weken(verzoek: dict, veld: str, fouten: list, minimum: int, maximum: int | None, wat: Bericht) -> int:
    w = verzoek.get(veld)
    if w is None or w == 0 and not isinstance(w, bool):
        return 0
    if isinstance(w, bool) or not isinstance(w, int):
        fouten.append(fout(veld, b("fout.weken_geen_geheel_getal", wat=wat), code="weken_geen_geheel_getal"))
        return 0
    if w < 0:
        fouten.append(fout(veld, b("fout.weken_negatief", wat=wat, weken=w), code="weken_negatief"))
    elif w < minimum:
        fouten.append(fout(veld, b("fout.weken_te_weinig", wat=wat, minimum=minimum, weken=w), code="weken_te_weinig"))
    elif maximum is not None and w > maximum:
        fouten.append(fout(veld, b("fout.weken_te_veel", wat=wat, maximum=maximum, weken=w), code="weken_te_veel"))
    else:
        return w
    return 0


# De namen van de velden in de meldingen. Een Bericht is onveranderlijk (frozen), dus één exemplaar per module volstaat;
# zo maakt een goed verzoek er geen (issue 14, P7).
_WAT_PROBLEEMANALYSE, _WAT_EERSTEJAARSEVALUATIE, _WAT_ZIEKMELDING_UWV, _WAT_PEILDATUM = (
    b("wat.datum_probleemanalyse"), b("wat.datum_eerstejaarsevaluatie"), b("wat.datum_ziekmelding_uwv"),
    b("wat.peildatum"))
_OPGEGEVEN_STAPPEN = (("probleemanalyse_op", b("wat.probleemanalyse")),
                      ("eerstejaarsevaluatie_op", b("wat.eerstejaarsevaluatie")),
                      ("ziekmelding_uwv_op", b("wat.ziekmelding_uwv")))
_WAT_VERLENGING = b("wat.vrijwillige_verlenging")
_WAT_LOONSANCTIE = b("wat.loonsanctie")


# Voor de snelle weg in lees_verzoek: Periode(begin, einde, index) zonder de __new__ van de NamedTuple (zelfde tuple),
# date.fromisoformat en de sorteersleutel p.begin.
_nieuwe_periode = tuple.__new__
_van_iso = date.fromisoformat
_begin = operator.itemgetter(0)
# De scheidingstekens van JJJJ-MM-DD/JJJJ-MM-DD en JJJJ-MM-DD, in één aanroep gelezen (een keten van vergelijkingen
# kost per periode tientallen bytecodes).
_TEKENS_GESLOTEN, _GESLOTEN = operator.itemgetter(4, 7, 10, 15, 18), ("-", "-", "/", "-", "-")
_TEKENS_OPEN, _OPEN = operator.itemgetter(4, 7), ("-", "-")


# Per datumtekst de date voor de losse datums; begrensd, want een verzoek kan elke dag noemen (daarna zonder cache).
# Alleen teksten die de strenge lezing (lees_iso) doorstonden.
_DATUMS: dict[str, date] = {}
_DATUMS_MAX = 100_000


def lees_verzoek(verzoek: dict[str, Any], taal: str = STANDAARD) -> Invoer:
    """Controleer het verzoek en maak er een :class:`Invoer` van; alle fouten samen in één :class:`InvoerFout`, met
    de meldingen in ``taal``."""
    rs = laad_regels()
    fouten: list[dict[str, Any]] = []
    if not verzoek.keys() <= OPTIES.keys():  # één vergelijking in C voor de gewone weg (issue 14, P7)
        for sleutel in verzoek:
            if sleutel not in OPTIES:
                fouten.append(fout(sleutel, b("fout.veld_onbekend", veld=sleutel, velden=", ".join(OPTIES)),
                                   code="veld_onbekend"))

    # -- ziekteperiodes
    ziek = verzoek.get("ziek")
    perioden: list[Periode] = []
    if type(ziek) is list and ziek:  # de gewone vorm: een niet-lege lijst (de proeven hieronder zeggen dan niets)
        pass
    elif ziek is None or ziek == [] or ziek == "":
        fouten.append(fout("ziek", b("fout.ziek_ontbreekt"),
                           code="veld_ontbreekt"))
        ziek = []
    elif isinstance(ziek, str):
        ziek = [ziek]
    elif not isinstance(ziek, list):
        fouten.append(fout("ziek", b("fout.ziek_geen_lijst"),
                           code="vorm_ongeldig"))
        ziek = []
    laatste_i = len(ziek) - 1
    for i, tekst in enumerate(ziek):
        # De gewone vorm (gesloten periode, of de open laatste) hier meteen, zonder _lees_periode aan te roepen: een
        # verzoek komt hier per periode langs (issue 14, P7). Al het andere, ook elke fout, via _lees_periode.
        # Met streepjes op plaats 4 en 7 leest date.fromisoformat een tekst van tien tekens alleen als vier, twee en
        # twee ASCII-cijfers, dus precies zoals lees_iso (geen weekdatum of ander teken; tests/engine/
        # test_eigenschappen.py). Een dag die niet bestaat geeft ValueError: dan de gewone weg, die de fout maakt.
        if type(tekst) is str:
            try:
                if len(tekst) == 21 and _TEKENS_GESLOTEN(tekst) == _GESLOTEN:
                    begin, einde = _van_iso(tekst[:10]).toordinal(), _van_iso(tekst[11:]).toordinal()
                    if einde >= begin:
                        perioden.append(_nieuwe_periode(Periode, (begin, einde, i)))
                        continue
                elif len(tekst) == 10 and i == laatste_i and _TEKENS_OPEN(tekst) == _OPEN:
                    perioden.append(_nieuwe_periode(Periode, (_van_iso(tekst).toordinal(), None, i)))
                    continue
            except ValueError:
                pass
        begin, einde, f = _lees_periode(tekst, "ziek", i, "ziekteperiode", True)
        if f:
            fouten.append(f)
            continue
        if einde is None and i != laatste_i:
            fouten.append(fout("ziek", b("fout.open_periode_niet_laatste", n=i + 1, tekst=tekst), i,
                               code="open_periode_niet_laatste"))
            continue
        perioden.append(Periode(begin.toordinal(), None if einde is None else einde.toordinal(), i))
    perioden.sort(key=_begin)
    for p, q in zip(perioden, perioden[1:]):
        # p[1] is p.einde, q[0] is q.begin: per index, want het lezen van een NamedTuple-veld op naam is traag.
        if p[1] is None or q[0] <= p[1]:
            fouten.append(fout("ziek", b("fout.ziek_overlapt", n=q.index + 1, m=p.index + 1), q.index,
                               code="periode_overlapt"))

    # -- verlof
    verlof_ruw = verzoek.get("verlof")
    verlof: list[tuple[int, int, int]] = []
    if verlof_ruw:  # geen verlof (de gewone weg): niets te lezen of te controleren
        _lees_verlof(verlof_ruw, verlof, perioden, fouten)

    # -- losse datums
    if len(verzoek) == 2 and "peildatum" in verzoek and "ziek" in verzoek:  # de gewone weg: alleen de peildatum
        probleemanalyse_op = eerstejaarsevaluatie_op = ziekmelding_uwv_op = None
        peildatum = _losse_datum(verzoek, "peildatum", _WAT_PEILDATUM, fouten)
    else:  # in deze volgorde, want zo staan de fouten in het antwoord
        probleemanalyse_op = _losse_datum(verzoek, "probleemanalyse_op", _WAT_PROBLEEMANALYSE, fouten)
        eerstejaarsevaluatie_op = _losse_datum(verzoek, "eerstejaarsevaluatie_op", _WAT_EERSTEJAARSEVALUATIE, fouten)
        ziekmelding_uwv_op = _losse_datum(verzoek, "ziekmelding_uwv_op", _WAT_ZIEKMELDING_UWV, fouten)
        peildatum = _losse_datum(verzoek, "peildatum", _WAT_PEILDATUM, fouten)

    # Zonder deze velden (de gewone weg) hoeven de grenzen niet uit de regels: _lees_weken geeft dan 0.
    verlenging = loonsanctie = 0
    if verzoek.get("vrijwillige_verlenging_weken") is not None:
        v_min = rs["vrijwillige_verlenging"].nieuwste.velden["minimum_weken"]
        verlenging = _lees_weken(verzoek, "vrijwillige_verlenging_weken", fouten, v_min, None, _WAT_VERLENGING)
    if verzoek.get("loonsanctie_weken") is not None:
        ls = rs["loonsanctie"].nieuwste.velden
        loonsanctie = _lees_weken(verzoek, "loonsanctie_weken", fouten, ls["minimum_weken"], ls["maximum_weken"],
                                  _WAT_LOONSANCTIE)

    if fouten:
        raise InvoerFout(in_taal(fouten, taal))

    return Invoer(perioden, [(a, b) for a, b, _ in verlof] if verlof else [], probleemanalyse_op,
                  eerstejaarsevaluatie_op, ziekmelding_uwv_op, verlenging, loonsanctie, peildatum)


def _lees_verlof(verlof_ruw: Any, verlof: list[tuple[int, int, int]], perioden: list[Periode],
                 fouten: list[dict[str, Any]]) -> None:
    """Lees het veld ``verlof`` (niet leeg) in ``verlof`` (gesorteerd, ordinals en index) en zet de fouten erbij."""
    if isinstance(verlof_ruw, str):
        verlof_ruw = [verlof_ruw]
    if not isinstance(verlof_ruw, list):
        fouten.append(fout("verlof", b("fout.verlof_geen_lijst"),
                           code="vorm_ongeldig"))
        verlof_ruw = []
    for i, tekst in enumerate(verlof_ruw):
        begin, einde, f = _lees_periode(tekst, "verlof", i, "verlofperiode", False)
        if f:
            fouten.append(f)
            continue
        verlof.append((begin.toordinal(), einde.toordinal(), i))
    verlof.sort()
    for p, q in zip(verlof, verlof[1:]):
        if q[0] <= p[1]:
            fouten.append(fout("verlof", b("fout.verlof_overlapt", n=q[2] + 1, m=p[2] + 1), q[2],
                               code="periode_overlapt"))
    if perioden:
        eerste = perioden[0].begin
        laatste = perioden[-1].einde
        for vb, ve, i in verlof:
            # Verlof direct na de laatste (gesloten) ziektedag mag: de telling loopt na het verlof door.
            if ve < eerste or (laatste is not None and vb > laatste + 1):
                fouten.append(fout("verlof", b("fout.verlof_buiten_ziekte", n=i + 1,
                                               begin=date.fromordinal(vb).isoformat(),
                                               einde=date.fromordinal(ve).isoformat()), i,
                                   code="verlof_buiten_ziekte"))


def _losse_datum(verzoek: dict[str, Any], veld: str, wat: Bericht, fouten: list[dict[str, Any]]) -> date | None:
    """Een losse datum uit het verzoek (``None`` als hij er niet is of fout is; de fout komt in ``fouten``)."""
    ruw = verzoek.get(veld)
    if ruw is None:
        return None
    # Een datum die al eens gelezen is uit de cache (een date is onveranderlijk), anders lees_iso.
    d = _DATUMS.get(ruw) if type(ruw) is str else None
    if d is None:
        d = lees_iso(ruw)
        if d is None:
            fouten.append(_datum_fout(veld, ruw, wat))
        elif len(_DATUMS) < _DATUMS_MAX:
            _DATUMS[ruw] = d
    return d


def _controleer_na_telling(invoer: Invoer, D: date, taal: str) -> None:
    """Datums die vóór de eerste ziektedag liggen kunnen pas na de telling worden gecontroleerd (alleen nodig als er
    een is opgegeven: zie bereken_termijnen)."""
    fouten = []
    for veld, wat in _OPGEGEVEN_STAPPEN:
        d = getattr(invoer, veld)
        if d is not None and d < D:
            fouten.append(fout(veld, b("fout.datum_voor_eerste_ziektedag", wat=wat, datum=d, eerste=D),
                               code="datum_voor_eerste_ziektedag"))
    if fouten:
        raise InvoerFout(in_taal(fouten, taal))


def _eerste_ziektedag_index(invoer: Invoer, D: int) -> int | None:
    for p in invoer.perioden:
        if p.begin <= D and (p.einde is None or D <= p.einde):
            return p.index
    return None


def niet_gedekt_fouten(invoer: Invoer, rs, kal_tot: date, taal: str = STANDAARD) -> list[dict[str, Any]]:
    """Een termijn viel na het einde van de kalender in de regelgegevens: zeg welk veld dat veroorzaakt."""
    zonder = Invoer(invoer.perioden, invoer.verlof, invoer.probleemanalyse_op, invoer.eerstejaarsevaluatie_op,
                    None, 0, 0, None)
    try:
        uit = bereken_uitkomst(zonder, rs)
    except NietGedekt:
        uit = None
    if uit is None:
        eerste = invoer.perioden[-1]
        return in_taal([fout("ziek", b("fout.niet_gedekt_perioden", tot=kal_tot), eerste.index,
                             code="niet_gedekt")], taal)
    fouten = []
    if invoer.vrijwillige_verlenging_weken:
        fouten.append(fout("vrijwillige_verlenging_weken", b("fout.niet_gedekt_verlenging", tot=kal_tot),
                           code="niet_gedekt"))
    if invoer.loonsanctie_weken:
        fouten.append(fout("loonsanctie_weken", b("fout.niet_gedekt_loonsanctie", tot=kal_tot), code="niet_gedekt"))
    return in_taal(fouten or [fout("ziek", b("fout.niet_gedekt_termijn", tot=kal_tot), code="niet_gedekt")], taal)



def bereken_termijnen(verzoek: dict[str, Any], taal: str = STANDAARD) -> tuple[Uitkomst, Invoer]:
    """Lees het verzoek (``actie`` telt niet mee) en reken. Werpt :class:`InvoerFout` met alle fouten samen, met de
    meldingen in ``taal``."""
    # lees_verzoek verandert het verzoek niet: alleen kopiëren als actie eraf moet.
    rest = {k: v for k, v in verzoek.items() if k != "actie"} if "actie" in verzoek else verzoek
    invoer = lees_verzoek(rest, taal)
    rs = laad_regels()
    try:
        uitkomst = bereken_uitkomst(invoer, rs)
    except EersteDagNietGedekt as f:
        idx = _eerste_ziektedag_index(invoer, f.eerste_dag.toordinal())
        raise InvoerFout(in_taal([fout("ziek", b("fout.niet_gedekt_eerste_dag", dag=f.eerste_dag, vanaf=f.vanaf),
                                       idx, code="niet_gedekt")], taal)) from None
    except NietGedekt:
        _, _, kal_tot = dekking(rs)
        raise InvoerFout(niet_gedekt_fouten(invoer, rs, kal_tot, taal)) from None
    if invoer.probleemanalyse_op is not None or invoer.eerstejaarsevaluatie_op is not None \
            or invoer.ziekmelding_uwv_op is not None:  # anders valt er niets te controleren (de gewone weg)
        _controleer_na_telling(invoer, date.fromordinal(uitkomst.eerste_dag), taal)
    return uitkomst, invoer


def termijnen_antwoord(verzoek: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    """Het antwoord op een termijnenverzoek als dict, zoals het contract het geeft (teksten in ``taal``): de
    termijnen of ``{"fouten"}``."""
    try:
        uitkomst, _ = bereken_termijnen(verzoek, taal)
    except InvoerFout as f:
        return {"fouten": f.fouten}
    return uitkomst.als_dict(taal)
