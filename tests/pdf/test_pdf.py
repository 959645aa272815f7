"""The PDF handbooks (issue 7), Dutch and English (issue 13): one build per session with scripts/build_pdf.py (the
documented command) into a temporary folder (conftest.py), then checks with poppler (pdfinfo, pdftotext, pdffonts,
pdftoppm) and pypdf. Every check runs on the three Dutch handbooks and on their three English counterparts."""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTEN = ROOT / "test-artifacts" / "pdf"
# handbook -> (language, kind); the kind says which audiences it holds
UITGAVEN_INFO = {"werkgever": ("nl", "werkgever"), "werknemer": ("nl", "werknemer"), "compleet": ("nl", "compleet"),
                 "employer": ("en", "werkgever"), "employee": ("en", "werknemer"), "complete": ("en", "compleet")}
UITGAVEN = tuple(UITGAVEN_INFO)
TALEN = ("nl", "en")
IN_SOORT = {"werkgever": {"werkgever", "beide"}, "werknemer": {"werknemer", "beide"},
            "compleet": {"werkgever", "werknemer", "beide"}}
IN_UITGAVE = {u: IN_SOORT[soort] for u, (_, soort) in UITGAVEN_INFO.items()}


def taal_van(uitgave: str) -> str:
    return UITGAVEN_INFO[uitgave][0]


def uitgave_van(taal: str, soort: str) -> str:
    return next(u for u, info in UITGAVEN_INFO.items() if info == (taal, soort))


# What each language's handbook prints around the site's pages (written out here, not taken from build_pdf.py).
TEKSTEN = {
    "nl": {"voet": "Pagina {nr} van {n}", "doelgroep": "Doelgroep", "gemaakt": "Gemaakt op",
           "bijschrift": "Termijnen bij eerste ziektedag", "zelf_rekenen": "Zelf rekenen", "bronnen": "Bronnenlijst",
           "inhoud": "Inhoud"},
    "en": {"voet": "Page {nr} of {n}", "doelgroep": "Audience", "gemaakt": "Made on",
           "bijschrift": "Deadlines for a first day of sickness on", "zelf_rekenen": "Work out your own dates",
           "bronnen": "List of sources", "inhoud": "Contents"},
}
LEZER = {"werkgever": "werkgevers", "werknemer": "werknemers", "compleet": "werkgevers en werknemers",
         "employer": "employers", "employee": "employees", "complete": "employers and employees"}


@dataclass
class Pdf:
    uitgave: str
    pad: Path
    _paginas: list[str] | None = field(default=None, repr=False)
    _layout: list[str] | None = field(default=None, repr=False)

    def _tekst(self, *opties: str) -> list[str]:
        uit = subprocess.run(["pdftotext", *opties, "-enc", "UTF-8", str(self.pad), "-"], check=True,
                             capture_output=True, text=True).stdout
        paginas = uit.split("\f")
        if paginas and not paginas[-1].strip():
            paginas.pop()
        return paginas

    @property
    def paginas(self) -> list[str]:
        """Text per page (index 0 = page 1)."""
        if self._paginas is None:
            self._paginas = self._tekst()
        return self._paginas

    @property
    def layout(self) -> list[str]:
        if self._layout is None:
            self._layout = self._tekst("-layout")
        return self._layout

    @property
    def tekst(self) -> str:
        return "\n".join(self.paginas)

    @functools.cached_property
    def reader(self):
        """One pypdf reader per handbook for the whole session: parsing a 130-page PDF takes a second or two, and
        its objects, once read, are kept for the next test."""
        from pypdf import PdfReader
        return PdfReader(str(self.pad))

    @functools.cached_property
    def outline_top(self):
        return [o for o in self.reader.outline if not isinstance(o, list)]


def normaal(tekst: str) -> str:
    """Whitespace collapsed and soft hyphens / hyphenation breaks removed, for comparing titles with PDF text."""
    tekst = tekst.replace("\u00ad", "").replace("\u2010\n", "").replace("-\n", "-")
    return re.sub(r"\s+", " ", tekst).strip()


