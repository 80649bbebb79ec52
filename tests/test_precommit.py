"""End to end: a document repository uses this checkout as a pre-commit hook; a bad draft is
rejected at commit time and a good one is accepted (real git, real pre-commit)."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import FIXTURES, ROOT

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def sh(*args, cwd, env, check=True):
    p = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    if check and p.returncode != 0:
        raise AssertionError(f"{args} failed ({p.returncode}):\n{p.stdout[-3000:]}\n{p.stderr[-3000:]}")
    return p


def head_of_checkout() -> str | None:
    p = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return p.stdout.strip() if p.returncode == 0 else None


def test_pre_commit_hook_rejects_bad_draft_and_accepts_good_one(tmp_path):
    pytest.importorskip("pre_commit")
    rev = head_of_checkout()
    if rev is None:
        pytest.skip("the checkout is not a git repository")
    tracked = subprocess.run(["git", "ls-files", ".pre-commit-hooks.yaml"], cwd=ROOT, capture_output=True, text=True).stdout
    if not tracked.strip():
        pytest.skip(".pre-commit-hooks.yaml is not committed yet")
    repo = tmp_path / "van-ban"
    repo.mkdir()
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pc-home"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@x",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@x", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("VIRTUAL_ENV", None)
    sh("git", "init", "-q", "-b", "main", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: rasoat\n", encoding="utf-8")
    sh("git", "add", ".pre-commit-config.yaml", cwd=repo, env=env)
    sh("git", "commit", "-q", "-m", "config", "--no-verify", cwd=repo, env=env)
    pre_commit = [os.sys.executable, "-m", "pre_commit"]
    sh(*pre_commit, "install", cwd=repo, env=env)
    shutil.copy(FIXTURES / "rules" / "S108" / "bad_noi_nhan_misspelt.txt", repo / "du-thao.txt")
    sh("git", "add", "du-thao.txt", cwd=repo, env=env)
    bad = sh("git", "commit", "-m", "bad draft", cwd=repo, env=env, check=False)
    assert bad.returncode != 0, bad.stdout + bad.stderr
    assert "S108" in bad.stdout + bad.stderr
    shutil.copy(FIXTURES / "rules" / "S101" / "good.txt", repo / "du-thao.txt")
    sh("git", "add", "du-thao.txt", cwd=repo, env=env)
    good = sh("git", "commit", "-m", "good draft", cwd=repo, env=env, check=False)
    assert good.returncode == 0, good.stdout + good.stderr
    log = sh("git", "log", "--oneline", cwd=repo, env=env).stdout
    assert "good draft" in log and "bad draft" not in log
