"""The author loop: `mkdocs serve` with our hooks and live reload, under the site's strict CSP (issue 14, §4).

    .venv/bin/python scripts/dev.py [--port 8000] [--pdf]      (scripts/dev runs this)

- Every save under docs/, calculators/ (rule data), scripts/ (hooks, templates) or mkdocs.yml rebuilds the site with
  our hooks (in memory, into a temporary folder) and the open browser tab reloads itself. Unchanged pages come from
  the page cache (scripts/bouwcache_hooks.py), so a rebuild after one edit takes about a second.
- After each rebuild the self-hosted Pyodide runtime and the engine wheel are copied in (scripts/build_pyodide.py),
  so the calculator works as on the real site. Edited engine code needs the wheel rebuilt: this script rebuilds it
  (scripts/build_wheel.py) before each site rebuild when calculators/ changed.
- The PDF handbooks are built only on request (--pdf): then after each rebuild, which makes it slower.
- Every response carries the production CSP of scripts/serve_site.py (script-src 'self' 'wasm-unsafe-eval',
  style-src 'self', no inline script). mkdocs' own live-reload snippet is an inline script, which that CSP blocks:
  here it is served as a file (/.dev/livereload/<epoch>/<id>.js) instead, so the CSP needs no exception.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # already so when run as a script; also when imported
import build_pyodide  # noqa: E402
import build_wheel  # noqa: E402
import serve_site  # noqa: E402
LIVERELOAD_JS = re.compile(r"/\.dev/livereload/([0-9]+)/([0-9]+)\.js")


def pas_livereload_aan(csp: str) -> None:
    """mkdocs' LiveReloadServer, with the CSP headers and its reload snippet as an external script."""
    from mkdocs import livereload

    server = livereload.LiveReloadServer

    def inject(self, content: bytes, epoch: int) -> bytes:
        eind = content.rfind(b"</body>")
        eind = len(content) if eind < 0 else eind
        tag = b'<script src="/.dev/livereload/%d/%d.js"></script>' % (epoch, livereload._timestamp())
        return content[:eind] + tag + content[eind:]

    oud_serve = server._serve_request

    def serve(self, environ, start_response):
        pad = environ["PATH_INFO"]
        if m := LIVERELOAD_JS.fullmatch(pad):
            js = livereload._SCRIPT_TEMPLATE.substitute(epoch=int(m[1]), request_id=int(m[2])).encode()
            start_response("200 OK", [("Content-Type", "text/javascript"), ("Content-Length", str(len(js)))])
            return [js]
        return oud_serve(self, environ, start_response)

    oud_request = server.serve_request

    def serve_request(self, environ, start_response):
        def met_headers(status, headers, *rest):
            # The JS files go out as application/javascript (mkdocs' choice), which module workers accept too.
            headers = [*headers, ("Content-Security-Policy", csp), ("X-Content-Type-Options", "nosniff"),
                       ("Referrer-Policy", "no-referrer"), ("Cache-Control", "no-cache")]
            return start_response(status, headers, *rest)

        return oud_request(self, environ, met_headers)

    server._inject_js_into_html = inject
    server._serve_request = serve
    server.serve_request = serve_request


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    ap.add_argument("--pdf", action="store_true", help="ook de zes PDF-handboeken bouwen (Nederlands en Engels) (na elke wijziging)")
    ap.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    args = ap.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from mkdocs.commands import serve as mkdocs_serve

    pas_livereload_aan(serve_site.CSP)
    pdf_map = Path(tempfile.mkdtemp(prefix="dev-pdf-")) if args.pdf else None
    bouw = mkdocs_serve.build

    def bouw_met_rekenhulp(config, **kwargs):
        build_wheel.main()  # no-op unless calculators/ changed since the last wheel
        bouw(config, **kwargs)
        build_pyodide.bouw(Path(config.site_dir), koppel=True)
        if pdf_map:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(pdf_map), "--quiet",
                            "--config-file", str(args.config_file)], check=False)
            shutil.copytree(pdf_map, Path(config.site_dir) / "pdf", dirs_exist_ok=True)

    mkdocs_serve.build = bouw_met_rekenhulp
    adres = f"127.0.0.1:{args.port}"
    print(f"Site met live reload: http://{adres}/  (Ctrl-C stopt)", flush=True)
    from mkdocs.__main__ import cli

    try:
        # mkdocs' own CLI (its logging and Ctrl-C handling); its serve command calls the build patched above.
        cli.main(["serve", "-f", str(args.config_file), "-a", adres, "--livereload",
                  "-w", str(ROOT / "calculators" / "src"), "-w", str(ROOT / "scripts")],
                 prog_name="mkdocs", standalone_mode=False)
    finally:
        if pdf_map:
            shutil.rmtree(pdf_map, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
