"""`rasoat format` and checker.layout.fix.format_docx: what they write, what they refuse."""
from __future__ import annotations

import pytest

from checker import Options, check_file
from checker.document import load_path
from checker.layout.fix import format_docx

from .conftest import run_cli
from .layoutbuild import notice


def broken() -> bytes:
    """Three fixable layout errors (size, italics, margin) and one that needs a person (alignment)."""
    b = notice().run_format("noi_nhan", size=14).run_format("place_date", italic=False).margins(right=1417)
    return b.para_format("title", align="left").to_bytes()


def codes(path) -> list[str]:
    return sorted(d.code for d in check_file(path, Options(), select=["P"]).diagnostics)


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.docx"
    p.write_bytes(broken())
    return p


def test_format_writes_a_fixed_copy_and_lists_what_is_left(draft, tmp_path):
    out = tmp_path / "draft.fixed.docx"
    code, stdout, err = run_cli("format", draft, "-o", out)
    assert code == 0, err
    assert "đã sửa 3 chỗ trình bày" in stdout and "P810" in stdout  # alignment is left for a person
    assert codes(draft) == ["P802", "P807", "P808", "P810"]
    assert codes(out) == ["P810"]


def test_format_refuses_to_overwrite_without_in_place(draft):
    before = draft.read_bytes()
    code, _out, err = run_cli("format", draft)
    assert code == 2 and "--in-place" in err
    assert draft.read_bytes() == before


def test_format_in_place(draft):
    code, _out, _err = run_cli("format", draft, "--in-place", "--quiet")
    assert code == 0
    assert codes(draft) == ["P810"]
    assert not list(draft.parent.glob(".rasoat-*"))  # the atomic write left no temporary file


def test_format_check_only_reports_without_writing(draft):
    before = draft.read_bytes()
    code, stdout, _err = run_cli("format", draft, "--check")
    assert code == 1 and "3 thay đổi" in stdout
    assert draft.read_bytes() == before


def test_format_select_limits_the_fixes(draft, tmp_path):
    out = tmp_path / "sizes.docx"
    code, _o, _e = run_cli("format", draft, "-o", out, "--select", "P807", "--quiet")
    assert code == 0 and codes(out) == ["P802", "P808", "P810"]


@pytest.mark.parametrize("args,message", [
    (["notes.txt", "-o", "x.docx"], "chỉ sửa tệp .docx"),
    (["missing.docx", "-o", "x.docx"], "Không tìm thấy"),
    (["draft.docx", "-o", "x.docx", "--in-place"], "không dùng cùng nhau"),
    (["draft.docx", "-o", "x.docx", "--select", "Q9"], "không có quy tắc"),
])
def test_format_bad_input_exits_2_with_a_message(draft, tmp_path, args, message, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("THÔNG BÁO", encoding="utf-8")
    code, _out, err = run_cli("format", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_format_refuses_a_damaged_docx(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    code, _out, err = run_cli("format", bad, "-o", tmp_path / "out.docx")
    assert code == 2 and "bad.docx" in err and not (tmp_path / "out.docx").exists()


def test_format_docx_changes_formatting_only():
    raw = broken()
    fixed, n = format_docx(raw)
    assert n == 3
    a, b = load_path("a.docx", data=raw), load_path("b.docx", data=fixed)
    assert a.source.text == b.source.text
    assert format_docx(fixed) == (fixed, 0)
    assert format_docx(raw, select=["S"]) == (raw, 0)  # no layout rule selected: nothing to do


def test_style_level_font_is_fixed_in_the_style():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    b = notice()
    b.doc.styles["Normal"].element.append(
        parse_xml(f'<w:rPr {nsdecls("w")}><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr>'))
    fixed, n = format_docx(b.to_bytes(), select=["P805"])
    assert n == 1  # one change: the style, not every run
    assert check_file("f.docx", Options(), select=["P805"], data=fixed).diagnostics == []
