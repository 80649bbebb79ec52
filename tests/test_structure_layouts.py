"""Layouts that used to give wrong or repeated structure findings: a summary set on several
lines, a component out of place on several consecutive lines, columns interleaved by a PDF
extraction (S112 said once), and where S113 points."""
from __future__ import annotations

from checker.document import load_text

from .conftest import run_text
from .test_signature_blocks import UBND, notice

BASE = notice(UBND, "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn Sơn")
SUMMARY = "Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng cháy, chữa cháy rừng"


def structure(text):
    lines = text.split("\n")
    return [(d.code, lines[d.line - 1].strip()[:30]) for d in run_text(text, select=["S", "F"])]


def test_the_base_notice_is_right():
    assert structure(BASE) == []


def test_a_summary_on_several_lines_is_one_summary():
    for a, b in [("KẾT LUẬN CỦA PHÓ CHỦ TỊCH UBND TỈNH", "TẠI CUỘC HỌP VỀ CÔNG TÁC PHÒNG CHÁY, CHỮA CHÁY RỪNG"),
                 ("Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp", "về công tác phòng cháy, chữa cháy rừng")]:
        text = BASE.replace(SUMMARY, a + "\n\n" + b)
        doc = load_text(text)
        assert doc.component("opening")[0].text.startswith("Ngày 08/3/2024")
        assert structure(text) == []


def test_a_missing_opening_is_reported_at_the_first_conclusion_not_in_the_title():
    text = BASE.replace("Ngày 08/3/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp về công tác phòng cháy, chữa cháy rừng. "
                        "Phó Chủ tịch UBND tỉnh kết luận như sau:\n\n", "")
    assert structure(text) == [("S113", "1. Sở Nông nghiệp và Phát triể")]


def test_a_misplaced_component_is_one_finding():
    text = BASE.replace("Số: 86/TB-UBND\n", "").replace("THÔNG BÁO\n", "THÔNG BÁO\nSố: 86/TB-UBND\n")
    assert structure(text) == [("S112", "Số: 86/TB-UBND")]


def test_interleaved_columns_are_said_once():
    # a PDF extraction read the Nơi nhận column and the signature column line by line in turn:
    # every component is still found, and the layout is mentioned once, at info level
    text = BASE.replace(RECIPIENTS_AND_BLOCK, INTERLEAVED)
    doc = load_text(text)
    assert [p.text for p in doc.component("recipient")] == ["- Như trên;", "- Chủ tịch, các PCT UBND tỉnh;"]
    assert [p.text for p in doc.component("luu")] == ["- Lưu: VT, KTTH."]
    assert doc.paragraphs[doc.structure.first("signer")].text == "Nguyễn Văn Sơn"
    diags = run_text(text, select=["S", "F"])
    assert [(d.code, d.severity) for d in diags] == [("S112", "info")]


def test_a_dropped_luu_line_is_found_in_the_interleaved_layout():
    text = BASE.replace(RECIPIENTS_AND_BLOCK, INTERLEAVED.replace("- Lưu: VT, KTTH.\n", ""))
    assert [d.code for d in run_text(text, select=["S109"])] == ["S109"]


RECIPIENTS_AND_BLOCK = """Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KTTH.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn Sơn"""
INTERLEAVED = """Nơi nhận:
TM. ỦY BAN NHÂN DÂN
- Như trên;
CHỦ TỊCH
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, KTTH.
Nguyễn Văn Sơn"""
