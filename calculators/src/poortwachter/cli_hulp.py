"""Kleine hulp voor de CLI-subcommando's spoor2 en scenario: argparse met Nederlandse foutmeldingen (exit 2; met
``--taal en`` op de opdrachtregel de Engelse van argparse zelf) en het afdrukken van een antwoord (JSON of tekst).

Alleen de CLI mag de systeemdatum lezen; de rekenfuncties krijgen de peildatum altijd mee.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any, Callable, NoReturn


class NlParser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:")

    def format_help(self) -> str:
        return (super().format_help().replace("usage:", "gebruik:").replace("options:", "opties:"))

    def parse_known_args(self, args=None, namespace=None):  # type: ignore[override]
        self._taal = taal_van(list(sys.argv[1:] if args is None else args))
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        if getattr(self, "_taal", "nl") == "en":
            self.print_usage(sys.stderr)
            print(f"{self.prog}: error: {message}", file=sys.stderr)
            raise SystemExit(2)
        vertaling = {
            "unrecognized arguments": "onbekende opties",
            "expected one argument": "verwacht één waarde",
            "the following arguments are required": "deze opties zijn verplicht",
            "invalid int value": "geen geheel getal",
            "invalid float value": "geen getal",
            "argument": "optie",
        }
        for en, nl in vertaling.items():
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        print(f"{self.prog}: fout: {message}", file=sys.stderr)
        raise SystemExit(2)


def taal_van(argv: list[str]) -> str:
    """``en`` als de opdrachtregel ``--taal en`` (of ``--taal=en``) noemt, anders ``nl``: al vóór argparse bekend."""
    for i, a in enumerate(argv):
        if (a == "--taal" and i + 1 < len(argv) and argv[i + 1] == "en") or a == "--taal=en":
            return "en"
    return "nl"


def peildatum_van_vandaag() -> str:
    return date.today().isoformat()


def druk_af(uit: dict[str, Any], als_json: bool, tekst: Callable[[dict[str, Any]], str], taal: str = "nl") -> int:
    """Print het antwoord (JSON of ``tekst(uit)``) en geef de exitcode: 2 bij fouten (op stderr), anders 0."""
    if "fouten" in uit:
        if als_json:
            print(json.dumps(uit, ensure_ascii=False, indent=2))
        woord = "error" if taal == "en" else "fout"
        for f in uit["fouten"]:
            print(f"{woord} ({f.get('optie', '')} {f.get('sleutel', f.get('veld', ''))}): {f['melding']}",
                  file=sys.stderr)
        return 2
    print(json.dumps(uit, ensure_ascii=False, indent=2) if als_json else tekst(uit))
    return 0
