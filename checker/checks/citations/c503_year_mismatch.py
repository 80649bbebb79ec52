"""C503 — Năm trong số ký hiệu khác năm của ngày ban hành

Cái gì: số ký hiệu có năm ban hành ("163/2024/QH15", "42/2018/QĐ-UBND") nhưng ngày ban hành viết
ngay sau lại thuộc năm khác ("ngày 27 tháng 11 năm 2025").
Tại sao: số của văn bản được đánh theo năm ban hành; năm trong ký hiệu và ngày ban hành phải trùng
nhau. Một trong hai chỗ viết sai (thường là ngày), người đọc tra sẽ không ra văn bản.
Căn cứ: Nghị định 30/2020/NĐ-CP, Điều 15 khoản 1 (số và thời gian ban hành lấy theo thứ tự trong
năm, từ 01/01 đến 31/12); Nghị định 34/2016/NĐ-CP, Điều 58 (số văn bản quy phạm pháp luật gồm số thứ
tự và năm ban hành).
Ví dụ sai: "Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2025".
Ví dụ đúng: "Nghị quyết số 163/2024/QH15 ngày 27 tháng 11 năm 2024".
Cách sửa: đối chiếu bản gốc, sửa năm của ngày ban hành (hoặc năm trong ký hiệu).
---
What: the symbol carries a year ("163/2024/QH15") but the date written after it is in another
year ("ngày 27 tháng 11 năm 2025").
Why: documents are numbered per year of issue; the two years must agree, and one of them is wrong.
Rule: Decree 30/2020/NĐ-CP, Article 15(1); Decree 34/2016/NĐ-CP, Article 58.
Fix: check the original and correct the date's year (or the symbol's).
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.citations import citations
from ._common import data


@rule("C503", name="year-mismatch", severity="error",
      title=Msg("Năm trong số ký hiệu khác năm ban hành", "Symbol year differs from the date's year"))
def check(doc):
    for c in citations(doc):
        d = c.date
        if not c.year or d is None or d.year is None or d.year == c.year:
            continue
        s0 = c.symbol_span[0]
        s1 = c.date_span[1] if c.date_span[1] > s0 else c.symbol_span[1]
        yield Hit(Msg(f"Năm trong số ký hiệu \"{c.symbol}\" là {c.year} nhưng ngày ban hành \"{d.text}\" thuộc năm "
                      f"{d.year}.",
                      f"The symbol \"{c.symbol}\" has the year {c.year} but the date \"{d.text}\" is in {d.year}."),
                  para=c.para, start=s0, end=s1, data=data(c),
                  hint=Msg("Đối chiếu bản gốc: năm trong ký hiệu và năm ban hành phải là một.",
                           "Check the original: the symbol's year and the year of issue are the same."))
