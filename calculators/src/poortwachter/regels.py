"""Laden en controleren van de gedateerde regelgegevens in ``regels/*.toml``.

Elke wettelijke waarde heeft één thuis: deze bestanden. Bij het laden controleren we dat elke regel een omschrijving,
een rol, een grondslag, ten minste één bron (titel + url), een datum ``laatst_gecontroleerd`` en gedateerde waarden
heeft, en dat de geldigheidsperiodes van die waarden elkaar niet overlappen (issue 3 §2). Een fout noemt altijd het
bestand en de sleutel.

De tabel ``wetswijzigingen`` (in ``regels/wetswijzigingen.toml``) houdt wijzigingen en voorstellen bij, elk met datum,
een status uit :data:`STATUSSEN`, bronnen en ``laatst_gecontroleerd`` (issue 15 §2). Ook die worden hier gecontroleerd.
"""

from __future__ import annotations

import functools
import re
import string
import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable, Mapping

from .datums import datum_nl, plus_maanden

ROLLEN = frozenset({"werkgever", "werknemer", "UWV", "werkgever en werknemer", "bedrijfsarts"})
REGEL_SLEUTELS = frozenset({"omschrijving", "rol", "grondslag", "bronnen", "laatst_gecontroleerd", "toelichting",
                            "termijnen", "waarden", "omschrijving_en", "termijnen_en", "toelichting_en"})
VERPLICHT = ("omschrijving", "rol", "grondslag", "bronnen", "laatst_gecontroleerd", "waarden")
# Status van een wetswijziging: een gesloten lijst, zodat de site elke status kan uitleggen (issue 15 §2).
STATUSSEN = ("geldt", "voorstel", "ingetrokken", "niet bevestigd")
DATUM_PRECISIES = ("dag", "maand", "jaar")
WIJZIGING_SLEUTELS = frozenset({"datum", "datum_precisie", "datum_soort", "status", "titel", "wat", "wat_en", "regel",
                                "waarde_op", "velden", "stand", "bij_regels", "bronnen", "laatst_gecontroleerd",
                                "titel_en", "datum_soort_en", "stand_en"})
# De Engelse tweelingen van een wetswijziging (issue 13): elk alleen naast zijn Nederlandse veld.
WIJZIGING_ENGELS = ("titel_en", "wat_en", "datum_soort_en", "stand_en")
WIJZIGING_VERPLICHT = ("datum", "datum_soort", "status", "titel", "wat", "bronnen", "laatst_gecontroleerd")


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
    # De Engelse tweelingen (issue 13): verplicht bij een regel met termijnen, met dezelfde termijn-id's en velden.
    omschrijving_en: str | None = None
    termijnen_en: Mapping[str, str] = field(default_factory=dict)
    toelichting_en: str | None = None

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


@dataclass(frozen=True, eq=False)
class Wetswijziging:
    """Een wijziging of voorstel; ``titel`` en ``wat`` zijn al gevuld met de getallen uit de regels en ``velden``."""
    id: str
    datum: date
    datum_precisie: str
    datum_soort: str
    status: str
    titel: str
    wat: str
    stand: str | None
    bij_regels: tuple[str, ...]
    bronnen: tuple[Mapping[str, str], ...]
    laatst_gecontroleerd: date
    #: ``wat`` in het Engels (issue 13), gevuld als ``wat``; verplicht waar de wijziging in een signaal komt (getest).
    wat_en: str | None = None
    #: De andere Engelse tweelingen (issue 13); ``titel_en`` gevuld als ``titel``.
    titel_en: str | None = None
    datum_soort_en: str | None = None
    stand_en: str | None = None


@dataclass(frozen=True, eq=False)  # hashbaar op identiteit (voor caches)
class Regelset:
    versie: str
    laatst_gecontroleerd: date  # de nieuwste datum over alle regels en meta
    regels: Mapping[str, Regel] = field(default_factory=dict)
    wetswijzigingen: tuple[Wetswijziging, ...] = ()  # oplopend op datum

    def wijzigingen_bij(self, regel_id: str, statussen: Iterable[str] = STATUSSEN) -> tuple[Wetswijziging, ...]:
        """De wijzigingen die naast regel ``regel_id`` getoond worden, beperkt tot ``statussen``."""
        gevraagd = set(statussen)
        return tuple(w for w in self.wetswijzigingen if regel_id in w.bij_regels and w.status in gevraagd)

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