def kern(tekst: str) -> str:
    """Only the letters and digits in order: pdftotext drops the hyphen of "re-" + "integratie" at a line end."""
    return re.sub(r"[\s\-\u2010\u2011\u00ad]+", "", tekst)


@dataclass
class Bronpagina:
    src: str
    doelgroep: str
    titel: str | None
    pdf: object
    vertaald: bool = False      # read from its translation (page.en.md), not the Dutch page the i18n plugin uses
                                # when there is none


def bronpaginas(taal: str = "nl") -> list[Bronpagina]:
    """Every Markdown page in the nav with its front matter and its H1, read straight from the sources. In English the
    page's translation (page.en.md beside page.md) where there is one, as the i18n plugin takes it."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation

    config = load_config(str(ROOT / "mkdocs.yml"))
    uit = []
    gezien = set()
    for page in get_navigation(get_files(config), config).pages:
        f = page.file
        bron = Path(f.abs_src_path)
        bron = re.sub(r"\.(\w\w)\.md$", ".md", str(bron))       # the nav may name a page by its translation
        if bron in gezien:
            continue
        gezien.add(bron)
        vertaling = Path(bron[:-3] + f".{taal}.md")
        bron = vertaling if taal != "nl" and vertaling.is_file() else Path(bron)
        tekst = bron.read_text(encoding="utf-8")
        meta = {}
        m = re.match(r"^---\s*\n(.*?)\n---\s*\n", tekst, re.S)
        if m:
            meta = yaml.safe_load(m.group(1)) or {}
            tekst = tekst[m.end():]
        h1 = None
        in_code = False
        for regel in tekst.splitlines():
            if regel.startswith("```"):
                in_code = not in_code
            if not in_code and (m1 := re.match(r"#\s+(.+?)\s*(\{[^}]*\})?\s*$", regel)):
                h1 = m1.group(1).strip()
                break
        if h1 and ("{{" in h1 or "{%" in h1 or "`" in h1 or "*" in h1 or "[" in h1):
            h1 = None   # rendered or formatted titles: not comparable as plain text
        uit.append(Bronpagina(src=f.src_uri, doelgroep=meta.get("doelgroep"), titel=h1, pdf=meta.get("pdf", True),
                              vertaald=bron == vertaling))
    return uit


@pytest.fixture(scope="session")
def pdfs(pdf_map, build_pdf_module) -> dict[str, Pdf]:
    return {u: Pdf(u, pdf_map / build_pdf_module.UITGAVEN[u]["bestand"]) for u in UITGAVEN}


@pytest.fixture(scope="session")
def paginas_per_taal() -> dict[str, list[Bronpagina]]:
    return {taal: bronpaginas(taal) for taal in TALEN}


def test_engelse_pagina_hoort_in_dezelfde_handboeken_als_de_nederlandse(paginas_per_taal):
    """A translation keeps its page's `doelgroep` and `pdf`: the English handbooks have the Dutch ones' chapters."""
    nl = {p.src: (p.doelgroep, p.pdf) for p in paginas_per_taal["nl"]}
    anders = {p.src: (nl.get(p.src), (p.doelgroep, p.pdf)) for p in paginas_per_taal["en"]
              if p.vertaald and nl.get(p.src) != (p.doelgroep, p.pdf)}
    assert not anders, f"(doelgroep, pdf) differ between page.md and page.en.md: {anders}"
    assert any(p.vertaald for p in paginas_per_taal["en"]), "no English page found at all"


def test_de_tests_kennen_elk_handboek(build_pdf_module):
    assert {u: (i["taal"], i["soort"]) for u, i in build_pdf_module.UITGAVEN.items()} == UITGAVEN_INFO


# --- helpers ------------------------------------------------------------------------------------------------------

MAANDEN = {m: i + 1 for i, m in enumerate(
    "januari februari maart april mei juni juli augustus september oktober november december".split())}
DATUM_RE = re.compile(r"(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag) (\d{1,2}) ("
                      + "|".join(MAANDEN) + r") (\d{4})")
MONTHS = {m: i + 1 for i, m in enumerate(
    "January February March April May June July August September October November December".split())}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DATE_RE = re.compile(r"(" + "|".join(WEEKDAYS) + r") (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")


def lees_datum(tekst: str, taal: str = "nl"):
    from datetime import date
    patroon, maanden = (DATUM_RE, MAANDEN) if taal == "nl" else (DATE_RE, MONTHS)
    m = patroon.search(tekst)
    assert m, f"no {taal} date in {tekst!r}"
    d = date(int(m.group(4)), maanden[m.group(3)], int(m.group(2)))
    dagen = ("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag".split() if taal == "nl" else WEEKDAYS)
    assert m.group(1) == dagen[d.weekday()], f"wrong weekday in {m.group(0)!r}"
    return d


def datum_tekst(d, taal: str) -> str:
    """How a handbook writes a date: "maandag 5 januari 2026" / "Monday 5 January 2026"."""
    if taal == "nl":
        return f"{'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'.split()[d.weekday()]} {d.day} " \
               f"{list(MAANDEN)[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {d.day} {list(MONTHS)[d.month - 1]} {d.year}"


def pdfinfo(pad: Path, *opties: str) -> str:
    return subprocess.run(["pdfinfo", *opties, str(pad)], check=True, capture_output=True, text=True).stdout


def inhoudsopgave(pdf: Pdf) -> list[tuple[str, int]]:
    """(title, page) for every entry of the table of contents (the pages between the cover and chapter 1)."""
    regels = []
    for nr, pagina in enumerate(pdf.layout[1:], start=2):
        if nr > 2 and not re.search(r"\. \. \.", pagina):
            break
        vorige = ""      # a long title wraps: its first line(s) have no page number
        for regel in pagina.splitlines():
            if not regel.strip() or regel.strip() == TEKSTEN[taal_van(pdf.uitgave)]["inhoud"]:
                vorige = ""
                continue
            if (m := re.match(r"^\s*(\S.*?)[ .]*\.\s+\.?\s*(\d+)\s*$", regel)) or \
                    (m := re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", regel)):
                regels.append((normaal(vorige + " " + m.group(1)).rstrip(" ."), int(m.group(2))))
                vorige = ""
            else:
                vorige = vorige + " " + regel.strip()
    return regels


def outline_top(pdf: Pdf):
    return pdf.reader, pdf.outline_top


# --- tests --------------------------------------------------------------------------------------------------------

pytestmark = pytest.mark.pdf


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_a4_en_een_redelijk_aantal_paginas(pdfs, uitgave):
    pad = pdfs[uitgave].pad
    info = pdfinfo(pad)
    paginas = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 5 <= paginas <= 400, paginas
    per_pagina = pdfinfo(pad, "-f", "1", "-l", str(paginas))
    maten = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", per_pagina, re.M)
    assert len(maten) == paginas
    for b, h in maten:   # A4 = 210 x 297 mm = 595.28 x 841.89 pt
        assert abs(float(b) - 595.28) < 0.5 and abs(float(h) - 841.89) < 0.5, (b, h)


@pytest.mark.parametrize("taal", TALEN)
def test_het_complete_handboek_is_het_dikst(pdfs, taal):
    n = {soort: len(pdfs[uitgave_van(taal, soort)].paginas) for soort in IN_SOORT}
    assert n["compleet"] >= max(n["werkgever"], n["werknemer"]), n


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_metadata_taal_en_titel(pdfs, uitgave):
    r = pdfs[uitgave].reader
    taal, soort = UITGAVEN_INFO[uitgave]
    assert r.trailer["/Root"]["/Lang"] == taal
    titel = (r.metadata.title or "").lower()
    assert titel and ({"nl": "handboek", "en": "handbook"}[taal] in titel)
    if soort == "werkgever":
        assert {"nl": "werkgever", "en": "employer"}[taal] in titel
    if taal == "en":
        assert "handboek" not in titel and "voor" not in titel.split(), titel


def site_naam(taal: str) -> str:
    """mkdocs.yml site_name, or the i18n plugin's site_name for that language."""
    from mkdocs.config import load_config
    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins.get("i18n")
    for lang in (i18n.config.languages if i18n else []):
        if lang.locale == taal and lang.site_name:
            return lang.site_name
    return config["site_name"]


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_omslag(pdfs, uitgave):
    from poortwachter.regels import regels_als_dict
    taal = taal_van(uitgave)
    omslag = normaal(pdfs[uitgave].paginas[0])
    assert site_naam(taal).lower() in omslag.lower()
    assert regels_als_dict()["versie"] in omslag
    assert f"{TEKSTEN[taal]['doelgroep']} {LEZER[uitgave]}".lower() in omslag.lower()
    gemaakt = lees_datum(omslag.split(TEKSTEN[taal]["gemaakt"], 1)[1], taal)
    from datetime import UTC, datetime, timedelta
    assert abs(gemaakt - datetime.now(UTC).date()) <= timedelta(days=1)


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_elke_hoofdstuktitel_staat_erin_en_geen_verkeerde(pdfs, paginas_per_taal, uitgave):
    pdf = pdfs[uitgave]
    paginas_uit_docs = paginas_per_taal[taal_van(uitgave)]
    tekst = kern(pdf.tekst)
    _, top = outline_top(pdf)
    top_titels = [normaal(o.title) for o in top]
    for p in paginas_uit_docs:
        assert p.doelgroep in {"werkgever", "werknemer", "beide"}, f"docs/{p.src}: doelgroep {p.doelgroep!r}"
        if p.pdf is False or not p.titel:
            continue
        titel = normaal(p.titel)
        if p.doelgroep in IN_UITGAVE[uitgave]:
            assert kern(titel) in tekst, f"{uitgave}: chapter {titel!r} (docs/{p.src}) missing"
            assert titel in top_titels, f"{uitgave}: no bookmark for {titel!r}"
        else:
            assert titel not in top_titels, f"{uitgave}: {p.doelgroep}-only chapter {titel!r} is in it"
            assert titel not in [t for t, _ in inhoudsopgave(pdf)], f"{uitgave}: {titel!r} in the TOC"


