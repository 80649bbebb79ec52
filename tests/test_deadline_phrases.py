"""Deadline phrasings from real notices, each with its normalised kind and date (like eyecite's
table tests). The phrases are quoted verbatim from ../shared/seeds and ../shared/corpus (a
hard-wrapped line is quoted joined, as the reader joins it); Markdown emphasis is kept where the
source has it, since emphasis must not matter. The reference date is the meeting date of the
source document (a date without a year takes its year).

Each row: (source, phrase, reference date, expected deadline text, kind, ISO date or None).
The expected deadline is the task's primary one (the earliest dated, else the first concrete,
else the first vague one); kind "none" means the phrase holds no deadline at all.
"""
from __future__ import annotations

import datetime as dt

import pytest

from checker import rx as re
from checker.document import load_path, load_text
from checker.extract.deadlines import _CLAUSE_BREAK, find_deadlines, primary

from .conftest import SEEDS, needs_shared

D = dt.date
S000, S001, S002, S004 = D(2021, 8, 24), D(2020, 8, 31), D(2021, 8, 6), D(2024, 4, 2)
C001, C002, C003, C005, C006 = D(2025, 11, 9), D(2025, 11, 15), D(2025, 11, 8), D(2025, 11, 9), D(2025, 11, 14)
OTHER = D(2025, 11, 1)

