"""Markdown pipe tables (checker/readers/mdtable.py): a draft exported to Markdown by pandoc or
markitdown keeps its header table and its "Nơi nhận" / signature table as rows of cells between
bars. Such a draft is read as its .docx is: every component found in its cell, reported at its
line and column, a paragraph never spanning two cells, and fixes applied inside the cell. The
header row shapes are those of real exports (a row per line, "<br>" for a line break inside a
cell, an empty middle column as in portal pages: "| BỘ TÀI CHÍNH |  | CỘNG HÒA … |")."""
from __future__ import annotations

import pytest

from checker.document import load_text
from checker.readers import mdtable

from .conftest import run_cli, run_text

NOTICE = """\
| ỦY BAN NHÂN DÂN<br>TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |
|---|---|
| Số: 125/TB-UBND | Lai Châu, ngày 05 tháng 9 năm 2021 |

**THÔNG BÁO**

**Kết luận của Chủ tịch UBND tỉnh tại phiên họp UBND tỉnh**

Ngày 24/8/2021, Ủy ban nhân dân tỉnh tổ chức phiên họp. Chủ tịch UBND tỉnh kết luận như sau:

1. Sở Tư pháp chủ trì rà soát quy chế phối hợp, báo cáo trước ngày 30/9/2021.

2. Sở Tài chính bố trí kinh phí thực hiện Quyết định số 42/2018/QĐ-UBND ngày 10/12/2018 của Ủy ban nhân dân tỉnh Lai Châu, hoàn thành trước ngày 15/10/2021.

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

| **Nơi nhận:**<br>- Các sở, ban, ngành tỉnh;<br>- Lưu: VT, TH. | TL. CHỦ TỊCH<br>CHÁNH VĂN PHÒNG<br><br>Nguyễn Văn An |
|:---|:---:|
"""


def components(text):
    doc = load_text(text, "draft.md")
    out = {}
    for name, idxs in doc.structure.components.items():
        for i in idxs:
            p = doc.paragraphs[i]
            pos = doc.range_of(p, 0, 1).start
            out.setdefault(name, []).append((p.text, p.container, pos.line, pos.column))
    return out


def test_a_notice_with_header_and_signature_tables_is_read_whole():
    comp = components(NOTICE)
    assert comp["issuer"] == [("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "table:0:0", 1, 3)]
    assert comp["quoc_hieu"] == [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "table:0:1", 1, 38)]
    assert comp["tieu_ngu"][0][:3] == ("Độc lập - Tự do - Hạnh phúc", "table:0:1", 1)
    assert comp["so_ky_hieu"] == [("Số: 125/TB-UBND", "table:1:0", 3, 3)]
    assert comp["place_date"][0][:2] == ("Lai Châu, ngày 05 tháng 9 năm 2021", "table:1:1")
    assert [t for t, *_ in comp["luu"]] == ["- Lưu: VT, TH."]
    assert [t for t, *_ in comp["authority"]] == ["TL. CHỦ TỊCH"]
    assert [t for t, *_ in comp["signer"]] == ["Nguyễn Văn An"]
    # the title and the body are outside the tables
    assert comp["title"] == [("THÔNG BÁO", "body", 5, 3)]


def test_a_right_notice_in_tables_has_no_finding():
    assert run_text(NOTICE, path="draft.md") == []


def test_a_defect_inside_a_cell_is_found_at_its_line_and_column():
    text = NOTICE.replace("Số: 125/TB-UBND", "Số: 125/TB- UBND")
    ds = [d for d in run_text(text, path="draft.md") if d.code.startswith("S1")]
    assert [(d.code, d.line, d.column) for d in ds] == [("S103", 3, 11)]  # "TB- UBND", in the first cell of row 2


def test_the_tables_were_not_a_notice_before():
    """What the tables hide from a line-by-line reading: without them the draft is no notice (S100)."""
    flat = "\n".join(line for line in NOTICE.split("\n") if not line.startswith("|"))
    assert "S100" not in [d.code for d in run_text(NOTICE, path="draft.md")]
    assert "S104" in [d.code for d in run_text(flat, path="draft.md", select=["S"])]


def test_a_paragraph_never_spans_two_cells():
    text = NOTICE.replace("2. Sở Tài chính", "| Sở Tài chính bố trí | kinh phí thực hiện |\n\n2. Sở Tài chính")
    doc = load_text(text, "draft.md")
    cells = [(p.text, p.container) for p in doc.paragraphs if p.container != "body" and "kinh phí thực hiện" in p.text]
    assert cells == [("kinh phí thực hiện", "table:0:1")]


def test_an_empty_column_and_an_escaped_bar():
    row = "| BỘ TÀI CHÍNH |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | "
    assert [[row[a:b] for a, b in c] for c in mdtable.cells(row)] == [["BỘ TÀI CHÍNH"], [], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]]
    row = r"| a \| b | c"  # no closing bar: the text after the last bar is a cell
    assert [[row[a:b] for a, b in c] for c in mdtable.cells(row)] == [[r"a \| b"], ["c"]]
    doc = load_text(NOTICE.replace("Lưu: VT, TH.", r"Lưu: VT, TH \| KT."), "draft.md")
    assert [p.text for p in doc.component("luu")] == ["- Lưu: VT, TH | KT."]


@pytest.mark.parametrize("line, row, delimiter", [
    ("| a | b |", True, False),
    ("   | a | b |", True, False),
    ("|---|:--:|", True, True),
    ("| :--- | ---: |", True, True),
    ("|", False, False),  # a lone cell wall: a blank line (text._BARS_ONLY)
    ("Chương trình | Kế hoạch", False, False),  # a bar inside a line of text
    ("    | a | b |", False, False),  # four spaces: a code block, not a table
])
def test_what_a_row_is(line, row, delimiter):
    assert mdtable.is_row(line) is row
    assert mdtable.is_delimiter(line) is delimiter


def test_a_fix_inside_a_cell_leaves_the_table_intact(tmp_path):
    f = tmp_path / "draft.md"
    f.write_text(NOTICE.replace("| Số: 125/TB-UBND |", "| Số: 125/TB -UBND |"), encoding="utf-8")
    run_cli("check", f, "--fix", "--select", "S103")
    assert f.read_text(encoding="utf-8") == NOTICE
