"""Lighthouse runs for tests/quality/test_lighthouse.py (the content pages, performance asserted: run on their own
after the parallel test run) and tests/quality/test_lighthouse_rekenhulp.py (the calculator page, accessibility and
best practices: in the parallel run). The calibration of the CPU throttling is described in test_lighthouse.py."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess

import pytest
from kwaliteit import CHROMIUM_ARGS, ROOT

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
# The host Lighthouse's default 4x is meant for: the bottom of its high-end desktop bracket (BenchmarkIndex 1500-2000
# in Lighthouse's docs/throttling.md, whose table gives a low-end desktop, 1000-1500, 2x for the same mid-tier phone).
VERWACHTE_INDEX = 1500


def _benchmark_bron() -> str:
    script = ("import('./node_modules/lighthouse/core/lib/page-functions.js')"
              ".then(m => process.stdout.write(m.pageFunctions.computeBenchmarkIndex.toString()))")
    return subprocess.run(["node", "-e", script], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def meet_vertraging(browser) -> float:
    """cpuSlowdownMultiplier = 4 × min(1, BenchmarkIndex / 1500), at least 1 (see test_lighthouse.py)."""
    bron = _benchmark_bron()
    context = browser.new_context()
    try:
        page = context.new_page()  # about:blank: nothing else runs in the page while it measures
        page.evaluate(f"({bron})()")  # warm-up
        indexen = [page.evaluate(f"({bron})()") for _ in range(5)]
    finally:
        context.close()
    return vertraging_voor(statistics.median(indexen))


def vertraging_voor(index: float) -> float:
    """The multiplier for a host of this BenchmarkIndex (see test_lighthouse.py)."""
    return max(1.0, round(4 * min(1.0, index / VERWACHTE_INDEX), 2))


def draai(basis_url: str, paginas: dict[str, str], vertraging: float, artefacten) -> dict:
    """One Lighthouse run per page (name -> path); the reports stay in test-artifacts/lighthouse/, and their summary
    is added to samenvatting.json there (both modules write into the same file, one after the other)."""
    if not LIGHTHOUSE.exists():
        pytest.fail("npm-pakket lighthouse ontbreekt: draai scripts/bootstrap (npm ci)")
    map_ = artefacten / "lighthouse"
    map_.mkdir(exist_ok=True)
    uit = {}
    for naam, pad in paginas.items():
        basis = map_ / naam
        cmd = [str(LIGHTHOUSE), basis_url + pad, "--quiet", "--output=json", "--output=html",
               f"--output-path={basis}", "--only-categories=performance,accessibility,best-practices",
               f"--chrome-flags={' '.join(CHROMIUM_ARGS)}", f"--throttling.cpuSlowdownMultiplier={vertraging}",
               "--max-wait-for-load=120000", "--locale=nl"]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, CHROME_PATH=shutil.which("chromium") or "chromium"))
        assert r.returncode == 0, f"lighthouse {pad} faalde:\n{r.stderr[-3000:]}"
        rapport = json.loads((map_ / f"{naam}.report.json").read_text(encoding="utf-8"))
        assert not rapport.get("runtimeError"), rapport["runtimeError"]
        uit[naam] = rapport
    pad = map_ / "samenvatting.json"
    samenvatting = json.loads(pad.read_text(encoding="utf-8")) if pad.exists() else {}
    samenvatting.update({naam: {"url": r["finalDisplayedUrl"],
                                "scores": {k: v["score"] for k, v in r["categories"].items()},
                                "benchmarkIndex": r["environment"]["benchmarkIndex"],
                                "cpuSlowdownMultiplier": vertraging,
                                "metingen": {k: r["audits"][k].get("displayValue") for k in
                                             ("first-contentful-paint", "largest-contentful-paint",
                                              "total-blocking-time", "cumulative-layout-shift", "speed-index")},
                                "waarschuwingen": r.get("runWarnings", [])} for naam, r in uit.items()})
    pad.write_text(json.dumps(samenvatting, indent=1, ensure_ascii=False), encoding="utf-8")
    return uit


def zwak(rapport, categorie) -> list[str]:
    audits = rapport["audits"]
    return [f"{ref['id']}={audits[ref['id']]['score']} {audits[ref['id']].get('displayValue', '')}"
            for ref in rapport["categories"][categorie]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]


def toegankelijk_en_goed_gebouwd(rapport, naam) -> None:
    for categorie in ("accessibility", "best-practices"):
        score = rapport["categories"][categorie]["score"]
        assert score >= 0.95, f"{naam} {categorie} = {score}: {zwak(rapport, categorie)}"
