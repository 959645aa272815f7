"""Build the six PDF handbooks offline, from the same pages as the site: werkgever, werknemer and compleet in Dutch
(handboek-*.pdf) and the same three in English (employer, employee, complete: handbook-*.pdf), all in one folder.

    .venv/bin/python scripts/build_pdf.py [OUT_DIR]        # default: site/pdf/

How: MkDocs builds the site in-process (same mkdocs.yml, same hooks, into a temporary folder; the i18n plugin builds
the English pages under en/ in the same build) while a small collector plugin keeps each page's rendered article and
front matter, per language. A handbook takes the pages of its own language. Each PDF takes the pages whose front matter
`doelgroep` fits (werkgever = werkgever + beide, werknemer = werknemer + beide, compleet = all), in nav order, and
WeasyPrint renders them with our own print CSS (scripts/pdf/pdf.css): a cover, a table of contents with page numbers,
bookmarks, running headers and footers, external links with their URL, and a sources chapter.

The calculator page (docs/rekenhulp/) becomes a static worked example computed by the engine
(poortwachter.contract.bereken), plus a pointer to the online calculator. Pages opt out with front matter `pdf: false`;
elements with class `pdf-verberg` are left out of the PDF, elements with class `pdf-alleen` only appear there.

Nothing is fetched from the network: WeasyPrint gets a URL fetcher that refuses every non-file URL (and file URLs
outside the built site and scripts/pdf/) and stops the build loudly. Fonts come from Debian (fonts-dejavu-*).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PDF_ASSETS = ROOT / "scripts" / "pdf"

# Which audiences go into which PDF (front matter `doelgroep`): the three kinds of handbook, each in every language.
SOORTEN = {
    "werkgever": {"werkgever", "beide"},
    "werknemer": {"werknemer", "beide"},
    "compleet": {"werkgever", "werknemer", "beide"},
}
# One handbook per kind and language: its key (the --uitgave name), its file in the PDF folder, its title and reader.
# Dutch is the reference edition (the site's default language); English is made from the pages under /en/.
UITGAVEN = {
    "werkgever": {"taal": "nl", "soort": "werkgever", "bestand": "handboek-werkgever.pdf",
                  "ondertitel": "Handboek voor werkgevers", "lezer": "werkgevers"},
    "werknemer": {"taal": "nl", "soort": "werknemer", "bestand": "handboek-werknemer.pdf",
                  "ondertitel": "Handboek voor werknemers", "lezer": "werknemers"},
    "compleet": {"taal": "nl", "soort": "compleet", "bestand": "handboek-compleet.pdf",
                 "ondertitel": "Compleet handboek voor werkgevers en werknemers", "lezer": "werkgevers en werknemers"},
    "employer": {"taal": "en", "soort": "werkgever", "bestand": "handbook-employer.pdf",
                 "ondertitel": "Handbook for employers", "lezer": "employers"},
    "employee": {"taal": "en", "soort": "werknemer", "bestand": "handbook-employee.pdf",
                 "ondertitel": "Handbook for employees", "lezer": "employees"},
    "complete": {"taal": "en", "soort": "compleet", "bestand": "handbook-complete.pdf",
                 "ondertitel": "Complete handbook for employers and employees", "lezer": "employers and employees"},
}
for _u in UITGAVEN.values():
    _u["doelgroepen"] = SOORTEN[_u["soort"]]

# Every fixed text the PDF adds around the site's pages, per language (the pages bring their own language). No legal
# rule in here: dates and descriptions come from the engine, in the same language.
LABELS = {
    "nl": {
        "omslag_lezer": "Voor {lezer}: de Wet verbetering poortwachter en re-integratie tweede spoor, stap voor stap.",
        "doelgroep": "Doelgroep",
        "gemaakt_op": "Gemaakt op",
        "versie_regels": "Versie rekenregels",
        "gecontroleerd_op": "{versie} (gecontroleerd op {datum})",
        "omslag_noot": "Dit is een afdruk van de website{site}. De website is de actuele versie. Deze uitleg is "
                       "algemene informatie en geen persoonlijk juridisch advies.",
        "inhoud": "Inhoud",
        "op_de_website": " (op de website: {pad})",
        "bronnen_titel": "Bronnenlijst",
        "bronnen_intro": "Hieronder staan alle bronnen en websites waar dit document naar verwijst, met het hoofdstuk "
                         "waarin ze staan. Controleer bij twijfel altijd de actuele tekst van de wet of de uitleg van "
                         "UWV.",
        "alle_links": "Alle links in dit document",
        "in_hoofdstuk": " (in ",
        "regelbronnen": "Bronnen van de rekenregels",
        "regelversie": "Versie van de rekenregels: {versie}, laatst gecontroleerd op {datum}.",
        "artikel": "artikel {artikel}",
        "lid": "lid {lid}",
        "reken_intro": "De rekenhulp op de website rekent de termijnen uit voor jouw eigen situatie. Op papier kan dat "
                       "niet. Daarom staat hier een rekenvoorbeeld, uitgerekend met dezelfde rekenregels als de "
                       "rekenhulp: ",
        "reken_eerste": "de eerste ziektedag is {datum}",
        "reken_daarna": ", en de werknemer blijft daarna ziek.",
        "reken_kop": "Rekenvoorbeeld: de termijnen op een rij",
        "reken_bijschrift": "Termijnen bij eerste ziektedag {datum}",
        "reken_kolommen": ("Ziekteweek", "Datum", "Wat", "Wie"),
        "reken_toelichting": "Toelichting bij het voorbeeld",
        "zelf_rekenen": "Zelf rekenen",
        "zelf_online": "Reken met je eigen data op de website: ",
        "zelf_zonder_url": "Reken met je eigen data met de rekenhulp op de website (pagina Rekenhulp). ",
        "zelf_meer": "Daar kun je ook periodes van herstel, verlof en een verlenging invullen. De rekenhulp werkt in "
                     "je browser; je gegevens gaan niet naar een server.",
        # CSS generated content (scripts/pdf/pdf.css leaves these to the language's own rules, see _taal_css)
        "css_pagina": ("Pagina ", " van "),
        "css_blz": ", blz. ",
        "css_fase": "Fase ",
    },
    "en": {
        "omslag_lezer": "For {lezer}: the Wet verbetering poortwachter (the Dutch Gatekeeper Improvement Act) and "
                        "re-integration in the second track (spoor 2), step by step.",
        "doelgroep": "Audience",
        "gemaakt_op": "Made on",
        "versie_regels": "Rules version",
        "gecontroleerd_op": "{versie} (checked on {datum})",
        "omslag_noot": "This is a printed copy of the website{site}. The website is always the current version. "
                       "This explanation is general information, not personal legal advice.",
        "inhoud": "Contents",
        "op_de_website": " (on the website: {pad})",
        "bronnen_titel": "List of sources",
        "bronnen_intro": "Below are all sources and websites this document refers to, with the chapter where each "
                         "one appears. When in doubt, always check the current text of the law or the explanation "
                         "given by UWV.",
        "alle_links": "All links in this document",
        "in_hoofdstuk": " (in ",
        "regelbronnen": "Sources of the calculation rules",
        "regelversie": "Rules version: {versie}, last checked on {datum}.",
        "artikel": "article {artikel}",
        "lid": "paragraph {lid}",
        "reken_intro": "The calculator on the website works out the deadlines for your own situation. On paper that "
                       "is not possible, so here is a worked example, calculated with the same rules as the "
                       "calculator: ",
        "reken_eerste": "the first day of sickness is {datum}",
        "reken_daarna": ", and the employee stays sick after that.",
        "reken_kop": "Worked example: the deadlines in order",
        "reken_bijschrift": "Deadlines for a first day of sickness on {datum}",
        "reken_kolommen": ("Week of sickness", "Date", "What", "Who"),
        "reken_toelichting": "Notes on the example",
        "zelf_rekenen": "Work out your own dates",
        "zelf_online": "Use your own dates in the calculator on the website: ",
        "zelf_zonder_url": "Use your own dates in the calculator on the website (the Calculator page). ",
        "zelf_meer": "There you can also enter periods of recovery, leave and an extension. The calculator runs in "
                     "your browser; your data is not sent to a server.",
        "css_pagina": ("Page ", " of "),
        "css_blz": ", p. ",
        "css_fase": "Phase ",
    },
}
TALEN = tuple(LABELS)            # the first is the site's default language
DOELGROEPEN = {"werkgever", "werknemer", "beide"}
REKENHULP_PREFIX = "rekenhulp/"
BRONNEN_TITEL = LABELS["nl"]["bronnen_titel"]
SITE_BRONNEN = "bronnen.md"      # the site's own sources page (all rules, with dates)

log = logging.getLogger("build_pdf")


class PdfBuildError(RuntimeError):
    pass


# --- collecting the pages from an in-process mkdocs build ------------------------------------------------------

@dataclass
class Pagina:
    src: str            # docs-relative source path, e.g. "werkgever/index.md" (an English page: "werkgever/index.md"
                        # too, not "werkgever/index.en.md": the path of the page it translates)
    url: str            # site-relative URL, e.g. "werkgever/" (English: "en/werkgever/")
    titel: str
    meta: dict
    html: str           # the full rendered page
    nav_pad: list[str] = field(default_factory=list)   # titles of the nav sections above the page
    taal: str = "nl"
    bestand: str = ""   # the file it was made from ("werkgever/index.en.md"), for messages; empty: src


# The config values a handbook reads, kept per language: the i18n plugin (mkdocs-static-i18n) builds the site once per
# language with the same config object, and may override some of them per language.
CONFIG_VELDEN = ("site_name", "site_url", "site_description", "site_author", "extra_css", "extra")


def _taal_van_bouw(config) -> str:
    """The language mkdocs is building now: the i18n plugin's current language, else the theme's (one language)."""
    i18n = config.plugins.get("i18n")
    taal = getattr(i18n, "current_language", None) or (config.get("theme") or {}).get("language") or TALEN[0]
    return str(taal)


def _mkdocs_bouw(site_dir: Path, mkdocs_yml: Path) -> tuple[dict[str, list[Pagina]], dict[str, dict]]:
    """Build the site with mkdocs into site_dir (every language the i18n plugin builds) and return, per language, the
    pages in nav order and the config values of CONFIG_VELDEN."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.plugins import BasePlugin, event_priority

    verzameld: dict[str, str] = {}           # page URL (unique over the languages) -> rendered page
    volgorde: dict[str, list] = {}           # language -> nav pages
    configs: dict[str, dict] = {}

    class Verzamelaar(BasePlugin):
        # after the i18n plugin (-100), which rebuilds the nav of each language
        @event_priority(-200)
        def on_nav(self, nav, /, *, config, files):
            taal = _taal_van_bouw(config)
            volgorde[taal] = list(nav.pages)
            configs[taal] = {k: config.get(k) for k in CONFIG_VELDEN}
            return nav

        @event_priority(-200)
        def on_post_page(self, output, /, *, page, config):
            verzameld[page.url] = output
            return output

    config = load_config(str(mkdocs_yml), site_dir=str(site_dir))
    config.plugins["poortwachter-pdf-verzamelaar"] = Verzamelaar()
    # As `mkdocs build` does it; mkdocs logs its own warnings and, in strict mode, stops on them.
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()

    per_taal: dict[str, list[Pagina]] = {}
    for taal, pages in volgorde.items():
        paginas = per_taal.setdefault(taal, [])
        for page in pages:
            if page.url not in verzameld:
                continue
            pad = []
            ouder = page.parent
            while ouder is not None:
                pad.insert(0, ouder.title)
                ouder = ouder.parent
            src = getattr(page.file, "norm_src_uri", None) or page.file.src_uri
            paginas.append(Pagina(src=src, url=page.url, titel=page.title or "", meta=dict(page.meta or {}),
                                  html=verzameld[page.url], nav_pad=pad, taal=taal, bestand=page.file.src_uri))
    return per_taal, configs


