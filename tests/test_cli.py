"""End-to-end tests of `rasoat check`, `rules`, `explain`: what a user sees and the exit codes."""
from __future__ import annotations

import json
from pathlib import Path

from .conftest import FIXTURES, SEEDS, needs_shared, run_cli

GOOD = FIXTURES / "rules" / "S101" / "good.txt"
BAD = FIXTURES / "rules" / "S108" / "bad_noi_nhan_misspelt.txt"


def test_clean_draft_exits_0_with_verdict_dat():
    code, out, err = run_cli("check", GOOD)
    assert code == 0, err
    assert "Đạt" in out and "0 lỗi" in out


def test_error_finding_exits_1_and_prints_location_code_and_hint():
    code, out, _ = run_cli("check", BAD)
    assert code == 1
    line = next(ln for ln in out.splitlines() if " S108 " in ln)
    assert line.startswith(f"{BAD}:22:1: S108 [error]")
    assert "Nơi nhận:" in out
    assert "Không đạt" in out


def test_english_messages_with_lang_en():
    code, out, _ = run_cli("check", BAD, "--lang", "en")
    assert code == 1
    assert "is misspelt" in out and "Fail" in out


def test_json_contract():
    code, out, _ = run_cli("check", BAD, GOOD, "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["version"] == 1
    assert [Path(f["path"]).name for f in data["files"]] == [BAD.name, GOOD.name]
    f0 = data["files"][0]
    assert f0["kind"] == "thong-bao" and f0["verdict"] == "khong-dat"
    d = next(d for d in f0["diagnostics"] if d["code"] == "S108")
    assert set(d) >= {"code", "category", "severity", "message", "line", "column", "end_line", "end_column"}
    assert (d["category"], d["severity"], d["line"], d["column"]) == ("structure", "error", 22, 1)
    assert d["suggestion"] == "Nơi nhận:"
    assert data["summary"]["files"] == 2 and data["summary"]["errors"] >= 1
    from checker.engine import load_rules

    has_layout = any(r.category == "layout" for r in load_rules().values())
    assert f0["not_evaluated"] == (["layout"] if has_layout else [])


def test_select_and_ignore_by_code_and_prefix():
    _, out, _ = run_cli("check", BAD, "--format", "json", "--ignore", "S108")
    assert not any(d["code"] == "S108" for f in json.loads(out)["files"] for d in f["diagnostics"])
    _, out, _ = run_cli("check", BAD, "--format", "json", "--select", "S1")
    codes = {d["code"] for f in json.loads(out)["files"] for d in f["diagnostics"]}
    assert codes and all(c.startswith("S1") for c in codes)


def test_fail_on_warning_tightens_exit_code():
    warn_only = FIXTURES / "rules" / "S108" / "bad_no_colon.txt"
    assert run_cli("check", warn_only, "--select", "S108")[0] == 0
    assert run_cli("check", warn_only, "--select", "S108", "--fail-on", "warning")[0] == 1


def test_stage_issued_rejects_blank_number_and_date():
    draft = FIXTURES / "rules" / "S103" / "good_blank_number_draft.txt"
    assert run_cli("check", draft, "--select", "S103")[0] == 0
    code, out, _ = run_cli("check", draft, "--select", "S103", "--stage", "issued")
    assert code == 1 and "để trống" in out


def test_bad_options_exit_2_without_traceback():
    for args in (["--format", "xml"], ["--stage", "final"], ["--lang", "fr"], ["--select", "Z999"], ["--today", "31/12"]):
        code, out, err = run_cli("check", GOOD, *args)
        assert code == 2, args
        assert "Traceback" not in err and err.startswith("rasoat:")


def test_missing_path_exit_2_others_still_reported(tmp_path):
    code, out, err = run_cli("check", tmp_path / "nope.txt", BAD)
    assert code == 2
    assert "nope.txt" in err and "không tìm thấy" in err
    assert " S108 " in out  # the good path was still checked


def test_empty_binary_and_folder_without_drafts(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Thông báo".encode("utf-16-le")[:-1] + b"\xff\xfe\x00")
    nodrafts = tmp_path / "folder"
    nodrafts.mkdir()
    (nodrafts / "image.png").write_bytes(b"\x89PNG")
    code, out, err = run_cli("check", empty, binary, nodrafts, BAD, "--format", "json")
    assert code == 2
    data = json.loads(out)
    by_name = {Path(f["path"]).name: f for f in data["files"]}
    assert by_name["empty.txt"]["kind"] == "unreadable"
    assert by_name["empty.txt"]["diagnostics"][0]["code"] == "E904"
    assert by_name["blob.txt"]["diagnostics"][0]["code"] == "E903"
    assert any(d["code"] == "S108" for d in by_name[BAD.name]["diagnostics"])
    assert "không có dự thảo" in err
    assert "Traceback" not in err


def test_stdin_with_filename():
    text = BAD.read_bytes()
    code, out, _ = run_cli("check", "-", "--stdin-filename", "du-thao.txt", stdin=text)
    assert code == 1
    assert "du-thao.txt:22:1: S108" in out


def test_utf16_bom_and_crlf_positions_are_those_of_the_original(tmp_path):
    text = BAD.read_text(encoding="utf-8").replace("\n", "\r\n")
    f = tmp_path / "utf16.txt"
    f.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    code, out, _ = run_cli("check", f, "--select", "S108")
    assert code == 1 and ":22:1: S108" in out


def test_rules_and_explain():
    code, out, _ = run_cli("rules")
    assert code == 0 and "S108" in out and "S101" in out
    code, out, _ = run_cli("explain", "S108")
    assert code == 0 and "Nghị định 30/2020/NĐ-CP" in out and "Ví dụ sai" in out
    code, out, _ = run_cli("explain", "s108", "--lang", "en")
    assert code == 0 and "Decree 30/2020" in out and "Ví dụ sai" not in out
    code, _, err = run_cli("explain", "X123")
    assert code == 2 and "X123" in err


def test_config_discovery_nearest_wins_and_unknown_key_is_an_error(tmp_path):
    draft = tmp_path / "a" / "b" / "draft.txt"
    draft.parent.mkdir(parents=True)
    draft.write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.rasoat]\nignore = ["S108"]\n', encoding="utf-8")
    code, out, _ = run_cli("check", draft)
    assert " S108 " not in out
    (tmp_path / "a" / "rasoat.toml").write_text('lang = "en"\n', encoding="utf-8")
    code, out, _ = run_cli("check", draft)
    assert " S108 " in out and "misspelt" in out  # the nearer file wins
    (tmp_path / "a" / "rasoat.toml").write_text('langue = "en"\n', encoding="utf-8")
    code, _, err = run_cli("check", draft)
    assert code == 2 and "langue" in err and "rasoat.toml" in err


def test_per_file_ignores(tmp_path):
    d = tmp_path / "drafts"
    d.mkdir()
    (d / "x.txt").write_text(BAD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "rasoat.toml").write_text('[per-file-ignores]\n"drafts/*.txt" = ["S108"]\n', encoding="utf-8")
    _, out, _ = run_cli("check", d / "x.txt")
    assert " S108 " not in out


@needs_shared
def test_folder_of_seeds_reports_every_file():
    code, out, _ = run_cli("check", SEEDS, "--format", "json", "--select", "S")
    data = json.loads(out)
    names = {Path(f["path"]).name for f in data["files"]}
    assert {"000_0ecd264c0f8cb733.txt", "003_5a42b53f278c6e72.txt", "004_1e72024b4a527dac.txt"} <= names
    kinds = {Path(f["path"]).name: f["kind"] for f in data["files"]}
    assert kinds["003_5a42b53f278c6e72.txt"] == "other" and kinds["000_0ecd264c0f8cb733.txt"] == "thong-bao"
