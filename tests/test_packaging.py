"""The wheel ships the grammar and the rule data (not only an editable install finds them)."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT


def test_wheel_contains_grammar_and_rules(tmp_path):
    pytest.importorskip("hatchling")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    [wheel] = list(tmp_path.glob("rasoat-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "checker/_data/grammar/thongbao.lark" in names
    rules = {n for n in names if n.startswith("checker/_data/rules/")}
    on_disk = {f"checker/_data/rules/{p.relative_to(ROOT / 'rules').as_posix()}" for p in (ROOT / "rules").rglob("*") if p.is_file()}
    assert on_disk <= rules
    assert "checker/cli.py" in names and "checker/checks/structure/s108_noi_nhan.py" in names
    # `rasoat serve` serves its page from the installed package
    assert {"checker/serve/templates/index.html", "checker/serve/static/app.js", "checker/serve/static/app.css"} <= names


def test_supported_python_versions_are_the_tested_ones():
    """pyproject.toml allows exactly the versions CI tests: 3.11 (the README's command) and the
    others .ci/run runs the suite on; an interpreter rasoat was never tested on is refused by pip."""
    import tomllib

    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert meta["requires-python"].split("#")[0].strip() == ">=3.11"
    listed = sorted(c.rsplit(":: ", 1)[1] for c in meta["classifiers"] if c.startswith("Programming Language :: Python :: 3."))
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    tested = ["3.11"] + [v for v in ("3.12", "3.13", "3.14") if f"{v}" in ci.split("for v in", 1)[1].split(";", 1)[0]]
    assert listed == tested == ["3.11", "3.12", "3.13"]