# --- the engine ---------------------------------------------------------------------------------------------------

def regels_info() -> dict:
    try:
        from poortwachter.regels import regels_als_dict
    except ImportError as e:  # the engine wheel is not installed or too old
        raise PdfBuildError(f"poortwachter.regels.regels_als_dict is missing ({e}); run scripts/build_wheel.py") from e
    return regels_als_dict()


def bereken(verzoek: dict) -> dict:
    from poortwachter.contract import bereken as _bereken
    antwoord = json.loads(_bereken(json.dumps(verzoek)))
    if "fouten" in antwoord:
        raise PdfBuildError(f"the engine refused the worked example {verzoek}: {antwoord['fouten']}")
    return antwoord


def datum_tekst(d: date, taal: str) -> str:
    """"maandag 26 oktober 2026" / "Monday 26 October 2026": the engine's own date text in that language."""
    from poortwachter.berichten import datum_tekst as _datum_tekst
    return _datum_tekst(d, taal)


def voorbeeld_ziekte(config) -> str:
    """The first sick day of the worked example: the site's own, mkdocs.yml `extra.voorbeeld.eerste_ziektedag`."""
    waarde = ((config.get("extra") or {}).get("voorbeeld") or {}).get("eerste_ziektedag")
    if isinstance(waarde, date):
        return waarde.isoformat()
    if not (isinstance(waarde, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", waarde)):
        raise PdfBuildError(f"mkdocs.yml extra.voorbeeld.eerste_ziektedag is missing or not YYYY-MM-DD: {waarde!r}")
    return waarde


# --- offline URL fetching -----------------------------------------------------------------------------------------

def offline_fetcher(toegestaan: list[Path]):
    from weasyprint.urls import FatalURLFetchingError, URLFetcher

    toegestaan = [p.resolve() for p in toegestaan]

    class OfflineFetcher(URLFetcher):
        """Serves file: and data: URLs below the allowed folders; anything else stops the build."""

        def __init__(self):
            super().__init__(allowed_protocols={"file", "data"}, fail_on_errors=True)

        def fetch(self, url, headers=None):
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme != "file":
                raise FatalURLFetchingError(f"PDF build is offline: refused to fetch {url}")
            pad = Path(unquote(urlsplit(url).path)).resolve()
            if not any(pad.is_relative_to(t) for t in toegestaan):
                raise FatalURLFetchingError(f"PDF build: refused file outside the site: {pad}")
            if not pad.is_file():
                raise FatalURLFetchingError(f"PDF build: missing file {pad}")
            return super().fetch(url, headers)

    return OfflineFetcher()


# --- turning site pages into chapters -----------------------------------------------------------------------------

def _pid(url: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", url.strip("/").lower()).strip("-")
    return "h-" + (slug or "start")


def _norm_pad(pad: str) -> str:
    """Site path ("/a/b/", "/a/b/index.html") -> page URL key ("a/b/")."""
    pad = unquote(pad).lstrip("/")
    if pad.endswith("index.html"):
        pad = pad[: -len("index.html")]
    elif pad.endswith(".html"):
        pad = pad[: -len(".html")] + "/"
    return pad


@dataclass
class Context:
    uitgave: str
    opgenomen: dict[str, str]      # page URL -> chapter id, for pages in this PDF
    alle_urls: set[str]            # every page URL of the site
    site_dir: Path
    site_url: str
    externe_links: dict[str, tuple[str, str]] = field(default_factory=dict)   # url -> (text, chapter id)
    site_css: list[str] = field(default_factory=list)        # texts of mkdocs.yml extra_css
    pagina_css: list[Path] = field(default_factory=list)     # page-level stylesheets, in order of appearance
    taal: str = "nl"

    @property
    def labels(self) -> dict:
        return LABELS[self.taal]


def tekst_van(el) -> str:
    """An element's text as a reader sees it (no spaces invented between inline elements)."""
    return re.sub(r"\s+", " ", el.get_text()).strip()


# html.parser lowercases every tag and attribute name; SVG needs its camelCase back (viewBox above all).
_SVG_NAMEN = {n.lower(): n for n in (
    "viewBox", "preserveAspectRatio", "textLength", "lengthAdjust", "gradientUnits", "gradientTransform",
    "patternUnits", "patternContentUnits", "patternTransform", "markerWidth", "markerHeight", "markerUnits", "refX",
    "refY", "stdDeviation", "clipPathUnits", "maskUnits", "maskContentUnits", "pathLength", "startOffset",
    "spreadMethod", "linearGradient", "radialGradient", "clipPath", "textPath", "foreignObject", "feGaussianBlur",
    "feOffset", "feBlend", "feColorMatrix", "feFlood", "feComposite", "feMerge", "feMergeNode")}


def _svg_hoofdletters(root) -> None:
    for svg in root.find_all("svg"):
        for el in [svg, *svg.find_all(True)]:
            if el.name in _SVG_NAMEN:
                el.name = _SVG_NAMEN[el.name]
            for attr in [a for a in el.attrs if a in _SVG_NAMEN]:
                el.attrs[_SVG_NAMEN[attr]] = el.attrs.pop(attr)


# Material's custom properties (light scheme) for the site CSS; pdf.css sets the same for HTML.
MATERIAL_VARS = {
    "--md-primary-fg-color": "#154a5f", "--md-primary-bg-color": "#fff", "--md-default-fg-color": "#1a1a1a",
    "--md-default-fg-color--light": "#767676", "--md-default-bg-color": "#fff", "--md-typeset-a-color": "#0b5c8a",
    "--md-typeset-table-color": "#b8c4cc",
}


def svg_css(css_teksten: list[str]) -> str:
    """The site CSS for inline SVG. WeasyPrint styles an inline <svg> only from a <style> inside it, and without
    custom properties: so the site CSS goes in there with every var(--x) replaced by its :root value."""
    waarden = dict(MATERIAL_VARS)
    alles = "\n".join(css_teksten)
    for blok in re.findall(r"(?<![\w\]-]):root\s*\{([^}]*)\}", alles):
        for naam, waarde in re.findall(r"(--[\w-]+)\s*:\s*([^;]+);", blok):
            waarden[naam] = waarde.strip()

    def vervang(m):
        naam, terug = m.group(1), m.group(2)
        return waarden.get(naam, (terug or "").strip() or m.group(0))

    for _ in range(3):
        alles = re.sub(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)", vervang, alles)
    # WeasyPrint's SVG styling gives up on the whole sheet at a comment or at a selector it cannot compile
    # (details::details-content): keep only the plain rules, one per line; at-rules (@media) are left out.
    import cssselect2
    import tinycss2
    regels = []
    for regel in tinycss2.parse_stylesheet(alles, skip_comments=True, skip_whitespace=True):
        if regel.type != "qualified-rule":
            continue
        selector = tinycss2.serialize(regel.prelude).strip()
        try:
            list(cssselect2.compile_selector_list(regel.prelude))
        except Exception:
            continue
        if "::" in selector:
            continue
        inhoud = re.sub(r"/\*.*?\*/", "", tinycss2.serialize(regel.content), flags=re.S)
        regels.append(f"{selector} {{{' '.join(inhoud.split())}}}")
    # the size the site gives its diagrams (under .md-typeset, which the PDF has not)
    return "\n".join(['svg { font-family: "DejaVu Sans", sans-serif; font-size: 13px; }', *regels])


def _is_extern(href: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I))


def _online(ctx: Context, pad: str) -> str | None:
    return (ctx.site_url.rstrip("/") + "/" + pad.lstrip("/")) if ctx.site_url else None


def _pagina_stylesheets(article, pagina: Pagina, site_dir: Path) -> list[Path]:
    uit = []
    for link in article.select('link[rel~="stylesheet"][href]'):
        href = link["href"]
        if _is_extern(href):
            raise PdfBuildError(f"{pagina.src}: remote stylesheet {href} cannot go into the offline PDF")
        pad = (site_dir / unquote(urlsplit(urljoin("/" + pagina.url, href)).path).lstrip("/")).resolve()
        if pad.is_file():
            uit.append(pad)
    return uit


def alle_pagina_stylesheets(paginas: list[Pagina], site_dir: Path) -> list[Path]:
    """Stylesheets that any page links in its content: a diagram drawn on one page may be reused on another."""
    from bs4 import BeautifulSoup
    uit: list[Path] = []
    for p in paginas:
        if "stylesheet" not in p.html:
            continue
        article = BeautifulSoup(p.html, "html.parser").find("article")
        for pad in _pagina_stylesheets(article, p, site_dir) if article else []:
            if pad not in uit:
                uit.append(pad)
    return uit


def hoofdstuk_uit_pagina(pagina: Pagina, ctx: Context, soep_maker, vervang=None):
    """The page's article as a <section class="hoofdstuk">, with ids prefixed and links rewritten."""
    soup = soep_maker(pagina.html)
    article = soup.find("article") or soup.find("div", attrs={"role": "main"})
    if article is None:
        raise PdfBuildError(f"{pagina.src}: no <article> in the built page")
    pid = ctx.opgenomen[pagina.url]
    paginapad = "/" + pagina.url

    # Page-level stylesheets (<link rel="stylesheet"> in the Markdown, e.g. the spoor 2 helper's): their rules go
    # into the document head and into the page's inline SVG styles.
    for pad in _pagina_stylesheets(article, pagina, ctx.site_dir):
        if pad not in ctx.pagina_css:
            ctx.pagina_css.append(pad)

    for sel in ("a.headerlink", "a.md-content__button", ".md-source-file", "script", "noscript", "style", "form",
                "button", "input", "select", "textarea", "template", "iframe", "canvas", "progress", "dialog",
                "a.footnote-backref", ".pdf-verberg", "[hidden]", ".md-feedback", "aside.md-source-file", "link", "meta"):
        for el in article.select(sel):
            el.decompose()

    h1 = article.find("h1")
    if h1 is None:
        h1 = soup.new_tag("h1")
        h1.string = pagina.titel
        article.insert(0, h1)

    if vervang is not None:
        # Keep the title, replace the body (the calculator page).
        for kind in list(article.children):
            if kind is not h1:
                kind.extract() if hasattr(kind, "extract") else None
        for el in vervang(soup):
            article.append(el)

    # Tabbed sets: print every tab, each under its label.
    for ts in article.select(".tabbed-set"):
        if ts.select_one(":scope > .tabbed-labels"):      # pymdownx.tabbed alternate_style (what mkdocs.yml uses)
            labels = [lab.get_text(" ", strip=True) for lab in ts.select(":scope > .tabbed-labels > label")]
            blokken = ts.select(":scope > .tabbed-content > .tabbed-block")
        else:                                              # the classic style: input, label, div.tabbed-content
            labels = [lab.get_text(" ", strip=True) for lab in ts.select(":scope > label")]
            blokken = ts.select(":scope > .tabbed-content")
        for lab in ts.select(":scope > .tabbed-labels, :scope > label, :scope > input"):
            lab.decompose()
        for titel, blok in zip(labels, blokken):
            p = soup.new_tag("p", attrs={"class": "tab-titel"})
            p.string = titel
            blok.insert(0, p)
    for d in article.select("details"):
        d["open"] = ""

    # Ids: prefix them so that pages cannot collide.
    for el in article.select("[id]"):
        el["id"] = f"{pid}--{el['id']}"
    for el in article.select("label[for]"):
        del el["for"]
    h1["id"] = pid
    h1["class"] = h1.get("class", []) + ["hoofdstuktitel"]

    # Links.
    for a in article.select("a[href]"):
        href = a["href"].strip()
        if href.startswith("#"):
            a["href"] = f"#{pid}--{href[1:]}" if len(href) > 1 else f"#{pid}"
            continue
        if _is_extern(href):
            if href.lower().startswith(("http:", "https:")):
                tekst = tekst_van(a)
                ctx.externe_links.setdefault(href, (tekst, pid))
                if tekst.rstrip("/") != href.rstrip("/") and not a.select(".url"):
                    span = soup.new_tag("span", attrs={"class": "url"})
                    span.string = f" ({href})"
                    a.insert_after(span)
                a["class"] = a.get("class", []) + ["extern"]
            continue
        doel = urlsplit(urljoin(paginapad, href))
        sleutel = _norm_pad(doel.path)
        if sleutel in ctx.opgenomen:
            doel_id = ctx.opgenomen[sleutel]
            a["href"] = f"#{doel_id}--{doel.fragment}" if doel.fragment else f"#{doel_id}"
            continue
        # A page that is not in this PDF, or a file (download, image): point at the website.
        online = _online(ctx, doel.path + (f"#{doel.fragment}" if doel.fragment else ""))
        if online:
            a["href"] = online
            a["class"] = a.get("class", []) + ["extern"]
            span = soup.new_tag("span", attrs={"class": "url"})
            span.string = f" ({online})"
            a.insert_after(span)
        else:
            span = soup.new_tag("span", attrs={"class": "elders"})
            span.string = ctx.labels["op_de_website"].format(pad=doel.path) if sleutel in ctx.alle_urls else ""
            a.insert_after(span)
            a.unwrap()

    # Images and other embedded files: absolute file URLs into the built site.
    for el in article.select("img[src], source[src], image[href]"):
        attr = "href" if el.name == "image" else "src"
        src = el[attr]
        if src.startswith("data:"):
            continue
        if _is_extern(src):
            raise PdfBuildError(f"{pagina.src}: remote image {src} cannot go into the offline PDF")
        pad = (ctx.site_dir / unquote(urlsplit(urljoin(paginapad, src)).path).lstrip("/")).resolve()
        el[attr] = pad.as_uri()
    for el in article.select("img[srcset], source[srcset]"):
        del el["srcset"]

    _svg_hoofdletters(article)

    section = soup.new_tag("section", attrs={"class": "hoofdstuk", "data-src": pagina.src})
    for kind in list(article.contents):
        section.append(kind.extract())
    return section


def rekenhulp_inhoud(voorbeeld: dict, online_url: str | None, taal: str = "nl"):
    """The calculator page in print: the worked example from the engine and a pointer to the online calculator."""
    eerste = date.fromisoformat(voorbeeld["eerste_ziektedag"])
    label = LABELS[taal]

    def maak(soup):
        els = []
        p = soup.new_tag("p")
        p.append(label["reken_intro"])
        p.append(soup.new_tag("strong"))
        p.strong.string = label["reken_eerste"].format(datum=datum_tekst(eerste, taal))
        p.append(label["reken_daarna"])
        els.append(p)

        h2 = soup.new_tag("h2", attrs={"id": "rekenvoorbeeld"})
        h2.string = label["reken_kop"]
        els.append(h2)
        tabel = soup.new_tag("table", attrs={"class": "tijdlijn"})
        cap = soup.new_tag("caption")
        cap.string = label["reken_bijschrift"].format(datum=datum_tekst(eerste, taal))
        tabel.append(cap)
        thead = soup.new_tag("thead")
        tr = soup.new_tag("tr")
        for kop in label["reken_kolommen"]:
            th = soup.new_tag("th", attrs={"scope": "col"})
            th.string = kop
            tr.append(th)
        thead.append(tr)
        tabel.append(thead)
        tbody = soup.new_tag("tbody")
        for t in voorbeeld["termijnen"]:
            tr = soup.new_tag("tr", attrs={"data-termijn": t["id"]})
            for waarde, klasse in ((str(t.get("ziekteweek") or ""), "week"), (t["datum_tekst"], "datum"),
                                   (t["omschrijving"], "wat"), ((t.get("rol") or "").capitalize(), "wie")):
                td = soup.new_tag("td", attrs={"class": klasse})
                td.string = waarde
                tr.append(td)
            tbody.append(tr)
        tabel.append(tbody)
        els.append(tabel)

        toelichtingen = [t for t in voorbeeld["termijnen"] if t.get("toelichting")]
        if toelichtingen:
            h3 = soup.new_tag("h3")
            h3.string = label["reken_toelichting"]
            els.append(h3)
            ul = soup.new_tag("ul")
            for t in toelichtingen:
                li = soup.new_tag("li")
                li.string = f"{t['omschrijving']}: {t['toelichting']}"
                ul.append(li)
            els.append(ul)

        h2 = soup.new_tag("h2", attrs={"id": "zelf-rekenen"})
        h2.string = label["zelf_rekenen"]
        els.append(h2)
        p = soup.new_tag("p")
        if online_url:
            p.append(label["zelf_online"])
            a = soup.new_tag("a", attrs={"href": online_url})
            a.string = online_url
            p.append(a)
            p.append(". ")
        else:
            p.append(label["zelf_zonder_url"])
        p.append(label["zelf_meer"])
        els.append(p)
        return els

    return maak


# --- assembling one PDF ------------------------------------------------------------------------------------------

def _inhoudsopgave(soup, hoofdstukken, taal: str = "nl"):
    nav = soup.new_tag("nav", attrs={"class": "inhoud", "id": "inhoudsopgave"})
    # an H1, like the chapters after it: PDF/UA wants the first heading to be H1 (Matterhorn 14-002)
    h = soup.new_tag("h1", attrs={"class": "inhoud-titel"})
    h.string = LABELS[taal]["inhoud"]
    nav.append(h)
    ol = soup.new_tag("ol")
    for sec in hoofdstukken:
        h1 = sec.find("h1")
        li = soup.new_tag("li", attrs={"class": "niveau-1"})
        a = soup.new_tag("a", attrs={"href": f"#{h1['id']}"})
        a.string = tekst_van(h1)
        li.append(a)
        # sections; one-letter headings (the glossary's A, B, C ...) stay bookmarks but not TOC lines
        subs = [h2 for h2 in sec.find_all("h2") if h2.get("id") and len(tekst_van(h2)) > 2]
        if subs:
            sub_ol = soup.new_tag("ol")
            for h2 in subs:
                sli = soup.new_tag("li", attrs={"class": "niveau-2"})
                sa = soup.new_tag("a", attrs={"href": f"#{h2['id']}"})
                sa.string = tekst_van(h2)
                sli.append(sa)
                sub_ol.append(sli)
            li.append(sub_ol)
        ol.append(li)
    nav.append(ol)
    return nav


def _bronnen(soup, ctx: Context, regels: dict, titels: dict[str, str], met_regels: bool):
    sec = soup.new_tag("section", attrs={"class": "hoofdstuk bronnen"})
    h1 = soup.new_tag("h1", attrs={"id": "h-bronnenlijst", "class": "hoofdstuktitel"})
    h1.string = ctx.labels["bronnen_titel"]
    sec.append(h1)
    p = soup.new_tag("p")
    p.string = ctx.labels["bronnen_intro"]
    sec.append(p)

    if met_regels:
        sec.append(_regelbronnen(soup, regels, ctx.taal))
    if ctx.externe_links:
        h2 = soup.new_tag("h2", attrs={"id": "h-bronnenlijst--tekst"})
        h2.string = ctx.labels["alle_links"]
        sec.append(h2)
        ul = soup.new_tag("ul", attrs={"class": "bronlijst"})
        for url, (tekst, pid) in ctx.externe_links.items():
            li = soup.new_tag("li")
            if tekst and tekst.rstrip("/") != url.rstrip("/"):
                li.append(tekst + " ")
            a = soup.new_tag("a", attrs={"href": url, "class": "extern"})
            a.string = url
            li.append(a)
            li.append(ctx.labels["in_hoofdstuk"])
            ia = soup.new_tag("a", attrs={"href": f"#{pid}", "class": "paginaverwijzing"})
            ia.string = titels.get(pid, "")
            li.append(ia)
            li.append(")")
            ul.append(li)
        sec.append(ul)
    return sec


def _regelbronnen(soup, regels: dict, taal: str = "nl"):
    """The sources behind the engine's rules (only when the site's own sources page is not in this PDF)."""
    label = LABELS[taal]
    wrap = soup.new_tag("div", attrs={"class": "regelbronnen"})
    h2 = soup.new_tag("h2", attrs={"id": "h-bronnenlijst--rekenregels"})
    h2.string = label["regelbronnen"]
    wrap.append(h2)
    p = soup.new_tag("p")
    p.string = label["regelversie"].format(versie=regels.get("versie", "?"),
                                           datum=_datum_kort(regels.get("laatst_gecontroleerd"), taal))
    wrap.append(p)
    ul = soup.new_tag("ul", attrs={"class": "bronlijst"})
    gezien = set()
    for rid, regel in sorted((regels.get("regels") or {}).items()):
        items = []
        grond = regel.get("grondslag") or {}
        if grond:
            delen = [grond.get("regeling") or grond.get("wet") or ""]
            if grond.get("artikel"):
                delen.append(label["artikel"].format(artikel=grond["artikel"]))
            if grond.get("lid"):
                delen.append(label["lid"].format(lid=grond["lid"]))
            items.append((" ".join(d for d in delen if d).strip(), grond.get("url")))
        for b in regel.get("bronnen") or []:
            items.append((b.get("titel") or b.get("url") or "", b.get("url")))
        for titel, url in items:
            if (rid, titel, url) in gezien or not (titel or url):
                continue
            gezien.add((rid, titel, url))
            li = soup.new_tag("li")
            naam = soup.new_tag("span", attrs={"class": "regel-id"})
            naam.string = ((taal != "nl" and regel.get(f"omschrijving_{taal}")) or regel.get("omschrijving") or rid)
            li.append(naam)
            li.append(": " + (titel or ""))
            if url:
                li.append(" ")
                a = soup.new_tag("a", attrs={"href": url, "class": "extern"})
                a.string = url
                li.append(a)
            ul.append(li)
    wrap.append(ul)
    return wrap


def _datum_kort(waarde, taal: str = "nl") -> str:
    """"2026-11-23" -> "23 november 2026" / "23 November 2026" (the date text without the weekday)."""
    from poortwachter.berichten import datum_kort

    try:
        d = waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))
    except ValueError:
        return str(waarde)
    return datum_kort(d, taal)


