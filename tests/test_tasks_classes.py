"""Classes of sentence a careful clerk reads as several tasks, inherited owners and deadlines,
and tasks that need no deadline (issue 15). Each test is a sentence shape, not a document."""
from __future__ import annotations

from checker.document import load_text
from checker.extract.tasks import extract_tasks

from .conftest import run_text
from .test_tasks_rules import TAIL, draft


def tasks(body: str):
    return extract_tasks(load_text(draft(body), "draft.txt"))


def leads(t):
    return [o.name for o in t.leads]


def test_inline_sub_items_are_tasks_and_inherit_the_lead_in_owner():
    ts = tasks("1. Sở Tài chính: (1) trình UBND tỉnh phương án phân bổ vốn, hoàn thành trong tháng 10/2022; "
               "(2) hướng dẫn các huyện quyết toán vốn đầu tư trước ngày 15/11/2022.\n")
    assert [t.number for t in ts] == ["1.(1)", "1.(2)"]
    assert [leads(t) for t in ts] == [["Sở Tài chính"], ["Sở Tài chính"]]
    assert [t.deadline.text for t in ts] == ["trong tháng 10/2022", "trước ngày 15/11/2022"]


def test_nested_roman_sub_items_under_an_owner_and_verb_lead_in():
    ts = tasks("2. Các huyện, thành phố tập trung: (i) Rà soát danh mục dự án chậm tiến độ; "
               "(ii) Báo cáo UBND tỉnh kết quả giải ngân; (iii) Hoàn thành giải phóng mặt bằng dự án "
               "đường tỉnh 150.\n")
    assert [t.number for t in ts] == ["2.(i)", "2.(ii)", "2.(iii)"]
    assert all(leads(t) for t in ts)


def test_a_list_of_names_after_a_noun_is_not_a_list_of_tasks():
    ts = tasks("3. Sở Tư pháp xây dựng các văn bản: (1) Quy chế phối hợp; (2) Quy định về hòa giải, "
               "trình UBND tỉnh trước ngày 30/10/2022.\n")
    assert len(ts) == 1 and leads(ts[0]) == ["Sở Tư pháp"]


def test_a_deadline_closing_the_list_covers_the_entries_before_it():
    ts = tasks("4. Sở Xây dựng: (1) rà soát quy hoạch vật liệu xây dựng; (2) đề xuất điều chỉnh giá vật liệu. "
               "Thời hạn trong Quý IV/2022.\n")
    assert [t.deadline.text if t.deadline else None for t in ts] == ["Thời hạn trong Quý IV/2022"] * 2


def test_each_clause_with_a_new_owner_is_a_task_of_its_own():
    ts = tasks("5. Giao Sở Y tế chuẩn bị phương án tiêm chủng trước ngày 20/9/2022; Sở Giáo dục và Đào tạo "
               "tổ chức tập huấn cho giáo viên trong tháng 10/2022. Đối với các trường vùng cao, giao "
               "UBND huyện Mường Nhé bố trí kinh phí trước ngày 30/10/2022.\n")
    assert [leads(t) for t in ts] == [["Sở Y tế"], ["Sở Giáo dục và Đào tạo"], ["UBND huyện Mường Nhé"]]
    assert len({t.line for t in ts}) == 1  # one line, three tasks a clerk follows separately


def test_ongoing_duty_gets_no_warning_and_no_contradictory_message():
    found = [d for d in run_text(draft("6. Công an tỉnh tiếp tục tăng cường tuần tra, kiểm soát, báo cáo "
                                        "kết quả với UBND tỉnh.\n"), select=["D201"])]
    assert [d.severity for d in found] == ["info"]
    assert "Không có thời hạn thì không theo dõi" not in found[0].message.get("vi")


def test_a_body_the_issuer_cannot_set_deadlines_for_is_not_flagged():
    found = run_text(draft("7. Đề nghị Ban Văn hóa - Xã hội của Hội đồng nhân dân tỉnh thẩm tra dự thảo "
                           "Nghị quyết.\n8. Đề nghị Ủy ban Kinh tế và Tài chính của Quốc hội thẩm tra hồ sơ "
                           "Chương trình.\n"), select=["D201"])
    assert [d.line for d in found] == [16]  # the HĐND board is not above the issuer; the NA's is


