"""MkDocs hook (SPOOR2 helper): the spoor 2 decision helper as static pages, plus its flow diagram.

- on_files: one generated page per step of the helper under spoor2-hulp/pad/<antwoord>/<antwoord>/.../ : a question
  page for every prefix of a path, an outcome page for every complete path. Answers live in the URL path; every page
  has "Wijzig" links per given answer and "Opnieuw beginnen". Works without JavaScript. The pages are NOT in the nav.
- on_page_markdown: the marker <!-- spoor2-diagram --> on any page becomes the inline SVG of the flow (no CDN).

All texts, numbers, sources and routing come from the package (poortwachter.spoor2): this file only lays them out.
In the English build (mkdocs_hooks.taal_van) the same pages are generated under en/spoor2-hulp/pad/... with the
engine's English texts (taal "en") and the English layout words in UI below; ids, paths and links are the same.
"""

from __future__ import annotations

import hashlib
import html
import json
import posixpath
import textwrap
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel
from mkdocs_hooks import CACHE, cache_aan, genereer, schrijf_atomair, taal_van

BASIS = "spoor2-hulp"
PAD = f"{BASIS}/pad"
MARKER = "<!-- spoor2-diagram -->"
MARKER_SCENARIO = "<!-- spoor2-scenario-voorbeeld -->"

_hulp: dict[str, Any] | None = None

#: The layout words of the generated pages, per language (no legal content: every text of a question, an outcome or a
#: source comes from the engine). Both languages have the same keys (tests/spoor2/test_paginas.py).
UI: dict[str, dict[str, str]] = {
    "nl": {
        "titel_achter": " – beslishulp spoor 2", "uw_antwoorden": "Uw antwoorden", "wijzig": "Wijzig",
        "wijzig_verborgen": " het antwoord op: ", "opnieuw": "Opnieuw beginnen", "stap": "Beslishulp spoor 2 · ",
        "vraag_n": "vraag {n}", "uitkomst": "uitkomst", "kies": "Kies uw antwoord", "uw_datum": "Uw datum",
        "datum_uitleg": " Dat kan met de <a href=\"{rekenhulp}\">rekenhulp termijnen</a>, of hieronder als JavaScript "
                        "aan staat.",
        "toon_datum": "Toon de datum", "waarom": "Waarom", "dossier": "Leg vast in het re-integratiedossier",
        "bronnen": "Bronnen", "versie": " Regels versie {versie}, laatst gecontroleerd op {datum}.",
        "svg_titel": "Stroomschema van de beslishulp spoor 2", "svg_uitkomst": "uitkomst: ",
        "svg_begin": "De beslishulp in stappen. ",
        "onderschrift": "Na de laatste vraag ({kort}) hangt de uitkomst ook af van uw eerdere antwoorden.",
        "ja": "ja", "nee": "nee", "weet_niet": "weet niet",
        "sc_caption": "Scenario's naast elkaar", "sc_scenario": "Scenario",
        "sc_laatste": "Laatste dag loondoorbetaling", "sc_wia": "WIA-aanvraag uiterlijk",
        "sc_extra": "Extra weken loondoorbetaling", "sc_kosten": "Geschatte extra loonkosten",
        "sc_van": "Van", "sc_tot": "tot en met", "sc_bronnen": "Bronnen: ",
    },
    "en": {
        "titel_achter": " – spoor 2 decision aid", "uw_antwoorden": "Your answers", "wijzig": "Change",
        "wijzig_verborgen": " the answer to: ", "opnieuw": "Start again", "stap": "Spoor 2 decision aid · ",
        "vraag_n": "question {n}", "uitkomst": "outcome", "kies": "Choose your answer", "uw_datum": "Your date",
        "datum_uitleg": " You can use the <a href=\"{rekenhulp}\">deadline calculator</a>, or the form below if "
                        "JavaScript is on.",
        "toon_datum": "Show the date", "waarom": "Why",
        "dossier": "Record in the *re-integratiedossier* (return-to-work file)",
        "bronnen": "Sources", "versie": " Rules version {versie}, last checked on {datum}.",
        "svg_titel": "Flow chart of the spoor 2 decision aid", "svg_uitkomst": "outcome: ",
        "svg_begin": "The decision aid step by step. ",
        "onderschrift": "After the last question ({kort}) the outcome also depends on your earlier answers.",
        "ja": "yes", "nee": "no", "weet_niet": "don't know",
        "sc_caption": "Scenarios side by side", "sc_scenario": "Scenario",
        "sc_laatste": "Last day of paid wages", "sc_wia": "WIA application at the latest",
        "sc_extra": "Extra weeks of paid wages", "sc_kosten": "Estimated extra wage costs",
        "sc_van": "From", "sc_tot": "up to and including", "sc_bronnen": "Sources: ",
    },
}


