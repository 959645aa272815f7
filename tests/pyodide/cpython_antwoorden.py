"""CPython side of the Pyodide parity test: print every request with CPython's answer, as JSON on stdout.

Requests: every case in tests/cases/ (any JSON/YAML file; each case's "invoer"/"verzoek" object, or CLI "args"),
plus the public cases in tests/browser/public-cases.json, each also
as an "ics" request and in English ("taal": "en"). Run with .venv/bin/python (it imports the INSTALLED wheel, the
same file the site ships).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from poortwachter import contract

ROOT = Path(__file__).resolve().parents[2]
PEILDATUM = "2026-11-23"  # a fixed "today", so that both sides get the very same request
PUBLIEK = [ROOT / "tests" / "browser" / "public-cases.json"]  # the public worked cases, kept in the repo


def args_naar_verzoek(args: list[str]) -> dict:
    """CLI arguments (--ziek X --verlof Y --loonsanctie-weken N ...) to a request object."""
    verzoek: dict = {}
    lijsten = {"ziek", "verlof"}
    i = 0
    while i < len(args):
        sleutel = args[i].lstrip("-").replace("-", "_")
        waarde = args[i + 1] if i + 1 < len(args) else None
        if sleutel in lijsten:
            verzoek.setdefault(sleutel, []).append(waarde)
        elif sleutel.endswith("_weken"):
            verzoek[sleutel] = int(waarde) if waarde and waarde.isdigit() else waarde
        else:
            verzoek[sleutel] = waarde
        i += 2
    return verzoek


def gevallen_in(data, naam: str):
    """Yield (name, request) for every case-like object in a loaded case file."""
    if isinstance(data, list):
        for i, d in enumerate(data):
            yield from gevallen_in(d, f"{naam}[{i}]")
    elif isinstance(data, dict):
        eigen = data.get("naam", naam)
        if isinstance(data.get("invoer"), dict):
            yield eigen, data["invoer"]
        elif isinstance(data.get("verzoek"), dict):
            yield eigen, data["verzoek"]
        elif isinstance(data.get("args"), list):
            yield eigen, args_naar_verzoek(data["args"])
        else:
            for k, v in data.items():
                if isinstance(v, (list, dict)):
                    yield from gevallen_in(v, f"{naam}.{k}")


def laad(pad: Path):
    tekst = pad.read_text(encoding="utf-8")
    if pad.suffix == ".json":
        return json.loads(tekst)
    import yaml  # only for YAML case files

    return yaml.safe_load(tekst)


def alle_verzoeken() -> list[tuple[str, dict]]:
    uit: list[tuple[str, dict]] = []
    cases = ROOT / "tests" / "cases"
    for pad in sorted(cases.rglob("*")) if cases.exists() else []:
        if pad.suffix in {".json", ".yaml", ".yml"}:
            uit.extend((f"{pad.relative_to(cases)}: {n}", v) for n, v in gevallen_in(laad(pad), pad.stem))
    publiek = next((p for p in PUBLIEK if p.exists()), None)
    if publiek:
        uit.extend((f"publiek: {n}", v) for n, v in gevallen_in(laad(publiek), "publiek"))
    verzoeken = []
    for naam, v in uit:
        v = {"peildatum": PEILDATUM, **v}
        verzoeken.append((naam, v))
        if v.get("actie", "termijnen") == "termijnen":
            verzoeken.append((f"{naam} (ics)", {**v, "actie": "ics"}))
            if "taal" not in v:  # the English texts too: Pyodide has no locale, the engine its own tables
                verzoeken.append((f"{naam} (en)", {**v, "taal": "en"}))
    # Bad input must give the same errors too.
    verzoeken.append(("ongeldige JSON", "{niet: json"))
    verzoeken.append(("lege ziekteperiode", {"ziek": [""], "peildatum": PEILDATUM}))
    return verzoeken


def main() -> None:
    uit = []
    for naam, verzoek in alle_verzoeken():
        tekst = verzoek if isinstance(verzoek, str) else json.dumps(verzoek, ensure_ascii=False)
        uit.append({"naam": naam, "verzoek": tekst, "antwoord": contract.bereken(tekst)})
    json.dump(uit, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
