"""A rule's `fixable` flag says what --fix does, and --diff shows exactly what --fix writes.

Over every rule and every one of its fixtures (fixtures/rules/<CODE>/):
- a rule whose findings can be mended by --fix (a text edit, a formatting change, a conversion)
  is marked fixable in `rasoat rules`, and a rule marked fixable has a fixture it mends;
- on a copy of the fixture, --diff leaves the file as it was and prints a change exactly when
  --fix (on another copy) changes the file; the lines --fix adds are the '+' lines of --diff.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker import check_file
from checker.docx_edit import formatting_view
from checker.engine import load_rules

from .conftest import FIXTURES, run_cli

RULES_DIR = FIXTURES / "rules"
FIXTURE_FILES = sorted(p for p in RULES_DIR.rglob("*") if p.suffix in {".txt", ".md", ".docx"} and p.is_file())


def _view(path: Path) -> list[str]:
    raw = path.read_bytes()
    if path.suffix == ".docx":
        from checker.document import load_path

        return load_path(str(path), data=raw).source.text.splitlines() + formatting_view(raw).splitlines()
    try:
        return raw.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError:  # 8-bit legacy text, shown as the diff shows it
        from checker.encodings import decode_8bit

        return decode_8bit(raw).splitlines()


def _fixed_by_rule() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    for path in FIXTURE_FILES:
        code = path.parent.name
        diags = check_file(path, select=[code]).diagnostics
        if any(d.fixable for d in diags if d.code == code):
            out.setdefault(code, []).append(path)
    return out


FIXED = _fixed_by_rule() if RULES_DIR.is_dir() else {}


def test_fixable_flag_matches_what_the_rule_does():
    rules = load_rules()
    claims_but_never_fixes = [c for c, r in rules.items() if r.fixable and r.func is not None and c not in FIXED]
    fixes_but_not_marked = [c for c in FIXED if not rules[c].fixable]
    assert claims_but_never_fixes == []
    assert fixes_but_not_marked == []


@pytest.mark.parametrize("path", [p for ps in FIXED.values() for p in ps], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_diff_shows_exactly_what_fix_writes(path, tmp_path):
    code = path.parent.name
    a = tmp_path / "a" / path.name
    b = tmp_path / "b" / path.name
    for p in (a, b):
        p.parent.mkdir()
        shutil.copy(path, p)
    before = a.read_bytes()
    _, diff, err = run_cli("check", a, "--select", code, "--diff", "--unsafe-fixes")
    assert a.read_bytes() == before, "--diff must not write"
    run_cli("check", b, "--select", code, "--fix", "--unsafe-fixes")
    changed = b.read_bytes() != before
    assert bool(diff.strip()) == changed, (diff, err)
    if not changed:
        return
    plus = {ln[1:] for ln in diff.splitlines() if ln.startswith("+") and not ln.startswith("+++")}
    minus = {ln[1:] for ln in diff.splitlines() if ln.startswith("-") and not ln.startswith("---")}
    old, new = _view(path), _view(b)
    assert {ln for ln in new if ln not in old} <= plus  # every change --fix made is shown
    assert plus <= set(new)                            # and nothing it did not make
    assert {ln for ln in old if ln not in new} <= minus


def test_statistics_marks_formatting_fixes(tmp_path):
    src = next((p for p in FIXED.get("P807", [])), None)
    if src is None:
        pytest.skip("no P807 fixture")
    code, out, _ = run_cli("check", src, "--select", "P807", "--statistics")
    assert "P807  [*]" in out
