"""Lighthouse on the calculator page (/rekenhulp/, the engine booted): accessibility and best practices ≥ 0.95, as
for the content pages in test_lighthouse.py. Its performance is reported (test-artifacts/lighthouse/) but not asserted,
so this module runs in the parallel test run; the content pages' performance is measured on its own afterwards."""

from __future__ import annotations

import pytest
from lighthouse_hulp import draai, meet_vertraging, toegankelijk_en_goed_gebouwd

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def rapport(browser, nginx, artefacten) -> dict:
    return draai(nginx["url"], {"rekenhulp": "rekenhulp/"}, meet_vertraging(browser), artefacten)["rekenhulp"]


def test_toegankelijkheid_en_best_practices(rapport):
    toegankelijk_en_goed_gebouwd(rapport, "rekenhulp")
