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
from importlib import resources
from typing import Any

#: De talen van de rekenkern; de eerste is de standaard.
TALEN = ("nl", "en")
STANDAARD = TALEN[0]


@functools.cache
def catalogus(taal: str) -> dict[str, Any]:
    """De catalogus van een taal, plat: ``{"fout.datum_vorm": "...", "datum.dagen": [...], ...}``."""
    tekst = resources.files("poortwachter").joinpath(f"berichten/{taal}.toml").read_text(encoding="utf-8")
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
        # Als bericht(self.sleutel, taal, **dict(self.parameters)), zonder de tussendict: elk signaal van elke
        # berekening komt hier langs (issue 14, P7).
        return catalogus(taal)[self.sleutel].format(**{k: _invullen(v, taal) for k, v in self.parameters})


@dataclass(frozen=True)
class Tweetalig:
    """Een tekst uit de regelgegevens, met zijn Engelse tweeling (regels.py eist die waar hij in een antwoord komt)."""

    nl: str
    en: str

    def tekst(self, taal: str = STANDAARD) -> str:
        return self.en if taal == "en" else self.nl


def b(sleutel: str, /, **parameters: Any) -> Bericht:
    """``b("wat.ziekteperiode", n=2)``: een :class:`Bericht` om later, in de taal van het verzoek, in te vullen."""
    return Bericht(sleutel, tuple(parameters.items()))


def datum_tekst(d: date, taal: str = STANDAARD) -> str:
    """``date(2026, 10, 26)`` → ``"maandag 26 oktober 2026"`` (nl) of ``"Monday 26 October 2026"`` (en)."""
    sleutel = (d.toordinal(), taal)
    t = _DATUM_TEKST.get(sleutel)
    if t is None:
        c = catalogus(taal)
        t = _DATUM_TEKST[sleutel] = c["datum.lang"].format(weekdag=c["datum.dagen"][d.weekday()], dag=d.day,
                                                           maand=c["datum.maanden"][d.month - 1], jaar=d.year)
    return t


# Per (ordinal, taal) de datumtekst: bijna elk signaal noemt een datum, en dezelfde dagen komen telkens terug.
# Begrensd door de kalender in de regelgegevens (enkele tienduizenden dagen) maal het aantal talen; alleen de dag telt
# (weekdag, dag, maand, jaar), dus ook een datetime krijgt dezelfde tekst als zijn datum.
_DATUM_TEKST: dict[tuple[int, str], str] = {}


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
