"""One pipeline: the library API, `rasoat check`, `rasoat tasks`, `rasoat citations` and the fixer
judge a file the same way (configuration, per-file ignores, inline suppressions)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT, SEEDS, needs_shared, run_cli

FIXTURES_S108 = FIXTURES / "rules" / "S108"

DRAFT = """Các sở, ngành phải phân đấu hoàn thành kế hoạch. <!-- rasoat: ignore L701 -->
Tránh lãnh phí trong mua sắm công.
"""


def _codes_lines(diags):
    return sorted((d.code, d.line, d.column) for d in diags)


def _cli_findings(path, *args):
    code, out, err = run_cli("check", path, "--format", "json", *args)
    assert code in (0, 1), err
    data = json.loads(out)
    return sorted((d["code"], d["line"], d["column"]) for f in data["files"] for d in f["diagnostics"])


def test_api_applies_inline_suppressions_like_the_cli(tmp_path):
    from checker import check_file, check_text

    f = tmp_path / "du-thao.txt"
    f.write_text(DRAFT, encoding="utf-8")
    api = check_file(f, select=["L701"]).diagnostics
    assert [(d.code, d.line) for d in api] == [("L701", 2)]  # line 1 is suppressed, line 2 is not
    assert _codes_lines(api) == _cli_findings(f, "--select", "L701")
    assert _codes_lines(check_text(DRAFT, path=str(f), select=["L701"]).diagnostics) == _codes_lines(api)


def test_api_applies_configuration_and_per_file_ignores(tmp_path):
    from checker import check_file

    (tmp_path / "rasoat.toml").write_text('[per-file-ignores]\n"cu/*.txt" = ["L701"]\n', encoding="utf-8")
    (tmp_path / "cu").mkdir()
    old = tmp_path / "cu" / "a.txt"
    new = tmp_path / "b.txt"
    for f in (old, new):
        f.write_text("Tránh lãnh phí trong mua sắm công.\n", encoding="utf-8")
    assert check_file(old, select=["L7"]).diagnostics == []
    assert [d.code for d in check_file(new, select=["L7"]).diagnostics] == ["L701"]
    assert _cli_findings(old, "--select", "L7") == []


def test_api_with_an_explicit_configuration(tmp_path):
    from checker import check_file

    cfg = tmp_path / "other.toml"
    cfg.write_text('ignore = ["L701"]\n', encoding="utf-8")
    f = tmp_path / "x.txt"
    f.write_text("Tránh lãnh phí trong mua sắm công.\n", encoding="utf-8")
    assert check_file(f, select=["L7"], config=str(cfg)).diagnostics == []


def test_a_bad_configuration_is_an_error_for_the_api_too(tmp_path):
    from checker import check_file
    from checker.errors import ConfigError

    (tmp_path / "rasoat.toml").write_text('stage = "final"\n', encoding="utf-8")
    f = tmp_path / "x.txt"
    f.write_text("THÔNG BÁO\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="stage"):
        check_file(f)


@needs_shared
@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
def test_api_equals_cli_on_the_seeds(name):
    from checker import check_file

    path = SEEDS / name
    assert _codes_lines(check_file(path).diagnostics) == _cli_findings(path)


def test_citations_command_honours_suppressions(tmp_path):
    f = tmp_path / "cv.txt"
    f.write_text("Căn cứ Nghị định số 30/2020/ND-CP của Chính phủ. <!-- rasoat: ignore C5 -->\n", encoding="utf-8")
    code, out, err = run_cli("citations", f, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["files"][0]["citations"]
    assert rows and all(r["findings"] == [] for r in rows)
    f.write_text("Căn cứ Nghị định số 30/2020/ND-CP của Chính phủ.\n", encoding="utf-8")
    code, out, err = run_cli("citations", f, "--format", "json")
    assert any(r["findings"] for r in json.loads(out)["files"][0]["citations"])


def test_fix_rechecks_with_the_same_suppressions(tmp_path):
    """--fix re-checks the edited text with the file's own plan: a suppressed finding is neither
    fixed nor reported afterwards."""
    f = tmp_path / "du-thao.txt"
    f.write_text(DRAFT, encoding="utf-8")
    code, out, err = run_cli("check", f, "--select", "L701", "--fix", "--format", "json")
    text = f.read_text(encoding="utf-8")
    assert "phân đấu" in text  # suppressed: left alone
    assert "lãng phí" in text and "lãnh phí" not in text
    assert json.loads(out)["files"][0]["diagnostics"] == []


def _write_drafts(root):
    (root / "du-thao").mkdir()
    f = root / "du-thao" / "a.txt"
    f.write_text("Tránh lãnh phí trong mua sắm công.\nCác sở phải phân đấu hoàn thành.\n", encoding="utf-8")
    return f


def test_baseline_serves_runs_from_any_folder(tmp_path, monkeypatch):
    f = _write_drafts(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli("baseline", "du-thao", "--select", "L701")
    assert code == 0, err
    assert (tmp_path / ".rasoat-baseline.json").is_file()
    monkeypatch.chdir(tmp_path / "du-thao")
    code, out, err = run_cli("check", ".", "--select", "L701", "--baseline", "../.rasoat-baseline.json", "--format", "json")
    assert code == 0, err
    assert [d for fr in json.loads(out)["files"] for d in fr["diagnostics"]] == []
    # an edit above the findings moves their lines: they stay baselined; a new one is reported
    f.write_text("Dòng mới ở đầu.\n\n" + f.read_text(encoding="utf-8") + "Không được lãnh phí.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli("check", "du-thao", "--select", "L701", "--baseline", ".rasoat-baseline.json", "--format", "json")
    new = [d for fr in json.loads(out)["files"] for d in fr["diagnostics"]]
    assert [(d["code"], d["line"]) for d in new] == [("L701", 5)]


# --- suppressions and codes are validated the same way everywhere ------------------------------

@pytest.mark.parametrize("directive", [
    "<!-- rasoat: ignroe L701 -->",          # misspelt kind
    "<!-- rasoat ignore L701 -->",           # no colon
    "<!-- rasoat: ignore X999 -->",          # no such rule
    "<!-- rasoat: ignore-file Q1 -->",       # no such rule, whole file
])
def test_a_broken_suppression_is_reported(tmp_path, directive):
    f = tmp_path / "x.txt"
    f.write_text(f"Tránh lãnh phí trong mua sắm công. {directive}\n", encoding="utf-8")
    code, out, err = run_cli("check", f, "--format", "json", "--select", "L701,E905")
    diags = [(d["code"], d["line"]) for fr in json.loads(out)["files"] for d in fr["diagnostics"]]
    assert ("E905", 1) in diags and ("L701", 1) in diags


def test_a_good_suppression_is_silent(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Tránh lãnh phí trong mua sắm công. <!-- rasoat: ignore L701 -->\n", encoding="utf-8")
    code, out, err = run_cli("check", f, "--format", "json", "--select", "L701,E905")
    assert [d for fr in json.loads(out)["files"] for d in fr["diagnostics"]] == []


@pytest.mark.parametrize("body", ['ignore = ["Q1"]', 'select = ["S1", "ZZ"]', '[per-file-ignores]\n"*.txt" = ["X9"]'])
def test_unknown_codes_in_configuration_are_errors_like_on_the_command_line(tmp_path, body):
    (tmp_path / "rasoat.toml").write_text(body + "\n", encoding="utf-8")
    f = tmp_path / "x.txt"
    f.write_text("THÔNG BÁO\n", encoding="utf-8")
    code, out, err = run_cli("check", f)
    assert code == 2 and "rasoat.toml" in err and "không tồn tại" in err and "Traceback" not in err
    assert run_cli("check", f, "--ignore", "Q1", "--config", str(tmp_path / "none.toml"))[0] == 2


@pytest.mark.parametrize("command", ["baseline", "annotate"])
def test_shared_options_have_help_and_are_validated(command, tmp_path):
    code, out, _ = run_cli(command, "--help")
    assert code == 0
    for opt in ("--select", "--ignore", "--stage", "--config"):
        line = next(ln for ln in out.splitlines() if opt in ln)
        assert len(line.split(opt, 1)[1].strip()) > 10, line  # a help text follows the option
    target = tmp_path / ("x.docx" if command == "annotate" else "x.txt")
    target.write_bytes(b"")
    code, _, err = run_cli(command, target, "--ignore", "Q1")
    assert code == 2 and "Q1" in err


# --- JUnit follows --fail-on and --lang --------------------------------------------------------

def _junit(path, *args):
    import xml.etree.ElementTree as ET

    code, out, err = run_cli("check", path, "--format", "junit", *args)
    return code, ET.fromstring(out).find("testsuite")


def test_junit_failures_follow_fail_on(tmp_path):
    f = tmp_path / "x.txt"
    f.write_text("Tránh lãnh phí trong mua sắm công.\n", encoding="utf-8")  # one warning (L701)
    code, suite = _junit(f, "--select", "L701")
    assert code == 0 and suite.get("failures") == "0"
    assert "L701" in suite.find("testcase").find("system-out").text
    code, suite = _junit(f, "--select", "L701", "--fail-on", "warning")
    assert code == 1 and suite.get("failures") == "1"
    msg = suite.find("testcase").find("failure").get("message")
    assert msg.startswith("1 phát hiện; đầu tiên: L701")
    code, suite = _junit(f, "--select", "L701", "--fail-on", "warning", "--lang", "en")
    assert suite.find("testcase").find("failure").get("message").startswith("1 findings; first: L701")


def test_markdown_notes_in_a_folder_are_skipped_and_counted(tmp_path):
    (tmp_path / "README.md").write_text("# Dự thảo\n\nThư mục này chứa các dự thảo thông báo.\n", encoding="utf-8")
    (tmp_path / "SOURCES.md").write_text("- 001: nguồn, ngày tải\n", encoding="utf-8")
    draft = tmp_path / "du-thao.md"
    draft.write_text((FIXTURES_S108 / "good.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run_cli("check", tmp_path, "--format", "json")
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["du-thao.md"]
    assert "bỏ qua 2 tệp Markdown" in err and "README.md" in err
    code, out, err = run_cli("check", tmp_path / "README.md", "--format", "json")  # named: checked
    assert [Path(f["path"]).name for f in json.loads(out)["files"]] == ["README.md"]


@needs_shared
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_streamed_output_equals_the_whole_report(fmt):
    """check writes text and JSON file by file (memory bounded by the largest document); the
    output is the same text the reporter gives for all the results at once."""
    from checker import check_file
    from checker.report import get_reporter

    paths = sorted(SEEDS.glob("*.txt"))
    code, out, err = run_cli("check", *paths, "--format", fmt, "-j", "1")
    results = [check_file(p) for p in paths]
    for r, p in zip(results, paths):
        r.path = str(p)
        for d in r.diagnostics:
            d.path = str(p)
    assert out == get_reporter(fmt)(results, lang="vi")


@pytest.mark.parametrize("sep", ["\x85", "\u2028", "\u2029", "\x1c"])
def test_streamed_json_keeps_unicode_line_separators_inside_strings(tmp_path, sep):
    """json.dumps leaves U+0085, U+2028 … unescaped in strings: the streamed JSON must not cut
    a finding's text there (found by the random-Unicode property test)."""
    f = tmp_path / "x.txt"
    f.write_text(f"Ö{sep}ë\nTránh lãnh phí{sep}trong mua sắm.\n", encoding="utf-8")
    code, out, err = run_cli("check", f, "--format", "json")
    assert code in (0, 1), err
    json.loads(out)


def test_checking_from_a_program_never_freezes_the_programs_objects():
    """gc.freeze() would keep an embedding program's garbage alive for good: only the rasoat
    command (a process of its own) freezes its set-up after the first check."""
    import subprocess

    code = ("import gc, checker\n"
            "junk = [[] for _ in range(3)]\n"
            "before = gc.get_freeze_count()\n"  # (not 0 on every Python: 3.12 freezes some of its own)
            "checker.check_text('THÔNG BÁO\\n\\n1. Sở Tư pháp rà soát quy chế.', path='a.txt')\n"
            "print(before, gc.get_freeze_count())\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    before, after = out.stdout.split()
    assert after == before