@pytest.mark.parametrize("taal", TALEN)
def test_werkgever_en_werknemer_verschillen(pdfs, paginas_per_taal, taal):
    alleen = {d: [p for p in paginas_per_taal[taal] if p.doelgroep == d and p.pdf is not False and p.titel]
              for d in ("werkgever", "werknemer")}
    if not alleen["werkgever"] or not alleen["werknemer"]:
        pytest.skip("the site has no audience-only pages yet")
    _, wg = outline_top(pdfs[uitgave_van(taal, "werkgever")])
    _, wn = outline_top(pdfs[uitgave_van(taal, "werknemer")])
    assert {o.title for o in wg} != {o.title for o in wn}


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_inhoudsopgave_klopt(pdfs, uitgave):
    pdf = pdfs[uitgave]
    toc = inhoudsopgave(pdf)
    _, top = outline_top(pdf)
    assert len(toc) >= len(top), toc
    geen_bladzijde = [(t, n) for t, n in toc if not 1 <= n <= len(pdf.paginas)]
    assert not geen_bladzijde
    # Every entry (not only a sample: it is cheap): the heading is on the page the TOC names.
    fout = []
    for titel, nr in toc:
        if kern(titel) not in kern(pdf.paginas[nr - 1]):
            fout.append((titel, nr))
    assert not fout, f"{uitgave}: TOC entries whose heading is not on the named page: {fout}"


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_bladwijzers_per_hoofdstuk(pdfs, paginas_per_taal, uitgave):
    pdf = pdfs[uitgave]
    reader, top = outline_top(pdf)
    verwacht = [p for p in paginas_per_taal[taal_van(uitgave)]
                if p.pdf is not False and p.doelgroep in IN_UITGAVE[uitgave]]
    # one bookmark per site page in this PDF, plus the generated sources chapter
    assert len(top) == len(verwacht) + 1, [o.title for o in top]
    assert normaal(top[-1].title) == TEKSTEN[taal_van(uitgave)]["bronnen"]
    # the bookmarks point at the pages where the chapters start, as the TOC says
    toc = dict(inhoudsopgave(pdf))
    for o in top:
        nr = reader.get_destination_page_number(o) + 1
        assert kern(o.title) in kern(pdf.paginas[nr - 1])
        if normaal(o.title) in toc:
            assert toc[normaal(o.title)] == nr
    # sections are bookmarked under their chapter
    assert any(isinstance(o, list) and o for o in reader.outline)


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_interne_links_werken(pdfs, uitgave):
    r = pdfs[uitgave].reader
    namen = set(r.named_destinations)
    intern = extern = 0
    for pagina in r.pages:
        for annot in pagina.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            if "/Dest" in a:
                assert str(a["/Dest"]) in namen, a["/Dest"]
                intern += 1
            elif "/A" in a and a["/A"].get("/S") == "/URI":
                assert str(a["/A"]["/URI"]).startswith(("http://", "https://", "mailto:")), a["/A"]["/URI"]
                extern += 1
    _, top = outline_top(pdfs[uitgave])
    assert intern >= len(top)        # at least the TOC links
    assert extern > 0


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_externe_links_tonen_hun_url(pdfs, uitgave):
    r = pdfs[uitgave].reader
    # -layout keeps each line as printed (plain pdftotext joins "a-" + "b" at a line end into "ab")
    plat = re.sub(r"\s+", "", "\n".join(pdfs[uitgave].layout))
    urls = set()
    for pagina in r.pages:
        for annot in pagina.get("/Annots") or []:
            a = annot.get_object()
            if "/A" in a and a["/A"].get("/S") == "/URI":
                urls.add(str(a["/A"]["/URI"]))
    assert urls
    missen = [u for u in urls if re.sub(r"\s+", "", u) not in plat]
    assert not missen, missen


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_lopende_kop_en_paginanummers(pdfs, uitgave):
    pdf = pdfs[uitgave]
    voet = TEKSTEN[taal_van(uitgave)]["voet"]
    n = len(pdf.paginas)
    for nr in range(2, n + 1):
        assert voet.format(nr=nr, n=n) in pdf.paginas[nr - 1], nr
    assert voet.format(nr=1, n=n) not in pdf.paginas[0]      # the cover has no footer


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_rekenvoorbeeld_komt_uit_de_rekenkern(pdfs, uitgave):
    import json
    from datetime import date

    from poortwachter.contract import bereken
    from mkdocs.config import load_config

    pdf = pdfs[uitgave]
    taal = taal_van(uitgave)
    bijschrift = TEKSTEN[taal]["bijschrift"]
    tekst = normaal(pdf.tekst)
    assert bijschrift in tekst, "the worked example table is missing"
    eerste = lees_datum(tekst.split(bijschrift, 1)[1], taal)
    # the same example as the site (mkdocs.yml extra.voorbeeld)
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert eerste.isoformat() == str(config["extra"]["voorbeeld"]["eerste_ziektedag"])
    gemaakt = lees_datum(normaal(pdf.paginas[0]).split(TEKSTEN[taal]["gemaakt"], 1)[1], taal)
    antwoord = json.loads(bereken(json.dumps({"ziek": [eerste.isoformat()], "peildatum": gemaakt.isoformat(),
                                              "taal": taal})))
    assert "termijnen" in antwoord, antwoord
    regels = [r for pagina in pdf.layout for r in pagina.splitlines()]
    start = next(i for i, r in enumerate(regels) if bijschrift in r)
    positie = start
    for t in antwoord["termijnen"]:
        assert t["datum_tekst"] == datum_tekst(date.fromisoformat(t["datum"]), taal)
        week = str(t["ziekteweek"]) if t.get("ziekteweek") is not None else ""
        patroon = re.compile(rf"^\s*{re.escape(week)}\s+{re.escape(t['datum_tekst'])}(\s|$)")
        gevonden = next((i for i in range(positie, len(regels)) if patroon.search(regels[i])), None)
        assert gevonden is not None, f"{uitgave}: row week {week} / {t['datum_tekst']} ({t['id']}) not found in order"
        positie = gevonden + 1


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_geen_formulier_of_script_in_de_pdf(pdfs, uitgave):
    r = pdfs[uitgave].reader
    assert "/AcroForm" not in r.trailer["/Root"]
    assert "/JavaScript" not in r.trailer["/Root"].get("/Names", {})
    # the calculator chapter points at the online calculator instead of an empty form
    assert TEKSTEN[taal_van(uitgave)]["zelf_rekenen"] in normaal(pdfs[uitgave].tekst)


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_alle_lettertypen_ingebed_en_uit_debian(pdfs, uitgave):
    uit = subprocess.run(["pdffonts", str(pdfs[uitgave].pad)], check=True, capture_output=True, text=True).stdout
    regels = uit.splitlines()[2:]
    assert regels, uit
    for regel in regels:
        kolommen = regel.split()
        naam = kolommen[0]
        # name type... emb sub uni object ID: emb is the 5th column from the end
        assert kolommen[-5] == "yes", f"font not embedded: {regel}"
        assert "DejaVu" in naam, f"font not from fonts-dejavu: {regel}"


