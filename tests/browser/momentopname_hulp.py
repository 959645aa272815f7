"""Helpers for the snapshot tests (tests/browser/test_momentopname.py, tests/embed/test_momentopname_embed.py)."""

from __future__ import annotations

import time

import pytest

MAP = "poortwachter-momentopname"  # the worker's folder in the origin's private file system (OPFS)
# What the worker keeps there, as {naam, bytes}: complete copies only (a copy being written is named *.deel).
BEWAARDE = """async (n) => {
  let map;
  try { map = await (await navigator.storage.getDirectory()).getDirectoryHandle(n); } catch (e) { return []; }
  const uit = [];
  for await (const [naam, h] of map.entries())
    if (h.kind === "file" && !naam.endsWith(".deel")) uit.push({naam, bytes: (await h.getFile()).size});
  return uit;
}"""
# The page's own module instance (the same URL as laden.js/rekenhulp.js import), so the same booted worker answers.
KERN = """async (verzoeken) => {
  const m = await import(new URL('/assets/js/rekenhulp/rekenkern.js', location.href).href);
  const kern = m.rekenkern();
  const uit = [];
  for (const v of verzoeken) uit.push(await kern.bereken(v));
  return uit;
}"""


def start_via(doc) -> list[str]:
    """["momentopname"] or ["normaal"] once the page's worker is ready, [] before. (Not the performance mark: the
    tests' fixed clock replaces the page's performance object.)"""
    return doc.evaluate("async () => { const m = await import(new URL('/assets/js/rekenhulp/rekenkern.js',"
                        " location.href).href); const v = m.rekenkern().startVia; return v ? [v] : []; }")


def bewaarde(doc) -> list[dict]:
    return doc.evaluate(BEWAARDE, MAP)


def wacht_op_momentopname(doc, timeout: float = 120) -> list[dict]:
    eind = time.monotonic() + timeout
    while not (b := bewaarde(doc)):
        if time.monotonic() > eind:
            pytest.fail("de momentopname werd na het eerste resultaat niet bewaard")
        time.sleep(0.2)
    return b


def wacht_klaar(doc, timeout: float = 120) -> None:
    eind = time.monotonic() + timeout
    while not start_via(doc):
        if time.monotonic() > eind:
            pytest.fail("de rekenkern werd niet klaar")
        time.sleep(0.1)


def verzoeken(vandaag: str) -> list[dict]:
    """Requests over the engine's paths: periods with a gap and leave, a leap day, an error answer, an ics export."""
    return [{"ziek": ["2026-01-05"], "peildatum": vandaag},
            {"ziek": ["2026-01-05/2026-02-01", "2026-02-20"], "verlof": ["2026-06-01/2026-09-01"], "peildatum": vandaag},
            {"ziek": ["2024-02-29"], "peildatum": vandaag},
            {"ziek": ["2026-02-30"], "peildatum": vandaag},
            {"ziek": ["2026-01-05"], "peildatum": vandaag, "actie": "ics"}]


def nieuwe_tab(context, vandaag: str):
    """Another tab in the same context (a returning visitor), with the tests' fixed clock and error list."""
    page = context.new_page()
    page.clock.set_fixed_time(f"{vandaag}T10:00:00")
    page.fouten = []
    page.on("pageerror", lambda e: page.fouten.append(str(e)))
    return page