def _controleer_bronnen(bestand: str, sleutel: str, bronnen: object) -> list[dict]:
    if not isinstance(bronnen, list) or not bronnen:
        raise RegelFout(bestand, f"{sleutel}.bronnen", "ten minste één bron is verplicht")
    for i, bron in enumerate(bronnen):
        if not isinstance(bron, dict) or not isinstance(bron.get("titel"), str) or not bron["titel"].strip():
            raise RegelFout(bestand, f"{sleutel}.bronnen[{i}].titel", "ontbreekt")
        url = bron.get("url")
        if not isinstance(url, str) or not (url.startswith("https://") or url.startswith("http://")):
            raise RegelFout(bestand, f"{sleutel}.bronnen[{i}].url", "ontbreekt of begint niet met http(s)://")
    return bronnen


def _tekst(bestand: str, sleutel: str, x: object) -> str:
    if not isinstance(x, str) or not x.strip():
        raise RegelFout(bestand, sleutel, "moet een niet-lege tekst zijn")
    return " ".join(x.split())


def _controleer_sleutels(bestand: str, sleutel: str, ruw: object, soort: str, verplicht: Iterable[str],
                         toegestaan: frozenset[str]) -> None:
    """Een tabel met alle verplichte sleutels en geen onbekende (een tikfout valt zo op)."""
    if not isinstance(ruw, dict):
        raise RegelFout(bestand, sleutel, f"een {soort} moet een tabel zijn")
    for naam in verplicht:
        if naam not in ruw:
            raise RegelFout(bestand, f"{sleutel}.{naam}", "ontbreekt")
    onbekend = sorted(set(ruw) - toegestaan)
    if onbekend:
        raise RegelFout(bestand, f"{sleutel}.{onbekend[0]}", "onbekende sleutel")