CASES = [
    # seed 001 (meeting 31/8/2020): dates without a year are in 2020
    ("001 l.17", "Khẩn trương hoàn thành chỉ tiêu các cây trồng vụ Thu đông, trọng tâm là nâng cao diện tích Ngô đông, hoàn thành trước 10/9.", S001, "trước 10/9", "by-date", "2020-09-10"),
    ("001 l.19", "Xây dựng, triển khai, hoàn thành các dự án trồng cây Đào, Mận, Lê thuộc nguồn vốn sự nghiệp CT MTQGNTM và các mô hình thuộc nguồn vốn khuyến nông của Trung tâm DVNN huyện trong tháng 9/2020.", S001, "trong tháng 9/2020", "within-month", "2020-09-30"),
    ("001 l.21", "Đẩy nhanh tiến độ triển khai chương trình phát triển nông nghiệp công nghệ cao trong tháng 9 với một số mô hình của Trung tâm DVNN huyện", S001, "trong tháng 9", "within-month", "2020-09-30"),
    ("001 l.23", "hoàn thành dự thảo trình UBND lần 1 trước ngày 15/9.", S001, "trước ngày 15/9", "by-date", "2020-09-15"),
    ("001 l.25", "Báo cáo gửi Phòng Nông nghiệp và PTNT trước ngày 10/9).", S001, "trước ngày 10/9", "by-date", "2020-09-10"),
    ("001 l.27", "tổng hợp gửi Phòng Tài chính - Kế hoạch trước ngày 05/9/2020.", S001, "trước ngày 05/9/2020", "by-date", "2020-09-05"),
    ("001 l.29", "Kiểm tra tiến độ thực hiện 130 lồng cá đang triển khai tại Tà Mít trong tháng 9;", S001, "trong tháng 9", "within-month", "2020-09-30"),
    ("001 l.31", "chỉ đạo cụ thể hóa công việc để thực hiện, báo cáo kết quả hằng tuần về UBND huyện.", S001, "hằng tuần", "recurring", None),
    ("001 l.33", "Giao Phòng Nông nghiệp & PTNT đôn đốc, xong trước ngày 20/9.", S001, "xong trước ngày 20/9", "by-date", "2020-09-20"),
    ("001 l.35", "báo cáo UBND huyện trước 15/9 để cho chủ trương xây dựng các dự án phát triển rừng", S001, "trước 15/9", "by-date", "2020-09-15"),
    ("001 l.37", "theo 3 loại rừng đảm bảo đúng thực trạng hoàn thành trước 10/10;", S001, "trước 10/10", "by-date", "2020-10-10"),
    ("001 l.37", "Phòng NN&PTNT, TN&MT tổ chức kiểm tra, báo cáo UBND huyện trước ngày 10/11.", S001, "trước ngày 10/11", "by-date", "2020-11-10"),
    ("001 l.45", "đảm bảo tỷ lệ giải ngân đến 30/9 đạt tối thiểu 70%.", S001, "đến 30/9", "by-date", "2020-09-30"),
    ("001 l.47", "Kết luận số 29-KL/HU ngày 30/6/2017 của BCH Huyện ủy) xong trước ngày 08/9;", S001, "xong trước ngày 08/9", "by-date", "2020-09-08"),
    ("001 l.47", "(trình Chủ tịch UBND huyện trước ngày 15/9).", S001, "trước ngày 15/9", "by-date", "2020-09-15"),
    ("001 l.49", "trình UBND huyện lần 1 trước ngày 15/9/2020.", S001, "trước ngày 15/9/2020", "by-date", "2020-09-15"),
    ("001 l.71", "cho khai giảng năm học mới của 100% các trường trên địa bàn huyện trước ngày 03/9/2020.", S001, "trước ngày 03/9/2020", "by-date", "2020-09-03"),
    ("001 l.77", "sửa chữa các hạng mục của các đơn vị trường để bàn giao đưa vào sử dụng trước năm học mới;", S001, "trước năm học mới", "event", None),
    # a concrete event (../shared/gold: "trong dịp quốc khánh 2/9", "khai giảng năm học mới 2021-2022")
    ("001 l.87", "đẩy mạnh các hoạt động thông tin, tuyên truyền lưu động phòng chống dịch Covid-19, nhất là trong dịp Quốc khánh 2/9.", S001, "Quốc khánh 2/9", "event", None),
    ("001 l.77", "báo cáo tiến độ hằng tuần về UBND huyện.", S001, "hằng tuần", "recurring", None),
    ("001 l.93", "kiểm tra các tiêu chí văn minh đô thị tại thị trấn Tân Uyên trước ngày 25/9/2020.", S001, "trước ngày 25/9/2020", "by-date", "2020-09-25"),
    ("001 l.105", "Báo cáo tình hình thực hiện kế hoạch kiểm tra công tác phòng chống dịch Covid-19 định kỳ hằng tuần;", S001, "định kỳ hằng tuần", "recurring", None),
    ("001 l.105", "thành lập cơ sở cách ly tập trung tại bản Tát Xôm, xã Trung Đồng trước ngày 06/9.", S001, "trước ngày 06/9", "by-date", "2020-09-06"),
    ("001 l.119", "xây dựng kế hoạch đào tạo nghề năm 2021 xong trước ngày 15/9;", S001, "xong trước ngày 15/9", "by-date", "2020-09-15"),
    ("001 l.127", "(trong tháng 9/2020, yêu cầu hoàn thành dự thảo phương án bố trí, sắp xếp;", S001, "trong tháng 9/2020", "within-month", "2020-09-30"),
    ("001 l.65", "Hoàn thành trước 20/9.", S001, "trước 20/9", "by-date", "2020-09-20"),
    ("001 l.151", "hằng tháng có báo cáo đánh giá tại phiên họp thường kỳ UBND huyện.", S001, "hằng tháng", "recurring", None),
    ("001 l.157", "Tài liệu tại Hội nghị sơ kết báo cáo về UBND huyện chậm nhất trước ngày 20/9/2020.", S001, "chậm nhất trước ngày 20/9/2020", "by-date", "2020-09-20"),
    ("001 l.51", "Khẩn trương hoàn thiện kế hoạch phát triển kinh tế, xã hội và dự toán ngân sách nhà nước năm 2021.", S001, "Khẩn trương", "vague", None),
    ("001 l.57", "Các công trình có khối lượng thực hiện cần hoàn thiện ngay các thủ tục, hồ sơ thanh toán", S001, "ngay", "vague", None),
    ("001 l.143", "kịp thời báo cáo Chủ tịch UBND huyện để có ý kiến chỉ đạo đối với đơn vị còn chậm thực hiện.", S001, "kịp thời", "vague", None),
    ("001 l.47", "chỉ tiêu thực hiện Kết luận số 472-KL/TU ngày 20/6/2017 của Ban Thường vụ Tỉnh ủy", S001, None, "none", None),
    ("001 l.55", "(đã chỉ đạo tại phiên họp thường kỳ tháng 7 nhưng thực hiện không triệt để)", S001, None, "none", None),
    ("001 l.157", "Văn phòng HĐND-UBND huyện tham mưu tổ chức Hội nghị sơ kết trong 01 ngày.", S001, None, "none", None),
    ("001 l.147", "tổ chức các biện pháp đảm bảo an ninh trật tự, an toàn xã hội trước trong và sau khi tổ chức Đại hội Đảng các cấp", S001, None, "none", None),
    # seed 000 (meeting 24/8/2021)
    ("000 l.50", "Đến ngày 30/9/2021, đơn vị nào không giải ngân được 60% kế hoạch vốn giao", S000, "Đến ngày 30/9/2021", "by-date", "2021-09-30"),
    ("000 l.68", "đề xuất phương án sử dụng, tránh lãnh phí nguồn lực, báo cáo UBND tỉnh trong tháng 9 năm 2021.", S000, "trong tháng 9 năm 2021", "within-month", "2021-09-30"),
    ("000 l.80", "và các thị trường khác trong tháng 9 năm 2021 để thúc đẩy tiêu thụ các sản phẩm nông sản của tỉnh", S000, "trong tháng 9 năm 2021", "within-month", "2021-09-30"),
    ("000 l.96", "Hoàn thiện, trình UBND tỉnh trong tháng 9 năm 2021.", S000, "trong tháng 9 năm 2021", "within-month", "2021-09-30"),
    ("000 l.112", "tham gia bằng văn bản gửi cơ quan soạn thảo trước ngày 10/9/2021 để hoàn thiện", S000, "trước ngày 10/9/2021", "by-date", "2021-09-10"),
    ("000 l.34", "Sở Y tế khẩn trương chuẩn bị các điều kiện để đưa lực lượng hỗ trợ thành phố Hồ Chí Minh chống dịch đợt 2", S000, "khẩn trương", "vague", None),
    ("000 l.62", "Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan sớm tổ chức tuyển dụng công chức, viên chức;", S000, "sớm", "vague", None),
    ("000 l.28", "áp dụng các biện pháp đảm bảo theo đúng tinh thần có thể cao hơn, sớm hơn nhưng không được thấp hơn, chậm hơn", S000, None, "none", None),
    ("000 l.44", "Tập trung chuẩn bị các nội dung báo cáo, dự thảo Nghị quyết trình HĐND tỉnh kỳ họp thứ ba, HĐND tỉnh khóa XV đảm bảo chất lượng, tiến độ.", S000, "đảm bảo chất lượng, tiến độ", "vague", None),  # gold: "theo tiến độ"-like words are vague
    ("000 l.92", "ban hành kèm theo Quyết định số 42/2018/QĐ-UBND ngày 10/12/2018 của Ủy ban nhân dân tỉnh Lai Châu", S000, None, "none", None),
    # seed 002 (meeting 06/8/2021)
    # the year of the plan whose capital is to be disbursed (not the "để" before it: a concrete year)
    ("002 l.35", "quyết liệt hơn nữa để đẩy nhanh tiến độ giải ngân kế hoạch đầu tư công năm 2021 các dự án do cơ quan, đơn vị mình làm chủ đầu tư.", S002, "giải ngân kế hoạch đầu tư công năm 2021", "within-year", "2021-12-31"),
    ("002 l.41", "có nhu cầu bổ sung (*hoàn thành trước ngày 15 tháng 8 năm 2021*).", S002, "trước ngày 15 tháng 8 năm 2021", "by-date", "2021-08-15"),
    ("002 l.53", "theo quy định (*hoàn thành trước ngày 30 tháng 8 năm 2021*).", S002, "trước ngày 30 tháng 8 năm 2021", "by-date", "2021-08-30"),
    ("002 l.97", "tham mưu Ủy ban nhân dân tỉnh trình Hội nghị Ban Thường vụ Tỉnh ủy tháng 8 năm 2021.", S002, "trình Hội nghị Ban Thường vụ Tỉnh ủy tháng 8 năm 2021", "event", "2021-08-31"),
    ("002 l.113", "Tổng hợp kết quả triển khai nhiệm vụ nêu trên, báo cáo tại Phiên họp Ủy ban nhân dân tỉnh thường kỳ tiếp theo.", S002, "báo cáo tại Phiên họp Ủy ban nhân dân tỉnh thường kỳ tiếp theo", "event", None),
    ("002 l.43", "thực hiện đảm bảo, kịp thời công tác thống kê kinh tế - xã hội trên địa bàn tỉnh định kỳ hàng tháng, quý, năm", S002, "định kỳ hàng tháng, quý, năm", "recurring", None),
    ("002 l.99", "phù hợp với tình hình dịch bệnh Covid-19 để hưởng ứng các sự kiện chính trị lớn trong tháng 8.", S002, None, "none", None),
    ("002 l.97", "Đề án sắp xếp đến cuối năm 2021 và giai đoạn 2 (*đến năm 2025*), giai đoạn 3 (*đến năm 2030*)", S002, None, "none", None),
    # seed 004 (meeting 02/4/2024); emphasis around the deadline does not matter
    ("004 l.87", "Thời hạn báo cáo UBND tỉnh **trong tháng 4/2024**.", S004, "trong tháng 4/2024", "within-month", "2024-04-30"),
    ("004 l.101", "**Thời hạn trong Quý II/2024.**", S004, "Thời hạn trong Quý II/2024", "within-quarter", "2024-06-30"),
    ("004 l.103", "rà soát, tổng hợp báo cáo tỉnh danh mục dự án đầu tư. **Thời hạn trong tháng 4/2024.**", S004, "Thời hạn trong tháng 4/2024", "within-month", "2024-04-30"),
    ("004 l.105", "nghiên cứu, đề xuất **báo cáo tỉnh trong tháng 04/2024.**", S004, "trong tháng 04/2024", "within-month", "2024-04-30"),
    ("004 l.109", "Thời hạn báo cáo UBND tỉnh **trước ngày 15/04/2024**.", S004, "trước ngày 15/04/2024", "by-date", "2024-04-15"),
    ("004 l.133", "Trung tâm dạy nghề và Giáo dục thường xuyên cấp huyện; **thời hạn trong tháng 5/2024**.", S004, "thời hạn trong tháng 5/2024", "within-month", "2024-05-31"),
    ("004 l.63", "(2) Trong tháng 4/2024, xếp lịch để Thường trực UBND tỉnh nghe các ngành báo cáo tiến độ", S004, "Trong tháng 4/2024", "within-month", "2024-04-30"),
    ("004 l.115", "(3) Phối hợp với các cơ quan đơn vị địa phương nghiên cứu tham mưu tổ chức các sự kiện xúc tiến về thương mại du lịch với tần suất ít nhất 01 lần trong 01 quý.", S004, "ít nhất 01 lần trong 01 quý", "recurring", None),
    ("004 l.57", "chủ động xây dựng dự thảo các Báo cáo, Tờ trình, Nghị quyết trình kỳ họp thường lệ giữa năm 2024 theo quy định", S004, "trình kỳ họp thường lệ giữa năm 2024", "event", None),
    # corpus notices (2025)
    ("corpus 001 l.198", "trình Chính phủ xem xét, quyết định trong tháng 12/2025.", C001, "trong tháng 12/2025", "within-month", "2025-12-31"),
    ("corpus 001 l.176", "để kịp báo cáo Quốc hội tại Kỳ họp thứ 10 của Quốc hội khóa XV.", C001, "kịp báo cáo Quốc hội tại Kỳ họp thứ 10 của Quốc hội khóa XV", "event", None),
    ("corpus 002 l.102", "(1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 11 năm 2025;", C002, "trước ngày 25 tháng 11 năm 2025", "by-date", "2025-11-25"),
    ("corpus 003 l.147", "tổ chức thành công lễ khánh thành các dự án vào ngày 19 tháng 12 năm 2025 theo đúng chỉ đạo", C003, "vào ngày 19 tháng 12 năm 2025", "by-date", "2025-12-19"),
    ("corpus 003 l.215", "Giao Phó Thủ tướng Chính phủ Trần Hồng Hà trước ngày 15 tháng 11 năm 2025 trực tiếp kiểm tra", C003, "trước ngày 15 tháng 11 năm 2025", "by-date", "2025-11-15"),
    ("corpus 003 l.222", "Quảng Ngãi - Kon Tum, Bắc Kạn - Cao Bằng, hoàn thành trong năm 2025.", C003, "trong năm 2025", "within-year", "2025-12-31"),
    # a vague word in a purpose clause is how the purpose is met, not when the task is due
    ("corpus 003 l.299", "sông Cửu Long để bổ sung vào danh mục các dự án thuộc Ban chỉ đạo (nếu cần) để theo dõi, đôn đốc kịp thời.", C003, None, "none", None),
    ("corpus 006 l.115", "Tiếp tục rà soát, hoàn thiện, ổn định tổ chức bộ máy, chủ động bám sát các quy định của Chính phủ để triển khai kịp thời.", C006, None, "none", None),
    ("corpus 005 l.217", "phối hợp chặt chẽ với Tỉnh để tập trung nghiên cứu, rà soát, khẩn trương xử lý các kiến nghị của tỉnh;", C005, "khẩn trương", "vague", None),
    ("corpus 001 l.107", "quyết tâm giải ngân 100% kế hoạch vốn năm 2025 đã được Thủ tướng Chính phủ giao.", C001, "giải ngân 100% kế hoạch vốn năm 2025", "within-year", "2025-12-31"),
    ("corpus 003 l.283", "sớm báo cáo cấp có thẩm quyền phương án đầu tư theo quy định trong tháng 11 năm 2025.", C003, "trong tháng 11 năm 2025", "within-month", "2025-11-30"),
    ("corpus 003 l.272", "ưu tiên các dự án cao tốc trong danh mục hoàn thành 5.000 km vào năm 2030;", C003, None, "none", None),
    ("corpus 005 l.180", "báo cáo Thủ tướng Chính phủ kết quả thực hiện trong Quý I năm 2026.", C005, "trong Quý I năm 2026", "within-quarter", "2026-03-31"),
    ("corpus 005 l.189", "đoạn trên địa bàn tỉnh Thanh Hóa trước ngày 01 tháng 12 năm 2025.", C005, "trước ngày 01 tháng 12 năm 2025", "by-date", "2025-12-01"),
    ("corpus 005 l.210", "tổ chức triển khai thực hiện theo quy định, hoàn thành trong tháng 12 năm 2025;", C005, "trong tháng 12 năm 2025", "within-month", "2025-12-31"),
    ("corpus 006 l.159", "báo cáo cấp có thẩm quyền những vấn đề vượt thẩm quyền (nếu có) trong tháng 11 năm 2025.", C006, "trong tháng 11 năm 2025", "within-month", "2025-11-30"),
    ("corpus 006 l.85", "Tập trung lãnh đạo, chỉ đạo để hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2025,", C006, "hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát triển kinh tế - xã hội năm 2025", "within-year", "2025-12-31"),
    ("corpus 003 l.196", "Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% trong khi thời gian còn lại của năm 2025 chỉ khoảng 2 tháng", C003, None, "none", None),
    ("corpus 001 l.159", "Quy hoạch mạng lưới đường bộ thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 đã được Thủ tướng Chính phủ phê duyệt.", C001, None, "none", None),
    # corpus/other (2025)
    ("other 014", "Bộ Nội vụ) trước Thứ Tư ngày 03/12/2025", OTHER, "trước Thứ Tư ngày 03/12/2025", "by-date", "2025-12-03"),
    ("other", "báo cáo Ban Chỉ đạo của Chính phủ trước ngày 15/12/2025", OTHER, "trước ngày 15/12/2025", "by-date", "2025-12-15"),
    ("other", "Hoàn thành trong tháng 9/2025", OTHER, "trong tháng 9/2025", "within-month", "2025-09-30"),
]