def stel_samen(uitgave: str, paginas: list[Pagina], config, site_dir: Path, regels: dict, voorbeeld: dict,
               bouwdatum: date) -> str:
    """The handbook's HTML. paginas and config are those of the handbook's language, voorbeeld the engine's answer
    in that language."""
    from bs4 import BeautifulSoup

    def soep(tekst):
        return BeautifulSoup(tekst, "html.parser")

    info = UITGAVEN[uitgave]
    taal = info["taal"]
    label = LABELS[taal]
    gekozen = []
    for p in paginas:
        if p.meta.get("pdf") is False:
            continue
        dg = p.meta.get("doelgroep")
        if dg not in DOELGROEPEN:
            raise PdfBuildError(f"docs/{p.bestand or p.src}: front matter 'doelgroep' must be one of "
                                f"{sorted(DOELGROEPEN)}, not {dg!r}")
        if dg in info["doelgroepen"]:
            gekozen.append(p)
    if not gekozen:
        raise PdfBuildError(f"no pages for the {uitgave} PDF")

    site_url = (config.get("site_url") or "").rstrip("/")
    ctx = Context(uitgave=uitgave, opgenomen={p.url: _pid(p.url) for p in gekozen},
                  alle_urls={p.url for p in paginas}, site_dir=site_dir, site_url=site_url, taal=taal)
    # the calculator page of this language ("rekenhulp/", "en/rekenhulp/")
    rekenhulp_url = _online(ctx, next((p.url for p in paginas if p.src.startswith(REKENHULP_PREFIX)),
                                      REKENHULP_PREFIX))
    site_css = [str(c) for c in config.get("extra_css") or [] if not _is_extern(str(c))]
    site_css = [site_dir / c for c in site_css if (site_dir / c).is_file()]
    ctx.site_css = [c.read_text(encoding="utf-8") for c in site_css]

    doc = soep(f"<!DOCTYPE html><html lang=\"{taal}\"><head></head><body></body></html>")
    head = doc.head
    meta = doc.new_tag("meta", attrs={"charset": "utf-8"})
    head.append(meta)
    titel = f"{config['site_name']}: {info['ondertitel']}"
    t = doc.new_tag("title")
    t.string = titel
    head.append(t)
    for naam, waarde in (("author", config.get("site_author") or config["site_name"]),
                         ("description", config.get("site_description") or ""),
                         ("generator", "scripts/build_pdf.py (WeasyPrint)"),
                         ("dcterms.created", bouwdatum.isoformat()),
                         ("dcterms.modified", bouwdatum.isoformat())):
        head.append(doc.new_tag("meta", attrs={"name": naam, "content": waarde}))
    # The site's own stylesheets (mkdocs.yml extra_css: colours of diagrams, labels), then ours on top. Material's
    # theme CSS is left out: it is made for the screen, and pdf.css styles its markup for print.
    css_plek = doc.new_tag("meta", attrs={"name": "css-plek"})   # page stylesheets go here, once known
    for css in site_css:
        head.append(doc.new_tag("link", attrs={"rel": "stylesheet", "href": css.as_uri()}))
    head.append(css_plek)
    head.append(doc.new_tag("link", attrs={"rel": "stylesheet", "href": (PDF_ASSETS / "pdf.css").as_uri()}))
    stijl = doc.new_tag("style")
    stijl.string = _taal_css(taal)
    head.append(stijl)

    body = doc.body
    body["class"] = f"uitgave-{uitgave}"
    body["data-lezer"] = info["lezer"]

    # Cover.
    omslag = doc.new_tag("section", attrs={"class": "omslag"})
    for tag, klasse, tekst in (
        ("p", "omslag-site", config["site_name"]),
        ("p", "omslag-titel", info["ondertitel"]),
        ("p", "omslag-lezer", label["omslag_lezer"].format(lezer=info["lezer"])),
    ):
        el = doc.new_tag(tag, attrs={"class": klasse})
        el.string = tekst
        omslag.append(el)
    dl = doc.new_tag("dl", attrs={"class": "omslag-gegevens"})
    for term, waarde in ((label["doelgroep"], info["lezer"].capitalize()),
                         (label["gemaakt_op"], datum_tekst(bouwdatum, taal)),
                         (label["versie_regels"], label["gecontroleerd_op"].format(
                             versie=regels.get("versie", "?"),
                             datum=_datum_kort(regels.get("laatst_gecontroleerd"), taal)))):
        dt = doc.new_tag("dt")
        dt.string = term
        dd = doc.new_tag("dd")
        dd.string = waarde
        dl.append(dt)
        dl.append(dd)
    omslag.append(dl)
    noot = doc.new_tag("p", attrs={"class": "omslag-noot"})
    noot.string = label["omslag_noot"].format(site=f" {site_url}" if site_url else "")
    omslag.append(noot)
    body.append(omslag)

    hoofdstukken = []
    for p in gekozen:
        vervang = None
        if p.src.startswith(REKENHULP_PREFIX) or p.meta.get("pdf") == "rekenvoorbeeld":
            vervang = rekenhulp_inhoud(voorbeeld, rekenhulp_url, taal)
        hoofdstukken.append(hoofdstuk_uit_pagina(p, ctx, soep, vervang))
    for css in ctx.pagina_css:
        css_plek.insert_before(doc.new_tag("link", attrs={"rel": "stylesheet", "href": css.as_uri()}))
    css_plek.decompose()
    # Inline SVG is styled only from a <style> inside it: the site CSS and every page stylesheet go in there.
    svg_stijl = svg_css(ctx.site_css + [c.read_text(encoding="utf-8") for c in
                                        dict.fromkeys(ctx.pagina_css + alle_pagina_stylesheets(paginas, site_dir))])
    for sec in hoofdstukken:
        for svg in sec.find_all("svg"):
            if svg.find_parent("svg") is None and svg.find(class_=True) is not None:
                stijl = doc.new_tag("style")
                stijl.string = svg_stijl
                svg.insert(0, stijl)
    titels = {sec.find("h1")["id"]: tekst_van(sec.find("h1")) for sec in hoofdstukken}
    site_bronnenpagina = any(p.src == SITE_BRONNEN for p in gekozen)    # src is the Dutch path in every language
    bronnen = _bronnen(doc, ctx, regels, titels, met_regels=not site_bronnenpagina)
    hoofdstukken.append(bronnen)

    body.append(_inhoudsopgave(doc, hoofdstukken, taal))
    for sec in hoofdstukken:
        body.append(sec)
    _controleer_ankers(doc)
    return str(doc)


