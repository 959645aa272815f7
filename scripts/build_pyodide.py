"""Copy the self-hosted Pyodide runtime and the engine wheel into the built site (after mkdocs build).

    site/pyodide/v<VERSION>/pyodide.mjs, pyodide.asm.mjs, pyodide.asm.wasm, python_stdlib.zip   (runtime only)
    site/pyodide/v<VERSION>/pyodide-lock.json     trimmed: only our wheel, registered with
                                                  `pyodide lockfile add-wheels` so Pyodide checks its sha256
    site/pyodide/v<VERSION>/poortwachter-*.whl    the same wheel the CPython tests install (dist/)

Nothing else from node_modules/pyodide is copied (no package wheels, no console pages, no source maps), there is no
micropip and no CDN. The version comes from node_modules/pyodide/package.json (pinned in package-lock.json).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
DIST = ROOT / "dist"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PYODIDE_CLI = Path(sys.executable).parent / "pyodide"
CACHE = ROOT / ".cache"
MOMENTOPNAME_MJS = ROOT / "scripts" / "pyodide" / "maak_momentopname.mjs"
INSTALLEER_WIEL = ROOT / "scripts" / "pyodide" / "installeer_wiel.py"


def pyodide_versie() -> str:
    return json.loads((NPM_PYODIDE / "package.json").read_text(encoding="utf-8"))["version"]


def runtime_map(site: Path) -> Path:
    return site / "pyodide" / f"v{pyodide_versie()}"


def wheel_pad() -> Path:
    wheels = sorted(DIST.glob("poortwachter-*-py3-none-any.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"[build_pyodide] verwacht precies één poortwachter-wheel in {DIST}: {[w.name for w in wheels]}")
    return wheels[0]


def _kopieer(bron: Path, doel: Path, koppel: bool) -> None:
    """Copy, or with koppel a hard link (scripts/dev: a temporary site rebuilt on every save; 19 MB need no copy)."""
    if koppel:
        try:
            os.link(bron, doel)
            return
        except OSError:
            pass  # another file system: copy
    shutil.copy2(bron, doel)


def bouw(site: Path, wheel_bron: Path | None = None, koppel: bool = False) -> Path:
    wheel_bron = wheel_bron or wheel_pad()
    doel = runtime_map(site)
    if doel.exists():
        shutil.rmtree(doel)
    doel.mkdir(parents=True)
    for naam in RUNTIME_FILES:
        _kopieer(NPM_PYODIDE / naam, doel / naam, koppel)
    wheel = shutil.copy2(wheel_bron, doel / wheel_bron.name)

    # A lockfile with the runtime's "info" block and no packages at all; add-wheels then registers our wheel
    # (name, imports, depends, sha256) relative to the runtime directory.
    # The CLI costs more CPU than the rest of this script, and its output depends only on these inputs: the result is
    # kept in .cache/ under the hash of the runtime's lockfile and the wheel's bytes (issue 14, P6).
    volledig_bytes = (NPM_PYODIDE / "pyodide-lock.json").read_bytes()
    sleutel = hashlib.sha256(volledig_bytes + b"\0" + Path(wheel).name.encode() + b"\0" + Path(wheel).read_bytes())
    bewaard = CACHE / f"pyodide-lock-{sleutel.hexdigest()[:32]}.json"
    if bewaard.exists() and not os.environ.get("POORTWACHTER_GEEN_CACHE"):
        shutil.copyfile(bewaard, doel / "pyodide-lock.json")
    else:
        volledig = json.loads(volledig_bytes)
        with tempfile.TemporaryDirectory() as tmp:
            leeg = Path(tmp) / "pyodide-lock.json"
            leeg.write_text(json.dumps({"info": volledig["info"], "packages": {}}), encoding="utf-8")
            subprocess.run([str(PYODIDE_CLI), "lockfile", "add-wheels", "--input", str(leeg),
                            "--output", str(doel / "pyodide-lock.json"), "--base-path", str(doel), str(wheel)],
                           check=True, stdout=subprocess.DEVNULL)
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(doel / "pyodide-lock.json", bewaard)
    # The worker names the versioned runtime path; a Pyodide upgrade must update it (no silent mismatch).
    werker = ROOT / "docs" / "assets" / "js" / "rekenhulp" / "werker.js"
    if f"/pyodide/v{pyodide_versie()}/" not in werker.read_text(encoding="utf-8"):
        raise SystemExit(f"[build_pyodide] {werker.relative_to(ROOT)} noemt niet /pyodide/v{pyodide_versie()}/")
    lock = json.loads((doel / "pyodide-lock.json").read_text(encoding="utf-8"))
    pakketten = lock["packages"]
    if set(pakketten) != {"poortwachter"} or pakketten["poortwachter"]["file_name"] != Path(wheel).name:
        raise SystemExit(f"[build_pyodide] onverwachte lockfile: {sorted(pakketten)}")
    vul_werker_in(site, doel, lock, koppel)
    print(f"[build_pyodide] {doel.relative_to(site.parent) if site.parent in doel.parents else doel}: "
          f"{', '.join(sorted(p.name for p in doel.iterdir()))}", file=sys.stderr)
    return doel


def momentopname(doel: Path) -> tuple[Path, int]:
    """The gzipped memory snapshot of this runtime + wheel (scripts/pyodide/maak_momentopname.mjs, in Node), kept in
    .cache/ under the hash of everything it is made from; returns (gzip file, raw size)."""
    bronnen = [doel / n for n in (*RUNTIME_FILES, "pyodide-lock.json")] + sorted(doel.glob("*.whl")) + \
        [MOMENTOPNAME_MJS, INSTALLEER_WIEL]
    h = hashlib.sha256()
    for f in bronnen:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    sleutel = h.hexdigest()[:16]
    bewaard = CACHE / f"momentopname-{sleutel}.bin.gz"
    if not bewaard.exists() or os.environ.get("POORTWACHTER_GEEN_CACHE"):
        CACHE.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            ruw = Path(tmp) / "momentopname.bin"
            subprocess.run(["node", str(MOMENTOPNAME_MJS), str(doel), str(ruw)], check=True)
            if ruw.stat().st_size >= 1 << 32:
                raise SystemExit(f"[build_pyodide] momentopname {ruw.stat().st_size} bytes: groter dan gzip noteert")
            with ruw.open("rb") as bron, gzip.open(bewaard.with_suffix(".tmp"), "wb", compresslevel=6) as uit:
                shutil.copyfileobj(bron, uit)
            bewaard.with_suffix(".tmp").replace(bewaard)
    # The raw size from the gzip trailer (ISIZE, RFC 1952: the size modulo 2**32; checked above), instead of unpacking
    # 31 MB on every build.
    with bewaard.open("rb") as f:
        f.seek(-4, os.SEEK_END)
        grootte = int.from_bytes(f.read(4), "little")
    return bewaard, grootte


def vul_werker_in(site: Path, doel: Path, lock: dict, koppel: bool = False) -> None:
    """Inline the lockfile and the wheel installer into the BUILT werker.js and point it at the snapshot (issue 14).

    The snapshot sits in its own folder (/pyodide/momentopname-v<versie>/, outside the runtime's v<versie>/ that the
    parity test, the embed bundle and nginx's runtime rules expect to hold only the runtime), named by its content
    hash, so it is immutable under its URL."""
    werker = site / "assets" / "js" / "rekenhulp" / "werker.js"
    if not werker.exists():
        return  # a site without the calculator (e.g. a hook test project)
    gz, grootte = momentopname(doel)
    map_ = site / "pyodide" / f"momentopname-v{pyodide_versie()}"
    if map_.exists():
        shutil.rmtree(map_)
    map_.mkdir(parents=True)
    _kopieer(gz, map_ / gz.name.removeprefix("momentopname-"), koppel)
    url = f"../../../pyodide/{map_.name}/{gz.name.removeprefix('momentopname-')}"
    tekst = werker.read_text(encoding="utf-8")
    vervangingen = {
        "const LOCKFILE = null;": f"const LOCKFILE = {json.dumps(lock, sort_keys=True)};",
        "const MOMENTOPNAME = null;": f"const MOMENTOPNAME = {json.dumps({'url': url, 'grootte': grootte})};",
        "const WIEL_INSTALLATIE = null;": f"const WIEL_INSTALLATIE = {json.dumps(INSTALLEER_WIEL.read_text(encoding='utf-8'))};",
    }
    for oud, nieuw in vervangingen.items():
        if tekst.count(oud) != 1:
            raise SystemExit(f"[build_pyodide] {werker}: verwacht precies één '{oud}'")
        tekst = tekst.replace(oud, nieuw)
    werker.write_text(tekst, encoding="utf-8")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--wheel", type=Path, help="another wheel than dist/poortwachter-*.whl")
    args = parser.parse_args(argv)
    bouw(args.site, args.wheel)


if __name__ == "__main__":
    main(sys.argv[1:])
