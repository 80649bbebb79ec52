"""`rasoat citations`: table, JSON and CSV output, and bad input."""
from __future__ import annotations

import csv
import io
import json

from .conftest import SEEDS, needs_shared, run_cli

DRAFT = """THÔNG BÁO

Kết luận của Chủ tịch UBND huyện tại phiên họp tháng 8 năm 2020

Ngày 31/8/2020, UBND huyện tổ chức phiên họp. Chủ tịch UBND huyện kết luận như sau:

1. Phòng Nội vụ hướng dẫn thực hiện hợp đồng theo Nghị định 68, xong trong tháng 9/2020.

2. Phòng Tài chính thực hiện Nghị quyết số 12/2020/NQ-HĐND ngày 10/7/2020 của HĐND tỉnh về hỗ trợ; Nghị quyết số 12/2020/NQ-HĐND được thực hiện từ tháng 9/2020.
"""


def _write(tmp_path, text=DRAFT, name="draft.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_table_lists_each_citation_with_first_and_findings(tmp_path):
    code, out, err = run_cli("citations", _write(tmp_path))
    assert code == 0, err
    assert "3 trích dẫn" in out
    assert "Nghị định" in out and "12/2020/NQ-HĐND" in out
    assert "C505" in out  # "Nghị định 68" is incomplete
    assert "→ " in out  # the repeated resolution points to its first line


def test_json_rows_have_parts_spans_first_and_findings(tmp_path):
    code, out, _ = run_cli("citations", _write(tmp_path), "--format", "json")
    assert code == 0
    rows = json.loads(out)["files"][0]["citations"]
    assert [r["type"] for r in rows] == ["Nghị định", "Nghị quyết", "Nghị quyết"]
    first, full, again = rows
    assert first["number"] == "68" and first["symbol"] is None and [f["code"] for f in first["findings"]] == ["C505"]
    assert full["symbol"] == "12/2020/NQ-HĐND" and full["year"] == 2020 and full["type_code"] == "NQ"
    assert full["issuer_codes"] == ["HĐND"] and full["date"] == "2020-07-10" and full["issuer"] == "HĐND tỉnh"
    assert full["trich_yeu"] == "về hỗ trợ" and full["first"] is True and full["findings"] == []
    assert again["first"] is False and again["first_line"] == full["line"]
    assert full["line"] == 9 and full["column"] > 1 and full["end_line"] == 9


def test_csv_is_utf8_with_bom(tmp_path):
    p = _write(tmp_path)
    out_file = tmp_path / "c.csv"
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "checker", "citations", str(p), "--format", "csv"],
                         capture_output=True, timeout=120)
    assert res.returncode == 0, res.stderr.decode()
    out_file.write_bytes(res.stdout)
    raw = out_file.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    # Vietnamese headers for a clerk's Excel (English field names with --lang en)
    assert len(rows) == 3 and rows[1]["ký hiệu"] == "12/2020/NQ-HĐND" and rows[0]["phát hiện"] == "C505"
    assert not any("_" in h for h in rows[0])
    res = subprocess.run([sys.executable, "-m", "checker", "citations", str(p), "--format", "csv", "--lang", "en"],
                         capture_output=True, timeout=120)
    rows = list(csv.DictReader(io.StringIO(res.stdout.decode("utf-8-sig"))))
    assert rows[1]["symbol"] == "12/2020/NQ-HĐND" and rows[0]["findings"] == "C505"


def test_bad_input_exits_2_with_a_message(tmp_path):
    code, out, err = run_cli("citations", tmp_path / "missing.txt")
    assert code == 2 and "không tìm thấy" in err
    code, out, err = run_cli("citations", _write(tmp_path), "--format", "xml")
    assert code == 2 and "--format" in err and "Traceback" not in err


@needs_shared
def test_seeds_folder(tmp_path):
    code, out, _ = run_cli("citations", SEEDS, "--format", "json")
    assert code == 0
    files = {f["path"].split("/")[-1][:3]: f["citations"] for f in json.loads(out)["files"]}
    assert {"000", "001", "002", "003", "004"} <= set(files)  # (EXPECTED.md is read too)
    assert any(r["symbol"] == "472-KL/TU" and not r["findings"] for r in files["001"])
