"""Screenshots of the built site (home, a werkgever page, a werknemer page) at desktop and mobile width.

Usage: .venv/bin/python tests/site/maak_screenshots.py [site-dir] [out-dir]   (defaults: site/ test-artifacts/site/)
Drives Debian chromium through Playwright against scripts/serve_site.start(); nothing loads from elsewhere.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import serve_site  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGINAS = {"home": "", "werkgever": "werkgever/", "werknemer": "werknemer/", "tijdlijn": "tijdlijn/", "fasen": "fasen/"}
BREEDTES = {"desktop": (1280, 900), "mobiel": (390, 844)}
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main(argv: list[str]) -> None:
    site = Path(argv[0]) if argv else ROOT / "site"
    uit = Path(argv[1]) if len(argv) > 1 else ROOT / "test-artifacts" / "site"
    uit.mkdir(parents=True, exist_ok=True)
    server = serve_site.start(site)
    basis = f"http://127.0.0.1:{server.server_address[1]}/"
    vreemd: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=ARGS)
            for soort, (w, h) in BREEDTES.items():
                context = browser.new_context(viewport={"width": w, "height": h})
                page = context.new_page()
                page.on("request", lambda r: vreemd.append(r.url) if not r.url.startswith(basis) else None)
                for naam, pad in PAGINAS.items():
                    page.goto(basis + pad, wait_until="networkidle")
                    bestand = uit / f"{naam}-{soort}.png"
                    page.screenshot(path=str(bestand), full_page=naam != "tijdlijn")
                    print(bestand)
                context.close()
            # dark mode (follows the system setting) and the print style
            context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
            page = context.new_page()
            page.goto(basis + "tijdlijn/", wait_until="networkidle")
            page.screenshot(path=str(uit / "tijdlijn-donker.png"))
            page.emulate_media(media="print", color_scheme="light")
            page.screenshot(path=str(uit / "tijdlijn-print.png"))
            context.close()
            browser.close()
    finally:
        server.shutdown()
    if vreemd:
        raise SystemExit(f"requests outside the site: {sorted(set(vreemd))}")


if __name__ == "__main__":
    main(sys.argv[1:])
