#!/usr/bin/env python3
"""All benchmarks in one run, one table of ratios (issue 9). Called by scripts/bench.

  P1, P2, P4, P5  scripts/bench_browser.py (BROWSER): calculator first result vs bare Pyodide boot, p95 recalculation,
                  calculator transfer vs runtime + wheel, warm vs cold visit
  P3              Pyodide bytes transferred by the ordinary content pages (every page except the calculator pages),
                  loaded in Debian chromium from the site that P6 built
  P6              the site build (scripts/build_site.py: wheel, mkdocs with our hooks, Pyodide runtime + snapshot,
                  with and without the PDFs, with and without .cache/) vs a plain `mkdocs build` of the same Markdown
                  (same theme, extensions and nav; no hooks, no wheel, no Pyodide, no PDF), each into a fresh
                  temporary folder, CPU seconds of the child processes and wall clock
  P7              engine cases per second: scripts/bench_engine.py (the core with one period, and the whole JSON
                  contract with five periods; CPU time)
  P8              the wall time of the last scripts/test run (test-artifacts/p8.json)
  PDF             scripts/bench_pdf.py: the PDF build vs a plain mkdocs build

Each sub-benchmark writes its own JSON; this script collects them into bench-results.json (gitignored) and prints
the table. A missing sub-benchmark script is reported as missing, never invented. The machine is shared: the load
average is recorded next to the figures.

Usage: .venv/bin/python scripts/bench.py [--zonder-browser] [--zonder-pdf] [--json bench-results.json]
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

import yaml

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def meet(cmd: list[str], env: dict | None = None, **kw) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child processes) of one run of cmd."""
    voor = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, env=env or ENV, stdout=subprocess.DEVNULL, **kw)
    wand = time.perf_counter() - t0
    na = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wand, (na.ru_utime - voor.ru_utime) + (na.ru_stime - voor.ru_stime)


def p6(tmp: Path) -> dict:
    from mkdocs.utils.yaml import yaml_load     # resolves mkdocs.yml's !ENV tags (site_url), as mkdocs does

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["strict"] = False
    config["docs_dir"] = str(ROOT / "docs")
    if "custom_dir" in config.get("theme", {}):
        config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    kaal = tmp / "mkdocs-kaal.yml"
    kaal.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    print("P6: kale mkdocs build ...", flush=True)
    kaal_w, kaal_c = meet([PY, "-m", "mkdocs", "build", "--quiet", "-f", str(kaal), "-d", str(tmp / "kaal")],
                          stderr=subprocess.DEVNULL)
    uit = {"kaal_s": {"wand": round(kaal_w, 1), "cpu": round(kaal_c, 1)}}
    # Each variant into its own fresh folder; "schoon" also switches the .cache/ off (POORTWACHTER_GEEN_CACHE=1), the
    # other ones use it as an author's or CI's second build does (warmed by the clean run just before).
    for naam, args, schoon in (("site_schoon", ["--zonder-pdf"], True), ("site", ["--zonder-pdf"], False),
                               ("volledig_schoon", [], True), ("volledig", [], False)):
        print(f"P6: scripts/build_site.py {' '.join(args)} ({'zonder' if schoon else 'met'} cache) ...", flush=True)
        doel = tmp / ("site" if naam == "volledig" else naam)
        env = dict(ENV, POORTWACHTER_GEEN_CACHE="1") if schoon else ENV
        w, c = meet([PY, str(ROOT / "scripts" / "build_site.py"), str(doel), *args], env=env)
        uit[f"{naam}_s"] = {"wand": round(w, 1), "cpu": round(c, 1)}
        uit[f"{naam}_verhouding"] = {"wand": round(w / kaal_w, 2), "cpu": round(c / kaal_c, 2)}
    return uit


def p8() -> dict | None:
    """The wall time of the last `scripts/test` run (it writes test-artifacts/p8.json); running the suite here too
    would cost another ten minutes of a shared machine."""
    pad = ROOT / "test-artifacts" / "p8.json"
    return json.loads(pad.read_text(encoding="utf-8")) if pad.exists() else None