def _css_tekst(tekst: str) -> str:
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _taal_css(taal: str) -> str:
    """The generated texts of scripts/pdf/pdf.css in the handbook's language: the page footer ("Pagina 3 van 40"),
    the page reference in the sources list and the phase label."""
    label = LABELS[taal]
    pagina, van = label["css_pagina"]
    return (f"@page {{ @bottom-right {{ content: {_css_tekst(pagina)} counter(page) {_css_tekst(van)} "
            f"counter(pages); }} }}\n"
            f".paginaverwijzing::after {{ content: {_css_tekst(label['css_blz'])} "
            f"target-counter(attr(href), page); }}\n"
            f".pw-fasen__fase strong::before {{ content: {_css_tekst(label['css_fase'])} counter(fase) \": \"; }}\n")


def _controleer_ankers(doc) -> None:
    """Every internal link must land: a missing anchor inside a chapter falls back to the chapter's start (the
    calculator page's form anchors, for example); a missing chapter is a build error."""
    ids = {el["id"] for el in doc.select("[id]")}
    for a in doc.select('a[href^="#"]'):
        doel = a["href"][1:]
        if doel in ids:
            continue
        hoofdstuk = doel.split("--", 1)[0]
        if hoofdstuk in ids:
            a["href"] = f"#{hoofdstuk}"
        else:
            raise PdfBuildError(f"internal link to #{doel} has no target in the PDF")


