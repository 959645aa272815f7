"""MkDocs hook: one search index per language (issue 14, P4).

mkdocs-static-i18n gathers the search entries of both builds into one search/search_index.json (languages nl and
en). Material fetches that index on every page as soon as it loads, the calculator page too, so every visitor
downloaded the other language's half as well (about 280 KB), and an English search also returned Dutch pages.

After the plugin wrote the shared index, it is split by the location of each entry:
- search/search_index.json keeps the Dutch entries, with the Dutch search language only;
- en/search/search_index.json gets the English entries, their locations relative to en/, with the English language.

Material looks for the index at `search/search_index.json` under the `base` of the page's `__config`, and places a
result at its location under that same base. So an English page gets `base` pointing at en/; the other thing `base`
is used for (instant navigation, the version selector) is switched off here, and the scope under which Material
keeps the reader's palette choice (`__md_scope`, theme/partials/javascripts/base.html) has its own setting and stays
shared. Nothing of the Dutch pages changes.
"""

from __future__ import annotations

import json
import posixpath
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from mkdocs_hooks import STANDAARDTAAL, vertaalde_pagina

INDEX = "search/search_index.json"
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def _andere_talen(config) -> list[str]:
    plugin = config.plugins.get("i18n")
    return [t for t in getattr(plugin, "build_languages", []) if t != STANDAARDTAAL]


def on_post_page(output: str, page, config, **kwargs) -> str:
    """An English page looks for its search index, and places its results, under en/."""
    taal = vertaalde_pagina(page, config)
    if taal is None:
        return output

    def herbasis(m: re.Match[str]) -> str:
        app = json.loads(m.group(2))
        app["base"] = posixpath.join(app["base"], taal, "")  # a folder: "../../en/", as Material resolves URLs in it
        tekst = json.dumps(app).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return m.group(1) + tekst + m.group(3)

    return _CONFIG.sub(herbasis, output, count=1)


@event_priority(-110)  # after mkdocs-static-i18n's on_post_build (-100), which writes the shared index last
def on_post_build(config, **kwargs) -> None:
    plugin = config.plugins.get("i18n")
    if plugin is None or getattr(plugin, "building", False):
        return  # a language build inside the plugin's own run: the shared index is not written yet
    pad = Path(config.site_dir) / INDEX
    if not pad.is_file():
        return
    gedeeld = json.loads(pad.read_text(encoding="utf-8"))
    talen = _andere_talen(config)
    per_taal: dict[str, list[dict]] = {t: [] for t in [STANDAARDTAAL, *talen]}
    for doc in gedeeld["docs"]:
        taal = next((t for t in talen if doc["location"].startswith(f"{t}/") or doc["location"] == t), STANDAARDTAAL)
        if taal != STANDAARDTAAL:
            doc = {**doc, "location": doc["location"][len(taal):].lstrip("/")}
        per_taal[taal].append(doc)
    for taal, docs in per_taal.items():
        doel = pad if taal == STANDAARDTAAL else Path(config.site_dir) / taal / INDEX
        doel.parent.mkdir(parents=True, exist_ok=True)
        index = {"config": {**gedeeld["config"], "lang": [taal]}, "docs": docs}
        doel.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
