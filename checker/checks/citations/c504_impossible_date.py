"""C504 — Ngày ban hành không có thật

Cái gì: ngày ban hành của văn bản được viện dẫn không có trên lịch ("ngày 31/9/2021",
"ngày 29/02/2023", "ngày 12/13/2020"), hoặc được viết sai chữ "tháng", "năm" ("ngày 22 tháng 12 nám
2024": mức cảnh báo, sửa tự động được; ngày vẫn được đọc, nên C505 không báo thiếu ngày).
Tại sao: một ngày không có thật chắc chắn là lỗi đánh máy; văn bản không tra cứu được theo ngày.
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4.b (thời gian ban hành là ngày, tháng,
năm văn bản được ban hành) và Mục II.6.b (viện dẫn lần đầu ghi thời gian ban hành).
Ví dụ sai: "Quyết định số 42/2018/QĐ-UBND ngày 31/9/2018".
Ví dụ đúng: "Quyết định số 42/2018/QĐ-UBND ngày 10/12/2018".
Cách sửa: đối chiếu bản gốc và ghi đúng ngày.
---
What: the date of a cited document does not exist ("31/9/2021", "29/02/2023", "12/13/2020"), or
its word "tháng" or "năm" is misspelt ("ngày 22 tháng 12 nám 2024": a warning with a safe fix; the
date is still read, so C505 does not call it missing).
Why: an impossible date is certainly a typo, and the document cannot be found by its date.
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.4.b and II.6.b.
Fix: copy the date from the original.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations
from ...extract.dates import days_in_month
from ._common import data


def _why(d) -> tuple[str, str]:
    if not d.month or not 1 <= d.month <= 12:
        return f"không có tháng {d.month}", f"there is no month {d.month}"
    days = days_in_month(d.year or 2024, d.month)
    if d.day == 0:
        return "không có ngày 0", "there is no day 0"
    return (f"tháng {d.month}/{d.year} chỉ có {days} ngày", f"month {d.month}/{d.year} has only {days} days")


@rule("C504", name="impossible-date", severity="error", fixable=True,
      varies=(("warning",), Msg('Cảnh báo khi ngày có thật nhưng một chữ viết sai ("nám" thay cho "năm"), sửa được; lỗi khi ngày không có thật.',
                                'A warning when the date exists but a word of it is misspelt ("nám" for "năm"), which can be fixed; an error when the date does not exist.')),
      title=Msg("Ngày ban hành không có thật", "Impossible date of issue"))
def check(doc):
    for c in citations(doc):
        d = c.date
        for a, b, wrong, right in c.date_misspelt:
            yield Hit(Msg(f"Ngày ban hành \"{d.text}\" viết sai chữ \"{wrong}\"; phải là \"{right}\".",
                          f"The date \"{d.text}\" misspells \"{right}\" as \"{wrong}\"."),
                      para=c.para, start=a, end=b, severity="warning", suggestion=right, replacement=right,
                      data=data(c))
        if d is None or d.valid:
            continue
        vi, en = _why(d)
        yield Hit(Msg(f"Ngày ban hành \"{d.text}\" của văn bản được viện dẫn không có thật: {vi}.",
                      f"The date \"{d.text}\" of the cited document does not exist: {en}."),
                  para=c.para, start=c.date_span[0], end=c.date_span[1], data=data(c),
                  hint=Msg("Đối chiếu bản gốc và ghi đúng ngày, tháng, năm ban hành.",
                           "Copy the day, month and year of issue from the original."))
