"""MkDocs hooks: render every page's Markdown through jinja2 with the engine's rule data.

Registered in mkdocs.yml under `hooks:`. Usage for page writers: CONTRIBUTING.md, "Pagina's schrijven (Jinja)"
(summary here and in the docstrings below). This module holds no legal rules and no legal numbers: every number
comes from `poortwachter` (the engine), imported by its package name so that PYTHONPATH can point a build at another
copy of calculators/src.

Context of every page:
  r            the rules: r.<regel_id>.<veld> is the value in force (r.ziekmelding_uwv.week), plus
               .omschrijving .rol .grondslag .bronnen .toelichting .laatst_gecontroleerd .id; `for regel in r`
  wetswijzigingen  the law changes and proposals (regels/wetswijzigingen.toml), oldest first: dicts with id, datum,
               datum_tekst (as precise as the source), datum_soort, status, titel, wat, stand, bij_regels, bronnen,
               laatst_gecontroleerd. Statuses: geldt, voorstel, ingetrokken, niet bevestigd; their labels are in
               docs/_data/wetswijziging_status.yml. Never type a change's date or number: use wijziging(id).datum_tekst.
  regelset     .versie .laatst_gecontroleerd of the rule data
  voorbeeld    the engine's result for the fixed example first sick day (mkdocs.yml extra.voorbeeld)
  stappen, begrippen, data.<naam>   docs/_data/*.yml (strings in them are jinja-rendered too)
  page_meta    the page's front matter
  toegankelijkheid  .meldadres: where visitors report an accessibility problem (mkdocs.yml extra.toegankelijkheid,
               else toegankelijkheid@<host of site_url>, else empty: the page then says no address is set)
Filters: euro, datum_nl, datum_kort, getal, grondslag, dagen_later(n). Functions: bronnen(*ids), termijn(id),
termijn_datum(id), regel(id), stap(id), fase(id), stappen_voor(doelgroep), sporen_svg(), wijziging(id),
wijzigingen_bij(regel_id, *statussen), artikel(id) ("artikel 7:658a lid 4": the article of a rule's grondslag or of
an entry in docs/_data/wetsartikelen.yml; never type an article number in prose), and bereken(*ziek, verlof=[]) for
a worked example of a page's own: the engine's answer (a Voorbeeld; .tijd(id) is its date as <time>).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import os
import re
import sys
import traceback
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

HIER = Path(__file__).resolve().parent
# yaml.safe_load, in C when PyYAML has libyaml (the same data, a tenth of the CPU: docs/_data is read in each language)
_YAML_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TEMPLATES = HIER / "templates"
# What does not change between builds is kept here, keyed by the hash of its inputs (issue 14, P6; also
# scripts/bouwcache_hooks.py, build_pyodide.py, build_pdf.py). POORTWACHTER_GEEN_CACHE=1: build everything from scratch.
CACHE = HIER.parent / ".cache"


def cache_aan() -> bool:
    return not os.environ.get("POORTWACHTER_GEEN_CACHE")


def schrijf_atomair(pad: Path, data: bytes) -> None:
    """Write a file of .cache/ at once: parallel builds (pytest workers) never read half a file."""
    pad.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = pad.with_suffix(f".{os.getpid()}.tmp")
    tijdelijk.write_bytes(data)
    tijdelijk.replace(pad)

DOELGROEPEN = {
    "werkgever": "Voor werkgevers",
    "werknemer": "Voor werknemers",
    "beide": "Voor werkgevers en werknemers",
}
TALEN = ("nl", "en")
STANDAARDTAAL = "nl"
# The few words this module writes itself (labels around data), per language. No legal content.
LABELS: dict[str, dict[str, Any]] = {
    "nl": {
        "doelgroepen": DOELGROEPEN, "bronnen": "Bronnen", "laatst_gecontroleerd": "laatst gecontroleerd",
        "alle_bronnen": "Alle bronnen met datum: [Bronnen](/bronnen.md).", "artikel": "artikel", "lid": "lid",
        "permalink": "Link naar dit kopje",
    },
    "en": {
        "doelgroepen": {"werkgever": "For employers", "werknemer": "For employees",
                        "beide": "For employers and employees"},
        "bronnen": "Sources", "laatst_gecontroleerd": "last checked",
        "alle_bronnen": "All sources with their dates: [Sources](/bronnen.md).", "artikel": "article", "lid": "paragraph",
        "permalink": "Link to this heading",
    },
}
# Labels of the spoor 1 / spoor 2 diagram (sporen_svg); the week numbers are filled in from the rules.
SPOREN_SVG: dict[str, dict[str, str]] = {
    "nl": {
        "probleemanalyse": "week {w}: probleemanalyse", "plan_van_aanpak": "week {w}: plan van aanpak",
        "ziekmelding_uwv": "na week {w}: melding UWV", "eerstejaarsevaluatie": "week {van}–{tot}: eerstejaarsevaluatie",
        "start_spoor_2": "uiterlijk week {w}: start spoor 2", "wia_aanvraag": "week {w}: WIA-aanvraag",
        "einde": "week {w}: einde loondoorbetaling", "titel": "Spoor 1 en spoor 2 naast elkaar",
        "uitleg": "Spoor 1, terugkeer bij de eigen werkgever, loopt van week 1 tot week {eind}. Spoor 2, werk bij een "
                  "andere werkgever, kan na de eerstejaarsevaluatie beginnen (week {van} tot {tot}) en moet uiterlijk "
                  "in week {s2} lopen, tot week {eind}. Beide sporen kunnen tegelijk lopen.",
        "spoor1": "Spoor 1: werk bij de eigen werkgever", "spoor2": "Spoor 2: werk elders",
        "eerder": "kan al eerder starten",
    },
    "en": {
        "probleemanalyse": "week {w}: probleemanalyse", "plan_van_aanpak": "week {w}: plan van aanpak",
        "ziekmelding_uwv": "after week {w}: report to UWV", "eerstejaarsevaluatie": "week {van}–{tot}: eerstejaarsevaluatie",
        "start_spoor_2": "week {w} at the latest: spoor 2 starts", "wia_aanvraag": "week {w}: WIA application",
        "einde": "week {w}: continued pay ends", "titel": "Spoor 1 and spoor 2 side by side",
        "uitleg": "Spoor 1, return to work with the own employer, runs from week 1 to week {eind}. Spoor 2, work with "
                  "another employer, can start after the first-year review (week {van} to {tot}) and must be running "
                  "by week {s2} at the latest, until week {eind}. Both tracks can run at the same time.",
        "spoor1": "Spoor 1: work with the own employer", "spoor2": "Spoor 2: work elsewhere",
        "eerder": "can start earlier",
    },
}
TWEELING = "_en"  # a data field `x` has its English twin in `x_en`


def taal_van(config) -> str:
    """The language of the build being made. mkdocs-static-i18n builds the Dutch site, then builds again for each
    other language with the same config; its `current_language` says which one (None before its first on_config,
    which runs after ours: that is the first, Dutch build)."""
    plugin = (config.get("plugins") or {}).get("i18n")
    taal = getattr(plugin, "current_language", None) or STANDAARDTAAL
    return taal if taal in TALEN else STANDAARDTAAL


def vertaalde_pagina(page, config) -> str | None:
    """The language of a page of another edition than the default one (its output lives under <taal>/), else None:
    the Dutch pages, and the shared files the English build writes again at the root (the 404 page)."""
    taal = taal_van(config)
    return taal if taal != STANDAARDTAAL and page.file.dest_uri.startswith(f"{taal}/") else None


def kies_taal(waarde: Any, taal: str) -> Any:
    """Data in one language: in the English build a field `x` takes the value of its twin `x_en` when that exists;
    in both builds the `_en` fields themselves are dropped, so templates see one set of field names."""
    if isinstance(waarde, list):
        return [kies_taal(x, taal) for x in waarde]
    if isinstance(waarde, dict):
        uit = {}
        for k, v in waarde.items():
            if isinstance(k, str) and k.endswith(TWEELING) and k[: -len(TWEELING)] in waarde:
                continue
            tweeling = waarde.get(f"{k}{TWEELING}") if taal == "en" and isinstance(k, str) else None
            uit[k] = kies_taal(tweeling if tweeling is not None else v, taal)
        return uit
    return waarde


def taalbron(src_uri: str, taal: str) -> tuple[str, str]:
    """(src_uri, dest_uri) of a page or file our hooks generate, in the language of the build. Dutch: as given. Other
    languages: the suffix-layout name (`x.en.md`, `x.en.html`, so relative links from and to it resolve like those of
    the written pages) with its output under /<taal>/ at the same path."""
    if taal == STANDAARDTAAL:
        return src_uri, ""
    map_, _, naam = src_uri.rpartition("/")
    stam, punt, ext = naam.rpartition(".")
    bron = f"{map_ + '/' if map_ else ''}{stam}.{taal}.{ext}" if punt else f"{src_uri}.{taal}"
    if ext == "md":
        doel = f"{map_ + '/' if map_ else ''}{'' if stam in ('index', 'README') else stam + '/'}index.html"
    else:
        doel = src_uri
    return bron, f"{taal}/{doel}"


def genereer(config, src_uri: str, inhoud: str | bytes, **kwargs: Any):
    """A generated mkdocs File in the language of the build (see taalbron). Added after mkdocs-static-i18n's own
    on_files (it cannot handle generated files), with the attributes its language switcher reads."""
    from types import SimpleNamespace

    from mkdocs.structure.files import File

    taal = taal_van(config)
    bron, doel = taalbron(src_uri, taal)
    f = File.generated(config, bron, content=inhoud, **kwargs)
    if doel:
        f.dest_uri = doel
        f.url = f._get_url(config["use_directory_urls"])
        f.abs_dest_path = str(Path(config["site_dir"]) / doel)
    f.locale = f.locale_alternate_of = taal
    andere = {}
    for t in TALEN:
        if t == taal:
            andere[t] = f
        else:
            _, d = taalbron(src_uri, t)
            url = (d or src_uri)
            if url.endswith(".md"):
                url = url[:-3] + "/"
                url = url.removesuffix("index/")
            elif url.endswith("index.html") and config["use_directory_urls"]:
                url = url[: -len("index.html")]
            andere[t] = SimpleNamespace(url=url)
    f.alternates = andere
    return f
META_VELDEN = ("id", "omschrijving", "rol", "grondslag", "bronnen", "toelichting", "laatst_gecontroleerd", "waarde",
               "waarde_vanaf", "waarden")


class BouwFout(Exception):
    """A reference in content or data that does not resolve."""


class Regel:
    """One rule: attribute access to its current values (waarde) and its metadata."""

    def __init__(self, regel_id: str, data: dict[str, Any]):
        self._id = regel_id
        self._data = dict(data)
        self._waarde = dict(data.get("waarde") or {})
        botsing = set(self._waarde) & set(META_VELDEN)
        if botsing:
            raise BouwFout(f"regel {regel_id}: waardeveld(en) {sorted(botsing)} botsen met metadata")

    def __getattr__(self, naam: str) -> Any:
        if naam.startswith("_"):
            raise AttributeError(naam)
        if naam == "id":
            return self._id
        if naam in self._waarde:
            return self._waarde[naam]
        if naam in META_VELDEN:
            return self._data.get(naam)
        raise AttributeError(f"regel {self._id!r} heeft geen veld {naam!r} (wel: {sorted(self._waarde)})")

    def __getitem__(self, naam: str) -> Any:
        try:
            return getattr(self, naam)
        except AttributeError as e:
            raise KeyError(naam) from e

    def __repr__(self) -> str:
        return f"Regel({self._id})"


class Regels:
    """All rules: r.<id> or r['id']; iterating yields the Regel objects sorted by id."""

    def __init__(self, regels: dict[str, dict[str, Any]]):
        self._regels = {k: Regel(k, v) for k, v in regels.items()}

    def __getattr__(self, naam: str) -> Regel:
        if naam.startswith("_"):
            raise AttributeError(naam)
        try:
            return self._regels[naam]
        except KeyError:
            raise AttributeError(f"onbekende regel {naam!r}") from None

    __getitem__ = __getattr__

    def __contains__(self, naam: str) -> bool:
        return naam in self._regels

    def __iter__(self):
        return iter(self._regels[k] for k in sorted(self._regels))


class Voorbeeld:
    """The engine result for a worked example: .eerste_ziektedag, .termijnen[id], .lijst, .signalen, .verzoek."""

    def __init__(self, resultaat: dict[str, Any], verzoek: dict[str, Any] | None = None):
        self.ruw = resultaat
        self.verzoek = verzoek
        self.eerste_ziektedag = resultaat["eerste_ziektedag"]
        self.lijst = resultaat["termijnen"]
        self.termijnen = {t["id"]: t for t in self.lijst}
        self.signalen = resultaat.get("signalen", [])
        self.regels = resultaat.get("regels", {})

    def termijn(self, termijn_id: str) -> dict[str, Any]:
        if termijn_id not in self.termijnen:
            raise BouwFout(f"onbekende termijn {termijn_id!r} (de rekenkern kent: {sorted(self.termijnen)})")
        return self.termijnen[termijn_id]

    def tijd(self, termijn_id: str) -> str:
        """Inline HTML: the date of a deadline in this example, with the request that gave it (for the tests)."""
        verzoek = html.escape(json.dumps(self.verzoek, ensure_ascii=False), quote=True)
        return _tijd(self.termijn(termijn_id), termijn_id, f' data-verzoek="{verzoek}"')


def _tijd(t: dict[str, Any], termijn_id: str, extra: str = "") -> str:
    return (f'<time class="pw-datum" datetime="{t["datum"]}" data-termijn="{termijn_id}"{extra}>'
            f'{t["datum_tekst"]}</time>')


# ---------------------------------------------------------------- filters


def _als_datum(waarde: Any) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    return dt.date.fromisoformat(str(waarde))


def f_datum_nl(waarde: Any, taal: str = STANDAARDTAAL) -> str:
    """'maandag 26 oktober 2026' / 'Monday 26 October 2026': the engine's own date text (poortwachter.berichten)."""
    from poortwachter.berichten import datum_tekst

    return datum_tekst(_als_datum(waarde), taal)