def _controleer_wijziging(bestand: str, wid: str, ruw: object, regels: Mapping[str, Regel]) -> Wetswijziging:
    sleutel = f"wetswijzigingen.{wid}"
    _controleer_sleutels(bestand, sleutel, ruw, "wetswijziging", WIJZIGING_VERPLICHT, WIJZIGING_SLEUTELS)
    if ruw["status"] not in STATUSSEN:
        raise RegelFout(bestand, f"{sleutel}.status", f"onbekende status {ruw['status']!r}; kies uit {list(STATUSSEN)}")
    for naam in ("datum", "laatst_gecontroleerd"):
        if not _is_datum(ruw[naam]):
            raise RegelFout(bestand, f"{sleutel}.{naam}", "moet een datum JJJJ-MM-DD zijn")
    precisie = ruw.get("datum_precisie", "dag")
    if precisie not in DATUM_PRECISIES:
        raise RegelFout(bestand, f"{sleutel}.datum_precisie", f"moet een van {list(DATUM_PRECISIES)} zijn")
    bronnen = _controleer_bronnen(bestand, sleutel, ruw["bronnen"])
    velden = ruw.get("velden", {})
    if not isinstance(velden, dict):
        raise RegelFout(bestand, f"{sleutel}.velden", "moet een tabel zijn")
    # De getallen in de tekst komen uit de regel zoals die op 'waarde_op' (standaard: de datum) gold, zodat een
    # getal in de omschrijving nooit los van de regelgegevens getypt hoeft te worden.
    invul = dict(velden)
    if "regel" in ruw:
        if ruw["regel"] not in regels:
            raise RegelFout(bestand, f"{sleutel}.regel", f"onbekende regel {ruw['regel']!r}")
        peil = ruw.get("waarde_op", ruw["datum"])
        if not _is_datum(peil):
            raise RegelFout(bestand, f"{sleutel}.waarde_op", "moet een datum JJJJ-MM-DD zijn")
        w = regels[ruw["regel"]].waarde_op(peil)
        if w is None:
            raise RegelFout(bestand, f"{sleutel}.regel",
                            f"regel {ruw['regel']!r} heeft geen waarde op {peil.isoformat()}")
        invul = {**w.velden, **velden}
    elif "waarde_op" in ruw:
        raise RegelFout(bestand, f"{sleutel}.waarde_op", "heeft alleen zin samen met 'regel'")
    for naam in WIJZIGING_ENGELS:
        if naam in ruw and naam[:-3] not in ruw:
            raise RegelFout(bestand, f"{sleutel}.{naam}", f"staat er zonder '{naam[:-3]}'")
    teksten = {}
    for naam in ("titel", "wat", "wat_en", "titel_en"):
        if naam not in ruw:
            continue
        try:
            teksten[naam] = _tekst(bestand, f"{sleutel}.{naam}", ruw[naam]).format(**invul)
        except (KeyError, IndexError, ValueError) as fout:
            raise RegelFout(bestand, f"{sleutel}.{naam}", f"verwijst naar onbekend veld {fout}") from None
    for naam in ("wat", "titel"):
        if f"{naam}_en" in ruw and _velden(ruw[f"{naam}_en"]) != _velden(ruw[naam]):
            raise RegelFout(bestand, f"{sleutel}.{naam}_en", f"moet dezelfde {{velden}} hebben als '{naam}'")
    stand = _tekst(bestand, f"{sleutel}.stand", ruw["stand"]) if "stand" in ruw else None
    engels = {naam: _tekst(bestand, f"{sleutel}.{naam}", ruw[naam]) for naam in ("datum_soort_en", "stand_en")
              if naam in ruw}
    bij = ruw.get("bij_regels", [])
    if not isinstance(bij, list) or not all(isinstance(x, str) for x in bij):
        raise RegelFout(bestand, f"{sleutel}.bij_regels", "moet een lijst van regel-ids zijn")
    for rid in bij:
        if rid not in regels:
            raise RegelFout(bestand, f"{sleutel}.bij_regels", f"onbekende regel {rid!r}")
    return Wetswijziging(wid, ruw["datum"], precisie, _tekst(bestand, f"{sleutel}.datum_soort", ruw["datum_soort"]),
                         ruw["status"], teksten["titel"], teksten["wat"], stand, tuple(bij),
                         tuple(dict(b) for b in bronnen), ruw["laatst_gecontroleerd"], teksten.get("wat_en"),
                         teksten.get("titel_en"), engels.get("datum_soort_en"), engels.get("stand_en"))


def _controleer_regel(bestand: str, rid: str, ruw: object) -> Regel:
    _controleer_sleutels(bestand, rid, ruw, "regel", VERPLICHT, REGEL_SLEUTELS)
    if not isinstance(ruw["omschrijving"], str) or not ruw["omschrijving"].strip():
        raise RegelFout(bestand, f"{rid}.omschrijving", "moet een niet-lege tekst zijn")
    if ruw["rol"] not in ROLLEN:
        raise RegelFout(bestand, f"{rid}.rol", f"moet een van {sorted(ROLLEN)} zijn")
    grond = ruw["grondslag"]
    if not isinstance(grond, dict) or not any(k in grond for k in ("wet", "regeling", "beleid")) \
            or not isinstance(grond.get("artikel"), str) or not str(grond.get("url", "")).startswith("http"):
        raise RegelFout(bestand, f"{rid}.grondslag",
                        "moet een tabel zijn met 'wet', 'regeling' of 'beleid', een 'artikel' en een 'url'")
    bronnen = _controleer_bronnen(bestand, rid, ruw["bronnen"])
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
    # De Engelse teksten hebben dezelfde velden als de Nederlandse (hierboven gecontroleerd tegen de waarden).
    omschrijving_en, termijnen_en = _controleer_engels(bestand, rid, ruw, termijnen)
    return Regel(rid, bestand, ruw["omschrijving"].strip(), ruw["rol"], dict(grond),
                 tuple(dict(b) for b in bronnen), ruw["laatst_gecontroleerd"],
                 toelichting.strip() if toelichting else None, dict(termijnen), tuple(waarden),
                 omschrijving_en, termijnen_en, _controleer_toelichting_en(bestand, rid, ruw, bool(termijnen)))


