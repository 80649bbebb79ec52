"""P8xx layout rules on built .docx notices (acceptance 1 of issue 7) and their edges."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

from checker import Options, check_file
from checker.engine import load_rules

from .conftest import FIXTURES, run_text
from .layoutbuild import BODY, notice, write_fixtures

P_RULES = sorted(c for c in load_rules() if c.startswith("P"))


def p_findings(data: bytes, name: str = "draft.docx"):
    return check_file(name, Options(), select=["P"], data=data).diagnostics


def test_compliant_notice_has_no_layout_finding():
    assert p_findings(notice(can_cu=True).to_bytes()) == []


def test_every_layout_rule_has_docx_fixtures():
    assert len(P_RULES) >= 15
    for code in P_RULES:
        names = [p.name for p in (FIXTURES / "rules" / code).glob("*.docx")]
        assert any(n.startswith("ok") for n in names) and any(not n.startswith("ok") for n in names), code


FIXTURE_FILES = sorted((FIXTURES / "rules").glob("P8*/*.docx"))


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_breaks_its_rule_alone(path: Path):
    """A firing fixture gets findings of its own rule and of no other layout rule; an ok-* one none."""
    codes = {d.code for d in check_file(path, Options(), select=["P"]).diagnostics}
    assert codes == (set() if path.name.startswith("ok") else {path.parent.name})


def test_committed_fixtures_are_what_the_builder_writes(tmp_path):
    """python -m tests.layoutbuild --write-fixtures reproduces the committed files byte for byte."""
    for p in write_fixtures(tmp_path):
        committed = FIXTURES / "rules" / p.parent.name / p.name
        assert committed.read_bytes() == p.read_bytes(), f"{committed} is stale: rerun the builder"


def test_text_input_gets_no_layout_finding_and_says_so():
    text = "\n\n".join(t for _r, t in BODY)
    from checker import check_text

    res = check_text("THÔNG BÁO\n\n" + text, path="draft.txt", select=["P"])
    assert res.diagnostics == [] and res.not_evaluated == ["layout"]
    assert run_text("Nơi nhận:\n- Sở Xây dựng,\n- Lưu: VT.", select=["P"]) == []


def test_style_level_font_is_reported_once_with_its_count():
    b = notice()
    normal = b.doc.styles["Normal"].element
    normal.append(parse_xml(f'<w:rPr {nsdecls("w")}><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr>'))
    found = [d for d in p_findings(b.to_bytes()) if d.code == "P805"]
    assert len(found) == 1
    assert "Arial" in found[0].message.vi and "kiểu \"Normal\"" in found[0].message.vi
    assert found[0].line == 1


def test_legacy_font_names_e901_and_is_not_fixed():
    from checker.layout.fix import format_docx

    b = notice().run_format("body", 1, font=".VnTime")
    data = b.to_bytes()
    found = [d for d in p_findings(data) if d.code == "P805"]
    assert len(found) == 1 and ".VnTime" in found[0].message.vi and "E901" in found[0].message.vi
    assert format_docx(data, select=["P805"])[1] == 0  # the text must be converted first


def test_numbered_body_paragraph_is_measured_where_its_number_stands():
    b = notice()
    lst = b.doc.part.numbering_part.element
    lst.append(parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                         '<w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>'
                         '<w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'))
    lst.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    p = b.paras["body"][1]
    b.set_text("body", 1, "Sở Xây dựng chủ trì rà soát hồ sơ thiết kế các công trình.")
    p.paragraph_format.first_line_indent = None
    p._p.get_or_add_pPr().append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    found = [d for d in p_findings(b.to_bytes()) if d.code == "P811"]
    assert len(found) == 1 and "0,64 cm" in found[0].message.vi


def test_page_numbers_are_required_only_for_several_pages():
    short = notice(page_numbers=False)
    assert [d.code for d in p_findings(short.to_bytes())] == []
    long_ = notice(page_numbers=False, body=BODY[:1] + BODY[1:3] * 20 + BODY[3:])
    found = [d for d in p_findings(long_.to_bytes()) if d.code == "P803"]
    assert len(found) == 1 and "không đánh số trang" in found[0].message.vi


def test_heading_outside_a_table_is_only_noted():
    b = notice(header_left=[], header_right=[])
    body = b.doc.element.body
    first = body[1] if body[0].tag == qn("w:tbl") else body[0]
    for role, text in reversed([("so_ky_hieu", "Số: 125/TB-VP"), ("quoc_hieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]):
        p = b.doc.add_paragraph()
        r = p.add_run(text)
        r.font.size = Pt(13)
        r.bold = role == "quoc_hieu"
        first.addprevious(p._p)
    found = [d for d in p_findings(b.to_bytes()) if d.code == "P816"]
    assert [d.severity for d in found] == ["info"]


def test_rule_docs_cite_the_decree():
    reg = load_rules()
    for code in P_RULES:
        vi = reg[code].doc_for("vi")
        assert vi.startswith(code) and "Phụ lục I" in vi and "Căn cứ:" in vi, code
        assert "Annex I" in reg[code].doc_for("en"), code


def test_findings_show_found_and_required_values():
    b = notice().run_format("noi_nhan", size=14)
    (d,) = [d for d in p_findings(b.to_bytes()) if d.code == "P807"]
    assert d.message.vi == "Cỡ chữ của \"Nơi nhận:\" là 14, yêu cầu 12 (Phụ lục I, Phần I, Mục II.9.d)."
    assert d.message.en.startswith("The heading \"Nơi nhận:\" is 14 pt, required 12 pt")
    assert (d.line, d.column, d.end_column) == (13, 1, 10)  # the whole "Nơi nhận:" run


@pytest.mark.parametrize("after,before,compat,fires", [
    (0, 0, False, True),
    (6, 0, False, False),  # the larger of After and Before: 6 pt
    (3, 3, False, True),  # Word does not add them: 3 pt
    (3, 3, True, False),  # … unless "Don't use HTML paragraph auto spacing": 6 pt
    (0, 6, False, False),
])
def test_space_between_paragraphs_is_computed_as_word_does(after, before, compat, fires):
    b = notice().para_format("body", 1, after=Pt(after)).para_format("body", 2, before=Pt(before))
    if compat:
        settings = b.doc.settings.element
        settings.find(qn("w:compat")).append(parse_xml(f'<w:doNotUseHTMLParagraphAutoSpacing {nsdecls("w")}/>'))
    found = [d.line for d in p_findings(b.to_bytes()) if d.code == "P812"]
    assert found == ([11] if fires else [])
