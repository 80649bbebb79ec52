"""F604 — Số 0 phía trước ngày, tháng trong dòng địa danh, thời gian ban hành

Cái gì: trong dòng "…, ngày … tháng … năm …" của phần đầu văn bản, ngày nhỏ hơn 10 hoặc tháng 1,
tháng 2 được viết không có số 0 phía trước.
Tại sao: thể thức thời gian ban hành được quy định thống nhất; số 0 phía trước giữ ngày, tháng
có hai chữ số (tránh sửa, chèn số sau khi ký).
Căn cứ: Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, Mục II.4.b ("đối với những số thể hiện ngày
nhỏ hơn 10 và tháng 1, 2 phải ghi thêm số 0 phía trước").
Ví dụ sai: "Lai Châu, ngày 5 tháng 9 năm 2021"; "Hà Nội, ngày 15 tháng 1 năm 2025".
Ví dụ đúng: "Lai Châu, ngày 05 tháng 9 năm 2021"; "Hà Nội, ngày 15 tháng 01 năm 2025".
Cách sửa: thêm số 0 trước ngày nhỏ hơn 10 và trước tháng 1, 2 (bản sửa tự động). Các tháng từ 3
đến 9 không cần số 0 ("tháng 9"). Thiếu dòng này, ngày để trống hoặc ngày không có thật: S104.
---
What: in the header's place-and-date line ("…, ngày … tháng … năm …") a day below 10, or month 1
or 2, is written without a leading zero.
Why: the form of the date of issue is fixed; the leading zero keeps day and month two digits
long (nothing can be added in front after signing).
Rule: Decree 30/2020/NĐ-CP, Annex I, Part I, Section II.4.b ("a day below 10 and months 1 and 2
take a leading zero").
Fix: add the zero before a day below 10 and before months 1 and 2 (automatic fix). Months 3 to 9
take none ("tháng 9"). A missing line, a blank or an impossible date: S104.
"""
from ...diagnostics import Msg
from ...engine import Hit, rule
from ...extract.header import parse_place_date


@rule("F604", name="date-leading-zero", severity="warning", kinds=("thong-bao",), fixable=True,
      title=Msg("Số 0 phía trước ngày nhỏ hơn 10 và tháng 1, 2", "Leading zero of days below 10 and months 1, 2"))
def check(doc):
    for p in doc.component("place_date")[:1]:
        pd = parse_place_date(p.text)
        if pd is None or pd.date() is None:
            continue  # blank, malformed or impossible: S104
        d, m = int(pd.day), int(pd.month)
        sp = pd.spans
        if d < 10 and not pd.day.startswith("0"):
            yield Hit(Msg(f"Ngày nhỏ hơn 10 phải ghi thêm số 0 phía trước: \"ngày {d:02d}\".",
                          f"A day below 10 takes a leading zero: \"ngày {d:02d}\"."),
                      para=p, start=sp["day"][0], end=sp["day"][1], suggestion=f"{d:02d}", replacement=f"{d:02d}")
        if m in (1, 2) and not pd.month.startswith("0"):
            yield Hit(Msg(f"Tháng 1, 2 phải ghi thêm số 0 phía trước: \"tháng {m:02d}\".",
                          f"Months 1 and 2 take a leading zero: \"tháng {m:02d}\"."),
                      para=p, start=sp["month"][0], end=sp["month"][1], suggestion=f"{m:02d}", replacement=f"{m:02d}")
