"""Datums als Nederlandse tekst en als ISO-tekst, zonder locale.

De rekenkern draait ook in Pyodide, waar geen Nederlandse locale is; daarom staan de namen hier in eigen tabellen.
"""

from __future__ import annotations

from datetime import date

DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")


def datum_nl(d: date) -> str:
    """``date(2026, 10, 26)`` → ``"maandag 26 oktober 2026"``."""
    return f"{DAGEN[d.weekday()]} {d.day} {MAANDEN[d.month - 1]} {d.year}"


def lees_iso(tekst: object) -> date | None:
    """Lees precies ``JJJJ-MM-DD`` (vier, twee, twee cijfers); anders ``None``.

    ``date.fromisoformat`` accepteert sinds Python 3.11 ook ``20260105`` en weekdatums; dat willen we niet toestaan,
    want de gebruiker moet zien wat hij invoert.
    """
    if not isinstance(tekst, str) or len(tekst) != 10 or tekst[4] != "-" or tekst[7] != "-":
        return None
    jaar, maand, dag = tekst[:4], tekst[5:7], tekst[8:]
    if not (jaar.isascii() and jaar.isdigit() and maand.isascii() and maand.isdigit() and dag.isascii()
            and dag.isdigit()):
        return None
    try:
        return date(int(jaar), int(maand), int(dag))
    except ValueError:
        return None
