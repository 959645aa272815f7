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
Filters: euro, datum_nl, datum_kort, getal, grondslag. Functions: bronnen(*ids), termijn(id), termijn_datum(id),
regel(id), stap(id), fase(id), stappen_voor(doelgroep), sporen_svg(), wijziging(id),
wijzigingen_bij(regel_id, *statussen), artikel(id) ("artikel 7:658a lid 4": the article of a rule's grondslag or of
an entry in docs/_data/wetsartikelen.yml; never type an article number in prose).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import traceback
from pathlib import Path
from typing import Any

import jinja2
import yaml
from mkdocs.exceptions import PluginError

HIER = Path(__file__).resolve().parent
TEMPLATES = HIER / "templates"

DOELGROEPEN = {
    "werkgever": "Voor werkgevers",
    "werknemer": "Voor werknemers",
    "beide": "Voor werkgevers en werknemers",
}
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
    """The engine result for the worked example: .eerste_ziektedag, .termijnen[id], .lijst, .signalen."""

    def __init__(self, resultaat: dict[str, Any]):
        self.ruw = resultaat
        self.eerste_ziektedag = resultaat["eerste_ziektedag"]
        self.lijst = resultaat["termijnen"]
        self.termijnen = {t["id"]: t for t in self.lijst}
        self.signalen = resultaat.get("signalen", [])
        self.regels = resultaat.get("regels", {})


# ---------------------------------------------------------------- filters


def _als_datum(waarde: Any) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    return dt.date.fromisoformat(str(waarde))


def f_datum_nl(waarde: Any) -> str:
    from poortwachter.datums import datum_nl

    return datum_nl(_als_datum(waarde))


def f_datum_kort(waarde: Any, precisie: str = "dag") -> str:
    """'1 april 2017' (no weekday), or 'april 2017' / '2017' with precisie 'maand' / 'jaar'."""
    from poortwachter.datums import datum_kort

    return datum_kort(_als_datum(waarde), precisie)


def f_getal(waarde: Any, decimalen: int | None = None) -> str:
    """Dutch number notation: 1234.5 -> '1.234,5'."""
    if decimalen is None:
        decimalen = 0 if float(waarde) == int(float(waarde)) else 2
    tekst = f"{float(waarde):,.{decimalen}f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".")


def f_euro(waarde: Any) -> str:
    """400 -> '€ 400'; 1234.5 -> '€ 1.234,50' (non-breaking space after the sign)."""
    decimalen = 0 if float(waarde) == int(float(waarde)) else 2
    return "€\u00a0" + f_getal(waarde, decimalen)


def f_grondslag(g: Any) -> str:
    """A grondslag dict (regeling/wet, artikel, lid, url) as a Markdown link; lists are joined with '; '."""
    if not g:
        return ""
    if isinstance(g, list):
        return "; ".join(f_grondslag(x) for x in g)
    if isinstance(g, str):
        return g
    soorten = [k for k in ("wet", "regeling", "beleid", "titel") if g.get(k)]
    delen = []
    for i, soort in enumerate(soorten):
        deel = str(g[soort])
        if i == 0:
            if g.get("artikel"):
                deel += f" artikel {g['artikel']}"
            if g.get("lid"):
                deel += f" lid {g['lid']}"
            if g.get("vindplaats"):
                deel += f" ({g['vindplaats']})"
        delen.append(deel)
    tekst = "; ".join(delen)
    return f"[{tekst}]({g['url']})" if g.get("url") else tekst


def _met_datum_tekst(w: dict[str, Any]) -> dict[str, Any]:
    return {**w, "datum_tekst": f_datum_kort(w["datum"], w.get("datum_precisie", "dag"))}


# ---------------------------------------------------------------- engine


def _laad_engine(config) -> dict[str, Any]:
    # Imported by package name on purpose: a build with PYTHONPATH=<copy>/calculators/src uses that copy.
    for naam in [m for m in sys.modules if m == "poortwachter" or m.startswith("poortwachter.")]:
        del sys.modules[naam]
    from poortwachter import contract, regels

    data = regels.regels_als_dict()
    extra = config.get("extra") or {}
    eerste = str((extra.get("voorbeeld") or {}).get("eerste_ziektedag", ""))
    if not eerste:
        raise PluginError("mkdocs.yml: extra.voorbeeld.eerste_ziektedag ontbreekt")
    verzoek = {"ziek": [eerste], "peildatum": str(data["laatst_gecontroleerd"])}
    resultaat = json.loads(contract.bereken(json.dumps(verzoek)))
    if "fouten" in resultaat:
        raise PluginError(f"rekenvoorbeeld {verzoek}: {resultaat['fouten']}")
    return {"regels_als_dict": data, "voorbeeld": resultaat}


