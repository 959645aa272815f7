"""Both languages in the same content data files (issue 13): docs/_data/*.yml.

Every Dutch text field `x` has an English twin `x_en` in the same mapping, which the English build uses instead. The
twin is non-empty, is not a copy of the Dutch, holds the same `{{ ... }}` expressions (so no fact can differ between
the editions) and the same link targets (the i18n plugin maps a link to the English page). A twin never stands without
its Dutch field, and what is shared (ids, references, urls, dates, numbers, names) has no twin at all.
No site build: this reads the data files.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "docs" / "_data"

#: Shared between the languages, never twinned: ids and references, urls, dates and amounts, and names (a glossary
#: term and its abbreviation stay Dutch: they are what UWV and the employer say; so does the name of a law or vendor).
GEDEELD = {"id", "fase", "doelgroep", "termijnen", "regels", "zie", "url", "gelezen_op", "bedrag", "term", "afkorting",
           "aanbieder", "wet", "boek", "artikel", "lid", "onderdeel"}
JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINKDOEL = re.compile(r"\]\(([^)\s]+)\)")


def _jinja(tekst: str) -> list[str]:
    return sorted({" ".join(x.split()) for x in JINJA.findall(tekst)})


def _links(tekst: str) -> list[str]:
    return sorted(LINKDOEL.findall(tekst))


def problemen(waarde, plaats: str) -> tuple[list[str], int]:
    """The problems in one data value (recursively) and how many twins were checked."""
    uit, getwijfeld = [], 0
    if isinstance(waarde, list):
        for i, v in enumerate(waarde):
            p, n = problemen(v, f"{plaats}[{i}]")
            uit += p
            getwijfeld += n
        return uit, getwijfeld
    if not isinstance(waarde, dict):
        return uit, getwijfeld
    for sleutel, v in waarde.items():
        sleutel = str(sleutel)
        hier = f"{plaats}.{sleutel}" if plaats else sleutel
        if sleutel.endswith("_en"):
            basis = sleutel[:-3]
            if basis not in waarde:
                uit.append(f"{hier}: Engelse tweeling zonder Nederlands veld '{basis}'")
            elif basis in GEDEELD:
                uit.append(f"{hier}: '{basis}' is gedeeld tussen de talen en heeft geen tweeling")
            continue
        if isinstance(v, (dict, list)):
            p, n = problemen(v, hier)
            uit += p
            getwijfeld += n
            continue
        if sleutel in GEDEELD or not isinstance(v, str):
            continue
        en = waarde.get(f"{sleutel}_en")
        if en is None:
            uit.append(f"{hier}_en ontbreekt (Engelse tweeling van {sleutel}: {v.strip()[:50]!r})")
            continue
        getwijfeld += 1
        if not isinstance(en, str) or not en.strip():
            uit.append(f"{hier}_en is leeg")
        elif " ".join(en.split()) == " ".join(v.split()):
            uit.append(f"{hier}_en is gelijk aan het Nederlands")
        else:
            if _jinja(en) != _jinja(v):
                uit.append(f"{hier}_en heeft {_jinja(en)}, {sleutel} heeft {_jinja(v)}")
            if _links(en) != _links(v):
                uit.append(f"{hier}_en linkt naar {_links(en)}, {sleutel} naar {_links(v)}")
    return uit, getwijfeld


BESTANDEN = sorted(DATA.glob("*.yml"))


def test_alle_databestanden_worden_gelezen():
    assert {p.name for p in BESTANDEN} >= {"begrippen.yml", "fasen.yml", "stappen.yml", "stappenplannen.yml",
                                           "prijsvoorbeelden.yml", "wetsartikelen.yml", "wetswijziging_status.yml"}


@pytest.mark.parametrize("pad", BESTANDEN, ids=lambda p: p.name)
def test_elk_nederlands_tekstveld_heeft_een_engelse_tweeling(pad):
    data = yaml.safe_load(pad.read_text(encoding="utf-8"))
    fout, getwijfeld = problemen(data, pad.name)
    assert not fout, "\n".join(fout)
    assert getwijfeld >= 1, f"{pad.name}: geen enkel tekstveld gevonden"


def test_de_begrippen_houden_hun_nederlandse_term_en_krijgen_een_engelse_uitleg():
    begrippen = yaml.safe_load((DATA / "begrippen.yml").read_text(encoding="utf-8"))
    assert len(begrippen) >= 40
    for b in begrippen:
        assert "term_en" not in b and "afkorting_en" not in b, b["term"]
        assert b["uitleg_en"].strip(), b["term"]


def test_de_controle_noemt_het_veld_dat_ontbreekt_of_niet_klopt():
    data = [{"id": "x", "titel": "Titel", "titel_en": "Title",
             "kort": "Uiterlijk in week {{ r.a.week }}", "kort_en": "At the latest in week {{ r.a.weken }}",
             "meer": "[Meer](/a.md)", "meer_en": "[More](/b.md)",
             "uitleg": "Uitleg",
             "samen": "Samen", "samen_en": "Samen",
             "extra_en": "Orphan", "url": "https://example.org", "url_en": "https://example.org/en"}]
    fout, getwijfeld = problemen(data, "stappen.yml")
    assert getwijfeld == 4
    assert fout == [
        "stappen.yml[0].kort_en heeft ['{{ r.a.weken }}'], kort heeft ['{{ r.a.week }}']",
        "stappen.yml[0].meer_en linkt naar ['/b.md'], meer naar ['/a.md']",
        "stappen.yml[0].uitleg_en ontbreekt (Engelse tweeling van uitleg: 'Uitleg')",
        "stappen.yml[0].samen_en is gelijk aan het Nederlands",
        "stappen.yml[0].extra_en: Engelse tweeling zonder Nederlands veld 'extra'",
        "stappen.yml[0].url_en: 'url' is gedeeld tussen de talen en heeft geen tweeling",
    ]
