"""site_url: set in one place (mkdocs.yml, from POORTWACHTER_SITE_URL for whoever hosts a copy); with it, a link in a
PDF to a page that is not in that PDF prints as the page's full URL."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _config(monkeypatch, waarde: str | None):
    from mkdocs.config import load_config
    if waarde is None:
        monkeypatch.delenv("POORTWACHTER_SITE_URL", raising=False)
    else:
        monkeypatch.setenv("POORTWACHTER_SITE_URL", waarde)
    return load_config(str(ROOT / "mkdocs.yml"))


def test_site_url_komt_uit_de_omgeving(monkeypatch):
    assert _config(monkeypatch, "https://voorbeeld.test/poortwachter").site_url == "https://voorbeeld.test/poortwachter/"
    assert not _config(monkeypatch, None).site_url, "no address may be invented when none is set"


PAGINA_HTML = """<html><body><article><h1>Ik ben werkgever</h1>
<p>Zie de <a href="../werknemer/#ziekmelding">werknemerskant</a>, de <a href="../tijdlijn/">tijdlijn</a> en
<a href="../assets/voorbeeld.pdf">het voorbeeld</a>.</p></article></body></html>"""


def _hoofdstuk(build_pdf_module, tmp_path, site_url: str):
    from bs4 import BeautifulSoup
    m = build_pdf_module
    pagina = m.Pagina(src="werkgever/index.md", url="werkgever/", titel="Ik ben werkgever", meta={}, html=PAGINA_HTML)
    ctx = m.Context(uitgave="werkgever", opgenomen={"werkgever/": "h-werkgever", "tijdlijn/": "h-tijdlijn"},
                    alle_urls={"werkgever/", "werknemer/", "tijdlijn/"}, site_dir=tmp_path, site_url=site_url)
    return m.hoofdstuk_uit_pagina(pagina, ctx, lambda t: BeautifulSoup(t, "html.parser"))


@pytest.mark.parametrize("site_url", ["https://voorbeeld.test/poortwachter", "https://voorbeeld.test"])
def test_link_buiten_de_pdf_wordt_volledige_url(build_pdf_module, tmp_path, site_url):
    sec = _hoofdstuk(build_pdf_module, tmp_path, site_url)
    links = {a.get_text(): a["href"] for a in sec.select("a[href]")}
    assert links["werknemerskant"] == f"{site_url}/werknemer/#ziekmelding"
    assert links["het voorbeeld"] == f"{site_url}/assets/voorbeeld.pdf"
    assert links["tijdlijn"] == "#h-tijdlijn"          # a page inside this PDF stays an internal link
    gedrukt = " ".join(s.get_text() for s in sec.select(".url"))
    assert f"({site_url}/werknemer/#ziekmelding)" in gedrukt


def test_zonder_site_url_het_pad_op_de_website(build_pdf_module, tmp_path):
    sec = _hoofdstuk(build_pdf_module, tmp_path, "")
    assert "werknemerskant" not in {a.get_text() for a in sec.select("a[href]")}
    assert "(op de website: /werknemer/)" in sec.get_text()


def test_engels_handboek_noemt_de_engelse_pagina_op_de_website(build_pdf_module, tmp_path):
    """In an English handbook (pages under en/) a link to a page outside it names the English page, in English."""
    from bs4 import BeautifulSoup
    m = build_pdf_module
    pagina = m.Pagina(src="werkgever/index.md", url="en/werkgever/", titel="I am an employer", meta={},
                      html=PAGINA_HTML.replace("Ik ben werkgever", "I am an employer"), taal="en")
    ctx = m.Context(uitgave="employer", opgenomen={"en/werkgever/": "h-en-werkgever", "en/tijdlijn/": "h-en-tijdlijn"},
                    alle_urls={"en/werkgever/", "en/werknemer/", "en/tijdlijn/"}, site_dir=tmp_path, site_url="",
                    taal="en")
    sec = m.hoofdstuk_uit_pagina(pagina, ctx, lambda t: BeautifulSoup(t, "html.parser"))
    assert "(on the website: /en/werknemer/)" in sec.get_text()
    assert "op de website" not in sec.get_text()
    assert {a.get_text(): a["href"] for a in sec.select("a[href]")}["tijdlijn"] == "#h-en-tijdlijn"
    online = m.hoofdstuk_uit_pagina(pagina, m.Context(
        uitgave="employer", opgenomen=ctx.opgenomen, alle_urls=ctx.alle_urls, site_dir=tmp_path,
        site_url="https://voorbeeld.test", taal="en"), lambda t: BeautifulSoup(t, "html.parser"))
    assert "(https://voorbeeld.test/en/werknemer/#ziekmelding)" in online.get_text()


def test_engelse_pagina_zonder_doelgroep_noemt_haar_eigen_bestand(build_pdf_module, tmp_path):
    """A translation without a valid `doelgroep` stops the build and names the .en.md file, not the Dutch one."""
    from datetime import date
    m = build_pdf_module
    pagina = m.Pagina(src="werkgever/index.md", url="en/werkgever/", titel="I am an employer", meta={},
                      html=PAGINA_HTML, taal="en", bestand="werkgever/index.en.md")
    config = {"site_name": "x", "site_url": "", "extra_css": [], "extra": {}}
    with pytest.raises(m.PdfBuildError, match=r"docs/werkgever/index\.en\.md: front matter 'doelgroep'"):
        m.stel_samen("employer", [pagina], config, tmp_path, {}, {"eerste_ziektedag": "2026-01-05", "termijnen": []},
                     date(2026, 1, 5))
