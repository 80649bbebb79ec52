"""Shared test helpers.

- SHARED: ../shared (seeds, corpus, regs) beside the checkout; tests that need it skip when it
  is absent (CI always has it).
- run_text(text, select=..., **options): check a draft given as text, return its diagnostics.
- run_cli(*args): run the real `rasoat` entry point in-process, return (exit code, stdout, stderr).
"""
from __future__ import annotations

import atexit
import io
import os
import shutil
import sys
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

# Every test session starts with an empty per-user cache of its own (before checker is imported),
# so that what an earlier version or another checkout left in ~/.cache/rasoat never changes a
# result; the tests of the cache itself use folders of their own.
os.environ["RASOAT_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="rasoat-test-cache-")
atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

# Property tests explore new random inputs on a developer's machine; in CI (CI=true) they replay
# a fixed sequence, so that a red run always means a changed behaviour, never a new draw.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("RASOAT_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
FIXTURES = ROOT / "fixtures"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the checkout")


def run_text(text: str, path: str = "draft.txt", select=None, ignore=None, **options):
    from checker import Options, check_text

    return check_text(text, path=path, options=Options(**options), select=select, ignore=ignore).diagnostics


def run_file(path, select=None, ignore=None, **options):
    from checker import Options, check_file

    return check_file(path, Options(**options), select=select, ignore=ignore)


def run_cli(*args, stdin: bytes | None = None):
    """Run `rasoat ARGS` in-process; returns (exit_code, stdout, stderr)."""
    from checker.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_argv, old_stdin = sys.argv, sys.stdin
    sys.argv = ["rasoat", *map(str, args)]
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        sys.argv, sys.stdin = old_argv, old_stdin
    return code, out.getvalue(), err.getvalue()


def codes(diags) -> list[str]:
    return [d.code for d in diags]