def p3(site: Path) -> dict:
    sys.path.insert(0, str(ROOT / "tests" / "quality"))
    import shutil

    import kwaliteit_html
    from kwaliteit import CHROMIUM_ARGS, is_rekenpagina, laad_module
    from kwaliteit_bezoek import bezoek, pyodide_bytes
    from playwright.sync_api import sync_playwright

    paginas = [kwaliteit_html.lees(site, f) for f in kwaliteit_html.html_bestanden(site)]
    srv = laad_module("serve_site_bench", ROOT / "scripts" / "serve_site.py").start(site)
    basis = "http://%s:%d/" % srv.server_address[:2]
    content, reken = {}, {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            for pagina in paginas:
                if is_rekenpagina(pagina) and not pagina.pad.startswith("rekenhulp/"):
                    continue
                b = bezoek(browser, basis + pagina.pad)
                (reken if is_rekenpagina(pagina) else content)[pagina.pad] = pyodide_bytes(site, basis, b.verzoeken)
            browser.close()
    finally:
        srv.shutdown()
    return {"contentpaginas": len(content), "pyodide_verzoeken": sum(n for n, _ in content.values()),
            "pyodide_bytes": sum(b for _, b in content.values()),
            "rekenhulp_pyodide_bytes": reken.get("rekenhulp/", (0, 0))[1]}


def sub_json(script: str, args: list[str], tmp: Path) -> dict | None:
    pad = ROOT / "scripts" / script
    if not pad.exists():
        print(f"{script}: ontbreekt (nog niet gebouwd)", flush=True)
        return None
    uit = tmp / (script + ".json")
    print(f"{script} ...", flush=True)
    resultaat = subprocess.run([PY, str(pad), *args, "--json", str(uit)], cwd=ROOT, env=ENV)
    if resultaat.returncode != 0 or not uit.exists():
        print(f"{script}: mislukt (exit {resultaat.returncode})", flush=True)
        return {"fout": f"exit {resultaat.returncode}"}
    return json.loads(uit.read_text(encoding="utf-8"))


def browser_rijen(b: dict | None) -> list[tuple]:
    """P1, P2, P4, P5 from scripts/bench_browser.py's JSON."""
    doelen = {"P1": "≤ 1,15×", "P2": "p95 ≤ 16 ms", "P4": "≤ 1,05×", "P5": "≤ 0,2×"}
    if not b or "fout" in b:
        reden = "ontbreekt" if b is None else f"mislukt: {b.get('fout')}"
        return [(p, reden, doel, "", "bench_browser.py") for p, doel in {**doelen, "P5-": "-"}.items()]

    def g(sleutel, fmt="{:.0f}"):
        return fmt.format(b[sleutel]) if isinstance(b.get(sleutel), (int, float)) else "?"

    return [
        ("P1", f"eerste resultaat {g('ms_eerste_resultaat')} ms / kale Pyodide-start {g('ms_kaal')} ms, mediaan van "
               f"{g('P1_paren')} paren (laagste {g('P1_laagste', '{:.2f}')}×, hoogste {g('P1_hoogste', '{:.2f}')}×)",
         doelen["P1"],
         f"{g('P1', '{:.2f}')}×", "bench_browser.py"),
        ("P2", f"input → nieuwe datum in de DOM, p50 {g('P2_p50_ms', '{:.1f}')} ms (tot volgend frame p95 "
               f"{g('P2_frame_p95_ms', '{:.1f}')} ms)", doelen["P2"], f"p95 {g('P2_ms', '{:.1f}')} ms",
         "bench_browser.py"),
        ("P4", f"rekenhulp tot het eerste resultaat {g('bytes_rekenhulp_koud')} B / runtime + wheel "
               f"{g('bytes_runtime_en_wheel')} B (daarna, in rust: momentopname "
               f"{g('bytes_momentopname_na_eerste_resultaat')} B)",
         doelen["P4"], f"{g('P4', '{:.3f}')}×", "bench_browser.py"),
        ("P5", f"warm {g('ms_warm')} ms met momentopname / koud {g('ms_koud')} ms", doelen["P5"],
         f"{g('P5', '{:.2f}')}×", "bench_browser.py"),
        ("P5-", f"warm {g('ms_warm_zonder')} ms zonder momentopname (alleen HTTP- en wasm-cache)", "-",
         f"{g('P5_zonder_momentopname', '{:.2f}')}×", "bench_browser.py"),
    ]


def p6_rijen(r6: dict) -> list[tuple]:
    kaal = r6["kaal_s"]
    rijen = []
    for naam, label, doel in (("site", "site zonder PDF", "≤ 1,3×"), ("site_schoon", "site zonder PDF, zonder cache", "-"),
                              ("volledig", "site met PDF's", "-"), ("volledig_schoon", "site met PDF's, schoon", "≤ 6×")):
        s, v = r6[f"{naam}_s"], r6[f"{naam}_verhouding"]
        rijen.append(("P6", f"{label}: {s['cpu']} s CPU / kale mkdocs {kaal['cpu']} s CPU (wand {s['wand']} / "
                            f"{kaal['wand']} s)", doel, f"{v['cpu']}× CPU ({v['wand']}× wand)", "bench.py"))
    return rijen


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--zonder-browser", action="store_true", help="sla P1/P2/P4/P5 en P3 over")
    ap.add_argument("--zonder-pdf", action="store_true", help="sla de PDF-benchmark over")
    ap.add_argument("--json", type=Path, default=ROOT / "bench-results.json")
    args = ap.parse_args(argv)

    resultaten: dict = {"start": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "cpu_kernen": os.cpu_count(),
                        "load_avg_begin": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryDirectory(prefix="bench-") as t:
        tmp = Path(t)
        resultaten["p6"] = p6(tmp)
        if not args.zonder_browser:
            print("P3: alle contentpagina's in chromium ...", flush=True)
            resultaten["p3"] = p3(tmp / "site")
            resultaten["browser"] = sub_json("bench_browser.py", ["--site", str(tmp / "site")], tmp)
        resultaten["engine"] = sub_json("bench_engine.py", [], tmp)
        if not args.zonder_pdf:
            resultaten["pdf"] = sub_json("bench_pdf.py", ["--rondes", "1"], tmp)
    resultaten["p8"] = p8()
    resultaten["load_avg_eind"] = round(os.getloadavg()[0], 2)

    rijen = []
    b = resultaten.get("browser")
    if not args.zonder_browser:
        p1, p2, p4, p5, p5z = browser_rijen(b)
        p3r = resultaten["p3"]
        rijen += [p1, p2, ("P3", f"Pyodide-bytes op {p3r['contentpaginas']} contentpagina's", "0 B",
                           f"{p3r['pyodide_bytes']} B", "bench.py (chromium)"), p4, p5, p5z]
    rijen += p6_rijen(resultaten["p6"])
    e = resultaten.get("engine")
    if e and "rekenkern_een_periode" in e:
        for sleutel, label in (("rekenkern_een_periode", "rekenkern, één periode"),
                               ("contract_vijf_perioden", "heel JSON-contract, vijf periodes")):
            per_s = e[sleutel][0]
            rijen.append(("P7", f"{label}: {per_s:,.0f}".replace(",", ".") + " gevallen/s (CPU)", "≥ 20.000/s",
                          f"{per_s / 20000:.2f}× doel", "bench_engine.py"))
    else:
        rijen.append(("P7", "ontbreekt" if e is None else f"onbekende uitvoer: {e}", "≥ 20.000/s", "", ""))
    t = resultaten.get("p8")
    rijen.append(("P8", f"scripts/test wand (laatste run {t['eind']}, load {t['load_begin']} → {t['load_eind']})"
                  if t else "nog geen scripts/test-run (test-artifacts/p8.json)", "≤ 5 min",
                  f"{t['seconden'] / 60:.1f} min" if t else "", "scripts/test"))
    if not args.zonder_pdf:
        pdf = resultaten.get("pdf")
        if pdf and "pdf" in pdf:
            v = pdf["pdf"]
            rijen.append(("PDF", f"pdf-bouw {v['pdf_build_s']['cpu']} s CPU / mkdocs {v['mkdocs_build_s']['cpu']} s CPU",
                          "-", f"{v['verhouding']['cpu']}× CPU ({v['verhouding']['wand']}× wand)", "bench_pdf.py"))
        else:
            rijen.append(("PDF", "ontbreekt" if pdf is None else str(pdf), "-", "", ""))
    resultaten["tabel"] = [dict(zip(("id", "meting", "doel", "gemeten", "bron"), map(str, r))) for r in rijen]
    args.json.write_text(json.dumps(resultaten, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    breedte = [max(len(str(r[i])) for r in rijen + [("id", "meting", "doel", "gemeten", "bron")]) for i in range(5)]
    kop = ("id", "meting", "doel", "gemeten", "bron")
    print()
    print("  ".join(str(k).ljust(w) for k, w in zip(kop, breedte)))
    print("  ".join("-" * w for w in breedte))
    for r in rijen:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, breedte)))
    print(f"\n{os.cpu_count()} kernen, load average {resultaten['load_avg_begin']} → {resultaten['load_avg_eind']} "
          f"(gedeelde machine); alles in {args.json.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
