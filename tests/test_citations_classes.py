"""Issue 17, acceptance 2: a table of real citations (as real notices and letters of 2019-2025
write them: ../shared corpus and seeds), one class of the issue per group, each in a notice of a
given date: the parts read (number-symbol, date, issuer) and the C5xx findings a reviewer expects
on its line. A row is (date of the notice, the sentence, (symbol, date ISO or None, issuer or
None), the set of codes expected)."""
from __future__ import annotations

import pytest

from checker.document import load_text
from checker.extract.citations import citations

from .conftest import run_text
from .test_agencies_validity import notice

D25 = "ngày 18 tháng 11 năm 2025"
D26 = "ngày 10 tháng 02 năm 2026"
D19 = "ngày 10 tháng 10 năm 2019"
NONE: frozenset = frozenset()

# fmt: off
ROWS = [
    # --- "&" inside the issuing unit of a symbol: the whole symbol, its date after it
    (D25, "Cục Quản lý KCB có Công văn số 1506/KCB-QLCL&CGKT ngày 22/9/2025 đôn đốc các cơ sở y tế tư nhân cập nhật dữ liệu.",
     ("1506/KCB-QLCL&CGKT", "2025-09-22", "Cục Quản lý KCB"), NONE),
    (D25, "Triển khai Kế hoạch số 515/KH-BCA-BNN&MT ngày 12/8/2025 của Bộ Công an, Bộ Nông nghiệp và Môi trường về truy xuất nguồn gốc.",
     ("515/KH-BCA-BNN&MT", "2025-08-12", "Bộ Công an, Bộ Nông nghiệp và Môi trường"), NONE),
    (D25, "Sở Y tế thực hiện Công văn số 1506/KCB-QLCL&CGKT của Bộ Y tế về kết nối dữ liệu.",
     ("1506/KCB-QLCL&CGKT", None, "Bộ Y tế"), {"C505"}),  # no date
    # --- the date written before the citation, in the same sentence
    (D25, "Ngày 05/11/2025, VPCP có VB số 10781/VPCP-CN gửi Bộ trưởng Bộ Xây dựng về việc hoàn thiện hồ sơ báo cáo.",
     ("10781/VPCP-CN", "2025-11-05", "VPCP"), NONE),
    (D25, "Ngày 23/10/2025, Ngân hàng Nhà nước Việt Nam tiếp tục ban hành Quyết định số 3539/QĐ-NHNN bổ sung phương án cắt giảm thủ tục.",
     ("3539/QĐ-NHNN", "2025-10-23", "Ngân hàng Nhà nước Việt Nam"), NONE),
    (D25, "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP của Văn phòng Chính phủ về kết luận của Thủ tướng, các bộ đã rà soát.",
     ("569/TB-VPCP", "2025-10-22", "Văn phòng Chính phủ"), NONE),
    # --- a misspelt date: read as a date, reported as misspelt (C504), never as missing
    (D25, "Thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 nám 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ.",
     ("57-NQ/TW", "2024-12-22", "Bộ Chính trị"), {"C504"}),
    (D25, "Thực hiện Nghị quyết số 71/NQ-CP ngày 01 thang 4 năm 2025 của Chính phủ về sửa đổi, bổ sung Chương trình hành động.",
     ("71/NQ-CP", "2025-04-01", "Chính phủ"), {"C504"}),
    (D25, "Thực hiện Chỉ thị số 33/CT-TTg ngày 06 tháng 11 nắm 2025 của Thủ tướng Chính phủ về đẩy mạnh việc thực hiện.",
     ("33/CT-TTg", "2025-11-06", "Thủ tướng Chính phủ"), {"C504"}),
    # --- a first citation without its issuer (only the symbol shows it): ND30 Phụ lục I, II.6.b
    (D25, "Các bộ hoàn thành các nhiệm vụ tại Nghị quyết số 214/NQ-CP ngày 23 tháng 7 năm 2025; Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương.",
     ("214/NQ-CP", "2025-07-23", None), {"C505"}),
    (D25, "Ban hành văn bản hướng dẫn nội hàm thử nghiệm theo Nghị định số 82/2024/NĐ-CP ngày 10 tháng 7 năm 2024 và việc triển khai thực tiễn hiện nay.",
     ("82/2024/NĐ-CP", "2024-07-10", None), {"C505"}),
    (D25, "Văn phòng Chính phủ chủ trì tham mưu sửa đổi, bổ sung Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 về thực hiện thủ tục hành chính theo cơ chế một cửa.",
     ("118/2025/NĐ-CP", "2025-06-09", None), {"C505"}),
    (D25, "Triển khai nghiêm túc Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2024 phê duyệt chủ trương đầu tư Chương trình mục tiêu quốc gia.",
     ("163/2024/QH15", "2024-11-27", None), {"C505"}),
    (D25, "Thực hiện quản lý nhà nước về lâm nghiệp theo Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 và Nghị định số 136/2025/NĐ-CP ngày 12/6/2025.",
     ("131/2025/NĐ-CP", "2025-06-12", None), {"C505"}),
    (D25, "Các bộ triển khai Nghị quyết số 86/NQ-CP ngày 04 tháng 11 năm 2025 về triển khai nhiệm vụ trọng tâm những tháng cuối năm 2025.",
     ("86/NQ-CP", "2025-11-04", None), {"C505"}),
    # --- the issuer named otherwise: subject, "của … tại", a run of citations, the clause, a lead-in
    (D25, "Chính phủ đã ban hành Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025 quy định cắt giảm, đơn giản hóa thủ tục hành chính.",
     ("66.7/2025/NQ-CP", "2025-11-15", "Chính phủ"), NONE),
    (D25, "Thủ tướng Chính phủ đã ban hành Chỉ thị số 33/CT-TTg ngày 06/11/2025 về đẩy mạnh việc thực hiện đúng tiến độ các nhiệm vụ.",
     ("33/CT-TTg", "2025-11-06", "Thủ tướng Chính phủ"), NONE),
    (D25, "Bộ Khoa học và Công nghệ đã có Công văn số 4577/BKHCN-CĐSQG ngày 11/9/2025 hướng dẫn các bộ, ngành.",
     ("4577/BKHCN-CĐSQG", "2025-09-11", "Bộ Khoa học và Công nghệ"), NONE),
    (D25, "Tiếp tục ngăn chặn buôn lậu theo chỉ đạo của Chính phủ tại Nghị quyết số 86/NQ-CP ngày 04 tháng 11 năm 2025 về triển khai nhiệm vụ trọng tâm.",
     ("86/NQ-CP", "2025-11-04", "Chính phủ"), NONE),
    (D25, "Theo đề nghị của Giám đốc Sở Tư pháp tại Tờ trình số 149/TTr-STP ngày 10 tháng 11 năm 2025, giao Sở Tư pháp hoàn thiện hồ sơ.",
     ("149/TTr-STP", "2025-11-10", "Giám đốc Sở Tư pháp"), NONE),
    (D25, "Thực hiện khi có Thông tư thay thế Thông tư số 92/2009/TT-BTC ngày 12/5/2009 và Thông tư số 85/2020/TT-BTC ngày 01/10/2020 của Bộ Tài chính.",
     ("92/2009/TT-BTC", "2009-05-12", "Bộ Tài chính"), NONE),
    (D25, "Quán triệt Chỉ thị số 31-CT/TU ngày 06/6/2023, Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy về bảo vệ rừng.",
     ("31-CT/TU", "2023-06-06", "Ban Thường vụ Tỉnh ủy"), NONE),
    (D25, "Báo cáo tình hình thực hiện Nghị quyết số 63/2022/QH15 ngày 16/6/2022 Kỳ họp thứ 3, Quốc hội khóa XV về dự án đường Hồ Chí Minh.",
     ("63/2022/QH15", "2022-06-16", None), NONE),
    # who decided is not who issued: the notice's issuer (Văn phòng Chính phủ) is still unnamed
    (D25, "Tại Thông báo số 384/TB-VPCP ngày 25/7/2025, Thủ tướng Chính phủ đã giao Thanh tra Chính phủ xây dựng kế hoạch.",
     ("384/TB-VPCP", "2025-07-25", None), {"C505"}),
    (D25, "Triển khai Kết luận liên ngành Tư pháp Trung ương số 23/KL-LNTPTW ngày 21/11/2024 giữa Bộ Công an, Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao.",
     ("23/KL-LNTPTW", "2024-11-21", "Bộ Công an, Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao"), NONE),
    (D25, "Các bộ nâng cao hiệu quả thực hiện Kết luận liên ngành tư pháp Trung ương số 23/KL-LNTPTW ngày 21 tháng 11 năm 2024 trong điều tra, truy tố.",
     ("23/KL-LNTPTW", "2024-11-21", None), NONE),
    (D25, "Nghị quyết số 57-NQ/TW và Kế hoạch 02-KH/BCĐTW của Ban Chỉ đạo được triển khai đồng bộ trong năm 2025.",
     ("57-NQ/TW", None, None), {"C505"}),  # a first citation: "của Ban Chỉ đạo" is the plan's (BCĐTW), not the resolution's (TW)
    # --- the type does not match the symbol (C502)
    (D25, "Bộ KH&CN đã có Công văn số 315/BC-BKHCN ngày 31/10/2025 về kết quả triển khai Đề án.",
     ("315/BC-BKHCN", "2025-10-31", "Bộ KH&CN"), {"C502"}),
    (D25, "Sở Nội vụ tham mưu triển khai Nghị quyết số 12/QĐ-UBND ngày 10/7/2025 của Hội đồng nhân dân tỉnh.",
     ("12/QĐ-UBND", "2025-07-10", "Hội đồng nhân dân tỉnh"), {"C502"}),
    (D25, "Các sở tổng hợp theo Quyết định số 163/2024/QH15 ngày 27/11/2024 của Quốc hội.",
     ("163/2024/QH15", "2024-11-27", "Quốc hội"), {"C502"}),
    (D25, "Các bộ thực hiện theo Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025 của Văn phòng Chính phủ.",
     ("6721/VPCP-V.I", "2025-07-19", "Văn phòng Chính phủ"), NONE),
    (D25, "Cục Thuế tỉnh thực hiện Công văn số 315/CT-TTHT ngày 30/10/2025 của Cục Thuế về hóa đơn điện tử.",
     ("315/CT-TTHT", "2025-10-30", "Cục Thuế"), NONE),
    (D25, "Các bộ phối hợp theo văn bản số 16495/BTC-PTHT ngày 22/10/2025 của Bộ Tài chính về cập nhật dự án.",
     ("16495/BTC-PTHT", "2025-10-22", "Bộ Tài chính"), NONE),
    # --- the issuer's own earlier documents (a notice of UBND tỉnh citing a UBND document)
    (D25, "Tiếp tục thực hiện các nhiệm vụ tại Thông báo số 100/TB-UBND ngày 10/10/2025 về kết luận phiên họp tháng 9.",
     ("100/TB-UBND", "2025-10-10", None), NONE),
    (D25, "Các sở thực hiện Kế hoạch số 64/KH-UBND ngày 22/8/2025 về phòng, chống ma túy.",
     ("64/KH-UBND", "2025-08-22", None), NONE),
    # --- a first citation whose date or issuer contradicts a registered document (C509)
    (D25, "Sở Y tế triển khai Chỉ thị số 27/CT-TTg ngày 15/7/2024 của Thủ tướng Chính phủ về công tác dân số.",
     ("27/CT-TTg", "2024-07-15", "Thủ tướng Chính phủ"), {"C509"}),
    (D25, "Sở Y tế triển khai Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ về công tác dân số.",
     ("27/CT-TTg", "2024-08-15", "Thủ tướng Chính phủ"), NONE),
    (D25, "Các sở thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Ban Chấp hành Trung ương về khoa học, công nghệ.",
     ("57-NQ/TW", "2024-12-22", "Ban Chấp hành Trung ương"), {"C509"}),
    (D25, "Các sở thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về khoa học, công nghệ.",
     ("57-NQ/TW", "2024-12-22", "Bộ Chính trị"), NONE),
    (D25, "Các sở căn cứ Điều 21 Nghị định số 131/2025/NĐ-CP ngày 12/6/2025 của Bộ Nông nghiệp và Môi trường về phân cấp.",
     ("131/2025/NĐ-CP", "2025-06-12", "Bộ Nông nghiệp và Môi trường"), {"C509"}),
    (D25, "Các sở căn cứ Nghị định số 136/2025/NĐ-CP ngày 12/6/2025 của Chính phủ về phân quyền, phân cấp.",
     ("136/2025/NĐ-CP", "2025-06-12", "Chính phủ"), NONE),
    (D25, "Các sở thực hiện Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn nghiệp vụ.",
     ("02/2017/TT-VPCP", "2017-10-31", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ"), NONE),
    (D25, "Các sở thực hiện Nghị quyết số 66.4/2025/NQ-CP ngày 21 tháng 10 năm 2025 của Chính phủ về cơ chế đặc thù.",
     ("66.4/2025/NQ-CP", "2025-10-21", "Chính phủ"), {"C509"}),
    (D25, "Các sở thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư.",
     ("30/2020/NĐ-CP", "2020-03-05", "Chính phủ"), NONE),
    (D25, "Các sở thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/4/2020 của Chính phủ về công tác văn thư.",
     ("30/2020/NĐ-CP", "2020-04-05", "Chính phủ"), {"C509"}),
    # --- a cited document no longer in force at the notice's date (C508)
    (D25, "Văn phòng rà soát công tác văn thư theo Nghị định số 110/2004/NĐ-CP ngày 08/4/2004 của Chính phủ về công tác văn thư.",
     ("110/2004/NĐ-CP", "2004-04-08", "Chính phủ"), {"C508"}),
    (D19, "Văn phòng rà soát công tác văn thư theo Nghị định số 110/2004/NĐ-CP ngày 08/4/2004 của Chính phủ về công tác văn thư.",
     ("110/2004/NĐ-CP", "2004-04-08", "Chính phủ"), NONE),
    (D25, "Văn phòng báo cáo việc thay thế Nghị định số 110/2004/NĐ-CP ngày 08/4/2004 của Chính phủ về công tác văn thư.",
     ("110/2004/NĐ-CP", "2004-04-08", "Chính phủ"), NONE),
    (D26, "Sở Nông nghiệp và Môi trường thực hiện Quyết định số 104/2000/QĐ-TTg ngày 25 tháng 8 năm 2000 của Thủ tướng Chính phủ về cấp nước sạch.",
     ("104/2000/QĐ-TTg", "2000-08-25", "Thủ tướng Chính phủ"), {"C508"}),
    (D25, "Sở Nông nghiệp và Môi trường thực hiện Quyết định số 104/2000/QĐ-TTg ngày 25 tháng 8 năm 2000 của Thủ tướng Chính phủ về cấp nước sạch.",
     ("104/2000/QĐ-TTg", "2000-08-25", "Thủ tướng Chính phủ"), NONE),
    (D25, "Sở Tư pháp hướng dẫn theo Điều 111 Luật Ban hành văn bản quy phạm pháp luật năm 2015 về thủ tục.",
     (None, None, None), {"C508"}),
    # --- complete first citations: nothing to report
    (D25, "Thực hiện Quyết định số 2179/QĐ-TTg ngày 06 tháng 10 năm 2025 của Thủ tướng Chính phủ, các sở rà soát.",
     ("2179/QĐ-TTg", "2025-10-06", "Thủ tướng Chính phủ"), NONE),
    (D25, "Thực hiện Nghị quyết số 37/2021/QH15 ngày 13 tháng 11 năm 2021 của Quốc hội về thí điểm một số cơ chế.",
     ("37/2021/QH15", "2021-11-13", "Quốc hội"), NONE),
    (D25, "Thực hiện Kết luận số 192-KL/TW, ngày 19/9/2025 của Bộ Chính trị, Ban Bí thư về sắp xếp đơn vị hành chính.",
     ("192-KL/TW", "2025-09-19", "Bộ Chính trị, Ban Bí thư"), NONE),
    (D25, "Theo Kế hoạch số 1505/KH-TTCP ngày 22/7/2025 của Thanh tra Chính phủ, các địa phương hoàn thành thanh tra.",
     ("1505/KH-TTCP", "2025-07-22", "Thanh tra Chính phủ"), NONE),
    (D25, "Căn cứ Báo cáo số 2554/BC-TTCP ngày 17/10/2025 của Thanh tra Chính phủ, các bộ khắc phục tồn tại.",
     ("2554/BC-TTCP", "2025-10-17", "Thanh tra Chính phủ"), NONE),
    (D25, "Thực hiện Quyết định số 3123/QĐ-BVHTTDL ngày 08/9/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch về kế hoạch.",
     ("3123/QĐ-BVHTTDL", "2025-09-08", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"), NONE),
    (D25, "Thực hiện Công điện số 220/CĐ-TTg ngày 18/11/2025 của Thủ tướng Chính phủ về cắt giảm thủ tục hành chính.",
     ("220/CĐ-TTg", "2025-11-18", "Thủ tướng Chính phủ"), NONE),
    (D25, "Thực hiện Nghị quyết số 66/NQ-CP ngày 26/3/2025 của Chính phủ về chương trình cắt giảm thủ tục hành chính.",
     ("66/NQ-CP", "2025-03-26", "Chính phủ"), NONE),
    (D25, "Thực hiện Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương về chuyển đổi số.",
     ("02-KH/BCĐTW", "2025-06-19", "Ban Chỉ đạo Trung ương"), NONE),
    (D25, "Theo Hướng dẫn số 3751/HD-BNV ngày 16/6/2025 của Bộ Nội vụ, các sở hoàn thiện hồ sơ.",
     ("3751/HD-BNV", "2025-06-16", "Bộ Nội vụ"), NONE),
    # --- incomplete first citations
    (D25, "Triển khai quyết liệt theo Nghị quyết số 66.4/2025/NQ-CP, các sở tháo gỡ vướng mắc cho doanh nghiệp.",
     ("66.4/2025/NQ-CP", None, None), {"C505"}),
    (D25, "Phòng Nội vụ hướng dẫn thực hiện hợp đồng theo Nghị định 68, hoàn thành trong tháng 12 năm 2025.",
     (None, None, None), {"C505"}),
    (D25, "Sở Tài chính thực hiện Nghị quyết 21/NQ-HĐND ngày 09 tháng 7 năm 2025 của Hội đồng nhân dân tỉnh về phát triển kinh tế.",
     ("21/NQ-HĐND", "2025-07-09", "Hội đồng nhân dân tỉnh"), {"C505"}),
    (D25, "Sở Tài chính theo dõi Chỉ thị số 13/CT-TTg ngày 17/5/2025 về tăng cường chống buôn lậu.",
     ("13/CT-TTg", "2025-05-17", None), {"C505"}),
    (D25, "Sở Tài chính theo dõi Chỉ thị số 13/CT- TTg ngày 17/5/2025 của Thủ tướng Chính phủ về tăng cường chống buôn lậu.",
     ("13/CT- TTg", "2025-05-17", "Thủ tướng Chính phủ"), {"C501"}),
]
# fmt: on


def test_the_table_is_big_enough():
    assert len(ROWS) >= 60


_LINE = notice("\0").split("\n").index("1. \0") + 1


@pytest.mark.parametrize("date,sentence,parts,codes", ROWS, ids=[f"{i:02d}:{r[1][:40]}" for i, r in enumerate(ROWS)])
def test_citation_classes(date, sentence, parts, codes):
    text = notice(sentence, date=date)
    symbol, when, issuer = parts
    if symbol is not None:
        doc = load_text(text, path="draft.txt")
        mine = [c for c in citations(doc) if c.symbol and c.para.text.startswith("1. ")]
        assert mine, "no citation read"
        c = mine[0]
        got = (c.symbol, c.date.first.isoformat() if c.date and c.date.first else None, c.issuer)
        assert got == (symbol, when, issuer)
    found = {d.code for d in run_text(text, select=["C5"]) if d.line == _LINE}
    assert found == set(codes)


def test_a_province_registers_its_own_documents_as_data(tmp_path):
    """Acceptance 3: a province's file (configuration key `registries`) adds its documents; the
    same symbol means nothing to the national registry (every province has a 49/NQ-HĐND)."""
    import json

    from .conftest import FIXTURES, run_cli

    draft = tmp_path / "du-thao.txt"
    draft.write_text(notice("Sở Tài chính triển khai Nghị quyết số 49/NQ-HĐND ngày 08/11/2023 của Hội đồng nhân dân "
                            "tỉnh về kỳ họp thường lệ, báo cáo trước ngày 30/11/2025.", date=D25), encoding="utf-8")
    code, out, _ = run_cli("check", draft, "--select", "C509", "--format", "json")
    assert json.loads(out)["files"][0]["diagnostics"] == []
    rel = (FIXTURES / "registries" / "lao-cai.toml").resolve()
    (tmp_path / "rasoat.toml").write_text(f'registries = ["{rel.as_posix()}"]\n', encoding="utf-8")
    code, out, _ = run_cli("check", draft, "--select", "C509", "--format", "json")
    (d,) = json.loads(out)["files"][0]["diagnostics"]
    assert d["suggestion"] == "08/12/2023" and d["line"] == _LINE


def test_a_wrong_key_in_a_province_document_is_a_clear_error(tmp_path):
    from .conftest import run_cli

    bad = tmp_path / "tinh.toml"
    bad.write_text('[sources]\nX = "x"\n\n[[document]]\nsymbol = "1/NQ-HĐND"\ntype = "nghi-quyet"\n'
                   'date = 2023-12-08\nngay = 2023-12-08\nsource = "X"\n', encoding="utf-8")
    (tmp_path / "rasoat.toml").write_text(f'registries = ["{bad.as_posix()}"]\n', encoding="utf-8")
    draft = tmp_path / "du-thao.txt"
    draft.write_text(notice("Sở Tài chính báo cáo trước ngày 30/11/2025.", date=D25), encoding="utf-8")
    code, out, err = run_cli("check", draft)
    assert code == 2 and "ngay" in err and "Traceback" not in err
