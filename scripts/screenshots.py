"""Screenshots of the built site: every page at desktop and mobile width, in light and dark mode.

    scripts/screenshots                                   every page of site/ into test-artifacts/screenshots/
    scripts/screenshots werkgever/stappenplan/ fasen/     only these pages (site-relative URL paths; a prefix works)
    scripts/screenshots --site DIR --uit DIR --print      another build, another folder, also the print style

One PNG per page, width and scheme: <page>--<desktop|mobiel>-<licht|donker>.png (full page). Debian chromium through
Playwright against scripts/serve_site.py with the production CSP; nothing may load from elsewhere (a request outside
the site, an error in a page or a page that does not load ends the run with exit status 1 after all other
pictures are made).
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import serve_site  # noqa: E402

BREEDTES = {"desktop": (1280, 900), "mobiel": (390, 844)}
SCHEMAS = {"licht": "light", "donker": "dark"}
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def paginas(site: Path, keuze: list[str]) -> list[str]:
    """Site-relative URL paths of the built pages ("" is the home page), optionally only those starting with keuze."""
    uit = []
    for pad in sorted(site.rglob("index.html")) + sorted(site.glob("404.html")):
        rel = pad.relative_to(site)
        if rel.parts[0] == "pyodide":
            continue
        url = "" if rel.as_posix() == "index.html" else (rel.as_posix() if rel.name == "404.html"
                                                          else rel.parent.as_posix() + "/")
        if not keuze or any(url.startswith(k.lstrip("/")) for k in keuze):
            uit.append(url)
    return uit


def bestandsnaam(url: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pagina", nargs="*", help="site-relative URL path (prefix) of the pages; default: all")
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--uit", type=Path, default=ROOT / "test-artifacts" / "screenshots")
    ap.add_argument("--print", action="store_true", help="also the print style (desktop width, light)")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"{args.site} is niet gebouwd: draai eerst .venv/bin/python scripts/build_site.py", file=sys.stderr)
        return 2
    lijst = paginas(args.site, args.pagina)
    if not lijst:
        print(f"geen pagina gevonden voor {args.pagina}", file=sys.stderr)
        return 2
    args.uit.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    server = serve_site.start(args.site)
    basis = f"http://127.0.0.1:{server.server_address[1]}/"
    vreemd: set[str] = set()
    fouten: list[str] = []
    gemaakt = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            varianten = [(b, s) for b in BREEDTES for s in SCHEMAS]
            for breedte, schema in varianten + ([("desktop", "print")] if args.print else []):
                w, h = BREEDTES[breedte]
                context = browser.new_context(viewport={"width": w, "height": h}, locale="nl-NL",
                                              color_scheme=SCHEMAS.get(schema, "light"))
                page = context.new_page()
                page.on("request", lambda r: vreemd.add(r.url) if not r.url.startswith(basis) else None)
                page.on("pageerror", lambda e, page=page: fouten.append(f"{page.url}: {e}"))
                if schema == "print":
                    page.emulate_media(media="print")
                for url in lijst:
                    bestand = args.uit / f"{bestandsnaam(url)}--{breedte}-{schema}.png"
                    try:
                        page.goto(basis + url, wait_until="load", timeout=120_000)
                        # Pages that start the engine (the calculator) keep loading after "load"; wait for the
                        # network to go quiet, but on a busy machine take the picture anyway after two minutes.
                        try:
                            page.wait_for_load_state("networkidle", timeout=120_000)
                        except PlaywrightTimeout:
                            print(f"{url} ({breedte}, {schema}): netwerk na 2 minuten nog bezig", file=sys.stderr)
                        page.screenshot(path=str(bestand), full_page=True)
                        gemaakt += 1
                    except PlaywrightError as e:
                        fouten.append(f"{url} ({breedte}, {schema}): {str(e).splitlines()[0]}")
                context.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"{gemaakt} screenshots van {len(lijst)} pagina('s) in {args.uit}")
    for tekst, lijst_ in (("requests buiten de site", sorted(vreemd)), ("fouten", fouten)):
        if lijst_:
            print(f"{tekst}:\n  " + "\n  ".join(lijst_), file=sys.stderr)
    return 1 if vreemd or fouten else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
