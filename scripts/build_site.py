"""Build the whole site into site/: the engine wheel, then mkdocs build --strict.

Later steps (content rendering, Pyodide runtime, PDFs) hook in here so that serve and test build the same thing.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAANDEN_VEROUDERD = 12  # issue 15 §4: een regel die zo lang niet is nagekeken, noemt de bouw als waarschuwing


def waarschuw_verouderd(peildatum: str | None = None, maanden: int = MAANDEN_VEROUDERD,
                        python: str = sys.executable) -> str:
    """Print (op stderr) de regels die langer dan ``maanden`` niet zijn gecontroleerd, via
    ``poortwachter regels --verouderd`` uit calculators/src. Geeft de geprinte tekst terug.

    Dit mag de bouw nooit laten mislukken: verstreken tijd is geen fout (issue 15 §4). Lukt de controle zelf niet,
    dan volgt ook alleen een waarschuwing.
    """
    peil = peildatum or dt.date.today().isoformat()  # build glue: hier mag de systeemdatum de peildatum zijn
    env = {**os.environ, "PYTHONPATH": str(ROOT / "calculators" / "src")}
    try:
        r = subprocess.run([python, "-m", "poortwachter", "regels", "--verouderd", "--maanden", str(maanden),
                            "--peildatum", peil], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
        if r.returncode != 0:
            tekst = f"WAARSCHUWING: de controle op verouderde regels lukte niet (exit {r.returncode}): {r.stderr.strip()}"
        elif r.stdout.startswith("Geen regel"):
            tekst = ""
        else:
            tekst = (f"WAARSCHUWING: deze regels zijn langer dan {maanden} maanden niet gecontroleerd (peildatum "
                     f"{peil}); lees hun bronnen na en zet laatst_gecontroleerd bij:\n{r.stdout.rstrip()}")
    except (OSError, subprocess.SubprocessError) as e:
        tekst = f"WAARSCHUWING: de controle op verouderde regels lukte niet ({type(e).__name__}: {e})"
    if tekst:
        print(tekst, file=sys.stderr)
    return tekst


def main(argv: list[str]) -> None:
    # --zonder-pdf skips the PDF handbooks (quick local rebuilds); scripts/test and scripts/serve build them.
    zonder_pdf = "--zonder-pdf" in argv
    argv = [a for a in argv if a != "--zonder-pdf"]
    out = Path(argv[0]) if argv else ROOT / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_wheel.py")], check=True)
    waarschuw_verouderd()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   check=True, cwd=ROOT)
    # Self-hosted Pyodide runtime + trimmed lockfile + wheel, then the calculator page's build-time example.
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pyodide.py"), str(out)], check=True)
    # The PDF handbooks (werkgever, werknemer, compleet) into <out>/pdf/, linked from docs/downloads.md.
    if not zonder_pdf:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(out / "pdf"), "--quiet"],
                       check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
