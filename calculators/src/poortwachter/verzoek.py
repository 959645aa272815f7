"""Een verzoek om termijnen lezen, controleren en uitrekenen: van een dict (het JSON-verzoek van het contract) naar
een :class:`~poortwachter.termijnen.Uitkomst`, of alle fouten tegelijk.

Deze module ligt onder het contract: ``contract`` gebruikt haar voor de acties ``termijnen`` en ``ics``, en
``spoor2`` en ``scenario`` vragen hier hun datums zonder via het contract terug te lopen. Foute invoer geeft
:class:`~poortwachter.termijnen.InvoerFout` met ``[{"veld", "index", "optie", "melding", "code"}]``. De codes staan in
``FOUT_CODES`` in ``contract.py``; ``code="..."`` staat in de bron letterlijk bij elke fout (getest in
``tests/engine/test_contract_schema.py``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .datums import datum_foutcode, datum_nl, lees_iso
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


def maak_fout(melding: str, *, code: str, **plaats: Any) -> dict[str, Any]:
    """Een fout in de vorm van het contract: eerst de plaats (``veld``, ``index``, ``sleutel``, ``optie``, in de
    volgorde waarin ze gegeven worden), dan ``melding`` en ``code`` (een code uit ``FOUT_CODES`` in contract.py).
    ``code`` kwam er in v1 achteraan bij, zodat de bestaande sleutels en teksten gelijk bleven."""
    return {**plaats, "melding": melding, "code": code}


def fout(veld: str | None, melding: str, index: int | None = None, *, code: str) -> dict[str, Any]:
    return maak_fout(melding, code=code, veld=veld, index=index, optie=OPTIES.get(veld) if veld else None)


def _datum_fout(veld: str, tekst: object, wat: str, index: int | None = None) -> dict[str, Any]:
    """De fout bij een datum die :func:`lees_iso` niet las; de soort (en dus de melding) zegt ``datum_foutcode``."""
    code = datum_foutcode(tekst) or "datum_vorm"
    if code == "vorm_ongeldig":
        return fout(veld, f"{wat} moet een datum als tekst zijn, in de vorm JJJJ-MM-DD.", index, code=code)
    if code == "datum_leeg":
        return fout(veld, f"{wat} is leeg. Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-01-05.", index,
                    code=code)
    if code == "datum_bestaat_niet":
        return fout(veld, f"{wat} '{tekst}' bestaat niet in de kalender.", index, code=code)
    return fout(veld, f"{wat} '{tekst}' heeft niet de vorm JJJJ-MM-DD (bijvoorbeeld 2026-01-05).", index,
                code="datum_vorm")


def _lees_periode(tekst: object, veld: str, index: int, wat: str, open_mag: bool
                  ) -> tuple[date | None, date | None, dict[str, Any] | None]:
    """``START`` of ``START/EINDE`` → (begin, einde, fout)."""
    if not isinstance(tekst, str):
        return None, None, fout(veld, f"{wat} moet tekst zijn als JJJJ-MM-DD of JJJJ-MM-DD/JJJJ-MM-DD.", index,
                                code="vorm_ongeldig")
    if "/" in tekst:
        b_tekst, _, e_tekst = tekst.partition("/")
    else:
        b_tekst, e_tekst = tekst, None
    begin = lees_iso(b_tekst.strip())
    if begin is None:
        return None, None, _datum_fout(veld, b_tekst, f"De begindatum van {wat.lower()}", index)
    if e_tekst is None:
        if not open_mag:
            return None, None, fout(veld, f"{wat} '{tekst}' heeft geen einddatum. Schrijf BEGIN/EINDE, bijvoorbeeld "
                                          f"2026-05-01/2026-08-20.", index, code="periode_zonder_einde")
        return begin, None, None
    einde = lees_iso(e_tekst.strip())
    if einde is None:
        return None, None, _datum_fout(veld, e_tekst, f"De einddatum van {wat.lower()}", index)
    if einde < begin:
        return None, None, fout(veld, f"{wat} '{tekst}' eindigt vóór de begindatum.", index,
                                code="periode_einde_voor_begin")
    return begin, einde, None


def _lees_weken(verzoek: dict, veld: str, fouten: list, minimum: int, maximum: int | None, wat: str) -> int:
    w = verzoek.get(veld)
    if w is None or w == 0 and not isinstance(w, bool):
        return 0
    if isinstance(w, bool) or not isinstance(w, int):
        fouten.append(fout(veld, f"{wat} moet een geheel aantal weken zijn.", code="weken_geen_geheel_getal"))
        return 0
    if w < 0:
        fouten.append(fout(veld, f"{wat} kan niet negatief zijn (u gaf {w}).", code="weken_negatief"))
    elif w < minimum:
        fouten.append(fout(veld, f"{wat} is ten minste {minimum} weken (u gaf {w}).", code="weken_te_weinig"))
    elif maximum is not None and w > maximum:
        fouten.append(fout(veld, f"{wat} is ten hoogste {maximum} weken (u gaf {w}).", code="weken_te_veel"))
    else:
        return w
    return 0


def lees_verzoek(verzoek: dict[str, Any]) -> Invoer:
    """Controleer het verzoek en maak er een :class:`Invoer` van; alle fouten samen in één :class:`InvoerFout`."""
    rs = laad_regels()
    fouten: list[dict[str, Any]] = []
    for sleutel in verzoek:
        if sleutel not in OPTIES:
            fouten.append(fout(sleutel, f"Onbekend veld '{sleutel}'. Bekende velden: {', '.join(OPTIES)}.",
                               code="veld_onbekend"))

    # -- ziekteperiodes
    ziek = verzoek.get("ziek")
    perioden: list[Periode] = []
    if ziek is None or ziek == [] or ziek == "":
        fouten.append(fout("ziek", "Geef ten minste één ziekteperiode (de eerste ziektedag), bijvoorbeeld 2026-01-05.",
                           code="veld_ontbreekt"))
        ziek = []
    elif isinstance(ziek, str):
        ziek = [ziek]
    elif not isinstance(ziek, list):
        fouten.append(fout("ziek", "Ziekteperiodes moeten een lijst zijn van JJJJ-MM-DD of JJJJ-MM-DD/JJJJ-MM-DD.",
                           code="vorm_ongeldig"))
        ziek = []
    for i, tekst in enumerate(ziek):
        begin, einde, f = _lees_periode(tekst, "ziek", i, f"Ziekteperiode {i + 1}", True)
        if f:
            fouten.append(f)
            continue
        if einde is None and i != len(ziek) - 1:
            fouten.append(fout("ziek", f"Ziekteperiode {i + 1} ('{tekst}') heeft geen einddatum, maar alleen de "
                                       f"laatste periode mag open zijn.", i, code="open_periode_niet_laatste"))
            continue
        perioden.append(Periode(begin.toordinal(), None if einde is None else einde.toordinal(), i))
    perioden.sort(key=lambda p: p.begin)
    for a, b in zip(perioden, perioden[1:]):
        if a.einde is None or b.begin <= a.einde:
            fouten.append(fout("ziek", f"Ziekteperiode {b.index + 1} overlapt met ziekteperiode {a.index + 1}.",
                                b.index, code="periode_overlapt"))

    # -- verlof
    verlof_ruw = verzoek.get("verlof") or []
    if isinstance(verlof_ruw, str):
        verlof_ruw = [verlof_ruw]
    verlof: list[tuple[int, int, int]] = []
    if not isinstance(verlof_ruw, list):
        fouten.append(fout("verlof", "Verlofperiodes moeten een lijst zijn van JJJJ-MM-DD/JJJJ-MM-DD.",
                           code="vorm_ongeldig"))
        verlof_ruw = []
    for i, tekst in enumerate(verlof_ruw):
        begin, einde, f = _lees_periode(tekst, "verlof", i, f"Verlofperiode {i + 1}", False)
        if f:
            fouten.append(f)
            continue
        verlof.append((begin.toordinal(), einde.toordinal(), i))
    verlof.sort()
    for a, b in zip(verlof, verlof[1:]):
        if b[0] <= a[1]:
            fouten.append(fout("verlof", f"Verlofperiode {b[2] + 1} overlapt met verlofperiode {a[2] + 1}.", b[2],
                               code="periode_overlapt"))
    if perioden:
        eerste = perioden[0].begin
        laatste = perioden[-1].einde
        for vb, ve, i in verlof:
            # Verlof direct na de laatste (gesloten) ziektedag mag: de telling loopt na het verlof door.
            if ve < eerste or (laatste is not None and vb > laatste + 1):
                fouten.append(fout("verlof", f"Verlofperiode {i + 1} ({date.fromordinal(vb).isoformat()}/"
                                             f"{date.fromordinal(ve).isoformat()}) valt buiten alle ziekteperiodes. "
                                             f"Verlof telt alleen mee tussen de eerste en de laatste ziektedag.", i,
                                   code="verlof_buiten_ziekte"))

    # -- losse datums
    datums: dict[str, date | None] = {}
    for veld, wat in (("probleemanalyse_op", "De datum van de probleemanalyse"),
                      ("eerstejaarsevaluatie_op", "De datum van de eerstejaarsevaluatie"),
                      ("ziekmelding_uwv_op", "De datum van de ziekmelding bij UWV"),
                      ("peildatum", "De peildatum")):
        ruw = verzoek.get(veld)
        if ruw is None:
            datums[veld] = None
            continue
        d = lees_iso(ruw)
        if d is None:
            fouten.append(_datum_fout(veld, ruw, wat))
        datums[veld] = d

    v_min = rs["vrijwillige_verlenging"].nieuwste.velden["minimum_weken"]
    ls = rs["loonsanctie"].nieuwste.velden
    verlenging = _lees_weken(verzoek, "vrijwillige_verlenging_weken", fouten, v_min, None, "Een vrijwillige verlenging")
    loonsanctie = _lees_weken(verzoek, "loonsanctie_weken", fouten, ls["minimum_weken"], ls["maximum_weken"],
                              "Een loonsanctie")

    if fouten:
        raise InvoerFout(fouten)

    invoer = Invoer([p for p in perioden], [(a, b) for a, b, _ in verlof], datums["probleemanalyse_op"],
                    datums["eerstejaarsevaluatie_op"], datums["ziekmelding_uwv_op"], verlenging, loonsanctie,
                    datums["peildatum"])
    return invoer


def _controleer_na_telling(invoer: Invoer, D: date) -> None:
    """Datums die vóór de eerste ziektedag liggen kunnen pas na de telling worden gecontroleerd."""
    fouten = []
    for veld, wat in (("probleemanalyse_op", "De probleemanalyse"), ("eerstejaarsevaluatie_op",
                                                                     "De eerstejaarsevaluatie"),
                      ("ziekmelding_uwv_op", "De ziekmelding bij UWV")):
        d = getattr(invoer, veld)
        if d is not None and d < D:
            fouten.append(fout(veld, f"{wat} ({datum_nl(d)}) ligt vóór de eerste ziektedag ({datum_nl(D)}).",
                               code="datum_voor_eerste_ziektedag"))
    if fouten:
        raise InvoerFout(fouten)


def _eerste_ziektedag_index(invoer: Invoer, D: int) -> int | None:
    for p in invoer.perioden:
        if p.begin <= D and (p.einde is None or D <= p.einde):
            return p.index
    return None


def niet_gedekt_fouten(invoer: Invoer, rs, kal_tot: date) -> list[dict[str, Any]]:
    """Een termijn viel na het einde van de kalender in de regelgegevens: zeg welk veld dat veroorzaakt."""
    zonder = Invoer(invoer.perioden, invoer.verlof, invoer.probleemanalyse_op, invoer.eerstejaarsevaluatie_op,
                    None, 0, 0, None)
    try:
        uit = bereken_uitkomst(zonder, rs)
    except NietGedekt:
        uit = None
    if uit is None:
        eerste = invoer.perioden[-1]
        return [fout("ziek", f"Niet gedekt: de termijnen voor deze ziekteperiodes lopen tot na {datum_nl(kal_tot)}, "
                             f"het einde van de kalender in de regelgegevens.", eerste.index, code="niet_gedekt")]
    fouten = []
    if invoer.vrijwillige_verlenging_weken:
        fouten.append(fout("vrijwillige_verlenging_weken",
                           f"Niet gedekt: met deze verlenging lopen de termijnen tot na {datum_nl(kal_tot)}, het einde "
                           f"van de kalender in de regelgegevens.", code="niet_gedekt"))
    if invoer.loonsanctie_weken:
        fouten.append(fout("loonsanctie_weken",
                           f"Niet gedekt: met deze loonsanctie lopen de termijnen tot na {datum_nl(kal_tot)}, het einde "
                           f"van de kalender in de regelgegevens.", code="niet_gedekt"))
    return fouten or [fout("ziek", f"Niet gedekt: een termijn valt na {datum_nl(kal_tot)}.", code="niet_gedekt")]



def bereken_termijnen(verzoek: dict[str, Any]) -> tuple[Uitkomst, Invoer]:
    """Lees het verzoek (``actie`` telt niet mee) en reken. Werpt :class:`InvoerFout` met alle fouten samen."""
    rest = {k: v for k, v in verzoek.items() if k != "actie"}
    invoer = lees_verzoek(rest)
    rs = laad_regels()
    try:
        uitkomst = bereken_uitkomst(invoer, rs)
    except EersteDagNietGedekt as f:
        idx = _eerste_ziektedag_index(invoer, f.eerste_dag.toordinal())
        raise InvoerFout([fout("ziek", f"Niet gedekt: de eerste ziektedag {datum_nl(f.eerste_dag)} ligt vóór "
                                       f"{datum_nl(f.vanaf)}. Voor ziekte die eerder begon gelden andere regels; "
                                       f"die rekent deze rekenmachine niet uit.", idx, code="niet_gedekt")]) from None
    except NietGedekt:
        _, _, kal_tot = dekking(rs)
        raise InvoerFout(niet_gedekt_fouten(invoer, rs, kal_tot)) from None
    _controleer_na_telling(invoer, date.fromordinal(uitkomst.eerste_dag))
    return uitkomst, invoer


def termijnen_antwoord(verzoek: dict[str, Any]) -> dict[str, Any]:
    """Het antwoord op een termijnenverzoek als dict, zoals het contract het geeft: de termijnen of ``{"fouten"}``."""
    try:
        uitkomst, _ = bereken_termijnen(verzoek)
    except InvoerFout as f:
        return {"fouten": f.fouten}
    return uitkomst.als_dict()