def f_datum_kort(waarde: Any, precisie: str = "dag", taal: str = STANDAARDTAAL) -> str:
    """'1 april 2017' (no weekday), or 'april 2017' / '2017' with precisie 'maand' / 'jaar': the engine's own."""
    from poortwachter.berichten import datum_kort

    return datum_kort(_als_datum(waarde), taal, precisie)


def f_dagen_later(waarde: Any, dagen: int) -> str:
    """ISO date `dagen` days after `waarde`: builds the input of a worked example from the fixed example date, so no
    example date is typed. Plain calendar arithmetic, no legal rule."""
    return (_als_datum(waarde) + dt.timedelta(days=int(dagen))).isoformat()


def f_getal(waarde: Any, decimalen: int | None = None, taal: str = STANDAARDTAAL) -> str:
    """Number notation: 1234.5 -> '1.234,5' (nl) / '1,234.5' (en)."""
    if decimalen is None:
        decimalen = 0 if float(waarde) == int(float(waarde)) else 2
    tekst = f"{float(waarde):,.{decimalen}f}"
    if taal == "en":
        return tekst
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def f_euro(waarde: Any, taal: str = STANDAARDTAAL) -> str:
    """400 -> '€ 400'; 1234.5 -> '€ 1.234,50' (nl, non-breaking space after the sign) / '€1,234.50' (en)."""
    decimalen = 0 if float(waarde) == int(float(waarde)) else 2
    return ("€" if taal == "en" else "€\u00a0") + f_getal(waarde, decimalen, taal)