# --- PDF/UA-1 -----------------------------------------------------------------------------------------------------
# WeasyPrint writes a tagged PDF/UA-1 file (structure tree, /Lang, /MarkInfo, DisplayDocTitle, pdfuaid:part in the
# XMP) when asked for pdf_variant="pdf/ua-1". Two gaps of WeasyPrint 70 (its issue #2482) are repaired in the
# finisher, the hook WeasyPrint offers for changing its pydyf objects before they are written:
#  - running headers and footers (the @page margin boxes) are marked as tagged content, but their structure elements
#    hang nowhere in the tree (weasyprint/pdf/tags.py: "It could be included in tree as Artifact, but that's only
#    allowed in PDF 2.0"). ISO 14289-1 7.8 wants them as pagination artifacts: their marked content becomes
#    /Artifact <</Type /Pagination>> and leaves the ParentTree;
#  - a link annotation is put in the structure element of the box that carries it, which inside a link can be a
#    <strong> or <abbr> (a NonStruct); ISO 14289-1 7.18.5 wants it in the Link element: it moves up to the nearest
#    Link. Its /Contents (the alternate description 7.18.5 asks for) is the link target, for an internal link an
#    anchor id such as "h-werkgever--ziekmelding": it becomes the link's text.
# The other gaps are avoided in our input: pdf.css (no opacity, which draws content as form XObjects outside the
# marked content) and the headings (from H1 without skipping a level: the table of contents has an H1 title, and
# the site's own pages skip no level, see scripts/templates/stappen.md.j2).
# tests/pdf/test_pdf_ua.py checks the result against the PDF/UA-1 requirements that the structure can show.