def test_vague_and_qualified_groups():
    found = run_text(draft("9. Các sở, ngành liên quan xây dựng kế hoạch trước ngày 30/9/2022.\n"
                           "10. Các địa phương, nhất là huyện Mường Nhé, rà soát hộ nghèo trước ngày 30/9/2022.\n"),
                     select=["A302"])
    assert [d.line for d in found] == [16]


ANNOUNCEMENT = """ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
Số: 211/TB-UBND
Điện Biên, ngày 08 tháng 9 năm 2022

THÔNG BÁO

Về việc tuyển sinh vào lớp 10 năm học 2022-2023

1. Thí sinh nộp hồ sơ đăng ký dự tuyển tại trường trung học phổ thông nơi cư trú.
2. Các trường tổ chức tiếp nhận hồ sơ, công khai danh sách thí sinh.
3. Giao Sở Giáo dục và Đào tạo tổng hợp kết quả tuyển sinh, báo cáo UBND tỉnh.
""" + TAIL


def test_announcement_has_tasks_only_where_it_assigns_a_named_body():
    ts = extract_tasks(load_text(ANNOUNCEMENT, "tb.txt"))
    assert [leads(t) for t in ts] == [["Sở Giáo dục và Đào tạo"]]
    found = run_text(ANNOUNCEMENT, select=["D", "A"])
    assert [(d.code, d.line) for d in found if d.severity != "info"] == [("D201", 16)]


def test_item_labels_are_printed_as_the_text_numbers_them():
    ts = tasks("2. Về y tế:\n(1) Sở Y tế báo cáo tình hình dịch bệnh trước ngày 20/9/2022.\n"
               "(2) Sở Tài chính bố trí kinh phí phòng dịch trước ngày 30/9/2022.\n")
    assert [t.number for t in ts] == ["2.(1)", "2.(2)"]
    found = run_text(draft("3. Về giáo dục:\n(1) Sở Giáo dục và Đào tạo xây dựng kế hoạch năm học mới.\n"), select=["D201"])
    assert "Mục 3.(1)" in found[0].message.get("vi")


# --- classes met on unseen real notices (fixtures/real/tb-641, tb-648, tb-659) -----------------

def test_heads_of_all_ministries_named_in_a_lead_in_own_every_bullet_under_it():
    ts = tasks("1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ theo chức năng, "
               "nhiệm vụ, thẩm quyền đề cao trách nhiệm, thực hiện tốt một số nội dung trọng tâm sau:\n"
               "- Rà soát các văn bản quy định chi tiết, hoàn thành trước ngày 15/12/2025.\n"
               "- Báo cáo kết quả cắt giảm thủ tục hành chính trước ngày 20/12/2025.\n")
    assert len(ts) == 2
    assert all(leads(t) == ["Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan thuộc Chính phủ"] for t in ts)


def test_an_owner_after_an_opening_adverbial_with_other_bodies_in_it():
    ts = tasks("2. Trên cơ sở đề nghị của các Bộ, cơ quan liên quan, Bộ Tài chính rà soát, bố trí kinh phí, "
               "trình cấp có thẩm quyền trong tháng 12/2025.\n")
    assert len(ts) == 1 and leads(ts[0]) == ["Bộ Tài chính"]


def test_the_quoted_proposal_before_the_colon_gives_no_owner_and_no_deadline():
    ts = tasks("1. Về đề nghị các bộ, ngành quan tâm sớm rà soát, kịp thời ban hành văn bản hướng dẫn; hoàn thiện "
               "quy trình pháp lý về đất đai để đẩy nhanh tiến độ: Ủy ban nhân dân tỉnh tiếp tục rà soát các nội dung "
               "về phân cấp, phân quyền, phối hợp với Bộ Nội vụ tổng hợp, đánh giá.\n")
    assert len(ts) == 1
    assert leads(ts[0]) == ["Ủy ban nhân dân tỉnh"] and ts[0].deadline is None


