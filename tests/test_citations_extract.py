"""Citation extraction, table-driven (like eyecite's tests): real citation strings taken verbatim
from ../shared/seeds and ../shared/corpus/other, each with its parts written out by hand.

Each row: (file, the citation as written in the file, type key, "số" written, number, year in the
symbol, type code, issuer codes, date (ISO), issuer, extra expectations). The test finds the text in
the document, takes the citation that starts there and compares every part.
"""
from __future__ import annotations

import pytest

from checker.document import load_path
from checker.extract.citations import citations

from .conftest import CORPUS, SEEDS, needs_shared

FILES = {
    "s000": SEEDS / "000_0ecd264c0f8cb733.txt",
    "s001": SEEDS / "001_97c29a3822b1a2b7.txt",
    "s002": SEEDS / "002_b75f6995bec0e83d.txt",
    "s003": SEEDS / "003_5a42b53f278c6e72.txt",
    "s004": SEEDS / "004_1e72024b4a527dac.txt",
}
for _p in sorted((CORPUS / "other").glob("*.txt")) if (CORPUS / "other").is_dir() else []:
    FILES["o" + _p.name[:3]] = _p

_N = None
# fmt: off
ROWS = [
    # --- seeds
    ("s000", "Nghị quyết số 68/NQ-CP", "nghi-quyet", True, "68", _N, "NQ", "CP", _N, _N, {"first": True}),
    ("s000", "Quyết định số 42/2018/QĐ-UBND ngày 10/12/2018 của Ủy ban nhân dân tỉnh Lai Châu", "quyet-dinh", True, "42", 2018, "QĐ", "UBND", "2018-12-10", "Ủy ban nhân dân tỉnh Lai Châu", {}),
    ("s000", "Nghị quyết số 10/2019/NQ-HĐND ngày 23/7/2019 của Hội đồng nhân dân tỉnh", "nghi-quyet", True, "10", 2019, "NQ", "HĐND", "2019-07-23", "Hội đồng nhân dân tỉnh", {"title": "Quy định mức chi"}),
    ("s000", "Nghị quyết số 36/2016/NQ-HĐND ngày 28/7/2016 của HĐND tỉnh", "nghi-quyet", True, "36", 2016, "NQ", "HĐND", "2016-07-28", "HĐND tỉnh", {"title": None}),
    ("s000", "Quyết định số 40/2017/QĐ-UBND ngày 24/8/2017 của Ủy ban nhân dân tỉnh", "quyet-dinh", True, "40", 2017, "QĐ", "UBND", "2017-08-24", "Ủy ban nhân dân tỉnh", {"title": "ban hành quy định"}),
    ("s001", "Kết luận số 472-KL/TU ngày 20/6/2017 của Ban Thường vụ Tỉnh ủy", "ket-luan", True, "472", _N, "KL", "TU", "2017-06-20", "Ban Thường vụ Tỉnh ủy", {"style": "party"}),
    ("s001", "Kết luận số 29-KL/HU ngày 30/6/2017", "ket-luan", True, "29", _N, "KL", "HU", "2017-06-30", "BCH Huyện ủy", {"style": "party"}),
    ("s001", "Nghị định 68", "nghi-dinh", False, "68", _N, _N, "", _N, _N, {"symbol": None}),
    ("s001", "Nghị quyết số 12/2020/NQ-HĐND", "nghi-quyet", True, "12", 2020, "NQ", "HĐND", _N, "HĐND tỉnh Lai Châu", {}),
    ("s001", "số 14/2020/NQ-HĐND", "nghi-quyet", True, "14", 2020, "NQ", "HĐND", _N, "HĐND tỉnh Lai Châu", {"type_from": "list"}),
    ("s002", "Luật Tổ chức chính quyền địa phương năm 2015", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Tổ chức chính quyền địa phương", "law_year": 2015}),
    ("s002", "Quyết định số 37/2016/QĐ-UBND ngày 28 tháng 9 năm 2016 của Ủy ban nhân dân tỉnh", "quyet-dinh", True, "37", 2016, "QĐ", "UBND", "2016-09-28", "Ủy ban nhân dân tỉnh", {"title": "về ban hành Quy chế làm việc"}),
    ("s002", "Nghị quyết số 03-NQ/TU ngày 30 tháng 6 năm 2021 của Ban Chấp hành Đảng bộ tỉnh khóa XVI", "nghi-quyet", True, "03", _N, "NQ", "TU", "2021-06-30", "Ban Chấp hành Đảng bộ tỉnh khóa XVI", {"style": "party"}),
    ("s002", "Nghị quyết 21/NQ-HĐND ngày 09 tháng 7 năm 2021 của Hội đồng nhân dân tỉnh", "nghi-quyet", False, "21", _N, "NQ", "HĐND", "2021-07-09", "Hội đồng nhân dân tỉnh", {}),
    ("s002", "Chương trình số 2697/CTr-UBND ngày 04 tháng 8 năm 2021 của Ủy ban nhân dân tỉnh", "chuong-trinh", True, "2697", _N, "CTr", "UBND", "2021-08-04", "Ủy ban nhân dân tỉnh", {}),
    ("s002", "Chỉ thị số 12/CT-UBND ngày 14 tháng 7 năm 2021 của Chủ tịch Ủy ban nhân dân tỉnh", "chi-thi", True, "12", _N, "CT", "UBND", "2021-07-14", "Chủ tịch Ủy ban nhân dân tỉnh", {}),
    ("s002", "Nghị quyết số 79/NQ-CP ngày 22 tháng 7 năm 2021 của Chính phủ", "nghi-quyet", True, "79", _N, "NQ", "CP", "2021-07-22", "Chính phủ", {}),
    ("s002", "Nghị quyết số 68/NQ-CP ngày 01 tháng 7 năm 2021 của Chính phủ", "nghi-quyet", True, "68", _N, "NQ", "CP", "2021-07-01", "Chính phủ", {}),
    ("s002", "Luật Giao thông đường bộ", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Giao thông đường bộ", "law_year": None}),
    ("s003", "Nghị quyết số 05-NQ/TU ngày 09/9/2016 của Ban Thường vụ Tỉnh ủy", "nghi-quyet", True, "05", _N, "NQ", "TU", "2016-09-09", "Ban Thường vụ Tỉnh ủy", {"style": "party"}),
    ("s003", "Nghị quyết số 02-NQ/TU ngày 28/6/2016 của Ban Chấp hành Đảng bộ tỉnh", "nghi-quyet", True, "02", _N, "NQ", "TU", "2016-06-28", "Ban Chấp hành Đảng bộ tỉnh", {"style": "party"}),
    ("s003", "13/2019/NQ-HĐND ngày 23/7/2019 của HĐND tỉnh", "nghi-quyet", False, "13", 2019, "NQ", "HĐND", "2019-07-23", "HĐND tỉnh", {"type_from": "code"}),
    ("s003", "Nghị định số 90/2020/NĐ-CP", "nghi-dinh", True, "90", 2020, "NĐ", "CP", "2020-09-28", _N, {}),
    ("s004", "Luật Ban hành Văn bản quy phạm pháp luật năm 2015", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Ban hành Văn bản quy phạm pháp luật", "law_year": 2015}),
    ("s004", "Nghị quyết liên tịch số 01/NQLT ngày 02/07/2021", "nghi-quyet-lien-tich", True, "01", _N, "NQLT", "", "2021-07-02", _N, {"problems": {"no-issuer"}}),
    ("s004", "Nghị quyết số 49/NQ-HĐND ngày 08/12/2023 của HĐND tỉnh", "nghi-quyet", True, "49", _N, "NQ", "HĐND", "2023-12-08", "HĐND tỉnh", {}),
    ("s004", "Báo cáo số 43/BC-STP ngày 24/02/2024", "bao-cao", True, "43", _N, "BC", "STP", "2024-02-24", _N, {}),
    ("s004", "Báo cáo số 61/BC-STP ngày 13/03/2024", "bao-cao", True, "61", _N, "BC", "STP", "2024-03-13", _N, {}),
    ("s004", "Báo cáo số 71/BC-STP ngày 20/03/2024", "bao-cao", True, "71", _N, "BC", "STP", "2024-03-20", _N, {}),
    ("s004", "Báo cáo số 82/BC-STP ngày 28/03/2024", "bao-cao", True, "82", _N, "BC", "STP", "2024-03-28", _N, {}),
    # --- corpus/other 001, 002, 004 (Công bố TTHC)
    ("o001", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "luat", False, _N, _N, _N, "", "2025-06-16", _N, {"name": "Tổ chức chính quyền địa phương", "law_year": 2025}),
    ("o001", "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ", "nghi-dinh", True, "63", 2010, "NĐ", "CP", "2010-06-08", "Chính phủ", {"title": "về kiểm soát thủ tục hành chính"}),
    ("o001", "Nghị định số 48/2013/NĐ-CP ngày 14 tháng 5 năm 2013 của Chính phủ", "nghi-dinh", True, "48", 2013, "NĐ", "CP", "2013-05-14", "Chính phủ", {}),
    ("o001", "Thông tư số 02/2017/TT-VPCP ngày 31 tháng 10 năm 2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "thong-tu", True, "02", 2017, "TT", "VPCP", "2017-10-31", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", {}),
    ("o001", "Quyết định số 3152/QĐ-BTP ngày 31 tháng 10 năm 2025 của Bộ trưởng Bộ Tư pháp", "quyet-dinh", True, "3152", _N, "QĐ", "BTP", "2025-10-31", "Bộ trưởng Bộ Tư pháp", {}),
    ("o001", "Tờ trình số 149/TTr-STP ngày 10 tháng 11 năm 2025", "to-trinh", True, "149", _N, "TTr", "STP", "2025-11-10", "Giám đốc Sở Tư pháp", {}),
    ("o001", "Quyết định số 2194/QĐ- UBND ngày 26 tháng 6 năm 2025 của Chủ tịch UBND tỉnh", "quyet-dinh", True, "2194", _N, "QĐ", "UBND", "2025-06-26", "Chủ tịch UBND tỉnh", {"symbol": "2194/QĐ- UBND", "problems": {"space"}}),
    ("o001", "Nghị định số 07/2025/NĐ- CP", "nghi-dinh", True, "07", 2025, "NĐ", "CP", _N, _N, {"symbol": "07/2025/NĐ- CP", "problems": {"space"}}),
    ("o002", "Nghị định số 118/2025/NĐ-CP ngày 09 tháng 6 năm 2025 của Chính phủ", "nghi-dinh", True, "118", 2025, "NĐ", "CP", "2025-06-09", "Chính phủ", {}),
    ("o002", "Thông tư số 03/2025/TT-VPCP ngày 15 tháng 9 năm 2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "thong-tu", True, "03", 2025, "TT", "VPCP", "2025-09-15", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", {}),
    ("o002", "Quyết định số 642/QĐ-BNNMT ngày 03 tháng 4 năm 2025 của Bộ trưởng Bộ Nông nghiệp và Môi trường", "quyet-dinh", True, "642", _N, "QĐ", "BNNMT", "2025-04-03", "Bộ trưởng Bộ Nông nghiệp và Môi trường", {}),
    ("o002", "Tờ trình số 5546/TTr-SNNMT ngày 07 tháng 11 năm 2025", "to-trinh", True, "5546", _N, "TTr", "SNNMT", "2025-11-07", "Giám đốc Sở Nông nghiệp và Môi trường tỉnh Cao Bằng", {}),
    ("o002", "Quyết định số 927/QĐ-UBND ngày 27 tháng 6 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", "quyet-dinh", True, "927", _N, "QĐ", "UBND", "2025-06-27", "Chủ tịch Ủy ban nhân dân tỉnh Cao Bằng", {}),
    ("o002", "Nghị quyết số 22/2025/NQ-HĐND ngày 10/11/2025 của HĐND tỉnh Cao Bằng", "nghi-quyet", True, "22", 2025, "NQ", "HĐND", "2025-11-10", "HĐND tỉnh Cao Bằng", {}),
    ("o002", "Nghị quyết số 89/2022/NQ-HĐND ngày 09/12/2022 của HĐND tỉnh Cao Bằng", "nghi-quyet", True, "89", 2022, "NQ", "HĐND", "2022-12-09", "HĐND tỉnh Cao Bằng", {}),
    ("o002", "Nghị định số 136/2025/NĐ-CP ngày 12/6/2025 của Chính phủ", "nghi-dinh", True, "136", 2025, "NĐ", "CP", "2025-06-12", "Chính phủ", {}),
    ("o002", "Nghị định số 136/2025/NĐ- CP ngày 12/6/2025 của Chính phủ", "nghi-dinh", True, "136", 2025, "NĐ", "CP", "2025-06-12", "Chính phủ", {"symbol": "136/2025/NĐ- CP", "problems": {"space"}}),
    ("o002", "Nghị quyết số 22/2025/NQ- HĐND ngày 10/11/2025 của HĐND tỉnh Cao Bằng", "nghi-quyet", True, "22", 2025, "NQ", "HĐND", "2025-11-10", "HĐND tỉnh Cao Bằng", {"problems": {"space"}}),
    ("o002", "Thông tư số 03/2024/TT- BTNMT của Bộ Nông nghiệp và Môi trường", "thong-tu", True, "03", 2024, "TT", "BTNMT", _N, "Bộ Nông nghiệp và Môi trường", {"problems": {"space"}}),
    ("o002", "Luật Tài nguyên nước 2023", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Tài nguyên nước", "law_year": 2023}),
    ("o004", "Nghị định số 280/2025/NĐ-CP ngày 27/10/2025 của Chính phủ", "nghi-dinh", True, "280", 2025, "NĐ", "CP", "2025-10-27", "Chính phủ", {}),
    ("o004", "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ", "nghi-dinh", True, "23", 2015, "NĐ", "CP", "2015-02-16", "Chính phủ", {}),
    ("o004", "Thông tư số 01/2020/TT-BTP ngày 03/3/2020 của Bộ trưởng Bộ Tư pháp", "thong-tu", True, "01", 2020, "TT", "BTP", "2020-03-03", "Bộ trưởng Bộ Tư pháp", {}),
    ("o004", "Thông tư số 264/2016/TT-BTC ngày 14/11/2016 của Bộ trưởng Bộ Tài chính", "thong-tu", True, "264", 2016, "TT", "BTC", "2016-11-14", "Bộ trưởng Bộ Tài chính", {}),
    ("o004", "Quyết định số 2411/QĐ-UBND ngày 04/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long", "quyet-dinh", True, "2411", _N, "QĐ", "UBND", "2025-11-04", "Chủ tịch Ủy ban nhân dân tỉnh Vĩnh Long", {}),
    ("o004", "Thông tư số 01/2020/TT- BTP ngày 03/3/2020 của Bộ trưởng Bộ Tư pháp", "thong-tu", True, "01", 2020, "TT", "BTP", "2020-03-03", "Bộ trưởng Bộ Tư pháp", {"problems": {"space"}}),
    ("o003", "Quyết định số 1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ", "quyet-dinh", True, "1085", _N, "QĐ", "TTg", "2022-09-15", "Thủ tướng Chính phủ", {}),
    ("o003", "Văn bản số 7074/SNNMT-TCCB ngày 13/11/2025", "cong-van", True, "7074", _N, _N, "SNNMT-TCCB", "2025-11-13", "Giám đốc Sở Nông nghiệp và Môi trường", {}),
    # --- 005: special numbering
    ("o005", "Nghị định số 43/2025/NĐ-CP ngày 28 tháng 02 năm 2025 của Chính phủ", "nghi-dinh", True, "43", 2025, "NĐ", "CP", "2025-02-28", "Chính phủ", {}),
    ("o005", "Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025 của Chính phủ", "nghi-quyet", True, "66.7", 2025, "NQ", "CP", "2025-11-15", "Chính phủ", {"problems": set()}),
    ("o005", "Quyết định số 3684/QĐ-BVHTTDL ngày 27/12/2022", "quyet-dinh", True, "3684", _N, "QĐ", "BVHTTDL", "2022-12-27", _N, {}),
    ("o005", "Quyết định số 775/QĐ-BVHTTDL ngày 28/3/2024", "quyet-dinh", True, "775", _N, "QĐ", "BVHTTDL", "2024-03-28", _N, {}),
    ("o005", "Quyết định số 4347/QĐ-BVHTTDL ngày 14/11/2025", "quyet-dinh", True, "4347", _N, "QĐ", "BVHTTDL", "2025-11-14", _N, {}),
    # --- 006: decision repealing normative documents
    ("o006", "Luật Tổ chức Chính phủ số 63/2025/QH15", "luat", True, "63", 2025, _N, "QH15", _N, _N, {"name": "Tổ chức Chính phủ"}),
    ("o006", "Luật số 87/2025/QH15", "luat", True, "87", 2025, _N, "QH15", _N, _N, {}),
    ("o006", "Nghị định số 78/2025/NĐ-CP của Chính phủ", "nghi-dinh", True, "78", 2025, "NĐ", "CP", _N, "Chính phủ", {"title": "quy định chi tiết"}),
    ("o006", "Quyết định số 104/2000/QĐ-TTg ngày 25 tháng 8 năm 2000 của Thủ tướng Chính phủ", "quyet-dinh", True, "104", 2000, "QĐ", "TTg", "2000-08-25", "Thủ tướng Chính phủ", {}),
    ("o006", "Quyết định số 33/2008/QĐ-TTg ngày 27 tháng 02 năm 2008 của Thủ tướng Chính phủ", "quyet-dinh", True, "33", 2008, "QĐ", "TTg", "2008-02-27", "Thủ tướng Chính phủ", {}),
    ("o006", "Quyết định số 04/2018/QĐ-TTg ngày 23 tháng 01 năm 2018 của Thủ tướng Chính phủ", "quyet-dinh", True, "04", 2018, "QĐ", "TTg", "2018-01-23", "Thủ tướng Chính phủ", {}),
    ("o006", "Quyết định số 769/TTg ngày 18 tháng 9 năm 1997 của Thủ tướng Chính phủ", "quyet-dinh", True, "769", _N, _N, "TTg", "1997-09-18", "Thủ tướng Chính phủ", {"problems": set()}),
    ("o006", "Chỉ thị số 07/2000/CT-TTg ngày 30 tháng 3 năm 2000 của Thủ tướng Chính phủ", "chi-thi", True, "07", 2000, "CT", "TTg", "2000-03-30", "Thủ tướng Chính phủ", {}),
    ("o006", "Chỉ thị số 33/2006/CT-TTg ngày 08 tháng 9 năm 2006 của Thủ tướng Chính phủ", "chi-thi", True, "33", 2006, "CT", "TTg", "2006-09-08", "Thủ tướng Chính phủ", {}),
    ("o006", "Quyết định số 111/2007/QĐ-TTg", "quyet-dinh", True, "111", 2007, "QĐ", "TTg", "2007-07-20", "Thủ tướng Chính phủ", {}),
    # --- 007
    ("o007", "QUYẾT ĐỊNH SỐ 55/2014/QĐ-UBND NGÀY 31/12/2014 CỦA UBND THÀNH PHỐ ĐÀ NẴNG", "quyet-dinh", True, "55", 2014, "QĐ", "UBND", "2014-12-31", "UBND THÀNH PHỐ ĐÀ NẴNG", {}),
    ("o007", "Luật Trật tự, an toàn giao thông đường bộ năm 2024", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Trật tự, an toàn giao thông đường bộ", "law_year": 2024}),
    ("o007", "Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025", "luat", False, _N, _N, _N, "", "2025-02-19", _N, {"name": "Ban hành văn bản quy phạm pháp luật", "law_year": 2025}),
    ("o007", "Nghị định số 165/2024/NĐ-CP ngày 26 tháng 12 năm 2024 của Chính phủ", "nghi-dinh", True, "165", 2024, "NĐ", "CP", "2024-12-26", "Chính phủ", {}),
    ("o007", "Tờ trình số 4834 /TTr-SXD ngày 19 tháng 9 năm 2025", "to-trinh", True, "4834", _N, "TTr", "SXD", "2025-09-19", "Giám đốc Sở Xây dựng", {"symbol": "4834 /TTr-SXD", "problems": {"space"}}),
    ("o007", "Thông báo số 347/TB-VP ngày 10 tháng 10 năm 2025 của Văn phòng UBND thành phố", "thong-bao", True, "347", _N, "TB", "VP", "2025-10-10", "Văn phòng UBND thành phố", {}),
    # --- 008
    ("o008", "CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ", "chi-thi", True, "27", _N, "CT", "TTG", "2024-08-15", "THỦ TƯỚNG CHÍNH PHỦ", {"problems": set()}),  # capitals of a title
    ("o008", "Công văn số 6676/BYT-CDS ngày 29 tháng 10 năm 2024 của Bộ Y tế", "cong-van", True, "6676", _N, _N, "BYT-CDS", "2024-10-29", "Bộ Y tế", {}),
    ("o008", "Nghị quyết số 21-NQ/TW ngày 25 tháng 10 năm 2017", "nghi-quyet", True, "21", _N, "NQ", "TW", "2017-10-25", "Hội nghị lần thứ sáu Ban Chấp hành Trung ương Khóa XII", {"style": "party"}),
    ("o008", "Thông báo số 157/TB-VPCP ngày 11 tháng 4 năm 2024 của Văn phòng Chính phủ", "thong-bao", True, "157", _N, "TB", "VPCP", "2024-04-11", "Văn phòng Chính phủ", {}),
    ("o008", "Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy Cần Thơ", "chuong-trinh", True, "30", _N, "CTr", "TU", "2017-12-29", "Thành ủy Cần Thơ", {"style": "party"}),
    ("o008", "Chỉ thị số 17-CT/TU ngày 07/03/2022 của Ban Thường vụ Tỉnh ủy Hậu Giang", "chi-thi", True, "17", _N, "CT", "TU", "2022-03-07", "Ban Thường vụ Tỉnh ủy Hậu Giang", {"style": "party"}),
    ("o008", "Kế hoạch số 75/KH- UBND ngày 09/7/2018 của UBND tỉnh Sóc Trăng", "ke-hoach", True, "75", _N, "KH", "UBND", "2018-07-09", "UBND tỉnh Sóc Trăng", {"problems": {"space"}}),
    ("o008", "Chỉ thị số 27/CTTg ngày 15/7/2024 của Thủ tướng Chính phủ", "chi-thi", True, "27", _N, "CT", "TTg", "2024-07-15", "Thủ tướng Chính phủ", {"symbol": "27/CTTg", "problems": {"joined"}}),
    ("o008", "Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị", "ket-luan", True, "149", _N, "KL", "TW", "2025-04-10", "Bộ Chính trị", {"style": "party"}),
    ("o008", "Quyết định số 2539/QĐ-BYT ngày 24 tháng 05 năm 2021 của Bộ Y tế", "quyet-dinh", True, "2539", _N, "QĐ", "BYT", "2021-05-24", "Bộ Y tế", {}),
    # --- 009
    ("o009", "Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội", "nghi-quyet", True, "163", 2024, _N, "QH15", "2024-11-27", "Quốc hội", {}),
    ("o009", "Quyết định số 7619/QĐ-BCA ngày 08/9/2025 của Bộ trưởng Bộ Công an", "quyet-dinh", True, "7619", _N, "QĐ", "BCA", "2025-09-08", "Bộ trưởng Bộ Công an", {}),
    ("o009", "Kết luận số 132- KL/TW", "ket-luan", True, "132", _N, "KL", "TW", _N, "Bộ Chính trị", {"symbol": "132- KL/TW", "problems": {"space"}, "style": "party"}),
    ("o009", "Nghị quyết 93/NQ-CP của Chính phủ", "nghi-quyet", False, "93", _N, "NQ", "CP", _N, "Chính phủ", {}),
    ("o009", "Kế hoạch số 466-KH/TU ngày 12/5/2025 của Tỉnh ủy", "ke-hoach", True, "466", _N, "KH", "TU", "2025-05-12", "Tỉnh ủy", {"style": "party"}),
    ("o009", "Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị", "chi-thi", True, "36", _N, "CT", "TW", "2019-08-16", "Bộ Chính trị", {"style": "party"}),
    ("o009", "Kế hoạch số 64/KH-UBND ngày 22/8/2025 của Ủy ban nhân dân tỉnh", "ke-hoach", True, "64", _N, "KH", "UBND", "2025-08-22", "Ủy ban nhân dân tỉnh", {}),
    ("o009", "Kết luận liên ngành Tư pháp Trung ương số 23/KL-LNTPTW ngày 21/11/2024", "ket-luan", True, "23", _N, "KL", "LNTPTW", "2024-11-21", "Bộ Công an, Viện kiểm sát nhân dân tối cao, Tòa án nhân dân tối cao", {"type_from": "name"}),
    ("o002", "QĐ số 2490/QĐ- BNN ngày 01/7/2025", "quyet-dinh", True, "2490", _N, "QĐ", "BNN", "2025-07-01", _N, {"type_from": "name", "problems": {"space"}}),
    # --- 010
    ("o010", "Quyết định số 7619/QĐ-BCA ngày 08 tháng 9 năm 2025 của Bộ Công an", "quyet-dinh", True, "7619", _N, "QĐ", "BCA", "2025-09-08", "Bộ Công an", {}),
    ("o010", "Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025", "nghi-quyet", True, "163", 2024, _N, "QH15", "2025-11-27", _N, {}),
    ("o010", "Nghị quyết số 50/NQ-CP ngày 13 tháng 3 năm 2025 của Chính phủ", "nghi-quyet", True, "50", _N, "NQ", "CP", "2025-03-13", "Chính phủ", {}),
    ("o010", "Luật Ngân sách nhà nước", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Ngân sách nhà nước"}),
    # --- 011, 012
    ("o011", "Quyết định số 1899/QĐ-TTg ngày 04/9/2025 của Thủ tướng Chính phủ", "quyet-dinh", True, "1899", _N, "QĐ", "TTg", "2025-09-04", "Thủ tướng Chính phủ", {}),
    ("o011", "Nghị định số 200/2025/NĐ-CP ngày 09/7/2025 của Chính phủ", "nghi-dinh", True, "200", 2025, "NĐ", "CP", "2025-07-09", "Chính phủ", {}),
    ("o011", "Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025 của UBND tỉnh Nghệ An", "ke-hoach", True, "980", _N, "KH", "UBND", "2025-11-18", "UBND tỉnh Nghệ An", {}),
    ("o011", "Thông tư số 92/2009/TT- BTC ngày 12/5/2009", "thong-tu", True, "92", 2009, "TT", "BTC", "2009-05-12", "Bộ Tài chính Sở Tài chính Cơ", {"problems": {"space"}}),  # the next table cell runs on after "của Bộ Tài chính" (a known limit); shared from the second circular
    ("o011", "Luật Phòng thủ dân sự", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Phòng thủ dân sự"}),
    ("o012", "Chỉ thị số 05/CT-TTg ngày 18/5/2022 của Thủ tướng Chính phủ", "chi-thi", True, "05", _N, "CT", "TTg", "2022-05-18", "Thủ tướng Chính phủ", {}),
    ("o012", "Chỉ thị số 31-CT/TU ngày 06/6/2023", "chi-thi", True, "31", _N, "CT", "TU", "2023-06-06", "Ban Thường vụ Tỉnh ủy", {"style": "party"}),
    ("o012", "Kế hoạch số 134-KH/TU ngày 29/12/2023 của Ban Thường vụ Tỉnh ủy", "ke-hoach", True, "134", _N, "KH", "TU", "2023-12-29", "Ban Thường vụ Tỉnh ủy", {"style": "party"}),
    ("o012", "Phương án số 728/PA-UBND ngày 28/02/2025 của UBND tỉnh", "phuong-an", True, "728", _N, "PA", "UBND", "2025-02-28", "UBND tỉnh", {}),
    ("o012", "Luật Lâm nghiệp", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Lâm nghiệp"}),
    # --- 013
    ("o013", "Chỉ thị số 33/CT-TTg ngày 06/11/2025", "chi-thi", True, "33", _N, "CT", "TTg", "2025-11-06", "Thủ tướng Chính phủ", {}),
    ("o013", "Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ", "nghi-quyet", True, "71", _N, "NQ", "CP", "2025-04-01", "Chính phủ", {}),
    ("o013", "Quyết định số 3123/QĐ-BVHTTDL ngày 08/9/2025 của Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "quyet-dinh", True, "3123", _N, "QĐ", "BVHTTDL", "2025-09-08", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", {}),
    ("o013", "Nghị quyết số 57-NQ/TW", "nghi-quyet", True, "57", _N, "NQ", "TW", _N, _N, {"style": "party"}),
    ("o013", "Quyết định số 3385/QĐ-BCĐ ngày 22/9/2025 của Trưởng Ban Chỉ đạo 934", "quyet-dinh", True, "3385", _N, "QĐ", "BCĐ", "2025-09-22", "Trưởng Ban Chỉ đạo 934", {}),
    ("o013", "Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương", "ke-hoach", True, "02", _N, "KH", "BCĐTW", "2025-06-19", "Ban Chỉ đạo Trung ương", {"style": "party"}),
    ("o013", "Kế hoạch số 434/KH-TCT ngày 18/7/2025 của Tổ Công tác", "ke-hoach", True, "434", _N, "KH", "TCT", "2025-07-18", "Tổ Công tác", {}),
    ("o013", "Công văn số 2359/BVHTTDL-VP ngày 28/5/2025 của Bộ Văn hóa, Thể thao và Du lịch", "cong-van", True, "2359", _N, _N, "BVHTTDL-VP", "2025-05-28", "Bộ Văn hóa, Thể thao và Du lịch", {}),
    ("o013", "Nghị quyết số 214/NQ-CP ngày 23/7/2025 của Chính phủ", "nghi-quyet", True, "214", _N, "NQ", "CP", "2025-07-23", "Chính phủ", {}),
    ("o013", "Nghị quyết số 316/NQ-CP ngày 08/10/2025", "nghi-quyet", True, "316", _N, "NQ", "CP", "2025-10-08", _N, {}),
    # --- 014
    ("o014", "Kết luận số 192-KL/TW, ngày 19/9/2025", "ket-luan", True, "192", _N, "KL", "TW", "2025-09-19", "Bộ Chính trị, Ban Bí thư, Ban Chỉ đạo", {"style": "party"}),
    ("o014", "Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ", "nghi-dinh", True, "150", 2025, "NĐ", "CP", "2025-06-12", "Chính phủ", {}),
    ("o014", "Báo cáo số 11296/BC-BNV ngày 27/11/2025 của Bộ Nội vụ", "bao-cao", True, "11296", _N, "BC", "BNV", "2025-11-27", "Bộ Nội vụ", {}),
    ("o014", "Luật Tổ chức Chính phủ năm 2025", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Tổ chức Chính phủ", "law_year": 2025}),
    ("o014", "Nghị quyết số 190/2025/QH15 ngày 19/02/2025 của Quốc hội", "nghi-quyet", True, "190", 2025, _N, "QH15", "2025-02-19", "Quốc hội", {}),
    ("o014", "Báo cáo số 565-BC/BTCTW ngày 27/11/2025 của Ban Tổ chức Trung ương", "bao-cao", True, "565", _N, "BC", "BTCTW", "2025-11-27", "Ban Tổ chức Trung ương", {"style": "party"}),
    ("o014", "Công văn số 174/CV-BCĐ ngày 02 tháng 12 năm 2025 của Ban Chỉ đạo", "cong-van", True, "174", _N, "CV", "BCĐ", "2025-12-02", "Ban Chỉ đạo", {}),
    ("o014", "Nghị định 129/2025/NĐ-CP", "nghi-dinh", False, "129", 2025, "NĐ", "CP", _N, _N, {}),
    ("o014", "Bộ luật Lao động", "bo-luat", False, _N, _N, _N, "", _N, _N, {"name": "Lao động"}),
    ("o014", "Văn bản số 7138/BQP-TM ngày 08/11/2025", "cong-van", True, "7138", _N, _N, "BQP-TM", "2025-11-08", _N, {}),
    ("o014", "Thông tư số 13/2020/TT-BGDĐT ngày 26/5/2020", "thong-tu", True, "13", 2020, "TT", "BGDĐT", "2020-05-26", _N, {}),
    # --- 015, 016
    ("o015", "Thông báo số 341/TB-VPCP ngày 01 tháng 7 năm 2025 của Văn phòng Chính phủ", "thong-bao", True, "341", _N, "TB", "VPCP", "2025-07-01", "Văn phòng Chính phủ", {}),
    ("o015", "Văn bản số 6721/VPCP-V.I ngày 19 tháng 7 năm 2025", "cong-van", True, "6721", _N, _N, "VPCP-V.I", "2025-07-19", "Văn phòng Chính phủ", {}),
    ("o015", "số 7514/VPCP-V.I ngày 12 tháng 8 năm 2025 của Văn phòng Chính phủ", "cong-van", True, "7514", _N, _N, "VPCP-V.I", "2025-08-12", "Văn phòng Chính phủ", {"type_from": "list"}),
    ("o015", "Chỉ thị số 13/CT- TTg ngày 17 tháng 5 năm 2025 của Thủ tướng Chính phủ", "chi-thi", True, "13", _N, "CT", "TTg", "2025-05-17", "Thủ tướng Chính phủ", {"problems": {"space"}}),
    ("o016", "Thông báo số 4387/TB-VPQH ngày 14 tháng 11 năm 2025 của Văn phòng Quốc hội", "thong-bao", True, "4387", _N, "TB", "VPQH", "2025-11-14", "Văn phòng Quốc hội", {}),
    ("o016", "Nghị quyết số 66/2013/QH13 ngày 29/11/2013 của Quốc hội khóa XIII", "nghi-quyet", True, "66", 2013, _N, "QH13", "2013-11-29", "Quốc hội khóa XIII", {}),
    ("o016", "Báo cáo số 1052/BC-CP ngày 12/11/2025 của Chính phủ", "bao-cao", True, "1052", _N, "BC", "CP", "2025-11-12", "Chính phủ", {}),
    # --- 017
    ("o017", "Kết luận số 15-KL/ĐU ngày 29 tháng 10 năm 2025 của Ban Thường vụ Đảng ủy Ủy ban nhân dân Thành phố", "ket-luan", True, "15", _N, "KL", "ĐU", "2025-10-29", "Ban Thường vụ Đảng ủy Ủy ban nhân dân Thành phố", {"style": "party"}),
    ("o017", "Nghị quyết số 66.4/2025/NQ-CP ngày 21 tháng 9 năm 2025 của Chính phủ", "nghi-quyet", True, "66.4", 2025, "NQ", "CP", "2025-09-21", "Chính phủ", {"problems": set()}),
    ("o017", "Công văn số 12252/SNNMT-TNNKS ngày 17 tháng 11 năm 2025", "cong-van", True, "12252", _N, _N, "SNNMT-TNNKS", "2025-11-17", "Sở Nông nghiệp và Môi trường", {}),
    ("o017", "137/GP-UBND ngày 13/07/2017", "giay-phep", False, "137", _N, "GP", "UBND", "2017-07-13", _N, {"type_from": "code"}),
    ("o017", "1762/QĐ-UBND ngày 20/06/2025", "quyet-dinh", False, "1762", _N, "QĐ", "UBND", "2025-06-20", _N, {"type_from": "code"}),
    ("o017", "Giấy phép thăm dò số 01/GP-UBND ngày 12/01/2007 của UBND TP", "giay-phep", True, "01", _N, "GP", "UBND", "2007-01-12", "UBND TP", {}),
    ("o017", "Giấy phép thăm dò số 906/GP-TNMT- QLTN ngày 04/ 11/2009 của STNMT", "giay-phep", True, "906", _N, "GP", "TNMT-QLTN", "2009-11-04", "STNMT", {"problems": {"space"}}),
    # --- 018
    ("o018", "Thông báo số 569/TB-VPCP", "thong-bao", True, "569", _N, "TB", "VPCP", "2025-10-22", "Văn phòng Chính phủ", {}),
    ("o018", "Kế hoạch thanh tra số 1505/KH-TTCP của Thanh tra Chính phủ", "ke-hoach", True, "1505", _N, "KH", "TTCP", _N, "Thanh tra Chính phủ", {}),
    ("o018", "Báo cáo số 2554/BC-TTCP ngày 17/10/2025", "bao-cao", True, "2554", _N, "BC", "TTCP", "2025-10-17", "Thanh tra Chính phủ", {}),
    ("o018", "văn bản số 16495/BTC-PTHT ngày 22/10/2025", "cong-van", True, "16495", _N, _N, "BTC-PTHT", "2025-10-22", "Bộ Tài chính", {}),
    ("o018", "số 13021/BTC-PTHT ngày 22/8/2025 của Bộ Tài chính", "cong-van", True, "13021", _N, _N, "BTC-PTHT", "2025-08-22", "Bộ Tài chính", {"type_from": "list"}),
    ("o018", "văn bản số 16495/BТС-PTHT ngày 22/10/2025", "cong-van", True, "16495", _N, _N, "BТС-PTHT", "2025-10-22", "Bộ Tài chính", {"problems": {"script"}, "first": False}),
    ("o018", "Kết luận số 77-KL/TW ngày 02/5/2024 của Bộ Chính trị", "ket-luan", True, "77", _N, "KL", "TW", "2024-05-02", "Bộ Chính trị", {"style": "party", "first": False}),
    ("o018", "Nghị quyết số 170/2024/QH15 ngày 30/11/2024 của Quốc hội", "nghi-quyet", True, "170", 2024, _N, "QH15", "2024-11-30", "Quốc hội", {"first": False}),
    # --- 019, 020
    ("o019", "Nghị quyết số 66/NQ-CP ngày 26 tháng 3 năm 2025 của Chính phủ", "nghi-quyet", True, "66", _N, "NQ", "CP", "2025-03-26", "Chính phủ", {}),
    ("o019", "Nghị quyết số 66.7/2025/NQ-CP ngày 15 tháng 11 năm 2025", "nghi-quyet", True, "66.7", 2025, "NQ", "CP", "2025-11-15", "Chính phủ", {}),
    ("o019", "Kế hoạch số 02-KH/BCĐTW ngày 19 tháng 6 năm 2025 của Ban Chỉ đạo Trung ương", "ke-hoach", True, "02", _N, "KH", "BCĐTW", "2025-06-19", "Ban Chỉ đạo Trung ương", {"style": "party"}),
    ("o019", "Công điện số 220/CĐ-TTg ngày 18 tháng 11 năm 2025 của Thủ tướng Chính phủ", "cong-dien", True, "220", _N, "CĐ", "TTg", "2025-11-18", "Thủ tướng Chính phủ", {}),
    ("o019", "Quyết định số 3539/QĐ-NHNN", "quyet-dinh", True, "3539", _N, "QĐ", "NHNN", "2025-10-23", "Ngân hàng Nhà nước Việt Nam", {}),  # "(Ngày 23/10/2025, … ban hành Quyết định số …"
    ("o020", "Luật Doanh nghiệp năm 2000", "luat", False, _N, _N, _N, "", _N, _N, {"name": "Doanh nghiệp", "law_year": 2000}),
]
# fmt: on


@pytest.fixture(scope="module")
def docs():
    cache = {}

    def get(key):
        if key not in cache:
            cache[key] = load_path(FILES[key])
        return cache[key]

    return get


def _find(doc, text):
    for p in doc.paragraphs:
        i = p.text.find(text)
        while i >= 0:
            for c in citations(doc):
                starts = {c.start, c.type_span[0] if c.type_span else -1, c.so_span[0] if c.so_span else -1}
                if c.para is p and i in starts:
                    return c
            i = p.text.find(text, i + 1)
    return None


def test_table_has_at_least_100_rows():
    assert len(ROWS) >= 100
    assert len({(r[0], r[1]) for r in ROWS}) == len(ROWS), "duplicate rows"


@needs_shared
@pytest.mark.parametrize("row", ROWS, ids=[f"{r[0]}:{r[1][:40]}" for r in ROWS])
def test_citation_parts(row, docs):
    key, text, tkey, so, number, year, code, issuers, date, issuer, extra = row
    doc = docs(key)
    assert any(text in p.text for p in doc.paragraphs), f"not verbatim in {FILES[key].name}: {text!r}"
    c = _find(doc, text)
    assert c is not None, f"no citation found at {text!r}"
    got = {
        "type": c.type_key, "so": c.so, "number": c.number, "year": c.year, "code": c.type_code,
        "issuers": "-".join(c.issuer_codes), "date": c.date.first.isoformat() if c.date and c.date.first else None,
        "issuer": c.issuer,
    }
    want = {"type": tkey, "so": so, "number": number, "year": year, "code": code, "issuers": issuers,
            "date": date, "issuer": issuer}
    assert got == want
    if "symbol" in extra:
        assert c.symbol == extra["symbol"]
    elif c.type_code or c.issuer_codes:
        assert c.symbol and c.symbol in text
    if "problems" in extra:
        assert {p.kind for p in c.problems} == extra["problems"]
    elif not extra.get("problems"):
        assert not c.problems, [p.kind for p in c.problems]
    for k in ("name", "law_year", "type_from", "style"):
        if k in extra:
            assert getattr(c, k) == extra[k], k
    if "title" in extra:
        if extra["title"] is None:
            assert c.title is None
        else:
            assert c.title and c.title.startswith(extra["title"])
    if "first" in extra:
        assert c.is_first == extra["first"]


def test_days_in_month_is_calendar_monthrange():
    import calendar

    import pytest

    from checker.extract.dates import days_in_month

    for year in (1, 4, 100, 400, 1900, 2000, 2023, 2024, 2100, 9999, 99999):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
    for month in (0, 13, -1):
        with pytest.raises(ValueError):
            days_in_month(2024, month)
    with pytest.raises(ValueError):
        calendar.monthrange(2024, 13)  # (the same error class as calendar's)
