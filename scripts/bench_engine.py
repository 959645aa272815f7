#!/usr/bin/env python3
"""Benchmark van de rekenkern: gevallen per seconde, één kern, geen timed test (issue 3 §7).

Meet drie dingen, elk voor "één periode" en "vijf periodes met onderbrekingen":
  contract  bereken(json) -> json, zoals de browser en de CLI het aanroepen (invoer lezen, controleren, rekenen,
            JSON maken met alle teksten en bronnen);
  rekenkern de termijndatums en signalen uit een al gecontroleerde invoer (bereken_uitkomst);
  groot     één verzoek met 10.000 periodes (moet binnen een seconde).
De eerste ziektedagen variëren (vaste seed) over 2014-2090, zodat geen cache op de invoer meetelt.
Gebruik: .venv/bin/python scripts/bench_engine.py [--json bench-results.json] [--seconden 2]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta

from poortwachter.contract import bereken, lees_verzoek
from poortwachter.termijnen import bereken_uitkomst

DAG = timedelta(days=1)


def verzoeken(n: int, perioden: int, seed: int = 2026) -> list[dict]:
    rnd = random.Random(seed)
    start, bereik = date(2014, 1, 1), (date(2090, 1, 1) - date(2014, 1, 1)).days
    uit = []
    for _ in range(n):
        d = start + rnd.randrange(bereik) * DAG
        ziek = []
        for _ in range(perioden - 1):
            einde = d + rnd.randint(3, 40) * DAG
            ziek.append(f"{d.isoformat()}/{einde.isoformat()}")
            d = einde + (rnd.randint(1, 27) + 1) * DAG   # onderbreking < 28: één tijdvak
        ziek.append(d.isoformat())
        uit.append({"ziek": ziek, "peildatum": "2026-11-23"})
    return uit


def per_seconde(functie, invoer: list, seconden: float) -> tuple[float, float]:
    """(gevallen per seconde CPU-tijd van dit proces, gevallen per seconde wandklok).

    De CPU-tijd is de eerlijke maat voor "één kern" op een gedeelde machine; de wandklok staat ernaast.
    """
    for x in invoer[:200]:  # opwarmen
        functie(x)
    gedaan, begin, cpu = 0, time.perf_counter(), time.process_time()
    while True:
        for x in invoer:
            functie(x)
        gedaan += len(invoer)
        verstreken = time.perf_counter() - begin
        if verstreken >= seconden:
            return gedaan / (time.process_time() - cpu), gedaan / verstreken


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconden", type=float, default=2.0)
    ap.add_argument("--json", metavar="PAD", help="schrijf de cijfers ook als JSON")
    args = ap.parse_args()
    cijfers = {}
    for naam, perioden in (("een_periode", 1), ("vijf_perioden", 5)):
        vz = verzoeken(2000, perioden)
        teksten = [json.dumps(v) for v in vz]
        invoer = [lees_verzoek(v) for v in vz]
        assert all("termijnen" in json.loads(bereken(t)) for t in teksten[:50])
        cijfers[f"contract_{naam}"] = per_seconde(bereken, teksten, args.seconden)
        cijfers[f"rekenkern_{naam}"] = per_seconde(bereken_uitkomst, invoer, args.seconden)
    groot = json.dumps(verzoeken(1, 10_000)[0])
    begin = time.perf_counter()
    uit = json.loads(bereken(groot))
    cijfers["groot_10000_perioden_seconden"] = time.perf_counter() - begin
    cijfers = {k: (list(v) if isinstance(v, tuple) else v) for k, v in cijfers.items()}
    assert "termijnen" in uit, uit
    print(f"Python {sys.version.split()[0]}, één kern; gevallen per seconde (CPU-tijd / wandklok)")
    for sleutel, waarde in cijfers.items():
        if sleutel.endswith("seconden"):
            print(f"  {sleutel:34s} {waarde:10.3f} s")
        else:
            print(f"  {sleutel:34s} {waarde[0]:10,.0f} / {waarde[1]:10,.0f}")
    print("  doel: ten minste 20.000 gevallen per seconde (rekenkern, één periode)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(cijfers, f, indent=2)


if __name__ == "__main__":
    main()
