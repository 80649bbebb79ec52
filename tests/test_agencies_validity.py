"""N403: a body or province that did not exist on the document's own date (the date of issue, else
the meeting date, else no check), with the successor named."""
from __future__ import annotations

import pytest

from checker import check_file

from .conftest import CORPUS, SEEDS, needs_shared, run_text

HEAD = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

Số: {number}/TB-UBND

Quảng Ngãi, {date}

THÔNG BÁO
Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại buổi làm việc với các sở, ngành

{opening}

1. {task}

Nơi nhận:
- Các sở, ban, ngành;
- Lưu: VT, TH.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH

Nguyễn Văn C
"""
OPENING = "Ngày 10 tháng 11 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh làm việc với các sở. Chủ tịch kết luận như sau:"


def notice(task: str, date: str = "ngày 15 tháng 11 năm 2025", opening: str = OPENING, number: str = "12") -> str:
    return HEAD.format(task=task, date=date, opening=opening, number=number)


def n403(text: str):
    return [d for d in run_text(text, select=["N403"]) if d.code == "N403"]


@pytest.mark.parametrize("task,date,opening,expected", [
    # merged department, notice dated after the merger: the successor is named
    ("Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", "ngày 15 tháng 11 năm 2025", OPENING, "Sở Tài chính"),
    ("Giao Sở KH&ĐT chủ trì tổng hợp.", "ngày 15 tháng 11 năm 2025", OPENING, "Sở Tài chính"),
    ("Bộ Nông nghiệp và Phát triển nông thôn hướng dẫn.", "ngày 15 tháng 11 năm 2025", OPENING,
     "Bộ Nông nghiệp và Môi trường"),
    ("Ủy ban nhân dân huyện Sơn Hà rà soát.", "ngày 15 tháng 11 năm 2025", OPENING, "Ủy ban nhân dân xã, phường"),
    ("Rà soát diện tích rừng của tỉnh Kon Tum.", "ngày 15 tháng 11 năm 2025", OPENING, "tỉnh Quảng Ngãi"),
    # a body that did not exist yet
    ("Sở Nông nghiệp và Môi trường hướng dẫn.", "ngày 15 tháng 8 năm 2021", OPENING.replace("2025", "2021"), None),
    # the same names on a date they existed: silent
    ("Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", "ngày 15 tháng 8 năm 2021", OPENING.replace("2025", "2021"), False),
    ("Rà soát diện tích rừng của tỉnh Kon Tum.", "ngày 15 tháng 8 năm 2021", OPENING.replace("2025", "2021"), False),
    # the departments switched on each province's own date: a grace period
    ("Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", "ngày 10 tháng 3 năm 2025",
     OPENING.replace("tháng 11", "tháng 3"), False),
    ("Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", "ngày 20 tháng 5 năm 2025",
     OPENING.replace("tháng 11", "tháng 5"), "Sở Tài chính"),
    # the past, said as such
    ("Sở Tài chính tiếp nhận nhiệm vụ của Sở Kế hoạch và Đầu tư (cũ).", "ngày 15 tháng 11 năm 2025", OPENING, False),
    ("Thực hiện Thông tư số 02/2022/TT-BTNMT ngày 10/01/2022 của Bộ Tài nguyên và Môi trường.",
     "ngày 15 tháng 11 năm 2025", OPENING, False),
    ("Sau khi sáp nhập tỉnh Kon Tum và tỉnh Quảng Ngãi, rà soát địa giới.", "ngày 15 tháng 11 năm 2025", OPENING,
     False),
])
def test_validity_on_the_document_date(task, date, opening, expected):
    ds = n403(notice(task, date, opening))
    if expected is False:
        assert not ds, [d.message.vi for d in ds]
    elif expected is None:
        assert len(ds) == 1 and "chưa có" in ds[0].message.vi
    else:
        assert len(ds) == 1 and ds[0].suggestion == expected, [(d.message.vi, d.suggestion) for d in ds]


def test_draft_without_a_date_uses_the_meeting_date():
    draft = notice("Giao Sở Kế hoạch và Đầu tư chủ trì tổng hợp.", date="ngày    tháng    năm 2025", number="  ")
    ds = n403(draft)
    assert len(ds) == 1 and "10/11/2025 (ngày họp)" in ds[0].message.vi


def test_no_date_at_all_no_check():
    assert not n403("Giao Sở Kế hoạch và Đầu tư và UBND huyện chủ trì tổng hợp.")


@needs_shared
def test_seeds_are_checked_against_their_own_dates():
    """The seeds (2020-2024) name the departments of their time: the corpus is dated November
    2025, but each document is judged by its own date."""
    for f in sorted(SEEDS.glob("0*.txt")):
        assert not [d for d in check_file(f, select=["N403"]).diagnostics], f.name


@needs_shared
def test_a_2025_notice_naming_a_merged_province():
    ds = check_file(CORPUS / "notices" / "003_vpcp-627-tb-2025-ttg-bcd-du-an-giao-thong-phien-21.txt",
                    select=["N403"]).diagnostics
    assert [(d.line, d.context, d.suggestion) for d in ds] == [
        (258, "Cục Thú y", "Cục Chăn nuôi và Thú y"),  # merged on 01/3/2025 (NĐ 35/2025/NĐ-CP)
        (259, "Cục Bảo vệ thực vật", "Cục Trồng trọt và Bảo vệ thực vật"),
        (284, "Kiên Giang", "tỉnh An Giang")]