def f_grondslag(g: Any, taal: str = STANDAARDTAAL) -> str:
    """A grondslag dict (regeling/wet, artikel, lid, url) as a Markdown link; lists are joined with '; '. The names of
    laws stay Dutch in both languages (they are what the sources say)."""
    if not g:
        return ""
    if isinstance(g, list):
        return "; ".join(f_grondslag(x, taal) for x in g)
    if isinstance(g, str):
        return g
    woord = LABELS[taal]
    soorten = [k for k in ("wet", "regeling", "beleid", "titel") if g.get(k)]
    delen = []
    for i, soort in enumerate(soorten):
        deel = str(g[soort])
        if i == 0:
            if g.get("artikel"):
                deel += f" {woord['artikel']} {g['artikel']}"
            if g.get("lid"):
                deel += f" {woord['lid']} {g['lid']}"
            if g.get("vindplaats"):
                deel += f" ({g['vindplaats']})"
        delen.append(deel)
    tekst = "; ".join(delen)
    return f"[{tekst}]({g['url']})" if g.get("url") else tekst


def _met_datum_tekst(w: dict[str, Any], taal: str = STANDAARDTAAL) -> dict[str, Any]:
    return {**w, "datum_tekst": f_datum_kort(w["datum"], w.get("datum_precisie", "dag"), taal)}


