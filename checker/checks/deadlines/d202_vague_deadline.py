"""D202 — Thời hạn chung chung

Cái gì: nhiệm vụ chỉ có từ chỉ thời gian chung chung ("sớm", "kịp thời", "khẩn trương", "trong
thời gian sớm nhất", "ngay", "nhanh chóng") mà không có ngày, tháng, quý, kỳ báo cáo hay sự kiện
cụ thể. Mức: cảnh báo; thông tin với nhiệm vụ thường xuyên (tiếp tục, tăng cường …).
Tại sao: "khẩn trương" không cho biết khi nào phải xong; không thể đôn đốc hay đánh giá trễ hạn.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (xác định rõ thời hạn giải quyết); yêu cầu "6
rõ" (rõ thời gian) trong chỉ đạo của Thủ tướng Chính phủ.
Ví dụ sai: "1.2. Sở Y tế khẩn trương chuẩn bị các điều kiện để đưa lực lượng hỗ trợ …"
Ví dụ đúng: "1.2. Sở Y tế khẩn trương chuẩn bị …, hoàn thành trước ngày 30/8/2021."
Cách sửa: giữ từ nhấn mạnh nếu muốn, nhưng thêm thời hạn cụ thể.
---
What: the task only says "soon" ("sớm", "kịp thời", "khẩn trương", "trong thời gian sớm nhất",
"ngay", "nhanh chóng") with no date, month, quarter, reporting period or event.
Severity: warning; info for an ongoing duty (continue, strengthen …).
Why: "urgently" does not say when the work is due; lateness cannot be followed up.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (a clear deadline); the Prime Minister's "six clears".
Fix: keep the emphasis if wanted, and add a concrete deadline.
"""
from ...diagnostics import Msg
from ...engine import rule
from ._task_hit import excerpt, extract_tasks, task_hit, where


@rule("D202", varies=(('info',), Msg('Mức thông tin khi thời hạn chung chung nằm trong một nhiệm vụ thường xuyên; cảnh báo khi đó là thời hạn duy nhất của việc phải hoàn thành.',
                        'Info when the vague timing belongs to an ongoing duty; a warning when it is the only deadline of work to be completed.')), name="vague-deadline", severity="warning", kinds=("thong-bao",),
      title=Msg("Thời hạn chung chung", "Vague deadline only"))
def check(doc):
    for t in extract_tasks(doc):
        if not t.deadlines or any(d.concrete for d in t.deadlines) or t.beyond_issuer:
            continue
        words = ", ".join(dict.fromkeys(f"\"{d.text}\"" for d in t.deadlines))
        w = where(t)
        yield task_hit(
            t,
            Msg(f"{w.vi} chỉ có thời hạn chung chung ({words}), không có ngày, tháng hay kỳ cụ thể: \"{excerpt(t)}\".",
                f"{w.en} only has a vague deadline ({words}), no date, month or period: \"{excerpt(t)}\"."),
            Msg("Thêm thời hạn cụ thể, ví dụ \"hoàn thành trước ngày …\" hoặc \"trong tháng …\".",
                "Add a concrete deadline, e.g. \"hoàn thành trước ngày …\" or \"trong tháng …\"."),
            severity="info" if t.nature == "ongoing" else None,
            words=[d.text for d in t.deadlines],
        )