PDF_VARIANT = "pdf/ua-1"


def _obj(pdf, ref):
    """The pydyf object behind an indirect reference (b"12 0 R")."""
    return pdf.objects[int(bytes(ref).split()[0])]


def _in_boom(pdf, root) -> set[int]:
    """Object numbers of every structure element that hangs in the tree below root."""
    gezien, open_ = set(), [root]
    while open_:
        el = open_.pop()
        if el.number in gezien:
            continue
        gezien.add(el.number)
        for kind in el.get("K") or []:
            if isinstance(kind, bytes) and kind.endswith(b" R"):
                obj = _obj(pdf, kind)
                if obj.get("Type") == "/StructElem":
                    open_.append(obj)
    return gezien


def pdfua_afwerking(document, pdf) -> None:
    """WeasyPrint finisher: margin-box content becomes pagination artifacts; link annotations sit in Link elements
    and are described by their link text."""
    import pydyf

    if "StructTreeRoot" not in pdf.catalog:
        return
    for pagina in document.pages:
        for box in pagina._page_box.descendants():
            if getattr(box, "link_annotation", None) is not None and box.element is not None:
                tekst = " ".join(" ".join(box.element.itertext()).split())
                if tekst:
                    box.link_annotation["Contents"] = pydyf.String(tekst)
    boom = _obj(pdf, pdf.catalog["StructTreeRoot"])
    nums = _obj(pdf, boom["ParentTree"])["Nums"]
    in_boom = set()
    for ref in boom["K"]:
        in_boom |= _in_boom(pdf, _obj(pdf, ref))

    paginas = [_obj(pdf, ref) for ref in pdf.page_references]
    for j in range(0, len(nums), 2):
        sleutel, waarde = nums[j], nums[j + 1]
        if sleutel >= len(paginas):        # an annotation's entry: the element that holds its OBJR
            el = _obj(pdf, waarde)
            link = el
            while link.get("S") != "/Link" and link.get("P") and _obj(pdf, link["P"]).get("Type") == "/StructElem":
                link = _obj(pdf, link["P"])
            if link is not el and link.get("S") == "/Link":
                objr = [k for k in el["K"] if isinstance(k, bytes) and _obj(pdf, k).get("Type") == "/OBJR"]
                el["K"] = pydyf.Array([k for k in el["K"] if k not in objr])
                link["K"].extend(objr)
                nums[j + 1] = link.reference
            continue
        wezen = {mcid for mcid, ref in enumerate(waarde) if isinstance(ref, bytes) and ref.endswith(b" R")
                 and _obj(pdf, ref).number not in in_boom}
        if not wezen:
            continue
        stroom = _obj(pdf, paginas[sleutel]["Contents"]).stream
        gevonden = set()
        for i, item in enumerate(stroom):
            if isinstance(item, pydyf.Dictionary) and item.get("MCID") in wezen and stroom[i + 1: i + 2] == [b"BDC"]:
                gevonden.add(item["MCID"])
                stroom[i - 1] = "/Artifact"
                stroom[i] = pydyf.Dictionary({"Type": "/Pagination"})
        if gevonden != wezen:
            raise PdfBuildError(f"page {sleutel + 1}: tagged content outside the structure tree that is not in the "
                                f"page's own stream (MCIDs {sorted(wezen - gevonden)})")
        for mcid in wezen:
            waarde[mcid] = b"null"


