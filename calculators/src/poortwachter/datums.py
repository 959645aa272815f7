"""Datums als Nederlandse tekst en als ISO-tekst, zonder locale.

De rekenkern draait ook in Pyodide, waar geen Nederlandse locale is; daarom staan de namen hier in eigen tabellen.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def datum_nl(d: date) -> str:
    """``date(2026, 10, 26)`` → ``"maandag 26 oktober 2026"``."""
    return f"{DAGEN[d.weekday()]} {d.day} {MAANDEN[d.month - 1]} {d.year}"


# Precies vier, twee en twee ASCII-cijfers (re.ASCII: \d is dan alleen 0-9).
_ISO_VORM = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def lees_iso(tekst: object) -> date | None:
    """Lees precies ``JJJJ-MM-DD`` (vier, twee, twee cijfers); anders ``None``.

    ``date.fromisoformat`` accepteert sinds Python 3.11 ook ``20260105`` en weekdatums; dat willen we niet toestaan,
    want de gebruiker moet zien wat hij invoert. Daarom eerst de vorm (één regex-aanroep, sneller dan losse
    tekenproeven); een tekst in precies die vorm leest fromisoformat als date(jaar, maand, dag).
    """
    if not isinstance(tekst, str) or _ISO_VORM.fullmatch(tekst) is None:
        return None
    try:
        return date.fromisoformat(tekst)
    except ValueError:  # bijvoorbeeld 2026-02-30 of jaar 0000
        return None


def datum_foutcode(tekst: object) -> str | None:
    """Waarom ``tekst`` geen datum is, als foutcode uit ``FOUT_CODES`` (contract.py); ``None`` als :func:`lees_iso`
    hem leest. Eén indeling voor elke datum in een verzoek, zodat dezelfde fout overal dezelfde code heeft."""
    if not isinstance(tekst, str):
        return "vorm_ongeldig"
    if tekst.strip() == "":
        return "datum_leeg"
    if _ISO_VORM.fullmatch(tekst) is not None:
        return None if lees_iso(tekst) is not None else "datum_bestaat_niet"
    return "datum_vorm"


def plus_maanden(d: date, maanden: int) -> date:
    """Kalendermaanden optellen (ook negatief); bestaat de dag niet (31 april), dan de laatste dag van die maand."""
    jaar, maand0 = divmod(d.month - 1 + maanden, 12)
    jaar += d.year
    # De laatste dag van die maand: de dag vóór de eerste van de maand erna (zonder het module calendar, dat bij het
    # importeren ook locale laadt: in Pyodide tientallen ms op de eerste berekening, issue 14, P1).
    volgende = date(jaar + 1, 1, 1) if maand0 == 11 else date(jaar, maand0 + 2, 1)
    dag = min(d.day, (volgende - timedelta(days=1)).day)
    return date(jaar, maand0 + 1, dag)