# ---------------------------------------------------------------- engine


def bereken_verzoek(verzoek: dict[str, Any]) -> dict[str, Any]:
    """The engine's public contract (poortwachter.contract.bereken) for one request; BouwFout with its messages if
    the engine refuses it, so a page with an impossible example does not build."""
    from poortwachter import contract

    resultaat = json.loads(contract.bereken(json.dumps(verzoek)))
    if "fouten" in resultaat:
        raise BouwFout(f"rekenvoorbeeld {verzoek}: " + "; ".join(f["melding"] for f in resultaat["fouten"]))
    return resultaat


def _laad_engine(config, taal: str = STANDAARDTAAL) -> dict[str, Any]:
    # Imported by package name on purpose: a build with PYTHONPATH=<copy>/calculators/src uses that copy. Imported anew
    # at the start of each build (the Dutch one: mkdocs-static-i18n builds the other languages after it, in the same
    # run), which its other languages then share.
    if taal == STANDAARDTAAL:
        for naam in [m for m in sys.modules if m == "poortwachter" or m.startswith("poortwachter.")]:
            del sys.modules[naam]
    from poortwachter import regels

    data = regels.regels_als_dict()
    extra = config.get("extra") or {}
    eerste = str((extra.get("voorbeeld") or {}).get("eerste_ziektedag", ""))
    if not eerste:
        raise PluginError("mkdocs.yml: extra.voorbeeld.eerste_ziektedag ontbreekt")
    verzoek = {"ziek": [eerste], "peildatum": str(data["laatst_gecontroleerd"])}
    if taal != STANDAARDTAAL:
        verzoek["taal"] = taal
    try:
        resultaat = bereken_verzoek(verzoek)
    except BouwFout as e:
        raise PluginError(str(e)) from e
    return {"regels_als_dict": data, "voorbeeld": resultaat, "verzoek": verzoek}


def toegankelijkheid(config) -> dict[str, str]:
    """The accessibility contact, configured in one place: mkdocs.yml extra.toegankelijkheid.meldadres (set by whoever
    hosts the site). Without it, a site_url gives toegankelijkheid@<its host>; without both, meldadres is empty and
    the statement says so instead of inventing an address."""
    extra = (config.get("extra") or {}).get("toegankelijkheid") or {}
    adres = str(extra.get("meldadres") or "").strip()
    if not adres and config.get("site_url"):
        host = urlsplit(str(config["site_url"])).hostname or ""
        adres = f"toegankelijkheid@{host.removeprefix('www.')}" if "." in host else ""
    if adres and not re.fullmatch(r"[^@\s<>()\[\]]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", adres):
        raise BouwFout(f"mkdocs.yml extra.toegankelijkheid.meldadres is geen e-mailadres: {adres!r}")
    return {"meldadres": adres}


# ---------------------------------------------------------------- state per build


def _bij_het_renderen(f):
    """A filter that Jinja only calls while rendering. Given constant arguments (`{{ "2026-01-05" | datum_nl }}`),
    Jinja calls a filter while compiling and puts its output in the compiled code; that code is kept in .cache/
    (Bouw.sjabloon) and shared by both languages, so it must not hold the output of our filters (the engine's date
    texts, a language's notation). Jinja never calls a filter that takes the context in advance."""
    @jinja2.pass_context
    def filter_(context, *args, **kwargs):
        return f(*args, **kwargs)
    return filter_


