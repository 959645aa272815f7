"""The Pyodide memory snapshot (issue 14 §3): a repeat visit starts from it, under the strict CSP, with the same
answers as CPython; a damaged snapshot falls back to a normal start without the user noticing. (The embed:
tests/embed/test_momentopname_embed.py.)

The first visit keeps the snapshot (in the origin's private file system, OPFS) only after its first result, when the
page is idle; the tests wait for that, then open the page again in the same browser context (a returning visitor).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from momentopname_hulp import MAP, KERN, nieuwe_tab, start_via, verzoeken, wacht_op_momentopname  # noqa: E402


def test_herhaalbezoek_start_uit_de_momentopname_met_dezelfde_antwoorden(rekenhulp, cpython, vandaag, site_dir):
    eerste = rekenhulp("#ziek=2026-01-05")
    assert start_via(eerste) == ["normaal"]
    eerste.wait_for_selector("#rekenhulp[data-resultaat=ja]")
    opgeslagen = wacht_op_momentopname(eerste)
    # One copy, named after the build's snapshot file (its content hash) and the layout it is kept in.
    [naam] = [p.name for p in (site_dir / "pyodide").glob("momentopname-v*/*.bin.gz")]
    assert [b["naam"] for b in opgeslagen] == [naam.removesuffix(".bin.gz") + ".zonder-lege-paginas"]
    assert opgeslagen[0]["bytes"] > 1_000_000

    tweede = rekenhulp("#ziek=2026-01-05", page=nieuwe_tab(eerste.context, vandaag))
    assert start_via(tweede) == ["momentopname"]
    tweede.wait_for_selector("#rekenhulp[data-resultaat=ja]")
    # The restored engine answers every request exactly as CPython (the installed wheel) does, and as the normally
    # started one in the first tab.
    alle = verzoeken(vandaag)
    antwoorden = tweede.evaluate(KERN, alle)
    assert antwoorden == [cpython(v) for v in alle]
    assert antwoorden == eerste.evaluate(KERN, alle)
    assert tweede.fouten == [] and eerste.fouten == []


def test_een_kapotte_momentopname_valt_terug_op_een_gewone_start(rekenhulp, cpython, vandaag):
    eerste = rekenhulp("#ziek=2026-01-05")
    eerste.wait_for_selector("#rekenhulp[data-resultaat=ja]")
    [opgeslagen] = wacht_op_momentopname(eerste)
    # Damage the kept copy (three bytes: not the layout it is kept in): the worker must notice, drop it and start
    # normally.
    eerste.evaluate("async ([n, naam]) => { const w = await (await (await (await navigator.storage.getDirectory())"
                    ".getDirectoryHandle(n)).getFileHandle(naam)).createWritable();"
                    " await w.write(new Uint8Array([1, 2, 3])); await w.close(); }", [MAP, opgeslagen["naam"]])
    assert [b["bytes"] for b in wacht_op_momentopname(eerste)] == [3]
    # What an earlier version of the worker kept in Cache Storage (under the same name) goes when a copy is kept again.
    eerste.evaluate("async (n) => (await caches.open(n)).put('/oud', new Response(new Uint8Array(16)))", MAP)
    tweede = rekenhulp("#ziek=2026-01-05", page=nieuwe_tab(eerste.context, vandaag))
    assert start_via(tweede) == ["normaal"]
    tweede.wait_for_selector("#rekenhulp[data-resultaat=ja]")
    assert tweede.get_attribute("#rekenhulp", "data-fase") == "klaar"
    verzoek = {"ziek": ["2026-01-05"], "peildatum": vandaag}
    assert tweede.evaluate(KERN, [verzoek]) == [cpython(verzoek)]
    # The bad copy is gone, and after this first result a good one is kept again.
    assert all(b["bytes"] > 1_000_000 for b in wacht_op_momentopname(tweede))
    assert tweede.evaluate("(n) => caches.has(n)", MAP) is False
    assert tweede.fouten == []
