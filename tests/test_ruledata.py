"""A bad file in rules/ is one clear error naming the file and the key, with exit code 2 — not an
internal error (E999) in every rule that reads it."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .conftest import FIXTURES, ROOT

RUN = """
import sys
from pathlib import Path
import checker.resources as res
rules, root = Path(sys.argv[1]), Path(sys.argv[2])
res.data_dir = lambda name: rules if name == "rules" else root / name
from checker.cli import main
sys.argv = ["rasoat", "check", sys.argv[3]]
main()
"""


def _run(tmp_path, edit):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    edit(rules)
    draft = FIXTURES / "rules" / "S108" / "good.txt"
    return subprocess.run([sys.executable, "-c", RUN, str(rules), str(ROOT), str(draft)], capture_output=True,
                          text=True, timeout=120, env={"RASOAT_NO_CACHE": "1", "PATH": "/usr/bin:/bin",
                                                       "RASOAT_CACHE_DIR": str(tmp_path / "cache")})


def _append(name, text):
    def edit(rules):
        with open(rules / name, "a", encoding="utf-8") as fh:
            fh.write(text)
    return edit


@pytest.mark.parametrize("name, text, key", [
    ("deadlines.toml", '\n[bogus_section]\npatterns = ["x"]\n', "bogus_section"),
    ("directives.toml", '\n[not_a_section]\nsource = "x"\npatterns = ["("]\n', "not_a_section"),
    ("laws.toml", '\n[[law]]\ntype = "luat"\nnames = ["X"]\nyear = 2020\ncolour = "red"\n', "colour"),
    ("confusions.toml", '\n[[confusion]]\nwrong = "a"\nright = "b"\nsource = "x"\nflavour = 1\n', "flavour"),
])
def test_bad_rule_data_is_one_clear_error(tmp_path, name, text, key):
    p = _run(tmp_path, _append(name, text))
    assert p.returncode == 2, p.stdout + p.stderr
    assert name in p.stderr and key in p.stderr
    assert "E999" not in p.stdout + p.stderr and "Traceback" not in p.stderr
    assert p.stderr.count("\n") <= 2  # one message, not one per rule


def test_unchanged_rule_data_checks_normally(tmp_path):
    p = _run(tmp_path, lambda rules: None)
    assert p.returncode in (0, 1), p.stderr
    assert "Đạt" in p.stdout or "Cần sửa" in p.stdout or "Không đạt" in p.stdout