def _controleer_toelichting_en(bestand: str, rid: str, ruw: dict, in_antwoord: bool) -> str | None:
    """``toelichting_en`` alleen naast ``toelichting``; bij een regel met termijnen (die toelichting staat in het
    antwoord) allebei of geen van beide."""
    nl, en = ruw.get("toelichting"), ruw.get("toelichting_en")
    if en is not None and (not isinstance(en, str) or not en.strip()):
        raise RegelFout(bestand, f"{rid}.toelichting_en", "moet een niet-lege tekst zijn")
    if (en is not None and nl is None) or (in_antwoord and (nl is None) != (en is None)):
        raise RegelFout(bestand, f"{rid}.toelichting_en",
                        "'toelichting' en 'toelichting_en' horen bij elkaar: allebei of geen van beide")
    return en.strip() if en else None


def _velden(tekst: str) -> list[str]:
    return sorted(naam for _, naam, _, _ in string.Formatter().parse(tekst) if naam)


def _controleer_engels(bestand: str, rid: str, ruw: dict, termijnen: dict) -> tuple[str | None, dict[str, str]]:
    """``omschrijving_en`` en ``termijnen_en``: allebei bij een regel met ``termijnen`` (die teksten staan in het
    antwoord), of geen van beide; dezelfde termijn-id's en dezelfde velden als de Nederlandse tekst. Een regel zonder
    termijnen mag een ``omschrijving_en`` hebben (voor de Engelse site)."""
    omschrijving_en, termijnen_en = ruw.get("omschrijving_en"), ruw.get("termijnen_en")
    if bool(termijnen) != (termijnen_en is not None) or (bool(termijnen) and omschrijving_en is None):
        raise RegelFout(bestand, f"{rid}.termijnen_en",
                        "'termijnen', 'termijnen_en' en 'omschrijving_en' horen bij elkaar: alle drie of geen")
    if omschrijving_en is not None and (not isinstance(omschrijving_en, str) or not omschrijving_en.strip()):
        raise RegelFout(bestand, f"{rid}.omschrijving_en", "moet een niet-lege tekst zijn")
    if not termijnen:
        return (omschrijving_en.strip() if omschrijving_en else None), {}
    if not isinstance(termijnen_en, dict) or set(termijnen_en) != set(termijnen) \
            or not all(isinstance(v, str) and _velden(v) == _velden(termijnen[k]) for k, v in termijnen_en.items()):
        raise RegelFout(bestand, f"{rid}.termijnen_en",
                        "moet dezelfde termijn-id's hebben als 'termijnen', met dezelfde {velden}")
    return omschrijving_en.strip(), dict(termijnen_en)


def laad_teksten(bestanden: Iterable[tuple[str, str]]) -> Regelset:
    """Controleer en combineer ``(bestandsnaam, toml-tekst)``-paren tot één :class:`Regelset`."""
    regels: dict[str, Regel] = {}
    meta: tuple[str, dict] | None = None
    wijzigingen: tuple[str, dict] | None = None
    for bestand, tekst in bestanden:
        data = _lees_toml(bestand, tekst)
        for rid, ruw in data.items():
            if rid == "meta":
                if meta is not None:
                    raise RegelFout(bestand, "meta", f"dubbele sleutel (ook in {meta[0]})")
                meta = (bestand, ruw)
                continue
            if rid == "wetswijzigingen":
                if wijzigingen is not None:
                    raise RegelFout(bestand, rid, f"dubbele sleutel (ook in {wijzigingen[0]})")
                if not isinstance(ruw, dict):
                    raise RegelFout(bestand, rid, "moet een tabel van wijzigingen zijn")
                wijzigingen = (bestand, ruw)
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
    lijst: list[Wetswijziging] = []
    if wijzigingen is not None:
        wbestand, ruwe = wijzigingen
        lijst = sorted((_controleer_wijziging(wbestand, wid, w, regels) for wid, w in ruwe.items()),
                       key=lambda w: (w.datum, w.id))
    nieuwste = max([m["laatst_gecontroleerd"], *(r.laatst_gecontroleerd for r in regels.values()),
                    *(w.laatst_gecontroleerd for w in lijst)])
    return Regelset(m["versie"].strip(), nieuwste, regels, tuple(lijst))


