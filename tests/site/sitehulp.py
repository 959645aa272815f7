"""Helpers for the site tests (imported by conftest.py and the test modules)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from zichtbare_tekst import TekstLezer  # noqa: E402  (one visible-text reader for the site and PDF checks)


def bouw_site(project: Path, uit: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` for the project at `project` into `uit` (not --quiet: it would drop the warnings
    that strict mode counts, so a broken link would pass)."""
    omgeving = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(uit)],
                          cwd=project, env=omgeving, capture_output=True, text=True, timeout=600)


# Build output, caches and installed tooling: not part of a project copy (the copy builds with this .venv).
NIET_KOPIEREN = {".venv", "node_modules", "site", ".git", "dist", "test-artifacts", ".pytest_cache", ".hypothesis",
                 "__pycache__", "build", ".cache"}


def kopieer_project(doel: Path) -> Path:
    """A copy of the repository's sources at `doel`, to change and build in a test."""
    import shutil

    shutil.copytree(ROOT, doel, ignore=lambda d, namen: [n for n in namen if n in NIET_KOPIEREN])
    return doel


def nav_bestanden(nav) -> list[str]:
    """All Markdown paths in a mkdocs nav (nested lists/dicts)."""
    uit: list[str] = []
    if isinstance(nav, str):
        if not re.match(r"^[a-z]+://", nav):
            uit.append(nav)
    elif isinstance(nav, list):
        for x in nav:
            uit += nav_bestanden(x)
    elif isinstance(nav, dict):
        for x in nav.values():
            uit += nav_bestanden(x)
    return uit


class _Laden(yaml.SafeLoader):
    pass


# mkdocs.yml may hold !ENV / !!python tags; the nav needs none of them.
_Laden.add_multi_constructor("", lambda loader, suffix, node: None)
_Laden.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def mkdocs_config(project: Path = ROOT) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Laden)


def html_pad(site: Path, md: str) -> Path:
    """Built file of a docs page (use_directory_urls)."""
    p = Path(md)
    if p.name == "index.md":
        return site / p.parent / "index.html"
    return site / p.with_suffix("") / "index.html"


def paginas(site: Path) -> list[Path]:
    """Built HTML pages made from docs/*.md (not 404, not the assets or the runtime)."""
    uit = []
    for pad in sorted(site.rglob("*.html")):
        rel = pad.relative_to(site)
        if rel.parts[0] in ("assets", "search", "pyodide") or rel.name == "404.html":
            continue
        uit.append(pad)
    return uit


def zichtbare_tekst(html: str) -> str:
    """Visible text of an HTML document (scripts and styles left out), the pieces joined by spaces."""
    p = TekstLezer(stil=frozenset({"script", "style"}), blok=frozenset())
    p.feed(html)
    return " ".join(p.delen)


def zonder_scripts(html: str) -> str:
    return re.sub(r"<script\b.*?</script>", "", html, flags=re.S | re.I)
