"""Patterns written for speed find what their plain forms find.

symbols_in() tries SYMBOL_RE only where a number followed by a dash or a slash starts; LAW_RE has
its look-behind after each name's first letter; owners.clauses() finds the end of a sentence from
its ".", "!" or "?"; find_dates() tries DATE_RE only at a digit or at the first letter of "ngày",
"năm", "tháng", "quý". Each must give exactly the matches (spans, groups) or the clauses of the plain
form, on every paragraph of the real documents and on generated text.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import rx as re
from checker.document import load_path
from checker.extract.citations import LAW_RE, SYMBOL_RE, symbols_in
from checker.extract.dates import DATE_RE, _date_matches, find_dates
from checker.extract.owners import _SHORT_PARENS, clauses

from .conftest import SHARED, needs_shared

# LAW_RE as first written: the look-behind first, tried at every position
PLAIN_LAW = re.compile(r"(?<![\p{L}])(?P<type>Bộ luật|Luật|Pháp lệnh|Hiến pháp)(?=[ \t]+\p{Lu}|[ \t]+năm[ \t]+\d)")

PLAIN_CLAUSE = re.compile(r"(?<=[.!?])\s+(?=\S)|[;:()]")


def _plain_clauses(text: str) -> list[tuple[int, int]]:
    masked = _SHORT_PARENS.sub(lambda m: " " * len(m.group()), text) if "(" in text else text
    out, start = [], 0
    for m in PLAIN_CLAUSE.finditer(masked):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def _sig(matches):
    return [(m.span(), m.groupdict(), m.lastindex) for m in matches]


def _same(text: str) -> None:
    assert _sig(symbols_in(text)) == _sig(SYMBOL_RE.finditer(text)), text
    assert _sig(LAW_RE.finditer(text)) == _sig(PLAIN_LAW.finditer(text)), text
    assert clauses(text) == _plain_clauses(text), text
    assert _sig(_date_matches(text)) == _sig(DATE_RE.finditer(text)), text


def test_examples():
    text = ("Căn cứ Luật Tổ chức chính quyền địa phương năm 2015; Nghị định số 30/2020/NĐ-CP, "
            "Quyết định 12 /QĐ-UBND, 2490/QĐ- BNN, 1.234/UBND-VX; 15/2020, 5-KH/TU, x12/QĐ, "
            "a-12/QĐ-UB, Hiến pháp năm 2013, kỷ luật, Bộ luật Hình sự, Pháp lệnh Dân số; PLuật Mới")
    found = [m.group() for m in symbols_in(text)]
    assert found == [m.group() for m in SYMBOL_RE.finditer(text)]
    assert "30/2020/NĐ-CP" in found and "5-KH/TU" in found and "12 /QĐ-UBND" in found
    assert [m.group("type") for m in LAW_RE.finditer(text)] == ["Luật", "Hiến pháp", "Bộ luật", "Pháp lệnh"]
    _same(text)
    text = "Giao Sở Tài chính (STC) chủ trì.  Báo cáo UBND tỉnh; xong trước 15/8: Sở Nội vụ (1) phối hợp! Xong?"
    assert [text[a:b] for a, b in clauses(text)] == [
        "Giao Sở Tài chính (STC) chủ trì.", "Báo cáo UBND tỉnh", " xong trước 15/8", " Sở Nội vụ ", "1",
        " phối hợp!", "Xong?"]
    text = ("Ngày 05/9/2020, NGÀY 15 THÁNG 8 NĂM 2021; Quý II/2024, QUÝ 3 năm 2024, quy 2/2025, tháng 9/2020, "
            "x12/5, 1.5/6, năm 2025")
    assert [d.text for d in find_dates(text)] == [m.group() for m in DATE_RE.finditer(text)] == [
        "05/9/2020", "NGÀY 15 THÁNG 8 NĂM 2021", "Quý II/2024", "QUÝ 3 năm 2024", "quy 2/2025", "tháng 9/2020",
        "năm 2025"]
    _same(text)


@needs_shared
def test_every_real_paragraph():
    paths = sorted(p for d in ("seeds", "corpus", "gold") for p in (SHARED / d).rglob("*.txt"))
    assert paths
    n = 0
    for p in paths:
        for para in load_path(str(p)).paragraphs:
            _same(para.text)
            n += 1
    assert n > 1000


PIECES = ["ngày ", "NGÀY ", "Năm ", "tháng ", "THÁNG ", "quý ", "Quy ", "II", "IV", "n", "T", "q", "!", "?", ";", ":", "(", ")", "(VTV)", "(1)", "\u00a0", "x.", "0", "1", "12", "2020", "123456", "1234567", "1.5", ".", "/", "-", "–", "—", "_", "\\", " ", "\t", "\n",
          "&", "QĐ", "UBND", "NĐ-CP", "KH", "TU", "đ", "a", "B", "Ⅳ", "٣", "𝟙", "ộ", "Luật", "luật", "Bộ luật",
          "Pháp lệnh", "Hiến pháp", "năm", " năm 2015", "Đất", "PLuật", "số "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_generated_text(pieces):
    _same("".join(pieces))
