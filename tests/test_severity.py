"""A finding whose level differs from its rule's default is explained: `rasoat rules` shows the
other levels ("error / warning") and `rasoat explain` says when and why."""
from __future__ import annotations

from pathlib import Path

from checker import check_file
from checker.engine import load_rules

from .conftest import CORPUS, FIXTURES, SEEDS, run_cli


def _files():
    out = [p for p in (FIXTURES / "rules").rglob("*") if p.suffix in (".txt", ".md", ".docx")]
    if SEEDS.is_dir():
        out += sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    return out


def test_every_level_a_rule_gives_is_declared():
    rules = load_rules()
    undeclared = set()
    for f in _files():
        for d in check_file(f).diagnostics:
            r = rules.get(d.code)
            if r is not None and d.severity != r.severity and d.severity not in r.other:
                undeclared.add((d.code, d.severity, Path(f).name))
    assert sorted(undeclared) == []


def test_rules_and_explain_say_when_the_level_varies():
    rules = load_rules()
    varying = [r for r in rules.values() if r.other]
    assert varying and all(r.varies is not None for r in varying)
    code, out, _ = run_cli("rules")
    line = next(ln for ln in out.splitlines() if ln.startswith("S109 "))
    assert "error / warning" in line
    code, out, _ = run_cli("explain", "S109")
    assert "Mức có thể khác (cảnh báo)" in out
    code, out, _ = run_cli("explain", "S109", "--lang", "en")
    assert "The level may differ (warning)" in out
