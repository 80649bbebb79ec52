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
    assert 'pip install -q -e ".[test]" && python -m pytest -n auto' in readme
    assert "Không văn bản nào rời khỏi máy" in readme and "No document ever leaves" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'pip install -q -e ".[test]" && python -m pytest -n auto' in ci


def test_readme_names_the_release_it_documents():
    """The pre-commit `rev:` and the CI install line name the version being released (tagged
    v<version> on the repository), and nothing tells users to install rasoat from PyPI, where it
    is not published."""
    import tomllib

    from checker import __version__

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert version == __version__
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    revs = re.findall(r"rev: (\S+)", readme) + re.findall(r"git\+\S+@(v[\d.]+)", readme)
    assert revs and set(revs) == {f"v{version}"}
    assert not re.search(r"pip install rasoat\b", readme)


def test_sarif_points_at_no_page_that_does_not_exist(tmp_path):
    import json

    f = tmp_path / "x.txt"
    f.write_text("THÔNG BÁO\n", encoding="utf-8")
    code, out, _ = run_cli("check", f, "--format", "sarif")
    driver = json.loads(out)["runs"][0]["tool"]["driver"]
    assert "pypi.org" not in out and "informationUri" not in driver