def test_ophalen_van_het_netwerk_stopt_de_bouw(build_pdf_module, tmp_path):
    from weasyprint import HTML
    from weasyprint.urls import FatalURLFetchingError
    fetcher = build_pdf_module.offline_fetcher([tmp_path])
    for url in ("http://example.org/x.css", "https://example.org/font.woff2", "ftp://example.org/a"):
        with pytest.raises(FatalURLFetchingError):
            fetcher(url)
    with pytest.raises(FatalURLFetchingError):
        fetcher("file:///etc/passwd")
    html = '<html lang="nl"><body><img src="https://example.org/a.png"></body></html>'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, base_url=tmp_path.as_uri() + "/", url_fetcher=fetcher).write_pdf()


@pytest.mark.parametrize("uitgave", ["compleet", "complete"])
def test_png_van_omslag_en_tabelpagina(pdfs, uitgave):
    from PIL import Image
    pdf = pdfs[uitgave]
    bijschrift = TEKSTEN[taal_van(uitgave)]["bijschrift"]
    tabel = next(i for i, p in enumerate(pdf.paginas, start=1) if bijschrift in normaal(p))
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    for naam, nr in ((f"omslag-{uitgave}", 1), (f"tabel-{uitgave}", tabel)):
        for oud in ARTEFACTEN.glob(f"{naam}*.png"):
            oud.unlink()
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", str(nr), "-l", str(nr), "-singlefile",
                        str(pdf.pad), str(ARTEFACTEN / naam)], check=True)
    omslag = Image.open(ARTEFACTEN / f"omslag-{uitgave}.png").convert("RGB")
    b, h = omslag.size
    assert abs(h / b - 297 / 210) < 0.01
    # the cover is the dark full-bleed colour, with light text on it
    assert omslag.getpixel((5, 5)) == omslag.getpixel((b - 5, h - 5))
    assert sum(omslag.getpixel((5, 5))) < 200
    assert len(omslag.getcolors(maxcolors=1 << 20)) > 10
    tabelpagina = Image.open(ARTEFACTEN / f"tabel-{uitgave}.png").convert("RGB")
    assert tabelpagina.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize("uitgave", ["compleet", "complete"])
