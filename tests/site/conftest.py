"""Fixtures for the site tests: ONE build of the real site per session (mkdocs build --strict into a tmp folder)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sitehulp  # noqa: E402


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    uit = tmp_path_factory.mktemp("site")
    resultaat = sitehulp.bouw_site(sitehulp.ROOT, uit)
    assert resultaat.returncode == 0, f"mkdocs build --strict faalde:\n{resultaat.stdout}\n{resultaat.stderr}"
    return uit