def _jinja_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    """.cache/jinja-inhoud-<hash>/: Jinja's bytecode cache (it checks each template's source checksum), in a folder
    per everything else the compiled code depends on: Python, Jinja, the syntax settings and policies, the names of
    the filters and tests and what they are passed. None (no cache) when a filter or test of our own could be called
    while compiling (see _bij_het_renderen): its output would then be kept too."""
    from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS
    from jinja2.utils import _PassArg

    if not cache_aan() or any(
            standaard.get(naam) is not f and _PassArg.from_obj(f) is not _PassArg.context
            for standaard, eigen in ((DEFAULT_FILTERS, env.filters), (DEFAULT_TESTS, env.tests))
            for naam, f in eigen.items()):
        return None
    sleutel = repr((sys.version, jinja2.__version__, [getattr(env, k) for k in (
        "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
        "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix", "trim_blocks",
        "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "autoescape", "optimized", "is_async")],
        sorted(env.extensions), sorted(env.policies.items()),
        None if env.finalize is None else str(_PassArg.from_obj(env.finalize)),
        sorted((n, str(_PassArg.from_obj(f))) for n, f in env.filters.items()),
        sorted((n, str(_PassArg.from_obj(f))) for n, f in env.tests.items())))
    map_ = CACHE / f"jinja-inhoud-{hashlib.sha256(sleutel.encode()).hexdigest()[:16]}"
    map_.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(map_))


class Bouw:
    def __init__(self, config):
        self.docs = Path(config["docs_dir"])
        self.taal = taal = taal_van(config)
        self.labels = LABELS[taal]
        engine = _laad_engine(config, taal)
        data = kies_taal(engine["regels_als_dict"], taal)
        self.regels_ruw = data["regels"]
        self.r = Regels(self.regels_ruw)
        self.regelset = {"versie": data.get("versie"), "laatst_gecontroleerd": data.get("laatst_gecontroleerd")}
        self.wetswijzigingen = [_met_datum_tekst(w, taal) for w in data.get("wetswijzigingen", [])]
        self.voorbeeld = Voorbeeld(engine["voorbeeld"], engine["verzoek"])
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(TEMPLATES), str(self.docs)]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            # Markdown uses `{#anchor}` in attr_lists, so jinja comments are `{## ... ##}`.
            comment_start_string="{##",
            comment_end_string="##}",
        )
        self.env.filters.update({naam: _bij_het_renderen(f) for naam, f in dict(
            euro=lambda w: f_euro(w, taal), datum_nl=lambda w: f_datum_nl(w, taal),
            datum_kort=lambda w, precisie="dag": f_datum_kort(w, precisie, taal),
            getal=lambda w, decimalen=None: f_getal(w, decimalen, taal), grondslag=lambda g: f_grondslag(g, taal),
            dagen_later=f_dagen_later).items()})
        self.context: dict[str, Any] = {
            "taal": taal,
            "r": self.r,
            "regelset": self.regelset,
            "voorbeeld": self.voorbeeld,
            "doelgroepen": self.labels["doelgroepen"],
            "wetswijzigingen": self.wetswijzigingen,
            "toegankelijkheid": toegankelijkheid(config),
        }
        self.context.update(
            bronnen=self.bronnen, termijn=self.termijn, termijn_datum=self.termijn_datum, regel=self.regel,
            wijziging=self.wijziging, wijzigingen_bij=self.wijzigingen_bij, artikel=self.artikel,
            bereken=self.bereken,
        )
        self.env.globals.update(self.context)
        self.env.bytecode_cache = _jinja_cache(self.env)  # also for {% include %}d templates
        self.data = self._laad_data()
        self.context["data"] = self.data
        for naam, waarde in self.data.items():
            self.context.setdefault(naam, waarde)
        self.context.update(stap=self.stap, stappen_voor=self.stappen_voor, fase=self.fase, sporen_svg=self.sporen_svg)
        self.env.globals.update(self.context)
        self.gebruikte_termijnen: set[str] = set()

    # -- data files -------------------------------------------------------------------------------------------
    def _laad_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        map_ = self.docs / "_data"
        for pad in sorted(map_.glob("*.yml")) if map_.is_dir() else []:
            ruw = kies_taal(yaml.load(pad.read_text(encoding="utf-8"), Loader=_YAML_LADER), self.taal)
            data[pad.stem] = self._render_data(ruw, f"{pad.relative_to(self.docs.parent)}")
        return data

    def _render_data(self, waarde: Any, waar: str) -> Any:
        if isinstance(waarde, str):
            if "{{" not in waarde and "{%" not in waarde:
                return waarde
            try:
                return self.sjabloon(waarde).render()
            except jinja2.TemplateError as e:
                raise PluginError(f"{waar}: {e}") from e
        if isinstance(waarde, list):
            return [self._render_data(x, f"{waar}[{i}]") for i, x in enumerate(waarde)]
        if isinstance(waarde, dict):
            return {k: self._render_data(v, f"{waar}.{k}") for k, v in waarde.items()}
        return waarde

    def sjabloon(self, bron: str, naam: str | None = None) -> jinja2.Template:
        """env.from_string(bron) (named `naam` in errors and tracebacks), with the compiled code kept in .cache/ under
        the hash of bron and naam: a second build compiles none of the pages and data strings again."""
        env = self.env
        bcc = env.bytecode_cache
        if bcc is None:
            return env.template_class.from_code(env, env.compile(bron, naam, naam), env.globals, None)
        sleutel = hashlib.sha256(f"{naam}\0{bron}".encode()).hexdigest()
        bucket = bcc.get_bucket(env, sleutel, None, bron)
        if bucket.code is None:
            bucket.code = env.compile(bron, naam, naam)
            bcc.set_bucket(bucket)
        return env.template_class.from_code(env, bucket.code, env.globals, None)

    # -- functions for pages ------------------------------------------------------------------------------------
    def regel(self, regel_id: str) -> Regel:
        if regel_id not in self.r:
            raise BouwFout(f"onbekende regel {regel_id!r}")
        return self.r[regel_id]

    def wijziging(self, wijziging_id: str) -> dict[str, Any]:
        for w in self.wetswijzigingen:
            if w["id"] == wijziging_id:
                return w
        raise BouwFout(f"onbekende wetswijziging {wijziging_id!r}")

    def wijzigingen_bij(self, regel_id: str, *statussen: str) -> list[dict[str, Any]]:
        """The changes shown next to rule `regel_id` (all statuses, or only the given ones), oldest first."""
        self.regel(regel_id)
        return [w for w in self.wetswijzigingen
                if regel_id in w["bij_regels"] and (not statussen or w["status"] in statussen)]

    def artikel(self, artikel_id: str) -> str:
        """'artikel 7:658a lid 4' for an entry of docs/_data/wetsartikelen.yml or for the grondslag of a rule."""
        if artikel_id in self.r:
            g = dict(self.regel(artikel_id).grondslag)
            wet = str(g.get("wet", ""))
            if wet.startswith("Burgerlijk Wetboek Boek "):
                g["boek"] = wet.rsplit(" ", 1)[1]
        else:
            g = (self.data.get("wetsartikelen") or {}).get(artikel_id)
            if not g:
                raise BouwFout(f"onbekend artikel {artikel_id!r} (niet in docs/_data/wetsartikelen.yml en geen regel)")
        nummer = f"{g['boek']}:{g['artikel']}" if g.get("boek") else f"{g['artikel']}"
        if self.taal == "en":  # English citation style: "article 7:658a(4)(a)"
            return f"article {nummer}" + "".join(f"({g[k]})" for k in ("lid", "onderdeel") if g.get(k))
        tekst = f"artikel {nummer}"
        if g.get("lid"):
            tekst += f" lid {g['lid']}"
        if g.get("onderdeel"):
            tekst += f" onder {g['onderdeel']}"
        return tekst

    def termijn(self, termijn_id: str) -> dict[str, Any]:
        """The worked example's deadline `termijn_id` (dict: datum, datum_tekst, ziekteweek, ...)."""
        t = self.voorbeeld.termijn(termijn_id)
        self.gebruikte_termijnen.add(termijn_id)
        return t

    def termijn_datum(self, termijn_id: str) -> str:
        """Inline HTML: the example date of a deadline, marked with data-termijn for the tests."""
        return _tijd(self.termijn(termijn_id), termijn_id)

    def bereken(self, *ziek: str, verlof: list[str] | tuple[str, ...] = ()) -> Voorbeeld:
        """A page's own worked example, computed by the engine at build time: bereken("D1/E1", "D2", verlof=["V/W"]).
        Periods are ISO dates (START or START/EINDE) built from the fixed example date with `dagen_later`; the
        peildatum is that of the rule data, as for the site's main example."""
        verzoek: dict[str, Any] = {"ziek": [str(z) for z in ziek]}
        if verlof:
            verzoek["verlof"] = [str(v) for v in verlof]
        verzoek["peildatum"] = str(self.regelset["laatst_gecontroleerd"])
        if self.taal != STANDAARDTAAL:
            verzoek["taal"] = self.taal
        return Voorbeeld(bereken_verzoek(verzoek), verzoek)

    def bronnen(self, *regel_ids: str, kop: str | None = None) -> str:
        """Markdown section with the sources (grondslag + bronnen) of the given rules, deduplicated by URL."""
        if not regel_ids:
            raise BouwFout("bronnen() zonder regel-id")
        kop = kop or self.labels["bronnen"]
        gezien: set[str] = set()
        regels = []
        for rid in regel_ids:
            regel = self.regel(rid)
            links = []
            g = regel.grondslag
            for item in ([g] if isinstance(g, dict) else (g or [])):
                if isinstance(item, dict) and item.get("url") and item["url"] not in gezien:
                    gezien.add(item["url"])
                    links.append(f_grondslag(item, self.taal))
            for b in regel.bronnen or []:
                if b["url"] not in gezien:
                    gezien.add(b["url"])
                    links.append(f"[{b['titel']}]({b['url']})")
            regels.append((regel, links))
        # Not in the site search: every page repeats the sources of its rules, and the Bronnen page holds them all, one
        # section per rule (a search for a source finds it there once, not on every page that cites it).
        uit = [f"## {kop} {{ data-search-exclude }}", "", '<div class="pw-bronnen" markdown>', ""]
        for regel, links in regels:
            if not links:
                continue
            datum = f_datum_nl(regel.laatst_gecontroleerd, self.taal) if regel.laatst_gecontroleerd else ""
            uit.append(f"- **{regel.omschrijving}**: " + "; ".join(links)
                       + (f" <small>({self.labels['laatst_gecontroleerd']}: {datum})</small>" if datum else ""))
        uit += ["", "</div>", "", self.labels["alle_bronnen"]]
        return "\n".join(uit) + "\n"

    def afkortingen(self) -> str:
        """Abbreviation definitions (Markdown `abbr`) from docs/_data/begrippen.yml, appended to every page so that
        the tooltips and the begrippenlijst come from one source."""
        regels = []
        for b in self.data.get("begrippen", []) or []:
            if b.get("afkorting"):
                uitleg = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(str(b.get("uitleg", "")).split()))
                uitleg = uitleg.replace("**", "").replace("*", "")
                regels.append(f"*[{b['afkorting']}]: {b['term']}. {uitleg}".rstrip())
        return ("\n\n" + "\n".join(regels) + "\n") if regels else ""

    def stap(self, stap_id: str) -> dict[str, Any]:
        for s in self.data.get("stappen", []):
            if s.get("id") == stap_id:
                return s
        raise BouwFout(f"onbekende stap {stap_id!r}")

    def fase(self, fase_id: str) -> dict[str, Any]:
        for f in self.data.get("fasen", []):
            if f.get("id") == fase_id:
                return f
        raise BouwFout(f"onbekende fase {fase_id!r}")

    def sporen_svg(self) -> str:
        """Inline SVG: spoor 1 and spoor 2 side by side on one week axis. All week numbers come from the rules."""
        r = self.r
        eind = r.wachttijd.weken
        breed, links, rechts = 720, 20, 20
        schaal = (breed - links - rechts) / eind

        def x(week: float) -> float:
            return round(links + week * schaal, 1)

        ejevan, eje, s2 = r.eerstejaarsevaluatie.vanaf_week, r.eerstejaarsevaluatie.week, r.start_spoor_2.week
        t = SPOREN_SVG[self.taal]
        mijlpalen = [  # (week, label, row)
            (r.probleemanalyse.week, t["probleemanalyse"].format(w=r.probleemanalyse.week), 0),
            (r.plan_van_aanpak.week, t["plan_van_aanpak"].format(w=r.plan_van_aanpak.week), 1),
            (r.ziekmelding_uwv.week, t["ziekmelding_uwv"].format(w=r.ziekmelding_uwv.week), 2),
            (eje, t["eerstejaarsevaluatie"].format(van=ejevan, tot=eje), 0),
            (s2, t["start_spoor_2"].format(w=s2), 1),
            (r.wia_aanvraag.week, t["wia_aanvraag"].format(w=r.wia_aanvraag.week), 2),
            (eind, t["einde"].format(w=eind), 3),
        ]
        d = []
        d.append(f'<svg class="pw-sporen" viewBox="0 0 {breed} 290" role="img" aria-labelledby="pw-sporen-titel '
                 f'pw-sporen-uitleg" xmlns="http://www.w3.org/2000/svg">')
        d.append(f'<title id="pw-sporen-titel">{t["titel"]}</title>')
        d.append(f'<desc id="pw-sporen-uitleg">{t["uitleg"].format(eind=eind, van=ejevan, tot=eje, s2=s2)}</desc>')
        # bars
        d.append(f'<rect class="pw-sporen__spoor1" x="{x(0)}" y="40" width="{x(eind) - x(0)}" height="44" rx="6"/>')
        d.append(f'<text class="pw-sporen__label" x="{x(0) + 10}" y="68">{t["spoor1"]}</text>')
        d.append(f'<rect class="pw-sporen__kan" x="{x(ejevan)}" y="100" width="{x(s2) - x(ejevan)}" height="44" rx="6"/>')
        d.append(f'<rect class="pw-sporen__spoor2" x="{x(s2)}" y="100" width="{x(eind) - x(s2)}" height="44" rx="6"/>')
        d.append(f'<text class="pw-sporen__label pw-sporen__label--eind" x="{x(eind) - 10}" y="128" '
                 f'text-anchor="end">{t["spoor2"]}</text>')
        d.append(f'<text class="pw-sporen__klein" x="{x(ejevan) - 6}" y="128" text-anchor="end">{t["eerder"]}</text>')
        # axis
        d.append(f'<line class="pw-sporen__as" x1="{x(0)}" y1="170" x2="{x(eind)}" y2="170"/>')
        for week, label, rij in mijlpalen:
            y = 192 + rij * 28
            anker = "end" if week > eind * 0.75 else "start"
            d.append(f'<line class="pw-sporen__streep" x1="{x(week)}" y1="30" x2="{x(week)}" y2="{y - 14}"/>')
            d.append(f'<text class="pw-sporen__klein" x="{x(week)}" y="{y}" text-anchor="{anker}">{label}</text>')
        d.append("</svg>")
        return '<div class="pw-diagram">' + "".join(d) + "</div>"

    def stappen_voor(self, doelgroep: str) -> list[dict[str, Any]]:
        return [s for s in self.data.get("stappen", []) if s.get("doelgroep") in (doelgroep, "beide")]


