"""Runs that meet hostile trees and signals: linked folders are not followed, unreadable folders are
reported, --jobs is bounded, Ctrl-C says what happened, file names starting with "-" reach the
checker (issue 14, items 2, 10, 13)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from checker.runner import cores, discover
from tests.conftest import ROOT, run_cli

DRAFT = unicodedata.normalize("NFD", "THÔNG BÁO\nVề việc họp giao ban tháng 8\n")


def test_linked_folders_are_skipped_and_reported(tmp_path):
    tree = tmp_path / "du-thao"
    (tree / "a").mkdir(parents=True)
    (tree / "a" / "x.txt").write_text(DRAFT, encoding="utf-8")
    outside = tmp_path / "outside" / "private"
    outside.mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text(DRAFT, encoding="utf-8")
    os.symlink(outside, tree / "linked")
    os.symlink(tree, tree / "a" / "loop")
    files, problems = discover([str(tree)], [], [])
    assert files == [str(tree / "a" / "x.txt")]
    skipped = sorted(p.path for p in problems)
    assert skipped == sorted([str(tree / "linked"), str(tree / "a" / "loop")])
    assert all(not p.fatal and "symbolic link" in p.message_en for p in problems)
    # --fix never reaches the file behind the link
    before = secret.read_bytes()
    code, _, err = run_cli("check", tree, "--fix", "--select", "E902")
    assert secret.read_bytes() == before and "linked" in err
    assert code == 0  # a skipped link is a note, not a failure


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "x.txt").write_text(DRAFT, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "y.txt").write_text(DRAFT, encoding="utf-8")
    os.chmod(locked, 0)
    try:
        code, _, err = run_cli("check", tmp_path, "--select", "E902")
    finally:
        os.chmod(locked, 0o755)
    assert code == 2 and "locked" in err


def test_jobs_are_clamped_to_the_cores(tmp_path):
    for i in range(5):
        (tmp_path / f"d{i}.txt").write_text(DRAFT, encoding="utf-8")
    code, out, err = run_cli("check", tmp_path, "--jobs", "99999999999999999999", "--select", "E902", "-f", "json")
    assert code == 0 and f"({cores()})" in err
    assert len(json.loads(out)["files"]) == 5


def _pool_children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


@pytest.mark.skipif(sys.platform != "linux", reason="uses ps and PR_SET_PDEATHSIG")
def test_workers_die_with_their_parent_and_ctrl_c_says_so(tmp_path):
    seeds = sorted((ROOT.parent / "shared" / "corpus" / "notices").glob("*"))
    if not seeds:
        pytest.skip("../shared not found")
    for i in range(12):
        for s in seeds:
            (tmp_path / f"{i}-{s.name}").write_bytes(s.read_bytes())
    cmd = [sys.executable, "-m", "checker.cli", "check", str(tmp_path), "--jobs", "2"]
    env = dict(os.environ, RASOAT_NO_CACHE="1")

    def default_sigint():
        signal.signal(signal.SIGINT, signal.SIG_DFL)

    # killed: the workers end too
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, preexec_fn=default_sigint)
    deadline = time.time() + 60
    kids: list[int] = []
    while time.time() < deadline and len(kids) < 2 and p.poll() is None:
        time.sleep(0.2)
        kids = _pool_children(p.pid)
    if p.poll() is not None:
        pytest.skip("the run ended before its workers were seen")
    p.kill()
    p.wait()
    time.sleep(2.5)
    alive = [k for k in kids if Path(f"/proc/{k}").exists() and "Z" not in Path(f"/proc/{k}/stat").read_text().split()[2]]
    assert not alive, "workers outlived their parent"
    # Ctrl-C: exit 130 and a message
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, preexec_fn=default_sigint)
    deadline = time.time() + 60
    while time.time() < deadline and len(_pool_children(p.pid)) < 2 and p.poll() is None:
        time.sleep(0.2)  # interrupted once the run is under way (not while Python starts)
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    err = p.communicate(timeout=60)[1].decode("utf-8", "replace")
    if p.returncode in (0, 1):
        pytest.skip("the run ended before Ctrl-C")
    assert p.returncode == 130 and "không tệp nào bị ghi dở" in err and "Traceback" not in err, (p.returncode, err[-2000:])


def test_precommit_hook_passes_double_dash_before_file_names(tmp_path):
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entries = [ln.split(":", 1)[1].strip() for ln in text.splitlines() if ln.strip().startswith("entry:")]
    assert entries and all(e.endswith(" --") for e in entries)
    f = tmp_path / "-draft.txt"
    f.write_text(DRAFT, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        code, out, err = run_cli(*entries[0].split()[1:], "-draft.txt")
    finally:
        os.chdir(cwd)
    assert code == 1 and "No such option" not in err and "-draft.txt:1:1: S101" in out


@pytest.mark.skipif(sys.platform != "linux", reason="file names as bytes")
def test_non_utf8_and_control_file_names_give_valid_reports(tmp_path):
    import xml.dom.minidom

    folder = os.fsencode(tmp_path)
    for name in (b"bad\xff\xfe.txt", b"ctl\x01x.txt"):
        with open(os.path.join(folder, name), "wb") as fh:
            fh.write(DRAFT.encode("utf-8"))
    for fmt in ("json", "sarif", "github", "junit", "text"):
        r = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path), "-f", fmt, "--select", "E902"],
                           capture_output=True, env=dict(os.environ, RASOAT_NO_CACHE="1"), timeout=120)
        assert r.returncode == 0, r.stderr
        out = r.stdout.decode("utf-8")  # strict: raises on invalid UTF-8
        flat = out.replace("\\\\", "\\")  # JSON writes a backslash as two
        assert "bad\\xff\\xfe.txt" in flat and "ctl\\x01x.txt" in flat
        if fmt in ("json", "sarif"):
            json.loads(out)
        if fmt == "junit":
            xml.dom.minidom.parseString(r.stdout)


def test_a_self_looping_link_does_not_hide_the_other_files(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(DRAFT, encoding="utf-8")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    code, out, err = run_cli("check", tmp_path, "--select", "E902", "--fix", "-f", "json")
    files = {f["path"]: [d["code"] for d in f["diagnostics"]] for f in json.loads(out)["files"]}
    assert code == 2 and "internal error" not in err
    assert files[str(good)] == [] and files[str(tmp_path / "loop.txt")] == ["E903"]
    text = good.read_text(encoding="utf-8")
    assert text == unicodedata.normalize("NFC", text)  # the good file was still fixed
