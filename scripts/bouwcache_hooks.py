"""MkDocs hook: keep what does not change between builds, keyed by the hash of its inputs (issue 14, P6).

Three caches under .cache/ (gitignored); POORTWACHTER_GEEN_CACHE=1 switches them off (a cold build, for measuring).

- Compiled Jinja templates (Material's main.html, base.html, partials, our overrides): Jinja's own
  FileSystemBytecodeCache, which checks each template's source checksum before use.
- Markdown → HTML per page (mkdocs' Page.render: the bulk of the build, since our hooks expand the pages' Jinja into
  long tables, tabs and SVG). The key is the sha256 of everything that render reads: the page's Markdown after our
  hooks ran, its own paths, the paths of every file of the build (relative links and their validation), the
  Markdown-related config (extensions, their settings, validation, use_directory_urls) and the versions of mkdocs,
  Markdown and pymdown-extensions. A render that logged any warning is never stored, so a cache hit never hides a
  strict-mode failure; the anchors a page has and the anchors it links to are stored too, so mkdocs still checks
  every anchor link across pages on every build.

- The search entries of a page (Material's SearchIndex.add_entry_from_context: it parses the whole page's HTML in
  Python, and our pages are long). The key is the sha256 of everything that method reads: the page's HTML, its URL,
  title, front matter (title, tags, search), the ids and URLs of its table of contents, and Material's version.

Nothing here changes what is built: a hit gives the same HTML, toc and anchors as a render would, and the same
search entries as the parse.
"""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from importlib.metadata import version

import jinja2
from mkdocs.structure.pages import Page
from mkdocs_hooks import CACHE, cache_aan, schrijf_atomair

_VERSIES = "|".join(f"{p}={version(p)}" for p in ("mkdocs", "markdown", "pymdown-extensions", "jinja2"))
_render_zonder_cache = Page.render
try:
    from material.plugins.search import plugin as _zoek
except ImportError:  # a build without Material's search
    _zoek = None
_zoek_zonder_cache = _zoek.SearchIndex.add_entry_from_context if _zoek else None
_MATERIAL = version("mkdocs-material") if _zoek else ""


class _Waarschuwingen(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.aantal = 0

    def emit(self, record):
        self.aantal += 1


def _bestanden_sleutel(files) -> str:
    rijen = sorted((f.src_uri, f.dest_uri, f.url, str(f.inclusion)) for f in files)
    return hashlib.sha256(json.dumps(rijen).encode()).hexdigest()


def _config_sleutel(config) -> str:
    delen = {k: config.get(k) for k in ("markdown_extensions", "mdx_configs", "use_directory_urls", "validation")}
    return hashlib.sha256((_VERSIES + repr(sorted(delen.items(), key=lambda kv: kv[0]))).encode()).hexdigest()


def _render_met_cache(self: Page, config, files) -> None:
    if not cache_aan() or self.markdown is None:
        return _render_zonder_cache(self, config, files)
    sleutel = hashlib.sha256("\0".join((
        _config_sleutel(config), _bestanden_sleutel(files), self.file.src_uri, self.file.dest_uri, self.file.url,
        self.markdown)).encode()).hexdigest()
    pad = CACHE / "paginas" / sleutel[:2] / f"{sleutel}.pickle"
    try:
        opgeslagen = pickle.loads(pad.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        opgeslagen = None
    if opgeslagen is not None:
        self.content = opgeslagen["content"]
        self.toc = opgeslagen["toc"]
        self._title_from_render = opgeslagen["titel"]
        self.present_anchor_ids = opgeslagen["ankers"]
        if opgeslagen["links_naar_ankers"] is not None:
            per_pad = {f.src_uri: f for f in files}
            self.links_to_anchors = {per_pad[src]: links for src, links in opgeslagen["links_naar_ankers"].items()}
        return None
    logger = logging.getLogger("mkdocs")
    if not logging.getLogger("mkdocs.structure.pages").isEnabledFor(logging.WARNING):
        # `mkdocs build --quiet` drops warnings before anyone sees them: a render then proves nothing, keep nothing.
        return _render_zonder_cache(self, config, files)
    teller = _Waarschuwingen()
    logger.addHandler(teller)
    try:
        _render_zonder_cache(self, config, files)
    finally:
        logger.removeHandler(teller)
    if teller.aantal:
        return None
    links = self.links_to_anchors
    try:
        data = pickle.dumps({
            "content": self.content, "toc": self.toc, "titel": self._title_from_render,
            "ankers": self.present_anchor_ids,
            "links_naar_ankers": None if links is None else {f.src_uri: d for f, d in links.items()},
        })
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    schrijf_atomair(pad, data)
    return None


def _toc(items) -> list:
    return [(i.id, i.url, _toc(i.children)) for i in items]


def _zoek_met_cache(self, page) -> None:
    if not cache_aan() or getattr(_zoek, "jieba", None) is not None:  # jieba: more settings that shape the entries
        return _zoek_zonder_cache(self, page)
    meta = {k: page.meta.get(k) for k in ("title", "tags", "search")}
    sleutel = hashlib.sha256(pickle.dumps((
        _MATERIAL, page.url, page.title, repr(meta), _toc(page.toc), page.content))).hexdigest()
    pad = CACHE / "zoeken" / sleutel[:2] / f"{sleutel}.pickle"
    try:
        self.entries.extend(pickle.loads(pad.read_bytes()))
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    voor = len(self.entries)
    _zoek_zonder_cache(self, page)
    schrijf_atomair(pad, pickle.dumps(self.entries[voor:]))
    return None


def on_config(config, **kwargs):
    Page.render = _render_met_cache
    if _zoek:
        _zoek.SearchIndex.add_entry_from_context = _zoek_met_cache
    return config


def on_env(env, config, files, **kwargs):
    if cache_aan():
        (CACHE / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(CACHE / "jinja"))
    return env
