"""Issue 17, acceptance 2: a table of real name forms, each in a notice of a given date, with the
finding a reviewer expects (or none). The forms are those real notices write (../shared corpus,
seeds, and Government notices of 2025): right names, wrong ones (capitals, a word inserted or cut,
a typo), names obsolete at the notice's date, names right at theirs, names in capitals in a header,
generic uses. A row is (date of the notice, the sentence, expected) where expected is None or
(code, the span as written, the suggestion)."""
from __future__ import annotations

import pytest

from .conftest import run_text
from .test_agencies_validity import notice

N4 = ["N401", "N402", "N403"]
D25 = "ngày 18 tháng 11 năm 2025"  # after the 2025 mergers
D24 = "ngày 15 tháng 10 năm 2024"  # before them
D21 = "ngày 05 tháng 9 năm 2021"

# fmt: off
ROWS = [
    # --- steering committees: a capitalised "Ban" mid-sentence is the committee's name
    (D25, "Thủ tướng Chính phủ - Trưởng Ban chỉ đạo đã giao 30 nhiệm vụ cho các bộ, ngành.", ("N402", "Ban chỉ đạo", "Ban Chỉ đạo")),
    (D25, "Đề nghị các Thành viên Ban chỉ đạo tiếp tục chỉ đạo quyết liệt.", ("N402", "Ban chỉ đạo", "Ban Chỉ đạo")),
    (D25, "Bộ Xây dựng là cơ quan thường trực Ban chỉ đạo, chủ động phối hợp Bộ Nội vụ.", ("N402", "Ban chỉ đạo", "Ban Chỉ đạo")),
    (D25, "Bổ sung vào danh mục các dự án thuộc Ban chỉ đạo (nếu cần).", ("N402", "Ban chỉ đạo", "Ban Chỉ đạo")),
    (D25, "Bộ Tài chính là Cơ quan thường trực Ban chỉ đạo 751 theo dõi.", ("N402", "Ban chỉ đạo", "Ban Chỉ đạo")),
    (D25, "Bộ KH&CN đã báo cáo Ban chỉ đạo Chính phủ về phương án chấm điểm.", ("N401", "Ban chỉ đạo Chính phủ", "Ban Chỉ đạo của Chính phủ")),
    (D25, "Đề nghị các Thành viên Ban Chỉ đạo tiếp tục chỉ đạo quyết liệt.", None),
    (D25, "Ban chỉ đạo các cấp kiện toàn trong tháng 12 năm 2025.", None),  # sentence-initial: a common noun
    (D25, "- Ban chỉ đạo các xã rà soát danh sách.", None),
    (D25, "Kiện toàn ban chỉ đạo cấp xã trong tháng 12 năm 2025.", None),
    (D25, "Các ban chỉ đạo của tỉnh rà soát quy chế hoạt động.", None),
    (D25, "Văn phòng Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ theo dõi.", None),
    # --- Thủ tướng Chính phủ
    (D25, "kịp thời báo cáo Thủ tướng chính phủ những nội dung vượt thẩm quyền.", ("N402", "Thủ tướng chính phủ", "Thủ tướng Chính phủ")),
    (D25, "báo cáo Thủ tướng Chính phủ trước ngày 30 tháng 11 năm 2025.", None),
    (D25, "báo cáo Phó Thủ tướng Chính phủ Trần Hồng Hà kết quả thực hiện.", None),
    (D25, "Thủ tướng chính phủ quyết định trong tháng 12 năm 2025.", ("N402", "Thủ tướng chính phủ", "Thủ tướng Chính phủ")),
    (D25, "xây dựng chính phủ số, chính phủ điện tử trong năm 2026.", None),
    # --- the National Assembly's bodies
    (D25, "trình Ủy ban Thường vụ của Quốc hội và Quốc hội.", ("N401", "Ủy ban Thường vụ của Quốc hội", "Ủy ban Thường vụ Quốc hội")),
    (D25, "trình Ủy ban Thường vụ Quốc hội cho ý kiến.", None),
    (D25, "Đề nghị Hội đồng dân tộc của Quốc hội và các Ủy ban của Quốc hội phối hợp.", ("N402", "Hội đồng dân tộc", "Hội đồng Dân tộc")),
    (D25, "Ủy ban Kinh tế và Tài chính của Quốc hội thẩm tra báo cáo.", None),
    (D25, "Ủy ban Văn hóa và Xã hội của Quốc hội giám sát.", None),
    (D25, "Ủy ban Tài chính, Ngân sách của Quốc hội thẩm tra dự toán.",
     ("N403", "Ủy ban Tài chính, Ngân sách", "Ủy ban Kinh tế và Tài chính")),
    (D24, "Ủy ban Tài chính, Ngân sách của Quốc hội thẩm tra dự toán.", None),  # right at its date
    (D24, "Ủy ban Kinh tế và Tài chính của Quốc hội thẩm tra báo cáo.",  # not yet: from 18/02/2025
     ("N403", "Ủy ban Kinh tế và Tài chính", None)),
    # --- departments of ministries merged on 01/3/2025
    (D25, "Bộ Nông nghiệp và Môi trường chỉ đạo Cục Thú y kiểm soát tiến độ.", ("N403", "Cục Thú y", "Cục Chăn nuôi và Thú y")),
    (D25, "Bộ Nông nghiệp và Môi trường chỉ đạo Cục Bảo vệ thực vật kiểm soát.", ("N403", "Cục Bảo vệ thực vật", "Cục Trồng trọt và Bảo vệ thực vật")),
    (D25, "Cục Chăn nuôi phối hợp các địa phương.", ("N403", "Cục Chăn nuôi", "Cục Chăn nuôi và Thú y")),
    (D25, "Cục Trồng trọt hướng dẫn các địa phương.", ("N403", "Cục Trồng trọt", "Cục Trồng trọt và Bảo vệ thực vật")),
    (D25, "Cục Chăn nuôi và Thú y kiểm soát dịch bệnh.", None),
    (D25, "Cục Trồng trọt và Bảo vệ thực vật hướng dẫn.", None),
    (D24, "Cục Thú y hướng dẫn phòng, chống dịch.", None),
    (D24, "Cục Bảo vệ thực vật theo dõi sâu bệnh.", None),
    (D24, "Cục Chăn nuôi và Thú y kiểm soát dịch bệnh.", ("N403", "Cục Chăn nuôi và Thú y", None)),
    # --- State economic groups, in full and in a factored list
    (D25, "Tập đoàn Bưu chính viễn thông Việt Nam phối hợp triển khai.", ("N402", "Tập đoàn Bưu chính viễn thông Việt Nam", "Tập đoàn Bưu chính Viễn thông Việt Nam")),
    (D25, "Văn phòng Chính phủ và các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính viễn thông Việt Nam, Công nghiệp - Viễn thông Quân đội.",
     ("N402", "Bưu chính viễn thông Việt Nam", "Bưu chính Viễn thông Việt Nam")),
    (D25, "Các Tập đoàn: Công nghiệp - Năng lượng Quốc gia Việt Nam, Bưu chính Viễn thông Việt Nam phối hợp.", None),
    (D25, "Tập đoàn Điện lực Việt Nam bảo đảm cung cấp điện.", None),
    (D25, "Tập đoàn Công nghiệp - Viễn thông Quân đội hỗ trợ hạ tầng.", None),
    (D25, "EVN, VNPT và Viettel bảo đảm hạ tầng.", None),
    # --- ministries (NQ 176/2025) and their names in lists
    (D25, "Giao Bộ Kế hoạch và Đầu tư chủ trì tổng hợp.", ("N403", "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính")),
    (D24, "Giao Bộ Kế hoạch và Đầu tư chủ trì tổng hợp.", None),
    (D25, "Giao Bộ Tài chính chủ trì tổng hợp.", None),
    (D21, "Giao Bộ Nông nghiệp và Môi trường chủ trì.", ("N403", "Bộ Nông nghiệp và Môi trường", None)),
    (D25, "Giao bộ Tài chính chủ trì, phối hợp.", ("N402", "bộ Tài chính", "Bộ Tài chính")),
    (D25, "Bộ tài chính chủ trì, phối hợp với các bộ.", ("N402", "Bộ tài chính", "Bộ Tài chính")),
    (D25, "Cùng dự có đại diện các Bộ, cơ quan: Nông nghiệp và Môi trường, Tài chính, Xây dựng, Văn phòng Chính phủ.", None),
    (D25, "Các bộ, ngành, địa phương theo chức năng, nhiệm vụ triển khai.", None),
    (D25, "Đề nghị các Bộ, cơ quan liên quan phối hợp chặt chẽ.", None),
    (D25, "Bộ Công thương chủ trì kiểm tra thị trường.", ("N402", "Bộ Công thương", "Bộ Công Thương")),
    (D25, "Bộ Khoa học và Công nghệ chủ trì.", None),
    (D25, "Bộ Văn hoá, Thể thao và Du lịch chủ trì.", None),  # the writer's tone style kept
    # --- provincial departments (NĐ 45/2025) and provinces (NQ 202/2025)
    (D25, "Giao Sở Kế hoạch và Đầu tư chủ trì.", ("N403", "Sở Kế hoạch và Đầu tư", "Sở Tài chính")),
    (D24, "Giao Sở Kế hoạch và Đầu tư chủ trì.", None),
    (D25, "Giao Sở Công thương chủ trì đôn đốc thực hiện.", ("N402", "Sở Công thương", "Sở Công Thương")),
    (D25, "Giao Sở Sây dựng chủ trì, phối hợp với các địa phương.", ("N401", "Sở Sây dựng", "Sở Xây dựng")),
    (D25, "Giao Sở Văn hóa - Thể thao và Du lịch hoàn thiện.", ("N401", "Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch")),
    (D25, "Giao Sở Nông nghiệp và Môi trường chủ trì.", None),
    (D21, "Giao Sở Lao động, Thương binh và Xã hội chủ trì.", ("N401", "Sở Lao động, Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội")),
    (D21, "Giao Sở Lao động - Thương binh và Xã hội chủ trì.", None),
    (D25, "các tỉnh Kiên Giang, An Giang rà soát.", ("N403", "Kiên Giang", "tỉnh An Giang")),
    (D24, "tỉnh Kiên Giang rà soát danh mục dự án.", None),
    (D25, "Ủy ban nhân tỉnh chỉ đạo các sở.", ("N401", "Ủy ban nhân tỉnh", "Ủy ban nhân dân tỉnh")),
    (D25, "Ủy bân nhân dân tỉnh chỉ đạo.", ("N401", "Ủy bân nhân dân tỉnh", "Ủy ban nhân dân tỉnh")),
    (D25, "Giao Ủy ban nhân dân tỉnh Quảng Ngãi chủ trì.", None),
    (D25, "Giao Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ.", None),
    (D25, "Giao Ban quản lý Khu kinh tế chủ trì.", ("N402", "Ban quản lý Khu kinh tế", "Ban Quản lý Khu kinh tế")),
    (D25, "Bộ Chỉ huy Quân sự tinh chủ trì diễn tập.", ("N401", "Bộ Chỉ huy Quân sự tinh", "Bộ Chỉ huy Quân sự tỉnh")),
    (D25, "Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh phối hợp.", None),
    # --- Party bodies, courts and procuracies
    (D25, "báo cáo Ban Thường vụ Tỉnh ủy kết quả thực hiện.", None),
    (D25, "báo cáo Thường trực Tỉnh uỷ kết quả thực hiện.", None),
    (D25, "theo Kết luận của Bộ Chính trị và Ban Bí thư.", None),
    (D25, "Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao phối hợp.", None),
    (D25, "Kiểm toán nhà nước kiểm toán dự án.", None),
    (D25, "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam giám sát.", None),
    # --- names written in capitals (headers, titles): never a capitals finding
    (D25, "BỘ Y TẾ", None),
    (D25, "VĂN PHÒNG CHÍNH PHỦ", None),
    (D25, "ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", None),
    (D25, "BAN CHỈ ĐẠO NHÀ NƯỚC CÁC CÔNG TRÌNH, DỰ ÁN QUAN TRỌNG QUỐC GIA", None),
    (D25, "TẬP ĐOÀN ĐIỆN LỰC VIỆT NAM", None),
    (D25, "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", None),
    (D25, "SỞ CÔNG THUONG TỈNH", ("N401", "SỞ CÔNG THUONG TỈNH", "SỞ CÔNG THƯƠNG TỈNH")),  # capitals keep the spelling check
    # --- generic words and other names that look like bodies
    (D25, "Riêng xã Nậm Sỏ xây dựng phương án; cơ sở Y tế và trụ sở UBND xã được sửa chữa.", None),
    (D25, "Phòng Kinh doanh của doanh nghiệp phối hợp.", None),
    (D25, "Giao Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam tuyên truyền.", None),
    (D25, "Giao Đài truyền hình Việt Nam tuyên truyền.", ("N402", "Đài truyền hình Việt Nam", "Đài Truyền hình Việt Nam")),
    (D25, "- Cổng thông tin điện tử tỉnh;", ("N402", "Cổng thông tin điện tử tỉnh", "Cổng Thông tin điện tử tỉnh")),
]
# fmt: on


