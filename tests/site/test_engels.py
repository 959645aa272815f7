"""The English edition (issue 13): every Dutch page has an English counterpart under /en/ at the same path, with
lang="en", and no English page shows untranslated Dutch running text.

Dutch text is found by its function words (de, het, een, van, niet, ...), which English never uses: a line of visible
text with two or more of them is Dutch. What may stay Dutch on an English page is allowed explicitly:
- the Dutch legal terms in tests/site/engels_toegestaan.txt (one per line: "plan van aanpak", ...), which the English
  pages keep on purpose (they are what UWV and the employer say), with an English gloss;
- text marked `lang="nl"` (a quoted Dutch title, a Dutch example sentence): marked for screen readers too;
- the link text of links to other websites (the titles of Dutch sources: wetten.overheid.nl, UWV).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import sitehulp

HIER = Path(__file__).resolve().parent
DOCS = sitehulp.ROOT / "docs"

# Common Dutch function words that are not English words (so no "of", "over", "door", "we", "in", "is", "met", "die").
NEDERLANDS = frozenset("""
de het een van en niet voor wordt worden werd bij als dat ook naar zijn heeft hebben moet moeten kan kunnen deze
dit er wat wie waar hoe maar nog wel geen aan uit tot tussen zoals omdat wanneer welke hun haar zich zelf alleen
onder na tijdens binnen zonder mag mogen dus daarom u uw je jouw hij zij wij ons onze mijn dan zo al
""".split()) - {"na", "u", "er", "al", "zo"}
GRENS = 2  # this many Dutch function words in one line make the line Dutch


def toegestaan() -> list[str]:
    regels = (HIER / "engels_toegestaan.txt").read_text(encoding="utf-8").splitlines()
    termen = [" ".join(r.split()).lower() for r in regels if r.strip() and not r.lstrip().startswith("#")]
    return sorted(termen, key=len, reverse=True)  # longest first: "wet verbetering poortwachter" before "wet"


def _termen_patroon(termen: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![a-zà-ÿ])(?:" + "|".join(re.escape(t) for t in termen) + r")(?![a-zà-ÿ])")


class _Lezer(HTMLParser):
    """Visible lines of a page, leaving out code, scripts, styles, elements with lang="nl" and external link text."""

    STIL = {"code", "pre", "script", "style", "template", "kbd", "svg"}
    BLOK = {"p", "li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div", "br", "summary", "label",
            "legend", "figcaption", "caption", "option", "title", "tr", "section", "details", "nav", "footer"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "area", "col", "embed", "track", "base"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stapel: list[tuple[str, bool]] = []
        self.delen: list[str] = []

    def _stil(self) -> bool:
        return any(s for _, s in self.stapel)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in self.BLOK:
            self.delen.append("\n")
        if tag in self.VOID:
            return
        stil = (tag in self.STIL or (a.get("lang") or "").lower().startswith("nl")
                or (tag == "a" and re.match(r"https?://", a.get("href") or "") is not None))
        self.stapel.append((tag, stil))

    def handle_endtag(self, tag):
        if tag in self.BLOK:
            self.delen.append("\n")
        for i in range(len(self.stapel) - 1, -1, -1):
            if self.stapel[i][0] == tag:
                del self.stapel[i:]
                break

    def handle_data(self, data):
        if not self._stil():
            self.delen.append(data)


def nederlandse_regels(html: str, termen: list[str]) -> list[str]:
    """The visible lines of `html` that read as Dutch (GRENS or more Dutch function words), with the words found."""
    lezer = _Lezer()
    lezer.feed(html)
    lezer.close()
    uit = []
    patroon = _termen_patroon(termen)
    for regel in "".join(lezer.delen).splitlines():
        tekst = patroon.sub(" ", " ".join(regel.lower().split()))
        woorden = re.findall(r"[a-zà-ÿ]+(?:['-][a-zà-ÿ]+)*", tekst)
        gevonden = [w for w in woorden if w in NEDERLANDS]
        if len(gevonden) >= GRENS:
            uit.append(f"{' '.join(regel.split())[:140]!r}  ({', '.join(gevonden)})")
    return uit


def _nl_paginas(site: Path) -> list[Path]:
    return [p for p in sitehulp.paginas(site) if p.relative_to(site).parts[0] != "en"]


def _docs_paginas() -> list[Path]:
    uit = []
    for p in sorted(DOCS.rglob("*.md")):
        rel = p.relative_to(DOCS)
        if rel.parts[0] in ("_data", "_includes", "overrides") or p.name.endswith(".en.md"):
            continue
        uit.append(rel)
    return uit


# ---------------------------------------------------------------- the detector itself


def test_de_detector_vindt_nederlands_en_laat_engels_en_termen_met_rust():
    termen = toegestaan()
    nl = "<p>De werkgever moet het plan van aanpak binnen acht weken maken.</p>"
    en = "<p>The employer must draw up the <em>plan van aanpak</em> (action plan) within eight weeks.</p>"
    gemarkeerd = '<p>The letter says <q lang="nl">de werkgever heeft niet genoeg gedaan</q>.</p>'
    extern = '<p>Source: <a href="https://www.uwv.nl/x">Werkwijzer Poortwachter van het UWV</a>.</p>'
    assert nederlandse_regels(nl, termen), "a Dutch sentence must be found"
    assert nederlandse_regels("<li>Wat doet de bedrijfsarts?</li>", termen)
    assert not nederlandse_regels(en, termen)
    assert not nederlandse_regels(gemarkeerd, termen)
    assert not nederlandse_regels(extern, termen)
    assert "plan van aanpak" in termen


# ---------------------------------------------------------------- counterparts


def test_elke_nederlandse_bronpagina_heeft_een_engelse_tweeling():
    ontbreekt = [str(p) for p in _docs_paginas() if not (DOCS / p.with_name(p.stem + ".en.md")).is_file()]
    assert not ontbreekt, f"{len(ontbreekt)} pagina's zonder .en.md: {ontbreekt}"


def test_elke_gebouwde_nederlandse_pagina_staat_ook_onder_en_met_lang_en(site):
    ontbreekt, verkeerde_taal = [], []
    for p in _nl_paginas(site):
        rel = p.relative_to(site)
        en = site / "en" / rel
        if not en.is_file():
            ontbreekt.append(str(rel))
            continue
        kop = en.read_text(encoding="utf-8")[:2000]
        if not re.search(r'<html[^>]*\blang="en"', kop):
            verkeerde_taal.append(str(rel))
    totaal = len(_nl_paginas(site))
    assert not ontbreekt, f"{len(ontbreekt)} van {totaal} pagina's zonder Engelse tegenhanger onder /en/: {ontbreekt}"
    assert not verkeerde_taal, f"Engelse pagina's zonder lang=\"en\": {verkeerde_taal}"


def test_engelse_paginas_linken_naar_hun_nederlandse_tegenhanger_met_hreflang(site):
    zonder = []
    for p in _nl_paginas(site):
        en = site / "en" / p.relative_to(site)
        if not en.is_file() or "/embed/v1/" in str(en):
            continue  # the embed frames are bare pages without the site's head (tested with the embed)
        html = en.read_text(encoding="utf-8")
        if not (re.search(r'<link rel="alternate" href="[^"]+" hreflang="nl">', html)
                and re.search(r'<link rel="alternate" href="[^"]+" hreflang="en">', html)):
            zonder.append(str(p.relative_to(site)))
    assert not zonder, f"zonder hreflang-alternates: {zonder}"


def test_engelse_paginas_tonen_geen_nederlandse_lopende_tekst(site):
    termen = toegestaan()
    fouten = {}
    for p in sorted((site / "en").rglob("*.html")):
        rel = p.relative_to(site)
        if rel.parts[1] in ("assets", "search", "pyodide") or p.name == "404.html":
            continue
        gevonden = nederlandse_regels(p.read_text(encoding="utf-8"), termen)
        if gevonden:
            fouten[str(rel)] = gevonden[:3] + ([f"... en nog {len(gevonden) - 3}"] if len(gevonden) > 3 else [])
    assert not fouten, "Nederlandse tekst op Engelse pagina's:\n" + "\n".join(
        f"{pagina}:\n    " + "\n    ".join(regels) for pagina, regels in fouten.items())


@pytest.mark.parametrize("pagina", ["index.html", "onderwerpen/kosten/index.html"])
def test_engelse_pagina_heeft_engelse_ui_en_taalkeuze(site, pagina):
    html = (site / "en" / pagina).read_text(encoding="utf-8")
    assert 'hreflang="nl" class="md-select__link"' in html, "language switcher to Dutch"
    assert "Link naar dit kopje" not in html and "Donkere weergave" not in html
