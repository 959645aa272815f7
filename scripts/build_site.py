"""Build the whole site into site/: the engine wheel, then mkdocs build --strict.

Later steps (content rendering, Pyodide runtime, PDFs) hook in here so that serve and test build the same thing.

The wheel, mkdocs and the Pyodide copy run in this one process (no interpreter start-up per step); what does not
change between builds is kept in .cache/, keyed by the hash of its inputs (scripts/bouwcache_hooks.py,
scripts/build_pyodide.py, scripts/build_pdf.py). POORTWACHTER_GEEN_CACHE=1 builds everything from scratch.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAANDEN_VEROUDERD = 12  # issue 15 §4: een regel die zo lang niet is nagekeken, noemt de bouw als waarschuwing


def waarschuw_verouderd(peildatum: str | None = None, maanden: int = MAANDEN_VEROUDERD,
                        python: str | None = None) -> str:
    """Print (op stderr) de regels die langer dan ``maanden`` niet zijn gecontroleerd, via
    ``poortwachter regels --verouderd``. Geeft de geprinte tekst terug.

    Zonder ``python`` in dit proces, met het pakket dat ook de hooks van de site gebruiken (het wiel dat
    build_wheel.main() net bijwerkte; een tweede Python-proces kostte de bouw meer CPU dan de controle zelf, issue 14
    P6); met ``python`` in die interpreter, met calculators/src.

    Dit mag de bouw nooit laten mislukken: verstreken tijd is geen fout (issue 15 §4). Lukt de controle zelf niet,
    dan volgt ook alleen een waarschuwing.
    """
    peil = peildatum or dt.date.today().isoformat()  # build glue: hier mag de systeemdatum de peildatum zijn
    argv = ["regels", "--verouderd", "--maanden", str(maanden), "--peildatum", peil]
    try:
        code, uit, fout = _poortwachter(argv, python)
        if code != 0:
            tekst = f"WAARSCHUWING: de controle op verouderde regels lukte niet (exit {code}): {fout.strip()}"
        elif uit.startswith("Geen regel"):
            tekst = ""
        else:
            tekst = (f"WAARSCHUWING: deze regels zijn langer dan {maanden} maanden niet gecontroleerd (peildatum "
                     f"{peil}); lees hun bronnen na en zet laatst_gecontroleerd bij:\n{uit.rstrip()}")
    except Exception as e:  # noqa: BLE001 - de controle mag de bouw nooit breken
        tekst = f"WAARSCHUWING: de controle op verouderde regels lukte niet ({type(e).__name__}: {e})"
    if tekst:
        print(tekst, file=sys.stderr)
    return tekst


def _poortwachter(argv: list[str], python: str | None) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of the command ``poortwachter <argv>``."""
    if python:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "calculators" / "src")}
        r = subprocess.run([python, "-m", "poortwachter", *argv], capture_output=True, text=True, timeout=120,
                           env=env, cwd=ROOT)
        return r.returncode, r.stdout, r.stderr
    from poortwachter.cli import main as cli

    uit, fout = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(fout):
        try:
            code = cli(argv)
        except SystemExit as e:  # argparse refuses an argument: exit 2, as the command would
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
            if isinstance(e.code, str):
                print(e.code, file=sys.stderr)
    return code, uit.getvalue(), fout.getvalue()


sys.path.insert(0, str(ROOT / "scripts"))  # already so when run as a script; also when imported
import build_pyodide  # noqa: E402
import build_wheel  # noqa: E402


def mkdocs_build(out: Path) -> None:
    """`mkdocs build --strict` in this process, printing only warnings and errors.

    Not `mkdocs build --quiet`: --quiet drops warnings before strict mode counts them, so a broken link would pass.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    logger = logging.getLogger("mkdocs")
    uitvoer = logging.StreamHandler()
    uitvoer.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger.addHandler(uitvoer)
    logger.setLevel(logging.WARNING)
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as e:
        print(f"mkdocs: {e}", file=sys.stderr)
        raise SystemExit(1) from None
    finally:
        logger.removeHandler(uitvoer)


def main(argv: list[str]) -> None:
    # --zonder-pdf skips the PDF handbooks (quick local rebuilds); scripts/test and scripts/serve build them.
    zonder_pdf = "--zonder-pdf" in argv
    argv = [a for a in argv if a != "--zonder-pdf"]
    out = Path(argv[0]) if argv else ROOT / "site"
    build_wheel.main()
    waarschuw_verouderd()
    # The six PDF handbooks into <out>/pdf/: Dutch handboek-{werkgever,werknemer,compleet}.pdf (docs/downloads.md) and
    # English handbook-{employer,employee,complete}.pdf (docs/downloads.en.md). Started first, as a separate process:
    # WeasyPrint's layout is most of the time, and it runs beside the site build; build_pdf.py renders the six in
    # parallel worker processes (one per core), each skipped when .cache/pdf/ holds the PDF of exactly its inputs. It
    # writes into a folder of its own (mkdocs empties <out> when it starts), moved into place at the end.
    pdf_tmp = None if zonder_pdf else Path(tempfile.mkdtemp(prefix="pdf-"))
    pdf = None if zonder_pdf else subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(pdf_tmp), "--quiet"])
    try:
        mkdocs_build(out)
        # Self-hosted Pyodide runtime + trimmed lockfile + wheel, then the calculator page's build-time example.
        # The runtime files and the snapshot are hard links to node_modules/ and .cache/ where the file system allows
        # (a copy elsewhere): ~20 MB that need no copying, and the site stays whole if either is deleted later.
        build_pyodide.bouw(out, koppel=True)
        if pdf:
            if pdf.wait() != 0:
                raise SystemExit(f"build_pdf.py faalde (exit {pdf.returncode})")
            shutil.rmtree(out / "pdf", ignore_errors=True)
            shutil.move(pdf_tmp, out / "pdf")
            (out / "pdf").chmod(0o755)  # mkdtemp made it 0700; the web server must read it
    finally:
        if pdf and pdf.poll() is None:
            pdf.kill()
            pdf.wait()
        if pdf_tmp:
            shutil.rmtree(pdf_tmp, ignore_errors=True)

if __name__ == "__main__":
    main(sys.argv[1:])