def _laad(taal: str = "nl") -> dict[str, Any]:
    from poortwachter import spoor2
    from poortwachter.regels import regels_als_dict

    import datetime as dt

    peil = dt.date.fromisoformat(str(regels_als_dict()["laatst_gecontroleerd"]))
    data = spoor2.beslishulp(taal=taal)
    data["_module"] = spoor2
    data["_peildatum"] = peil
    data["_taal"] = taal
    data["_ui"] = UI[taal]
    return data


def slug(waarde: str) -> str:
    return waarde.replace("_", "-")


def sleutel(antwoorden: list[tuple[str, str]]) -> str:
    """The step key ("ja/nee"): the URL path below pad/, and the URL fragment "#/ja/nee" in the browser version."""
    return "/".join(slug(a) for _, a in antwoorden)


def pagina(antwoorden: list[tuple[str, str]]) -> str:
    """docs-relative source path of the page for this list of answers."""
    delen = [PAD] + [slug(a) for _, a in antwoorden]
    return "/".join(delen) + "/index.md"


def _link(van: str, naar: str) -> str:
    return posixpath.relpath(naar, posixpath.dirname(van))


def e(tekst: Any) -> str:
    return html.escape(str(tekst), quote=True)


def _kop(titel: str, d: dict[str, Any]) -> str:
    return "\n".join([
        "---", "doelgroep: werkgever",
        f"title: {json.dumps(titel + d['_ui']['titel_achter'], ensure_ascii=False)}",
        "search:", "  exclude: true", "---", "",
        f'<link rel="stylesheet" href="{{LINKCSS}}">', "",
    ])


def _gegeven(hier: str, pad: list[tuple[str, str]], d: dict[str, Any]) -> list[str]:
    if not pad:
        return []
    t = d["_ui"]
    uit = [f"## {t['uw_antwoorden']} {{ #uw-antwoorden }}", "", '<dl class="s2-gegeven">']
    for i, (vraag, waarde) in enumerate(pad):
        v = d["vragen"][vraag]
        label = next(a["label"] for a in v["antwoorden"] if a["waarde"] == waarde)
        wijzig = _link(hier, pagina(pad[:i])).replace("index.md", "")
        uit += [f"<dt>{e(v['tekst'])}</dt>",
                f'<dd><span>{e(label)}</span> <a class="s2-wijzig" href="{e(wijzig) or "./"}" '
                f'data-s2-pad="{e(sleutel(pad[:i]))}">{t["wijzig"]}'
                f'<span class="s2-verborgen">{t["wijzig_verborgen"]}{e(v["kort"])}</span></a></dd>']
    uit += ["</dl>", ""]
    return uit


def _opnieuw(hier: str, d: dict[str, Any]) -> list[str]:
    return [f'<p class="s2-opnieuw"><a href="{e(_link(hier, pagina([])).replace("index.md", "") or "./")}" '
            f'data-s2-pad="">{d["_ui"]["opnieuw"]}</a></p>', ""]


def _stap(hier: str, pad: list[tuple[str, str]], tekst: str, d: dict[str, Any]) -> str:
    """The step label; data-s2-basis (link to pad/) and data-s2-sleutel drive the browser version (spoor2.js)."""
    basis = _link(hier, pagina([])).replace("index.md", "") or "./"
    return (f'<p class="s2-stap" data-s2-basis="{e(basis)}" data-s2-sleutel="{e(sleutel(pad))}">'
            f"{e(d['_ui']['stap'])}{e(tekst)}</p>")


def _script(hier: str) -> list[str]:
    return [f'<script type="module" src="{_link(hier, f"{BASIS}/spoor2.js")}"></script>', ""]


