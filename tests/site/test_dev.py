"""scripts/dev (the author loop): a page edit reloads the open tab by itself, under the strict CSP, and the calculator
works there as on the built site.

The server runs on a copy of docs/ (the edit must not touch the real docs), with the real hooks, theme overrides and
engine. The time from the save to the new text in the tab is written to test-artifacts/dev-live-reload.json; the
figure is a benchmark (scripts/bench), the test only requires that the reload happens.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def dev_server(tmp_path_factory, vrije_poort):
    tmp = tmp_path_factory.mktemp("dev")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    from mkdocs.utils.yaml import yaml_load  # resolves mkdocs.yml's !ENV tags (site_url), as mkdocs does

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(tmp / "docs")
    config["theme"]["custom_dir"] = str(tmp / "docs" / "overrides")
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    (tmp / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    poort = vrije_poort()
    log = (tmp / "dev.log").open("w")
    proces = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "dev.py"), "--port", str(poort),
                               "--config-file", str(tmp / "mkdocs.yml")], cwd=ROOT, stdout=log,
                              stderr=subprocess.STDOUT)
    try:
        eind = time.monotonic() + 180
        while "Serving on" not in (tmp / "dev.log").read_text(encoding="utf-8"):
            if proces.poll() is not None or time.monotonic() > eind:
                pytest.fail("scripts/dev.py startte niet:\n" + (tmp / "dev.log").read_text(encoding="utf-8"))
            time.sleep(0.2)
        yield {"url": f"http://127.0.0.1:{poort}/", "docs": tmp / "docs", "log": tmp / "dev.log"}
    finally:
        proces.terminate()
        proces.wait(timeout=30)
        log.close()


def test_paginawijziging_herlaadt_het_tabblad(dev_server, nieuwe_pagina, artefacten):
    page = nieuwe_pagina()
    csp_fouten = []
    page.on("console", lambda m: csp_fouten.append(m.text) if "Content Security Policy" in m.text else None)
    # The page's reload poller sends its first long-poll request (/livereload/<epoch>/<id>) on the load event.
    with page.expect_request(lambda r: re.search(r"/livereload/[0-9]+/[0-9]+$", r.url)):
        antwoord = page.goto(dev_server["url"] + "over/privacy/")
    assert "script-src 'self' 'wasm-unsafe-eval'" in antwoord.headers["content-security-policy"]
    assert "unsafe-inline" not in antwoord.headers["content-security-policy"]
    # The reload poller is running: mkdocs' script, served as a file (an inline one would be blocked).
    assert page.locator('script[src^="/.dev/livereload/"]').count() == 1

    bron = dev_server["docs"] / "over" / "privacy.md"
    nieuw = "Deze zin is er net bij gekomen voor de live-reloadtest."
    t0 = time.monotonic()
    bron.write_text(bron.read_text(encoding="utf-8") + f"\n\n{nieuw}\n", encoding="utf-8")
    page.get_by_text(nieuw).wait_for(timeout=120_000)  # no goto/reload from the test: the page reloads itself
    seconden = time.monotonic() - t0
    (artefacten / "dev-live-reload.json").write_text(json.dumps({"seconden": round(seconden, 2)}), encoding="utf-8")
    assert csp_fouten == [], csp_fouten
    assert page.fouten == []


def test_rekenhulp_werkt_in_de_auteursserver(dev_server, nieuwe_pagina):
    page = nieuwe_pagina()
    page.goto(dev_server["url"] + "rekenhulp/#ziek=2026-01-05")
    page.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=120_000)
    page.wait_for_selector("#rekenhulp[data-resultaat=ja]", timeout=60_000)  # the engine answered in the page
    assert page.fouten == []