def test_geen_zwarte_vlakken(pdfs, tmp_path, uitgave):
    """Diagrams keep their colours: a lost SVG style paints its boxes solid black (WeasyPrint's default fill)."""
    from PIL import Image
    pdf = pdfs[uitgave]
    subprocess.run(["pdftoppm", "-png", "-r", "15", str(pdf.pad), str(tmp_path / "p")], check=True)
    te_donker = []
    for png in sorted(tmp_path.glob("p-*.png")):
        nr = int(png.stem.split("-")[1])
        if nr == 1:
            continue      # the cover is dark on purpose
        grijs = Image.open(png).convert("L")
        zwart = sum(n for n, waarde in grijs.getcolors(256) if waarde < 40)
        if zwart / (grijs.width * grijs.height) > 0.04:
            te_donker.append(nr)
    assert not te_donker, f"pages with large black areas (a diagram without its style?): {te_donker}"


# --- the English handbooks say nothing in Dutch of their own (issue 13) -------------------------------------------

NL_MAAND_RE = re.compile(r"\b(\d{1,2} (" + "|".join(MAANDEN) + r")|(" + "|".join(MAANDEN) + r") \d{4})\b")
# what a Dutch handbook prints around the pages: on the cover, in the contents, the worked example, the sources chapter
NL_LABELS = ("Gemaakt op", "Doelgroep", "Versie rekenregels", "gecontroleerd op", "Inhoud", "Termijnen bij eerste",
             "Rekenvoorbeeld", "Ziekteweek", "Toelichting bij het voorbeeld", "Zelf rekenen", "Reken met je eigen",
             "Bronnenlijst", "Hieronder staan alle bronnen", "Alle links in dit document", ", blz.", "Handboek")


