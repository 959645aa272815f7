"""Small stdlib HTML reader for the quality gates: ids, links, headings, lang and title of a built page."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
              ("iframe", "src"), ("video", "src"), ("audio", "src"), ("form", "action"), ("use", "href"),
              ("object", "data"), ("embed", "src")}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Pagina:
    pad: str                                   # site-relative URL path, e.g. "onderwerpen/kosten/"
    ids: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)   # (tag, attr, value)
    koppen: list[tuple[str, str, bool]] = field(default_factory=list)  # (tag, text, has aria-label/img alt)
    lang: str | None = None
    titel: str | None = None
    rekenvorm: bool = False  # holds a form that starts the engine in the browser (spoor 2 date / scenario forms)


class _Lezer(HTMLParser):
    def __init__(self, pagina: Pagina):
        super().__init__(convert_charrefs=True)
        self.p = pagina
        self.kop: list | None = None  # [tag, text parts, labelled, depth]
        self.in_titel = False
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.p.lang = a.get("lang")
        if tag == "title" and not self.in_svg:
            self.in_titel = True
            self.p.titel = ""
        if tag == "svg":
            self.in_svg += 1
        if a.get("id") == "s2-scenario" or ("s2-datum" in (a.get("class") or "").split() and "data-antwoorden" in a):
            self.p.rekenvorm = True
        if "id" in a and a["id"] is not None:
            self.p.ids.append(a["id"])
        if tag == "a" and a.get("name"):
            self.p.names.append(a["name"])
        # <link rel="canonical"> (mkdocs writes it when site_url is set) names the page's public address: it loads
        # nothing, so it is neither a same-site link nor a request to another site.
        kenmerk = tag == "link" and set((a.get("rel") or "").split()) & {"canonical", "alternate"}
        for t, attr in LINK_ATTRS:
            if tag == t and a.get(attr) is not None and not kenmerk:
                self.p.links.append((tag, attr, a[attr]))
        if tag in HEADINGS:
            self.kop = [tag, [], bool(a.get("aria-label")), 0]
        elif self.kop is not None:
            if tag == "img" and a.get("alt"):
                self.kop[2] = True
            if tag not in VOID:
                self.kop[3] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.kop is not None and tag not in VOID and tag not in HEADINGS:
            self.kop[3] -= 1
        if tag == "svg":
            self.in_svg -= 1

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg = max(0, self.in_svg - 1)
        if tag == "title":
            self.in_titel = False
        if self.kop is not None and tag == self.kop[0]:
            tekst = "".join(self.kop[1]).strip()
            self.p.koppen.append((tag, tekst, self.kop[2]))
            self.kop = None

    def handle_data(self, data):
        if self.in_titel:
            self.p.titel += data
        if self.kop is not None:
            self.kop[1].append(data)


def lees(site: Path, bestand: Path) -> Pagina:
    rel = bestand.relative_to(site).as_posix()
    pad = rel[: -len("index.html")] if rel.endswith("index.html") else rel
    pagina = Pagina(pad=pad)
    _Lezer(pagina).feed(bestand.read_text(encoding="utf-8"))
    # A heading's visible text without the permalink sign MkDocs appends ("¶").
    pagina.koppen = [(t, tekst.replace("¶", "").strip(), lab) for t, tekst, lab in pagina.koppen]
    return pagina


def html_bestanden(site: Path) -> list[Path]:
    """Every built HTML page (the Pyodide runtime folder holds no pages of ours)."""
    return sorted(p for p in site.rglob("*.html") if "pyodide" not in p.relative_to(site).parts[:1])


def doelbestand(site: Path, url_pad: str) -> Path | None:
    """The file a site-relative URL path serves (directory URLs → index.html), or None."""
    pad = unquote(url_pad).lstrip("/")
    kandidaat = site / pad
    if pad == "" or pad.endswith("/"):
        kandidaat = kandidaat / "index.html"
    if kandidaat.is_dir():
        kandidaat = kandidaat / "index.html"
    return kandidaat if kandidaat.is_file() else None


def los_op(pagina_pad: str, waarde: str) -> tuple[str, str, str]:
    """(scheme, site-relative path, fragment) of a link on a page, resolved against http://site/<pagina_pad>."""
    basis = "http://site.invalid/" + pagina_pad
    u = urlsplit(urljoin(basis, waarde.strip()))
    if u.scheme == "http" and u.netloc == "site.invalid":
        return "intern", u.path.lstrip("/"), u.fragment
    return u.scheme or "?", waarde, u.fragment
