"""Static gates over every built page: valid HTML basics, internal links + anchors, external link syntax (report)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import kwaliteit_html

HOSTNAAM = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$", re.IGNORECASE)
EMAIL = re.compile(r"^[^@\s]+@([a-z0-9-]+\.)+[a-z]{2,63}$", re.IGNORECASE)


def test_geen_dubbele_ids(paginas):
    fouten = {p.pad: sorted(i for i, n in Counter(p.ids).items() if n > 1) for p in paginas}
    fouten = {k: v for k, v in fouten.items() if v}
    assert fouten == {}, f"dubbele id's: {fouten}"


def test_geen_lege_koppen(paginas):
    leeg = [(p.pad, tag) for p in paginas for tag, tekst, gelabeld in p.koppen if not tekst and not gelabeld]
    assert leeg == [], f"lege koppen: {leeg}"


def test_taal_en_titel(paginas):
    # Dutch at the root, the English edition under en/ (issue 13).
    zonder_taal = [p.pad for p in paginas if p.lang != ("en" if p.pad.startswith("en/") else "nl")]
    zonder_titel = [p.pad for p in paginas if not (p.titel or "").strip()]
    assert zonder_taal == [], f"<html lang> past niet bij de editie (nl, of en onder en/) op {zonder_taal}"
    assert zonder_titel == [], f"geen <title> op {zonder_titel}"


def test_elke_pagina_heeft_precies_een_h1(paginas):
    # 404.html uses Material's own template (h1 "404 - Not found"); all other pages are ours.
    fout = {p.pad: [t for t, *_ in p.koppen].count("h1") for p in paginas}
    fout = {k: v for k, v in fout.items() if v != 1}
    assert fout == {}, f"aantal h1 per pagina is niet 1: {fout}"


def test_interne_links_en_ankers(site_dir, paginas):
    """Every same-site href/src resolves to a built file, and every #anker exists on the target page. Offline."""
    per_pad = {p.pad: p for p in paginas}
    kapot, ankers_kapot, gecontroleerd = [], [], 0
    for p in paginas:
        for tag, attr, waarde in p.links:
            soort, pad, anker = kwaliteit_html.los_op(p.pad, waarde)
            if soort != "intern":
                continue
            gecontroleerd += 1
            doel = kwaliteit_html.doelbestand(site_dir, pad)
            if doel is None:
                kapot.append(f"{p.pad}: <{tag} {attr}={waarde!r}>")
                continue
            if anker and doel.suffix == ".html":
                rel = doel.relative_to(site_dir).as_posix()
                doelpad = rel[: -len("index.html")] if rel.endswith("index.html") else rel
                doelpagina = per_pad.get(doelpad) or kwaliteit_html.lees(site_dir, doel)
                if anker not in doelpagina.ids and anker not in doelpagina.names:
                    ankers_kapot.append(f"{p.pad}: {waarde!r} (geen id {anker!r} op {doelpad or '/'})")
    assert gecontroleerd > 100, f"verdacht weinig interne links gecontroleerd: {gecontroleerd}"
    assert kapot == [], "interne links zonder doel:\n" + "\n".join(kapot)
    assert ankers_kapot == [], "ankers zonder doel:\n" + "\n".join(ankers_kapot)


def test_externe_links_syntax_en_rapport(paginas, artefacten):
    """External links: valid syntax (https/http with a real host name, mailto with an address); listed in a report."""
    per_url: dict[str, set[str]] = defaultdict(set)
    fout = []
    for p in paginas:
        for tag, attr, waarde in p.links:
            soort, url, _ = kwaliteit_html.los_op(p.pad, waarde)
            if soort in ("intern", "data"):  # data: URLs are part of the page itself (img-src 'self' data:)
                continue
            per_url[url].add(p.pad or "/")
            if tag != "a":
                fout.append(f"{p.pad}: <{tag} {attr}> laadt iets van buiten: {url}")
            elif soort in ("http", "https"):
                from urllib.parse import urlsplit

                u = urlsplit(url)
                if not HOSTNAAM.match(u.hostname or "") or any(c.isspace() for c in url) or u.username:
                    fout.append(f"{p.pad}: ongeldige URL {url!r}")
            elif soort == "mailto":
                if not EMAIL.match(url[len("mailto:"):].split("?")[0]):
                    fout.append(f"{p.pad}: ongeldig e-mailadres {url!r}")
            elif soort not in ("tel",):
                fout.append(f"{p.pad}: onbekend linktype {url!r}")
    rapport = artefacten / "externe-links.txt"
    regels = [f"# {len(per_url)} externe links op {len(paginas)} pagina's (alleen syntax gecontroleerd, offline)"]
    for url in sorted(per_url):
        onveilig = "  [http, geen https]" if url.startswith("http:") else ""
        regels.append(f"{url}{onveilig}\n    op: {', '.join(sorted(per_url[url]))}")
    rapport.write_text("\n".join(regels) + "\n", encoding="utf-8")
    (artefacten / "externe-links.json").write_text(
        json.dumps({u: sorted(v) for u, v in sorted(per_url.items())}, indent=1, ensure_ascii=False), encoding="utf-8")
    assert fout == [], "\n".join(fout)
