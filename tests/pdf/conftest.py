"""Fixtures shared by the PDF tests: the build_pdf module and ONE build of the six handbooks (three Dutch, three
English) per session.

They live here so that every test file in tests/pdf uses the same session fixture (a fixture defined in two test
modules is two fixtures, and would build the PDFs twice).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def laad_build_pdf():
    spec = importlib.util.spec_from_file_location("build_pdf_onder_test", ROOT / "scripts" / "build_pdf.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod          # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def build_pdf_module():
    return laad_build_pdf()


@pytest.fixture(scope="session")
def pdf_map():
    # scripts/test has just built the PDFs with the same command (scripts/build_site.py runs scripts/build_pdf.py) and
    # names that folder here, so a full run builds them once; a plain pytest run builds its own.
    gebouwd = os.environ.get("POORTWACHTER_PDF_MAP")
    if gebouwd:
        yield Path(gebouwd)
        return
    # Our own temporary folder: pytest's basetemp rotation (3 sessions) can remove a tmp_path_factory folder while
    # other pytest sessions run on the same machine.
    with tempfile.TemporaryDirectory(prefix="pdf-test-") as tmp:
        yield from _bouw_pdfs(Path(tmp))


def _bouw_pdfs(uit: Path):
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(uit), "--quiet"],
                       cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, f"build_pdf.py failed:\n{r.stdout}\n{r.stderr}"
    (uit / "bouwtijd.txt").write_text(f"{time.perf_counter() - t0:.1f}\n")
    yield uit