_bouw: Bouw | None = None


def _fout_regel(naam: str, verschuiving: int = 0) -> str:
    """Line number in template `naam` from the current exception's traceback, if any."""
    for frame in reversed(traceback.extract_tb(sys.exc_info()[2])):
        if frame.filename == naam:
            return f":{frame.lineno + verschuiving}"
    return ""


# ---------------------------------------------------------------- mkdocs events


def on_config(config, **kwargs):
    global _bouw
    # Material renders its 404 page into the site root in every language build; the root one is the Dutch one.
    statisch = config.theme.static_templates
    (statisch.add if taal_van(config) == STANDAARDTAAL else statisch.discard)("404.html")
    toc = (config.get("mdx_configs") or {}).get("toc")
    if toc is not None:
        toc["permalink_title"] = LABELS[taal_van(config)]["permalink"]
    try:
        _bouw = Bouw(config)
    except BouwFout as e:
        raise PluginError(str(e)) from e
    return config


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    assert _bouw is not None
    bron = page.file.src_uri
    doelgroep = page.meta.get("doelgroep")
    if doelgroep not in DOELGROEPEN:
        raise PluginError(f"docs/{bron}: front matter 'doelgroep' ontbreekt of is ongeldig ({doelgroep!r}); "
                          f"kies uit {', '.join(DOELGROEPEN)}")
    try:
        ruw = page.file.content_string
        begin = ruw.find(markdown[:200]) if markdown.strip() else -1
        verschuiving = ruw[:begin].count("\n") if begin > 0 else 0  # front matter lines, for error line numbers
    except Exception:  # noqa: BLE001 - only used to improve an error message
        verschuiving = 0
    try:
        # Compiled with the file name so that errors and tracebacks name docs/<page>.md and its line.
        tekst = _bouw.sjabloon(markdown, f"docs/{bron}").render(page_meta=page.meta)
    except (jinja2.TemplateError, BouwFout, AttributeError, KeyError) as e:
        if isinstance(e, jinja2.TemplateSyntaxError) and e.lineno:
            waar = f":{e.lineno + verschuiving}"
        else:
            waar = _fout_regel(f"docs/{bron}", verschuiving)
        raise PluginError(f"docs/{bron}{waar}: {type(e).__name__}: {e}") from e
    return _met_doelgroep(tekst, doelgroep, _bouw.labels["doelgroepen"]) + _bouw.afkortingen()


