"""Build the self-host bundle of the embeddable calculators (embed v1): a folder and a zip.

    .venv/bin/python scripts/build_embed_bundle.py [--site site/] [--uit dist/embed/]

gives dist/embed/poortwachter-embed-v1/ and dist/embed/poortwachter-embed-v1.zip with

    embed/v1/embed.js, embed/v1/*.js, embed/v1/*.css             the loader, theme, host connection, styles
    embed/v1/termijnen/, embed/v1/spoor2/, embed/v1/scenario/     the three embed pages
    assets/js/rekenhulp/, assets/css/rekenhulp.css               the calculator's own form + worker (reused, not copied code)
    spoor2-hulp/spoor2.js, spoor2.css, stappen.json              the spoor 2 helper's steps and the scenario code (reused)
    en/spoor2-hulp/stappen.json, en/embed/v1/                    the same steps and embed pages in English
    pyodide/v<VERSION>/                                          Pyodide runtime, trimmed lockfile, the poortwachter wheel
    voorbeeld/index.html                                         a test page that embeds the calculator
    nginx/poortwachter-embed.conf                                sample nginx config (MIME types, gzip, cache, CSP)
    LEESMIJ.txt

The files come from the built site (scripts/build_site.py); when --site has no built embed + runtime, this script
builds the site into a temporary folder first (mkdocs build + scripts/build_pyodide.py). Every relative import and
`new URL(..., import.meta.url)` in the bundled JavaScript must point at a bundled file, or the build fails.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HIER = Path(__file__).resolve().parent / "embed"
NAAM = "poortwachter-embed-v1"
INHOUD = ("embed/v1", "assets/js/rekenhulp", "assets/css/rekenhulp.css",
          "spoor2-hulp/spoor2.js", "spoor2-hulp/spoor2.css", "spoor2-hulp/stappen.json",
          "en/spoor2-hulp/stappen.json", "en/embed/v1")  # + pyodide/v*/; en/: the English steps and frames


def _bouw_site(doel: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_wheel.py")], check=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(doel)],
                   check=True, cwd=ROOT)
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pyodide.py"), str(doel)], check=True)


def _compleet(site: Path) -> bool:
    return (site / "embed" / "v1" / "termijnen" / "index.html").is_file() and any(site.glob("pyodide/v*/pyodide.asm.wasm"))


IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}/[^"']+)["']"""
                    r"""|new\s+URL\(\s*["']([^"':]+)["']\s*,\s*import\.meta\.url""")


def controleer_verwijzingen(bundel: Path) -> list[str]:
    """Relative module imports / import.meta.url URLs in the bundled JS that point at nothing in the bundle."""
    fout = []
    for js in sorted(bundel.rglob("*.js")):
        if "pyodide" in js.relative_to(bundel).parts[:1]:
            continue
        for m in IMPORT.finditer(js.read_text(encoding="utf-8")):
            doel = m.group(1) or m.group(2)
            pad = (js.parent / doel).resolve()
            if doel.endswith("/"):
                ok = pad.is_dir()
            else:
                ok = pad.is_file()
            if not ok:
                fout.append(f"{js.relative_to(bundel)} -> {doel}")
    return fout


def bouw(site: Path, uit: Path) -> tuple[Path, Path]:
    with tempfile.TemporaryDirectory() as tmp:
        if not _compleet(site):
            print(f"[build_embed_bundle] {site} is niet (volledig) gebouwd: bouw de site in een tijdelijke map",
                  file=sys.stderr)
            site = Path(tmp) / "site"
            _bouw_site(site)
        map_ = uit / NAAM
        if map_.exists():
            shutil.rmtree(map_)
        map_.mkdir(parents=True)
        for deel in INHOUD:
            bron = site / deel
            if bron.is_dir():
                shutil.copytree(bron, map_ / deel)
            else:
                (map_ / deel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(bron, map_ / deel)
        runtimes = sorted(site.glob("pyodide/v*"))
        if len(runtimes) != 1:
            raise SystemExit(f"[build_embed_bundle] verwacht één Pyodide-runtime in {site}/pyodide/: {runtimes}")
        shutil.copytree(runtimes[0], map_ / "pyodide" / runtimes[0].name)

    (map_ / "voorbeeld").mkdir()
    shutil.copy2(HIER / "voorbeeld.html", map_ / "voorbeeld" / "index.html")
    (map_ / "nginx").mkdir()
    shutil.copy2(HIER / "nginx-poortwachter-embed.conf", map_ / "nginx" / "poortwachter-embed.conf")
    shutil.copy2(HIER / "LEESMIJ.txt", map_ / "LEESMIJ.txt")

    fout = controleer_verwijzingen(map_)
    if fout:
        raise SystemExit("[build_embed_bundle] verwijzingen naar bestanden die niet in het pakket zitten:\n  "
                         + "\n  ".join(fout))

    zip_pad = uit / f"{NAAM}.zip"
    with zipfile.ZipFile(zip_pad, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for f in sorted(map_.rglob("*")):
            if f.is_file():
                z.write(f, f"{NAAM}/{f.relative_to(map_).as_posix()}")
    grootte = sum(f.stat().st_size for f in map_.rglob("*") if f.is_file())
    print(f"[build_embed_bundle] {map_} ({grootte / 1e6:.1f} MB), {zip_pad} ({zip_pad.stat().st_size / 1e6:.1f} MB)",
          file=sys.stderr)
    return map_, zip_pad


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument("--uit", type=Path, default=ROOT / "dist" / "embed", help="output folder (default: dist/embed/)")
    args = parser.parse_args(argv)
    bouw(args.site, args.uit)


if __name__ == "__main__":
    main(sys.argv[1:])
