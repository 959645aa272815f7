"""Originality check: no run of eight words from the seed articles may appear in our text.

The articles themselves are not ours and stay out of the repository. What the repository keeps is
tests/site/seed_reeksen.txt: per article, a short hash of every run of eight words (lower case, punctuation ignored).
The check hashes every eight-word run of our text the same way and looks it up. To refresh the list after the seed
articles changed, run (SEEDS is the folder with the articles as .txt files, wherever it is on your machine):

    .venv/bin/python tests/site/originaliteit.py SEEDS
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

WOORDEN = 8
LIJST = Path(__file__).with_name("seed_reeksen.txt")


def woorden(tekst: str) -> list[str]:
    tekst = tekst.lower().replace("’", "'").replace("‘", "'")
    return re.findall(r"[0-9a-zà-ÿ]+", tekst)


def reeksen(w: list[str]) -> set[tuple[str, ...]]:
    return {tuple(w[i:i + WOORDEN]) for i in range(len(w) - WOORDEN + 1)}


def sleutel(reeks: tuple[str, ...]) -> str:
    return hashlib.blake2b(" ".join(reeks).encode("utf-8"), digest_size=8).hexdigest()


def lees_lijst(pad: Path = LIJST) -> dict[str, str]:
    """hash -> name of the article it came from."""
    uit: dict[str, str] = {}
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if regel and not regel.startswith("#"):
            naam, h = regel.split()
            uit.setdefault(h, naam)
    return uit


def overlap(tekst: str, seeds: dict[str, str]) -> list[str]:
    """Every eight-word run of `tekst` that is also in a seed article, as "article: 'our words'"."""
    return sorted({f"{seeds[sleutel(r)]}: '{' '.join(r)}'" for r in reeksen(woorden(tekst)) if sleutel(r) in seeds})


def maak(seeds: Path) -> None:
    regels = ["# Hashes of every eight-word run of the seed articles (made by tests/site/originaliteit.py)."]
    for f in sorted(p for p in seeds.iterdir() if p.is_file()):
        regels += sorted(f"{f.stem.split('_')[0]} {sleutel(r)}"
                         for r in reeksen(woorden(f.read_text(encoding="utf-8", errors="replace"))))
    LIJST.write_text("\n".join(regels) + "\n", encoding="utf-8")
    print(f"{LIJST}: {len(regels) - 1} reeksen")


if __name__ == "__main__":
    maak(Path(sys.argv[1]))
