#!/usr/bin/env python3
"""Benchmark: the PDF build (scripts/build_pdf.py, all six handbooks, Dutch and English) as a ratio to a plain
`mkdocs build`.

Both are measured in one run, on the same docs/, as child processes, each --rondes times (default 2, best of):
  mkdocs   python -m mkdocs build --strict --quiet -d <tmp>
  pdf      python scripts/build_pdf.py <tmp> --quiet   (its own in-process mkdocs build + six WeasyPrint renders)
Reported: wall-clock seconds and CPU seconds (user + sys of the child processes; the fair measure on a shared
machine), and the ratios pdf / mkdocs for both. The PDF page counts come from pypdf.

Usage: .venv/bin/python scripts/bench_pdf.py [--rondes 2] [--jobs N] [--json bench-results.json]
With --json the result is stored under the key "pdf" (other keys in that file are kept).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def meet(cmd: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the children) for one run of cmd."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
                   stdout=subprocess.DEVNULL)
    wand = time.perf_counter() - t0
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)
    return wand, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rondes", type=int, default=2, help="runs of each, best one counts (default 2)")
    ap.add_argument("--jobs", type=int, default=None, help="passed to build_pdf.py (parallel renders)")
    ap.add_argument("--json", type=Path, default=None, help="store the result under 'pdf' in this JSON file")
    args = ap.parse_args(argv)

    py = sys.executable
    resultaten: dict[str, list[tuple[float, float]]] = {"mkdocs": [], "pdf": []}
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
        for ronde in range(args.rondes):
            # alternate, so that a load change on the machine hits both
            resultaten["mkdocs"].append(meet([py, "-m", "mkdocs", "build", "--strict", "--quiet",
                                              "-d", f"{tmp}/site{ronde}"]))
            cmd = [py, str(ROOT / "scripts" / "build_pdf.py"), f"{tmp}/pdf{ronde}", "--quiet"]
            if args.jobs:
                cmd += ["--jobs", str(args.jobs)]
            resultaten["pdf"].append(meet(cmd))
        from pypdf import PdfReader
        paginas = {p.stem: len(PdfReader(str(p)).pages) for p in sorted(Path(tmp, "pdf0").glob("*.pdf"))}

    best = {k: (min(w for w, _ in v), min(c for _, c in v)) for k, v in resultaten.items()}
    uit = {
        "mkdocs_build_s": {"wand": round(best["mkdocs"][0], 2), "cpu": round(best["mkdocs"][1], 2)},
        "pdf_build_s": {"wand": round(best["pdf"][0], 2), "cpu": round(best["pdf"][1], 2)},
        "verhouding": {"wand": round(best["pdf"][0] / best["mkdocs"][0], 1),
                       "cpu": round(best["pdf"][1] / best["mkdocs"][1], 1)},
        "paginas": paginas,
        "rondes": args.rondes,
        "cpu_kernen": os.cpu_count(),
        "load_avg_1m": round(os.getloadavg()[0], 2),
    }
    print(f"mkdocs build : {uit['mkdocs_build_s']['wand']:6.1f} s wall, {uit['mkdocs_build_s']['cpu']:6.1f} s CPU")
    print(f"PDF build    : {uit['pdf_build_s']['wand']:6.1f} s wall, {uit['pdf_build_s']['cpu']:6.1f} s CPU "
          f"(3 PDFs, pages {paginas})")
    print(f"ratio PDF / mkdocs: {uit['verhouding']['wand']}x wall, {uit['verhouding']['cpu']}x CPU "
          f"(best of {args.rondes}; load average {uit['load_avg_1m']} on {os.cpu_count()} cores)")
    if args.json:
        data = json.loads(args.json.read_text()) if args.json.exists() else {}
        data["pdf"] = uit
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
