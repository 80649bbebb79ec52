"""Hostile text input: each is refused (or checked) quickly with bounded memory, with an E9xx
finding and exit 2 while the other files of the run are still checked. (.docx hostile files:
tests/test_docx_reader.py.)"""
from __future__ import annotations

import json
import os
import time

import pytest

from .conftest import FIXTURES, run_cli

GOOD_BAD = FIXTURES / "rules" / "S108" / "bad_noi_nhan_misspelt.txt"


def run_with_good(*paths):
    t = time.perf_counter()
    code, out, err = run_cli("check", *paths, GOOD_BAD, "--format", "json")
    elapsed = time.perf_counter() - t
    data = json.loads(out)
    by = {os.path.basename(f["path"]): f for f in data["files"]}
    assert any(d["code"] == "S108" for d in by[GOOD_BAD.name]["diagnostics"]), "the good file was not reported"
    assert "Traceback" not in err
    return code, by, err, elapsed


def test_50_mb_text_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, by, err, elapsed = run_with_good(big)
    assert code == 2 and by["big.txt"]["diagnostics"][0]["code"] == "E903"
    assert "quá lớn" in by["big.txt"]["diagnostics"][0]["message"]


def test_10_mb_line_without_newline(tmp_path):
    f = tmp_path / "line.txt"
    f.write_bytes(("Thông báo kết luận " * 560_000).encode("utf-8"))  # ~11 MB, one line
    code, by, _, _ = run_with_good(f)
    assert code == 2 and by["line.txt"]["diagnostics"][0]["code"] == "E903"
    f.write_bytes(("Thông báo kết luận " * 20_000).encode("utf-8"))  # 400 000 characters on one line
    code, by, _, _ = run_with_good(f)
    assert code == 2 and "dài" in by["line.txt"]["diagnostics"][0]["message"]


