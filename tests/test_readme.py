"""The README's rule table is generated from the rule registry, never written twice.
To refresh it: RASOAT_UPDATE_SNAPSHOTS=1 pytest tests/test_readme.py"""
from __future__ import annotations

import os
import re

from .conftest import ROOT, run_cli

BLOCK = re.compile(r"(<!-- rules:start -->\n)(.*?)(<!-- rules:end -->)", re.S)


def test_readme_rule_table_matches_the_registry():
    code, table, _ = run_cli("rules", "--format", "markdown")
    assert code == 0
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = BLOCK.search(readme)
    assert m, "README.md lacks the <!-- rules:start --> … <!-- rules:end --> block"
    if os.environ.get("RASOAT_UPDATE_SNAPSHOTS"):
        readme = readme[:m.start(2)] + table + readme[m.end(2):]
        (ROOT / "README.md").write_text(readme, encoding="utf-8")
        return
    assert m.group(2) == table


def test_readme_states_the_two_commands_and_privacy():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'pip install -q . && rasoat check ../shared/seeds' in readme
    assert 'pip install -q -e ".[test]" && python -m pytest' in readme
    assert "Không văn bản nào rời khỏi máy" in readme and "No document ever leaves" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest' in ci