def render(html_tekst: str, doel: Path, site_dir: Path) -> None:
    from weasyprint import HTML

    fetcher = offline_fetcher([site_dir, PDF_ASSETS])
    doc = HTML(string=html_tekst, base_url=site_dir.as_uri() + "/", url_fetcher=fetcher)
    doel.parent.mkdir(parents=True, exist_ok=True)
    tmp = doel.with_suffix(".pdf.tmp")
    doc.write_pdf(tmp, pdf_identifier=b"poortwachter-" + doel.stem.encode(), uncompressed_pdf=False,
                  pdf_variant=PDF_VARIANT, finisher=pdfua_afwerking)
    tmp.replace(doel)


def _render_job(args):
    uitgave, html_tekst, doel, site_dir = args
    t0 = time.perf_counter()
    render(html_tekst, Path(doel), Path(site_dir))
    bewaard = _pdf_cache(uitgave, html_tekst, Path(site_dir))
    if bewaard:
        bewaard.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = bewaard.with_suffix(f".{os.getpid()}.tmp")
        shutil.copyfile(doel, tijdelijk)
        tijdelijk.replace(bewaard)
    return uitgave, time.perf_counter() - t0


PDF_CACHE = ROOT / ".cache" / "pdf"


def _pdf_cache(uitgave: str, html_tekst: str, site_dir: Path) -> Path | None:
    """Where the PDF of exactly these inputs is kept: .cache/pdf/<uitgave>-<sha256>.pdf (None: cache switched off).

    The key covers everything WeasyPrint reads: the assembled HTML (it carries the build date and every page), every
    file under scripts/pdf/ (print CSS, fonts config, images), every file of the temporary site build except its pages
    and search index (stylesheets and images the pages link to), this script (render options) and the WeasyPrint
    version."""
    if os.environ.get("POORTWACHTER_GEEN_CACHE"):
        return None
    from importlib.metadata import version

    h = hashlib.sha256()
    h.update(f"{uitgave}\0weasyprint={version('weasyprint')}\0".encode())
    # The temporary site folder's name changes every build; what it holds is hashed below.
    h.update(html_tekst.replace(site_dir.as_uri(), "<site>").replace(str(site_dir), "<site>").encode())
    for map_ in (PDF_ASSETS, site_dir):
        for f in sorted(p for p in map_.rglob("*") if p.is_file() and p.suffix not in {".html", ".xml", ".gz"}
                        and "search" not in p.relative_to(map_).parts):
            h.update(b"\0" + str(f.relative_to(map_)).encode() + b"\0" + f.read_bytes())
    h.update(Path(__file__).read_bytes())
    return PDF_CACHE / f"{uitgave}-{h.hexdigest()[:32]}.pdf"


