"""The self-host bundle (scripts/build_embed_bundle.py) served by a real nginx (Debian package) with the bundle's own
sample config, started here on a free loopback port with a temporary prefix, and stopped afterwards. A host page on
another origin embeds the calculator from that nginx and gets the public case's exact dates.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _bundel_module():
    spec = importlib.util.spec_from_file_location("build_embed_bundle", ROOT / "scripts" / "build_embed_bundle.py")
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m



@pytest.fixture(scope="module")
def bundel(site_dir):
    uit = Path(tempfile.mkdtemp(prefix="embed-bundel-"))
    os.chmod(uit, 0o755)  # nginx workers (another user when the tests run as root) must read it
    map_, zip_pad = _bundel_module().bouw(site_dir, uit)
    yield map_, zip_pad
    shutil.rmtree(uit, ignore_errors=True)


@pytest.fixture(scope="module")
def nginx_poort(vrije_poort) -> int:
    return vrije_poort()


@pytest.fixture(scope="module")
def nginx_host(host_factory, csp_voor_host, nginx_poort):
    """Host origin A, with a CSP naming nginx's origin; nginx's frame-ancestors in turn names A."""
    return host_factory(csp_voor_host(f"http://127.0.0.1:{nginx_poort}"))


@pytest.fixture(scope="module")
def nginx(bundel, nginx_host, nginx_poort):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists():
        pytest.fail("nginx ontbreekt (Debian-pakket nginx; scripts/bootstrap installeert het)")
    map_, _ = bundel
    prefix = Path(tempfile.mkdtemp(prefix="embed-nginx-"))
    poort = nginx_poort
    voorbeeld = (map_ / "nginx" / "poortwachter-embed.conf").read_text(encoding="utf-8")
    # Only the three site-specific lines change; everything else is the sample as shipped.
    conf = voorbeeld.replace("listen 8080;", f"listen 127.0.0.1:{poort};") \
        .replace("root /srv/poortwachter-embed;", f"root {map_};") \
        .replace("https://www.example.nl", nginx_host.origin)
    assert f"listen 127.0.0.1:{poort};" in conf and str(map_) in conf and nginx_host.origin in conf
    (prefix / "site.conf").write_text(conf, encoding="utf-8")
    (prefix / "tmp").mkdir()
    (prefix / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + "worker_processes 1;\npid nginx.pid;\nevents { worker_connections 256; }\n"
        "http {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
        "  client_body_temp_path tmp/body; proxy_temp_path tmp/proxy; fastcgi_temp_path tmp/fastcgi;\n"
        "  uwsgi_temp_path tmp/uwsgi; scgi_temp_path tmp/scgi;\n  include site.conf;\n}\n", encoding="utf-8")
    log = open(prefix / "nginx.log", "wb")  # a file, not a pipe: nobody reads a pipe while the tests run
    proces = subprocess.Popen([binary, "-p", f"{prefix}/", "-c", str(prefix / "nginx.conf"), "-e", "stderr",
                               "-g", "daemon off; error_log stderr warn;"],
                              stdout=log, stderr=subprocess.STDOUT)
    origin = f"http://127.0.0.1:{poort}"
    for _ in range(100):
        if proces.poll() is not None:
            pytest.fail(f"nginx stopte meteen:\n{(prefix / 'nginx.log').read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", poort), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    else:
        proces.kill()
        pytest.fail("nginx luistert niet")
    yield origin
    proces.terminate()
    try:
        proces.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proces.kill()
    log.close()
    shutil.rmtree(prefix, ignore_errors=True)


def kop(url: str, gzip_: bool = False) -> tuple[dict, bytes]:
    verzoek = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ else {})
    with urllib.request.urlopen(verzoek) as r:
        return {k.lower(): v for k, v in r.headers.items()}, r.read()


# ---------------------------------------------------------------------------------------------------- the bundle
def test_de_bundel_bevat_embed_loader_runtime_wiel_en_nginx_config(bundel):
    map_, zip_pad = bundel
    runtime = next(map_.glob("pyodide/v*"))
    for pad in ("embed/v1/embed.js", "embed/v1/thema.js", "embed/v1/termijnen/index.html", "embed/v1/termijnen/pagina.js",
                "embed/v1/ingebed.js", "embed/v1/spoor2/index.html", "embed/v1/scenario/index.html",
                "spoor2-hulp/spoor2.js", "spoor2-hulp/spoor2.css", "spoor2-hulp/stappen.json",
                "assets/js/rekenhulp/rekenhulp.js", "assets/js/rekenhulp/werker.js", "assets/css/rekenhulp.css",
                "voorbeeld/index.html", "nginx/poortwachter-embed.conf", "LEESMIJ.txt"):
        assert (map_ / pad).is_file(), pad
    for naam in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (runtime / naam).is_file(), naam
    lock = json.loads((runtime / "pyodide-lock.json").read_text(encoding="utf-8"))["packages"]["poortwachter"]
    wiel = runtime / lock["file_name"]
    assert hashlib.sha256(wiel.read_bytes()).hexdigest() == lock["sha256"]
    with zipfile.ZipFile(zip_pad) as z:
        in_zip = {n.split("/", 1)[1] for n in z.namelist()}
    assert in_zip == {str(p.relative_to(map_)) for p in map_.rglob("*") if p.is_file()}


def test_de_bundel_weigert_een_verwijzing_naar_een_ontbrekend_bestand(bundel, tmp_path):
    map_, _ = bundel
    kopie = tmp_path / "kopie"
    shutil.copytree(map_ / "assets", kopie / "assets")
    shutil.copytree(map_ / "embed", kopie / "embed")
    shutil.copytree(map_ / "pyodide", kopie / "pyodide")
    shutil.copytree(map_ / "spoor2-hulp", kopie / "spoor2-hulp")
    shutil.copytree(map_ / "en", kopie / "en")  # the English steps (spoor2.js) and frames
    m = _bundel_module()
    assert m.controleer_verwijzingen(kopie) == []
    (kopie / "assets" / "js" / "rekenhulp" / "rekenkern.js").unlink()
    assert m.controleer_verwijzingen(kopie) == ["assets/js/rekenhulp/rekenhulp.js -> ./rekenkern.js",
                                                "assets/js/rekenhulp/vroeg.js -> ./rekenkern.js",
                                                "spoor2-hulp/spoor2.js -> ../assets/js/rekenhulp/rekenkern.js"]
    (kopie / "spoor2-hulp" / "stappen.json").unlink()
    assert "spoor2-hulp/spoor2.js -> stappen.json" in m.controleer_verwijzingen(kopie)


# ---------------------------------------------------------------------------------------------------- nginx
def test_nginx_stuurt_mime_types_compressie_cache_en_csp(nginx, bundel, nginx_host):
    map_, _ = bundel
    versie = next(map_.glob("pyodide/v*")).name
    wasm, inhoud = kop(f"{nginx}/pyodide/{versie}/pyodide.asm.wasm", gzip_=True)
    assert wasm["content-type"] == "application/wasm"
    assert wasm["content-encoding"] == "gzip"
    assert gzip.decompress(inhoud) == (map_ / "pyodide" / versie / "pyodide.asm.wasm").read_bytes()
    assert "immutable" in wasm["cache-control"] and "max-age=31536000" in wasm["cache-control"]
    mjs, _ = kop(f"{nginx}/pyodide/{versie}/pyodide.mjs", gzip_=True)
    assert mjs["content-type"] == "text/javascript" and mjs["content-encoding"] == "gzip"
    for naam in ("pyodide-lock.json", next((map_ / "pyodide" / versie).glob("*.whl")).name):
        h, _ = kop(f"{nginx}/pyodide/{versie}/{naam}")
        assert h["cache-control"] == "no-cache", naam  # may change within one Pyodide version
    loader, _ = kop(f"{nginx}/embed/v1/embed.js", gzip_=True)
    assert loader["content-type"].startswith("application/javascript") or loader["content-type"].startswith("text/javascript")
    assert loader["cache-control"] == "public, max-age=3600"
    for rekenhulp in ("termijnen", "spoor2", "scenario"):
        pagina, _ = kop(f"{nginx}/embed/v1/{rekenhulp}/")
        csp = pagina["content-security-policy"]
        assert "script-src 'self' 'wasm-unsafe-eval'" in csp and "unsafe-inline" not in csp and "'unsafe-eval'" not in csp
        assert f"frame-ancestors 'self' {nginx_host.origin}" in csp
        assert "x-frame-options" not in pagina
    stappen, _ = kop(f"{nginx}/spoor2-hulp/stappen.json")
    assert stappen["content-type"].startswith("application/json")


def test_de_rekenhulp_werkt_vanaf_nginx_op_een_andere_origin(nginx, nginx_host, context_factory, publieke_gevallen):
    geval = publieke_gevallen[0]
    ziek = [w for o, w in zip(geval["args"][::2], geval["args"][1::2]) if o == "--ziek"]
    url = nginx_host.pagina(f'<div data-poortwachter-embed id="met" data-resultaat-delen></div>\n'
                            f'<script src="{nginx}/embed/v1/embed.js" async></script>')
    context = context_factory()
    verzoeken = []
    context.on("request", lambda r: verzoeken.append(r.url))
    page = context.new_page()
    page.clock.set_fixed_time("2026-11-23T10:00:00")
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.goto(url)
    frame = page.locator("#met iframe").element_handle().content_frame()
    frame.wait_for_selector("#rekenhulp[data-fase=klaar]", timeout=180_000)
    rij = frame.locator(".rh-periodes").first.locator("fieldset.rh-periode").first
    rij.locator("input[type=date]").first.fill(ziek[0])
    frame.wait_for_function("() => { const w = document.querySelector('#rekenhulp');"
                            " return !w.dataset.bezig && !w.querySelector('.rh-resultaat').hidden; }")
    getoond = {li.get_attribute("data-id"): li.locator("time").get_attribute("datetime")
               for li in frame.locator("li.rh-stap").all()}
    verwacht = geval["verwacht"]["termijnen"]
    assert {k: getoond.get(k) for k in verwacht} == verwacht
    page.wait_for_function("() => window.ontvangen.length > 0")
    assert page.evaluate("window.ontvangen.at(-1).detail.termijnen") == getoond
    origins = {f"{u.scheme}://{u.netloc}" for u in map(urlparse, verzoeken) if u.scheme in ("http", "https")}
    assert origins <= {nginx_host.origin, nginx}
    assert any(u.endswith(".wasm") for u in verzoeken)
    assert fouten == []


def test_de_voorbeeldpagina_van_de_bundel_verbindt_met_de_rekenhulp(nginx, context_factory):
    context = context_factory()
    context.route("**/pyodide/**", lambda route: route.abort())  # only the page + loader + handshake matter here
    page = context.new_page()
    page.goto(f"{nginx}/voorbeeld/")
    # all three calculators connect (their height arrives); the spoor 2 helper needs no engine and shows its question
    page.wait_for_function("() => { const f = [...document.querySelectorAll('[data-poortwachter-embed] iframe')];"
                           " return f.length === 3 && f.every(x => x.style.height && x.style.height !== '600px'); }",
                           timeout=15_000)
    spoor2 = page.locator("[data-rekenhulp=spoor2] iframe").element_handle().content_frame()
    spoor2.locator("a.s2-antwoord").first.wait_for(timeout=15_000)
