"""Build the engine as one pure py3-none-any wheel into dist/.

The same file is installed into the venv for the CPython tests and copied into the site for Pyodide, so both
run exactly the same code ("one wheel"). The build runs without isolation so that it needs no network.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "calculators"
DIST = ROOT / "dist"


def bron_bestanden() -> list[Path]:
    return sorted(p for p in PKG.rglob("*") if p.is_file() and "egg-info" not in str(p) and "__pycache__" not in str(p)
                  and "/build/" not in str(p))


def wheel_pad() -> Path:
    wheels = sorted(DIST.glob("poortwachter-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"verwacht precies één poortwachter-wheel in {DIST}, gevonden: {[w.name for w in wheels]}")
    return wheels[0]


def main() -> None:
    wheels = sorted(DIST.glob("poortwachter-*-py3-none-any.whl"))
    nieuwste_bron = max(p.stat().st_mtime for p in bron_bestanden())
    if len(wheels) == 1 and wheels[0].stat().st_mtime >= nieuwste_bron:
        return
    for w in wheels:
        w.unlink()
    DIST.mkdir(exist_ok=True)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(DIST), str(PKG)],
                   check=True, stdout=subprocess.DEVNULL)
    wheel = wheel_pad()
    # The CPython tests import the installed wheel, never the source tree.
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    "--force-reinstall", str(wheel)], check=True)
    print(f"[build_wheel] {wheel.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
