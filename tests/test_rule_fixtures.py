"""Per-rule fixtures with snapshot expectations (like ruff's).

Layout: fixtures/rules/<CODE>/<name>.<txt|md|docx> and beside it <name>.<ext>.snap, the expected
diagnostics of that rule alone, one per line: "line:column CODE severity message".
A fixture named *.issued.* is checked with --stage issued, one named *.today-YYYY-MM-DD.* with --today.

Every rule with a function must have at least one fixture whose snapshot is not empty (the rule
fires) and one whose snapshot is empty (the rule stays silent on correct text).

To write or refresh snapshots after a deliberate change: RASOAT_UPDATE_SNAPSHOTS=1 pytest
tests/test_rule_fixtures.py, then review the diff of the .snap files before committing.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from checker import Options, check_file
from checker.engine import load_rules

from .conftest import FIXTURES

RULES_DIR = FIXTURES / "rules"
SUFFIXES = {".txt", ".md", ".docx"}


def fixture_files():
    if not RULES_DIR.is_dir():
        return []
    return sorted(p for p in RULES_DIR.rglob("*") if p.suffix in SUFFIXES and p.is_file())


def render(path: Path) -> str:
    code = path.parent.name
    stage = "issued" if ".issued." in path.name else "draft"
    m = re.search(r"\.today-(\d{4}-\d{2}-\d{2})\.", path.name)  # *.today-YYYY-MM-DD.txt runs with --today
    today = dt.date.fromisoformat(m.group(1)) if m else None
    res = check_file(path, Options(stage=stage, today=today), select=[code])
    lines = [f"{d.line}:{d.column} {d.code} {d.severity} {d.message.vi}" for d in res.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")


@pytest.mark.parametrize("path", fixture_files(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_matches_snapshot(path: Path):
    snap = path.with_name(path.name + ".snap")
    got = render(path)
    if os.environ.get("RASOAT_UPDATE_SNAPSHOTS") or not snap.exists():
        snap.write_text(got, encoding="utf-8")
        if not os.environ.get("RASOAT_UPDATE_SNAPSHOTS"):
            pytest.fail(f"snapshot {snap.name} was missing and has been written: review it and run again")
    assert got == snap.read_text(encoding="utf-8")


def test_every_rule_has_bad_and_good_fixtures():
    missing = []
    for code, rule in load_rules().items():
        if rule.func is None:
            continue
        folder = RULES_DIR / code
        snaps = [p.with_name(p.name + ".snap") for p in folder.glob("*") if p.suffix in SUFFIXES] if folder.is_dir() else []
        texts = [s.read_text(encoding="utf-8") for s in snaps if s.exists()]
        if not any(t.strip() for t in texts) or not any(not t.strip() for t in texts):
            missing.append(code)
    assert not missing, f"rules without a firing and a silent fixture: {missing}"


def test_every_rule_has_bilingual_doc_with_its_article():
    bad = []
    for code, rule in load_rules().items():
        vi, en = rule.doc_for("vi"), rule.doc_for("en")
        if not vi or not en or vi == en or code not in vi.split("\n", 1)[0]:
            bad.append(code)
    assert not bad, f"rules whose doc lacks a Vietnamese part, an English part after '---', or its code: {bad}"
