"""Laden en controleren van de gedateerde regelgegevens in ``regels/*.toml``.

Elke wettelijke waarde heeft één thuis: deze bestanden. Bij het laden controleren we dat elke regel een omschrijving,
een rol, een grondslag, ten minste één bron (titel + url), een datum ``laatst_gecontroleerd`` en gedateerde waarden
heeft, en dat de geldigheidsperiodes van die waarden elkaar niet overlappen (issue 3 §2). Een fout noemt altijd het
bestand en de sleutel.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping

from .datums import datum_nl, plus_maanden

ROLLEN = frozenset({"werkgever", "werknemer", "UWV", "werkgever en werknemer", "bedrijfsarts"})
REGEL_SLEUTELS = frozenset({"omschrijving", "rol", "grondslag", "bronnen", "laatst_gecontroleerd", "toelichting",
                            "termijnen", "waarden"})
VERPLICHT = ("omschrijving", "rol", "grondslag", "bronnen", "laatst_gecontroleerd", "waarden")


class RegelFout(ValueError):
    """Fout in de regelgegevens; de melding begint met ``bestand: sleutel``."""

    def __init__(self, bestand: str, sleutel: str, melding: str):
        self.bestand = bestand
        self.sleutel = sleutel
        super().__init__(f"{bestand}: sleutel '{sleutel}': {melding}")


@dataclass(frozen=True, eq=False)
class Waarde:
    vanaf: date
    tot: date | None
    velden: Mapping[str, Any]

    def geldt_op(self, d: date) -> bool:
        return self.vanaf <= d and (self.tot is None or d <= self.tot)


@dataclass(frozen=True, eq=False)
class Regel:
    id: str
    bestand: str
    omschrijving: str
    rol: str
    grondslag: Mapping[str, str]
    bronnen: tuple[Mapping[str, str], ...]
    laatst_gecontroleerd: date
    toelichting: str | None
    termijnen: Mapping[str, str]
    waarden: tuple[Waarde, ...]  # oplopend op vanaf, zonder overlap

    def waarde_op(self, d: date) -> Waarde | None:
        """De waarde die op ``d`` gold, of ``None`` als er op die dag geen gold."""
        gekozen = None
        for w in self.waarden:
            if w.vanaf <= d:
                gekozen = w
            else:
                break
        if gekozen is not None and gekozen.tot is not None and d > gekozen.tot:
            return None
        return gekozen

    @property
    def nieuwste(self) -> Waarde:
        return self.waarden[-1]


@dataclass(frozen=True, eq=False)  # hashbaar op identiteit (voor caches)
class Regelset:
    versie: str
    laatst_gecontroleerd: date  # de nieuwste datum over alle regels en meta
    regels: Mapping[str, Regel] = field(default_factory=dict)

    def __getitem__(self, regel_id: str) -> Regel:
        return self.regels[regel_id]


# ---------------------------------------------------------------- TOML lezen

_REGEL_POS = re.compile(r"line (\d+)")


def _sleutel_uit_regel(tekst: str, fout: tomllib.TOMLDecodeError) -> str:
    """Haal de sleutel uit de regel waar tomllib struikelde (tomllib noemt alleen regel en kolom)."""
    m = _REGEL_POS.search(str(fout))
    if not m:
        return "?"
    regels = tekst.splitlines()
    nr = int(m.group(1))
    if not 1 <= nr <= len(regels):
        return "?"
    regel = regels[nr - 1].strip()
    if regel.startswith("["):
        return regel.strip("[] ")
    return regel.split("=", 1)[0].strip() or "?"


def _lees_toml(bestand: str, tekst: str) -> dict[str, Any]:
    try:
        return tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        sleutel = _sleutel_uit_regel(tekst, fout)
        reden = str(fout)
        if "overwrite" in reden or "twice" in reden:
            reden = f"dubbele sleutel ({reden})"
        elif "date" in reden.lower() or "time" in reden.lower():
            reden = f"ongeldige datum ({reden})"
        raise RegelFout(bestand, sleutel, reden) from None


# ---------------------------------------------------------------- controle


def _is_datum(x: object) -> bool:
    # tomllib geeft datetime voor waarden met een tijd; die horen hier niet.
    return isinstance(x, date) and not isinstance(x, datetime)


def _controleer_regel(bestand: str, rid: str, ruw: object) -> Regel:
    if not isinstance(ruw, dict):
        raise RegelFout(bestand, rid, "een regel moet een tabel zijn")
    for sleutel in VERPLICHT:
        if sleutel not in ruw:
            raise RegelFout(bestand, f"{rid}.{sleutel}", "ontbreekt")
    onbekend = sorted(set(ruw) - REGEL_SLEUTELS)
    if onbekend:
        raise RegelFout(bestand, f"{rid}.{onbekend[0]}", "onbekende sleutel")
    if not isinstance(ruw["omschrijving"], str) or not ruw["omschrijving"].strip():
        raise RegelFout(bestand, f"{rid}.omschrijving", "moet een niet-lege tekst zijn")
    if ruw["rol"] not in ROLLEN:
        raise RegelFout(bestand, f"{rid}.rol", f"moet een van {sorted(ROLLEN)} zijn")
    grond = ruw["grondslag"]
    if not isinstance(grond, dict) or not any(k in grond for k in ("wet", "regeling", "beleid")) \
            or not isinstance(grond.get("artikel"), str) or not str(grond.get("url", "")).startswith("http"):
        raise RegelFout(bestand, f"{rid}.grondslag",
                        "moet een tabel zijn met 'wet', 'regeling' of 'beleid', een 'artikel' en een 'url'")
    bronnen = ruw["bronnen"]
    if not isinstance(bronnen, list) or not bronnen:
        raise RegelFout(bestand, f"{rid}.bronnen", "ten minste één bron is verplicht")
    for i, bron in enumerate(bronnen):
        if not isinstance(bron, dict) or not isinstance(bron.get("titel"), str) or not bron["titel"].strip():
            raise RegelFout(bestand, f"{rid}.bronnen[{i}].titel", "ontbreekt")
        url = bron.get("url")
        if not isinstance(url, str) or not (url.startswith("https://") or url.startswith("http://")):
            raise RegelFout(bestand, f"{rid}.bronnen[{i}].url", "ontbreekt of begint niet met http(s)://")
    if not _is_datum(ruw["laatst_gecontroleerd"]):
        raise RegelFout(bestand, f"{rid}.laatst_gecontroleerd", "moet een datum JJJJ-MM-DD zijn")
    toelichting = ruw.get("toelichting")
    if toelichting is not None and (not isinstance(toelichting, str) or not toelichting.strip()):
        raise RegelFout(bestand, f"{rid}.toelichting", "moet een niet-lege tekst zijn")
    termijnen = ruw.get("termijnen", {})
    if not isinstance(termijnen, dict) or not all(isinstance(v, str) for v in termijnen.values()):
        raise RegelFout(bestand, f"{rid}.termijnen", "moet een tabel van teksten zijn")
    ruwe_waarden = ruw["waarden"]
    if not isinstance(ruwe_waarden, list) or not ruwe_waarden:
        raise RegelFout(bestand, f"{rid}.waarden", "ten minste één gedateerde waarde is verplicht")
    waarden = []
    for i, w in enumerate(ruwe_waarden):
        if not isinstance(w, dict):
            raise RegelFout(bestand, f"{rid}.waarden[{i}]", "moet een tabel zijn")
        if not _is_datum(w.get("vanaf")):
            raise RegelFout(bestand, f"{rid}.waarden[{i}].vanaf", "ontbreekt of is geen datum JJJJ-MM-DD")
        tot = w.get("tot")
        if tot is not None and (not _is_datum(tot) or tot < w["vanaf"]):
            raise RegelFout(bestand, f"{rid}.waarden[{i}].tot", "is geen datum JJJJ-MM-DD op of na 'vanaf'")
        velden = {k: v for k, v in w.items() if k not in ("vanaf", "tot")}
        if not velden:
            raise RegelFout(bestand, f"{rid}.waarden[{i}]", "heeft geen waarde naast 'vanaf'")
        waarden.append(Waarde(w["vanaf"], tot, velden))
    waarden.sort(key=lambda w: w.vanaf)
    for vorige, volgende in zip(waarden, waarden[1:]):
        if volgende.vanaf == vorige.vanaf or (vorige.tot is not None and volgende.vanaf <= vorige.tot):
            raise RegelFout(bestand, f"{rid}.waarden",
                            f"geldigheidsperiodes overlappen (vanaf {vorige.vanaf.isoformat()} en vanaf "
                            f"{volgende.vanaf.isoformat()})")
    for tid, tekst in termijnen.items():
        for w in waarden:
            try:
                tekst.format(**w.velden)
            except (KeyError, IndexError, ValueError) as fout:
                raise RegelFout(bestand, f"{rid}.termijnen.{tid}", f"verwijst naar onbekend veld {fout}") from None
    return Regel(rid, bestand, ruw["omschrijving"].strip(), ruw["rol"], dict(grond),
                 tuple(dict(b) for b in bronnen), ruw["laatst_gecontroleerd"],
                 toelichting.strip() if toelichting else None, dict(termijnen), tuple(waarden))


def laad_teksten(bestanden: Iterable[tuple[str, str]]) -> Regelset:
    """Controleer en combineer ``(bestandsnaam, toml-tekst)``-paren tot één :class:`Regelset`."""
    regels: dict[str, Regel] = {}
    meta: tuple[str, dict] | None = None
    for bestand, tekst in bestanden:
        data = _lees_toml(bestand, tekst)
        for rid, ruw in data.items():
            if rid == "meta":
                if meta is not None:
                    raise RegelFout(bestand, "meta", f"dubbele sleutel (ook in {meta[0]})")
                meta = (bestand, ruw)
                continue
            if rid in regels:
                raise RegelFout(bestand, rid, f"dubbele sleutel (ook in {regels[rid].bestand})")
            regels[rid] = _controleer_regel(bestand, rid, ruw)
    if meta is None:
        raise RegelFout("regels/*.toml", "meta", "ontbreekt (versie en laatst_gecontroleerd)")
    mbestand, m = meta
    if not isinstance(m, dict) or not isinstance(m.get("versie"), str) or not m["versie"].strip():
        raise RegelFout(mbestand, "meta.versie", "ontbreekt of is geen tekst")
    if not _is_datum(m.get("laatst_gecontroleerd")):
        raise RegelFout(mbestand, "meta.laatst_gecontroleerd", "ontbreekt of is geen datum JJJJ-MM-DD")
    nieuwste = max([m["laatst_gecontroleerd"], *(r.laatst_gecontroleerd for r in regels.values())])
    return Regelset(m["versie"].strip(), nieuwste, regels)


def laad_map(map_: str | Path) -> Regelset:
    """Laad alle ``*.toml`` uit een map (voor tests met eigen, ook foute, gegevens)."""
    paden = sorted(Path(map_).glob("*.toml"))
    return laad_teksten((f"regels/{p.name}", p.read_text(encoding="utf-8")) for p in paden)


@functools.cache
def laad_regels() -> Regelset:
    """De regelgegevens uit het geïnstalleerde pakket (ook in Pyodide: gewoon bestanden in het wheel)."""
    map_ = resources.files("poortwachter") / "regels"
    paden = sorted((p for p in map_.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
    return laad_teksten((f"regels/{p.name}", p.read_text(encoding="utf-8")) for p in paden)


# ---------------------------------------------------------------- voor site en pdf


def _json(x: Any) -> Any:
    if isinstance(x, date):
        return x.isoformat()
    if isinstance(x, dict):
        return {k: _json(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json(v) for v in x]
    return x


def regels_als_dict(peildatum: date | None = None) -> dict:
    """Alle regels als JSON-bare dict; ``waarde`` = de waarden die op ``peildatum`` golden (standaard: de nieuwste).

    Vorm (PLAN.md): ``{"versie", "laatst_gecontroleerd", "regels": {id: {"omschrijving", "rol", "grondslag",
    "bronnen", "toelichting", "laatst_gecontroleerd", "waarde", "waarde_vanaf", "waarden", "termijnen"}}}``.
    ``waarde`` is ``None`` als op ``peildatum`` geen waarde gold.
    """
    rs = laad_regels()
    uit: dict[str, Any] = {}
    for rid, r in rs.regels.items():
        w = r.nieuwste if peildatum is None else r.waarde_op(peildatum)
        uit[rid] = {
            "omschrijving": r.omschrijving,
            "rol": r.rol,
            "grondslag": _json(dict(r.grondslag)),
            "bronnen": [_json(dict(b)) for b in r.bronnen],
            "toelichting": r.toelichting,
            "laatst_gecontroleerd": r.laatst_gecontroleerd.isoformat(),
            "waarde": None if w is None else _json(dict(w.velden)),
            "waarde_vanaf": None if w is None else w.vanaf.isoformat(),
            "waarden": [{"vanaf": v.vanaf.isoformat(), "tot": v.tot.isoformat() if v.tot else None,
                         **_json(dict(v.velden))} for v in r.waarden],
            "termijnen": dict(r.termijnen),
        }
    return {"versie": rs.versie, "laatst_gecontroleerd": rs.laatst_gecontroleerd.isoformat(), "regels": uit}


# ---------------------------------------------------------------- verouderde regels (issue 15 §4)


def verouderde_regels(peildatum: date, maanden: int = 12, regels: Regelset | None = None) -> list[Regel]:
    """De regels waarvan ``laatst_gecontroleerd`` meer dan ``maanden`` kalendermaanden vóór ``peildatum`` ligt,
    oudste eerst. De peildatum is een parameter: de rekenkern leest nooit de systeemdatum."""
    grens = plus_maanden(peildatum, -maanden)
    rs = regels or laad_regels()
    oud = [r for r in rs.regels.values() if r.laatst_gecontroleerd < grens]
    return sorted(oud, key=lambda r: (r.laatst_gecontroleerd, r.id))


def verouderd_overzicht(peildatum: date, maanden: int = 12, regels: Regelset | None = None) -> list[str]:
    """:func:`verouderde_regels` als tekstregels (voor de CLI en de waarschuwing bij het bouwen van de site): per
    regel het id, de omschrijving, de datum van de laatste controle en de bronnen. Leeg als niets verouderd is."""
    uit = []
    for r in verouderde_regels(peildatum, maanden, regels):
        uit.append(f"{r.id} ({r.bestand}): laatst gecontroleerd op {datum_nl(r.laatst_gecontroleerd)}, "
                   f"meer dan {maanden} maanden vóór {datum_nl(peildatum)}: {r.omschrijving}")
        grond = r.grondslag.get("url")
        if grond:
            uit.append(f"    grondslag: {grond}")
        uit += [f"    bron: {b['titel']}: {b['url']}" for b in r.bronnen]
    return uit