# ---------------------------------------------------------------- state per build


class Bouw:
    def __init__(self, config):
        self.docs = Path(config["docs_dir"])
        engine = _laad_engine(config)
        data = engine["regels_als_dict"]
        self.regels_ruw = data["regels"]
        self.r = Regels(self.regels_ruw)
        self.regelset = {"versie": data.get("versie"), "laatst_gecontroleerd": data.get("laatst_gecontroleerd")}
        self.wetswijzigingen = [_met_datum_tekst(w) for w in data.get("wetswijzigingen", [])]
        self.voorbeeld = Voorbeeld(engine["voorbeeld"])
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader([str(TEMPLATES), str(self.docs)]),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            autoescape=False,
            # Markdown uses `{#anchor}` in attr_lists, so jinja comments are `{## ... ##}`.
            comment_start_string="{##",
            comment_end_string="##}",
        )
        self.env.filters.update(euro=f_euro, datum_nl=f_datum_nl, datum_kort=f_datum_kort, getal=f_getal,
                                grondslag=f_grondslag)
        self.context: dict[str, Any] = {
            "r": self.r,
            "regelset": self.regelset,
            "voorbeeld": self.voorbeeld,
            "doelgroepen": DOELGROEPEN,
            "wetswijzigingen": self.wetswijzigingen,
        }
        self.context.update(
            bronnen=self.bronnen, termijn=self.termijn, termijn_datum=self.termijn_datum, regel=self.regel,
            wijziging=self.wijziging, wijzigingen_bij=self.wijzigingen_bij, artikel=self.artikel,
        )
        self.env.globals.update(self.context)
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
            ruw = yaml.safe_load(pad.read_text(encoding="utf-8"))
            data[pad.stem] = self._render_data(ruw, f"{pad.relative_to(self.docs.parent)}")
        return data

    def _render_data(self, waarde: Any, waar: str) -> Any:
        if isinstance(waarde, str):
            if "{{" not in waarde and "{%" not in waarde:
                return waarde
            try:
                return self.env.from_string(waarde).render()
            except jinja2.TemplateError as e:
                raise PluginError(f"{waar}: {e}") from e
        if isinstance(waarde, list):
            return [self._render_data(x, f"{waar}[{i}]") for i, x in enumerate(waarde)]
        if isinstance(waarde, dict):
            return {k: self._render_data(v, f"{waar}.{k}") for k, v in waarde.items()}
        return waarde

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
        tekst = f"artikel {g['boek']}:{g['artikel']}" if g.get("boek") else f"artikel {g['artikel']}"
        if g.get("lid"):
            tekst += f" lid {g['lid']}"
        if g.get("onderdeel"):
            tekst += f" onder {g['onderdeel']}"
        return tekst

    def termijn(self, termijn_id: str) -> dict[str, Any]:
        """The worked example's deadline `termijn_id` (dict: datum, datum_tekst, ziekteweek, ...)."""
        if termijn_id not in self.voorbeeld.termijnen:
            raise BouwFout(f"onbekende termijn {termijn_id!r} (de rekenkern kent: {sorted(self.voorbeeld.termijnen)})")
        self.gebruikte_termijnen.add(termijn_id)
        return self.voorbeeld.termijnen[termijn_id]

    def termijn_datum(self, termijn_id: str) -> str:
        """Inline HTML: the example date of a deadline, marked with data-termijn for the tests."""
        t = self.termijn(termijn_id)
        return f'<time class="pw-datum" datetime="{t["datum"]}" data-termijn="{termijn_id}">{t["datum_tekst"]}</time>'

    def bronnen(self, *regel_ids: str, kop: str = "Bronnen") -> str:
        """Markdown section with the sources (grondslag + bronnen) of the given rules, deduplicated by URL."""
        if not regel_ids:
            raise BouwFout("bronnen() zonder regel-id")
        gezien: set[str] = set()
        regels = []
        for rid in regel_ids:
            regel = self.regel(rid)
            links = []
            g = regel.grondslag
            for item in ([g] if isinstance(g, dict) else (g or [])):
                if isinstance(item, dict) and item.get("url") and item["url"] not in gezien:
                    gezien.add(item["url"])
                    links.append(f_grondslag(item))
            for b in regel.bronnen or []:
                if b["url"] not in gezien:
                    gezien.add(b["url"])
                    links.append(f"[{b['titel']}]({b['url']})")
            regels.append((regel, links))
        uit = [f"## {kop}", "", '<div class="pw-bronnen" markdown>', ""]
        for regel, links in regels:
            if not links:
                continue
            datum = f_datum_nl(regel.laatst_gecontroleerd) if regel.laatst_gecontroleerd else ""
            uit.append(f"- **{regel.omschrijving}**: " + "; ".join(links)
                       + (f" <small>(laatst gecontroleerd: {datum})</small>" if datum else ""))
        uit += ["", "</div>", "", "Alle bronnen met datum: [Bronnen](/bronnen.md)."]
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
        mijlpalen = [  # (week, label, row)
            (r.probleemanalyse.week, f"week {r.probleemanalyse.week}: probleemanalyse", 0),
            (r.plan_van_aanpak.week, f"week {r.plan_van_aanpak.week}: plan van aanpak", 1),
            (r.ziekmelding_uwv.week, f"na week {r.ziekmelding_uwv.week}: melding UWV", 2),
            (eje, f"week {ejevan}–{eje}: eerstejaarsevaluatie", 0),
            (s2, f"uiterlijk week {s2}: start spoor 2", 1),
            (r.wia_aanvraag.week, f"week {r.wia_aanvraag.week}: WIA-aanvraag", 2),
            (eind, f"week {eind}: einde loondoorbetaling", 3),
        ]
        d = []
        d.append(f'<svg class="pw-sporen" viewBox="0 0 {breed} 290" role="img" aria-labelledby="pw-sporen-titel '
                 f'pw-sporen-uitleg" xmlns="http://www.w3.org/2000/svg">')
        d.append('<title id="pw-sporen-titel">Spoor 1 en spoor 2 naast elkaar</title>')
        d.append(f'<desc id="pw-sporen-uitleg">Spoor 1, terugkeer bij de eigen werkgever, loopt van week 1 tot week '
                 f'{eind}. Spoor 2, werk bij een andere werkgever, kan na de eerstejaarsevaluatie beginnen (week {ejevan} '
                 f'tot {eje}) en moet uiterlijk in week {s2} lopen, tot week {eind}. Beide sporen kunnen tegelijk lopen.</desc>')
        # bars
        d.append(f'<rect class="pw-sporen__spoor1" x="{x(0)}" y="40" width="{x(eind) - x(0)}" height="44" rx="6"/>')
        d.append(f'<text class="pw-sporen__label" x="{x(0) + 10}" y="68">Spoor 1: werk bij de eigen werkgever</text>')
        d.append(f'<rect class="pw-sporen__kan" x="{x(ejevan)}" y="100" width="{x(s2) - x(ejevan)}" height="44" rx="6"/>')
        d.append(f'<rect class="pw-sporen__spoor2" x="{x(s2)}" y="100" width="{x(eind) - x(s2)}" height="44" rx="6"/>')
        d.append(f'<text class="pw-sporen__label pw-sporen__label--eind" x="{x(eind) - 10}" y="128" '
                 f'text-anchor="end">Spoor 2: werk elders</text>')
        d.append(f'<text class="pw-sporen__klein" x="{x(ejevan) - 6}" y="128" text-anchor="end">kan al eerder starten</text>')
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
        code = _bouw.env.compile(markdown, name=f"docs/{bron}", filename=f"docs/{bron}")
        template = _bouw.env.template_class.from_code(_bouw.env, code, _bouw.env.globals, None)
        tekst = template.render(page_meta=page.meta)
    except (jinja2.TemplateError, BouwFout, AttributeError, KeyError) as e:
        if isinstance(e, jinja2.TemplateSyntaxError) and e.lineno:
            waar = f":{e.lineno + verschuiving}"
        else:
            waar = _fout_regel(f"docs/{bron}", verschuiving)
        raise PluginError(f"docs/{bron}{waar}: {type(e).__name__}: {e}") from e
    return _met_doelgroep(tekst, doelgroep) + _bouw.afkortingen()


def _met_doelgroep(tekst: str, doelgroep: str) -> str:
    label = (f'<p class="pw-doelgroep pw-doelgroep--{doelgroep}" data-doelgroep="{doelgroep}">'
             f'{DOELGROEPEN[doelgroep]}</p>')
    regels = tekst.split("\n")
    for i, regel in enumerate(regels):
        if re.match(r"#\s", regel):
            return "\n".join(regels[: i + 1] + ["", label, ""] + regels[i + 1:])
    return label + "\n\n" + tekst
