"""The repository stands on its own: no tracked file names a path outside it (a build machine's folders, a shared
folder next to the checkout, a home directory). What a test or a comment needs lives in the repo."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Absolute paths under a build machine's work or home folder, and a "shared" folder next to the checkout (relative or
# not). The character classes keep this file from matching itself.
# Not matched: URLs (https://example.org/home/...) and words such as "gedeelde" or "shared_memory".
BUITEN = re.compile(r"(?<![\w.:/-])(/wor[k]/|/hom[e]/|\.\./share[d]\b|share[d]/)|\.parent\s*/\s*[\"']share[d][\"']")
OVERSLAAN = {"tests/site/seed_reeksen.txt"}  # hashes only


def _bestanden() -> list[str]:
    uit = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [p for p in uit.decode("utf-8").split("\0") if p and p not in OVERSLAAN]


def test_het_patroon_vindt_paden_buiten_de_repo():
    # Put together at run time, so that this file does not name such a path itself.
    w, h, s = "/" + "work/", "/" + "home/", "shared" + "/"
    for fout in (f"zie {w}coord/PLAN.md", f"SEEDS = ROOT.parent  # ../{s[:-1]}", f"open('{h}bouw/x.json')",
                 f"({s}public-cases.json)", f'SHARED = ROOT.parent / "{s[:-1]}"'):
        assert BUITEN.search(fout), fout
    for goed in ("https://example.org/work/x", "tests/browser/public-cases.json", "shared_memory", "gedeelde map"):
        assert not BUITEN.search(goed), goed


def test_geen_bestand_noemt_een_pad_buiten_de_repo():
    fout = []
    for pad in _bestanden():
        bestand = ROOT / pad
        if not bestand.is_file():
            continue
        try:
            tekst = bestand.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # binary (images, fonts)
        for nummer, regel in enumerate(tekst.splitlines(), 1):
            if BUITEN.search(regel):
                fout.append(f"{pad}:{nummer}: {regel.strip()[:120]}")
    assert not fout, "\n".join(fout[:40])
