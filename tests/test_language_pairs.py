"""Table-driven: real error / non-error pairs of the classes that real notices contain (issue 18).

Each row is a sentence with the error, the code and the suggestion expected on it, and the same
sentence corrected, on which no language rule (L) at warning or error level may fire. The errors
are of the kinds seen again and again in real drafts: a wrong tone mark or letter that makes
another real word (L705, L701), a doubled word (L706), capitalisation against Phụ lục II of
Nghị định 30/2020 (L707), a syllable that cannot be Vietnamese (L702), punctuation (L704).
"""
from __future__ import annotations

import pytest

from .conftest import run_text

HEAD = "THÔNG BÁO\n\nKết luận của Chủ tịch UBND tỉnh tại phiên họp tháng 3 năm 2024\n\n"

# (wrong sentence, code, suggestion, corrected sentence)
PAIRS = [
    # --- real-word errors: wrong tone mark or letter (L705)
    ("Rà soát các quy định hiện hành đế bảo đảm thống nhất.", "L705", "để", "Rà soát các quy định hiện hành để bảo đảm thống nhất."),
    ("Dự kiến tập huấn và thu thập dữ liệu tư tháng 11/2025.", "L705", "từ", "Dự kiến tập huấn và thu thập dữ liệu từ tháng 11/2025."),
    ("Thực hiện theo Nghị quyết ban hành ngày 22 tháng 12 nám 2024 của Bộ Chính trị.", "L705", "năm", "Thực hiện theo Nghị quyết ban hành ngày 22 tháng 12 năm 2024 của Bộ Chính trị."),
    ("Bộ Tư pháp quy đinh chi tiết và hướng dẫn thi hành.", "L705", "định", "Bộ Tư pháp quy định chi tiết và hướng dẫn thi hành."),
    ("Huy động nguồn lực xây dụng nông thôn mới.", "L705", "dựng", "Huy động nguồn lực xây dựng nông thôn mới."),
    ("Tập trung nâng cao nâng lực cán bộ cơ sở.", "L705", "năng", "Tập trung nâng cao năng lực cán bộ cơ sở."),
    ("Ủy bân nhân dân các xã chủ động triển khai.", "L705", "ban", "Ủy ban nhân dân các xã chủ động triển khai."),
    ("Rứt khoát không để chậm tiến độ.", "L705", "Dứt", "Dứt khoát không để chậm tiến độ."),
    # the variant makes with the left word a word 100 times as common ("điện tử" / "điện từ"),
    # though the right word goes with both ("từ trên" is common)
    ("Đồng bộ lên Bộ Công an để tạo Sổ sức khỏe điện từ trên ứng dụng VNeID.", "L705", "tử",
     "Đồng bộ lên Bộ Công an để tạo Sổ sức khỏe điện tử trên ứng dụng VNeID."),
    ("Triển khai thanh toán điện từ trong các bệnh viện.", "L705", "tử", "Triển khai thanh toán điện tử trong các bệnh viện."),
    # never seen beside a neighbour though the two would meet often by chance ("trong đóng": 0,
    # expected 86), the variant seen on both sides
    ("Nghiên cứu xác định tỷ trong đóng góp của khoa học công nghệ vào tăng trưởng.", "L705", "trọng",
     "Nghiên cứu xác định tỷ trọng đóng góp của khoa học công nghệ vào tăng trưởng."),
    # a doubled syllable after a word it ends, before a word it begins, is still a doubling when
    # the first word is weak ("các khu khu công nghiệp")
    ("Thu hút đầu tư vào các khu khu công nghiệp của tỉnh.", "L706", None, "Thu hút đầu tư vào các khu công nghiệp của tỉnh."),
    ("Bố trí kinh phí để sữa chữa trụ sở.", "L701", "sửa chữa", "Bố trí kinh phí để sửa chữa trụ sở."),
    # --- curated confusions (L701)
    ("Các đơn vị phân đấu hoàn thành kế hoạch.", "L701", "phấn đấu", "Các đơn vị phấn đấu hoàn thành kế hoạch."),
    ("Sử dụng tiết kiệm, tránh lãnh phí ngân sách.", "L701", "lãng phí", "Sử dụng tiết kiệm, tránh lãng phí ngân sách."),
    ("Tăng cường công tác phòng cháy, chửa cháy rừng.", "L701", "chữa cháy", "Tăng cường công tác phòng cháy, chữa cháy rừng."),
    ("Kiểm tra xuất sứ hàng hóa nhập khẩu.", "L701", "xuất xứ", "Kiểm tra xuất xứ hàng hóa nhập khẩu."),
    ("Khẩn trương bổ xung lực lượng.", "L701", "bổ sung", "Khẩn trương bổ sung lực lượng."),
    ("Sử lý dứt điểm các vi phạm.", "L701", "Xử lý", "Xử lý dứt điểm các vi phạm."),
    # --- doubled words (L706)
    ("Các các sở, ngành triển khai thực hiện.", "L706", "", "Các sở, ngành triển khai thực hiện."),
    ("Rà soát các dự án chưa chưa bố trí vốn.", "L706", "", "Rà soát các dự án chưa bố trí vốn."),
    ("Phấn đấu hoàn thành mục tiêu đến đến hết năm 2025.", "L706", "", "Phấn đấu hoàn thành mục tiêu đến hết năm 2025."),
    ("Ưu tiên thu hút đầu tư vào các khu vực có lập lập quy hoạch.", "L706", "", "Ưu tiên thu hút đầu tư vào các khu vực có lập quy hoạch."),
    ("Đối với đối với các xã khó khăn, hỗ trợ kinh phí.", "L706", "", "Đối với các xã khó khăn, hỗ trợ kinh phí."),
    ("Tuyên truyền để nhân dân nhân dân biết, thực hiện.", "L706", "", "Tuyên truyền để nhân dân biết, thực hiện."),
    ("Giao Công ty Công ty Điện lực tỉnh thực hiện.", "L706", "", "Giao Công ty Điện lực tỉnh thực hiện."),
    ("Hướng dẫn các trường Trường Cao đẳng tuyển sinh.", "L706", "", "Hướng dẫn các trường cao đẳng tuyển sinh."),
    ("Báo cáo kết quả với với Ủy ban nhân dân tỉnh.", "L706", "", "Báo cáo kết quả với Ủy ban nhân dân tỉnh."),
    ("Kiểm tra các các công trình trọng điểm.", "L706", "", "Kiểm tra các công trình trọng điểm."),
    ("Tăng cường công tác kiểm tra, giám xát việc thực hiện.", "L705", "sát", "Tăng cường công tác kiểm tra, giám sát việc thực hiện."),
    ("Nâng cao chất lượng nguồn nhân lức.", "L705", "lực", "Nâng cao chất lượng nguồn nhân lực."),
    ("Hoàn thành việc cấp giấy chứng nhận quyền sử dụng đát.", "L705", "đất", "Hoàn thành việc cấp giấy chứng nhận quyền sử dụng đất."),
    ("Đầu tư xây dựng kết cấu hạ tàng giao thông.", "L705", "tầng", "Đầu tư xây dựng kết cấu hạ tầng giao thông."),
    ("Thực hiện tốt công tác cải cách hành chình.", "L705", "chính", "Thực hiện tốt công tác cải cách hành chính."),
    ("Đôn đốc các chủ đầu tư đẩy nhanh tiên độ.", "L705", "tiến", "Đôn đốc các chủ đầu tư đẩy nhanh tiến độ."),
    ("Chủ động ứng phó với biến đổi khí hầu.", "L705", "hậu", "Chủ động ứng phó với biến đổi khí hậu."),
    ("Quản lý chặt chẽ tài nguyên khoáng sàn.", "L705", "sản", "Quản lý chặt chẽ tài nguyên khoáng sản."),
    ("Rà soát, sắp xếp đơn vị hành chính cấp xá.", "L705", "xã", "Rà soát, sắp xếp đơn vị hành chính cấp xã."),
    ("Giải quyết dứt điểm đơn thư khiếu lại, tố cáo.", "L705", "nại", "Giải quyết dứt điểm đơn thư khiếu nại, tố cáo."),
    ("Kiểm tra việc chấp hành pháp luật về lao đông.", "L705", "động", "Kiểm tra việc chấp hành pháp luật về lao động."),
    ("Đề nghị Sở Y tế chỉ đạo các cơ sở khám, chửa bệnh.", "L705", "chữa", "Đề nghị Sở Y tế chỉ đạo các cơ sở khám, chữa bệnh."),
    ("Nâng cao hiệu quả hoạt động của chính quyền đia phương.", "L705", "địa", "Nâng cao hiệu quả hoạt động của chính quyền địa phương."),
    ("Tổng hợp, bào cáo kết quả trước ngày 30 tháng 6.", "L705", "báo", "Tổng hợp, báo cáo kết quả trước ngày 30 tháng 6."),
    ("Phối hợp với các cơ quan liên quang thực hiện.", "L705", "quan", "Phối hợp với các cơ quan liên quan thực hiện."),
    ("Bố trí đủ kinh phí thực hiện các chương trình mục tiêu quốc da.", "L705", "gia",
     "Bố trí đủ kinh phí thực hiện các chương trình mục tiêu quốc gia."),
    ("Tổ chức tuyên chuyền, phổ biến giáo dục pháp luật.", "L701", "tuyên truyền", "Tổ chức tuyên truyền, phổ biến giáo dục pháp luật."),
    ("Phát triển hạ tầng các khu khu công nghiệp.", "L706", "", "Phát triển hạ tầng các khu công nghiệp."),
    # --- words run together, informal shorthand (L702, L701)
    ("Hướng dẫn sử dụngVLNCN đúng quy định.", "L702", "dụng VLNCN", "Hướng dẫn sử dụng VLNCN đúng quy định."),
    ("Việckhai thác cát phải có giấy phép.", "L702", "Việc khai", "Việc khai thác cát phải có giấy phép."),
    ("Các đơn vị bổsung hồ sơ trước ngày 15/3.", "L702", "bổ sung", "Các đơn vị bổ sung hồ sơ trước ngày 15/3."),
    ("Nâng cấp đường giao thông thànhphố.", "L702", "thành phố", "Nâng cấp đường giao thông thành phố."),
    ("Hồ sơ ko đầy đủ thì trả lại.", "L701", "không", "Hồ sơ không đầy đủ thì trả lại."),
    # --- typography (L704 warnings)
    ("Thực hiện luân chuyển,....đối với cán bộ lãnh đạo.", "L704", "…", "Thực hiện luân chuyển… đối với cán bộ lãnh đạo."),
    ("Xây dựng kế hoạch giai đoạn 2026 -2031.", "L704", " - ", "Xây dựng kế hoạch giai đoạn 2026 - 2031."),
    ("Quán triệt tinh thần ''quyết tâm cao'' trong toàn ngành.", "L704", "“", "Quán triệt tinh thần “quyết tâm cao” trong toàn ngành."),
    # --- capitalisation by Phụ lục II (L707)
    ("Kinh phí thực hiện là 78,6 ty đồng.", "L705", "tỷ", "Kinh phí thực hiện là 78,6 tỷ đồng."),
    ("Phấn đấu khoản 95% người dân tham gia bảo hiểm y tế.", "L705", "khoảng", "Phấn đấu khoảng 95% người dân tham gia bảo hiểm y tế."),
    ("Chào mừng đại hội Đảng toàn quốc lần thứ XIV.", "L707", "Đại hội", "Chào mừng Đại hội Đảng toàn quốc lần thứ XIV."),

    ("Các sở phối hợp thực hiện; Chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả.", "L707", "chịu",
     "Các sở phối hợp thực hiện; chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả."),
    ("Hoàn thành trong năm 2025; Trên cơ sở đó, các sở xây dựng kế hoạch chi tiết.", "L707", "trên",
     "Hoàn thành trong năm 2025. Trên cơ sở đó, các sở xây dựng kế hoạch chi tiết."),
    ("Tổ chức phiên họp thứ nhất (sau đây gọi là phiên họp), Tham dự có các sở, ngành.", "L707", "tham",
     "Tổ chức phiên họp thứ nhất (sau đây gọi là phiên họp). Tham dự có các sở, ngành."),
    ("Thực hiện theo khoản 1 điều 26 của Luật Đầu tư công.", "L707", "Điều", "Thực hiện theo khoản 1 Điều 26 của Luật Đầu tư công."),
    ("Quy định tại chương II của Nghị định này được bãi bỏ.", "L707", "Chương", "Quy định tại Chương II của Nghị định này được bãi bỏ."),
    ("Tổ chức lựa chọn nhà thầu theo Luật đấu thầu năm 2023.", "L707", "Đấu", "Tổ chức lựa chọn nhà thầu theo Luật Đấu thầu năm 2023."),
    ("Thực hiện theo Luật nhà ở năm 2023.", "L707", "Nhà", "Thực hiện theo Luật Nhà ở năm 2023."),
    ("Hướng dẫn thi hành Luật tổ chức chính quyền địa phương.", "L707", "Tổ", "Hướng dẫn thi hành Luật Tổ chức chính quyền địa phương."),
    ("Báo cáo thủ tướng Chính phủ kết quả thực hiện.", "L707", "Thủ tướng", "Báo cáo Thủ tướng Chính phủ kết quả thực hiện."),
    ("Kết nối giao thông vùng Tây Nam bộ.", "L707", "Tây Nam Bộ", "Kết nối giao thông vùng Tây Nam Bộ."),
    ("Phát triển du lịch các tỉnh Bắc bộ.", "L707", "Bắc Bộ", "Phát triển du lịch các tỉnh Bắc Bộ."),
    ("Nâng cấp Quốc Lộ 45 đoạn qua tỉnh.", "L707", "Quốc lộ", "Nâng cấp Quốc lộ 45 đoạn qua tỉnh."),
    ("Sửa chữa Tỉnh Lộ 12 trước mùa mưa.", "L707", "Tỉnh lộ", "Sửa chữa Tỉnh lộ 12 trước mùa mưa."),
    ("Thực hiện theo điểm b khoản 3 điều 12 của Nghị định.", "L707", "Điều", "Thực hiện theo điểm b khoản 3 Điều 12 của Nghị định."),
    ("Các quy định tại chương III được giữ nguyên.", "L707", "Chương", "Các quy định tại Chương III được giữ nguyên."),
    ("Tổ chức thi hành Luật đất đai năm 2024.", "L707", "Đất", "Tổ chức thi hành Luật Đất đai năm 2024."),
    ("Thực hiện Luật quy hoạch và các văn bản hướng dẫn.", "L707", "Quy", "Thực hiện Luật Quy hoạch và các văn bản hướng dẫn."),
    ("Triển khai Luật phòng, chống ma túy.", "L707", "Phòng", "Triển khai Luật Phòng, chống ma túy."),
    ("Tuyên truyền Luật an toàn giao thông đường bộ.", "L707", "An", "Tuyên truyền Luật An toàn giao thông đường bộ."),
    ("Hoàn thành trước ngày 15/12/2025; Khẩn trương báo cáo kết quả.", "L707", "khẩn", "Hoàn thành trước ngày 15/12/2025; khẩn trương báo cáo kết quả."),
    ("Các sở chủ trì; Phối hợp với UBND các huyện thực hiện.", "L707", "phối", "Các sở chủ trì; phối hợp với UBND các huyện thực hiện."),
    ("Kiểm tra việc thực hiện; Kịp thời xử lý vi phạm.", "L707", "kịp", "Kiểm tra việc thực hiện; kịp thời xử lý vi phạm."),
    ("Rà soát hồ sơ; Đẩy mạnh giải quyết trực tuyến.", "L707", "đẩy", "Rà soát hồ sơ; đẩy mạnh giải quyết trực tuyến."),
    ("Báo cáo phó thủ tướng Chính phủ phụ trách lĩnh vực.", "L707", "Phó Thủ tướng", "Báo cáo Phó Thủ tướng Chính phủ phụ trách lĩnh vực."),
    ("Phát triển kinh tế các tỉnh Trung bộ.", "L707", "Trung Bộ", "Phát triển kinh tế các tỉnh Trung Bộ."),
    ("Liên kết vùng Đông Nam bộ.", "L707", "Đông Nam Bộ", "Liên kết vùng Đông Nam Bộ."),
    ("Mở rộng Quốc Lộ 1 đoạn qua tỉnh.", "L707", "Quốc lộ", "Mở rộng Quốc lộ 1 đoạn qua tỉnh."),
    ("Thi đua chào mừng đại hội đại biểu Đoàn toàn quốc lần thứ XIII.", "L707", "Đại hội",
     "Thi đua chào mừng Đại hội đại biểu Đoàn toàn quốc lần thứ XIII."),
    ("Rà soát các các thủ tục hành chính.", "L706", "", "Rà soát các thủ tục hành chính."),
    ("Báo cáo kết quả đến đến Ủy ban nhân dân tỉnh.", "L706", "", "Báo cáo kết quả đến Ủy ban nhân dân tỉnh."),
    ("Các đơn vị có có trách nhiệm báo cáo.", "L706", "", "Các đơn vị có trách nhiệm báo cáo."),
    ("Việc này là là nhiệm vụ trọng tâm.", "L706", "", "Việc này là nhiệm vụ trọng tâm."),
    ("Hỗ trợ người người dân bị ảnh hưởng.", "L706", "", "Hỗ trợ người dân bị ảnh hưởng."),
    ("Triển khai công tác tuyên truyền tuyên truyền trên địa bàn.", "L706", "", "Triển khai công tác tuyên truyền trên địa bàn."),
    ("Giao Sở Tài chính tổng hợp tổng hợp báo cáo.", "L706", "", "Giao Sở Tài chính tổng hợp báo cáo."),
    ("Tăng cường kiểm tra kiểm tra, giám sát.", "L706", "", "Tăng cường kiểm tra, giám sát."),
    ("Nâng cao chất lượng khám chữa bệnhcho nhân dân.", "L702", "bệnh cho", "Nâng cao chất lượng khám chữa bệnh cho nhân dân."),
    ("Hoàn thành kế hoạchnăm 2025.", "L702", "hoạch năm", "Hoàn thành kế hoạch năm 2025."),
    ("Giao Ủy ban nhân dân cácxã thực hiện.", "L702", "các xã", "Giao Ủy ban nhân dân các xã thực hiện."),
    ("Tổ chức hội nghị tổngkết công tác năm.", "L702", "tổng kết", "Tổ chức hội nghị tổng kết công tác năm."),
    ("Kiểm tra việc thực hiện nhiệm vụ.Tiếp tục rà soát hồ sơ.", "L704", None, "Kiểm tra việc thực hiện nhiệm vụ. Tiếp tục rà soát hồ sơ."),
    ("Phân bổ vốn cho giai đoạn 2021- 2025.", "L704", " - ", "Phân bổ vốn cho giai đoạn 2021 - 2025."),
    ("Giao Bộ Quốc phòng các tỉnh Ninh Bình, Thanh Hóa phối hợp.", "L704", "Bộ Quốc phòng,",
     "Giao Bộ Quốc phòng, các tỉnh Ninh Bình, Thanh Hóa phối hợp."),
    ("Đề nghị Bộ Tài chính các bộ, ngành liên quan hướng dẫn.", "L704", "Bộ Tài chính,",
     "Đề nghị Bộ Tài chính, các bộ, ngành liên quan hướng dẫn."),
    ("Đẩy mạnh cải cách hành chính,....nâng cao hiệu quả.", "L704", "…", "Đẩy mạnh cải cách hành chính… nâng cao hiệu quả."),
    # --- syllables that cannot be Vietnamese (L702)
    ("Tăng cường quán triểt các chủ trương.", "L702", None, "Tăng cường quán triệt các chủ trương."),
    ("Phát triển các nghành kinh tế mũi nhọn.", "L701", "ngành", "Phát triển các ngành kinh tế mũi nhọn."),
    ("Nâng cao chất lượng dịch vụ bưuchínhcông ích.", "L702", None, "Nâng cao chất lượng dịch vụ bưu chính công ích."),
    ("Đảm bảo hiệu qủa đầu tư.", "L702", "quả", "Đảm bảo hiệu quả đầu tư."),
    ("Rà soát tòan bộ hồ sơ.", "L702", "toàn", "Rà soát toàn bộ hồ sơ."),
    # --- punctuation (L704: info, except brackets and quotes)
    ("Giao Sở Tài chính (chủ trì phối hợp với các sở liên quan.", "L704", None, "Giao Sở Tài chính (chủ trì) phối hợp với các sở liên quan."),
    ("Thực hiện phương châm \"bốn tại chỗ trong phòng chống thiên tai.", "L704", None, "Thực hiện phương châm \"bốn tại chỗ\" trong phòng chống thiên tai."),
    ("Các sở phối hợp thực hiện chủ trì báo cáo.)", "L704", None, "Các sở phối hợp thực hiện (chủ trì báo cáo)."),
]

