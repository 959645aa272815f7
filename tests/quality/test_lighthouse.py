"""Lighthouse (npm `lighthouse`, pinned) with Debian chromium, offline, on the home page and a content page:
accessibility and best practices ≥ 0.95, performance ≥ 0.9. The calculator page gets the same accessibility and best
practices checks in test_lighthouse_rekenhulp.py: its performance is not asserted, so it runs in the parallel test
run, while this module runs on its own afterwards (scripts/test), because performance scores swing with the load of
the machine.
Reports (HTML + JSON) stay in test-artifacts/lighthouse/. The site is served as in production: through nginx with the
README's hosting config (gzip, caching, CSP), not through the uncompressed Python test server.

CPU throttling is calibrated, as Lighthouse's docs/throttling.md asks for hosts slower than it expects: the mobile
preset slows the host CPU down 4×, which that document says takes a high-end desktop (BenchmarkIndex 1500-2000) to a
mid-tier phone; for a low-end desktop (1000-1500) its table gives 2× for the same phone, and below 1000 Lighthouse
itself warns "slower CPU than Lighthouse expects". On this shared 2-core machine the index swings between about 800
and 1500 with the load, and 4× on top would emulate a device slower than Lighthouse's target phone. We measure the
host's index with Lighthouse's own function (pageFunctions.computeBenchmarkIndex) on a blank page in the same
chromium, just before the runs, and use multiplier = 4 × min(1, index / 1500) (at least 1): the default on a high-end
desktop, proportionally less on a slower host. (Until December 2026 the anchor was 1000, Lighthouse's warning
threshold, which over-throttled a host between 1000 and 1500: the home page scored 0.85-0.87 there and 0.93-0.96 at
1350-1424, with the same build.) The network throttling stays the mobile default (slow 4G, simulated)."""

from __future__ import annotations

import statistics

import pytest
from lighthouse_hulp import draai, meet_vertraging, toegankelijk_en_goed_gebouwd, vertraging_voor, zwak

pytestmark = pytest.mark.browser

PAGINAS = {"home": "", "inhoud": "onderwerpen/kosten/"}


@pytest.fixture(scope="module")
def vertraging(browser) -> float:
    return meet_vertraging(browser)


@pytest.fixture(scope="module")
def rapporten(nginx, vertraging, artefacten) -> dict:
    return draai(nginx["url"], PAGINAS, vertraging, artefacten)


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_toegankelijkheid_en_best_practices(rapporten, naam):
    toegankelijk_en_goed_gebouwd(rapporten[naam], naam)


# Lighthouse's docs/variability.md: one run's performance score varies with the host's load, so run it several times
# and take the median. A page whose first run stays under the bar is measured twice more, and the median of its three
# runs counts. Each time the throttling is calibrated anew, on the slower of two measures of the host: the blank page
# (as before the first run) and Lighthouse's own BenchmarkIndex from the run just made (that document's "CPU/Memory
# Power", the value it says to calibrate from). Seen: a blank page measured above 1500 minutes before a run whose own
# index was 1186, and that run was throttled as if on the faster host.
MEER_RUNS = 2


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_prestaties_contentpaginas(rapporten, naam, nginx, browser, artefacten):
    r = rapporten[naam]
    scores = [r["categories"]["performance"]["score"]]
    for _ in range(MEER_RUNS if scores[0] < 0.9 else 0):
        vertraging = min(meet_vertraging(browser), vertraging_voor(r["environment"]["benchmarkIndex"]))
        r = draai(nginx["url"], {naam: PAGINAS[naam]}, vertraging, artefacten)[naam]
        scores.append(r["categories"]["performance"]["score"])
    score = statistics.median(scores)
    assert score >= 0.9, f"{naam} performance = {score} (mediaan van {scores}): {zwak(r, 'performance')}"
