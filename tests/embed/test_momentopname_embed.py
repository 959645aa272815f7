"""The Pyodide memory snapshot inside the embed (issue 14 §3), under the host's strict CSP (frame-src and script-src
the embed origin only):

- a host on the same site (127.0.0.1, another port: another origin) keeps and restores the snapshot in the iframe;
- a host on another site (the embed as localhost): Chromium refuses the origin's private file system (OPFS) to such a
  third-party frame, so the worker silently starts normally every time, with the same answers and no error.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "browser"))
from momentopname_hulp import KERN, nieuwe_tab, start_via, verzoeken, wacht_klaar, wacht_op_momentopname  # noqa: E402


# Seconds from the first result to the worker's request for the snapshot file it keeps (it fetches it to keep it),
# measured in the same-site test: the control for the other-site test.
GEVRAAGD_NA: list[float] = []


def _twee_bezoeken(url, context, cpython, vandaag, verwacht_opslag: bool):
    alle = verzoeken(vandaag)
    opname_gevraagd = []  # when the snapshot file was requested, from any frame or worker of this context
    context.on("request", lambda r: opname_gevraagd.append(time.monotonic()) if "/momentopname-v" in r.url else None)

    def open_frame():
        page = nieuwe_tab(context, vandaag)
        page.goto(url)
        frame = page.locator("#embed").element_handle().content_frame()
        wacht_klaar(frame)
        return page, frame

    page, frame = open_frame()
    assert start_via(frame) == ["normaal"]
    geweigerd = frame.evaluate("navigator.storage.getDirectory().then(() => false, () => true)")
    assert geweigerd is not verwacht_opslag
    assert frame.evaluate(KERN, alle[:1]) == [cpython(alle[0])]  # the first result: now the snapshot may be kept
    t0 = time.monotonic()
    if verwacht_opslag:
        wacht_op_momentopname(frame)
        GEVRAAGD_NA.append(max(0.0, opname_gevraagd[0] - t0))
    else:
        # The idle moment after the first result, in which the worker would have kept it (and so fetched the file):
        # five times as long as the same-site host's worker took to ask for it (above in this module), at least 1 s;
        # 3 s when this test runs without that control. Nothing was asked for.
        page.wait_for_timeout(1000 * (max(1.0, 5 * max(GEVRAAGD_NA)) if GEVRAAGD_NA else 3.0))  # events keep coming in
        assert opname_gevraagd == [], "without OPFS the worker does not fetch the snapshot to keep"
    assert page.fouten == []
    page.close()
    page, frame = open_frame()
    assert start_via(frame) == (["momentopname"] if verwacht_opslag else ["normaal"])
    assert frame.evaluate(KERN, alle) == [cpython(v) for v in alle]
    assert page.fouten == []


def test_embed_op_een_host_van_dezelfde_site_start_een_herhaalbezoek_uit_de_momentopname(
        host_factory, csp_voor_host, site_url, context_factory, cpython, vandaag):
    embed = site_url.rstrip("/")  # http://127.0.0.1:<port>, the host gets another port
    host = host_factory(csp_voor_host(embed))
    url = host.pagina(f'<iframe id="embed" title="Rekenhulp" src="{embed}/embed/v1/termijnen/"></iframe>')
    _twee_bezoeken(url, context_factory(), cpython, vandaag, verwacht_opslag=True)


def test_embed_op_een_andere_site_start_zonder_opslag_gewoon_en_foutloos(host, embed_origin, context_factory, cpython,
                                                                         vandaag):
    url = host.pagina(f'<iframe id="embed" title="Rekenhulp" src="{embed_origin}/embed/v1/termijnen/"></iframe>')
    _twee_bezoeken(url, context_factory(), cpython, vandaag, verwacht_opslag=False)
