"""`rasoat check` is read without typer when its arguments are plain (checker/fastpath.py): the
same bytes on stdout and stderr and the same exit code as through the typer application, and
typer's own answer (help, usage errors) for anything else."""
from __future__ import annotations

import subprocess
import sys

import pytest

from checker import fastpath

from .conftest import FIXTURES, ROOT, run_cli

GOOD = FIXTURES / "rules" / "S108" / "good.txt"
BAD = FIXTURES / "rules" / "S108" / "bad_missing.txt"

CASES = [
    ["check", GOOD],
    ["check", BAD, GOOD, "--format", "json"],
    ["check", "-fjson", "--lang", "en", BAD],
    ["check", BAD, "--lang=en", "-q", "--no-color"],
    ["check", BAD, "--statistics"],
    ["check", "-f", "sarif", "--select", "S1,N4", "--ignore=S108", BAD],
    ["check", BAD, "--fail-on", "warning", "--stage", "issued", "-j", "1"],
    ["check", BAD, "--today", "2020-01-01", "--include", "*.txt", "--exclude", "x*"],
    ["check", "--", BAD],
    ["check", BAD, "--today", "1/1/2020"],            # the command's own error (exit 2)
    ["check", BAD, "--format", "xml"],
    ["check", BAD, "--select", "Z9"],
    ["check", BAD, "--lang", "en", "--jobs=0"],
    ["check", ROOT / "no-such-file.txt"],
]


def _typer_path(monkeypatch, *args):
    with monkeypatch.context() as m:
        m.setattr(fastpath, "parse_check", lambda argv: None)
        return run_cli(*args)


@pytest.mark.parametrize("args", CASES, ids=lambda a: " ".join(map(str, a[1:])).replace(str(ROOT), "")[:60])
def test_fast_path_gives_the_same_bytes_as_typer(monkeypatch, args):
    assert fastpath.parse_check([str(a) for a in args]) is not None  # it is the fast path that runs
    assert run_cli(*args) == _typer_path(monkeypatch, *args)


@pytest.mark.parametrize("args", [
    ["check"], ["check", "--help"], ["check", BAD, "--nope"], ["check", BAD, "--format"],
    ["check", BAD, "-j", "two"], ["check", BAD, "-qf", "json"], ["--version"], ["rules"],
])
def test_anything_else_is_typers(args):
    assert fastpath.parse_check([str(a) for a in args]) is None


def test_usage_errors_and_help_unchanged():
    code, out, err = run_cli("check", BAD, "--nope")
    assert code == 2 and "--nope" in err and out == ""
    code, out, err = run_cli("check", "--help")
    assert code == 0 and "--select" in out and "--fail-on" in out


def test_check_imports_neither_typer_nor_the_other_commands():
    code = ("import sys; from checker.fastpath import main; sys.argv = ['rasoat', 'check', sys.argv[1]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click', 'rich', 'lxml')"
            " or m.startswith(('checker.commands', 'checker.audit', 'checker.serve', 'checker.cli'))))")
    r = subprocess.run([sys.executable, "-c", code, str(BAD)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "S108" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "[]"
