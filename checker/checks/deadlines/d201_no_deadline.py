"""D201 — Nhiệm vụ không có thời hạn

Cái gì: một nhiệm vụ được giao trong thông báo kết luận (một mục, một gạch đầu dòng, một đoạn
"Giao …", "Yêu cầu …", "… chủ trì, phối hợp …") không có thời hạn nào: không có ngày ("trước
ngày 15/9"), tháng, quý ("trong tháng 9/2020", "Thời hạn trong Quý II/2024"), kỳ báo cáo
("hằng tuần") hay sự kiện ("báo cáo tại phiên họp thường kỳ tiếp theo"). Nhiệm vụ nằm dưới một
đề mục có thời hạn thì lấy thời hạn của đề mục.
Mức: cảnh báo với việc phải ra sản phẩm (báo cáo, trình, ban hành, hoàn thành, tổ chức, xây
dựng …); thông tin với nhiệm vụ thường xuyên (động từ chính là tiếp tục, tăng cường, thường
xuyên, theo dõi, đôn đốc …: không bắt buộc có thời hạn) và với nhiệm vụ không có động từ nào cho
thấy phải ra sản phẩm (định hướng chung). Không báo với nhiệm vụ chỉ giao cho cơ quan mà cơ quan
ban hành không thể định thời hạn (các cơ quan của Quốc hội, cơ quan Trung ương của Đảng …).
Tại sao: giao việc phải "rõ người, rõ việc, rõ thời gian"; không có thời hạn thì không theo dõi,
đôn đốc và đánh giá kết quả được.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (giao xử lý phải xác định rõ đơn vị chủ trì,
phối hợp và thời hạn giải quyết); yêu cầu "6 rõ" (rõ người, rõ việc, rõ thời gian …) trong chỉ
đạo của Thủ tướng Chính phủ (ví dụ Thông báo 627/TB-VPCP ngày 18/11/2025); Quy định chế độ họp
ban hành kèm Quyết định 114/2006/QĐ-TTg (thông báo kết luận cuộc họp).
Ví dụ sai: "2.2. Tập trung chuẩn bị các nội dung báo cáo, dự thảo Nghị quyết trình HĐND tỉnh
kỳ họp thứ ba."
Ví dụ đúng: "… trình HĐND tỉnh kỳ họp thứ ba; hoàn thành trước ngày 15/9/2021."
Cách sửa: thêm thời hạn cụ thể (ngày, tháng, quý) hoặc kỳ báo cáo; với nhiệm vụ thường xuyên,
có thể bỏ qua thông tin này.
---
What: a task assigned by the conclusion notice (an item, a bullet, a paragraph "Giao …",
"Yêu cầu …", "… chủ trì, phối hợp …") has no deadline at all: no date, month or quarter, no
reporting period ("hằng tuần") and no event ("at the next regular meeting"). A task listed under
a heading that has a deadline takes the heading's deadline.
Severity: warning for a deliverable (a report, a submission, a regulation, an event to
organise …); info for an ongoing duty (its head verb is continue, strengthen, follow, urge …: it
needs no deadline) and for a task with no verb of a deliverable (a general orientation). Not
reported for a task led only by bodies the issuer cannot set deadlines for (the National
Assembly's bodies, the Party's central bodies …).
Why: an assignment must name who, what and by when; without a deadline nobody can follow it up.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (an assignment names the lead, the supporting units
and the deadline); the Prime Minister's "six clears" (clear person, clear task, clear time …);
the meeting regulation of Decision 114/2006/QĐ-TTg (conclusion notices).
Fix: add a concrete deadline (a date, a month, a quarter) or a reporting period.
"""
from ...diagnostics import Msg
from ...engine import rule
from ._task_hit import excerpt, extract_tasks, task_hit, where


@rule("D201", varies=(('info',), Msg('Mức thông tin cho nhiệm vụ thường xuyên ("tiếp tục", "thường xuyên" …), vốn không bắt buộc có thời hạn; cảnh báo cho việc phải hoàn thành mà không có thời hạn.',
                        'Info for an ongoing duty ("tiếp tục", "thường xuyên" …), which needs no deadline; a warning for work to be completed with no deadline.')), name="no-deadline", severity="warning", kinds=("thong-bao",),
      title=Msg("Nhiệm vụ không có thời hạn", "Task without a deadline"))
def check(doc):
    for t in extract_tasks(doc):
        if t.deadlines or t.beyond_issuer:
            continue  # a body the issuer cannot set a deadline for (the National Assembly's …)
        w = where(t)
        if t.nature == "ongoing":
            yield task_hit(
                t,
                Msg(f"{w.vi} là nhiệm vụ thường xuyên, không nêu thời hạn: \"{excerpt(t)}\". "
                    "Nhiệm vụ thường xuyên không bắt buộc có thời hạn; nếu cần theo dõi, có thể nêu kỳ báo cáo.",
                    f"{w.en} is an ongoing duty with no deadline: \"{excerpt(t)}\". "
                    "An ongoing duty needs no deadline; to follow it up, a reporting period may be given."),
                Msg("Nếu cần theo dõi, nêu kỳ báo cáo (\"báo cáo hằng tháng\", \"hằng quý\").",
                    "To follow it up, give a reporting period (\"báo cáo hằng tháng\", \"hằng quý\")."),
                severity="info", nature=t.nature,
            )
            continue
        yield task_hit(
            t,
            Msg(f"{w.vi} giao việc nhưng không có thời hạn: \"{excerpt(t)}\". "
                "Không có thời hạn thì không theo dõi, đôn đốc được.",
                f"{w.en} assigns work without any deadline: \"{excerpt(t)}\". "
                "Without a deadline it cannot be followed up."),
            Msg("Thêm thời hạn cụ thể, ví dụ \"hoàn thành trước ngày …\" hoặc \"trong tháng …\", hoặc kỳ báo cáo (\"báo cáo hằng tháng\").",
                "Add a concrete deadline, e.g. \"hoàn thành trước ngày …\" or \"trong tháng …\", or a reporting period (\"báo cáo hằng tháng\")."),
            severity="info" if t.nature != "deliverable" else None,
            nature=t.nature,
        )
