"""Fixtures for the site-wide quality gates (QUALITY): the built site (scripts/build_site.py → site/, or
POORTWACHTER_SITE=dir), every page parsed once, one Debian chromium per session, the CSP server, axe-core.

The session chromium (`browser`) is the one of tests/conftest.py, shared with every other browser test: a second
sync_playwright() in the same pytest process would fail.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import kwaliteit_html  # noqa: E402
from kwaliteit import AXE, NGINX_CONF, ROOT, laad_module  # noqa: E402


@pytest.fixture(scope="session")
def paginas(site_dir) -> list[kwaliteit_html.Pagina]:
    gevonden = [kwaliteit_html.lees(site_dir, f) for f in kwaliteit_html.html_bestanden(site_dir)]
    assert len(gevonden) >= 10, f"te weinig pagina's gebouwd in {site_dir}: {len(gevonden)}"
    return gevonden


@pytest.fixture(scope="session")
def csp_server(site_dir):
    """scripts/serve_site.py with its own (production) CSP; the tests never loosen it."""
    srv = laad_module("serve_site_q", ROOT / "scripts" / "serve_site.py").start(site_dir)
    host, port = srv.server_address[:2]
    yield f"http://{host}:{port}/"
    srv.shutdown()


@pytest.fixture(scope="session")
def axe_bron() -> str:
    return AXE.read_text(encoding="utf-8")





@pytest.fixture(scope="session")
def nginx(site_dir, tmp_path_factory, vrije_poort):
    binair = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(binair):
        pytest.fail("nginx ontbreekt (Debian-pakket nginx; scripts/bootstrap installeert het)")
    tmp = tmp_path_factory.mktemp("nginx")
    tekst = NGINX_CONF.read_text(encoding="utf-8")
    assert len(re.findall(r"^\s*listen\s+[^;]+;", tekst, re.M)) == 1, "verwacht precies één listen-regel"
    assert len(re.findall(r"^\s*root\s+[^;]+;", tekst, re.M)) == 1, "verwacht precies één root-regel"
    poort, host_poort = vrije_poort(), vrije_poort()
    tekst = re.sub(r"^(\s*)listen\s+[^;]+;", rf"\1listen 127.0.0.1:{poort};", tekst, flags=re.M)
    tekst = re.sub(r"^(\s*)root\s+[^;]+;", rf"\1root {site_dir};", tekst, flags=re.M)
    (tmp / "poortwachter.conf").write_text(tekst, encoding="utf-8")
    # A host site on another origin, framing the embed and an ordinary page (test scaffolding, not the config).
    (tmp / "host").mkdir()
    (tmp / "host" / "index.html").write_text(
        f'<!doctype html><html lang="nl"><title>host</title>'
        f'<iframe id="embed" title="embed" src="http://127.0.0.1:{poort}/embed/v1/termijnen/"></iframe>'
        f'<iframe id="pagina" title="pagina" src="http://127.0.0.1:{poort}/tijdlijn/"></iframe></html>',
        encoding="utf-8")
    gebruiker = "user root;" if os.geteuid() == 0 else ""
    (tmp / "nginx.conf").write_text(f"""
{gebruiker}
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log {tmp}/access.log;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/poortwachter.conf;
    server {{ listen 127.0.0.1:{host_poort}; root {tmp}/host; }}
}}
""", encoding="utf-8")
    args = [binair, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")]
    test = subprocess.run([*args, "-t"], capture_output=True, text=True)
    assert test.returncode == 0, f"nginx -t faalt:\n{test.stderr}"
    proces = subprocess.Popen([*args, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                if proces.poll() is not None:
                    pytest.fail(f"nginx stopte: {proces.stderr.read().decode()}")
                time.sleep(0.1)
        yield {"url": f"http://127.0.0.1:{poort}/", "host": f"http://127.0.0.1:{host_poort}/", "tmp": tmp}
    finally:
        proces.terminate()
        proces.wait(timeout=15)
