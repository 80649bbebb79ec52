"""D205 — Thời hạn đã qua (khi rà soát với --today)

Cái gì: khi chạy với "--today YYYY-MM-DD" (rà soát việc thực hiện), thời hạn của nhiệm vụ đã qua
so với ngày đó: "trước ngày 15/9/2020" khi hôm nay là 20/9/2020; "trong tháng 9/2020" khi đã
sang tháng 10. Không có "--today" thì quy tắc này không chạy.
Tại sao: giúp văn phòng lập danh sách nhiệm vụ quá hạn để đôn đốc, báo cáo.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 24 (theo dõi, đôn đốc việc giải quyết).
Ví dụ sai: hạn "trước ngày 05/9/2020", hôm nay 10/9/2020, chưa có báo cáo kết quả.
Ví dụ đúng: không phải sửa văn bản: đây là thông tin đôn đốc.
Cách sửa: đôn đốc đơn vị chủ trì, hoặc ghi nhận kết quả đã hoàn thành.
---
What: with "--today YYYY-MM-DD" (an audit of follow-up), the task's deadline is already past
on that day. Without --today this rule does not run.
Why: it gives the office the list of overdue tasks to chase.
Rule: Decree 30/2020/NĐ-CP, Article 24 (following up the handling of documents).
Fix: nothing to change in the text: chase the lead body, or record the work as done.
"""
from ...diagnostics import Msg
from ...engine import rule
from ._task_hit import task_deadlines, task_hit, where


@rule("D205", name="deadline-past", severity="warning", kinds=("thong-bao",),
      title=Msg("Thời hạn đã qua", "Deadline already past"))
def check(doc):
    today = doc.options.today
    if today is None:
        return
    for t, d in task_deadlines(doc):
        if d.concrete and d.date is not None and d.date < today:
            w = where(t)
            days = (today - d.date).days
            yield task_hit(
                t,
                Msg(f"{w.vi}: thời hạn \"{d.text}\" ({d.date:%d/%m/%Y}) đã qua {days} ngày (tính đến {today:%d/%m/%Y}).",
                    f"{w.en}: the deadline \"{d.text}\" ({d.date:%d/%m/%Y}) passed {days} days ago (as of {today:%d/%m/%Y})."),
                Msg("Đôn đốc đơn vị chủ trì hoặc cập nhật kết quả thực hiện.", "Chase the lead body or record the result."),
                deadline=d.text, date=d.date.isoformat(), days=days,
            )
