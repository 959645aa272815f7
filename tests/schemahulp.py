"""The published JSON Schemas of the contract (testgevallen/v1/), for the tests: the very dicts the site publishes.

    from schemahulp import controleer_antwoord, controleer_verzoek
    controleer_antwoord(antwoord)   # AssertionError naming every place where the answer leaves antwoord.schema.json

jsonschema is a test-only dependency (pyproject.toml, group test); the engine stays stdlib-only.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def hooks():
    """scripts/testgevallen_hooks.py, the module that generates the published files."""
    spec = importlib.util.spec_from_file_location("testgevallen_hooks", ROOT / "scripts" / "testgevallen_hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def validator(naam: str) -> Draft202012Validator:
    """"verzoek" or "antwoord"; dates are checked as dates too (format "date")."""
    return Draft202012Validator(hooks().schemas()[naam], format_checker=FormatChecker())


def fouten(naam: str, document: Any) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(geheel)'}: {e.message[:300]}"
            for e in validator(naam).iter_errors(document)]


def controleer_verzoek(verzoek: Any) -> None:
    gevonden = fouten("verzoek", verzoek)
    assert not gevonden, f"verzoek past niet in verzoek.schema.json: {gevonden[:5]}"


def controleer_antwoord(antwoord: Any) -> None:
    gevonden = fouten("antwoord", antwoord)
    assert not gevonden, f"antwoord past niet in antwoord.schema.json: {gevonden[:5]}"