# correct text that looks like the errors above: nothing may be reported (legitimate
# reduplication, compounds a variant would also make, names, lists of names, the amending-law title)
CLEAN = [
    "Giảm dần dần tỷ lệ hộ nghèo, từ từ nâng cao thu nhập.",
    "Ngày ngày cập nhật tiến độ trên hệ thống.",
    "Ban hành quyết định quy định định mức phân bổ vốn.",
    "Cấp giấy phép xuất bản tin tức điện tử.",
    # the first copy ends a word ("xuất bản"), the second begins one ("bản tin"): no doubling
    "Cấp giấy phép xuất bản bản tin (trung ương).",
    "Thủ tục cấp giấy phép xuất bản bản tin của cơ quan, tổ chức.",
    # a list whose items each begin with a capital, the name further than three words on
    "Các dự án trọng điểm (Như: Cầu đường bộ qua sông Hồng; Cảng hàng không Sa Pa; Nâng cấp 4 làn xe đường cao tốc Nội Bài – Lào Cai;...).",
    "Các công trình: Đường nối hai huyện phía tây; Trường trung học phổ thông ở xã Tân Lập; Mở rộng chợ trung tâm của huyện.",
    # foreign names transliterated syllable by syllable (Phụ lục II, Mục II.2.b), minority names
    "Viết hoa tên người nước ngoài phiên âm: Vla-đi-mia I-lích Lê-nin, Phri-đrích Ăng-ghen; tên địa lý: Mát-xcơ-va.",
    "Sáp nhập xã Avương và xã Atiêng thuộc thành phố Đà Nẵng.",
    # a syllable unseen beside the word before, but its variant is no better there
    "Thống nhất việc đầu tư đoạn kết nối 1,9 km vào Cảng hàng không.",
    # "trong" where it belongs, beside the same words
    "Nâng cao trách nhiệm của người dân trong đóng góp ý kiến xây dựng pháp luật.",
    "Phấn đấu tỷ trọng đóng góp của kinh tế số đạt 30%, trong đó công nghiệp chiếm phần lớn.",
    # "điện từ" in its own sense (electromagnetic) beside words that go with it
    "Đo cường độ trường điện từ tại khu dân cư.",
    "Tuyển chọn cộng tác viên dân số tại các xã.",
    "Thực hiện theo Luật sửa đổi, bổ sung một số điều của Luật Đất đai.",
    "Các quy định của Luật này được áp dụng thống nhất.",
    "Giao Sở Tài chính, Công an tỉnh, các tỉnh Lào Cai, Yên Bái phối hợp thực hiện.",
    "Các lĩnh vực: Báo chí; Xuất bản, In và Phát hành; Thông tin điện tử.",
    "Các dự án: Cầu Kim Thành; Cảng hàng không Sa Pa; Nâng cấp Quốc lộ 4D.",
    "Căn cứ điểm a khoản 2 Điều 10 Chương II của Nghị định.",
    "Phát triển vùng Tây Bắc, Tây Nguyên và Tây Nam Bộ.",
    "Nâng cấp Quốc lộ 4D đoạn qua thị xã.",
    "Báo cáo Thủ tướng Chính phủ, Phó Thủ tướng Chính phủ kết quả.",
    "Ủy ban nhân dân tỉnh Hòa Bình, tỉnh Khánh Hòa và tỉnh Thanh Hóa phối hợp.",
    "Hỗ trợ đồng bào dân tộc thiểu số ổn định đời sống lâu dài.",
    "Đẩy mạnh sản xuất kinh doanh, bảo đảm an sinh xã hội.",
    "Tiếp tục thực hiện có hiệu quả Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
    "Kiểm tra, giám sát việc thực hiện thủ tục hành chính trên Cổng Dịch vụ công quốc gia.",
    "Đổi mới phân công công việc trong cơ quan.",
    "Theo Kết luận của Ban Thường vụ Đảng ủy Ủy ban nhân dân tỉnh.",
    "Viết hoa tên người: Nguyễn Ái Quốc, Trần Phú,... như quy định.",
    "Giai đoạn 2021-2025 và 2026 - 2030.",
    "Số:      /TB-UBND ngày ..... tháng ..... năm 2025.",
    "Tổ chức đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030.",
    "Thực hiện theo khoản 2 Điều 5, Công ty TNHH Xây dựng số 3 phối hợp.",
    "Giao Bộ Chỉ huy Quân sự các tỉnh chủ trì diễn tập.",
]