def test_a_factored_list_of_ministries_and_bodies():
    ts = tasks("8. Các Bộ, cơ quan: Tài chính, Xây dựng, Công Thương, Tập đoàn Điện lực Việt Nam theo chức năng, "
               "nhiệm vụ được giao rà soát, báo cáo Thủ tướng Chính phủ trước ngày 05/12/2025.\n")
    assert len(ts) == 1
    assert leads(ts[0]) == ["Bộ Tài chính", "Bộ Xây dựng", "Bộ Công Thương", "Tập đoàn Điện lực Việt Nam"]


def test_a_closing_sentence_about_the_listed_reports_dates_each_of_them():
    ts = tasks("1. Sở Tư pháp hoàn thiện các báo cáo: (i) Báo cáo tình hình thực hiện Nghị quyết; (ii) Báo cáo "
               "về cắt giảm thủ tục hành chính. Các Báo cáo trên gửi Ủy ban nhân dân tỉnh trước ngày 05/12/2025.\n")
    assert [t.number for t in ts] == ["1.(i)", "1.(ii)"]
    assert [t.deadline.text for t in ts] == ["trước ngày 05/12/2025"] * 2


def test_a_lead_in_naming_the_owner_makes_tasks_even_under_an_assessing_heading():
    body = ("I. ĐÁNH GIÁ CHUNG\nThành phố đã đạt nhiều kết quả tích cực.\n"
            "Để vận hành chính quyền hai cấp hiệu quả, thành phố Hải Phòng cần tập trung thực hiện tốt một số nhiệm vụ sau đây:\n"
            "1. Rà soát, đánh giá việc phân cấp, đề xuất cấp có thẩm quyền điều chỉnh trong quý I/2026.\n"
            "2. Tăng cường bồi dưỡng cán bộ cấp xã.\n")
    ts = tasks(body)
    assert len(ts) == 2 and all(leads(t) == ["thành phố Hải Phòng"] for t in ts)


def test_a_deadline_tied_to_a_concrete_event():
    ts = tasks("5. Phòng Giáo dục và Đào tạo chuẩn bị tốt các điều kiện cho năm học 2026-2027; tổ chức khai giảng "
               "năm học mới 2026-2027 bảo đảm an toàn.\n"
               "6. Phòng Văn hóa và Thông tin đẩy mạnh tuyên truyền lưu động, nhất là trong dịp Quốc khánh 2/9.\n")
    assert [t.deadline.kind for t in ts] == ["event", "event"]
    assert "năm học mới" in ts[0].deadline.text and "Quốc khánh 2/9" in ts[1].deadline.text


def test_for_x_must_names_x_as_the_owner():
    ts = tasks("II. Yêu cầu các địa phương khắc phục hậu quả mưa lũ trước ngày 30/11/2025. Đối với các chủ đầu tư "
               "cần nhanh chóng dọn dẹp mặt bằng, khôi phục lại thi công.\n")
    assert [leads(t) for t in ts] == [["các địa phương"], ["các chủ đầu tư"]]


def test_a_list_of_named_cities_gives_each_city_as_a_lead():
    ts = tasks("l) Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện nghiêm chỉ đạo của Thủ tướng Chính phủ, "
               "gửi Bộ Khoa học và Công nghệ trước ngày 15/12/2025.\n")
    assert len(ts) == 1
    assert leads(ts[0]) == ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Cần Thơ"]


def test_a_heading_whose_only_timing_is_vague_gives_it_to_items_with_no_timing_but_not_to_ongoing_duties():
    ts = tasks("II. MỘT SỐ NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI\n\n"
               "1. Sở Kế hoạch và Đầu tư rà soát, xây dựng kế hoạch đầu tư công trung hạn giai đoạn 2026 - 2030.\n\n"
               "2. Sở Công Thương tiếp tục cải thiện môi trường đầu tư kinh doanh.\n\n"
               "3. Sở Tài chính hoàn thành phương án phân bổ vốn trong tháng 10/2022.\n")
    assert [(t.deadline.text if t.deadline else None) for t in ts] == [
        "TRONG THỜI GIAN TỚI", None, "trong tháng 10/2022"]
    assert [t.nature for t in ts][:2] == ["deliverable", "ongoing"]