_LINE = notice("\0").split("\n").index("1. \0") + 1  # the line of the sentence in the notice


def test_the_table_is_big_enough():
    assert len(ROWS) >= 80
    assert sum(1 for r in ROWS if r[2] is None) >= 30 and sum(1 for r in ROWS if r[2]) >= 30


@pytest.mark.parametrize("date,sentence,expected", ROWS, ids=[f"{i:02d}:{r[1][:40]}" for i, r in enumerate(ROWS)])
def test_name_forms(date, sentence, expected):
    ds = [d for d in run_text(notice(sentence, date=date), select=N4) if d.code in N4
          and d.line == _LINE]
    got = [(d.code, d.context, d.suggestion) for d in ds]
    if expected is None:
        assert not got, got
        return
    code, span, suggestion = expected
    assert any(g[0] == code and g[1] == span and (suggestion is None or g[2] == suggestion) for g in got), got


@pytest.mark.parametrize("sentence,severity", [
    ("Giao xã Nậm sỏ rà soát, báo cáo.", "warning"),  # a commune, named with its unit word
    ("Tổ chức kỷ niệm 70 năm chiến thắng Điện Biên phủ.", "info"),  # a place, not a unit: typography
    ("Các mẫu đơn nộp trên Cổng dịch vụ công quốc gia.", "info"),  # a system, not a body
    ("Giao Sở Công thương chủ trì.", "warning"),
])
def test_what_a_capitals_slip_weighs(sentence, severity):
    (d,) = [d for d in run_text(notice(sentence, date=D25), select=["N402"]) if d.line == _LINE]
    assert d.severity == severity


def test_a_known_abbreviation_misspelt_is_not_an_unexplained_one():
    """"BCD" is "BCĐ" (Ban Chỉ đạo) misspelt: L701 says so; N404 must not call it unexplained (and
    so never suggests writing "BCD" out)."""
    ds = [d for d in run_text(notice("Đề nghị BCD tỉnh, UBND xã và VNPT triển khai.", date=D25), select=["N404", "L701"])
          if d.line == _LINE]
    assert [(d.code, d.context, d.suggestion) for d in ds] == [("L701", "BCD", "BCĐ")]
