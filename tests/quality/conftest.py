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
from kwaliteit import AXE, NGINX_CONF, ROOT  # noqa: E402


@pytest.fixture(scope="session")
def paginas(site_dir) -> list[kwaliteit_html.Pagina]:
    gevonden = [kwaliteit_html.lees(site_dir, f) for f in kwaliteit_html.html_bestanden(site_dir)]
    assert len(gevonden) >= 10, f"te weinig pagina's gebouwd in {site_dir}: {len(gevonden)}"
    return gevonden


def _wacht_op_poort(poort: int, proces: subprocess.Popen, naam: str) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
            return
        except OSError:
            if proces.poll() is not None:
                pytest.fail(f"{naam} stopte: {proces.stderr.read().decode() if proces.stderr else proces.returncode}")
            time.sleep(0.1)
    pytest.fail(f"{naam} luistert niet op poort {poort}")


@pytest.fixture(scope="session")
def csp_server(site_dir, vrije_poort, tmp_path_factory):
    """scripts/serve_site.py with its own (production) CSP; the tests never loosen it. It runs in a process of its
    own, as scripts/serve runs it: in a thread of the test process every file it serves waited for that process's
    Python lock, which the Playwright client driving the browser holds (the dark round went ~15 % faster)."""
    poort = vrije_poort()
    log = tmp_path_factory.mktemp("csp_server") / "verzoeken.log"
    with log.open("wb") as uit:
        proces = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve_site.py"), "--port", str(poort),
                                   str(site_dir)], stdout=subprocess.DEVNULL, stderr=uit)
    try:
        _wacht_op_poort(poort, proces, f"scripts/serve_site.py (log: {log})")
        yield f"http://127.0.0.1:{poort}/"
    finally:
        proces.terminate()
        proces.wait(timeout=15)


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
        _wacht_op_poort(poort, proces, "nginx")
        yield {"url": f"http://127.0.0.1:{poort}/", "host": f"http://127.0.0.1:{host_poort}/", "tmp": tmp}
    finally:
        proces.terminate()
        proces.wait(timeout=15)