def _met_doelgroep(tekst: str, doelgroep: str, labels: dict[str, str] = DOELGROEPEN) -> str:
    label = (f'<p class="pw-doelgroep pw-doelgroep--{doelgroep}" data-doelgroep="{doelgroep}">'
             f'{labels[doelgroep]}</p>')
    regels = tekst.split("\n")
    for i, regel in enumerate(regels):
        if re.match(r"#\s", regel):
            return "\n".join(regels[: i + 1] + ["", label, ""] + regels[i + 1:])
    return label + "\n\n" + tekst


# dest_uri of every file of the build being made (on_nav), for on_post_page.
_bestemmingen: set[str] = set()
# `\b(?:src|href)="`, written so that the pattern starts with a letter: the regex engine then scans for s and h
# instead of trying a word boundary at every character (this hook's CPU over the English pages halves; same matches).
_RUWE_URL = re.compile(r'(?P<voor>(?:s(?<!\ws)rc|h(?<!\wh)ref)=")'
                       r'(?P<url>(?![a-z][a-z0-9+.-]*:|/|#)[^"#?]+)(?P<na>[#?"])')


@event_priority(-110)
def on_post_page(output: str, page, config, **kwargs) -> str:
    """Raw HTML in a page (a <script src>, a <link href> in Markdown) is not rewritten by mkdocs. An English page lives
    one folder deeper (en/...), but shares the assets at the root: a relative URL that would point into en/ at a file
    that only exists at the root is pointed at the root file."""
    if vertaalde_pagina(page, config) is None:
        return output
    import posixpath

    map_ = posixpath.dirname(page.file.dest_uri)

    def richt(m: re.Match[str]) -> str:
        url = m.group("url")
        doel = posixpath.normpath(posixpath.join(map_, url))
        kandidaten = (doel, f"{doel}/index.html", f"{doel}index.html")
        if any(k in _bestemmingen for k in kandidaten):
            return m.group(0)
        gedeeld = doel.split("/", 1)[1] if "/" in doel else ""
        if gedeeld and any(k in _bestemmingen for k in (gedeeld, f"{gedeeld}/index.html")):
            nieuw = posixpath.relpath(gedeeld, map_) + ("/" if url.endswith("/") else "")
            return f"{m.group('voor')}{nieuw}{m.group('na')}"
        return m.group(0)

    return _RUWE_URL.sub(richt, output)


