"""The README's hosting config (deploy/nginx/poortwachter.conf) through a REAL nginx: started here on a free loopback
port with a temporary main config that includes the file unchanged except for its `listen` and `root` lines.

Checks: the config is valid, MIME types for .wasm/.mjs, gzip, caching of versioned assets, the CSP and frame-ancestors
headers. A host page on another origin may frame the embed, but not an ordinary page. Every built page in chromium
through this nginx (no CSP violation, no console error, no failed or outside request, the calculator reaches 'klaar')
is checked by the light round of test_browser_poorten.py, which visits every page through nginx anyway."""

from __future__ import annotations

import gzip
import urllib.error
import urllib.request

import pytest

pytestmark = pytest.mark.browser

CSP_KERN = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "object-src 'none'",
            "base-uri 'self'"]
JS_TYPES = {"text/javascript", "application/javascript"}


def _haal(url: str, gzip_ok: bool = False) -> tuple[int, dict, bytes]:
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def _pyodide_map(site_dir):
    mappen = sorted((site_dir / "pyodide").glob("v*/"))
    assert mappen, "geen site/pyodide/v*/ gebouwd"
    return mappen[-1]


def test_mime_types(nginx, site_dir):
    runtime = _pyodide_map(site_dir).name
    verwacht = {f"pyodide/{runtime}/pyodide.asm.wasm": {"application/wasm"},
                f"pyodide/{runtime}/pyodide.mjs": JS_TYPES,
                f"pyodide/{runtime}/pyodide-lock.json": {"application/json"},
                "assets/css/site.css": {"text/css"},
                "assets/js/thema/md-basis.js": JS_TYPES,
                "": {"text/html"}}
    fout = {}
    for pad, types in verwacht.items():
        status, kop, _ = _haal(nginx["url"] + pad)
        soort = kop.get("content-type", "").split(";")[0].strip()
        if status != 200 or soort not in types:
            fout[pad] = (status, kop.get("content-type"))
    assert fout == {}


def test_gzip_op_tekst_en_wasm(nginx, site_dir):
    runtime = _pyodide_map(site_dir).name
    bundel = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    for pad in ["", "tijdlijn/", f"assets/javascripts/{bundel}", "assets/css/site.css",
                f"pyodide/{runtime}/pyodide.asm.wasm", f"pyodide/{runtime}/pyodide.asm.mjs"]:
        status, kop, inhoud = _haal(nginx["url"] + pad, gzip_ok=True)
        assert status == 200, pad
        assert kop.get("content-encoding") == "gzip", f"{pad}: niet gecomprimeerd ({kop.get('content-encoding')})"
        assert "accept-encoding" in kop.get("vary", "").lower(), pad
        bestand = site_dir / (pad + "index.html" if pad == "" or pad.endswith("/") else pad)
        assert gzip.decompress(inhoud) == bestand.read_bytes(), pad
    # Already-compressed files are sent as they are.
    wiel = next(_pyodide_map(site_dir).glob("*.whl")).name
    _, kop, _ = _haal(nginx["url"] + f"pyodide/{runtime}/{wiel}", gzip_ok=True)
    assert "content-encoding" not in kop


def test_cache_op_geversioneerde_bestanden(nginx, site_dir):
    runtime = _pyodide_map(site_dir).name
    bundel = next((site_dir / "assets" / "javascripts").glob("bundle.*.min.js")).name
    wiel = next(_pyodide_map(site_dir).glob("*.whl")).name
    lang = "public, max-age=31536000, immutable"
    verwacht = {f"pyodide/{runtime}/pyodide.asm.wasm": lang, f"pyodide/{runtime}/python_stdlib.zip": lang,
                f"assets/javascripts/{bundel}": lang,
                # the wheel and its lockfile change with every engine build under the same name
                f"pyodide/{runtime}/pyodide-lock.json": "no-cache", f"pyodide/{runtime}/{wiel}": "no-cache",
                "": "no-cache", "tijdlijn/": "no-cache", "assets/css/site.css": "no-cache"}
    if (site_dir / "embed" / "v1" / "embed.js").exists():
        verwacht["embed/v1/embed.js"] = "public, max-age=86400"
    gekregen = {pad: _haal(nginx["url"] + pad)[1].get("cache-control") for pad in verwacht}
    assert gekregen == verwacht
    # Revalidation works for the no-cache files (ETag / Last-Modified → 304).
    status, kop, _ = _haal(nginx["url"] + "tijdlijn/")
    req = urllib.request.Request(nginx["url"] + "tijdlijn/", headers={"If-None-Match": kop["etag"]})
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(req, timeout=30)
    assert e.value.code == 304


def test_csp_en_beveiligingskoppen(nginx, site_dir):
    paden = {"": "'self'", "tijdlijn/": "'self'", "rekenhulp/": "'self'", "bestaat-niet/": "'self'"}
    if (site_dir / "embed" / "v1").exists():
        paden.update({"embed/v1/termijnen/": "*", "embed/v1/spoor2/": "*", "embed/v1/scenario/": "*",
                      "embed/v1/embed.js": "*"})
    for pad, voorouders in paden.items():
        status, kop, _ = _haal(nginx["url"] + pad)
        csp = [d.strip() for d in kop.get("content-security-policy", "").split(";")]
        assert all(d in csp for d in CSP_KERN), (pad, csp)
        assert "unsafe-inline" not in kop["content-security-policy"], pad
        assert f"frame-ancestors {voorouders}" in csp, (pad, csp)
        assert kop.get("x-content-type-options") == "nosniff", pad
        assert kop.get("referrer-policy") == "no-referrer", pad
    assert _haal(nginx["url"] + "bestaat-niet/")[0] == 404


def test_embed_mag_ingebed_worden_gewone_pagina_niet(nginx, browser, site_dir):
    if not (site_dir / "embed" / "v1" / "termijnen" / "index.html").exists():
        pytest.skip("embed/v1/termijnen/ is (nog) niet gebouwd")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(nginx["host"], wait_until="load")
        page.wait_for_timeout(1000)
        embed = page.frame_locator("#embed")
        assert embed.locator("h1").first.inner_text(timeout=30_000).strip()
        frame = page.locator("#pagina").element_handle().content_frame()
        for _ in range(100):  # wait until the framed page either rendered or was replaced by the error page
            if frame.url.startswith("chrome-error:") or page.frame_locator("#pagina").locator(".md-content").count():
                break
            page.wait_for_timeout(100)
        assert frame.url.startswith("chrome-error:"), f"een gewone pagina liet zich inbedden: {frame.url}"
    finally:
        context.close()
