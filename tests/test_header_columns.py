"""A header typed as two columns on one line (tabs or runs of spaces instead of a table) is read
as its components, in text drafts and in .docx drafts alike."""
from __future__ import annotations

from .conftest import FIXTURES, run_file
from .docxbuild import DocxBuilder

BASE = (FIXTURES / "rules" / "S101" / "good.txt").read_text(encoding="utf-8")
BODY = BASE.split("THÔNG BÁO", 1)[1]
HEADER = [
    "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "TỈNH LAI CHÂU\t\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 125/TB-UBND          Lai Châu, ngày 05 tháng 9 năm 2021",
]


def test_text_header_in_two_columns(tmp_path):
    f = tmp_path / "cols.txt"
    f.write_text("\n".join(HEADER) + "\n\nTHÔNG BÁO" + BODY, encoding="utf-8")
    res = run_file(f, select=["S"])
    assert res.kind == "thong-bao"
    assert [d.code for d in res.diagnostics] == []
    doc = res.document
    issuers = [p.text for p in doc.component("issuer")]
    assert issuers == ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]
    [pd] = doc.component("place_date")
    assert doc.source.position(pd.offsets[0]).line == 3 and doc.source.position(pd.offsets[0]).column == 26


def test_docx_header_with_tabs_instead_of_a_table(tmp_path):
    b = DocxBuilder()
    for line in HEADER:
        b.para(line)
    for block in ("THÔNG BÁO" + BODY).split("\n\n"):
        for line in block.split("\n"):
            if line.strip():
                b.para(line)
    path = b.save(tmp_path / "cols.docx")
    res = run_file(path, select=["S"])
    assert res.kind == "thong-bao"
    assert [d.code for d in res.diagnostics] == []
