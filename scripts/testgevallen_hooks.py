"""MkDocs hook: publish the engine's JSON contract and open test vectors under testgevallen/v1/.

Three files, generated at every build (so also `mkdocs serve`), never copied by hand:

  testgevallen/v1/verzoek.schema.json    calculators/schema/v1/verzoek.schema.json as it is
  testgevallen/v1/antwoord.schema.json   calculators/schema/v1/antwoord.schema.json with three enums filled in from
                                         the engine's own lists: signal codes (poortwachter.contract.SIGNAAL_CODES),
                                         error codes (poortwachter.contract.FOUT_CODES) and deadline ids
                                         (poortwachter.termijnen.VOLGORDE plus evaluatie_N)
  testgevallen/v1/termijnen.json         every successful `termijnen` case in tests/cases/*.json: its Dutch name, its
                                         request and the expected dates FROM THE CASE FILE (derived by
                                         tests/cases/maak_gevallen.py without the engine), not from running the engine

The path is versioned: v1 never changes its meaning (new cases and new signal codes may be added; a field that
changes meaning needs v2). The tests use the same functions (tests/engine/test_contract_schema.py), so what is
published is what is tested. This module holds no legal rules.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_MAP = ROOT / "calculators" / "schema" / "v1"
GEVALLEN = ROOT / "tests" / "cases"
BASIS = "testgevallen/v1"
# docs/softwaremakers.md shows this case from termijnen.json as its example (no date typed into the prose).
MARKER = "<!-- testgeval-voorbeeld -->"
VOORBEELD = "Bij een onderbreking van 27 dagen tellen de ziekteperiodes samen"
VERSIE = 1  # the contract's major version: the folder name; never changes within v1


def schemas() -> dict[str, dict[str, Any]]:
    """{"verzoek": schema, "antwoord": schema} as published (enums filled in from the engine)."""
    from poortwachter.contract import FOUT_CODES, SIGNAAL_CODES
    from poortwachter.termijnen import VOLGORDE

    uit = {naam: json.loads((SCHEMA_MAP / f"{naam}.schema.json").read_text(encoding="utf-8"))
           for naam in ("verzoek", "antwoord")}
    defs = uit["antwoord"]["$defs"]
    defs["signaal_code"] = {"description": "Zie calculators/README.md, 'Signalen'. Nieuwe codes kunnen erbij komen; "
                                           "een bestaande code verandert nooit van betekenis.",
                            "enum": list(SIGNAAL_CODES)}
    defs["fout_code"] = {"description": "Zie calculators/README.md, 'Fouten'. Nieuwe codes kunnen erbij komen; een "
                                        "bestaande code verandert nooit van betekenis.",
                         "enum": list(FOUT_CODES)}
    defs["termijn_id"] = {"anyOf": [{"enum": list(VOLGORDE)},
                                    {"description": "De tussentijdse evaluaties van het plan van aanpak, genummerd "
                                                    "vanaf 1.",
                                     "type": "string", "pattern": "^evaluatie_[1-9][0-9]*$"}]}
    return uit


def gevallen() -> list[dict[str, Any]]:
    """Every case in tests/cases/*.json with the file it came from (key "_bestand")."""
    uit = []
    for pad in sorted(GEVALLEN.glob("*.json")):
        for geval in json.loads(pad.read_text(encoding="utf-8")):
            uit.append({**geval, "_bestand": pad.name})
    return uit


def is_vector(geval: dict[str, Any]) -> bool:
    """A successful `termijnen` case: it has a request and expects no errors (working-day cases have no request)."""
    return "invoer" in geval and "fouten" not in geval["verwacht"] \
        and geval["invoer"].get("actie", "termijnen") == "termijnen"


def vector(geval: dict[str, Any]) -> dict[str, Any]:
    v = geval["verwacht"]
    if "eerste_ziektedag" not in v:
        raise ValueError(f"tests/cases/{geval['_bestand']}: '{geval['naam']}' noemt geen eerste_ziektedag")
    verwacht: dict[str, Any] = {"eerste_ziektedag": v["eerste_ziektedag"], "termijnen": dict(v.get("termijnen", {}))}
    for sleutel in ("signalen", "geen_signalen", "huidige_ziekteweek"):
        if sleutel in v:
            verwacht[sleutel] = copy.deepcopy(v[sleutel])
    return {"naam": geval["naam"], "verzoek": {"actie": "termijnen", **geval["invoer"]}, "verwacht": verwacht}


def termijnen_json() -> dict[str, Any]:
    from poortwachter.regels import laad_regels

    rs = laad_regels()
    vectoren = [vector(g) for g in gevallen() if is_vector(g)]
    namen = [v["naam"] for v in vectoren]
    if len(namen) != len(set(namen)):
        raise ValueError("tests/cases: twee gevallen met dezelfde naam")
    return {"versie": VERSIE,
            "regels": {"versie": rs.versie, "laatst_gecontroleerd": rs.laatst_gecontroleerd.isoformat()},
            "gevallen": vectoren}


def publicaties() -> dict[str, str]:
    """Path under the site root -> file content."""
    tekst = {f"{BASIS}/{naam}.schema.json": schema for naam, schema in schemas().items()}
    tekst[f"{BASIS}/termijnen.json"] = termijnen_json()
    return {pad: json.dumps(inhoud, ensure_ascii=False, indent=2) + "\n" for pad, inhoud in tekst.items()}


# ---------------------------------------------------------------- mkdocs events


def voorbeeld_markdown() -> str:
    gevallen = {g["naam"]: g for g in termijnen_json()["gevallen"]}
    return "```json\n" + json.dumps(gevallen[VOORBEELD], ensure_ascii=False, indent=2) + "\n```"


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, voorbeeld_markdown())
    return markdown


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): it cannot handle generated files
def on_files(files, config, **kwargs):
    """The same files in every language build (one contract, at one address: testgevallen/v1/)."""
    from mkdocs.structure.files import File

    for pad, inhoud in publicaties().items():
        files.append(File.generated(config, pad, content=inhoud))
    return files
