"""D203 — Thời hạn là ngày không có thật

Cái gì: thời hạn của một nhiệm vụ là ngày không tồn tại: 31/9, 30/02, 29/02 của năm không nhuận,
tháng 13, "ngày 32".
Tại sao: không ai biết hạn thật là ngày nào; thường là gõ nhầm ngày hoặc tháng.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (xác định rõ thời hạn giải quyết).
Ví dụ sai: "báo cáo UBND tỉnh trước ngày 31/9/2021".
Ví dụ đúng: "báo cáo UBND tỉnh trước ngày 30/9/2021".
Cách sửa: sửa lại ngày hoặc tháng cho đúng.
---
What: the deadline of a task is a date that does not exist: 31/9, 30/02, 29/02 of a non-leap
year, month 13, "day 32".
Why: nobody knows the real deadline; it is usually a mistyped day or month.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (a clear deadline).
Fix: correct the day or the month.
"""
from ...diagnostics import Msg
from ...engine import rule
from ._task_hit import task_deadlines, task_hit, where


@rule("D203", name="impossible-date", severity="error", kinds=("thong-bao",),
      title=Msg("Thời hạn là ngày không có thật", "Impossible deadline date"))
def check(doc):
    for t, d in task_deadlines(doc):
        if not d.valid and d.mention is not None:
            w = where(t)
            yield task_hit(
                t,
                Msg(f"{w.vi}: thời hạn \"{d.text}\" là ngày không có thật (tháng {d.mention.month} không có ngày {d.mention.day}).",
                    f"{w.en}: the deadline \"{d.text}\" is a date that does not exist (month {d.mention.month} has no day {d.mention.day}).")
                if d.mention.day and d.mention.month and 1 <= d.mention.month <= 12 else
                Msg(f"{w.vi}: thời hạn \"{d.text}\" không phải là ngày có thật (không có tháng {d.mention.month}).",
                    f"{w.en}: the deadline \"{d.text}\" is not a real date (there is no month {d.mention.month})."),
                Msg("Sửa lại ngày hoặc tháng của thời hạn.", "Correct the day or the month of the deadline."),
                deadline=d.text,
            )