def _text(phrase: str) -> str:
    """The phrase as the reader gives it (Markdown emphasis removed)."""
    return load_text(phrase).paragraphs[0].text


@pytest.mark.parametrize("source,phrase,ref,text,kind,iso", CASES, ids=[f"{c[0]}:{c[1][:40]}" for c in CASES])
def test_deadline_phrase(source, phrase, ref, text, kind, iso):
    d = primary(find_deadlines(_text(phrase), ref, ref.year))
    if kind == "none":
        assert d is None, f"{source}: no deadline expected, got {d}"
        return
    assert d is not None, f"{source}: no deadline found in {phrase!r}"
    assert (d.text, d.kind, d.date.isoformat() if d.date else None) == (text, kind, iso)


def test_at_least_sixty_phrasings():
    assert len(CASES) >= 60
    assert len({c[1] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("phrase,ref,iso", [
    ("báo cáo UBND tỉnh trước ngày 10/01", D(2021, 12, 20), "2022-01-10"),  # December meeting, January deadline
    ("hoàn thành trong tháng 02", D(2023, 11, 28), "2024-02-29"),
    ("báo cáo trước ngày 25/8", D(2020, 8, 31), "2020-08-25"),  # just before the meeting: same year (D204 reports it)
])
def test_year_of_yearless_dates(phrase, ref, iso):
    d = primary(find_deadlines(phrase, ref, ref.year))
    assert d.date.isoformat() == iso


def test_impossible_dates_are_kept_as_invalid():
    for phrase in ("báo cáo trước ngày 31/9", "hoàn thành trước ngày 30/02/2021", "trình trước ngày 29/02/2023"):
        (d,) = [x for x in find_deadlines(phrase, D(2021, 8, 1), 2021) if x.concrete]
        assert d.kind == "by-date" and not d.valid and d.date is None, phrase


def test_relative_week():
    (d,) = find_deadlines("Phòng Y tế báo cáo trong tuần.", D(2020, 9, 2), 2020)
    assert (d.kind, d.date) == ("within-week", D(2020, 9, 6))


# Classes of phrase, in short synthetic sentences (not a document's words): the expected primary
# deadline as (text, kind, ISO date or None); None when the sentence holds no deadline.
SYNTHETIC = [
    # the end of a year closes it: a deadline, not a horizon ("tầm nhìn đến năm 2050")
    ("Sở Tài chính xây dựng kịch bản tăng thu từ nay đến hết năm 2023; báo cáo UBND tỉnh.",
     ("đến hết năm 2023", "within-year", "2023-12-31")),
    ("Hoàn thiện hồ sơ dự án đến hết năm 2023.", ("đến hết năm 2023", "within-year", "2023-12-31")),
    ("Quy hoạch vùng huyện tầm nhìn đến năm 2050.", None),
    # the end of the current period with no number: the period of the reference date
    ("Phòng Nội vụ rà soát hồ sơ cán bộ đến cuối năm, đề xuất phương án.", ("đến cuối năm", "within-year", "2023-12-31")),
    ("Phòng Y tế tổng hợp số liệu, báo cáo trước cuối tháng.", ("trước cuối tháng", "within-month", "2023-08-31")),
    ("Các xã báo cáo từ nay đến hết quý.", ("từ nay đến hết quý", "within-quarter", "2023-09-30")),
    # a proposal studied "in the course of" a process: the process; elsewhere a manner, no deadline
    ("Bộ Xây dựng nghiên cứu đề xuất của tỉnh trong quá trình hướng dẫn thi hành Luật Nhà ở.",
     ("trong quá trình hướng dẫn thi hành Luật Nhà ở", "event", None)),
    ("Sở Y tế tiếp thu, nghiên cứu đề nghị của huyện trong quá trình lập kế hoạch, bảo đảm đúng quy định.",
     ("trong quá trình lập kế hoạch", "event", None)),
    ("Các sở tăng cường phối hợp trong quá trình triển khai dự án.", None),
    # the day a law takes effect is an event deadline, before a later "nhiệm vụ thường xuyên"
    ("Các sở trình ban hành quy định chi tiết, bảo đảm có hiệu lực cùng thời điểm Luật có hiệu lực.",
     ("cùng thời điểm Luật có hiệu lực", "event", None)),
    ("Sở Tư pháp hướng dẫn thi hành, phù hợp với thời điểm có hiệu lực của Luật; tiếp tục rà soát văn bản, nhiệm vụ thường xuyên.",
     ("phù hợp với thời điểm có hiệu lực của Luật", "event", None)),
    # a vague word in a series of qualities of the work says how well, not when
    ("Sở Thông tin và Truyền thông cung cấp thông tin nhanh chóng, chính xác về dịch bệnh.", None),
    ("Các huyện giải ngân nhanh chóng và đầy đủ các nguồn vốn hỗ trợ.", None),
    ("Các huyện giải ngân nhanh chóng các nguồn vốn hỗ trợ.", ("nhanh chóng", "vague", None)),
    # a year followed by "nêu trên" names what was mentioned before, not when the work is due
    ("UBND huyện giải ngân hết số vốn sự nghiệp năm 2023 nêu trên, báo cáo kết quả trong Quý I năm 2024.",
     ("trong Quý I năm 2024", "within-quarter", "2024-03-31")),
    ("UBND huyện giải ngân hết số vốn sự nghiệp năm 2023, báo cáo kết quả trong Quý I năm 2024.",
     ("giải ngân hết số vốn sự nghiệp năm 2023", "within-year", "2023-12-31")),
    # with no reference date to compare with, a meeting named by its day is cited, not a deadline,
    # unless a report or a cue comes before it
    ("Thực hiện ý kiến tại Thông báo số 12/TB-UBND và cuộc họp ngày 10 tháng 7 năm 2023; trình UBND tỉnh dự thảo "
     "quyết định trước ngày 30/9/2023.", ("trước ngày 30/9/2023", "by-date", "2023-09-30")),
    ("Thực hiện ý kiến tại cuộc họp ngày 10 tháng 7 năm 2023, trình UBND tỉnh dự thảo quyết định trước ngày 30/9/2023.",
     ("trước ngày 30/9/2023", "by-date", "2023-09-30")),
    ("Sở Nội vụ báo cáo tại cuộc họp ngày 20 tháng 9 năm 2023.", ("báo cáo tại cuộc họp ngày 20 tháng 9 năm 2023", "event", "2023-09-20")),
]


@pytest.mark.parametrize("phrase,want", SYNTHETIC, ids=[s[0][:50] for s in SYNTHETIC])
def test_synthetic_class(phrase, want):
    d = primary(find_deadlines(phrase, None, 2023) if "cuộc họp" in phrase else find_deadlines(phrase, D(2023, 8, 10), 2023))
    got = None if d is None else (d.text, d.kind, d.date.isoformat() if d.date else None)
    assert got == want


# _CLAUSE_BREAK as first written: a choice of classes, tried at every position
PLAIN_CLAUSE_BREAK = re.compile(r"[.;()]\s|[;()]|\.$")


@needs_shared
def test_clause_break_finds_what_its_plain_form_finds():
    """clause_bounds() finds the breaks with a pattern written for speed (one class of its first
    characters first): the same spans as the plain form, up to and from every position."""
    texts = ["a.", "a.\n", "a;b", "x (y) z.", ";", ".", "a. b", "a.b", "(", ")\n", "a.\nb.", "..", ". ;", ""]
    texts += [p.text for f in sorted(SEEDS.glob("*.txt")) for p in load_path(str(f)).paragraphs]
    for text in texts:
        for i in range(len(text) + 1):
            assert ([m.span() for m in _CLAUSE_BREAK.finditer(text, 0, i)]
                    == [m.span() for m in PLAIN_CLAUSE_BREAK.finditer(text, 0, i)]), (text, i)
            new, plain = _CLAUSE_BREAK.search(text, i), PLAIN_CLAUSE_BREAK.search(text, i)
            assert (new and new.span()) == (plain and plain.span()), (text, i)