def bouwdatum_nu() -> date:
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC).date()
    return datetime.now(UTC).date()


def bouw(out_dir: Path, uitgaven: list[str] | None = None, jobs: int | None = None,
         html_dir: Path | None = None, mkdocs_yml: Path = ROOT / "mkdocs.yml") -> dict[str, Path]:
    """Build the PDFs into out_dir; returns {uitgave: path}."""
    uitgaven = uitgaven or list(UITGAVEN)
    regels = regels_info()
    bouwdatum = bouwdatum_nu()
    with tempfile.TemporaryDirectory(prefix="pdf-site-") as tmp:
        site_dir = Path(tmp) / "site"
        t0 = time.perf_counter()
        per_taal, configs = _mkdocs_bouw(site_dir, mkdocs_yml)
        log.info("mkdocs build for the PDFs: %.1f s, pages per language %s", time.perf_counter() - t0,
                 {t: len(p) for t, p in per_taal.items()})
        voorbeelden: dict[str, dict] = {}

        taken = []
        for u in uitgaven:
            taal = UITGAVEN[u]["taal"]
            if not per_taal.get(taal):
                raise PdfBuildError(f"the {u} PDF needs the site's pages in language {taal!r}, and the mkdocs build "
                                    f"made pages only in {sorted(per_taal)} (mkdocs.yml: the i18n plugin)")
            config = configs[taal]
            if taal not in voorbeelden:
                # the worked example, its texts in the handbook's language (the engine's "taal" field)
                verzoek = {"ziek": [voorbeeld_ziekte(config)], "peildatum": bouwdatum.isoformat()}
                voorbeelden[taal] = bereken(verzoek if taal == TALEN[0] else {**verzoek, "taal": taal})
            tekst = stel_samen(u, per_taal[taal], config, site_dir, regels, voorbeelden[taal], bouwdatum)
            if html_dir:
                html_dir.mkdir(parents=True, exist_ok=True)
                (html_dir / f"{u}.html").write_text(tekst, encoding="utf-8")
            doel = out_dir / UITGAVEN[u]["bestand"]
            bewaard = _pdf_cache(u, tekst, site_dir)
            if bewaard and bewaard.exists():
                # Same HTML, same CSS, fonts and images, same WeasyPrint: the same PDF (issue 14, P6).
                doel.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(bewaard, doel)
                log.info("%s: ongewijzigd, uit %s", u, bewaard.relative_to(ROOT))
                continue
            taken.append((u, tekst, str(doel), str(site_dir)))

        jobs = jobs or min(len(taken), os.cpu_count() or 1)
        if jobs > 1:
            with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as pool:
                for u, duur in pool.map(_render_job, taken):
                    log.info("%s: %.1f s", u, duur)
        else:
            for taak in taken:
                u, duur = _render_job(taak)
                log.info("%s: %.1f s", u, duur)
    return {u: out_dir / UITGAVEN[u]["bestand"] for u in uitgaven}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", nargs="?", default=str(ROOT / "site" / "pdf"), help="output folder (default site/pdf)")
    ap.add_argument("--uitgave", action="append", choices=list(UITGAVEN), help="only this PDF (repeatable)")
    ap.add_argument("--jobs", type=int, default=None, help="parallel WeasyPrint renders (default: one per core)")
    ap.add_argument("--html", type=Path, default=None, help="also write the assembled HTML here (debugging)")
    ap.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml", help="mkdocs.yml to build from")
    ap.add_argument("-q", "--quiet", action="store_true")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING if args.quiet else logging.INFO, format="[build_pdf] %(message)s")
    # WeasyPrint is chatty about CSS it ignores; keep real errors.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    t0 = time.perf_counter()
    try:
        paden = bouw(Path(args.out), args.uitgave, args.jobs, args.html, args.config_file)
    except PdfBuildError as e:
        print(f"build_pdf: {e}", file=sys.stderr)
        return 1
    for u, p in paden.items():
        log.info("%s -> %s", u, p)
    log.info("total %.1f s", time.perf_counter() - t0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