def vraagpagina(pad: list[tuple[str, str]], vraag_id: str, d: dict[str, Any], volledig: bool = True) -> str:
    """Markdown of a question step. volledig=False: only the body, with links relative to pad/ (browser version)."""
    hier = pagina(pad) if volledig else pagina([])
    v = d["vragen"][vraag_id]
    t = d["_ui"]
    regels = [_kop(v["tekst"], d).replace("{LINKCSS}", _link(hier, f"{BASIS}/spoor2.css")) if volledig else "",
              _stap(hier, pad, t["vraag_n"].format(n=len(pad) + 1), d), "",
              f"# {v['tekst']}", "", v["uitleg"], "",
              f'<ul class="s2-antwoorden" aria-label="{e(t["kies"])}">']
    for a in v["antwoorden"]:
        naar = _link(hier, pagina(pad + [(vraag_id, a["waarde"])])).replace("index.md", "")
        regels.append(f'<li><a class="s2-antwoord" href="{e(naar)}" data-antwoord="{e(a["waarde"])}" '
                      f'data-s2-pad="{e(sleutel(pad + [(vraag_id, a["waarde"])]))}">{e(a["label"])}</a></li>')
    regels += ["</ul>", ""]
    regels += _gegeven(hier, pad, d)
    regels += _opnieuw(hier, d)
    if volledig:
        regels += _script(hier)
    return "\n".join(regels)


def uitkomstpagina(pad: list[tuple[str, str]], d: dict[str, Any], volledig: bool = True) -> str:
    """Markdown of an outcome step. volledig=False: only the body, with links relative to pad/ (browser version)."""
    hier = pagina(pad) if volledig else pagina([])
    spoor2 = d["_module"]
    t = d["_ui"]
    uit = spoor2.beoordeel(dict(pad), d["_peildatum"], d["_taal"])
    u = uit["uitkomst"]
    antwoorden_json = json.dumps(dict(pad), ensure_ascii=False)
    regels = [_kop(u["titel"], d).replace("{LINKCSS}", _link(hier, f"{BASIS}/spoor2.css")) if volledig else "",
              _stap(hier, pad, t["uitkomst"], d), "",
              f"# {u['titel']}", "", f'<p class="s2-samenvatting">{e(u["samenvatting"])}</p>', ""]
    if u.get("datum_nodig"):
        rekenhulp = _link(hier, "rekenhulp/index.md").replace("index.md", "")
        regels += [
            f'<section class="s2-datum" aria-labelledby="s2-datum-kop" data-antwoorden="{e(antwoorden_json)}">',
            f'<h2 id="s2-datum-kop">{t["uw_datum"]}</h2>',
            f'<p class="s2-datum-uitleg">{e(u["datum_nodig"])}{t["datum_uitleg"].format(rekenhulp=e(rekenhulp))}</p>',
            '<form class="s2-datumformulier" hidden novalidate>',
            '<div class="s2-veld"><label for="s2-eerste-ziektedag">'
            f'{e(d["datums"]["eerste_ziektedag"]["label"])}</label>',
            f'<p class="s2-hint" id="s2-eerste-ziektedag-hint">{e(d["datums"]["eerste_ziektedag"]["uitleg"])}</p>',
            '<input type="date" id="s2-eerste-ziektedag" name="eerste_ziektedag" required '
            'aria-describedby="s2-eerste-ziektedag-hint"></div>',
            '<div class="s2-veld"><label for="s2-eerstejaarsevaluatie-op">'
            f'{e(d["datums"]["eerstejaarsevaluatie_op"]["label"])}</label>',
            f'<p class="s2-hint" id="s2-eje-hint">{e(d["datums"]["eerstejaarsevaluatie_op"]["uitleg"])}</p>',
            '<input type="date" id="s2-eerstejaarsevaluatie-op" name="eerstejaarsevaluatie_op" '
            'aria-describedby="s2-eje-hint"></div>',
            f'<button type="submit" class="md-button md-button--primary">{t["toon_datum"]}</button>',
            "</form>",
            '<div class="s2-datumresultaat" role="status" aria-live="polite"></div>',
            "</section>", "",
        ]
    # The headings keep their Dutch ids in both languages (a link to #waarom works in either edition).
    regels += [f"## {t['waarom']} {{ #waarom }}", ""] + [f"- {r}" for r in u["redenen"]] + [""]
    regels += [f"## {t['dossier']} {{ #leg-vast-in-het-re-integratiedossier }}", ""]
    regels += [f"- {x}" for x in u["dossier"]] + [""]
    regels += [f"## {t['bronnen']} {{ #bronnen }}", ""] + [f"- [{b['titel']}]({b['url']})" for b in u["bronnen"]]
    regels += [""]
    regels += _gegeven(hier, pad, d)
    regels += _opnieuw(hier, d)
    from poortwachter.berichten import datum_tekst

    gecontroleerd = datum_tekst(d["_peildatum"].fromisoformat(uit["regels"]["laatst_gecontroleerd"]), d["_taal"])
    versie = t["versie"].format(versie=e(uit["regels"]["versie"]), datum=e(gecontroleerd))
    regels += [f'<p class="s2-let-op">{e(uit["let_op"])}{versie}</p>', ""]
    if volledig:
        regels += _script(hier)
    return "\n".join(regels)


