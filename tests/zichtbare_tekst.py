"""Source left in what a reader sees: Markdown or template syntax in the visible text of a page or a PDF page.

The site renders Markdown and Jinja into HTML, so none of their syntax may survive into the text a reader meets. A
build can pass every other check and still show `**Leg de basis**` or `[kosten](/onderwerpen/kosten.md)` as plain
text (Markdown inside an HTML block that Python-Markdown leaves alone); these functions read the page as text.

    zichtbare_regels(html) -> list[str]   the DOM text outside code, pre, script, style, kbd and template, one line
                                          per block (block elements and <br> end a line)
    bronresten(regels)     -> list[str]   the fragments that look like Markdown or template source
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Text inside these elements is code or not text at all: syntax there is meant to be seen (or is never shown).
STIL = {"code", "pre", "script", "style", "kbd", "template"}
# Elements that start a new line in the rendered page (so "## Kop" at the start of a <p> is a line start).
BLOK = {"address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "label", "legend", "li", "main", "nav", "ol", "option", "p", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "title", "tr", "ul"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# Each pattern with the name a failure message uses.
PATRONEN = [
    # `**` touching a non-space character: the edge of a bold span that was not rendered (a lone " ** " is not).
    ("** aan een woordrand", re.compile(r"(?<![\s*])\*\*|\*\*(?![\s*]|$)")),
    ("Markdown-link ](", re.compile(r"\]\(")),
    ("Jinja {{ of {%", re.compile(r"\{\{|\{%")),
    # Headings, admonitions, collapsible blocks and content tabs that Markdown did not turn into HTML.
    ("regel begint met #, !!!, ??? of ===", re.compile(r"^\s*(#|!!!|\?\?\?|===)")),
]


class TekstLezer(HTMLParser):
    """The text of an HTML document without what is inside the `stil` elements; a newline at each `blok` tag.
    Also the reader behind tests/site/sitehulp.zichtbare_tekst (there: only scripts and styles, no newlines)."""

    def __init__(self, stil=frozenset(STIL), blok=frozenset(BLOK)) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self.stil = 0
        self._stil_tags, self._blok = stil, blok

    def handle_starttag(self, tag, attrs):
        if tag in self._stil_tags and tag not in VOID:
            self.stil += 1
        if tag in self._blok:
            self.delen.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self._blok:
            self.delen.append("\n")

    def handle_endtag(self, tag):
        if tag in self._stil_tags and self.stil:
            self.stil -= 1
        if tag in self._blok:
            self.delen.append("\n")

    def handle_data(self, data):
        if not self.stil:
            self.delen.append(data)


def zichtbare_regels(html: str) -> list[str]:
    """The visible text of an HTML document or fragment as non-empty lines."""
    lezer = TekstLezer()
    lezer.feed(html)
    lezer.close()
    return [r for r in "".join(lezer.delen).splitlines() if r.strip()]


def bronresten(regels: list[str]) -> list[str]:
    """'<what>: <line>' for every line that holds Markdown or template source (line shortened around the hit)."""
    uit = []
    for regel in regels:
        for naam, patroon in PATRONEN:
            if m := patroon.search(regel):
                begin = max(0, m.start() - 40)
                uit.append(f"{naam}: {'…' if begin else ''}{regel[begin:m.end() + 60].strip()!r}")
    return uit


def pdf_regels(tekst: str) -> list[str]:
    """Lines of a PDF page's extracted text. A printed URL that wraps before its '#fragment' is joined back first
    (https://wetten.overheid.nl/…/ + #Hoofdstuk8 would otherwise start a line with '#'); a heading left as source
    ("## Bronnen") has a space after its '#', a URL fragment has none."""
    regels: list[str] = []
    for regel in tekst.splitlines():
        vorige = regels[-1].split()[-1] if regels and regels[-1].split() else ""
        if re.match(r"[#?&]\S", regel) and ("://" in vorige or vorige.endswith("/")):
            regels[-1] += regel
        else:
            regels.append(regel)
    return [r for r in regels if r.strip()]
