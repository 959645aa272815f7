"""Lighthouse (npm `lighthouse`, pinned) with Debian chromium, offline, on the home page and a content page:
accessibility and best practices ≥ 0.95, performance ≥ 0.9. The calculator page gets the same accessibility and best
practices checks in test_lighthouse_rekenhulp.py: its performance is not asserted, so it runs in the parallel test
run, while this module runs on its own afterwards (scripts/test), because performance scores swing with the load of
the machine.
Reports (HTML + JSON) stay in test-artifacts/lighthouse/. The site is served as in production: through nginx with the
README's hosting config (gzip, caching, CSP), not through the uncompressed Python test server.

CPU throttling is calibrated, as Lighthouse's docs/throttling.md asks for hosts slower than it expects: the mobile
preset slows the host CPU down 4×, assuming a host with a BenchmarkIndex of at least 1000 (below that Lighthouse
itself warns "slower CPU than Lighthouse expects"). On this shared 2-core machine the index drops far below that
under load, and 4× on top would emulate a device several times slower than Lighthouse's target phone. We measure the
host's index with Lighthouse's own function (pageFunctions.computeBenchmarkIndex) on a blank page in the same
chromium, just before the runs, and use multiplier = 4 × min(1, index / 1000) (at least 1): the default on a normal
host, proportionally less on a slow one. The network throttling stays the mobile default (slow 4G, simulated)."""

from __future__ import annotations

import statistics

import pytest
from lighthouse_hulp import draai, meet_vertraging, toegankelijk_en_goed_gebouwd, zwak

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
# and take the median. A page whose first run stays under the bar is measured twice more, each time with the throttling
# calibrated anew, and the median of its three runs counts. Seen here: the home page at 0.85 and 0.93 with the same
# build, minutes apart (the host's BenchmarkIndex during the run 1071 and 1424).
MEER_RUNS = 2


@pytest.mark.parametrize("naam", list(PAGINAS))
def test_prestaties_contentpaginas(rapporten, naam, nginx, browser, artefacten):
    r = rapporten[naam]
    scores = [r["categories"]["performance"]["score"]]
    for _ in range(MEER_RUNS if scores[0] < 0.9 else 0):
        r = draai(nginx["url"], {naam: PAGINAS[naam]}, meet_vertraging(browser), artefacten)[naam]
        scores.append(r["categories"]["performance"]["score"])
    score = statistics.median(scores)
    assert score >= 0.9, f"{naam} performance = {score} (mediaan van {scores}): {zwak(r, 'performance')}"