def laad_map(map_: str | Path) -> Regelset:
    """Laad alle ``*.toml`` uit een map (voor tests met eigen, ook foute, gegevens)."""
    paden = sorted(Path(map_).glob("*.toml"))
    return laad_teksten((f"regels/{p.name}", p.read_text(encoding="utf-8")) for p in paden)


@functools.cache
def laad_regels() -> Regelset:
    """De regelgegevens uit het geïnstalleerde pakket (ook in Pyodide: gewoon bestanden in het wheel)."""
    # De map naast dit bestand (het wheel wordt altijd uitgepakt geïnstalleerd, ook in Pyodide). Als
    # importlib.resources.files("poortwachter"), zonder dat pakket te importeren: in Pyodide tientallen ms op de
    # eerste berekening (issue 14, P1).
    map_ = Path(__file__).parent / "regels"
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


def _engels(tweelingen: dict[str, Any]) -> dict[str, Any]:
    """Alleen de Engelse tweelingen die er zijn (issue 13): zonder tweeling blijft het antwoord zoals het was."""
    return {k: v for k, v in tweelingen.items() if v is not None}


def regels_als_dict(peildatum: date | None = None) -> dict:
    """Alle regels als JSON-bare dict; ``waarde`` = de waarden die op ``peildatum`` golden (standaard: de nieuwste).

    Vorm (calculators/README.md, "Regels voor site en pdf"): ``{"versie", "laatst_gecontroleerd", "regels": {id:
    {"omschrijving", "rol", "grondslag", "bronnen", "toelichting", "laatst_gecontroleerd", "waarde", "waarde_vanaf",
    "waarden", "termijnen"}}, "wetswijzigingen": [{"id", "datum", "datum_precisie", "datum_soort", "status", "titel",
    "wat", "stand", "bij_regels", "bronnen", "laatst_gecontroleerd"}]}`` (wetswijzigingen oplopend op datum).
    ``waarde`` is ``None`` als op ``peildatum`` geen waarde gold. De Engelse tweelingen (issue 13) staan er achteraan
    bij, alleen als ze bestaan: bij een regel ``omschrijving_en``, ``toelichting_en`` en ``termijnen_en``, bij een
    wetswijziging ``titel_en``, ``wat_en``, ``datum_soort_en`` en ``stand_en`` (``titel_en`` en ``wat_en`` al gevuld,
    zoals ``titel`` en ``wat``).
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
            **_engels({"omschrijving_en": r.omschrijving_en, "toelichting_en": r.toelichting_en,
                       "termijnen_en": dict(r.termijnen_en) or None}),
        }
    wijzigingen = [{"id": w.id, "datum": w.datum.isoformat(), "datum_precisie": w.datum_precisie,
                    "datum_soort": w.datum_soort, "status": w.status, "titel": w.titel, "wat": w.wat,
                    "stand": w.stand, "bij_regels": list(w.bij_regels), "bronnen": [dict(b) for b in w.bronnen],
                    "laatst_gecontroleerd": w.laatst_gecontroleerd.isoformat(),
                    **_engels({"titel_en": w.titel_en, "wat_en": w.wat_en, "datum_soort_en": w.datum_soort_en,
                               "stand_en": w.stand_en})} for w in rs.wetswijzigingen]
    return {"versie": rs.versie, "laatst_gecontroleerd": rs.laatst_gecontroleerd.isoformat(), "regels": uit,
            "wetswijzigingen": wijzigingen}


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
