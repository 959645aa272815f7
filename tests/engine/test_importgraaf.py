"""De importgraaf van het pakket ``poortwachter`` (issue 15 §5): geen kring, en geen module die de namen met een
liggend streepje van een andere module importeert. Gelezen uit de broncode (ast), ook imports binnen functies.

Het contract is de enige top voor de rekenkern: alleen de opdrachtregel (``cli``) importeert het; ``spoor2`` en
``scenario`` vragen hun termijnen rechtstreeks aan de kern (``verzoek``, ``termijnen``).
"""

from __future__ import annotations

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[2] / "calculators" / "src" / "poortwachter"


def _doel(module: str, node: ast.ImportFrom | ast.Import, naam: str | None = None) -> str | None:
    """De module in het pakket waar een import naartoe wijst, of ``None`` buiten het pakket."""
    if isinstance(node, ast.Import):
        return naam.split(".", 2)[1] if naam.startswith("poortwachter.") else None
    if node.level == 1:
        return node.module.split(".")[0] if node.module else None  # "from . import x" telt per naam, hieronder
    if node.level == 0 and node.module and node.module.startswith("poortwachter."):
        return node.module.split(".")[1]
    return None


def importgraaf() -> tuple[dict[str, set[str]], list[tuple[str, str, str]]]:
    """(module → modules in het pakket die hij importeert, [(module, doel, naam)] voor elke geïmporteerde naam)."""
    graaf: dict[str, set[str]] = {}
    namen: list[tuple[str, str, str]] = []
    for pad in sorted(PAKKET.glob("*.py")):
        module = pad.stem
        graaf[module] = set()
        for node in ast.walk(ast.parse(pad.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    doel = _doel(module, node, alias.name)
                    if doel:
                        graaf[module].add(doel)
            elif isinstance(node, ast.ImportFrom):
                if node.level == 1 and not node.module:  # from . import spoor2
                    for alias in node.names:
                        graaf[module].add(alias.name)
                    continue
                doel = _doel(module, node)
                if doel:
                    graaf[module].add(doel)
                    namen += [(module, doel, alias.name) for alias in node.names]
    return graaf, namen


def _kring(graaf: dict[str, set[str]]) -> list[str] | None:
    kleur: dict[str, int] = {}
    pad: list[str] = []

    def bezoek(m: str) -> list[str] | None:
        kleur[m] = 1
        pad.append(m)
        for n in sorted(graaf.get(m, ())):
            if kleur.get(n) == 1:
                return pad[pad.index(n):] + [n]
            if n not in kleur:
                gevonden = bezoek(n)
                if gevonden:
                    return gevonden
        kleur[m] = 2
        pad.pop()
        return None

    for m in sorted(graaf):
        if m not in kleur:
            gevonden = bezoek(m)
            if gevonden:
                return gevonden
    return None


def test_de_graaf_is_gelezen():
    graaf, _ = importgraaf()
    # Zonder deze controle zou een kapotte parser een lege graaf geven en slaagden de tests hieronder altijd.
    assert {"contract", "termijnen", "kalender", "regels", "spoor2", "scenario", "verzoek"} <= set(graaf)
    assert "termijnen" in graaf["verzoek"] and "regels" in graaf["kalender"]


def test_geen_kring_in_de_importgraaf():
    graaf, _ = importgraaf()
    assert _kring(graaf) is None, f"kring: {' -> '.join(_kring(graaf))}"


def test_de_kringtest_vindt_een_kring():
    assert _kring({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _kring({"a": {"b"}, "b": set()}) is None


def test_geen_namen_met_liggend_streepje_uit_een_andere_module():
    graaf, namen = importgraaf()
    prive = [(m, d, n) for m, d, n in namen if n.startswith("_") and m != d]
    prive += [(m, d, "(module)") for m, doelen in graaf.items() for d in doelen if d.startswith("_") and d != "__init__"]
    assert not prive, prive


def test_alleen_de_opdrachtregel_importeert_het_contract():
    graaf, _ = importgraaf()
    assert {m for m, doelen in graaf.items() if "contract" in doelen} <= {"cli", "__main__"}
    for m in ("spoor2", "scenario", "termijnen", "verzoek"):
        assert "contract" not in graaf[m]


if __name__ == "__main__":  # de graaf afdrukken (voor een verslag): python tests/engine/test_importgraaf.py
    g, _ = importgraaf()
    for m in sorted(g):
        print(f"{m} -> {', '.join(sorted(g[m])) or '-'}")
