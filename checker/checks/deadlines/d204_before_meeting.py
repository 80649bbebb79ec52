"""D204 — Thời hạn trước ngày họp hoặc trước ngày ban hành

Cái gì: thời hạn của một nhiệm vụ rơi vào trước ngày họp (ngày trong phần mở đầu: "Ngày
24/8/2021, Ủy ban nhân dân tỉnh tổ chức phiên họp …") hoặc trước ngày ban hành thông báo (dòng
địa danh, ngày tháng). Ngày không ghi năm lấy năm của cuộc họp (họp tháng 12, hạn tháng 1 là năm
sau).
Tại sao: việc được giao tại cuộc họp không thể có hạn trước cuộc họp; hạn trước ngày ban hành
thì khi nhận được thông báo đã trễ. Thường là gõ nhầm ngày, tháng hoặc năm, hoặc thông báo phát
hành chậm.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 23 khoản 2 (thời hạn giải quyết); Điều 15 (thời gian ban
hành văn bản).
Ví dụ sai: họp ngày 31/8/2020, "báo cáo UBND huyện trước ngày 25/8".
Ví dụ đúng: "báo cáo UBND huyện trước ngày 25/9".
Cách sửa: sửa thời hạn, hoặc ban hành thông báo sớm hơn.
---
What: a task's deadline falls before the meeting (the date in the opening paragraph) or before
the notice was issued (the place-and-date line). A date without a year takes the meeting's year
(a December meeting with a January deadline means the next year).
Why: work assigned at a meeting cannot be due before it; a deadline before the notice's date
has passed when the notice arrives. Usually a mistyped day, month or year, or a late notice.
Rule: Decree 30/2020/NĐ-CP, Article 23(2) (deadline) and Article 15 (date of issue).
Fix: correct the deadline, or issue the notice earlier.
"""
from ...diagnostics import Msg
from ...engine import rule
from ...extract.header import meeting_date, notice_date
from ._task_hit import task_deadlines, task_hit, where


def _fmt(d):
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


@rule("D204", name="deadline-before-meeting", severity="warning", kinds=("thong-bao",),
      title=Msg("Thời hạn trước ngày họp hoặc ngày ban hành", "Deadline before the meeting or the notice"))
def check(doc):
    meeting, issued = meeting_date(doc), notice_date(doc)
    if not meeting and not issued:
        return
    for t, d in task_deadlines(doc):
        if t.origin == "table":
            continue  # a table row restates the deadline of the document that gave the task
        if d.concrete and d.date is not None:
            w = where(t)
            if meeting and d.date < meeting:
                yield task_hit(
                    t,
                    Msg(f"{w.vi}: thời hạn \"{d.text}\" ({_fmt(d.date)}) trước ngày họp {_fmt(meeting)}.",
                        f"{w.en}: the deadline \"{d.text}\" ({_fmt(d.date)}) is before the meeting of {_fmt(meeting)}."),
                    Msg("Kiểm tra lại ngày, tháng, năm của thời hạn.", "Check the day, month and year of the deadline."),
                    deadline=d.text, date=d.date.isoformat(), reference="meeting",
                )
            elif issued and d.date < issued:
                yield task_hit(
                    t,
                    Msg(f"{w.vi}: thời hạn \"{d.text}\" ({_fmt(d.date)}) trước ngày ban hành thông báo {_fmt(issued)}: "
                        "khi nhận được thông báo thì đã quá hạn.",
                        f"{w.en}: the deadline \"{d.text}\" ({_fmt(d.date)}) is before the notice's date {_fmt(issued)}: "
                        "it has passed when the notice arrives."),
                    Msg("Sửa thời hạn cho phù hợp hoặc ban hành thông báo sớm hơn.",
                        "Move the deadline, or issue the notice earlier."),
                    deadline=d.text, date=d.date.isoformat(), reference="notice",
                )
