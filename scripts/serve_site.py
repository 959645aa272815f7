"""A small static file server for the built site, with the headers production hosting must send.

- Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'; only 'wasm-unsafe-eval' for Pyodide.
- The right MIME types for .mjs and .wasm (WebAssembly streaming compilation needs application/wasm).
Used by scripts/serve and by the browser tests. Binds to loopback only.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import re
import threading
from pathlib import Path

CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " \
      "object-src 'none'; base-uri 'self'; form-action 'self'"


# The Pyodide runtime lives under a versioned path (/pyodide/v<versie>/) and never changes there: cache it for good.
# Everything else (pages, our JS, the lockfile and the engine wheel, whose name does not change with its content)
# is revalidated on every use (If-Modified-Since -> 304), so a new build is seen at once.
RUNTIME_ONVERANDERLIJK = re.compile(r"^/pyodide/(v[0-9][^/]*/(pyodide\.mjs|pyodide\.asm\.mjs|pyodide\.asm\.wasm|python_stdlib\.zip)"
                                    r"|momentopname-v[0-9][^/]*/[0-9a-f]{16}\.bin\.gz)$")  # the snapshot: named by its hash


def cache_control(pad: str) -> str:
    pad = pad.split("?", 1)[0].split("#", 1)[0]
    return "public, max-age=31536000, immutable" if RUNTIME_ONVERANDERLIJK.match(pad) else "no-cache"


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
        ".whl": "application/octet-stream",
        ".zip": "application/zip",
        ".ics": "text/calendar",
    }
    csp = CSP

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", self.csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cache-Control", cache_control(self.path))
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - signature of the base class
        if getattr(self.server, "verbose", True):
            super().log_message(format, *args)


def start(directory: Path, port: int = 0, csp: str = CSP, verbose: bool = False) -> http.server.ThreadingHTTPServer:
    """Start a server in a background thread; port 0 picks a free one (see server.server_address)."""
    handler = functools.partial(type("H", (Handler,), {"csp": csp}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.verbose = verbose
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("directory", nargs="?", default="site")
    args = parser.parse_args()
    handler = functools.partial(Handler, directory=args.directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    server.verbose = True
    print(f"Site: http://127.0.0.1:{args.port}/  (Ctrl-C stopt)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
