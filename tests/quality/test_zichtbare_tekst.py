"""Every built page renders as written: no Markdown or template source in the text a reader sees (issue 12).

Reads the visible text (the DOM text outside code, pre, script, style, kbd) of every HTML page in the built site, and
of every step of the spoor 2 helper that the browser shows from spoor2-hulp/stappen.json. A failure names the page
and the fragment. The last tests feed the same check a small bad page, so the gate is shown to fail.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import kwaliteit_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from zichtbare_tekst import bronresten, zichtbare_regels  # noqa: E402


def resten_in_site(site: Path) -> dict[str, list[str]]:
    """{page: fragments} for every built HTML page and every browser step of the spoor 2 helper with leftovers."""
    uit: dict[str, list[str]] = {}
    for bestand in kwaliteit_html.html_bestanden(site):
        if gevonden := bronresten(zichtbare_regels(bestand.read_text(encoding="utf-8"))):
            uit[bestand.relative_to(site).as_posix()] = gevonden
    stappen = site / "spoor2-hulp" / "stappen.json"
    if stappen.is_file():
        for sleutel, stap in json.loads(stappen.read_text(encoding="utf-8"))["stappen"].items():
            if gevonden := bronresten(zichtbare_regels(stap["html"])):
                uit[f"spoor2-hulp/stappen.json#/{sleutel}"] = gevonden
    return uit


def _verslag(resten: dict[str, list[str]]) -> str:
    return "\n".join(f"{pagina}:\n    " + "\n    ".join(fragmenten) for pagina, fragmenten in resten.items())


def test_geen_markdown_of_sjabloonbron_in_de_zichtbare_tekst(site_dir, paginas):
    resten = resten_in_site(site_dir)
    assert resten == {}, f"broncode zichtbaar op {len(resten)} pagina('s):\n{_verslag(resten)}"


SLECHT = """<!doctype html><html lang="nl"><head><title>Test</title><style>b::before { content: "**"; }</style>
<script>const x = "[a](b.md) {{ y }}";</script></head><body>
<ol class="pw-stappenplan"><li>**Leg de basis in het plan van aanpak**
Meer: [re-integratiebedrijf kiezen](/onderwerpen/re-integratiebedrijf-kiezen.md).</li></ol>
<p>Uiterlijk in week {{ r.start_spoor_2.week }}.</p>
<p>## Bronnen</p>
<div>!!! tip "Let op"</div>
<div>Tekst<br>??? note "Wat doet de werknemer?"</div>
<p>=== "Werkgever"</p>
<p>{% for s in stappen %}</p>
</body></html>
"""

GOED = """<!doctype html><html lang="nl"><head><title>Test</title></head><body>
<p>Zie de opdracht <code>**vet** [a](b.md) {{ x }}</code> en <kbd>#</kbd>.</p>
<pre># kop
!!! tip</pre>
<p>Rekenen: 2 ** 3 is acht; het teken # midden in een regel mag.</p>
<p><strong>Vet</strong> en <a href="../kosten/">een link</a>.</p>
</body></html>
"""


def test_de_controle_vindt_broncode_en_noemt_pagina_en_fragment(tmp_path):
    (tmp_path / "slecht").mkdir()
    (tmp_path / "slecht" / "index.html").write_text(SLECHT, encoding="utf-8")
    (tmp_path / "index.html").write_text(GOED, encoding="utf-8")
    resten = resten_in_site(tmp_path)
    assert list(resten) == ["slecht/index.html"], resten
    tekst = "\n".join(resten["slecht/index.html"])
    for fragment in ("**Leg de basis in het plan van aanpak**", "[re-integratiebedrijf kiezen](", "{{ r.start_spoor_2",
                     "## Bronnen", '!!! tip "Let op"', "??? note", '=== "Werkgever"', "{% for s in stappen %}"):
        assert fragment in tekst, f"{fragment!r} niet gemeld in:\n{tekst}"
    assert "const x" not in tekst and "content:" not in tekst   # script and style are not visible text


def test_de_controle_leest_ook_de_stappen_van_de_beslishulp(tmp_path):
    (tmp_path / "index.html").write_text(GOED, encoding="utf-8")
    (tmp_path / "spoor2-hulp").mkdir()
    stappen = {"stappen": {"ja": {"titel": "t", "html": "<p>Zie [bron](https://example.org).</p>"},
                           "nee": {"titel": "t", "html": "<p>Niets aan de hand.</p>"}}}
    (tmp_path / "spoor2-hulp" / "stappen.json").write_text(json.dumps(stappen), encoding="utf-8")
    assert list(resten_in_site(tmp_path)) == ["spoor2-hulp/stappen.json#/ja"]