def hoofdstukken(pdf: Pdf) -> list[tuple[str, int, int]]:
    """(title, first page, last page) of every chapter, from the top-level bookmarks (pages 1-based)."""
    reader, top = outline_top(pdf)
    starts = [(normaal(o.title), reader.get_destination_page_number(o) + 1) for o in top]
    return [(titel, begin, (starts[i + 1][1] - 1) if i + 1 < len(starts) else len(pdf.paginas))
            for i, (titel, begin) in enumerate(starts)]


@pytest.mark.parametrize("uitgave", [u for u in UITGAVEN if taal_van(u) == "en"])
def test_engels_handboek_zonder_nederlandse_datums_en_labels(pdfs, paginas_per_taal, uitgave):
    pdf = pdfs[uitgave]
    delen = hoofdstukken(pdf)
    bijschrift = TEKSTEN["en"]["bijschrift"]
    # What the build writes itself: the cover, the worked example chapter (its body is the engine's answer) and the
    # sources chapter's own texts (its first page). The contents list the pages' headings, and only its title is ours.
    inhoud = [normaal(r) for p in pdf.paginas[1:delen[0][1] - 1] for r in p.splitlines() if r.strip()]
    assert TEKSTEN["en"]["inhoud"] in inhoud and TEKSTEN["nl"]["inhoud"] not in inhoud
    eigen = {"cover": pdf.paginas[0]}
    for titel, begin, eind in delen:
        tekst = "\n".join(pdf.paginas[begin - 1:eind])
        if bijschrift in normaal(tekst):
            eigen[f"worked example ({titel})"] = tekst
    eigen["sources chapter"] = pdf.paginas[delen[-1][1] - 1]
    assert len(eigen) == 3, list(eigen)
    for deel, tekst in eigen.items():
        tekst = normaal(tekst)
        assert not DATUM_RE.search(tekst) and not NL_MAAND_RE.search(tekst), \
            f"{uitgave}, {deel}: a Dutch date: {(DATUM_RE.search(tekst) or NL_MAAND_RE.search(tekst)).group(0)!r}"
        nl = [label for label in NL_LABELS if label in tekst]
        assert not nl, f"{uitgave}, {deel}: Dutch labels {nl}"
    assert DATE_RE.search(normaal(eigen["cover"])), "the cover's date is not in English"
    # The sources chapter names the page of each link in English (its link texts are the sources' own titles).
    bronnen = normaal("\n".join(pdf.paginas[delen[-1][1] - 1:]))
    assert re.search(r"\(in [^()]+, p\. \d+\)", bronnen) and ", blz. " not in bronnen
    # Links to pages outside this handbook are named in English everywhere, and so are the phases (print CSS).
    assert "(op de website: /" not in pdf.tekst
    assert not re.search(r"\bFase \d+: ", pdf.tekst)
    # Every chapter made from an English page: every date the engine or the site's filters write is English there.
    # (Only a page without its translation yet, the Dutch text under /en/ that tests/site/test_engels.py names, is
    # left out.)
    onvertaald = {normaal(p.titel) for p in paginas_per_taal["en"] if not p.vertaald and p.titel}
    gelezen = 0
    for titel, begin, eind in delen:
        if titel not in onvertaald:
            tekst = normaal("\n".join(pdf.paginas[begin - 1:eind]))
            assert not DATUM_RE.search(tekst), f"{uitgave}, chapter {titel!r}: {DATUM_RE.search(tekst).group(0)!r}"
            gelezen += 1
    assert gelezen > len(delen) // 2, f"{uitgave}: most chapters are still Dutch ({len(delen) - gelezen} of {len(delen)})"


