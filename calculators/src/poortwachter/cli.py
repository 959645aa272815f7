"""``poortwachter termijnen ...``: de termijnen op de opdrachtregel, via hetzelfde JSON-contract als de browser.

Foute invoer geeft exit-code 2 en één regel op stderr die de optie en het probleem noemt; nooit een traceback
(issue 3 §5). Zonder ``--json`` volgt een leesbare tabel. ``--taal en`` geeft alles in het Engels: de tabel, JSON,
agenda en foutregels (teksten uit :mod:`poortwachter.berichten`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from .berichten import STANDAARD, TALEN, bericht
from .contract import bereken_dict

GEBRUIK = ("gebruik: poortwachter termijnen --ziek BEGIN[/EINDE] [--ziek ...] [--verlof BEGIN/EINDE ...] "
           "[--probleemanalyse-op D] [--eerstejaarsevaluatie-op D] [--ziekmelding-uwv-op D] "
           "[--vrijwillige-verlenging-weken N] [--loonsanctie-weken N] [--peildatum D] [--json | --ics] "
           "[--taal nl|en]\n"
           "         poortwachter regels [--verouderd] [--maanden N] [--peildatum D]")


class _Stop(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse met één Nederlandse foutregel in plaats van Engelse usage-tekst (bij ``--taal en``: Engels)."""

    taal = STANDAARD

    def error(self, message: str) -> NoReturn:
        if self.taal != STANDAARD:
            raise _Stop(message)
        vertaling = (("unrecognized arguments", "onbekende optie"),
                     ("expected one argument", "verwacht een waarde"),
                     ("the following arguments are required", "deze optie is verplicht"),
                     ("argument ", "optie "), ("invalid choice", "onbekende keuze"), ("choose from", "kies uit"),
                     ("not allowed with argument", "gaat niet samen met"),
                     ("ambiguous option", "onduidelijke optie"), ("could match", "kan zijn"))
        for en, nl in vertaling:
            message = message.replace(en, nl)
        raise _Stop(message)


def _parser() -> _Parser:
    p = _Parser(prog="poortwachter termijnen", add_help=False,
                description="Termijnen van de Wet verbetering poortwachter, met samentelling en WAZO-verlof.")
    p.add_argument("-h", "--help", action="store_true", help="toon deze hulp")
    p.add_argument("--ziek", action="append", default=[], metavar="BEGIN[/EINDE]",
                   help="ziekteperiode; mag vaker; alleen de laatste mag open zijn")
    p.add_argument("--verlof", action="append", default=[], metavar="BEGIN/EINDE",
                   help="zwangerschaps- of bevallingsverlof (WAZO); mag vaker")
    p.add_argument("--probleemanalyse-op", metavar="JJJJ-MM-DD", help="datum van de probleemanalyse")
    p.add_argument("--eerstejaarsevaluatie-op", metavar="JJJJ-MM-DD", help="datum van de eerstejaarsevaluatie")
    p.add_argument("--ziekmelding-uwv-op", metavar="JJJJ-MM-DD", help="datum van de ziekmelding bij UWV")
    p.add_argument("--vrijwillige-verlenging-weken", metavar="N", help="weken vrijwillige verlenging")
    p.add_argument("--loonsanctie-weken", metavar="N", help="weken loonsanctie")
    p.add_argument("--peildatum", metavar="JJJJ-MM-DD", help="vandaag; geeft de huidige ziekteweek")
    p.add_argument("--taal", metavar="nl|en", help="taal van de uitvoer: nl (standaard) of en")
    uit = p.add_mutually_exclusive_group()
    uit.add_argument("--json", action="store_true", help="antwoord als JSON (het contract)")
    uit.add_argument("--ics", action="store_true", help="antwoord als agenda (iCalendar, RFC 5545)")
    return p