def stappen_json(d: dict[str, Any]) -> str:
    """spoor2-hulp/stappen.json: every step as HTML, for the browser version (answers in the URL fragment) and the
    embed (embed/v1/spoor2/); an outcome step also has its outcome id ("uitkomst").

    The same for every visitor, so fetching it tells the server nothing about the answers."""
    spoor2 = d["_module"]
    stappen: list[tuple[str, str, str, str | None]] = []  # (key, title, Markdown, outcome id)
    for pad in spoor2.alle_vraagstappen():
        _, ident = spoor2.volgende_stap(dict(pad))
        stappen.append((sleutel(pad), d["vragen"][ident]["tekst"], vraagpagina(pad, ident, d, volledig=False), None))
    for p in d["paden"]:
        pad = [tuple(x) for x in p["antwoorden"]]
        stappen.append((sleutel(pad), d["uitkomsten"][p["uitkomst"]]["titel"], uitkomstpagina(pad, d, volledig=False),
                        p["uitkomst"]))
    uit: dict[str, dict[str, str]] = {}
    for (k, titel, _, uitkomst), body in zip(stappen, _als_html([md for _, _, md, _ in stappen])):
        uit[k] = {"titel": f"{titel}{d['_ui']['titel_achter']}", "html": body}
        if uitkomst:  # the outcome id: the embed passes it to a host page that asked for it
            uit[k]["uitkomst"] = uitkomst
    return json.dumps({"stappen": uit}, ensure_ascii=False)


def _als_html(teksten: list[str]) -> list[str]:
    """Markdown -> HTML of the steps (most of this hook's CPU), kept in .cache/ under the hash of the texts and the
    Markdown version; converted by one converter, reset before each text."""
    import markdown

    extensies = ["attr_list", "md_in_html"]
    h = hashlib.sha256(json.dumps([markdown.__version__, extensies, teksten]).encode()).hexdigest()
    pad = CACHE / "spoor2" / f"{h}.json"
    if cache_aan():
        try:
            bewaard = json.loads(pad.read_bytes())
            if len(bewaard) == len(teksten):
                return bewaard
        except (OSError, ValueError):
            pass
    md = markdown.Markdown(extensions=extensies)
    uit = [md.reset().convert(t) for t in teksten]
    if cache_aan():
        schrijf_atomair(pad, json.dumps(uit).encode())
    return uit


def alle_paginas(d: dict[str, Any]) -> dict[str, str]:
    """{docs-relative path: markdown} for every step of every path."""
    spoor2 = d["_module"]
    uit: dict[str, str] = {}
    for pad in spoor2.alle_vraagstappen():
        soort, ident = spoor2.volgende_stap(dict(pad))
        assert soort == spoor2.VRAAG
        uit[pagina(pad)] = vraagpagina(pad, ident, d)
    for p in d["paden"]:
        pad = [tuple(x) for x in p["antwoorden"]]
        uit[pagina(pad)] = uitkomstpagina(pad, d)
    return uit


# ---------------------------------------------------------------- diagram


