"""C506 — Văn bản được viện dẫn có ngày sau ngày của chính văn bản

Cái gì: văn bản được viện dẫn có ngày ban hành (hoặc năm trong số ký hiệu) muộn hơn ngày ban hành
của chính thông báo (hoặc văn bản) đang soạn.
Tại sao: một văn bản không thể viện dẫn văn bản ban hành sau nó; ngày hoặc số ký hiệu đã viết sai
(hoặc ngày của thông báo sai).
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4.b và II.6.b (thời gian ban hành của văn
bản và của văn bản được viện dẫn); Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1.
Ví dụ sai: thông báo "Lai Châu, ngày 30 tháng 8 năm 2021" viện dẫn "Quyết định số 12/QĐ-UBND ngày
15/9/2021".
Ví dụ đúng: văn bản được viện dẫn có ngày trước (hoặc cùng) ngày của thông báo.
Cách sửa: đối chiếu bản gốc và sửa ngày (hoặc năm trong ký hiệu) của văn bản được viện dẫn.
Khi thông báo chưa ghi ngày (dự thảo), chỉ so năm.
---
What: a cited document is dated (or numbered in a year) after the notice itself.
Why: a document cannot cite a later one: a date or symbol is wrong (or the notice's date is).
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, II.4.b and II.6.b; Article 15(1).
Fix: check the original and correct the cited date or symbol. When the draft has no date yet,
only the year is compared.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations, document_date, document_year
from ._common import data, fmt, head_span


@rule("C506", name="cited-after", severity="error",
      title=Msg("Văn bản được viện dẫn ban hành sau văn bản này", "Cited document dated after this one"))
def check(doc):
    ref = document_date(doc)
    year = ref.year if ref else document_year(doc)
    if year is None:
        return
    for c in citations(doc):
        d = c.date
        if d is not None and d.valid and d.first:
            late = d.first > ref if ref else d.first.year > year
            if late:
                when_vi = f"ngày {fmt(ref)}" if ref else f"năm {year}"
                when_en = fmt(ref) if ref else str(year)
                yield Hit(Msg(f"Văn bản được viện dẫn có ngày ban hành {fmt(d.first)}, sau ngày của chính văn bản này "
                              f"({when_vi}).",
                              f"The cited document is dated {fmt(d.first)}, after this document ({when_en})."),
                          para=c.para, start=c.date_span[0], end=c.date_span[1], data=data(c),
                          hint=Msg("Đối chiếu bản gốc và sửa ngày ban hành của văn bản được viện dẫn.",
                                   "Check the original and correct the cited document's date."))
                continue
        if c.year and c.year > year and (d is None or not d.valid):
            s0, s1 = head_span(c)
            yield Hit(Msg(f"Số ký hiệu \"{c.symbol}\" mang năm {c.year}, sau năm của chính văn bản này ({year}).",
                          f"The symbol \"{c.symbol}\" carries the year {c.year}, after this document ({year})."),
                      para=c.para, start=s0, end=s1, data=data(c),
                      hint=Msg("Đối chiếu bản gốc và sửa số ký hiệu.", "Check the original and correct the symbol."))