def test_limits_are_configurable(tmp_path):
    f = tmp_path / "d.txt"
    f.write_text(GOOD_BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rasoat.toml").write_text("[limits]\nmax-file-bytes = 100\n", encoding="utf-8")
    code, out, _ = run_cli("check", f, "--format", "json")
    assert code == 2 and json.loads(out)["files"][0]["diagnostics"][0]["code"] == "E903"
    (tmp_path / "rasoat.toml").write_text("[limits]\nmax-fiel-bytes = 100\n", encoding="utf-8")
    code, _, err = run_cli("check", f)
    assert code == 2 and "max-fiel-bytes" in err


def test_invalid_utf8(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("THÔNG BÁO\n".encode("utf-8") + b"\xc3\x28\xa0\xa1 \xff\xfe\xfd" * 50)
    code, by, _, _ = run_with_good(f)
    assert code == 2 and by["bad.txt"]["diagnostics"][0]["code"] in ("E903", "E901")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_folder_symlink_loop(tmp_path):
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "a.txt").write_text(GOOD_BAD.read_text(encoding="utf-8"), encoding="utf-8")
    os.symlink(d, d / "loop")
    code, out, err = run_cli("check", d, "--format", "json")
    assert code == 1
    files = json.loads(out)["files"]
    assert len(files) == 1


def test_deeply_nested_lists_and_many_paragraphs_are_checked_quickly(tmp_path):
    nested = tmp_path / "nested.txt"
    head = GOOD_BAD.read_text(encoding="utf-8").split("1. Sở Y tế")[0]
    lines = [head]
    label = "1"
    for depth in range(1, 400):
        lines.append(f"{label}. Nội dung cấp {depth}.\n")
        label += ".1"
    lines.append("- " * 2000 + "mục lồng sâu.\n")
    nested.write_text("\n".join(lines), encoding="utf-8")
    many = tmp_path / "many.txt"
    many.write_text(head + "\n".join(f"- Giao Sở Y tế thực hiện nội dung {i}." for i in range(20_000)), encoding="utf-8")
    t = time.perf_counter()
    code, out, err = run_cli("check", nested, many, "--format", "json")
    elapsed = time.perf_counter() - t
    assert "Traceback" not in err
    files = json.loads(out)["files"]
    assert all(f["kind"] == "thong-bao" for f in files)
    assert not any(d["code"] == "E999" for f in files for d in f["diagnostics"])
    assert elapsed < 300  # generous: the suite may share the machine; the benchmark measures speed


def test_a_rule_that_hangs_is_stopped_and_reported(monkeypatch):
    import time as _time

    from checker import Options, check_text
    from checker.diagnostics import Msg
    from checker.engine import REGISTRY, Rule

    def slow(doc):  # burns CPU time (the limit is on CPU time, not on waiting)
        end = _time.process_time() + 5
        while _time.process_time() < end:
            pass
        return []

    REGISTRY["Z901"] = Rule("Z901", "slow", "input", "error", Msg("x", "x"), "Z901 — x\n---\nx", slow, module="tests")
    try:
        t = _time.perf_counter()
        res = check_text(GOOD_BAD.read_text(encoding="utf-8"), options=Options(settings={"limits": {"rule-seconds": 0.5}}),
                         select=["Z901", "S108"])
        assert _time.perf_counter() - t < 4
        assert [d.code for d in res.diagnostics] == ["E906", "S108"] or {d.code for d in res.diagnostics} == {"E906", "S108"}
        assert res.failed
    finally:
        del REGISTRY["Z901"]


def test_waiting_is_not_cpu_time_and_a_spent_file_budget_stops_the_rest():
    """A rule that waits (a paused or starved process) is not stopped; rules that together use up
    limits.file-seconds leave the remaining rules unrun, with one E906 naming them."""
    import time as _time

    from checker import Options, check_text
    from checker.diagnostics import Msg
    from checker.engine import REGISTRY, Rule

    def waits(doc):
        _time.sleep(0.8)
        return []

    def burns(doc):
        end = _time.process_time() + 0.6
        while _time.process_time() < end:
            pass
        return []

    REGISTRY["Z902"] = Rule("Z902", "waits", "input", "error", Msg("x", "x"), "Z902 — x\n---\nx", waits, module="tests")
    REGISTRY["Z903"] = Rule("Z903", "burns", "input", "error", Msg("x", "x"), "Z903 — x\n---\nx", burns, module="tests")
    REGISTRY["Z904"] = Rule("Z904", "burns", "input", "error", Msg("x", "x"), "Z904 — x\n---\nx", burns, module="tests")
    try:
        text = GOOD_BAD.read_text(encoding="utf-8")
        res = check_text(text, options=Options(settings={"limits": {"rule-seconds": 0.5}}), select=["Z902", "S108"])
        assert [d.code for d in res.diagnostics] == ["S108"] and not res.failed
        res = check_text(text, options=Options(settings={"limits": {"rule-seconds": 5, "file-seconds": 0.4}}),
                         select=["Z903", "Z904", "S108"])
        e906 = sorted(d.message.en for d in res.diagnostics if d.code == "E906")
        assert len(e906) == 2 and "Z903 ran for more than 0.4 s" in e906[0] and "Rules Z904 were not run" in e906[1]
        assert "S108" in [d.code for d in res.diagnostics] and res.failed  # S108 ran first (rules run by code)
    finally:
        del REGISTRY["Z902"]
        del REGISTRY["Z903"]
        del REGISTRY["Z904"]


def test_a_finding_deep_in_a_very_long_wrapped_paragraph_points_at_its_line_and_column(tmp_path):
    """A paragraph hard-wrapped over long lines (over 20,000 characters: its offsets are kept per
    line, its words read as they are split) still reports a doubled word at the exact line and
    column, as in a short paragraph."""
    from checker.readers.text import JoinedOffsets

    words = "các sở ngành phối hợp triển khai thực hiện nhiệm vụ được giao trong tháng "
    lines = [(words * 120).strip() + " " for _ in range(4)]  # trailing spaces: cleaned lines
    col = len(lines[2]) // 2
    col = lines[2].index(" ", col) + 1
    lines[2] = lines[2][:col] + "đến đến " + lines[2][col:]
    f = tmp_path / "long.txt"
    f.write_text("THÔNG BÁO\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", f, "--select", "L706", "--format", "json")
    found = [d for d in json.loads(out)["files"][0]["diagnostics"] if d["code"] == "L706"]
    assert [(d["line"], d["column"]) for d in found] == [(5, col + 4)], found  # the space before the copy
    from checker.document import load_text

    doc = load_text(f.read_text(encoding="utf-8"), str(f))
    p = max(doc.paragraphs, key=lambda p: len(p.text))
    assert isinstance(p.offsets, JoinedOffsets) and len(p.offsets) == len(p.text) + 1
    flat = list(p.offsets)
    assert p.offsets[-1] == flat[-1] and list(p.offsets[10:20]) == flat[10:20]
    assert all(doc.source.text[flat[i]] == p.text[i] for i in range(0, len(p.text), 997))