def _fout_regel(fout: dict[str, Any], taal: str = STANDAARD) -> str:
    optie = fout.get("optie") or fout.get("veld") or bericht("cli.invoer", taal)
    if fout.get("index") is not None and optie in ("--ziek", "--verlof"):
        optie = bericht("cli.optie_nummer", taal, optie=optie, n=fout["index"] + 1)
    return f"{optie}: {fout['melding']}"


def _weken(tekst: str | None, optie: str, nul_mag: bool, taal: str = STANDAARD) -> int | None:
    if tekst is None:
        return None
    t = tekst.strip()
    if not (t.isascii() and t.lstrip("-").isdigit()):
        raise _Stop(bericht("cli.geen_weken", taal, optie=optie, tekst=tekst))
    n = int(t)
    if n == 0 and not nul_mag:
        raise _Stop(bericht("cli.nul_loonsanctie", taal, optie=optie))
    return n


def _taal(argv: list[str]) -> str:
    """De taal voor de foutregels van de opdrachtregel zelf, al vóór argparse (dat anders in de verkeerde taal
    klaagt). Een onbekende taal laat het contract weigeren, in beide talen."""
    for i, a in enumerate(argv):
        waarde = argv[i + 1] if a == "--taal" and i + 1 < len(argv) else a.partition("=")[2] \
            if a.startswith("--taal=") else None
        if waarde in TALEN:
            return waarde
    return STANDAARD


def _tabel(uit: dict[str, Any], taal: str = STANDAARD) -> str:
    from .berichten import datum_tekst
    from datetime import date

    def t_(sleutel: str, **p: Any) -> str:
        return bericht(f"cli.{sleutel}", taal, **p)

    regels = [t_("eerste_ziektedag", datum=date.fromisoformat(uit["eerste_ziektedag"])),
              t_("regels", versie=uit["regels"]["versie"],
                 datum=date.fromisoformat(uit["regels"]["laatst_gecontroleerd"]))]
    if uit.get("huidige_ziekteweek") is not None:
        regels.append(t_("huidige_ziekteweek", week=uit["huidige_ziekteweek"]))
    regels.append("")
    rijen = [tuple(t_(k) for k in ("kop_week", "kop_datum", "kop_wat", "kop_wie", "kop_bron"))]
    for t in uit["termijnen"]:
        g = t["bronnen"][0]["titel"] if t["bronnen"] else ""
        rijen.append((str(t["ziekteweek"] or ""), t["datum_tekst"], t["omschrijving"], t["rol"], g))
    breed = [max(len(r[i]) for r in rijen) for i in range(4)]
    for n, r in enumerate(rijen):
        regels.append("  ".join([r[0].rjust(breed[0]), r[1].ljust(breed[1]), r[2].ljust(breed[2]),
                                 r[3].ljust(breed[3]), r[4]]).rstrip())
        if n == 0:
            regels.append("  ".join("-" * b for b in breed) + "  " + "-" * 4)
    if uit["signalen"]:
        regels.append("")
        for s in uit["signalen"]:
            regels.append(f"{t_('let_op') if s['niveau'] == 'waarschuwing' else t_('info')}: {s['melding']}")
    return "\n".join(regels)


