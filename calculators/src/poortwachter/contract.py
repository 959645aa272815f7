"""Het vaste JSON-contract: ``bereken(verzoek: str) -> str``. De enige ingang voor CLI, browser, site en pdf.

Het verzoek, het antwoord, de fouten, de signaalcodes en de versieregels staan in calculators/README.md ("Het
JSON-contract"); de gepubliceerde JSON Schema's en testvectoren (site: testgevallen/v1/) volgen daaruit. Deze functie
werpt nooit een uitzondering: foute invoer geeft ``{"fouten": [...]}`` met álle gevonden problemen, elk met het veld,
de index in een lijst, de CLI-optie, een melding in gewone taal en een vaste code (``FOUT_CODES``).

Het veld ``taal`` (``nl``, de standaard, of ``en``) kiest de taal van de teksten; de id's, datums, codes en de vorm
van het antwoord zijn in beide talen gelijk. De teksten komen uit :mod:`poortwachter.berichten`.
"""

from __future__ import annotations

import json
from json.decoder import JSONDecoder
from typing import Any

from .berichten import STANDAARD, b
from .termijnen import InvoerFout, Invoer
from .verzoek import OPTIES, bereken_termijnen, fout, in_taal, kies_taal, lees_verzoek  # noqa: F401 - publiek

ACTIES = ("termijnen", "ics", "spoor2", "scenario")
#: Elke code die in ``signalen`` van een antwoord kan staan: de enige lijst. Het gepubliceerde antwoord.schema.json
#: neemt zijn enum hieruit (scripts/testgevallen_hooks.py), en calculators/README.md zegt per code wat hij betekent
#: (tests/engine/test_contract_schema.py bewaakt beide). Een nieuw signaal: code hier bij, regel in de README erbij.
#: Bestaande codes veranderen nooit van betekenis (v1 van het contract).
SIGNAAL_CODES = (
    # actie termijnen (en scenario, dat de signalen van de basisberekening doorgeeft)
    "regel_buiten_gegevens", "regel_gewijzigd", "probleemanalyse_te_laat", "ziekmelding_uwv_doorgeschoven",
    "ziekmelding_uwv_op_tijd", "ziekmelding_uwv_te_laat", "ziekmelding_uwv_boete_voorstel",
    "eerstejaarsevaluatie_buiten_venster",
    "teruggerekend_geen_werkdag", "vrijwillige_verlenging", "loonsanctie", "nieuw_tijdvak", "samentelling",
    "wazo_verlof", "hersteld", "peildatum_voor_ziekte", "peildatum_verlof", "peildatum_hersteld", "tijdvak_voorbij",
    "gelijkgestelde_dagen_onzeker",
    # actie spoor2
    "datum_voorbij",
)

#: Elke code die in ``fouten`` van een antwoord kan staan (het veld ``code``): de enige lijst, net als
#: ``SIGNAAL_CODES``. Software en een latere vertaling van de meldingen sleutelen op de code, niet op de tekst.
#: antwoord.schema.json neemt zijn enum hieruit (scripts/testgevallen_hooks.py), calculators/README.md ("Fouten")
#: zegt per code wat hij betekent, en tests/engine/test_contract_schema.py bewaakt dat de bron geen andere code
#: gebruikt en dat elk geval in tests/cases/ met een fout zijn code noemt. Bestaande codes veranderen nooit van
#: betekenis (v1 van het contract).
FOUT_CODES = (
    # het verzoek als geheel
    "verzoek_geen_json", "verzoek_geen_object", "actie_onbekend", "interne_fout",
    # de taal (veld taal)
    "taal_onbekend",
    # velden en hun vorm
    "veld_onbekend", "veld_ontbreekt", "vorm_ongeldig",
    # datums en periodes
    "datum_leeg", "datum_vorm", "datum_bestaat_niet", "periode_zonder_einde", "periode_einde_voor_begin",
    "open_periode_niet_laatste", "periode_overlapt", "verlof_buiten_ziekte", "datum_voor_eerste_ziektedag",
    # aantallen weken en bedragen
    "weken_geen_geheel_getal", "weken_negatief", "weken_te_weinig", "weken_te_veel", "bedrag_ongeldig",
    # de beslishulp (actie spoor2)
    "vraag_onbekend", "antwoord_onbekend",
    # buiten de regels
    "niet_gedekt",
)


