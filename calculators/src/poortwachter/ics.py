"""Agenda-export (RFC 5545) van de termijnen, zonder andere pakketten.

Hele dagen (``DTSTART;VALUE=DATE``), twee herinneringen (14 en 3 dagen vooraf), vaste UID's (termijn + eerste
ziektedag: een nieuwe berekening werkt dezelfde afspraak bij), ``DTSTAMP`` uit de peildatum (nooit de klok),
CRLF-regeleinden en regels van ten hoogste 75 octets (RFC 5545 §3.1).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from .berichten import STANDAARD, bericht

HERINNERINGEN_DAGEN = (14, 3)


def _tekst(s: str) -> str:
    # RFC 5545 §3.3.11: backslash, puntkomma, komma en regeleinde escapen.
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _vouw(regel: str) -> str:
    """Vouw op 75 octets zonder een UTF-8-teken te breken (RFC 5545 §3.1)."""
    data = regel.encode("utf-8")
    if len(data) <= 75:
        return regel
    delen = []
    start = 0
    limiet = 75
    while start < len(data):
        einde = min(start + limiet, len(data))
        while einde < len(data) and (data[einde] & 0xC0) == 0x80:  # midden in een teken: terug
            einde -= 1
        delen.append(data[start:einde].decode("utf-8"))
        start = einde
        limiet = 74  # vervolgregels beginnen met een spatie
    return "\r\n ".join(delen)


def _d(iso: str) -> str:
    return iso.replace("-", "")


def maak_ics(uitkomst: dict[str, Any], peildatum: date | None, taal: str = STANDAARD) -> str:
    D = uitkomst["eerste_ziektedag"]
    stempel = (peildatum or date.fromisoformat(D)).strftime("%Y%m%d") + "T000000Z"
    versie = uitkomst["regels"]["versie"]
    r = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//poortwachter//termijnen {versie}//{bericht('ics.taal', taal)}",
         "CALSCALE:GREGORIAN",
         "METHOD:PUBLISH", "X-WR-CALNAME:Poortwachter-termijnen"]
    for t in uitkomst["termijnen"]:
        dag = date.fromisoformat(t["datum"])
        bron = "; ".join(f"{b['titel']}: {b['url']}" for b in t["bronnen"])
        week = bericht("ics.week", taal, week=t["ziekteweek"]) if t.get("ziekteweek") else ""
        beschrijving = bericht("ics.beschrijving", taal, week=week, rol=t["rol"], bron=bron, versie=versie, eerste=D)
        r += ["BEGIN:VEVENT",
              f"UID:{t['id']}-{_d(D)}@poortwachter-termijnen",
              f"DTSTAMP:{stempel}",
              f"DTSTART;VALUE=DATE:{dag.strftime('%Y%m%d')}",
              f"DTEND;VALUE=DATE:{(dag + timedelta(days=1)).strftime('%Y%m%d')}",
              f"SUMMARY:{_tekst(t['omschrijving'])}",
              f"DESCRIPTION:{_tekst(beschrijving)}",
              "TRANSP:TRANSPARENT"]
        for n in HERINNERINGEN_DAGEN:
            r += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_tekst(t['omschrijving'])}",
                  f"TRIGGER:-P{n}D", "END:VALARM"]
        r.append("END:VEVENT")
    r.append("END:VCALENDAR")
    return "\r\n".join(_vouw(x) for x in r) + "\r\n"
