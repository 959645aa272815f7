"""De berichtenlaag: elke tekst die de rekenkern teruggeeft, opgezocht op sleutel, met parameters, in één taal.

De catalogi staan als pakketdata in ``berichten/nl.toml`` en ``berichten/en.toml`` (issue 13, "Engine and CLI"):
dezelfde sleutels en dezelfde parameters in beide (tests/engine/test_berichten.py). Nederlands is de referentie en de
standaard. Alleen de standaardbibliotheek; de dag- en maandnamen staan in de catalogi zelf, want Pyodide heeft geen
locale die maanden kan noemen.

Een parameter mag zelf een :class:`Bericht` zijn (het wordt in dezelfde taal ingevuld), een :class:`Tweetalig`
(een tekst uit de regelgegevens in beide talen, zoals ``omschrijving`` en ``omschrijving_en``) of een ``date`` (die
wordt ``"maandag 26 oktober 2026"`` of ``"Monday 26 October 2026"``).
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

#: De talen van de rekenkern; de eerste is de standaard.
TALEN = ("nl", "en")
STANDAARD = TALEN[0]


@functools.cache
def catalogus(taal: str) -> dict[str, Any]:
    """De catalogus van een taal, plat: ``{"fout.datum_vorm": "...", "datum.dagen": [...], ...}``."""
    # Naast dit bestand, als in regels.laad_regels (zonder importlib.resources, issue 14, P1).
    tekst = (Path(__file__).parent / "berichten" / f"{taal}.toml").read_text(encoding="utf-8")
    plat: dict[str, Any] = {}
    for groep, inhoud in tomllib.loads(tekst).items():
        for sleutel, waarde in inhoud.items():
            plat[f"{groep}.{sleutel}"] = waarde
    return plat


@dataclass(frozen=True)
class Bericht:
    """Een tekst die nog geen taal heeft: sleutel plus parameters. ``tekst(taal)`` vult hem in."""

    sleutel: str
    parameters: tuple[tuple[str, Any], ...] = ()

    def tekst(self, taal: str = STANDAARD) -> str:
        # Als bericht(self.sleutel, taal, **dict(self.parameters)), maar sneller: elk signaal van elke berekening komt
        # hier langs (issue 14, P7). De gewone soorten parameters op exact type, de rest (ook subklassen als bool en
        # datetime) via _invullen, dus met dezelfde uitkomst.
        parameters = self.parameters
        if not parameters:  # een vaste tekst (een naam in een ander bericht): één keer per taal invullen
            return _vaste_tekst(self.sleutel, taal)
        per_dag = _DATUM_TEKST.get(taal, _GEEN)
        waarden = {}
        for k, v in parameters:
            t = type(v)
            if t is date:  # de datumtekst uit de cache van datum_tekst, zonder de aanroep als hij er al is
                v = per_dag.get(v.toordinal()) or datum_tekst(v, taal)
            elif t is Bericht:
                v = v.tekst(taal) if v.parameters else _vaste_tekst(v.sleutel, taal)
            elif t is Tweetalig:
                v = v.en if taal == "en" else v.nl
            elif t is not int and t is not str:
                v = _invullen(v, taal)
            waarden[k] = v
        # format_map(waarden) geeft hetzelfde als format(**waarden), zonder de kopie van het dict.
        return catalogus(taal)[self.sleutel].format_map(waarden)


@dataclass(frozen=True)
class Tweetalig:
    """Een tekst uit de regelgegevens, met zijn Engelse tweeling (regels.py eist die waar hij in een antwoord komt)."""

    nl: str
    en: str

    def tekst(self, taal: str = STANDAARD) -> str:
        return self.en if taal == "en" else self.nl


def b(sleutel: str, /, **parameters: Any) -> Bericht:
    """``b("wat.ziekteperiode", n=2)``: een :class:`Bericht` om later, in de taal van het verzoek, in te vullen."""
    # Als Bericht(sleutel, tuple(parameters.items())): de twee velden gezet zoals de __init__ van een frozen dataclass
    # dat doet, zonder die extra aanroep (elk signaal maakt er een of meer, issue 14, P7).
    m = _nieuw(Bericht)
    _zet(m, "sleutel", sleutel)
    _zet(m, "parameters", tuple(parameters.items()))
    return m


_nieuw, _zet = object.__new__, object.__setattr__


def _vaste_tekst(sleutel: str, taal: str) -> str:
    """De tekst van een bericht zonder parameters, één keer per taal ingevuld."""
    per_taal = _VASTE_TEKST.get(taal)
    if per_taal is None:
        per_taal = _VASTE_TEKST.setdefault(taal, {})
    t = per_taal.get(sleutel)
    if t is None:
        t = per_taal[sleutel] = catalogus(taal)[sleutel].format()
    return t


def datum_tekst(d: date, taal: str = STANDAARD) -> str:
    """``date(2026, 10, 26)`` → ``"maandag 26 oktober 2026"`` (nl) of ``"Monday 26 October 2026"`` (en)."""
    per_dag = _DATUM_TEKST.get(taal)
    if per_dag is None:
        per_dag = _DATUM_TEKST.setdefault(taal, {})
    o = d.toordinal()
    t = per_dag.get(o)
    if t is None:
        c = catalogus(taal)
        t = c["datum.lang"].format(weekdag=c["datum.dagen"][d.weekday()], dag=d.day,
                                   maand=c["datum.maanden"][d.month - 1], jaar=d.year)
        if len(per_dag) < _DATUM_TEKST_MAX:
            per_dag[o] = t
    return t


def datum_kort(d: date, taal: str = STANDAARD, precisie: str = "dag") -> str:
    """Zonder weekdag, zo precies als de bron: ``"1 april 2002"`` / ``"1 April 2002"``, ``"december 2025"`` (precisie
    ``"maand"``) of ``"2008"`` (``"jaar"``); de maandnamen uit de catalogus van ``taal``."""
    if precisie == "jaar":
        return str(d.year)
    maand = catalogus(taal)["datum.maanden"][d.month - 1]
    return f"{maand} {d.year}" if precisie == "maand" else f"{d.day} {maand} {d.year}"


# Per taal en per dag (ordinal) de datumtekst: bijna elk signaal noemt een datum, en dezelfde dagen komen telkens
# terug. Alleen de dag telt (weekdag, dag, maand, jaar), dus ook een datetime krijgt dezelfde tekst als zijn datum. De
# termijnen liggen binnen de kalender in de regelgegevens (enkele tienduizenden dagen), maar een opgegeven datum kan
# elke dag zijn: daarom een bovengrens, daarna zonder cache.
_DATUM_TEKST: dict[str, dict[int, str]] = {}
# Per taal de teksten van berichten zonder parameters; begrensd door de catalogus.
_VASTE_TEKST: dict[str, dict[str, str]] = {}
_DATUM_TEKST_MAX = 100_000
_GEEN: dict = {}  # leeg, nooit gevuld: de plaats van een cache die er (nog) niet is


def _invullen(waarde: Any, taal: str) -> Any:
    if isinstance(waarde, (Bericht, Tweetalig)):
        return waarde.tekst(taal)
    if isinstance(waarde, date):
        return datum_tekst(waarde, taal)
    return waarde


def bericht(sleutel: str, taal: str = STANDAARD, /, **parameters: Any) -> str:
    """De tekst bij ``sleutel`` in ``taal``, met de parameters ingevuld. Een onbekende sleutel is een programmeerfout
    (KeyError); de tests zorgen dat elke gebruikte sleutel in beide catalogi staat."""
    return catalogus(taal)[sleutel].format(**{k: _invullen(v, taal) for k, v in parameters.items()})