def test_an_owner_named_before_the_verb_is_not_read_as_the_verb_and_proactive_duties_are_ongoing():
    ts = tasks("3. Nhiệm vụ chủ yếu trong tháng 10/2022:\n\n"
               "a) Sở Thông tin và Truyền thông tích cực đẩy mạnh công tác tuyên truyền về du lịch của tỉnh.\n\n"
               "b) Sở Nông nghiệp và Phát triển nông thôn chủ động dự báo và thực hiện các biện pháp phòng chống dịch bệnh.\n\n"
               "c) Sở Thông tin và Truyền thông tổ chức hội nghị gặp gỡ doanh nghiệp du lịch.\n")
    assert [t.nature for t in ts] == ["ongoing", "ongoing", "deliverable"]
    # a dated heading dates the work under it, not the ongoing duties
    assert [(t.deadline.text if t.deadline else None) for t in ts] == [None, None, "trong tháng 10/2022"]


def test_a_deadline_inside_an_entry_followed_by_another_entry_is_that_entrys_own():
    ts = tasks("7. Sở Tài chính: (1) xây dựng quy chế quản lý quỹ; (2) trình UBND tỉnh đề án tự chủ; "
               "hoàn thành trước ngày 15/11/2022; (3) theo dõi việc thu ngân sách, nhiệm vụ thường xuyên.\n")
    assert [t.number for t in ts] == ["7.(1)", "7.(2)", "7.(3)"]
    assert [t.deadline.text if t.deadline else None for t in ts] == [
        None, "trước ngày 15/11/2022", "nhiệm vụ thường xuyên"]


def test_a_proposal_studied_in_the_course_of_a_process_has_that_process_as_its_deadline():
    ts = tasks("8. Giao Bộ Tài chính nghiên cứu kiến nghị của tỉnh trong quá trình sửa đổi Nghị định về "
               "phí và lệ phí.\n9. Sở Nội vụ nâng cao năng lực trong quá trình tổ chức thực hiện, báo cáo "
               "kết quả trước ngày 30/11/2022.\n")
    assert [(t.deadline.text, t.deadline.kind) for t in ts] == [
        ("trong quá trình sửa đổi Nghị định về phí và lệ phí", "event"), ("trước ngày 30/11/2022", "by-date")]


def test_a_second_sentence_asking_each_ministry_is_a_task_of_its_own():
    ts = tasks("10. Yêu cầu các bộ, ngành, địa phương tiếp tục rà soát thủ tục đầu tư. Yêu cầu từng bộ, ngành, "
               "địa phương hoàn thành báo cáo kết quả trước ngày 30/11/2022.\n")
    assert [leads(t) for t in ts] == [["các bộ, ngành, địa phương"], ["từng bộ, ngành, địa phương"]]
    assert [t.deadline.text if t.deadline else None for t in ts] == [None, "trước ngày 30/11/2022"]


def test_what_a_cited_document_assigned_is_not_a_task_of_the_notice():
    """"Luật … và Nghị định số … giao Bộ Tài chính chủ trì …" reports an earlier assignment (the
    assessment part of a real VPCP conclusion); the same verb after the notice's own subject, or
    with no subject, assigns."""
    reported = ("1. Luật Bảo vệ môi trường năm 2020 và Nghị định số 06/2022/NĐ-CP ngày 07 tháng 01 năm 2022 "
                "của Chính phủ giao Bộ Tài chính chủ trì thành lập thị trường các-bon trong nước.\n")
    assert tasks(reported) == []
    for own in ("1. Giao Bộ Tài chính chủ trì thành lập thị trường các-bon trong nước trước ngày 30/12/2025.\n",
                "1. Ủy ban nhân dân tỉnh giao Bộ Tài chính chủ trì thành lập thị trường các-bon trong nước "
                "trước ngày 30/12/2025.\n",
                "1. Thực hiện Nghị định số 06/2022/NĐ-CP, giao Bộ Tài chính chủ trì thành lập thị trường các-bon "
                "trong nước trước ngày 30/12/2025.\n"):
        ts = tasks(own)
        assert len(ts) == 1 and "Bộ Tài chính" in leads(ts[0]), own
