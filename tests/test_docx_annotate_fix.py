"""Word comments (`rasoat annotate`) and .docx fixes (`check --fix`), read back with python-docx."""
from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from .conftest import run_cli
from .docxbuild import DocxBuilder


def build(path, noi_nhan="Noi nhận:", agency_line="1. Sở Y tế chủ trì, phối hợp với UBND các huyện hoàn thành tiêm vắc-xin trước ngày 15/9/2021."):
    b = DocxBuilder()
    b.header_table(["**ỦY BAN NHÂN DÂN**", "**TỈNH LAI CHÂU**", "Số: 125/TB-UBND"],
                   ["**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**", "**Độc lập - Tự do - Hạnh phúc**",
                    "*Lai Châu, ngày 05 tháng 9 năm 2021*"])
    b.para("**THÔNG BÁO**", align="center")
    b.para("**Kết luận của Chủ tịch UBND tỉnh tại phiên họp UBND tỉnh tháng 8 năm 2021**", align="center")
    b.para("Ngày 24/8/2021, Ủy ban nhân dân tỉnh tổ chức phiên họp tháng 8 năm 2021 dưới sự chủ trì của đồng chí "
           "Trần Tiến Dũng - Chủ tịch UBND tỉnh. Chủ tịch UBND tỉnh kết luận như sau:")
    b.para(agency_line)
    b.para("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.")
    b.signature_table([f"***{noi_nhan}***", "- Các sở, ban, ngành tỉnh;", "- Lưu: VT, TH."],
                      ["**TL. CHỦ TỊCH**", "**CHÁNH VĂN PHÒNG**", "", "**Nguyễn Văn An**"])
    return b.save(path)


def comments_of(path):
    d = docx.Document(str(path))
    return list(d.comments)


def test_annotate_writes_comments_anchored_on_the_text_and_keeps_the_original(tmp_path):
    src = build(tmp_path / "du-thao.docx")
    before = src.read_bytes()
    code, out, err = run_cli("annotate", src, "-o", tmp_path / "du-thao.reviewed.docx", "--select", "S108")
    assert code == 0, err
    assert src.read_bytes() == before
    out_path = tmp_path / "du-thao.reviewed.docx"
    cs = comments_of(out_path)
    assert len(cs) == 1
    assert cs[0].author == "rasoat" and "S108" in cs[0].text and "Nơi nhận:" in cs[0].text
    # the comment range covers exactly the misspelt heading
    xml = docx.Document(str(out_path)).element.body.xml
    start = xml.index("commentRangeStart")
    end = xml.index("commentRangeEnd")
    assert "Noi nhận:" in xml[start:end]
    assert "Các sở" not in xml[start:end]


def test_annotate_many_findings_splits_runs_without_losing_text(tmp_path):
    src = build(tmp_path / "d.docx", agency_line="1. Sở Y tế chủ trì hoàn thành trước ngày 31/9/2021.")
    code, out, err = run_cli("annotate", src, "-o", tmp_path / "r.docx")
    assert code == 0, err
    original = [p.text for p in docx.Document(str(src)).paragraphs]
    reviewed = [p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs]
    assert original == reviewed  # comments never change the text
    assert len(comments_of(tmp_path / "r.docx")) >= 1


def test_annotate_refuses_text_files_and_overwriting(tmp_path):
    t = tmp_path / "a.txt"
    t.write_text("THÔNG BÁO", encoding="utf-8")
    assert run_cli("annotate", t)[0] == 2
    src = build(tmp_path / "d.docx")
    code, _, err = run_cli("annotate", src, "-o", src)
    assert code == 2 and "ghi đè" in err


def test_fix_docx_keeps_formatting_and_is_idempotent(tmp_path):
    src = build(tmp_path / "d.docx")
    code, out, err = run_cli("check", src, "--fix", "--select", "S108")
    assert code == 0, out + err
    d = docx.Document(str(src))
    cells = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    heading = next(p for p in cells if "nhận" in p.text)
    assert heading.text == "Nơi nhận:"
    assert all(r.bold and r.italic for r in heading.runs if r.text.strip())
    before = src.read_bytes()
    code, out, _ = run_cli("check", src, "--fix", "--select", "S108")
    assert code == 0 and src.read_bytes() == before


def test_diff_on_docx_shows_paragraph_changes_without_writing(tmp_path):
    src = build(tmp_path / "d.docx")
    before = src.read_bytes()
    code, out, _ = run_cli("check", src, "--diff", "--select", "S108")
    assert "-Noi nhận:" in out and "+Nơi nhận:" in out
    assert src.read_bytes() == before


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice is not installed")
def test_annotated_copy_renders_in_libreoffice(tmp_path):
    src = build(tmp_path / "d.docx")
    run_cli("annotate", src, "-o", tmp_path / "r.docx")
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    p = subprocess.run([exe, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "r.docx")],
                       capture_output=True, timeout=180)
    assert p.returncode == 0 and (tmp_path / "r.pdf").stat().st_size > 1000


def test_annotating_a_reviewed_copy_replaces_its_own_comments(tmp_path):
    """Running annotate on a copy it already reviewed gives the same comments, not twice as
    many; a comment written by a person is kept."""
    src = build(tmp_path / "d.docx")
    first = tmp_path / "r1.docx"
    assert run_cli("annotate", src, "-o", first)[0] == 0
    n = len(comments_of(first))
    assert n >= 1
    d = docx.Document(str(first))
    d.add_comment(d.paragraphs[-1].runs[0] if d.paragraphs[-1].runs else d.paragraphs[0].runs[0],
                  text="Anh xem lại đoạn này.", author="Nguyễn Thị B", initials="NB")
    d.save(str(first))
    second = tmp_path / "r2.docx"
    code, out, err = run_cli("annotate", first, "-o", second)
    assert code == 0, err
    cs = comments_of(second)
    assert sorted(c.author for c in cs) == sorted(["rasoat"] * n + ["Nguyễn Thị B"])
    xml = docx.Document(str(second)).element.body.xml
    assert xml.count("commentRangeStart") == n + 1 and xml.count("commentReference") == n + 1
    assert [p.text for p in docx.Document(str(second)).paragraphs] == [p.text for p in docx.Document(str(src)).paragraphs]


def test_a_missing_so_comment_is_anchored_on_the_citation(tmp_path):
    src = build(tmp_path / "c.docx", agency_line="1. Thực hiện Nghị quyết 21/NQ-HĐND ngày 09 tháng 7 năm 2021 của "
                "Hội đồng nhân dân tỉnh, Sở Y tế báo cáo trước ngày 30/9/2021.")
    out = tmp_path / "r.docx"
    assert run_cli("annotate", src, "-o", out, "--select", "C505")[0] == 0
    xml = docx.Document(str(out)).element.body.xml
    start, end = xml.index("commentRangeStart"), xml.index("commentRangeEnd")
    anchored = "".join(t.split("<")[0] for t in xml[start:end].split("<w:t")[1:] for t in [t.split(">", 1)[1]])
    assert "Nghị quyết 21/NQ-HĐND" in anchored
