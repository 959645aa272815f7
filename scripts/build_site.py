"""Build the whole site into site/: the engine wheel, then mkdocs build --strict.

Later steps (content rendering, Pyodide runtime, PDFs) hook in here so that serve and test build the same thing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    # --zonder-pdf skips the PDF handbooks (quick local rebuilds); scripts/test and scripts/serve build them.
    zonder_pdf = "--zonder-pdf" in argv
    argv = [a for a in argv if a != "--zonder-pdf"]
    out = Path(argv[0]) if argv else ROOT / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_wheel.py")], check=True)
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