# --- source left in the text (issue 12) ---------------------------------------------------------------------------

sys.path.insert(0, str(ROOT / "tests"))
from zichtbare_tekst import bronresten, pdf_regels  # noqa: E402


def resten_in_pdf(pdf: Pdf) -> dict[int, list[str]]:
    """{page number: fragments} of Markdown or template source in the text of each PDF page (pdftotext's text, which
    the other checks read too: pypdf's extract_text took a minute for the six handbooks)."""
    uit = {}
    for nr, pagina in enumerate(pdf.paginas, start=1):
        if gevonden := bronresten(pdf_regels(pagina)):
            uit[nr] = gevonden
    return uit


@pytest.mark.parametrize("uitgave", UITGAVEN)
def test_geen_markdown_of_sjabloonbron_in_de_tekst(pdfs, uitgave):
    resten = resten_in_pdf(pdfs[uitgave])
    assert resten == {}, f"{pdfs[uitgave].pad.name}: broncode zichtbaar op pagina " + "\n".join(
        f"{nr}: {fragmenten}" for nr, fragmenten in resten.items())


def test_de_pdf_controle_vindt_broncode_en_noemt_de_pagina(tmp_path):
    from weasyprint import HTML

    html = """<html lang="nl"><body>
    <p>Schone pagina met een link naar https://wetten.overheid.nl/BWBR0019057/2005-12-09/<br>#Hoofdstuk8_Artikel66
    die over twee regels loopt, en <b>vet</b>.</p>
    <p style="break-before: page">**Leg de basis in het plan van aanpak**</p>
    <p>Meer: [kosten](/onderwerpen/kosten.md) en {{ r.wachttijd.weken }} weken.</p>
    <p>## Bronnen</p></body></html>"""
    pad = tmp_path / "proef.pdf"
    HTML(string=html).write_pdf(pad)
    resten = resten_in_pdf(Pdf("proef", pad))
    assert list(resten) == [2], resten
    tekst = "\n".join(resten[2])
    for fragment in ("**Leg de basis", "[kosten](", "{{ r.wachttijd", "## Bronnen"):
        assert fragment in tekst, f"{fragment!r} niet gemeld in {tekst}"