def _fouten(*fouten: dict[str, Any], taal: str = STANDAARD) -> dict[str, Any]:
    return {"fouten": in_taal(list(fouten), taal)}


def _verwerk(verzoek: Any) -> tuple[str, Any, Invoer | None, str]:
    """→ ``("antwoord", dict, None, taal)`` voor een kant-en-klaar antwoord (fouten, spoor2, scenario), of
    ``(actie, Uitkomst, Invoer, taal)`` voor termijnen en ics."""
    if not isinstance(verzoek, dict):
        return "antwoord", _fouten(fout(None, b("fout.verzoek_geen_object"), code="verzoek_geen_object")), None, \
            STANDAARD
    actie = verzoek.get("actie", "termijnen")
    taal, taalfout = kies_taal(verzoek, actie)
    if taalfout:
        return "antwoord", {"fouten": [taalfout]}, None, taal
    if "taal" in verzoek:  # alleen kopiëren als er iets af moet: de gewone weg heeft geen taal (issue 14, P7)
        verzoek = {k: v for k, v in verzoek.items() if k != "taal"}
    if actie == "spoor2":
        from .spoor2 import bereken_spoor2
        return "antwoord", bereken_spoor2(verzoek, taal), None, taal
    if actie == "scenario":
        from .scenario import bereken_scenario
        return "antwoord", bereken_scenario(verzoek, taal), None, taal
    if actie not in ("termijnen", "ics"):
        return "antwoord", _fouten(fout("actie", b("fout.actie_onbekend", actie=actie, acties=", ".join(ACTIES)),
                                        code="actie_onbekend"), taal=taal), None, taal
    try:
        uitkomst, invoer = bereken_termijnen(verzoek, taal)
    except InvoerFout as f:
        return "antwoord", {"fouten": f.fouten}, None, taal
    return actie, uitkomst, invoer, taal


def bereken_dict(verzoek: Any) -> dict[str, Any]:
    """Als :func:`bereken`, maar met een al gelezen verzoek (dict) en een dict als antwoord."""
    soort, inhoud, invoer, taal = _verwerk(verzoek)
    if soort == "antwoord":
        return inhoud
    if soort == "ics":
        from .ics import maak_ics
        uit = inhoud.als_dict(taal)
        # Ook het agenda-antwoord draagt de versie van de regels (issue 3 §2: "in every result").
        return {"ics": maak_ics(uit, invoer.peildatum, taal), "regels": uit["regels"]}
    return inhoud.als_dict(taal)


# De C-scanner die json.loads gebruikt, met dezelfde (standaard)instellingen. Leest hij de hele tekst vanaf teken 0,
# dan geeft json.loads precies hetzelfde (geen BOM en geen witruimte ervoor, niets erna); anders json.loads zelf, met
# zijn fouten. Zo drie Python-aanroepen minder per verzoek (issue 14, P7).
_lees_json = JSONDecoder().scan_once


def bereken(verzoek: str) -> str:
    """JSON-tekst in, JSON-tekst uit. Werpt nooit: ook een interne fout komt terug als ``{"fouten": [...]}``."""
    try:
        try:
            data, eind = _lees_json(verzoek, 0) if type(verzoek) is str else (None, -1)
        except Exception:  # noqa: BLE001 - dan beslist json.loads hieronder, met dezelfde uitzondering als altijd
            eind = -1
        try:
            if eind < 0 or eind != len(verzoek):
                data = json.loads(verzoek)
        except (TypeError, ValueError):
            return json.dumps(_fouten(fout(None, b("fout.verzoek_geen_json"), code="verzoek_geen_json")),
                              ensure_ascii=False)
        soort, inhoud, _, taal = _verwerk(data)
        if soort == "termijnen" and taal == STANDAARD:
            return inhoud.als_json()  # snelle weg; gelijk aan json.dumps(inhoud.als_dict()) (getest)
        if soort == "termijnen":
            inhoud = inhoud.als_dict(taal)
        return json.dumps(bereken_dict(data) if soort == "ics" else inhoud, ensure_ascii=False,
                          separators=(",", ":"))
    except Exception as e:  # noqa: BLE001 - het contract belooft: nooit een uitzondering naar de aanroeper
        return json.dumps(_fouten(fout(None, b("fout.interne_fout", soort=type(e).__name__), code="interne_fout")),
                          ensure_ascii=False)
