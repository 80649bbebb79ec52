"""C501-C508 on short drafts: what a user sees (codes, severities, suggestions, fixes)."""
from __future__ import annotations

import datetime as dt

import pytest

from checker.document import load_text
from checker.extract.citations import citations, extract_paragraph, tables

from .conftest import run_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 125/TB-UBND
Lai Châu, ngày {date}

THÔNG BÁO

Kết luận của Chủ tịch UBND tỉnh tại phiên họp UBND tỉnh

Ngày 24/8/2021, Ủy ban nhân dân tỉnh tổ chức phiên họp. Chủ tịch UBND tỉnh kết luận như sau:

{body}

Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.

Nơi nhận:
- Các sở, ban, ngành tỉnh;
- Lưu: VT, TH.

TL. CHỦ TỊCH
CHÁNH VĂN PHÒNG

Nguyễn Văn An
"""


def notice(body: str, date: str = "05 tháng 9 năm 2021") -> str:
    return HEAD.format(body=body, date=date)


def diags(body, date="05 tháng 9 năm 2021", select=("C5",), **opts):
    return run_text(notice(body, date), select=list(select), **opts)


def codes_of(ds):
    return sorted(d.code for d in ds)


# --- C501

@pytest.mark.parametrize("written, fixed", [
    ("66- NQ/TW", "66-NQ/TW"),
    ("4834 /TTr-SXD", "4834/TTr-SXD"),
    ("12/2020/NQ - HĐND", "12/2020/NQ-HĐND"),
    ("27/CT-TTG", "27/CT-TTg"),
    ("12/qđ-ubnd", "12/QĐ-UBND"),
    ("17/2025/ND-CP", "17/2025/NĐ-CP"),
    ("12/2020/NQ/HĐND", "12/2020/NQ-HĐND"),
    ("27/CTTg", "27/CT-TTg"),
    ("68/NQ–CP", "68/NQ-CP"),  # en dash
])
def test_c501_malformed_symbols_are_flagged_with_the_repaired_symbol(written, fixed):
    ds = diags(f"1. Sở Tư pháp triển khai văn bản số {written} ngày 10/7/2021, báo cáo trước ngày 30/9/2021.",
               select=["C501"])
    assert codes_of(ds) == ["C501"], written
    assert ds[0].suggestion == fixed


def test_c501_leaves_look_alike_letters_to_e908_one_finding_with_the_fix():
    ds = diags("1. Sở Tư pháp triển khai văn bản số 16495/BТС-PTHT ngày 10/7/2021, báo cáo trước ngày 30/9/2021.",
               select=["C501", "E908", "L702"])
    assert [(d.code, d.context, d.suggestion) for d in ds] == [("E908", "BТС", "BTC")]  # Cyrillic Т and С
    assert ds[0].fix.safe


def test_c501_missing_issuer_part_is_a_warning_without_a_guess():
    ds = diags("1. Thực hiện Nghị quyết liên tịch số 01/NQLT ngày 02/07/2021 về quy chế phối hợp, báo cáo trước ngày 30/9/2021.",
               select=["C501"])
    assert [(d.code, d.severity) for d in ds] == [("C501", "warning")]
    assert ds[0].fix is None


@pytest.mark.parametrize("ok", ["66.7/2025/NQ-CP", "03-NQ/TU", "472-KL/TU", "80/2015/QH13", "6225/BVHTTDL-VP",
                                "11554/VPCP-V.I", "769/TTg", "02-KH/BCĐTW", "01/2014/TTLT-BTP-BNV"])
def test_c501_silent_on_valid_symbols(ok):
    assert diags(f"1. Thực hiện văn bản số {ok} ngày 10/7/2014 của cơ quan ban hành, báo cáo trước ngày 30/9/2021.",
                 select=["C501"]) == []


def test_c501_space_fix_is_safe_and_separator_fix_is_not():
    ds = diags("1. Thực hiện Kết luận số 132- KL/TW ngày 10/5/2021 và Nghị quyết số 12/2020/NQ/HĐND ngày 10/7/2020, "
               "báo cáo trước ngày 30/9/2021.", select=["C501"])
    assert [d.fix.safe for d in ds] == [True, False]


# --- C502

def test_c502_type_name_and_code_disagree():
    ds = diags("1. Triển khai Nghị quyết số 12/QĐ-UBND ngày 10/7/2021 của Hội đồng nhân dân tỉnh, xong trước ngày 30/9/2021.",
               select=["C502"])
    assert codes_of(ds) == ["C502"]
    assert "Quyết định" in ds[0].message.vi


def test_c502_issuer_that_does_not_issue_the_type():
    ds = diags("1. Thực hiện Quyết định số 163/2024/QH15 ngày 27/11/2024 của Quốc hội, xong trước ngày 30/9/2025.",
               date="05 tháng 9 năm 2025", select=["C502"])
    assert codes_of(ds) == ["C502"]


@pytest.mark.parametrize("text", [
    "Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội",
    "Thông báo kết luận số 624/TB-VPCP ngày 16/11/2024 của Văn phòng Chính phủ",
    "Văn bản số 7138/BQP-TM ngày 08/11/2024",
    "Công văn số 174/CV-BCĐ ngày 02/12/2024 của Ban Chỉ đạo",
    "Quy định số 66-QĐ/TW ngày 06/02/2017 của Bộ Chính trị",
    "Quyết định ban hành Kế hoạch số 12/KH-UBND ngày 10/01/2024 của Ủy ban nhân dân tỉnh",
])
def test_c502_silent_when_they_agree(text):
    assert diags(f"1. Thực hiện {text}, xong trước ngày 30/9/2025.", date="05 tháng 9 năm 2025", select=["C502"]) == []


# --- C503, C504

def test_c503_year_mismatch_and_c504_impossible_dates():
    ds = diags("1. Thực hiện Nghị quyết số 68/2021/NQ-CP ngày 01 tháng 7 năm 2020 của Chính phủ và Quyết định số "
               "40/2017/QĐ-UBND ngày 31/9/2017 của Ủy ban nhân dân tỉnh, báo cáo trước ngày 30/9/2021.",
               select=["C503", "C504"])
    assert codes_of(ds) == ["C503", "C504"]


def test_c504_leap_day_is_a_real_date():
    assert diags("1. Thực hiện Nghị quyết số 36/2016/NQ-HĐND ngày 29/02/2016 của HĐND tỉnh, báo cáo trước ngày 30/9/2021.",
                 select=["C504"]) == []


# --- C505

def test_c505_first_citation_incomplete_and_later_ones_not_checked():
    ds = diags("1. Triển khai theo Nghị quyết số 68/NQ-CP; hướng dẫn theo Nghị định 68.\n\n"
               "2. Tiếp tục thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ, báo cáo trước ngày 30/9/2021.",
               select=["C505"])
    assert [(d.code, d.severity) for d in ds] == [("C505", "error"), ("C505", "error")]
    assert "Dòng" in ds[0].message.vi  # points to the later citation that has the date


def test_c505_missing_so_is_a_warning_with_a_safe_fix():
    ds = diags("1. Thực hiện Nghị quyết 21/NQ-HĐND ngày 09 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh, "
               "báo cáo trước ngày 30/9/2021.", select=["C505"])
    assert [(d.code, d.severity) for d in ds] == [("C505", "warning")]
    # the finding covers the citation as written (a Word comment is anchored there, not on a space)
    assert ds[0].context == "Nghị quyết 21/NQ-HĐND"
    assert ds[0].fix.edits[0].replacement == "Nghị quyết số 21/NQ-HĐND"


def test_c505_lists_share_the_type_and_each_needs_a_date():
    ds = diags("1. Hướng dẫn thực hiện (Nghị quyết số 12/2020/NQ-HĐND và số 14/2020/NQ-HĐND của HĐND tỉnh Lai Châu).",
               select=["C505"])
    assert len(ds) == 2


@pytest.mark.parametrize("body", [
    "1. Thực hiện Luật Tổ chức chính quyền địa phương năm 2015, báo cáo trước ngày 30/9/2021.",
    "1. Hoàn thiện Quyết định sửa đổi, bổ sung một số điều Quy định quản lý cây xanh, trình trong tháng 9 năm 2021.",
    "1. Triển khai các Nghị quyết của Đảng, kết luận của Tỉnh ủy, báo cáo trước ngày 30/9/2021.",
    "1. Thực hiện Đề án 06 và Chương trình 135, báo cáo trước ngày 30/9/2021.",
    "1. Thông báo 2 lần/tuần, Quyết định 3 nội dung, báo cáo trước ngày 30/9/2021.",
    "1. Xây dựng Kế hoạch 2022 của ngành, báo cáo trước ngày 30/9/2021.",
    "1. Phối hợp Cục Thuế; theo hướng dẫn tại văn bản của Bộ Tài chính, báo cáo trước ngày 30/9/2021.",
])
def test_c505_silent_on_laws_and_documents_named_without_number(body):
    assert diags(body, select=["C505"]) == []


# --- C506

def test_c506_cited_after_the_notice():
    ds = diags("1. Triển khai Quyết định số 1120/QĐ-UBND ngày 15/9/2021 của UBND tỉnh, xong trước ngày 30/9/2021.",
               select=["C506"])
    assert codes_of(ds) == ["C506"]
    assert diags("1. Triển khai Quyết định số 1120/QĐ-UBND ngày 05/9/2021 của UBND tỉnh, xong trước ngày 30/9/2021.",
                 select=["C506"]) == []


def test_c506_draft_without_date_compares_years():
    body = "1. Triển khai Quyết định số 1120/QĐ-UBND ngày 15/9/2022 của UBND tỉnh, xong trước ngày 30/9/2021."
    ds = run_text(notice(body).replace("Lai Châu, ngày 05 tháng 9 năm 2021", "Lai Châu, ngày   tháng 9 năm 2021"),
                  select=["C506"])
    assert codes_of(ds) == ["C506"]


# --- C507

@pytest.mark.parametrize("written, fixed", [("03/NQ-TU", "03-NQ/TU"), ("68-NQ/CP", "68/NQ-CP")])
def test_c507_party_state_style(written, fixed):
    ds = diags(f"1. Quán triệt Nghị quyết số {written} ngày 30/6/2021, báo cáo trước ngày 20/9/2021.", select=["C507"])
    assert codes_of(ds) == ["C507"] and ds[0].suggestion == fixed


def test_c507_unknown_issuer_is_never_judged():
    assert diags("1. Thực hiện Thông báo số 07-TB/CQTTBCĐ ngày 15/8/2021 và Kết luận số 23/KL-LNTPTW ngày 21/11/2020, "
                 "báo cáo trước ngày 20/9/2021.", select=["C507"]) == []


# --- C508

@pytest.mark.parametrize("date, fires", [("12 tháng 5 năm 2025", True), ("31 tháng 3 năm 2025", False),
                                         ("12 tháng 4 năm 2024", False)])
def test_c508_replaced_law_depends_on_the_notice_date(date, fires):
    body = "1. Xây dựng dự thảo theo Điều 111 Luật Ban hành văn bản quy phạm pháp luật năm 2015, xong trước ngày 30/6/2025."
    ds = diags(body, date=date, select=["C508"])
    assert codes_of(ds) == (["C508"] if fires else [])
    if fires:
        assert "64/2025/QH15" in ds[0].suggestion


def test_c508_law_by_symbol_and_law_without_year():
    ds = diags("1. Căn cứ Luật số 80/2015/QH13 và Luật Ban hành văn bản quy phạm pháp luật, xong trước ngày 30/6/2025.",
               date="12 tháng 5 năm 2025", select=["C508"])
    assert len(ds) == 1 and ds[0].column > 10


# --- extraction details a user relies on

def test_repeated_citations_link_to_the_first():
    doc = load_text(notice("1. Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ.\n\n"
                           "2. Tiếp tục thực hiện Nghị quyết số 68/NQ- CP; Nghị quyết 68/NQ-CP."))
    cits = citations(doc)
    assert [c.is_first for c in cits] == [True, False, False]
    assert cits[1].first is cits[0] and cits[2].first is cits[0]


def test_own_number_and_header_are_not_citations():
    doc = load_text(notice("1. Sở Y tế báo cáo trước ngày 30/9/2021."))
    assert citations(doc) == []


def test_prefilter_skips_paragraphs_without_type_name_or_symbol():
    t = tables()
    assert t.prefilter.search("Sở Y tế chủ trì, báo cáo UBND tỉnh trước ngày 30/9/2021 về kết quả.") is None
    assert t.prefilter.search("theo Nghị định 68") and t.prefilter.search("văn bản 12/UBND-VX")


def test_citations_are_cached_per_document():
    doc = load_text(notice("1. Thực hiện Nghị quyết số 68/NQ-CP ngày 01/7/2021 của Chính phủ."))
    assert citations(doc) is citations(doc)


def test_dates_in_both_forms_and_issuer():
    from checker.model import Paragraph

    text = "Chỉ thị số 12/CT-UBND ngày 14 tháng 7 năm 2021 của Chủ tịch Ủy ban nhân dân tỉnh về trồng rừng"
    (c,) = extract_paragraph(Paragraph(text, list(range(len(text) + 1))))
    assert c.date.first == dt.date(2021, 7, 14)
    assert c.issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert c.title == "về trồng rừng"


# --- robustness: no input makes the citation rules fail (an E999 would hide every finding)

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TOKENS = ["Nghị quyết", "Quyết định", "Luật", "Bộ luật", "Kết luận", "văn bản", "số", "Số", "12", "68", "66.7", "/",
          "-", "–", " ", "  ", "2020", "NQ", "QĐ", "TTg", "UBND", "HĐND", "TU", "TW", "QH15", "ngày", "tháng", "năm",
          "31/02/2021", "10/12/2018", "của", "Chính phủ", "về", ",", ";", ".", "(", ")", "“", "”", "và", "Tổ chức",
          "bТС", "qđ", "\u00a0", "ngày 14/11/200310", "Điều 5", "Đề án 06"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40))
def test_rules_never_crash(tokens):
    body = "1. " + "".join(t if t in " /-–" else " " + t for t in tokens)
    ds = run_text(notice(body), select=["C5"])
    assert not [d for d in ds if d.code == "E999"]


def test_document_prefilter_is_the_paragraph_prefilter():
    """citations() decides which paragraphs may cite once per document (the symbol shape over the
    joined text, the type names by an automaton and what follows them); the answer must be that
    of Tables.may_cite() paragraph by paragraph, also at the edges: a name ending a paragraph
    with its number in the next, tabs, capitals, a law's name, a symbol split by a paragraph."""
    from checker.extract.citations import _may_cite_all

    t = tables()
    if t.names_ac is None:
        pytest.skip("no pyahocorasick: the paragraph prefilter is used as it is")
    texts = ["Thực hiện Nghị quyết", "số 12/NQ-HĐND ngày 08/12/2023", "theo Kế hoạch\t15 của UBND",
             "QUYẾT ĐỊNH SỐ 5", "Luật Đất đai năm 2024", "bộ luật hình sự", "luật 2024", "Hiến pháp",
             "văn bản 12", "Số 12", "/UBND-VX", "12 -", "ngày 10/10/2025", "", "Kế hoạch năm 2025",
             "hướng dẫn số", "Chương trình 135 và Thông tư liên tịch số 01/2020/TTLT-BTC-BNV"]
    may, named = _may_cite_all(t, texts)
    assert may == {i for i, x in enumerate(texts) if x and t.may_cite(x)}
    assert named == {i for i, x in enumerate(texts) if any(n in x.lower() for n in t.name_tails)}
    assert 9 not in may and 10 not in may and 0 not in may and 1 in may and 2 in may and 4 in may


@pytest.mark.parametrize("look_alike", ["16495/ΒTC-PTHT",  # Greek capital beta
                                        "16495/ＢTC-PTHT",  # fullwidth B
                                        "16495/BТС-PTHT"])  # Cyrillic Т and С
def test_a_symbol_with_look_alike_letters_is_the_same_document_as_its_latin_spelling(look_alike):
    """Read as the Latin letters they are drawn like (E908's table), a symbol typed with a few
    letters of another script cites the same document: the full citation further on is its
    repetition, not a second document."""
    text = notice(f"1. Sở Tư pháp triển khai văn bản số {look_alike} ngày 22/10/2025 của Bộ Tài chính.\n"
                  "2. Sở Tài chính hướng dẫn thực hiện văn bản số 16495/BTC-PTHT.")
    cits = [c for c in citations(load_text(text)) if c.symbol]
    assert len(cits) == 2
    assert cits[1].first is cits[0]