def termijnen(argv: list[str]) -> int:
    taal = _taal(argv)
    try:
        parser = _parser()
        parser.taal = taal
        args = parser.parse_args(argv)
        if args.help:
            print(_parser().format_help().replace("usage:", "gebruik:").replace("options:", "opties:"))
            return 0
        if not args.ziek:
            raise _Stop(bericht("cli.ziek_verplicht", taal))
        verzoek: dict[str, Any] = {"actie": "ics" if args.ics else "termijnen", "ziek": args.ziek}
        if args.verlof:
            verzoek["verlof"] = args.verlof
        for veld in ("probleemanalyse_op", "eerstejaarsevaluatie_op", "ziekmelding_uwv_op", "peildatum"):
            if getattr(args, veld) is not None:
                verzoek[veld] = getattr(args, veld)
        if args.taal is not None:
            verzoek["taal"] = args.taal
        v = _weken(args.vrijwillige_verlenging_weken, "--vrijwillige-verlenging-weken", True, taal)
        if v is not None:
            verzoek["vrijwillige_verlenging_weken"] = v
        ls = _weken(args.loonsanctie_weken, "--loonsanctie-weken", False, taal)
        if ls is not None:
            verzoek["loonsanctie_weken"] = ls
    except _Stop as fout:
        print(f"poortwachter: {fout}", file=sys.stderr)
        return 2
    uit = bereken_dict(verzoek)
    if "fouten" in uit:
        # Eén regel op stderr, met alle problemen.
        print("poortwachter: " + " | ".join(_fout_regel(f, taal) for f in uit["fouten"]), file=sys.stderr)
        return 2
    if args.ics:
        sys.stdout.write(uit["ics"])
    elif args.json:
        print(json.dumps(uit, ensure_ascii=False, indent=2))
    else:
        print(_tabel(uit, taal))
    return 0


def regels(argv: list[str]) -> int:
    """``poortwachter regels --verouderd [--maanden 12] [--peildatum D]``: de regels die lang niet zijn nagekeken,
    met hun bronnen, op stdout. Altijd exit 0 bij geldige opties: verstreken tijd is geen fout (issue 15 §4)."""
    from .cli_hulp import NlParser, peildatum_van_vandaag
    from .datums import lees_iso
    from .regels import laad_regels, verouderd_overzicht

    p = NlParser(prog="poortwachter regels",
                 description="De regelgegevens: zonder opties elke regel met de datum van de laatste controle; met "
                             "--verouderd alleen de regels die langer dan --maanden niet zijn gecontroleerd.")
    p.add_argument("--verouderd", action="store_true", help="alleen de regels die te lang niet zijn gecontroleerd")
    p.add_argument("--maanden", type=int, default=12, metavar="N", help="hoeveel maanden telt als te lang (12)")
    p.add_argument("--peildatum", default=None, metavar="JJJJ-MM-DD", help="vandaag (standaard: de systeemdatum)")
    args = p.parse_args(argv)
    peil = lees_iso(args.peildatum or peildatum_van_vandaag())
    if peil is None:
        p.error(f"--peildatum: '{args.peildatum}' heeft niet de vorm JJJJ-MM-DD (bijvoorbeeld 2026-12-02)")
    if args.maanden < 0:
        p.error(f"--maanden: {args.maanden} is negatief; geef 0 of meer")
    if args.verouderd:
        regels_tekst = verouderd_overzicht(peil, args.maanden)
        print("\n".join(regels_tekst) if regels_tekst else
              f"Geen regel is langer dan {args.maanden} maanden vóór {peil.isoformat()} voor het laatst gecontroleerd.")
        return 0
    for r in sorted(laad_regels().regels.values(), key=lambda r: r.id):
        print(f"{r.id}: laatst gecontroleerd {r.laatst_gecontroleerd.isoformat()}")
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] == "termijnen":
            return termijnen(argv[1:])
        if argv and argv[0] == "spoor2":
            from .spoor2 import cli_spoor2
            return cli_spoor2(argv[1:])
        if argv and argv[0] == "regels":
            return regels(argv[1:])
        if argv and argv[0] == "scenario":
            from .scenario import cli_scenario  # type: ignore[import-not-found]
            return cli_scenario(argv[1:])
        if argv and argv[0] in ("-h", "--help"):
            print(GEBRUIK)
            return 0
        wat = f"onbekende opdracht '{argv[0]}'" if argv else "geef een opdracht"
        print(f"poortwachter: {wat}; kies 'termijnen' (bijvoorbeeld: poortwachter termijnen --ziek 2026-01-05).",
              file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - nooit een traceback voor de gebruiker
        print(f"poortwachter: interne fout ({type(e).__name__}); meld dit graag met de invoer.", file=sys.stderr)
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
