"""Gedeelde hulp voor de spoor-2-tests: alles gaat via het JSON-contract, zoals in de browser en de CLI."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from poortwachter.contract import bereken

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from schemahulp import controleer_antwoord  # noqa: E402

GEVALLEN = Path(__file__).parent / "gevallen"
PEILDATUM = "2026-11-23"


def contract(verzoek: dict) -> dict:
    antwoord = json.loads(bereken(json.dumps(verzoek)))
    controleer_antwoord(antwoord)  # elk antwoord van deze tests past in het gepubliceerde antwoord.schema.json
    return antwoord


def spoor2(antwoorden: dict, peildatum: str = PEILDATUM) -> dict:
    return contract({"actie": "spoor2", "antwoorden": antwoorden, "peildatum": peildatum})


def termijnen(**verzoek) -> dict[str, dict]:
    uit = contract({"actie": "termijnen", "peildatum": PEILDATUM, **verzoek})
    assert "fouten" not in uit, uit
    return {t["id"]: t for t in uit["termijnen"]}


def gevallen(voorvoegsel: str = "") -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) | {"bestand": p.name}
            for p in sorted(GEVALLEN.glob(f"{voorvoegsel}*.json"))]