# The embed templates as the Dutch build rendered them: the English build writes them again unchanged (an asset
# without an English twin is shared, and must not be re-rendered in English over the Dutch one).
_gerenderd: dict[str, str] = {}


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): it cannot handle generated files
def on_files(files, config, **kwargs):
    """The embed pages (docs/embed/v<n>/.../*.html) are plain HTML pages without Material. Those written as templates
    (the shared head scripts/templates/embed_kop.html, a shared form, {{ r.<regel>.<veld> }}) are rendered with the
    same jinja environment as the Markdown pages, so their numbers come from the engine too. An English twin
    (`index.en.html`, chosen by the i18n plugin in the English build, output under en/) is rendered in English."""
    from mkdocs.structure.files import File

    assert _bouw is not None
    for f in list(files):
        if not (f.src_uri.startswith("embed/") and f.src_uri.endswith(".html")):
            continue
        eigen_taal = f.dest_uri.startswith(f"{_bouw.taal}/") or _bouw.taal == STANDAARDTAAL
        if not eigen_taal:
            if f.src_uri in _gerenderd:
                files.remove(f)
                files.append(File.generated(config, f.src_uri, content=_gerenderd[f.src_uri]))
            continue
        tekst = f.content_string
        if "{{" not in tekst and "{%" not in tekst:
            continue
        try:
            inhoud = _bouw.sjabloon(tekst).render()
        except (jinja2.TemplateError, BouwFout, AttributeError, KeyError) as e:
            raise PluginError(f"docs/{f.src_uri}: {type(e).__name__}: {e}") from e
        if _bouw.taal == STANDAARDTAAL:
            _gerenderd[f.src_uri] = inhoud
        files.remove(f)
        nieuw = File.generated(config, f.src_uri, content=inhoud)
        nieuw.dest_uri = f.dest_uri
        nieuw.url = nieuw._get_url(config["use_directory_urls"])
        nieuw.abs_dest_path = f.abs_dest_path
        files.append(nieuw)
    return files


def on_nav(nav, config, files, **kwargs):
    """Remember every file of this build (also those the other hooks generated) for on_post_page."""
    _bestemmingen.clear()
    _bestemmingen.update(f.dest_uri for f in files)
    return nav
