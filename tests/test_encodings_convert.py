"""`rasoat convert`: a Unicode copy of a legacy-encoded draft; the original is never touched
unless --in-place is asked for; every write is atomic."""
from __future__ import annotations

import unicodedata

import pytest

from checker.encodings import encode_8bit, from_unicode

from .conftest import run_cli

TEXT = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nTHÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh tại phiên họp tháng 8 năm 2021\n\n"
        "1. Sở Y tế chủ trì, phối hợp với UBND các huyện hoàn thành tiêm vắc-xin đợt 3 trước ngày 15/9/2021.\n"
        "2. Sở Kế hoạch và Đầu tư tổng hợp tình hình giải ngân, báo cáo trong tháng 9 năm 2021.\n")


@pytest.mark.parametrize("enc", ["tcvn3", "vni"])
def test_convert_8bit_legacy_text_to_a_unicode_copy(tmp_path, enc):
    src = tmp_path / "draft.txt"
    raw = encode_8bit(from_unicode(TEXT, enc))
    src.write_bytes(raw)
    out = tmp_path / "draft-unicode.txt"
    code, _, err = run_cli("convert", src, "-o", out)
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == TEXT
    assert src.read_bytes() == raw  # the original is untouched
    assert "TCVN3" in err or "VNI" in err
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rasoat-")] == []  # no temporary file left


def test_convert_utf8_text_with_legacy_characters(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_text(from_unicode(TEXT, "tcvn3"), encoding="utf-8")
    out = tmp_path / "out.txt"
    assert run_cli("convert", src, "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == TEXT


def test_convert_recomposes_nfd_and_keeps_bom_and_newlines(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", TEXT).replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "out.txt"
    code, _, err = run_cli("convert", src, "-o", out)
    assert code == 0 and "NFC" in err
    assert out.read_bytes() == b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")


def test_convert_to_stdout_and_in_place(tmp_path):
    src = tmp_path / "draft.txt"
    src.write_bytes(encode_8bit(from_unicode(TEXT, "vni")))
    code, out, _ = run_cli("convert", src, "-o", "-")
    assert code == 0 and out == TEXT
    code, _, err = run_cli("convert", src, "--in-place")
    assert code == 0, err
    assert src.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("args,message", [
    ([], "-o TỆP_MỚI"),
    (["-o", "SAME"], "--in-place"),
    (["--in-place", "-o", "x.txt"], "--in-place"),
    (["--from", "viqr", "-o", "x.txt"], "--from"),
])
def test_convert_refuses_unclear_requests(tmp_path, args, message):
    src = tmp_path / "draft.txt"
    src.write_bytes(encode_8bit(from_unicode(TEXT, "tcvn3")))
    before = src.read_bytes()
    args = [str(src) if a == "SAME" else (str(tmp_path / a) if a.endswith(".txt") else a) for a in args]
    code, _, err = run_cli("convert", src, *args)
    assert code == 2 and message in err and "Traceback" not in err
    assert src.read_bytes() == before


def test_convert_unreadable_input_is_a_clear_error(tmp_path):
    src = tmp_path / "latin1.txt"
    src.write_bytes("Le règlement général a été révisé à l'unanimité.\n".encode("latin-1") * 5)
    code, _, err = run_cli("convert", src, "-o", tmp_path / "out.txt")
    assert code == 2 and "--from" in err and "Traceback" not in err
    assert not (tmp_path / "out.txt").exists()
    code, _, err = run_cli("convert", tmp_path / "missing.txt", "-o", tmp_path / "out.txt")
    assert code == 2 and "Traceback" not in err


def test_convert_forced_encoding(tmp_path):
    src = tmp_path / "short.txt"
    src.write_bytes(encode_8bit(from_unicode("Thông báo", "vni")))
    out = tmp_path / "out.txt"
    assert run_cli("convert", src, "--from", "vni", "-o", out)[0] == 0
    assert out.read_text(encoding="utf-8") == "Thông báo"


def test_convert_docx_runs_in_legacy_fonts(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    p = d.add_paragraph()
    r = p.add_run(from_unicode("THÔNG BÁO", "tcvn3"))
    r.font.name = ".VnTimeH"
    p = d.add_paragraph()
    r = p.add_run(from_unicode("Kết luận của Chủ tịch UBND tỉnh ", "tcvn3"))
    r.font.name = ".VnTime"
    r.bold = True
    r = p.add_run("về công tác phòng cháy rừng")  # already Unicode, Times New Roman
    r.font.name = "Times New Roman"
    cell = d.add_table(rows=1, cols=1).cell(0, 0)
    r = cell.paragraphs[0].add_run(from_unicode("Nơi nhận: Sở Tài chính", "vni"))
    r.font.name = "VNI-Times"
    src = tmp_path / "draft.docx"
    d.save(src)
    before = src.read_bytes()
    out = tmp_path / "unicode.docx"
    code, _, err = run_cli("convert", src, "-o", out)
    assert code == 0, err
    assert src.read_bytes() == before
    conv = docx.Document(out)
    texts = [p.text for p in conv.paragraphs]
    assert texts[:2] == ["THÔNG BÁO", "Kết luận của Chủ tịch UBND tỉnh về công tác phòng cháy rừng"]
    assert conv.tables[0].cell(0, 0).text == "Nơi nhận: Sở Tài chính"
    fonts = {r.font.name for p in conv.paragraphs for r in p.runs} | {
        r.font.name for r in conv.tables[0].cell(0, 0).paragraphs[0].runs}
    assert fonts == {"Times New Roman"}
    assert conv.paragraphs[1].runs[0].bold  # formatting kept
    assert run_cli("convert", src, "-o", "-")[0] == 2  # a .docx does not go to stdout


def test_convert_docx_every_table_cell(tmp_path):
    """Every cell of many tables is converted: visited paragraphs are remembered by element, not by
    an id() that Python reuses once earlier paragraph objects are freed (94 of 200 cells stayed
    in VNI before)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    legacy = from_unicode("ỦY BAN NHÂN DÂN TỈNH KON TUM", "vni")
    for _ in range(50):
        table = d.add_table(rows=2, cols=2)
        for row in table.rows:
            for cell in row.cells:
                r = cell.paragraphs[0].add_run(legacy)
                r.font.name = "VNI-Times"
    src = tmp_path / "tables.docx"
    d.save(src)
    out = tmp_path / "unicode.docx"
    code, _, err = run_cli("convert", src, "-o", out)
    assert code == 0, err
    conv = docx.Document(out)
    cells = [cell for t in conv.tables for row in t.rows for cell in row.cells]
    assert len(cells) == 200
    assert [c.text for c in cells if c.text != "ỦY BAN NHÂN DÂN TỈNH KON TUM"] == []
    assert {r.font.name for c in cells for r in c.paragraphs[0].runs} == {"Times New Roman"}
