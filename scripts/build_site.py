"""Build the whole site into site/: the engine wheel, then mkdocs build --strict.

Later steps (content rendering, Pyodide runtime, PDFs) hook in here so that serve and test build the same thing.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> None:
    out = Path(argv[0]) if argv else ROOT / "site"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_wheel.py")], check=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
                   check=True, cwd=ROOT)
    # Self-hosted Pyodide runtime + trimmed lockfile + wheel, then the calculator page's build-time example.
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pyodide.py"), str(out)], check=True)


if __name__ == "__main__":
    main(sys.argv[1:])
