"""E908: letters of another script inside Latin words (font and encoding slips), on real documents
and on text known to be clean."""
from __future__ import annotations

from pathlib import Path

import pytest

from checker.fix import apply_edits
from checker.language.scripts import stray_letters

from .conftest import CORPUS, SEEDS, needs_shared, run_file, run_text

SHARED = CORPUS.parent

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 16/TB-UBND\n\nLào Cai, ngày 20 tháng 11 năm 2025\n\n"
        "THÔNG BÁO\nKết luận của Chủ tịch Ủy ban nhân dân tỉnh\n\n")


def e908(line: str):
    return [d for d in run_text(HEAD + "1. " + line + "\n", select=["E908"]) if d.code == "E908"]


@pytest.mark.parametrize("line,word,fix,level", [
    ("Theo văn bản số 16495/BТС-PTHT ngày 22/10/2025.", "BТС", "BTC", "error"),  # Cyrillic Т, С
    ("Сông văn số 12/UBND-KT.", "Сông", "Công", "error"),  # Cyrillic С
    ("Ｓở Tài chính chủ trì.", "Ｓở", "Sở", "error"),  # fullwidth S
    ("Ɖoàn kiểm tra của tỉnh.", "Ɖoàn", "Đoàn", "error"),  # African D for Đ
    ("Báo cáo định kǶ hằng tháng.", "kǶ", None, "warning"),  # Latin Extended-B: retype
])
def test_stray_letters_are_found_with_a_safe_fix_when_the_letter_is_a_look_alike(line, word, fix, level):
    ds = e908(line)
    assert [(d.context, d.suggestion, d.severity) for d in ds] == [(word, fix, level)]
    if fix:
        assert ds[0].fix.safe
        fixed = apply_edits(HEAD + "1. " + line + "\n", ds[0].fix.edits)
        assert fix in fixed and word not in fixed


@pytest.mark.parametrize("line", [
    "Hệ số α = 0,5; góc β; mẫu Ф-1 của đối tác.",  # whole words in Greek or Cyrillic
    "Đồng chí Y Thanh Hà Niê Kđăm, xã Ea H'leo, Đắkʼ Mil.",  # names, modifier apostrophe
    "Viêm da női cục trâu, bò.",  # a European accented letter: a typing slip, L702's
    "Ơn nghĩa, ưu tiên, hoà và hòa đều đúng.",  # ơ, ư are Vietnamese
    "Hàm lượng 5 µg/kg, hạt 10 μm, điện trở 2 kΩ.",  # units with a micro or Greek prefix
])
def test_no_finding_on_text_with_no_stray_letter(line):
    assert e908(line) == []


def test_stray_letters_ignores_words_without_latin_letters():
    assert stray_letters("Москва") == [] and stray_letters("αβγ") == []
    assert stray_letters("BТС") == [1, 2]


@needs_shared
def test_on_every_shared_document_only_the_two_real_slips():
    files = sorted(CORPUS.rglob("*.txt")) + sorted(SEEDS.glob("*.txt")) + sorted((SHARED / "regs").rglob("*.md"))
    got = set()
    for f in files:
        for d in run_file(f, select=["E908"]).diagnostics:
            got.add((f.name[:6], d.line, d.context))
    assert got == {("013_cv", 255, "kǶ"), ("018_cd", 60, "BТС")}