def _findings(text: str):
    return [d for d in run_text(HEAD + "1. " + text + "\n", select=["L"]) if d.severity != "info" or d.code == "L704"]


@pytest.mark.parametrize("wrong,code,suggestion,right", PAIRS, ids=[p[0][:40] for p in PAIRS])
def test_error_is_found_and_the_correction_is_clean(wrong, code, suggestion, right):
    found = _findings(wrong)
    if code is None:
        assert [d for d in found if d.severity in ("warning", "error")] == []
    else:
        hits = [d for d in found if d.code == code]
        assert hits, f"{code} expected on: {wrong}; got {[(d.code, d.message.vi) for d in found]}"
        if suggestion is not None:
            assert suggestion in [d.suggestion for d in hits]
    assert [(d.code, d.message.vi) for d in _findings(right) if d.severity in ("warning", "error")] == []


@pytest.mark.parametrize("text", CLEAN, ids=[t[:40] for t in CLEAN])
def test_correct_text_has_no_language_finding(text):
    assert [(d.code, d.message.vi) for d in _findings(text) if d.severity in ("warning", "error")] == []


def test_messages_are_vietnamese_and_cite_their_source():
    text = ("Rà soát các quy định hiện hành đế bảo đảm thống nhất; Chịu trách nhiệm trước UBND tỉnh. "
            "Thực hiện theo khoản 1 điều 26, chưa chưa bố trí vốn.")
    found = run_text(HEAD + "1. " + text + "\n", select=["L705", "L706", "L707"])
    assert {d.code for d in found} == {"L705", "L706", "L707"}
    for d in found:
        assert not any(w in d.message.vi for w in (" is ", " the ", "corpus", "CORPUS", "SEEDS"))
    assert all("Phụ lục II, Mục" in d.message.vi for d in found if d.code == "L707")
    en = run_text(HEAD + "1. " + text + "\n", select=["L705", "L706", "L707"], lang="en")
    assert all(d.message.en for d in en)
