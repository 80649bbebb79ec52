"""Numbering (F601–F604): gaps, duplicates, mixed styles and restarts, read from the outline;
the header date's leading zeros."""
from __future__ import annotations

import pytest

from .conftest import CORPUS, SEEDS, needs_shared, run_file, run_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 86/TB-UBND
Hà Giang, ngày 12 tháng 3 năm 2024

THÔNG BÁO

Kết luận của Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác phòng cháy, chữa cháy rừng

Ngày 08/3/2024, Phó Chủ tịch UBND tỉnh chủ trì cuộc họp. Phó Chủ tịch UBND tỉnh kết luận như sau:

"""
TAIL = """

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Hoàng Văn Bình
"""
TASK = "Sở Nông nghiệp và Phát triển nông thôn thực hiện, báo cáo trước ngày 25/3/2024."


def body(*markers: str) -> str:
    return HEAD + "\n\n".join(f"{m} {TASK}" for m in markers) + TAIL


def found(text: str, select=("F601", "F602", "F603")):
    """[(code, severity, the marker of the paragraph, suggestion)] in order."""
    out = []
    for d in run_text(text, select=list(select)):
        out.append((d.code, d.severity, d.context, d.suggestion))
    return out


CASES = [
    # (markers in order, expected findings (code, severity, marker reported, suggestion))
    (["1.", "2.", "3."], []),
    (["1.", "2.", "4."], [("F601", "warning", "4.", "3.")]),
    (["I.", "II.", "IV."], [("F601", "warning", "IV.", "III.")]),
    (["1.", "(1)", "(2)", "(4)", "2."], [("F601", "warning", "(4)", "(3)")]),
    (["2.", "3."], [("F601", "warning", "2.", "1.")]),
    (["1.", "2.", "2."], [("F602", "warning", "2.", "3.")]),
    (["1.", "2.", "2.", "3."], [("F602", "warning", "2.", "3.")]),  # reported once: "3." goes on after it
    # one misnumbered item is one finding, at every depth and in every style
    (["1.", "3.", "3.", "4."], [("F601", "warning", "3.", "2.")]),  # the first "3." is the missing "2."
    (["1.", "2.", "2.", "4."], [("F602", "warning", "2.", "3.")]),  # the second "2." is the missing "3."
    (["I.", "1.", "1.1.", "1.3.", "1.3.", "1.4.", "II."], [("F601", "warning", "1.3.", "1.2.")]),
    (["1.", "a)", "b)", "b)", "d)", "2."], [("F602", "warning", "b)", "c)")]),
    (["1.", "(1)", "(2)", "(2)", "(4)", "2."], [("F602", "warning", "(2)", "(3)")]),
    (["1.", "(i)", "(ii)", "(iv)", "(iv)", "(v)", "2."], [("F601", "warning", "(iv)", "(iii)")]),
    (["I.", "II.", "II.", "IV."], [("F602", "warning", "II.", "III.")]),
    (["1.", "1.1.", "1.1.1.", "1.1.2.", "1.1.2.", "1.1.3.", "2."], [("F602", "warning", "1.1.2.", "1.1.3.")]),
    # Vietnamese letter order: a b c d đ e g h …
    (["1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "2."], []),
    (["1.", "a)", "b)", "c)", "d)", "đ)", "g)", "2."], [("F601", "warning", "g)", "e)")]),
    # a Latin list used consistently is accepted
    (["1.", "a)", "b)", "c)", "d)", "e)", "f)", "g)", "2."], []),
    # neither order shows: "d) → e)" is reported at info level only
    (["1.", "a)", "b)", "c)", "d)", "e)", "2."], [("F601", "info", "e)", "đ)")]),
    (["1.", "a)", "b)", "c)", "d)", "e)", "e)", "2."], [("F601", "info", "e)", "đ)"), ("F602", "warning", "e)", "g)")]),
    # restarts and mixed styles
    (["1.", "2.", "3.", "1."], [("F603", "warning", "1.", "4.")]),
    (["1.", "a)", "b)", "3)", "d)", "2."], [("F603", "warning", "3)", "c)")]),
    (["1.", "a)", "b)", "(c)", "d)", "2."], [("F603", "warning", "(c)", "c)")]),
    (["1.", "1.1.", "1.2.", "2.", "2.1.", "1.3."], [("F603", "warning", "1.3.", "2.2.")]),
    (["1.", "1.1.", "1.2.", "2.", "1.3."], [("F603", "warning", "1.3.", "2.1.")]),
    # bullets carry no numbers; a new list under another parent starts again
    (["1.", "-", "-", "2.", "-", "+", "+", "3."], []),
    (["1.", "a)", "b)", "2.", "a)", "b)", "c)"], []),
]


@pytest.mark.parametrize("markers,expected", CASES, ids=[" ".join(m) for m, _ in CASES])
def test_numbering_cases(markers, expected):
    assert found(body(*markers)) == expected


def test_mixed_vietnamese_and_latin_letters_follow_the_vietnamese_order():
    # đ) shows the Vietnamese order; then f) is not a letter of it: g) is what follows e)
    got = found(body("1.", "a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)", "2."))
    assert got == []


def test_inline_enumeration_cut_by_a_hard_wrap_is_not_a_gap():
    text = HEAD + ("1. Đề nghị Sở Tài chính: (1) rà soát kinh phí; (2) bố trí vốn;\n(3) hướng dẫn các huyện thực hiện, "
                   "báo cáo trước ngày 25/3/2024.\n\n2. " + TASK) + TAIL
    assert found(text) == []


def test_label_only_paragraphs_of_a_flattened_table_are_not_items():
    table = "\n\n".join(["STT", "Nội dung", "1.", "Rà soát phương án", "2.", "Báo cáo kết quả"])
    text = HEAD + "1. " + TASK + "\n\n2. " + TASK + "\n\n" + table + TAIL
    assert found(text) == []


def test_numbering_rules_run_on_notices_only():
    text = body("1.", "2.", "4.").replace("THÔNG BÁO", "KẾ HOẠCH").replace("TB-UBND", "KH-UBND")
    assert found(text) == []


# ---------------------------------------------------------------- F604

@pytest.mark.parametrize("date,expected", [
    ("ngày 12 tháng 3 năm 2024", []),
    ("ngày 05 tháng 9 năm 2024", []),
    ("ngày 15 tháng 01 năm 2025", []),
    ("ngày 5 tháng 9 năm 2024", [("5", "05")]),
    ("ngày 15 tháng 1 năm 2025", [("1", "01")]),
    ("ngày 8 tháng 2 năm 2025", [("8", "08"), ("2", "02")]),
    ("ngày 31 tháng 12 năm 2024", []),
    ("ngày    tháng    năm 2024", []),  # blank in a draft: S104's business
    ("ngày 31 tháng 2 năm 2024", []),  # impossible: S104
])
def test_f604_leading_zeros(date, expected):
    text = HEAD.replace("ngày 12 tháng 3 năm 2024", date) + "1. " + TASK + TAIL
    diags = run_text(text, select=["F604"])
    assert [(d.context, d.suggestion) for d in diags] == expected
    assert all(d.fix and d.fix.safe for d in diags)
    # S104 keeps missing/blank/malformed/impossible dates and leaves the zeros to F604
    assert not [d for d in run_text(text, select=["S104"]) if "số 0" in d.message.vi]


def test_f604_fix_writes_the_zero():
    from checker.fix import apply_edits

    text = HEAD.replace("ngày 12 tháng 3 năm 2024", "ngày 8 tháng 2 năm 2025") + "1. " + TASK + TAIL
    edits = [e for d in run_text(text, select=["F604"]) for e in d.fix.edits]
    assert "ngày 08 tháng 02 năm 2025" in apply_edits(text, edits)


# ---------------------------------------------------------------- real documents

def numbering_findings(path):
    res = run_file(path, select=["F6"])
    return [(d.line, d.code, d.severity, d.suggestion) for d in res.diagnostics]


@needs_shared
def test_seed_004_numbering():
    got = numbering_findings(SEEDS / "004_1e72024b4a527dac.txt")
    assert got == [
        (27, "F601", "warning", "(6)"),  # (1)…(5) then (7)
        (137, "F601", "info", "đ)"),  # d) → e) skips đ) (or a Latin list)
        (143, "F602", "warning", "g)"),  # e) twice: the second is g)
    ]


@needs_shared
@pytest.mark.parametrize("name", ["000_0ecd264c0f8cb733.txt", "001_97c29a3822b1a2b7.txt", "002_b75f6995bec0e83d.txt"])
def test_seeds_with_correct_numbering(name):
    assert numbering_findings(SEEDS / name) == []


@needs_shared
def test_corpus_notices_numbering_findings_are_the_real_ones():
    # 002's Phụ lục II (a task table flattened one cell per line) numbers its rows 19, 22, 20, 21
    # (line 1149) and 36, 37, 37, 39 (line 1443): the two defects of its gold annotation
    for f in sorted((CORPUS / "notices").glob("*.txt")):
        want = [(1149, "F601", "warning", "20"), (1443, "F602", "warning", "38")] if f.name.startswith("002_") else []
        assert numbering_findings(f) == want, f.name


# ---------------------------------------------------------------- rows of task tables in annexes

ANNEX_HEAD = "\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Thông báo số 86/TB-UBND ngày 12/3/2024)\nSTT\nNhiệm vụ\nCơ quan chủ trì\nThời hạn\n"
OWNERS = ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế", "Công an tỉnh", "Sở Nội vụ"]


def annex(rows, one_line_per_cell=True, extra=()) -> str:
    """A notice followed by a task table flattened by a PDF extraction: one cell per line."""
    out = []
    for k, n in enumerate(rows):
        cells = [n, f"Hoàn thiện hồ sơ nhiệm vụ số {k + 1} theo kết luận", OWNERS[k % 5], "31/12/2024", *extra]
        out.append("\n".join(cells) if one_line_per_cell else " ".join(cells))
    return body("1.", "2.") + ANNEX_HEAD + "\n".join(out) + "\n"


def row_findings(text):
    return [(d.code, d.context, d.suggestion) for d in run_text(text, select=["F601", "F602", "F603"])]


ROW_CASES = [
    ([str(k) for k in range(1, 9)], []),
    (["1", "2", "3", "4", "7", "5", "6", "7", "8"], [("F601", "7", "5")]),  # a stray number where 5 was due
    (["1", "2", "3", "4", "4", "6", "7", "8"], [("F602", "4", "5")]),  # 4 twice, 5 skipped: one finding
    (["1", "2", "3", "4", "5", "5", "6", "7"], [("F602", "5", "6")]),  # 5 twice, the rest follows the first
    (["1", "2", "3", "4", "6", "7", "8", "9"], [("F601", "6", "5")]),  # 5 missing
    (["1.", "2.", "3.", "5.", "6.", "7."], [("F601", "5.", "4")]),  # "1." style rows
    # two tables, each numbered from 1
    (["1", "2", "3", "4", "5", "6", "1", "2", "3", "4", "5", "6"], []),
    # too few rows, or not numbered 1, 2, 3 …: not read as a column of row numbers
    (["1", "2", "4"], []),
    (["1", "5", "9", "13", "2", "7"], []),
]


@pytest.mark.parametrize("rows,expected", ROW_CASES, ids=[" ".join(r) for r, _ in ROW_CASES])
def test_task_table_row_numbers(rows, expected):
    assert row_findings(annex(rows)) == expected


def test_a_number_in_a_numeric_column_is_not_a_row_number():
    # rows 1..8, each with a count ("18") then an amount: the count is never read as a row number
    text = annex([str(k) for k in range(1, 9)], extra=("18", "700.000"))
    assert row_findings(text) == []


def test_row_numbers_in_the_body_are_not_table_rows():
    # bare numbers inside the body (before the signature) are not read as table rows
    text = HEAD + "1. " + TASK + "\n\n2. " + TASK + "\n\n" + "\n".join(["1", "Nội dung a", "3", "Nội dung b"] * 2) + TAIL
    assert row_findings(text) == []
