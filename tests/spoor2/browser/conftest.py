"""Reuse the browser fixtures of tests/browser/conftest.py (BROWSER helper) for the spoor 2 browser tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

_pad = Path(__file__).resolve().parents[2] / "browser" / "conftest.py"
_spec = importlib.util.spec_from_file_location("_browser_conftest_spoor2", _pad)
_mod = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_mod)

site_dir = _mod.site_dir
server = _mod.server
site_url = _mod.site_url
browser = _mod.browser
nieuwe_pagina = _mod.nieuwe_pagina
axe = _mod.axe
artefacten = _mod.artefacten
vandaag = _mod.vandaag


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)