def diagram_svg(d: dict[str, Any]) -> str:
    """The flow as inline SVG: questions top to bottom, 'weet niet'-answers to the right, outcomes at the bottom."""
    spoor2 = d["_module"]
    vragen = list(d["vragen"])
    randen: list[tuple[str, str, str]] = []
    for p in spoor2.alle_paden():
        stappen = [v for v, _ in p["antwoorden"]] + [p["uitkomst"]]
        for (v, a), naar in zip(p["antwoorden"], stappen[1:]):
            if (v, a, naar) not in randen:
                randen.append((v, a, naar))
    laatste = vragen[-1]
    onder = [naar for v, _, naar in randen if v == laatste and naar not in vragen]
    onder = list(dict.fromkeys(onder))
    rechts = [u for u in d["uitkomsten"] if u not in onder]

    bw, bh, rij, links0 = 250, 54, 92, 70
    ow = 170
    breedte = max(links0 + bw + 300, 20 + len(onder) * (ow + 16))
    pos: dict[str, tuple[float, float, float, float]] = {}
    for i, v in enumerate(vragen):
        pos[v] = (links0, 20 + i * rij, bw, bh)
    y_onder = 20 + len(vragen) * rij + 30
    for i, u in enumerate(onder):
        pos[u] = (20 + i * (ow + 16), y_onder, ow, 76)
    for i, u in enumerate(rechts):
        pos[u] = (links0 + bw + 120, 20 + (len(vragen) // 2 - 1 + i) * rij, ow, 76)
    hoogte = y_onder + 76 + 20
    t = d["_ui"]
    antw_label = {a["waarde"]: t[a["waarde"]] for v in d["vragen"].values() for a in v["antwoorden"]}

    s = [f'<svg class="s2-diagram" viewBox="0 0 {breedte} {hoogte}" width="{breedte}" height="{hoogte}" role="img" xmlns="http://www.w3.org/2000/svg" '
         'aria-labelledby="s2-diagram-titel s2-diagram-uitleg">',
         f'<title id="s2-diagram-titel">{e(t["svg_titel"])}</title>',
         f'<desc id="s2-diagram-uitleg">{e(_beschrijving(d, randen))}</desc>',
         '<defs><marker id="s2-pijl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
         'orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="currentColor"/></marker></defs>']

    def tekstblok(x: float, y: float, w: float, h: float, tekst: str, klasse: str) -> None:
        lijnen = textwrap.wrap(tekst, max(10, int(w / 7.4)))
        start = y + h / 2 - (len(lijnen) - 1) * 8 + 5
        for i, lijn in enumerate(lijnen):
            s.append(f'<text class="{klasse}" x="{x + w / 2}" y="{start + i * 16}" text-anchor="middle">{e(lijn)}</text>')

    lane_l, lane_r = links0 - 30, links0 + bw + 60
    for v, a, naar in randen:
        x, y, w, h = pos[v]
        tx, ty, tw, th = pos[naar]
        label = antw_label[a]
        if naar in vragen and vragen.index(naar) == vragen.index(v) + 1:
            punten = [(x + w / 2, y + h), (tx + tw / 2, ty)]
            lx, ly = x + w / 2 + 6, y + h + 22
        elif naar in vragen:
            punten = [(x, y + h / 2), (lane_l, y + h / 2), (lane_l, ty + th / 2), (tx, ty + th / 2)]
            lx, ly = lane_l - 26, y + h / 2 - 6
        elif naar in rechts:
            punten = [(x + w, y + h / 2), (lane_r, y + h / 2), (lane_r, ty + th / 2), (tx, ty + th / 2)]
            lx, ly = x + w + 6, y + h / 2 - 6
        else:
            punten = [(x + w / 2, y + h), (x + w / 2, y + h + 16), (tx + tw / 2, y + h + 16), (tx + tw / 2, ty)]
            lx, ly = tx + tw / 2 + 4, ty - 6
        s.append('<polyline class="s2-rand" fill="none" stroke="currentColor" marker-end="url(#s2-pijl)" points="'
                 + " ".join(f"{px},{py}" for px, py in punten) + '"/>')
        s.append(f'<text class="s2-randlabel" x="{lx}" y="{ly}">{e(label)}</text>')
    for v in vragen:
        x, y, w, h = pos[v]
        s.append(f'<rect class="s2-knoop s2-knoop--vraag" x="{x}" y="{y}" width="{w}" height="{h}" rx="4"/>')
        tekstblok(x, y, w, h, d["vragen"][v]["kort"] + "?", "s2-knooptekst")
    for u in onder + rechts:
        x, y, w, h = pos[u]
        s.append(f'<rect class="s2-knoop s2-knoop--uitkomst" x="{x}" y="{y}" width="{w}" height="{h}" rx="14"/>')
        tekstblok(x, y, w, h, d["uitkomsten"][u]["titel"], "s2-knooptekst")
    s.append("</svg>")
    onderschrift = t["onderschrift"].format(kort=d["vragen"][laatste]["kort"])
    return ('<figure class="s2-figuur">' + "".join(s) + f"<figcaption>{e(onderschrift)}</figcaption></figure>")


def _beschrijving(d: dict[str, Any], randen: list[tuple[str, str, str]]) -> str:
    t = d["_ui"]
    delen = []
    for v, a, naar in randen:
        doel = d["vragen"][naar]["kort"] if naar in d["vragen"] else t["svg_uitkomst"] + d["uitkomsten"][naar]["titel"]
        delen.append(f"{d['vragen'][v]['kort']}, {t[a]}: {doel}")
    return t["svg_begin"] + ". ".join(delen) + "."


# ---------------------------------------------------------------- scenario example


def scenario_html(uit: dict[str, Any], taal: str = "nl") -> str:
    """The scenario result (contract answer of actie "scenario") as an HTML table + the vervroegde IVA window.
    docs/spoor2-hulp/spoor2.js renders the same structure in the browser."""
    t = UI[taal]
    kosten = any(s["extra_loonkosten"] for s in uit["scenarios"])
    r = [f'<p class="s2-label"><strong>{e(uit["label"])}</strong></p>',
         '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>',
         f"<caption>{e(t['sc_caption'])}</caption>",
         f'<thead><tr><th scope="col">{e(t["sc_scenario"])}</th><th scope="col">{e(t["sc_laatste"])}</th>'
         f'<th scope="col">{e(t["sc_wia"])}</th><th scope="col">{e(t["sc_extra"])}</th>'
         + (f'<th scope="col">{e(t["sc_kosten"])}</th>' if kosten else "") + "</tr></thead><tbody>"]
    for sc in uit["scenarios"]:
        r.append(f'<tr data-scenario="{e(sc["id"])}"><th scope="row">{e(sc["titel"])}'
                 f'<br><small>{e(sc["uitleg"])}</small></th>'
                 f'<td><time datetime="{e(sc["laatste_loondoorbetalingsdag"]["datum"])}">'
                 f'{e(sc["laatste_loondoorbetalingsdag"]["datum_tekst"])}</time></td>'
                 f'<td><time datetime="{e(sc["wia_aanvraag"]["datum"])}">{e(sc["wia_aanvraag"]["datum_tekst"])}</time></td>'
                 f'<td>{e(sc["extra_weken_loondoorbetaling"])}</td>'
                 + (f'<td>{e(sc["extra_loonkosten"]["bedrag_tekst"])}</td>' if kosten else "") + "</tr>")
    r.append("</tbody></table></div></div>")
    if kosten:
        r.append(f'<p class="s2-hint">{e(uit["scenarios"][0]["extra_loonkosten"]["uitleg"])}</p>')
    iva = uit["vervroegde_iva"]
    r.append(f'<h3 id="vervroegde-iva">{e(iva["titel"])}</h3>')
    r.append(f'<p>{e(t["sc_van"])} <time datetime="{e(iva["vanaf"]["datum"])}">{e(iva["vanaf"]["datum_tekst"])}</time> '
             f'{e(t["sc_tot"])} '
             f'<time datetime="{e(iva["uiterlijk"]["datum"])}">{e(iva["uiterlijk"]["datum_tekst"])}</time>.</p>')
    r.append("<ul>" + "".join(f"<li>{e(v)}</li>" for v in iva["voorwaarden"]) + "</ul>")
    r.append(f'<p class="s2-hint">{e(t["sc_bronnen"])}' + "; ".join(
        f'<a href="{e(b["url"])}">{e(b["titel"])}</a>' for b in iva["bronnen"]) + "</p>")
    return "\n".join(r)


def _scenario_voorbeeld(config) -> str:
    from poortwachter.scenario import bereken_scenario

    taal = taal_van(config)
    d = _hulp if _hulp is not None and _hulp["_taal"] == taal else _laad(taal)
    eerste = str(((config.get("extra") or {}).get("voorbeeld") or {}).get("eerste_ziektedag", ""))
    uit = bereken_scenario({"ziek": [eerste], "peildatum": str(d["_peildatum"])}, taal)
    if "fouten" in uit:
        from mkdocs.exceptions import PluginError
        raise PluginError(f"scenario-voorbeeld: {uit['fouten']}")
    return scenario_html(uit, taal)


# ---------------------------------------------------------------- mkdocs events


@event_priority(-110)  # after mkdocs-static-i18n's on_files (-100): it cannot handle generated files
def on_files(files, config, **kwargs):
    """In the language of the build (mkdocs_hooks.genereer): Dutch at the root, English under en/, each with the
    engine's texts in that language."""
    global _hulp
    _hulp = _laad(taal_van(config))
    for pad, inhoud in alle_paginas(_hulp).items():
        files.append(genereer(config, pad, inhoud, inclusion=InclusionLevel.NOT_IN_NAV))
    files.append(genereer(config, f"{BASIS}/stappen.json", stappen_json(_hulp)))
    return files


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    if MARKER in markdown:
        assert _hulp is not None
        markdown = markdown.replace(MARKER, diagram_svg(_hulp))
    if MARKER_SCENARIO in markdown:
        markdown = markdown.replace(MARKER_SCENARIO, _scenario_voorbeeld(config))
    return markdown
